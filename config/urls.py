from django.contrib import admin
from django.urls import include, path

from ortak.core.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("ortak.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("ortak.accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("workspace/", include("ortak.workspace.urls")),
    path("", include("ortak.portal.urls")),
]
