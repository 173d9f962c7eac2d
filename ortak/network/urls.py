"""The roster's addresses (under /experts/)."""

from django.urls import path

from ortak.network import views

app_name = "network"
urlpatterns = [
    path("", views.expert_list, name="experts"),
    path("<int:pk>/", views.expert_detail, name="expert"),
    path("join/", views.expert_register, name="expert_register"),
    path("confirm/<str:token>/", views.expert_confirm, name="expert_confirm"),
    path("me/<str:token>/", views.expert_me, name="expert_me"),
    path("me/<str:token>/data.json", views.expert_me_data, name="expert_me_data"),
    path("me/<str:token>/withdraw/", views.expert_withdraw, name="expert_withdraw"),
    path("moderation/", views.moderation, name="moderation"),
    path("requests/", views.expertise_requests, name="expertise_requests"),
    path("requests/<int:pk>/", views.expertise_request, name="expertise_request"),
    path("organizations/join/", views.organization_join, name="organization_join"),
]
