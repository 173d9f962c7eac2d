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

from rapidfuzz.distance import OSA, Levenshtein

from ortak.names.fold import fold, skeleton

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
CHEAP_COST = 0.4  # a substitution that transliteration makes, not a typo
FIRST_LETTER_COST = 1.0  # people rarely mistype the first letter: Valiyev is not Aliyev

# Letter pairs that differ between orthographies of one name: Uzbek o for Russian a
# (Toshkent), ў as o or u, Azerbaijani ə as a or e, q written k or g, Russian г for h
# (Ibragim), final devoicing (Murad/Murat, Yakub/Yakup), Yusuf/Yusup.
_CHEAP = {
    frozenset(pair)
    for pair in ("ao", "ou", "ae", "kg", "gh", "kh", "dt", "bp", "fp")
}  # fmt: skip


# Kazakh and Kyrgyz patronymic surnames: -uly/-uulu (son of), -kyzy/-qizi (daughter of);
# Azerbaijani oğlu/qızı, folded.
_SON = ("uli", "ulu", "oglu", "ogli")
_DAUGHTER = ("kizi", "gizi")


@dataclass(frozen=True, slots=True)
class Prepared:
    """A name folded once, to be compared many times (the matcher keeps these)."""

    fold: str
    words: tuple[str, ...]


def prepare(text: str) -> Prepared:
    """Fold `text` for `score`."""
    folded = fold(text)
    return Prepared(folded, tuple(folded.split()))


def similarity(a: str, b: str) -> float:
    """How alike two names are in [0, 1]: 1.0 when they fold alike.

    Transliterations, lost diacritics, an initial for a first name, swapped order and one
    typo in a long name score 0.9 or more; feminine forms, names built on another name,
    other surnames and disagreeing initials score under 0.8. Empty names score 0.
    """
    return score(prepare(a), prepare(b))


def score(a: Prepared, b: Prepared) -> float:
    """`similarity` of two prepared names."""
    if not a.words or not b.words:
        return 0.0
    if a.fold == b.fold:
        return 1.0
    if "".join(a.words) == "".join(b.words):
        return JOINED_SCORE
    pairs = _pair_words(a.words, b.words)
    paired_a = {i for i, _, _ in pairs}
    paired_b = {j for _, j, _ in pairs}
    unpaired = sum(len(w) for i, w in enumerate(a.words) if i not in paired_a)
    unpaired += sum(len(w) for j, w in enumerate(b.words) if j not in paired_b)
    weight = sum(pair[2][1] for pair in pairs) + UNMATCHED_WEIGHT * unpaired
    value = sum(pair[2][0] * pair[2][1] for pair in pairs) / weight
    if any(pair[2][2] for pair in pairs):
        value *= CONFLICT_FACTOR
    # One word that is a different name sinks the whole, however long the others are:
    # "Kubanychbek Osmonaliev" is not "Kubanychbek Omuraliev".
    weakest = min((pair[2][0] for pair in pairs if not pair[2][2]), default=1.0)
    if weakest < WORD_MATCH:
        value *= weakest / WORD_MATCH
    if [j for _, j, _ in sorted(pairs)] != sorted(paired_b):
        value *= SWAP_FACTOR
    return value


def _pair_words(a: tuple[str, ...], b: tuple[str, ...]) -> list[tuple[int, int, tuple]]:
    """Pairs (i, j, comparison) of the words of a and b, best first, each word once."""
    cells = [(i, j, compare_words(x, y)) for i, x in enumerate(a) for j, y in enumerate(b)]
    # Best score first; among equals the heavier word, then the same position.
    cells.sort(key=lambda c: (-c[2][0], -c[2][1], abs(c[0] - c[1])))
    pairs, used_a, used_b = [], set(), set()
    for i, j, comparison in cells:
        if i not in used_a and j not in used_b:
            pairs.append((i, j, comparison))
            used_a.add(i)
            used_b.add(j)
    return pairs


@lru_cache(maxsize=1 << 18)
def compare_words(x: str, y: str) -> tuple[float, float, bool]:
    """(score, weight, conflict) of two folded words; cached, as first names repeat."""
    if x == y:
        return 1.0, len(x), False
    short, long = sorted((x, y), key=len)
    if len(short) == 1 or (len(short) == 2 and long.startswith(short)):
        agrees = long.startswith(short) or _same_initial(short, long[0])
        return (INITIAL_SCORE, INITIAL_WEIGHT, False) if agrees else (0.0, INITIAL_WEIGHT, True)
    if _extends(short, long) or _son_and_daughter(x, y):
        return 0.0, len(long), True
    return _curve(_edit_similarity(x, y)), max(len(x), len(y)), False


def _same_initial(a: str, b: str) -> bool:
    """Initials that transliteration can swap: Х. as H. or K., Ə. as A. or E."""
    return a == b or frozenset((a, b)) in _CHEAP


def _extends(short: str, long: str) -> bool:
    """Whether `long` is another name built on `short`: Aliyeva, Rustambek, Omarov.

    A single extra letter other than a feminine -a is more likely a typo (Kurbano).
    """
    if long.startswith(short):
        extra = long[len(short) :]
        return len(extra) >= 2 or extra == "a"
    stem, built = skeleton(short), skeleton(long)
    if built.startswith(stem) and len(built) > len(stem):
        return len(built) - len(stem) >= 2 or long.endswith("a")
    return False


def _son_and_daughter(x: str, y: str) -> bool:
    """Whether one word says "son of" and the other "daughter of": Saparbekuly/-kyzy."""
    return (x.endswith(_SON) and y.endswith(_DAUGHTER)) or (
        y.endswith(_SON) and x.endswith(_DAUGHTER)
    )


def _edit_similarity(x: str, y: str) -> float:
    """1 - edit cost / length, with transliteration swaps cheap and first letters dear."""
    cost = min(OSA.distance(x, y), _weighted_cost(x, y))
    if x[0] != y[0] and frozenset((x[0], y[0])) not in _CHEAP:
        cost += FIRST_LETTER_COST
    return max(0.0, 1.0 - cost / max(len(x), len(y)))


def _weighted_cost(x: str, y: str) -> float:
    """Levenshtein cost along one optimal alignment, with `_CHEAP` substitutions cheap."""
    cost = 0.0
    for op in Levenshtein.editops(x, y):
        cheap = op.tag == "replace" and frozenset((x[op.src_pos], y[op.dest_pos])) in _CHEAP
        cost += CHEAP_COST if cheap else 1.0
    return cost


def _curve(similar: float) -> float:
    """Keep word scores from 0.8 up, push lower ones towards 0.

    One typo in a word of five letters or more scores 0.8 or more and stays; two words
    that differ in a third of their letters are different names, and a matching first
    name must not carry them above the threshold (Fuad Muradov vs Fuad Mamedov).
    """
    return similar if similar >= WORD_MATCH else max(0.0, 3 * similar - 2 * WORD_MATCH)
