from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ortak.plans"
    label = "plans"
