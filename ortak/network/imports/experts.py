"""Experts from a spreadsheet. Columns by header name: name, other_names, fields (OECD codes),
keywords, affiliation, country (of residence), community, languages, orcid, email, links,
public (the fields shown to everyone) and consent (the scopes the person agreed to: public,
institutions, contact). A row without consent is invalid: nothing is stored without it."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError

from ortak.names import MATCH_THRESHOLD, similarity
from ortak.network.fields import field_codes, normalize_orcid
from ortak.network.imports import fields
from ortak.network.imports.fields import CellError
from ortak.network.imports.report import Existing, Plan, Problem, RowInvalid, read_cells
from ortak.network.imports.table import Row
from ortak.network.models import PROFILE_FIELDS, ConsentScope, Expert, ExpertStatus
from ortak.network.services.experts import ExpertProfile

COLUMNS = [
    "name",
    "other_names",
    "fields",
    "keywords",
    "affiliation",
    "country",
    "community",
    "languages",
    "orcid",
    "email",
    "links",
    "public",
    "consent",
]


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _required(text: str) -> str:
    if not text:
        raise CellError("is empty; every expert needs a name")
    return " ".join(text.split())


def _checked(check):
    def read(text: str):
        try:
            return check(text)
        except DjangoValidationError as error:
            raise CellError("; ".join(error.messages)) from error

    return read


def _consent(text: str) -> list[str]:
    scopes = [scope.lower() for scope in _list(text)]
    if not scopes:
        raise CellError("is empty: nothing is stored without the person's consent")
    unknown = set(scopes) - set(ConsentScope.values)
    if unknown:
        raise CellError(f"“{', '.join(sorted(unknown))}”: use {', '.join(ConsentScope.values)}")
    return scopes


def _public(text: str) -> list[str]:
    names = [name.replace("fields", "fields_of_science") for name in _list(text)]
    names = [name.replace("community", "community_state") for name in names]
    unknown = set(names) - set(PROFILE_FIELDS)
    if unknown:
        raise CellError(f"no profile field {', '.join(sorted(unknown))}")
    return names


READERS = {
    "name": _required,
    "other_names": _list,
    "fields": _checked(lambda text: field_codes(_list(text))),
    "keywords": _list,
    "affiliation": lambda text: text[:300],
    "country": lambda text: fields.country_code(text) if text else "",
    "community": fields.community_state,
    "languages": fields.languages,
    "orcid": _checked(lambda text: normalize_orcid(text) if text else ""),
    "email": fields.email,
    "links": _list,
    "public": _public,
    "consent": _consent,
}


def read_expert(row: Row) -> tuple[ExpertProfile, list[str]]:
    """The profile and the consented scopes, or RowInvalid naming every bad column."""
    if "consent" not in row.cells:
        raise RowInvalid([Problem("consent", "the file has no “consent” column")])
    values = read_cells(row, READERS)
    profile = ExpertProfile(
        name=values["name"],
        email=values["email"],
        other_names=values["other_names"],
        fields_of_science=values["fields"],
        keywords=values["keywords"],
        affiliation=values["affiliation"],
        residence_country=values["country"],
        community_state=values["community"],
        languages=values["languages"],
        orcid=values["orcid"],
        links=values["links"],
        public_fields=values["public"],
    )
    return profile, values["consent"]


def find_expert(record: tuple[ExpertProfile, list[str]]) -> Existing | None:
    """The expert Ortak has with the same ORCID iD, or a spelling of the name."""
    profile = record[0]
    experts = Expert.objects.exclude(status=ExpertStatus.WITHDRAWN)
    if profile.orcid:
        same = experts.filter(orcid=profile.orcid).first()
        if same:
            return Existing(same.pk, same.name, 1.0)
    best = None
    for expert in experts.only("pk", "name", "other_names"):
        score = max(similarity(profile.name, name) for name in [expert.name, *expert.other_names])
        if score >= MATCH_THRESHOLD and (best is None or score > best.score):
            best = Existing(expert.pk, expert.name, round(score, 4))
    return best


PLAN: Plan[tuple[ExpertProfile, list[str]]] = Plan(
    kind="experts",
    read=read_expert,
    name=lambda record: record[0].name,
    group=lambda record: "",  # one group: names decide, across scripts
    find=find_expert,
)
