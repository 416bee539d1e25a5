from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "liftwell.web.coaching"
    label = "coaching"
    verbose_name = "Coaching and sharing"
