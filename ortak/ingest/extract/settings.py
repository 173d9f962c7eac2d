"""The pipeline's defaults, read once from `config.cfg` beside this module."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from confection import Config

CONFIG_PATH = Path(__file__).with_name("config.cfg")


@functools.cache
def config() -> Config:
    """The whole configuration (spaCy's format), parsed once per process."""
    return Config().from_disk(CONFIG_PATH, interpolate=False)


def reader_settings() -> dict[str, Any]:
    """Limits of the reader: `max_bytes`, `url_timeout`, `user_agent`."""
    return dict(config()["reader"])


def pipeline_version() -> str:
    """The version stored on every record, e.g. "ortak-extract 0.3.0"."""
    return str(config()["ortak"]["pipeline_version"])
