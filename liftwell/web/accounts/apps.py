from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "liftwell.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from liftwell.web.accounts.twofactor_middleware import remember_on_login

        # Notes in the session whether the sign-in needs a second factor; no other work happens here.
        user_logged_in.connect(remember_on_login, dispatch_uid="liftwell-two-factor-on-login")
