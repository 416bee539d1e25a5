from django.urls import path

from liftwell.web.accounts import twofactor_views

urlpatterns = [
    path("", twofactor_views.two_factor, name="two-factor"),
    path("setup/", twofactor_views.two_factor_setup, name="two-factor-setup"),
    path("verify/", twofactor_views.two_factor_verify, name="two-factor-verify"),
    path("recovery-codes/", twofactor_views.two_factor_recovery, name="two-factor-recovery"),
    path("disable/", twofactor_views.two_factor_disable, name="two-factor-disable"),
]
