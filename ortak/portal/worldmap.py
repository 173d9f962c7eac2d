"""The world map: Natural Earth's country outlines as SVG paths, places on it, and clusters.

The outlines are Natural Earth's 1:110m countries (`data/world/`, from the npm package
world-atlas, kept in the repository), drawn in the Natural Earth projection, a compromise
projection made for world maps that keeps the shapes of the mid latitudes, where the
diasporas live, recognisable. They are projected and simplified once per process; zooming
only moves the SVG viewBox over the same paths, so no tile server and no CDN are needed.
Plain Python, without Django.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

DATA = Path(__file__).parent / "data" / "world" / "countries-110m.json"

WIDTH = 1000.0  # the whole frame in map units; the SVG scales to the page
NORTH, SOUTH = 84.0, -58.0  # the frame leaves out Antarctica and the polar seas
MAX_ZOOM = 4  # each step halves the view; at 4 a view spans about a sixteenth of the world
CLUSTER_CELL = 34.0  # places closer than this on the screen (at any zoom) become one cluster
_SIMPLIFY = 0.6  # map units: closer points of an outline add nothing at the world's scale
_ANTARCTICA = "010"


def _natural_earth(lat: float, lon: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič, Jenny, Patterson, Petrovič, Hurni 2011)."""
    phi, lam = math.radians(lat), math.radians(lon)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.870700 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


_X_EDGE = _natural_earth(0.0, 180.0)[0]
_TOP = _natural_earth(NORTH, 0.0)[1]
_SCALE = WIDTH / (2 * _X_EDGE)
HEIGHT = round((_TOP - _natural_earth(SOUTH, 0.0)[1]) * _SCALE, 1)


def project(lat: float, lon: float) -> tuple[float, float]:
    """Map units of a point: x from the west edge, y down from the frame's north edge."""
    x, y = _natural_earth(lat, lon)
    return (x + _X_EDGE) * _SCALE, (_TOP - y) * _SCALE


# Outlines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outline:
    """One country: its ISO 3166 numeric code, Natural Earth's name, its SVG path and box."""

    code: str
    name: str
    path: str
    box: tuple[float, float, float, float]  # left, top, right, bottom

    def meets(self, left: float, top: float, right: float, bottom: float) -> bool:
        return not (
            self.box[2] < left or self.box[0] > right or self.box[3] < top or self.box[1] > bottom
        )


@functools.cache
def country_outlines() -> tuple[Outline, ...]:
    """Every country but Antarctica, projected and simplified (once per process)."""
    topology = json.loads(DATA.read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topology)
    outlines = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == _ANTARCTICA or not geometry.get("arcs"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_projected(_ring(arcs, ring)) for polygon in polygons for ring in polygon]
        outlines.append(_outline(geometry, rings))
    return tuple(outlines)


def _decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantized, delta-encoded arcs as (longitude, latitude) points."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """A closed ring from its arcs; a negative index (~i) is arc i walked backwards."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


def _unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) made continuous: its
    western longitudes go on past 180°, beyond the frame's edge, instead of a line drawn
    across the whole world."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in itertools.pairwise(ring)):
        return ring
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]


def _projected(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring in map units, without the points too close to the one before to be seen."""
    kept: list[tuple[float, float]] = []
    for lon, lat in _unwrapped(ring):
        x, y = project(lat, lon)
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= _SIMPLIFY:
            kept.append((x, y))
    return kept


def _outline(geometry: dict[str, Any], rings: list[list[tuple[float, float]]]) -> Outline:
    rings = [ring for ring in rings if len(ring) >= 3]
    path = "".join("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z" for ring in rings)
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    name = str(geometry.get("properties", {}).get("name", ""))
    return Outline(str(geometry.get("id", "")), name, path, (min(xs), min(ys), max(xs), max(ys)))


# The view: a zoom level and a centre -------------------------------------------------------


@dataclass(frozen=True)
class Viewport:
    """What part of the frame is shown: zoom 0 is the world, each level halves the view."""

    zoom: int = 0
    x: float = WIDTH / 2
    y: float = HEIGHT / 2

    def __post_init__(self) -> None:
        # Kept inside the frame, so a view never shows empty space beyond the world's edge.
        zoom = min(max(self.zoom, 0), MAX_ZOOM)
        object.__setattr__(self, "zoom", zoom)
        half_w, half_h = WIDTH / 2 ** (zoom + 1), HEIGHT / 2 ** (zoom + 1)
        object.__setattr__(self, "x", min(max(self.x, half_w), WIDTH - half_w))
        object.__setattr__(self, "y", min(max(self.y, half_h), HEIGHT - half_h))

    @property
    def width(self) -> float:
        return WIDTH / 2**self.zoom

    @property
    def height(self) -> float:
        return HEIGHT / 2**self.zoom

    @property
    def box(self) -> tuple[float, float, float, float]:
        """Left, top, right, bottom in map units."""
        left, top = self.x - self.width / 2, self.y - self.height / 2
        return left, top, left + self.width, top + self.height

    @property
    def view_box(self) -> str:
        left, top, _, _ = self.box
        return f"{left:.1f} {top:.1f} {self.width:.1f} {self.height:.1f}"

    @property
    def unit(self) -> float:
        """Map units per screen pixel of the world view: sizes of marks and text follow it."""
        return 1 / 2**self.zoom

    def contains(self, x: float, y: float) -> bool:
        left, top, right, bottom = self.box
        return left <= x <= right and top <= y <= bottom

    def zoomed(self, step: int, *, at: tuple[float, float] | None = None) -> Viewport:
        x, y = at or (self.x, self.y)
        return Viewport(self.zoom + step, x, y)

    def panned(self, east: float, south: float) -> Viewport:
        """Moved by a fraction of the view (`east=0.5`: half a view to the east)."""
        return replace(self, x=self.x + east * self.width, y=self.y + south * self.height)

    @classmethod
    def fitting(cls, points: Iterable[tuple[float, float]]) -> Viewport:
        """The closest view that still shows every point (the world when there are none)."""
        points = list(points)
        if not points:
            return cls()
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
        zoom = 0
        while (
            zoom < MAX_ZOOM
            and span_x * 1.25 <= WIDTH / 2 ** (zoom + 1)
            and span_y * 1.25 <= HEIGHT / 2 ** (zoom + 1)
        ):
            zoom += 1
        return cls(zoom, (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)


# Clusters ---------------------------------------------------------------------------------

T = TypeVar("T")


@dataclass
class Cluster(Generic[T]):
    """Places that fall into one cell of the grid at a zoom level, drawn as one mark."""

    x: float
    y: float
    members: list[T] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.members)


def clusters(places: Iterable[tuple[float, float, T]], zoom: int) -> list[Cluster[T]]:
    """Grid clustering: the frame is cut into cells of `CLUSTER_CELL` screen pixels at this
    zoom; the places of one cell become a cluster at their mean position. The grid is fixed
    to the frame, not the view, so a place stays in its cluster when the view moves."""
    cell = CLUSTER_CELL / 2**zoom
    cells: dict[tuple[int, int], list[tuple[float, float, T]]] = defaultdict(list)
    for x, y, item in places:
        cells[(math.floor(x / cell), math.floor(y / cell))].append((x, y, item))
    found = [
        Cluster(
            sum(p[0] for p in members) / len(members),
            sum(p[1] for p in members) / len(members),
            [p[2] for p in members],
        )
        for members in cells.values()
    ]
    return sorted(found, key=lambda c: (c.y, c.x))
