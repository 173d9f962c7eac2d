from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ortak.accounts"
    label = "accounts"
