from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "liftwell.web.coaching"
    label = "coaching"
    verbose_name = "Coaching and sharing"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from liftwell.web.coaching.middleware import remember_on_login

        # Notes in the session whether the sign-in needs a second factor; no other work happens here.
        user_logged_in.connect(remember_on_login, dispatch_uid="liftwell-two-factor-on-login")
