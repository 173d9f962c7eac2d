"""Articles in a batch (`ortak extract`, `ortak ingest`): one bad article never stops the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ortak.core.errors import InputError, OrtakError
from ortak.ingest.extract import reader


def batch(inputs: list[str], one: Callable[[str], None], error: Callable[[str], None]) -> int:
    """Run `one` on every article the inputs name; a failure is written with its code and
    the batch goes on. Returns how many inputs or articles failed."""
    failed = 0
    for source in _sources(inputs, error):
        if isinstance(source, OrtakError):
            failed += 1
            continue
        try:
            one(source)
        except OrtakError as exc:
            failed += 1
            error(f"{source}: {exc}")
        except Exception as exc:  # one article must not end the batch; report and go on
            failed += 1
            error(f"{source}: {_unexpected(exc)}")
    return failed


def _sources(inputs: list[str], error: Callable[[str], None]) -> Iterator[str | OrtakError]:
    for item in inputs:
        try:
            yield from reader.article_paths(item)
        except OrtakError as exc:
            error(f"{item}: {exc}")
            yield exc


def _unexpected(exc: Exception) -> InputError:
    return InputError(
        f"the article could not be processed ({type(exc).__name__}: {exc}); "
        "the other articles go on; report this one with the article attached",
        code="E109",
    )
