from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "liftwell.web.programs"
    label = "programs"
    verbose_name = "Programs"
