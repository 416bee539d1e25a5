from django.urls import path

from liftwell.web.health import learn_views

urlpatterns = [
    path("", learn_views.learn_index, name="learn"),
    path("<slug:slug>/", learn_views.learn_article, name="learn-article"),
    path("<slug:slug>/report/", learn_views.learn_report, name="learn-report"),
]
