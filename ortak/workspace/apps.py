from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "ortak.workspace"
    label = "workspace"
