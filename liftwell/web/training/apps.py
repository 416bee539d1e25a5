from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "liftwell.web.training"
    label = "training"
    verbose_name = "Training log"
