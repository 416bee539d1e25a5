from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "liftwell.web.ops"
    label = "ops"
    verbose_name = "Operations"
