"""Template helpers of the workspace: accessible fields and the current section."""

from __future__ import annotations

from django import forms, template
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language_info

from ortak.core.actors import Actor

register = template.Library()

# The navigation section each page belongs to, by the start of its URL name.
_SECTIONS = {
    "dashboard": "home",
    "article": "article",
    "queue": "queue",
    "review": "queue",
    "person": "people",
    "alias": "people",
    "position": "people",
    "institution": "institutions",
    "organization": "organizations",
    "event": "events",
    "participant": "events",
    "outcome": "events",
    "site_visit": "events",
    "plan": "plans",
    "duplicate": "duplicates",
    "feed": "feeds",
    "measure": "plans",
    "progress": "plans",
}


@register.simple_tag(takes_context=True)
def section(context: template.Context) -> str:
    """The navigation section of the page being shown, to mark it as current."""
    match = getattr(context.get("request"), "resolver_match", None)
    name = match.url_name if match else ""
    for prefix, found in _SECTIONS.items():
        if name and name.startswith(prefix):
            return found
    return ""


@register.simple_tag
def widget(field: forms.BoundField) -> SafeString:
    """The field's input, tied to its hint and error message for screen readers."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs: dict[str, str | bool] = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        existing = field.field.widget.attrs.get("class", "")
        attrs["class"] = f"{existing} invalid".strip()
    return field.as_widget(attrs=attrs)


@register.filter
def first_field_id(form: forms.Form) -> str:
    """Where an error about the whole form points: its first visible field."""
    fields = form.visible_fields()
    return fields[0].id_for_label if fields else ""


@register.filter
def editable_by(record: object, user: Actor) -> bool:
    """May this user change the record? Lists link to the edit page only where they may."""
    from ortak.accounts.permissions import can_edit

    return can_edit(user, record)


@register.filter
def article_label(source: object) -> str:
    """What to call an article: its title, else its first line (the headline), else its file."""
    title = getattr(source, "title", "") or ""
    if title:
        return title
    for line in (getattr(source, "text", "") or "").splitlines():
        if line.strip():
            return Truncator(line.strip()).chars(90)
    return getattr(source, "url", "") or getattr(source, "path", "") or str(source)


@register.filter
def language_name(code: str) -> str:
    """`ru` -> "Russian" in the reader's language; the code itself when Django knows no name."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code or "—"
