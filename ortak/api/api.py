"""One django-ninja API; each app contributes its router. OpenAPI at /api/docs.

Anonymous readers see published records only; staff roles also read drafts
(ortak.accounts.permissions). Lists are paginated (`?page=`), with the filters of the
portal's lists.
"""

from ninja import NinjaAPI

from ortak.api.institution import router as institution_router
from ortak.events.api import router as events_router
from ortak.network.api import router as network_router
from ortak.plans.api import router as plans_router
from ortak.registry.api import router as registry_router

api = NinjaAPI(
    title="Ortak API",
    version="1",
    urls_namespace="api",
    description="The open data of the diaspora cooperation of the Organization of Turkic States.",
)
api.add_router("/", registry_router)
api.add_router("/", events_router)
api.add_router("/", plans_router)
api.add_router("/", network_router)
api.add_router("/", institution_router)
