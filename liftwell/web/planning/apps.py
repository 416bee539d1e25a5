from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "liftwell.web.planning"
    label = "planning"
    verbose_name = "Plan generator and screening"
