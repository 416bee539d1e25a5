from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "liftwell.web.exercises"
    label = "exercises"
    verbose_name = "Exercise library"
