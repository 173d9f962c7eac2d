"""Template filters of the portal: names in the reader's language, dates with precision."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models import Field, Model
from django.utils import formats
from django.utils.html import format_html_join
from django.utils.translation import get_language

from ortak.portal.cache import TIMEOUT, stamp
from ortak.portal.facets import language_label
from ortak.portal.naming import record_name
from ortak.reference.countries import country_name
from ortak.reference.glossary import city_name, role_name

register = template.Library()

# Formats by precision; `E` is the month as it stands in a date ("18 июня 2025" in Russian).
_DAY, _MONTH, _YEAR = "j E Y", "F Y", "Y"


@register.filter
def named(record: Any, language: str | None = None) -> str:
    """The record's name in `language` (the reader's by default); see ortak.portal.naming.

    Works for named records, titled ones (events, plans) and the `{name, names}` rows that
    facet counts return.
    """
    return record_name(record, language or get_language() or "en")


def partial_date(value: dt.date | None, precision: str = "day") -> str:
    """`18 June 2025`, `June 2025` or `2025`, as precise as the source was."""
    if value is None:
        return ""
    pattern = {"year": _YEAR, "month": _MONTH}.get(precision, _DAY)
    return formats.date_format(value, pattern)


@register.filter
def when(record: Any) -> str:
    """An event's dates as a reader says them: `18 June 2025`, `18–20 June 2025`; an event
    whose article gives no day, by the day it was reported: `reported 13 June 2025`."""
    first, last = record.start_date, record.end_date
    if first is None:
        return _reported(record)
    start = partial_date(first, record.start_precision)
    if not last or last == first:
        return start
    end = partial_date(last, record.end_precision)
    if record.start_precision == record.end_precision == "day" and first.year == last.year:
        # Say the year (and the month) once: 23–27 December 2026, 30 June – 2 July 2025.
        if first.month == last.month:
            return f"{formats.date_format(first, 'j')}–{end}"
        return f"{formats.date_format(first, 'j E')} – {end}"
    return f"{start} – {end}"


def _reported(record: Any) -> str:
    from django.utils.translation import gettext

    # Without a start, the day an event is placed at (events.selectors.placed_on) is the
    # day it was reported; records read without it (a plan's events) carry their sources.
    reported = getattr(record, "placed_on", None)
    if reported is None and getattr(record, "source_list", None):
        days = [source.published for source in record.source_list if source.published]
        reported = min(days) if days else None
    if reported is None:
        return ""
    return gettext("reported %(date)s") % {"date": formats.date_format(reported, _DAY)}


@register.filter
def precise(value: dt.date | None, precision: str = "day") -> str:
    """A date with its precision: `{{ position.start_date|precise:position.start_precision }}`."""
    return partial_date(value, precision)


@register.filter
def iso_date(record: Any, prefix: str = "start") -> str:
    """A dated field for `<time datetime>`: 2025, 2025-06 or 2025-06-18."""
    value = getattr(record, f"{prefix}_date")
    if value is None:
        return ""
    precision = getattr(record, f"{prefix}_precision", "day")
    return {"year": f"{value:%Y}", "month": f"{value:%Y-%m}"}.get(precision, value.isoformat())


@register.filter
def label(record: Model, field: str) -> str:
    """The label of a choice field's value: `{{ event|label:"event_type" }}`.

    What `get_event_type_display` shows, without its cost: Django hashes every choice of
    the field on each call, translating each lazy label to do so, which a list of 25 rows
    pays hundreds of times.
    """
    value = getattr(record, field)
    return str(_choice_labels(type(record), field).get(value, value))


@functools.cache
def _choice_labels(model: type[Model], field: str) -> dict[str, Any]:
    """`{value: lazy label}` of a model's choice field; the labels translate when shown."""
    choice_field = model._meta.get_field(field)
    assert isinstance(choice_field, Field), "a field of the model, not a relation to it"
    return dict(choice_field.flatchoices)


@register.tag("fragment")
def do_fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    """`{% fragment "name" value … %}…{% endfragment %}`: a part of a page that is the same
    for every reader, drawn once and then read from the cache.

    Kept under its name, the values given, the reader's language, and the data version and
    release (ortak.portal.cache.stamp), so a change to the data or the code redraws it.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(nodelist, bits[1].strip("\"'"), vary_on)


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list) -> None:
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context: template.Context) -> str:
        values = [stamp(), get_language(), *(value.resolve(context) for value in self.vary_on)]
        key = make_template_fragment_key(f"ortak:portal:{self.name}", values)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, TIMEOUT)
        return html


@register.filter
def get_item(mapping: dict, key: Any) -> Any:
    """`mapping[key]` in a template, None when absent."""
    return mapping.get(key) if mapping else None


@register.filter
def country(code: str, language: str | None = None) -> str:
    """The country of an ISO 3166 code in the reader's language (`KG` → `Кыргызстан` in
    Russian); see ortak.reference.countries."""
    return country_name(code, language or get_language()) if code else ""


@register.filter
def city(text: str, language: str | None = None) -> str:
    """A city as the reader's language names it (`Bishkek` → `Бішкек` in Kazakh), whatever
    language it was stored in; a city the reference data lack stays as written."""
    return city_name(text, language or get_language())


@register.filter
def role(text: str, language: str | None = None) -> str:
    """A role or title in the reader's language (`Deputy Chairman` → `Заместитель
    председателя`); a title naming its institution stays as written."""
    return role_name(text, language or get_language())


@register.filter
def language_names(codes: list[str]) -> str:
    """`["kk", "de"]` -> "Kazakh, German" in the reader's language."""
    return ", ".join(language_label(code) for code in codes or [])


@register.simple_tag
def map_outlines(view: Any) -> str:
    """The country outlines in a map's view as SVG paths, each named by its country."""
    return format_html_join(
        "",
        '<path d="{}" class="country"><title>{}</title></path>',
        ((outline.path, outline.name) for outline in view.outlines()),
    )


@register.simple_tag
def map_marks(view: Any) -> str:
    """The marks of a map as SVG links: a dot per organization, a numbered circle per
    cluster. Written here rather than in a template loop: the template engine is slow at
    hundreds."""
    dots = (
        (m.url, f"{m.x:.2f}", f"{m.y:.2f}", f"{m.radius:.2f}", m.title)
        for m in view.marks
        if m.count == 1
    )
    groups = (
        (m.url, f"{m.x:.2f}", f"{m.y:.2f}", f"{m.radius:.2f}", m.title, f"{m.x:.2f}",
         f"{m.y:.2f}", view.font_size, m.count)
        for m in view.marks
        if m.count > 1
    )  # fmt: skip
    return format_html_join(
        "",
        '<a href="{}" class="mark"><circle cx="{}" cy="{}" r="{}" class="place">'
        "<title>{}</title></circle></a>",
        dots,
    ) + format_html_join(
        "",
        '<a href="{}" class="mark"><circle cx="{}" cy="{}" r="{}" class="cluster">'
        '<title>{}</title></circle><text x="{}" y="{}" font-size="{}" class="cluster-count" '
        'text-anchor="middle" dominant-baseline="central" aria-hidden="true">{}</text></a>',
        groups,
    )


@register.simple_tag
def status_label(status: str) -> str:
    """The label of a measure's status: `{% status_label "overdue" %}`."""
    from ortak.plans.models import MeasureStatus

    return str(MeasureStatus(status).label) if status in MeasureStatus.values else status
