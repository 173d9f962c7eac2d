"""The portal's addresses: lists, their CSV exports, one page per record, the calendar."""

from django.urls import path

from ortak.portal.views import calendar, events, home, plans, registry, search

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("search/", search.search, name="search"),
    path("statistics/", home.statistics, name="statistics"),
    path("events/", events.event_list, name="events"),
    path("events/export.csv", events.event_export, name="events_csv"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("series/", events.series_list, name="series_list"),
    path("series/<int:pk>/", events.series_detail, name="series"),
    path("calendar/", calendar.calendar_month, name="calendar"),
    path("calendar/ortak.ics", calendar.calendar_ics, name="calendar_ics"),
    path("people/", registry.person_list, name="people"),
    path("people/export.csv", registry.person_export, name="people_csv"),
    path("people/<int:pk>/", registry.person_detail, name="person"),
    path("institutions/", registry.institution_list, name="institutions"),
    path("institutions/export.csv", registry.institution_export, name="institutions_csv"),
    path("institutions/<int:pk>/", registry.institution_detail, name="institution"),
    path("organizations/", registry.organization_list, name="organizations"),
    path("organizations/map/", registry.organization_map_page, name="organization_map"),
    path("organizations/export.csv", registry.organization_export, name="organizations_csv"),
    path("organizations/<int:pk>/", registry.organization_detail, name="organization"),
    path("states/", registry.state_list, name="states"),
    path("states/<str:key>/", registry.state_detail, name="state"),
    path("plans/", plans.plan_list, name="plans"),
    path("plans/export.csv", plans.plan_export, name="plans_csv"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("plans/<int:pk>/report.<str:file_format>", plans.plan_report, name="plan_report"),
    path("reports/<int:pk>/", plans.plan_report_job, name="plan_report_job"),
    path("reports/<int:pk>/file", plans.plan_report_file, name="plan_report_file"),
    path("measures/<int:pk>/", plans.measure_detail, name="measure"),
]
