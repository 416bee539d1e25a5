from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "liftwell.web.health"
    label = "health"
    verbose_name = "Health and benefits"
