"""Every write to plans: plans, their measures, decisions, links to events, imports.

One module per topic (`plans`, `measures`, `links`, `imports`); import the functions from here.
"""

from ortak.plans.services.imports import plan_import
from ortak.plans.services.links import (
    measure_link_add,
    measure_link_confirm,
    measure_link_dismiss,
    measure_links_refresh,
)
from ortak.plans.services.measures import (
    measure_create,
    measure_decide,
    measure_update,
    progress_add,
)
from ortak.plans.services.plans import plan_create, plan_delete, plan_update
from ortak.plans.services.report_jobs import report_job_request

__all__ = [
    "measure_create",
    "measure_decide",
    "measure_link_add",
    "measure_link_confirm",
    "measure_link_dismiss",
    "measure_links_refresh",
    "measure_update",
    "plan_create",
    "plan_delete",
    "plan_import",
    "plan_update",
    "progress_add",
    "report_job_request",
]
