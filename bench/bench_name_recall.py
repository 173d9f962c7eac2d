"""Recall of ortak.names.NameMatcher on spellings people write, and its speed.

Run: .venv/bin/python bench/bench_name_recall.py [--seed N]

A registry of people is built from the domain's real names and a few thousand generated
Turkic names. Generated names are written in a phonemic code and spelled out in each
orthography (English, Russian and Kazakh Cyrillic, Turkish, Azerbaijani, Kazakh, Uzbek and
Turkmen Latin), so a variant is the way a person would really write the name, not a random
string edit. The registry keeps the English spelling; 10,000 queries are other spellings,
typos, initials and swaps. Near misses (feminine forms, names built on a name, another
surname) must not be linked. Everything is seeded, so the figures repeat.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ortak.names import MATCH_THRESHOLD, NameMatcher, fold
from ortak.names.fold import skeleton

REAL_PEOPLE = [
    "Fuad Muradov", "Ali Çiviler", "Kubanychbek Omuraliev", "Baghdad Amreyev",
    "Ravshanbek Sabirov", "Shafag Binnatova", "Rustambek Kurbanov", "Abzal Saparbekuly",
    "Odiljon Sattarov", "Merey Mukazhan", "Gismat Gozalov", "Binali Yıldırım",
    "Khazar Ibrahim", "Elshad Aliyev", "Omar Kojaman", "Jarkhinay Galieva",
    "Meiram Imanbayev",
]  # fmt: skip
GENERATED = 4000
QUERIES = 10_000
LARGE_REGISTRY = 100_000
TARGETS = {"top1": 0.95, "top5": 0.99, "near_miss": 0.98, "qps": 500.0, "qps_large": 100.0}

# Phonemic code: A ä/ə, I ı/ы, O ö, U ü, C ch/ç, S sh/ş, Z zh/ж, J dzh/c, X kh/x,
# Q q/қ, G gh/ğ, N ng/ң, Y the consonant y/й. Lowercase letters are themselves.
FIRST_HEADS = [
    "nur", "ay", "Zan", "Qay", "er", "as", "bol", "dau", "gul", "mar", "sa", "tal", "ul",
    "Sax", "Cin", "XA", "il", "Jam", "ras", "kan", "mir", "baQ", "ali", "Omar", "tAl",
    "bI", "yer", "aZar", "dil", "Qur", "ras", "sIr", "tur", "emin", "Aziz", "rAS", "orX",
]  # fmt: skip
FIRST_TAILS = [
    "lan", "bek", "Zan", "gul", "Im", "bol", "sultan", "at", "ar", "iz", "dos", "Xan",
    "jon", "nar", "ira", "mIrat", "tay", "Qali", "dar", "lIq", "muraT", "ZAn",
]  # fmt: skip
SURNAME_ROOTS = [
    "sabir", "Qurban", "murad", "imanba", "Omural", "sattar", "toQa", "nazarba", "ismayl",
    "QasIm", "sadIQ", "abdulla", "yusup", "rasul", "karim", "XAlil", "Zumaba", "toQtar",
    "bayMuXamed", "orazba", "SayX", "CoQan", "mamed", "Qulu", "baGIr", "tAgi", "nAbi",
    "QaraQoz", "aGa", "Qadir", "Jabbar", "sarsenba", "tuleuba", "esen", "alimZan",
    "Zaparov", "tAlibek", "Ormonbek", "muQa", "ergeS", "bekmurat", "Ozaral", "Ozdemir",
    "Qoja", "aydIn", "yIlmaz", "Sahin", "Celik", "arslan", "QIlIC", "Xudoyber", "toSmat",
]  # fmt: skip

_VOWELS = set("aeiouAIOU")
# Letters of the code in each orthography; lowercase letters missing here are themselves.
ORTHOGRAPHIES = {
    "en": dict(A="a", I="y", O="o", U="u", C="ch", S="sh", Z="zh", J="j", X="kh", Q="k",
               G="gh", N="ng", Y="y", T="t"),
    "tr": dict(A="e", I="ı", O="ö", U="ü", C="ç", S="ş", Z="c", J="c", X="h", Q="k",
               G="ğ", N="n", Y="y", T="t"),
    "az": dict(A="ə", I="ı", O="ö", U="ü", C="ç", S="ş", Z="j", J="c", X="x", Q="q",
               G="ğ", N="n", Y="y", T="d"),
    "kz": dict(A="ä", I="ı", O="ö", U="ü", C="ç", S="ş", Z="j", J="j", X="h", Q="q",
               G="ğ", N="ñ", Y="y", T="t"),
    "uz": dict(A="a", I="i", O="oʻ", U="u", C="ch", S="sh", Z="j", J="j", X="x", Q="q",
               G="gʻ", N="ng", Y="y", T="t"),
    "tm": dict(A="ä", I="y", O="ö", U="ü", C="ç", S="ş", Z="ž", J="j", X="h", Q="k",
               G="g", N="ň", Y="ý", T="t", v="w"),
    "kk": dict(a="а", b="б", d="д", e="е", f="ф", g="г", h="һ", i="и", j="ж", k="к",
               l="л", m="м", n="н", o="о", p="п", r="р", s="с", t="т", u="ұ", v="в",
               y="й", z="з", A="ә", I="ы", O="ө", U="ү", C="ч", S="ш", Z="ж", J="ж",
               X="х", Q="қ", G="ғ", N="ң", Y="й", T="т"),
    "ru": dict(a="а", b="б", d="д", e="е", f="ф", g="г", h="х", i="и", j="дж", k="к",
               l="л", m="м", n="н", o="о", p="п", r="р", s="с", t="т", u="у", v="в",
               y="й", z="з", A="а", I="ы", O="о", U="у", C="ч", S="ш", Z="ж", J="дж",
               X="х", Q="к", G="г", N="н", Y="й", T="т"),
}  # fmt: skip


def spell(code: str, orthography: str) -> str:
    """A coded name written in one orthography, with a capital first letter."""
    table = ORTHOGRAPHIES[orthography]
    words = ["".join(table.get(c, c) for c in word) for word in code.split()]
    if orthography in ("ru", "kk"):
        words = [_iotated(word) for word in words]
    return " ".join(word[:1].upper() + word[1:] for word in words)


def _iotated(word: str) -> str:
    """Cyrillic writes y before a vowel as one letter: йе -> е, йа -> я, йу -> ю."""
    for pair, letter in (("йе", "е"), ("йа", "я"), ("йу", "ю"), ("йо", "ё")):
        word = word.replace(pair, letter)
    return word


def surname_code(rng: random.Random, feminine: bool) -> str:
    """A surname: a root with -ov/-ev(a), -uly/-kyzy or nothing, as the region writes them."""
    root = rng.choice(SURNAME_ROOTS)
    roll = rng.random()
    if roll < 0.75 and not root.endswith("ov"):
        ending = "ev" if root[-1] in _VOWELS else "ov"
        return root + ending + ("a" if feminine else "")
    if roll < 0.85:
        return root + ("QIzI" if feminine else "ulI")
    return root


def generated_people(rng: random.Random, count: int) -> list[str]:
    """`count` coded names "first surname", none a spelling variant of another."""
    people: dict[str, str] = {}
    while len(people) < count:
        first = rng.choice(FIRST_HEADS) + rng.choice(FIRST_TAILS)
        code = f"{first} {surname_code(rng, feminine=rng.random() < 0.4)}"
        people.setdefault(_same_person_key(spell(code, "en")), code)
    return list(people.values())


def _same_person_key(name: str) -> str:
    """Names with one key are spellings of one person, not two records."""
    return " ".join(skeleton(word) for word in fold(name).split())


def strip_marks(text: str) -> str:
    """Text as typed on a keyboard without Turkic letters: Şəfəq -> Sefeq."""
    text = text.replace("ı", "i").replace("ə", "e").replace("Ə", "E").replace("İ", "I")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ʻ", "")


def typo(rng: random.Random, text: str) -> str:
    """One slip of the keyboard in a word of four letters or more, not the first letter."""
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 4]
    i = rng.choice(long_words)
    word, pos = words[i], rng.randrange(1, len(words[i]) - 1)
    letter = rng.choice("aeiklmnorstuy")
    words[i] = rng.choice(
        [
            word[:pos] + word[pos + 1 :],  # a letter lost
            word[:pos] + letter + word[pos:],  # a letter too many
            word[:pos] + letter + word[pos + 1 :],  # a wrong letter
            word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :],  # two swapped
        ]
    )
    return " ".join(words)


def initial(text: str) -> str:
    """The first name as an initial: "Fuad Muradov" -> "F. Muradov", "Zh. Galieva"."""
    first, *rest = text.split()
    letters = next((d for d in _DIGRAPHS if first.startswith(d)), first[0])
    return " ".join([letters + ".", *rest])


# Sounds written with two letters keep both in an initial: Zh. Galieva, Sh. Binnatova,
# Дж. Сабиров (Russian usage).
_DIGRAPHS = ("Dzh", "Zh", "Ch", "Sh", "Kh", "Gh", "Дж")


def swapped(text: str) -> str:
    """Surname first, as registers and Kazakh and Hungarian usage write it."""
    first, *rest = text.split()
    return " ".join([*rest, first])


# Each kind of variant: how it is made from the coded name and its English spelling.
VARIANTS = {
    "russian cyrillic": lambda rng, code, en: spell(code, "ru"),
    "kazakh cyrillic": lambda rng, code, en: spell(code, "kk"),
    "turkish": lambda rng, code, en: spell(code, "tr"),
    "azerbaijani": lambda rng, code, en: spell(code, "az"),
    "kazakh latin": lambda rng, code, en: spell(code, "kz"),
    "uzbek latin": lambda rng, code, en: spell(code, "uz"),
    "turkmen": lambda rng, code, en: spell(code, "tm"),
    "lost diacritics": lambda rng, code, en: strip_marks(spell(code, rng.choice(["tr", "az"]))),
    "one typo": lambda rng, code, en: typo(rng, en),
    "initial": lambda rng, code, en: initial(en),
    "swapped order": lambda rng, code, en: swapped(en),
    "-ow for -ov": lambda rng, code, en: en.replace("ov", "ow"),
    "initial, cyrillic": lambda rng, code, en: initial(spell(code, "ru")),
    "swapped, turkish": lambda rng, code, en: swapped(spell(code, "tr")),
    "typo, azerbaijani": lambda rng, code, en: typo(rng, spell(code, "az")),
}  # fmt: skip


def near_misses(rng: random.Random, codes: list[str], count: int) -> list[tuple[str, str, bool]]:
    """(kind, name, isolated) near misses made from registry names, none registered.

    A near miss is isolated when no registry name but its source is within two edits of
    it (on folded spellings): the target is measured on those, as they test the relation
    to the source and not the chance that the generator made a neighbour. The others are
    reported for information.
    """
    folds = [fold(spell(code, "en")) for code in codes]
    known = set(folds)
    misses: list[tuple[str, str, bool]] = []
    while len(misses) < count:
        source = rng.randrange(len(codes))
        kind, miss = _near_miss(rng, codes, codes[source])
        if miss and fold(spell(miss, "en")) not in known:
            isolated = _isolated(fold(spell(miss, "en")), folds, source)
            misses.append((kind, spell(miss, rng.choice(["en", "ru", "tr"])), isolated))
    return misses


def _near_miss(rng: random.Random, codes: list[str], code: str) -> tuple[str, str | None]:
    """One near miss of a coded name: feminine form, a name built on it, another surname."""
    first, surname = code.split()
    kind = rng.choice(["feminine form", "name built on a name", "another surname"])
    if kind == "feminine form":
        return kind, f"{first} {surname}a" if surname.endswith(("ov", "ev")) else None
    if kind == "name built on a name":
        return kind, f"{first}{rng.choice(['bek', 'Zan', 'gul'])} {surname}"
    other = rng.choice(codes).split()[1]
    return kind, f"{first} {other}" if other.rstrip("a") != surname.rstrip("a") else None


def _isolated(folded: str, folds: list[str], source: int) -> bool:
    """Whether only `folds[source]` (if any) is within two edits of `folded`."""
    close = process.extract(folded, folds, scorer=Levenshtein.distance, score_cutoff=2)
    return all(index == source for _, _, index in close)


def build_registry(codes: list[str]) -> NameMatcher:
    """The real people (key = their name) and the generated ones (key = their index)."""
    matcher = NameMatcher()
    for name in REAL_PEOPLE:
        matcher.add(name, name)
    for index, code in enumerate(codes):
        matcher.add(index, spell(code, "en"))
    return matcher


def make_queries(rng: random.Random, codes: list[str]) -> list[tuple[str, int, str]]:
    """(kind, key, query) for QUERIES variants, the kinds taken in turn.

    An initial is asked for only where it singles out one record: "N. Sabirov" cannot tell
    Nurlan Sabirov from Nurbol Sabirov, for a person or for a program.
    """
    kinds = list(VARIANTS)
    answerable = _initial_answerable(codes)
    queries = []
    for n in range(QUERIES):
        kind = kinds[n % len(kinds)]
        index = rng.choice(answerable) if kind.startswith("initial") else rng.randrange(len(codes))
        en = spell(codes[index], "en")
        queries.append((kind, index, VARIANTS[kind](rng, codes[index], en)))
    return queries


def _initial_answerable(codes: list[str]) -> list[int]:
    """Records whose first initial and surname no other record shares."""
    keys = [_same_person_key(initial(spell(code, "en"))) for code in codes]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return [index for index, key in enumerate(keys) if counts[key] == 1]


def recall(
    matcher: NameMatcher, queries: list[tuple[str, int, str]]
) -> tuple[dict[str, list[int]], float]:
    """Per kind: [queries, right record first, right record in top 5]; and queries/s."""
    per_kind: dict[str, list[int]] = {}
    start = time.perf_counter()
    for kind, key, query in queries:
        keys = [m.key for m in matcher.match(query, limit=5)]
        counts = per_kind.setdefault(kind, [0, 0, 0])
        counts[0] += 1
        counts[1] += keys[:1] == [key]
        counts[2] += key in keys
    return per_kind, len(queries) / (time.perf_counter() - start)


NEIGHBOURED = "next to a registered name"  # near misses reported but not gated


def linked_share(matcher: NameMatcher, misses: list[tuple[str, str, bool]]) -> dict[str, list[int]]:
    """Per kind: [near misses, those with no record at or above MATCH_THRESHOLD]."""
    per_kind: dict[str, list[int]] = {}
    for kind, name, isolated in misses:
        best = matcher.match(name, limit=1)
        counts = per_kind.setdefault(kind if isolated else NEIGHBOURED, [0, 0])
        counts[0] += 1
        counts[1] += not best or best[0].score < MATCH_THRESHOLD
    return per_kind


def large_registry_qps(rng: random.Random, queries: list[str]) -> tuple[float, float]:
    """Seconds to index LARGE_REGISTRY generated names, and queries/s against them."""
    codes = generated_people(rng, LARGE_REGISTRY)
    start = time.perf_counter()
    matcher = build_registry(codes)
    built = time.perf_counter() - start
    start = time.perf_counter()
    for query in queries:
        matcher.match(query)
    return built, len(queries) / (time.perf_counter() - start)


def report(name: str, value: float, target: float, unit: str = "%") -> bool:
    """Print one figure with its target and PASS/FAIL; True when it passes."""
    passed = value >= target
    shown = f"{value:7.1%}" if unit == "%" else f"{value:7.0f} {unit}"
    goal = f">= {target:.0%}" if unit == "%" else f">= {target:.0f} {unit}"
    print(f"{name:<46} {shown:>12}   target {goal:<12} {'PASS' if passed else 'FAIL'}")
    return passed


def print_details(per_kind: dict, misses: dict, built: float) -> None:
    """The figures per kind of variant and of near miss, for reading, not for gating."""
    for kind, (total, first, top5) in per_kind.items():
        print(f"  {kind:<22} {total:5}  first {first / total:6.1%}  top 5 {top5 / total:6.1%}")
    for kind, (total, kept) in misses.items():
        print(f"  near miss: {kind:<26} {total:5}  not linked {kept / total:6.1%}")
    print(f"  {LARGE_REGISTRY:,} names indexed in {built:.1f} s")


def print_figures(per_kind: dict, misses: dict, qps: float, qps_large: float) -> bool:
    """The gated figures, one line each; True when all pass."""
    total = sum(c[0] for c in per_kind.values())
    first = sum(c[1] for c in per_kind.values()) / total
    top5 = sum(c[2] for c in per_kind.values()) / total
    isolated = [c for kind, c in misses.items() if kind != NEIGHBOURED]
    kept = sum(c[1] for c in isolated) / sum(c[0] for c in isolated)
    small, large = f"{GENERATED + len(REAL_PEOPLE):,} names", f"{LARGE_REGISTRY:,} names"
    results = [
        report("right record first", first, TARGETS["top1"]),
        report("right record in top 5", top5, TARGETS["top5"]),
        report(
            f"near misses under MATCH_THRESHOLD ({MATCH_THRESHOLD})", kept, TARGETS["near_miss"]
        ),
        report(f"queries per second ({small})", qps, TARGETS["qps"], "q/s"),
        report(f"queries per second ({large})", qps_large, TARGETS["qps_large"], "q/s"),
    ]
    return all(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2024)
    seed = parser.parse_args().seed
    rng = random.Random(seed)
    codes = generated_people(rng, GENERATED)
    matcher = build_registry(codes)
    queries = make_queries(rng, codes)
    per_kind, qps = recall(matcher, queries)
    misses = linked_share(matcher, near_misses(rng, codes, 2000))
    sample = [query for _, _, query in queries[:2000]]  # timing only: no right answer here
    built, qps_large = large_registry_qps(random.Random(seed + 1), sample)
    print(f"registry: {len(matcher)} names, {len(queries)} queries, seed {seed}")
    print_details(per_kind, misses, built)
    return 0 if print_figures(per_kind, misses, qps, qps_large) else 1


if __name__ == "__main__":
    sys.exit(main())
