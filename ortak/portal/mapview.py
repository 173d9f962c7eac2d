"""The map of diaspora organizations as the portal draws it: the outlines in view, a mark
per organization or cluster, the links that zoom and pan, and the table of what is shown.

Everything is placed on the server, so the map works without JavaScript: a mark is a link
(to the organization, or for a cluster to a closer view of it), and so are the controls.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ortak.portal.naming import record_name
from ortak.portal.worldmap import (
    HEIGHT,
    MAX_ZOOM,
    WIDTH,
    Cluster,
    Outline,
    Viewport,
    clusters,
    country_outlines,
    project,
)
from ortak.reference.countries import country_name
from ortak.reference.glossary import city_name
from ortak.registry.models import DiasporaOrganization

TABLE_LIMIT = 300  # rows of the table below the map; the list page has them all


@dataclass(frozen=True)
class Mark:
    """One organization (`count` 1) or a cluster of them, at its place on the map."""

    x: float
    y: float
    radius: float
    count: int
    title: str
    url: str


@dataclass
class MapView:
    title: str
    description: str
    viewport: Viewport
    marks: list[Mark] = field(default_factory=list)
    rows: list[DiasporaOrganization] = field(default_factory=list)
    in_view: int = 0  # organizations in the view, when the table is cut short
    located: int = 0  # organizations on the whole map
    controls: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.located

    @property
    def frame(self) -> tuple[float, float]:
        """The whole world's width and height in map units (the sea behind the outlines)."""
        return WIDTH, HEIGHT

    @property
    def font_size(self) -> str:
        return f"{11 * self.viewport.unit:.2f}"

    def outlines(self) -> list[Outline]:
        """The countries that reach into the view (the others would be drawn for nothing)."""
        return [o for o in country_outlines() if o.meets(*self.viewport.box)]


def organization_map(
    organizations: Sequence[DiasporaOrganization],
    *,
    viewport: Viewport | None,
    filters: dict[str, str],
    language: str,
) -> MapView:
    """The map of `organizations` (with coordinates) in `viewport`, or in the view that fits
    them all; `filters` are the list's query parameters, kept by every link."""
    placed = [
        (*project(o.latitude, o.longitude), o)
        for o in organizations
        if o.latitude is not None and o.longitude is not None
    ]
    viewport = viewport or Viewport.fitting((x, y) for x, y, _o in placed)
    view = MapView(
        _("Map of diaspora organizations"),
        _("Country outlines from Natural Earth; each dot is an organization, a numbered "
          "circle a group of them: open one to see it closer."),
        viewport,
        located=len(placed),
    )  # fmt: skip
    link = _Linker(filters)
    shown = [c for c in clusters(placed, viewport.zoom) if viewport.contains(c.x, c.y)]
    view.marks = [_mark(c, viewport, link, language) for c in shown]
    in_view = sorted(
        (o for c in shown for o in c.members), key=lambda o: record_name(o, language).casefold()
    )
    view.rows, view.in_view = in_view[:TABLE_LIMIT], len(in_view)
    view.controls = _controls(viewport, link)
    return view


class _Linker:
    """Addresses of the map page and the list, keeping the filters."""

    def __init__(self, filters: dict[str, str]) -> None:
        self.filters = {name: value for name, value in filters.items() if value}

    def map(self, viewport: Viewport) -> str:
        where = {"zoom": viewport.zoom, "x": round(viewport.x), "y": round(viewport.y)}
        return f"{reverse('portal:organization_map')}?{urlencode({**self.filters, **where})}"

    def list(self, **narrowed: str) -> str:
        return f"{reverse('portal:organizations')}?{urlencode({**self.filters, **narrowed})}"


def _mark(
    cluster: Cluster[DiasporaOrganization], viewport: Viewport, link: _Linker, language: str
) -> Mark:
    unit = viewport.unit
    if cluster.count == 1:
        organization = cluster.members[0]
        return Mark(
            cluster.x, cluster.y, 6 * unit, 1, _place_title(organization, language),
            reverse("portal:organization", args=[organization.pk]),
        )  # fmt: skip
    names = sorted(record_name(o, language) for o in cluster.members)
    title = ngettext(
        "%(count)d organizations: %(names)s", "%(count)d organizations: %(names)s", cluster.count
    ) % {"count": cluster.count, "names": ", ".join(names[:5]) + ("…" if len(names) > 5 else "")}
    radius = (9 + 3 * math.log2(cluster.count)) * unit
    return Mark(
        cluster.x, cluster.y, radius, cluster.count, title, _cluster_url(cluster, viewport, link)
    )


def _cluster_url(cluster: Cluster, viewport: Viewport, link: _Linker) -> str:
    """A closer view where the cluster falls apart; at the closest zoom, the list of its
    organizations (by their country, when they share one)."""
    if viewport.zoom < MAX_ZOOM:
        closer = Viewport.fitting(project(o.latitude, o.longitude) for o in cluster.members)
        return link.map(
            closer if closer.zoom > viewport.zoom else viewport.zoomed(1, at=(cluster.x, cluster.y))
        )
    countries = {o.host_country for o in cluster.members}
    return link.list(country=countries.pop()) if len(countries) == 1 else link.list()


def _place_title(organization: DiasporaOrganization, language: str) -> str:
    place = ", ".join(
        part
        for part in (
            city_name(organization.city, language),
            country_name(organization.host_country, language),
        )
        if part
    )
    name = record_name(organization, language)
    return f"{name} — {place}" if place else name


def _controls(viewport: Viewport, link: _Linker) -> dict[str, str]:
    """Zoom and pan links; a control that would not change the view is left out."""
    candidates = {
        "zoom_in": viewport.zoomed(1),
        "zoom_out": viewport.zoomed(-1),
        "north": viewport.panned(0, -0.5),
        "west": viewport.panned(-0.5, 0),
        "east": viewport.panned(0.5, 0),
        "south": viewport.panned(0, 0.5),
        "world": Viewport(),
    }
    return {name: link.map(moved) for name, moved in candidates.items() if moved != viewport}
