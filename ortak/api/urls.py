from django.urls import path

from ortak.api.api import api

urlpatterns = [path("", api.urls)]
