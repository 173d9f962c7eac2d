"""Errors with codes: each says what went wrong and what to do about it.

Codes are stable so that people can search for them: E1xx input and ingest,
E2xx registry and records, E3xx permissions, E4xx search, E5xx backup and restore.
docs/errors.md says what each means and what to do about it.
"""

from __future__ import annotations


class OrtakError(Exception):
    """An error a person can act on; `str()` reads `ortak.E104: ...`."""

    code = "E000"
    default_message = "something went wrong"

    def __init__(
        self, message: str | None = None, *, code: str | None = None, **context: object
    ) -> None:
        self.code = code or self.code
        self.message = message or self.default_message
        self.context = context
        super().__init__(f"ortak.{self.code}: {self.message}")


class InputError(OrtakError):
    """Bad input: a malformed, empty, binary, huge or wrongly encoded article."""

    code = "E100"


class ValidationError(OrtakError):
    """A record that breaks a rule of the domain (dates out of order, a duplicate)."""

    code = "E200"


class PermissionDenied(OrtakError):
    """The user's role does not allow this change."""

    code = "E300"
