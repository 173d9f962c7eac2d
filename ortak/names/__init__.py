"""Turkic-aware name folding and matching, in plain Python (no Django).

People write one name many ways: Çiviler, Civiler, Chiviler, Чивилер; Qazaqstan,
Kazakhstan, Қазақстан. The extractor, the search index and the registry's duplicate finder
all compare names through this package:

- `to_latin` transliterates Cyrillic for display (`name_latin`);
- `fold` and `tokens` give the key that spellings of one name share;
- `similarity` scores two names in [0, 1], `MATCH_THRESHOLD` says when they are one; the
  letter differences it accepts as spellings of one name are the tables of `letters`;
- `NameMatcher` finds the records a spelling may name among many.
"""

from ortak.names.fold import fold, to_latin, tokens
from ortak.names.matcher import Match, NameMatcher
from ortak.names.similarity import MATCH_THRESHOLD, similarity

__all__ = [
    "MATCH_THRESHOLD",
    "Match",
    "NameMatcher",
    "fold",
    "similarity",
    "to_latin",
    "tokens",
]
