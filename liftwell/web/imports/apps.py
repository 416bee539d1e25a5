from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "liftwell.web.imports"
    label = "imports"
    verbose_name = "Imports from other apps"
