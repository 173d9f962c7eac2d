"""The shared API schema pieces live in ortak.core.schemas, below every app."""

from ortak.core.schemas import Ref, StateRef, partial_date, ref, state_ref

__all__ = ["Ref", "StateRef", "partial_date", "ref", "state_ref"]
