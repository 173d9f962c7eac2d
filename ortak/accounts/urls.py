"""Two-factor sign-in, under /accounts/ beside Django's sign-in pages."""

from django.urls import path

from ortak.accounts import views

urlpatterns = [
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
]
