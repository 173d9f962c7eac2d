"""Charts as server-rendered SVG: the geometry is computed here, the templates draw it.

No JavaScript library and nothing from a CDN: a chart is plain markup that prints, scales on
a phone and reads in a screen reader through its title, description and the data table
every chart carries as its text alternative (`Chart.table`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ortak.portal.naming import record_name, state_row_name

# Colour-blind-safe colours (Okabe and Ito), one per OTS state; every colour also has a
# legend entry and a table row, so nothing is told by colour alone.
STATE_COLOURS = {
    "AZ": "#0072B2",
    "KZ": "#E69F00",
    "KG": "#D55E00",
    "TR": "#CC79A7",
    "UZ": "#009E73",
    "HU": "#56B4E9",
    "TM": "#8C6D31",
    "TRNC": "#555555",
}
OTHER_COLOUR = "#9AA3AD"
STATUS_COLOURS = {  # the Okabe-Ito palette, told apart by readers with colour blindness
    "not_started": "#9AA3AD",
    "scheduled": "#56B4E9",
    "held": "#009E73",
    "overdue": "#D55E00",
    "postponed": "#8C6D31",
    "cancelled": "#5B6670",
}


@dataclass(frozen=True)
class Table:
    """The chart's data as a table: its text alternative."""

    headers: list[str]
    rows: list[list[object]]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class Swatch:
    colour: str
    label: str


@dataclass
class Chart:
    """What a template needs to draw a chart: size, shapes, labels, legend and the table."""

    width: int
    height: int
    title: str
    description: str
    table: Table
    rects: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    gridlines: list[Label] = field(default_factory=list)  # y position and tick text
    legend: list[Swatch] = field(default_factory=list)
    plot: dict[str, float] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.table.rows


def nice_ceiling(value: float) -> int:
    """The smallest of 1, 2, 5 × 10ⁿ at or above `value`, for a readable axis."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)


def _ticks(top: int, count: int = 4) -> list[int]:
    step = max(1, top // count)
    return list(range(0, top + 1, step))


# Stacked bars: events per year per state ------------------------------------------------


def stacked_bars(
    rows: Sequence[dict], *, title: str, description: str, language: str, year_label: str
) -> Chart:
    """Bars by year, stacked by state, from `[{year, key, name, names, count}]` rows."""
    years = sorted({row["year"] for row in rows})
    if years:
        years = list(range(years[0], years[-1] + 1))  # a year with no event shows as a gap
    states = _states_in(rows, language)
    counts = {(row["year"], row["key"]): row["count"] for row in rows}
    table = Table(
        [year_label, *(name for _, name in states)],
        [[year, *(counts.get((year, key), 0) for key, _ in states)] for year in years],
    )
    chart = Chart(640, 300, title, description, table)
    if not years:
        return chart
    left, top, right, bottom = 40, 16, 628, 260
    totals = [sum(counts.get((y, k), 0) for k, _ in states) for y in years]
    peak = nice_ceiling(max(totals))
    scale = (bottom - top) / peak
    slot = (right - left) / len(years)
    for index, year in enumerate(years):
        x, base = left + index * slot + slot * 0.15, bottom
        for key, name in states:
            value = counts.get((year, key), 0)
            if value:
                height = value * scale
                base -= height
                chart.rects.append(
                    Rect(x, base, slot * 0.7, height, colour_of(key), f"{year}, {name}: {value}")
                )
        if len(years) <= 16 or index % 2 == 0:  # keep year labels from overlapping
            chart.labels.append(Label(left + index * slot + slot / 2, bottom + 18, str(year)))
    chart.gridlines = [Label(left, bottom - t * scale, str(t), "end") for t in _ticks(peak)]
    chart.legend = [Swatch(colour_of(key), name) for key, name in states]
    chart.plot = {"left": left, "right": right, "top": top, "bottom": bottom}
    return chart


def _states_in(rows: Iterable[dict], language: str) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for row in rows:
        seen.setdefault(row["key"], state_row_name(row, language))
    return sorted(seen.items(), key=lambda item: item[1])


def colour_of(state_key: str) -> str:
    return STATE_COLOURS.get(state_key, OTHER_COLOUR)


# Horizontal bars: measures by status, events of one state by year -------------------------


def horizontal_bars(
    values: Sequence[tuple[str, int, str]],
    *,
    title: str,
    description: str,
    headers: tuple[str, str],
) -> Chart:
    """One bar per `(label, value, colour)`, longest value scaled to the plot's width."""
    table = Table(list(headers), [[label, value] for label, value, _ in values])
    height = 24 + 32 * len(values)
    chart = Chart(640, height, title, description, table)
    left, right, peak = 170, 600, max((v for _, v, _ in values), default=0)
    for index, (label, value, colour) in enumerate(values):
        y = 12 + index * 32
        width = (right - left) * value / peak if peak else 0
        chart.rects.append(
            Rect(left, y, max(width, 1 if value else 0), 22, colour, f"{label}: {value}")
        )
        chart.labels.append(Label(left - 8, y + 16, label, "end"))
        chart.labels.append(Label(left + width + 6, y + 16, str(value), "start"))
    return chart


# Network: institutions that meet at the same events --------------------------------------


@dataclass(frozen=True)
class Node:
    x: float
    y: float
    radius: float
    label: str
    url: str
    anchor: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str


@dataclass
class Network:
    width: int
    height: int
    title: str
    description: str
    table: Table
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.edges


def network(
    institutions: Sequence,
    ties: Sequence,
    *,
    title: str,
    description: str,
    headers: tuple[str, str, str],
    language: str,
    url_of,
) -> Network:
    """Institutions on a circle, a line between two that met; thicker for more events."""
    names = {i.pk: record_name(i, language) for i in institutions}
    table = Table(list(headers), [[names[t.first], names[t.second], t.events] for t in ties])
    # Room on both sides for labels of some 34 characters beside the circle.
    chart = Network(840, 440, title, description, table)
    if not institutions:
        return chart
    cx, cy, radius = 420, 220, 160
    places: dict[int, tuple[float, float, float]] = {}
    for index, institution in enumerate(institutions):
        angle = 2 * math.pi * index / len(institutions) - math.pi / 2
        places[institution.pk] = (
            cx + radius * math.cos(angle),
            cy + radius * math.sin(angle),
            angle,
        )
    strongest = max((t.events for t in ties), default=1)
    for tie in ties:
        (x1, y1, _), (x2, y2, _) = places[tie.first], places[tie.second]
        width = 1 + 5 * tie.events / strongest
        label = f"{names[tie.first]} — {names[tie.second]}: {tie.events}"
        chart.edges.append(Edge(x1, y1, x2, y2, width, label))
    for institution in institutions:
        x, y, angle = places[institution.pk]
        right_side = math.cos(angle) >= 0
        chart.nodes.append(
            Node(
                x,
                y,
                6,
                _shorten(names[institution.pk]),
                url_of(institution),
                "start" if right_side else "end",
                x + (12 if right_side else -12),
                y + 4,
            )
        )
    return chart


def _shorten(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
