from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "liftwell.web.site"
    label = "site"
    verbose_name = "Site"
