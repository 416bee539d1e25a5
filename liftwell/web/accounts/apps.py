from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "liftwell.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
