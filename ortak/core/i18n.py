"""Which name to show in which language when a translation is missing."""

from __future__ import annotations

# Many people in Kazakhstan, Kyrgyzstan and Uzbekistan read Russian before English, and
# Turkish and Azerbaijani readers read each other's language: fall back accordingly.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "en": (),
    "ru": (),
    "tr": ("az",),
    "az": ("tr", "ru"),
    "kk": ("ru",),
    "ky": ("ru",),
    "uz": ("ru",),
}


def pick_name(names: dict[str, str], language: str, *, default: str) -> str:
    """The name in `language`, then its fallbacks, then English, then `default`."""
    base = (language or "en").split("-")[0].lower()
    for code in (base, *FALLBACKS.get(base, ()), "en"):
        if names.get(code):
            return names[code]
    return default
