from django.urls import path

from ortak.workspace import views

app_name = "workspace"
urlpatterns = [path("", views.dashboard, name="dashboard")]
