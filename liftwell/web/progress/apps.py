from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "liftwell.web.progress"
    label = "progress"
    verbose_name = "Progress"
