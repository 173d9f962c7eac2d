"""An article in one of the region's languages as words the components can reason about.

The text is split once into words, initials and punctuation (`Word`), each with its sentence,
whether it stands inside quotation marks, and what the language's data says of it: an
institution's head noun, a title, a month, a state or a city (in base form, whatever case
ending it carries). Plain Python over the text: no spaCy token is created.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.tokens import Doc

from ortak.ingest.extract import gazetteers, knowledge, languages, lexicon
from ortak.names import morphology

_LETTERS = r"[^\W\d_]"
_WORD = re.compile(
    rf"(?P<init>(?<!\w){_LETTERS}\.)(?=\s?{_LETTERS})"
    r"|(?P<word>[\w\u0300-\u036f\u02bb\u02bc]+"
    r"(?:(?:[-'’`ʼ‘]|\.(?=[^\W\d_]))[\w\u0300-\u036f\u02bb\u02bc]+)*)"
    r"|(?P<punct>[^\w\s])"
)
_OPEN_QUOTES = "«“„"
_CLOSE_QUOTES = "»”"
_MAX_PLACE_WORDS = 5
_TEXT_KEY = ("ortak", "regional_text")


@dataclass(slots=True)
class Word:
    """One word, initial ("F.") or punctuation mark of the article."""

    text: str
    start: int
    end: int
    kind: str  # "word" | "init" | "punct"
    sent: int
    quoted: bool = False
    lower: str = ""
    head: str | None = None  # the institution head noun it is, in base form
    cue: bool = False  # an event word of the language ("Forumu", "toplantısı")
    role: bool = False
    modifier: bool = False
    month: int | None = None

    @property
    def cap(self) -> bool:
        return self.kind != "punct" and self.text[:1].isupper()


@dataclass(slots=True)
class PlaceName:
    """A state or city named by words[start:end]."""

    start: int
    end: int
    kind: str  # "country" | "city"
    code: str | None  # ISO code of the state (of the city's state for a city)
    name: str | None = None  # the city's English name
    ending: str = ""  # the case ending the last word carries, lower case


@dataclass
class Text:
    """The words of one article and what is known of them."""

    lang: str
    text: str
    words: list[Word]
    sentences: list[tuple[int, int]]  # word index ranges
    places: list[PlaceName] = field(default_factory=list)
    vocabulary: frozenset[str] = frozenset()
    # What components work out once per text, each its own kind of value under its own key.
    cache: dict[tuple[object, ...], Any] = field(default_factory=dict)

    def span_text(self, start: int, end: int) -> str:
        """The article's text from word `start` to word `end` (exclusive), spaces kept."""
        if start >= end:
            return ""
        return self.text[self.words[start].start : self.words[end - 1].end]

    def place_at(self, index: int) -> PlaceName | None:
        return next((p for p in self.places if p.start <= index < p.end), None)


def analyse(doc: Doc, lang: str) -> Text:
    """The doc's words, classified with the language's data; made once per doc."""
    # spaCy types the user data as keyed by strings; any hashable key does.
    user_data = cast("dict[object, object]", doc.user_data)
    cached = user_data.get(_TEXT_KEY)
    if isinstance(cached, Text):
        return cached
    text = lexicon.doc_text(doc)
    words: list[Word] = []
    sentences: list[tuple[int, int]] = []
    sent_id = 0
    for sent in doc.sents:
        if sentences and _ordinal_end(words, sentences[-1]):
            first, sent_id = sentences.pop()[0], sent_id - 1  # "2. Diaspora Forumu" goes on
        else:
            first = len(words)
        quoted = False
        for match in _WORD.finditer(text, sent.start_char, sent.end_char):
            kind = match.lastgroup or "punct"
            piece = match.group()
            if kind == "punct" and (piece in _OPEN_QUOTES or piece in _CLOSE_QUOTES):
                quoted = piece in _OPEN_QUOTES
            if _glued_stop(text, words, match):
                sentences.append((first, len(words)))
                first, sent_id = len(words), sent_id + 1
            words.append(
                Word(
                    piece, match.start(), match.end(), kind, sent_id, quoted, languages.lower(piece)
                )
            )
        sentences.append((first, len(words)))
        sent_id = len(sentences)
    for word in words:
        _classify(lang, word)
    _flag_cues(lang, text, words, sentences)
    result = Text(lang, text, words, sentences)
    result.vocabulary = frozenset(w.lower for w in words if w.kind == "word")
    result.places = _places(result)
    user_data[_TEXT_KEY] = result
    return result


def _flag_cues(lang: str, text: str, words: list[Word], sentences: list[tuple[int, int]]) -> None:
    """Words inside an event phrase of the language ("Tecrübe Değişimi", "круглый стол")."""
    pattern = languages.any_type(lang)
    for lo, hi in sentences:
        if lo >= hi:
            continue
        base = words[lo].start
        lowered = languages.lower(text[base : words[hi - 1].end])
        k = lo
        for match in pattern.finditer(lowered):
            start, end = base + match.start(), base + match.end()
            while k < hi and words[k].end <= start:
                k += 1
            j = k
            while j < hi and words[j].start < end:
                words[j].cue = True
                j += 1


def _ordinal_end(words: list[Word], sentence: tuple[int, int]) -> bool:
    """A sentence that ends in "2." ends in an ordinal number, as Turkic languages write it."""
    lo, hi = sentence
    return (
        hi - lo >= 2
        and words[hi - 1].text == "."
        and words[hi - 2].text.isdigit()
        and len(words[hi - 2].text) <= 2
    )


def _glued_stop(text: str, words: list[Word], match: re.Match[str]) -> bool:
    """ "düzenlemiştir.8 Kasım": a full stop with no space after it still ends a sentence
    when a number or a capital follows (web names such as "News.Az" are one word)."""
    if len(words) < 2 or words[-1].text != "." or words[-1].end != match.start():
        return False
    before = words[-2]
    return (
        before.kind == "word"
        and len(before.text) > 2
        and (match.group()[:1].isdigit() or match.group()[:1].isupper())
    )


def _classify(lang: str, word: Word) -> None:
    if word.kind != "word":
        return
    word.head, word.role, word.modifier, word.month, word.cue = _word_info(lang, word.text)


@functools.lru_cache(maxsize=65536)
def _word_info(lang: str, text: str) -> tuple[str | None, bool, bool, int | None, bool]:
    bases = languages.base_forms(lang, text)
    heads = languages.words(lang, "institutions", "heads")
    head = next((b for b in bases if b in heads), None)
    roles = languages.stems(lang, "people", "roles")
    role = head is None and any(languages.starts_with_any(b, roles) for b in bases)
    modifiers = languages.words(lang, "people", "role_modifiers")
    modifier = any(b in modifiers for b in bases) or any(
        b.startswith(m) for b in bases for m in modifiers if len(m) >= 4
    )
    return head, role, modifier, languages.month_of(lang, text), False


# --- places ----------------------------------------------------------------------------------


def _places(text: Text) -> list[PlaceName]:
    """States and cities named in the text, longest name first at each position."""
    found: list[PlaceName] = []
    words = text.words
    i = 0
    while i < len(words):
        place = _place_from(text, i) if words[i].kind == "word" and words[i].cap else None
        if place is None or _personal_name(text, place):
            i += 1
            continue
        _with_state_words(text, place)
        found.append(place)
        i = place.end
    return found


def _personal_name(text: Text, place: PlaceName) -> bool:
    """ "Башкы консул Лира Сыдыкова", "Mustafa Kamal Atatürk": a town of the world gazetteer
    (not one the language's data names) that stands among capitalised words or after a title
    is a person's name, unless something says it is a place: a case ending ("Liradan"), "в",
    a word for "city", or being a state's capital; before a surname it is a name in any case."""
    words = text.words
    word = words[place.start]
    if place.kind != "city" or place.end - place.start != 1 or _listed_city(text.lang, word):
        return False
    lo, hi = text.sentences[word.sent]
    if place.end < hi and not place.ending and _surname(text.lang, words[place.end]):
        return True  # "София Иванова": a capital's name too, before a surname
    before = words[place.start - 1] if place.start > lo else None
    if before is not None and (before.cap or before.role) and _surname(text.lang, word):
        return True  # "София Иванова": a surname that is a town's name in some case too
    if _place_evidence(text, place) or place.name in _capital_names():
        return False
    if place.start > lo and words[place.start - 1].role:
        return True
    return any(
        lo <= k < hi and words[k].kind == "word" and words[k].cap and _place_from(text, k) is None
        for k in (place.start - 1, place.end)
    )


def _surname(lang: str, word: Word) -> bool:
    """A capitalised word with a surname's ending ("Иванова", "Sydykovanyn")."""
    endings = languages.stems(lang, "people", "surname_endings")
    return (
        word.kind == "word"
        and word.cap
        and any(b.endswith(endings) for b in languages.base_forms(lang, word.text))
    )


def _listed_city(lang: str, word: Word) -> bool:
    cities = languages.mapping(lang, "places", "cities")
    return any(base in cities for base in languages.base_forms(lang, word.text))


def _place_evidence(text: Text, place: PlaceName) -> bool:
    """A case ending on the name (in Russian an oblique form), "в"/"во" before it or a word
    for "city" beside it."""
    words = text.words
    word = words[place.start]
    inflected = text.lang == "ru" and word.lower != languages.base_forms("ru", word.text)[-1]
    if place.ending or inflected:
        return True
    city_words = languages.words(text.lang, "places", "city_words")
    before = words[place.start - 1].lower if place.start > 0 else ""
    after = words[place.end].lower if place.end < len(words) else ""
    return before in ("в", "во") or before in city_words or after in city_words


@functools.cache
def _capital_names() -> frozenset[str]:
    return frozenset(city.name for city in gazetteers.capitals().values())


def state_word(lang: str, word: Word) -> bool:
    """ "Cumhuriyeti", "Республикасының", "Республики": the word of a state's full name."""
    states = languages.words(lang, "places", "state_words")
    return word.kind == "word" and any(b in states for b in languages.base_forms(lang, word.text))


def _with_state_words(text: Text, place: PlaceName) -> None:
    """ "Azerbaycan Cumhuriyeti’nin", "Республики Узбекистан": the state's full name."""
    if place.kind != "country":
        return
    words = text.words
    if place.end < len(words) and state_word(text.lang, words[place.end]):
        place.end += 1
    if place.start > 0 and state_word(text.lang, words[place.start - 1]):
        place.start -= 1


def _place_from(text: Text, i: int) -> PlaceName | None:
    words = text.words
    longest = _MAX_PLACE_WORDS if words[i].lower in _first_words(text.lang) else 1
    if text.lang == "ru" and longest == 1:
        longest = (
            _MAX_PLACE_WORDS
            if languages.base_forms("ru", words[i].text)[-1] in _first_words("ru")
            else 1
        )
    for n in range(longest, 0, -1):
        end = i + n
        if end > len(words) or any(w.kind != "word" for w in words[i:end]):
            continue
        if any(w.sent != words[i].sent for w in words[i:end]):
            continue
        head = " ".join(
            languages.base_forms(text.lang, w.text)[-1] if text.lang == "ru" else w.lower
            for w in words[i : end - 1]
        )
        for base in languages.base_forms(text.lang, words[end - 1].text):
            key = f"{head} {base}".strip()
            place = _lookup(text.lang, key, n == 1)
            if place is not None:
                kind, code, name = place
                ending = words[end - 1].lower[len(base) :] if text.lang != "ru" else ""
                return PlaceName(i, end, kind, code, name, ending.lstrip("'’`ʼ-"))
    return None


_NO_CODE = "-"


@functools.cache
def _first_words(lang: str) -> frozenset[str]:
    """First words of the language's place names of two words or more."""
    names = list(_countries(lang)) + list(languages.mapping(lang, "places", "cities"))
    return frozenset(n.split()[0] for n in names if " " in n)


def _lookup(lang: str, key: str, single: bool) -> tuple[str, str | None, str | None] | None:
    code = _countries(lang).get(key)
    if code is not None:
        return ("country", None if code == _NO_CODE else code, None)
    city = languages.mapping(lang, "places", "cities").get(key)
    if city:
        return ("city", _city_country(city), city)
    if single and len(key) >= 4:
        known = gazetteers.cities().get(key[:1].upper() + key[1:])
        if known is not None and key not in _blocked_cities():
            return ("city", known.country, known.name)
    return None


@functools.cache
def _blocked_cities() -> frozenset[str]:
    from ortak.ingest.extract import patterns

    return patterns.words("places", "not_cities")


@functools.cache
def _city_country(name: str) -> str | None:
    city = gazetteers.cities().get(name)
    return city.country if city else None


@functools.cache
def _countries(lang: str) -> dict[str, str]:
    """Names of states, lower case, to ISO codes ("-" where a state has none, the TRNC)."""
    table: dict[str, str] = {}
    catalog = knowledge.catalog()
    for state in catalog.states if catalog else ():
        for name in state.names:
            table[name.text.lower()] = state.iso_code or _NO_CODE
    for lang_code in languages.known():
        for word, code in languages.mapping(lang_code, "places", "countries").items():
            table.setdefault(word, code or _NO_CODE)
    for word, code in languages.mapping(lang, "places", "countries").items():
        table[word] = code or _NO_CODE
    return table


def latin_name(name: str) -> str | None:
    """`name_latin` of a name written in Cyrillic; None for a Latin one."""
    return morphology.transliterate(name) if morphology.is_cyrillic(name) else None
