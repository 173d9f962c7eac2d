"""States: a country Ortak meets for the first time is added from ISO 3166."""

from __future__ import annotations

import pycountry

from ortak.core.errors import ValidationError
from ortak.registry.models import OtsStatus, State


def state_for_code(code: str) -> State:
    """The state with ISO code `code`, created from ISO 3166 when Ortak has not seen it yet.

    Reference data, not anyone's record: any writer may need a state to point to.
    """
    code = code.upper()
    state = State.objects.filter(iso_code=code).first()
    if state:
        return state
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise ValidationError(f"{code!r} is not an ISO 3166-1 country code", code="E205")
    name = getattr(country, "common_name", None) or country.name
    return State.objects.create(key=code, iso_code=code, name=name, ots_status=OtsStatus.NONE)
