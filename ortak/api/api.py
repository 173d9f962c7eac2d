"""One django-ninja API; each app contributes its router."""

from ninja import NinjaAPI

api = NinjaAPI(title="Ortak API", version="1", urls_namespace="api")
