"""The OECD Fields of Research and Development (data/oecd_fields.yaml) and ORCID iDs."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError

DATA = Path(__file__).parent / "data" / "oecd_fields.yaml"
_ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$")


@functools.cache
def fields_of_science() -> dict[str, str]:
    """Code ("1.2") -> English name, in the classification's order."""
    text = DATA.read_text(encoding="utf-8")
    # YAML would read 2.10 as the number 2.1: read the codes as the text they are.
    loaded = yaml.load(text, Loader=yaml.BaseLoader)
    return {str(code): str(label) for code, label in loaded.items()}


def field_choices() -> list[tuple[str, str]]:
    """The second-level fields, each under its first-level name, for a form's select."""
    names = fields_of_science()
    return [(code, f"{code} {label}") for code, label in names.items() if "." in code]


def field_codes(values: list[str]) -> list[str]:
    """Validate field codes; a first-level code stands for its whole branch."""
    known = fields_of_science()
    unknown = [value for value in values if value not in known]
    if unknown:
        raise ValidationError(
            f"no OECD field of science {', '.join(unknown)}; use codes such as 1.2 or 5.6"
        )
    return list(dict.fromkeys(values))


def in_field(codes: list[str], wanted: str) -> bool:
    """Whether an expert of `codes` works in `wanted` (a first-level code takes its branch)."""
    return any(code == wanted or code.startswith(f"{wanted}.") for code in codes)


def orcid_checksum(base: str) -> str:
    """ISO 7064 11,2 check character of the first 15 digits of an ORCID iD."""
    total = 0
    for digit in base:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalize_orcid(text: str) -> str:
    """`0000-0002-1825-0097` from any usual writing of it; ValidationError when wrong."""
    match = _ORCID.match(text.strip().upper().replace("HTTPS://ORCID.ORG/", ""))
    if not match:
        raise ValidationError(f"“{text}” is not an ORCID iD; write it as 0000-0002-1825-0097")
    digits = "".join(match.groups())
    if orcid_checksum(digits[:15]) != digits[15]:
        raise ValidationError(f"“{text}” has a wrong check digit; copy the ORCID iD again")
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def validate_orcid(value: str) -> None:
    if value:
        normalize_orcid(value)
