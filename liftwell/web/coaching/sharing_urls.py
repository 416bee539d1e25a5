from django.urls import path

from liftwell.web.coaching import sharing_views

urlpatterns = [
    path("", sharing_views.sharing, name="sharing"),
    path("log/", sharing_views.sharing_log, name="sharing-log"),
    path("invite/", sharing_views.sharing_invite, name="sharing-invite"),
    path("<int:grant_id>/accept/", sharing_views.sharing_accept, name="sharing-accept"),
    path("<int:grant_id>/decline/", sharing_views.sharing_decline, name="sharing-decline"),
    path("<int:grant_id>/revoke/", sharing_views.sharing_revoke, name="sharing-revoke"),
    path("<int:grant_id>/scope/", sharing_views.sharing_scope, name="sharing-scope"),
]
