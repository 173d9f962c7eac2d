"""How alike two names are, from 0 to 1, on their folded words.

The words of the two names are paired (best pairs first, so "Galieva Jarkhinay" pairs with
"Jarkhinay Galieva"), each pair is scored, and the scores are averaged weighted by word
length. Three things make a pair a conflict, which pulls the whole name well under the
threshold: an initial that disagrees ("K." against "Fuad"), a feminine form ("Aliyeva"
against "Aliyev") and a longer name built on the other ("Rustambek" against "Rustam").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA, Editop, Levenshtein

from ortak.names.fold import skeleton
from ortak.names.letters import INITIAL_PAIRS, VOWELS, silent, swappable
from ortak.names.readings import readings

# At or above this score two spellings name the same person or place. On the tables in
# tests/name_pairs.py the spellings of one name score 0.9 or more and the near misses
# under 0.8; 0.85 sits between them, leaving room for a typo on top of a transliteration.
MATCH_THRESHOLD = 0.85

INITIAL_SCORE = 0.9  # "F." against "Fuad": agreeing, but weaker evidence than the full name
INITIAL_WEIGHT = 2  # an initial carries the weight of a two-letter word
UNMATCHED_WEIGHT = 0.5  # a word with no partner (a middle name) counts half its length
CONFLICT_FACTOR = 0.6  # a conflicting pair takes the name from ~0.8 down to ~0.5
SWAP_FACTOR = 0.98  # swapped order is the same name, but the written order ranks first
JOINED_SCORE = 0.97  # "Saparbekuly" against "Saparbek uly"
WORD_MATCH = 0.8  # a word scoring less than one typo in five letters is another word
CHEAP_COST = 0.4  # a difference an orthography makes (ortak.names.letters), not a typo
FIRST_LETTER_COST = 1.0  # people rarely mistype the first letter: Valiyev is not Aliyev

# Kazakh and Kyrgyz patronymic surnames: -uly/-uulu (son of), -kyzy/-qizi (daughter of);
# Azerbaijani oğlu/qızı, folded.
_SON = ("uli", "ulu", "oglu", "ogli")
_DAUGHTER = ("kizi", "gizi")


@dataclass(frozen=True, slots=True)
class Prepared:
    """A name folded once, to be compared many times (the matcher keeps these)."""

    fold: str
    words: tuple[str, ...]
    # The name's keys in other orthographies (a Hungarian name as Russian spells it).
    others: tuple[Prepared, ...] = ()


class WordScore(NamedTuple):
    """Two folded words compared: how alike, how much they weigh, whether they conflict."""

    score: float
    weight: float
    conflict: bool


class _Pair(NamedTuple):
    i: int  # word of the first name
    j: int  # word of the second name
    compared: WordScore


def prepare(text: str) -> Prepared:
    """Fold `text` for `score`, in each orthography it may be read in."""
    first, *others = readings(text)
    return Prepared(
        first, tuple(first.split()), tuple(Prepared(o, tuple(o.split())) for o in others)
    )


def similarity(a: str, b: str) -> float:
    """How alike two names are in [0, 1]: 1.0 when they fold alike.

    Transliterations, lost diacritics, an initial for a first name, swapped order and one
    typo in a long name score 0.9 or more; feminine forms, names built on another name,
    other surnames and disagreeing initials score under 0.8. Empty names score 0.
    """
    return score(prepare(a), prepare(b))


def score(a: Prepared, b: Prepared) -> float:
    """`similarity` of two prepared names: the best of their readings."""
    if not a.others and not b.others:
        return _score(a, b)
    return max(_score(x, y) for x in (a, *a.others) for y in (b, *b.others))


def _score(a: Prepared, b: Prepared) -> float:
    if not a.words or not b.words:
        return 0.0
    if a.fold == b.fold:
        return 1.0
    if "".join(a.words) == "".join(b.words):
        return JOINED_SCORE
    pairs = _pair_words(a.words, b.words)
    paired_a, paired_b = {p.i for p in pairs}, {p.j for p in pairs}
    unpaired = sum(len(w) for i, w in enumerate(a.words) if i not in paired_a)
    unpaired += sum(len(w) for j, w in enumerate(b.words) if j not in paired_b)
    return _combine([p.compared for p in pairs], unpaired) * _order_factor(pairs)


def _combine(compared: list[WordScore], unpaired: int) -> float:
    """The weighted mean of the word scores, with conflicts and misfits pulling it down."""
    weight = sum(c.weight for c in compared) + UNMATCHED_WEIGHT * unpaired
    value = sum(c.score * c.weight for c in compared) / weight
    if any(c.conflict for c in compared):
        value *= CONFLICT_FACTOR
    # One word that is a different name sinks the whole, however long the others are:
    # "Kubanychbek Osmonaliev" is not "Kubanychbek Omuraliev".
    weakest = min((c.score for c in compared if not c.conflict), default=1.0)
    return value * min(1.0, weakest / WORD_MATCH)


def _order_factor(pairs: list[_Pair]) -> float:
    """SWAP_FACTOR when the paired words stand in another order, else 1."""
    in_order = [p.j for p in sorted(pairs)] == sorted(p.j for p in pairs)
    return 1.0 if in_order else SWAP_FACTOR


def _pair_words(a: tuple[str, ...], b: tuple[str, ...]) -> list[_Pair]:
    """Pairs of the words of a and b, best first, each word in one pair at most."""
    cells = [_Pair(i, j, compare_words(x, y)) for i, x in enumerate(a) for j, y in enumerate(b)]
    # Best score first; among equals the heavier word, then the same position.
    cells.sort(key=lambda p: (-p.compared.score, -p.compared.weight, abs(p.i - p.j)))
    pairs: list[_Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for pair in cells:
        if pair.i not in used_a and pair.j not in used_b:
            pairs.append(pair)
            used_a.add(pair.i)
            used_b.add(pair.j)
    return pairs


@lru_cache(maxsize=1 << 18)
def compare_words(x: str, y: str) -> WordScore:
    """Two folded words compared; cached, as first names repeat across a registry."""
    if x == y:
        return WordScore(1.0, len(x), False)
    short, long = sorted((x, y), key=lambda word: (len(word), word))
    if len(short) == 1 or (len(short) == 2 and long.startswith(short)):
        agrees = long.startswith(short) or _same_initial(short, long[0])
        return WordScore(INITIAL_SCORE if agrees else 0.0, INITIAL_WEIGHT, not agrees)
    if _extends(short, long) or _son_and_daughter(x, y):
        return WordScore(0.0, len(long), True)
    # A changed consonant is another name, or a typo in this one: the conflict keeps the
    # name under the threshold, the closeness ranks the typo's record first among them.
    conflict = _consonant_changed(x, y)
    return WordScore(_curve(_edit_similarity(x, y)), len(long), conflict)


def _same_initial(a: str, b: str) -> bool:
    """Initials that transliteration can swap: Х. as H. or K., Ə. as A. or E."""
    return a == b or frozenset((a, b)) in INITIAL_PAIRS


def _extends(short: str, long: str) -> bool:
    """Whether `long` is another name built on `short`: Aliyeva, Rustambek, Omarov.

    A single extra letter other than a feminine -a is more likely a typo (Kurbano); words
    of one length are never an extension, whatever their skeletons (Tokaeva/Tokaeav).
    """
    if len(long) <= len(short):
        return False
    if long.startswith(short):
        extra = long[len(short) :]
        return len(extra) >= 2 or extra == "a"
    stem, built = skeleton(short), skeleton(long)
    if built.startswith(stem) and len(built) > len(stem):
        return len(built) - len(stem) >= 2 or long.endswith("a")
    return False


def _consonant_changed(x: str, y: str) -> bool:
    """Whether a consonant differs in a way no orthography writes: another surname.

    Spellings of one name differ in vowels and in the letters of `ortak.names.letters`,
    each where it holds; they keep the name's consonants. One consonant for another
    (Kurbanov/Kurmanov, Muradov/Muratov: d/t never alternates between vowels) or a
    consonant only one of them has (Tokaev/Tokarev) makes another name. A letter lost at
    the very end of a word and two letters swapped (Imanbaye, Omuarliev) are typos. The
    words are aligned both ways round, and an alignment without such a change clears them.
    """
    if OSA.distance(x, y) < Levenshtein.distance(x, y):
        return False  # two letters swapped explain the difference better
    return all(
        any(_changes_consonant(a, b, op) for op in Levenshtein.editops(a, b))
        for a, b in ((x, y), (y, x))
    )


def _changes_consonant(x: str, y: str, op: Editop) -> bool:
    """Whether one edit of x into y puts in, takes out or replaces a consonant unlisted."""
    if op.tag == "replace":
        a, b = x[op.src_pos], y[op.dest_pos]
        return a not in VOWELS and b not in VOWELS and not _swap(x, y, op)
    letter = x[op.src_pos] if op.tag == "delete" else y[op.dest_pos]
    at_end = _at_end(x, y, op)
    return letter not in VOWELS and not at_end and not _silent(x, y, op)


def _swap(x: str, y: str, op: Editop) -> bool:
    """Whether a replacing edit writes a letter as another orthography does, there."""
    a, b = x[op.src_pos], y[op.dest_pos]
    return swappable(a, b, **_around(x, op.src_pos)) and swappable(a, b, **_around(y, op.dest_pos))


def _silent(x: str, y: str, op: Editop) -> bool:
    """Whether an inserting or deleting edit adds or drops a letter some spellings omit."""
    word, pos = (x, op.src_pos) if op.tag == "delete" else (y, op.dest_pos)
    return silent(word[pos], **_around(word, pos))


def _around(word: str, pos: int) -> dict[str, str]:
    """The letters before and after `word[pos]`, "" at the word's edges."""
    return {"before": word[pos - 1] if pos else "", "after": word[pos + 1 : pos + 2]}


def _at_end(x: str, y: str, op: Editop) -> bool:
    """Whether an inserting or deleting edit is on the last letter of the longer word."""
    return op.src_pos == len(x) - 1 if op.tag == "delete" else op.dest_pos == len(y) - 1


def _son_and_daughter(x: str, y: str) -> bool:
    """Whether one word says "son of" and the other "daughter of": Saparbekuly/-kyzy."""
    return (x.endswith(_SON) and y.endswith(_DAUGHTER)) or (
        y.endswith(_SON) and x.endswith(_DAUGHTER)
    )


def _edit_similarity(x: str, y: str) -> float:
    """1 - edit cost / length, with orthographies' differences cheap and first letters dear."""
    cost = min(OSA.distance(x, y), _weighted_cost(x, y))
    if x[0] != y[0] and not swappable(x[0], y[0], after=x[1:2]):
        cost += FIRST_LETTER_COST
    return max(0.0, 1.0 - cost / max(len(x), len(y)))


def _weighted_cost(x: str, y: str) -> float:
    """Levenshtein cost along one optimal alignment, what orthographies do costing little."""
    cost = 0.0
    for op in Levenshtein.editops(x, y):
        cheap = _swap(x, y, op) if op.tag == "replace" else _silent(x, y, op)
        cost += CHEAP_COST if cheap else 1.0
    return cost


def _curve(similar: float) -> float:
    """Keep word scores from 0.8 up, push lower ones towards 0.

    One typo in a word of five letters or more scores 0.8 or more and stays; two words
    that differ in a third of their letters are different names, and a matching first
    name must not carry them above the threshold (Fuad Muradov vs Fuad Mamedov).
    """
    return similar if similar >= WORD_MATCH else max(0.0, 3 * similar - 2 * WORD_MATCH)
