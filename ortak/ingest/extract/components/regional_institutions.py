"""Institutions in the region's languages: a name around a head noun. The head ends the name
in the Turkic languages ("... Devlet Komitesi"), opens it in Russian ("Государственного комитета
по работе с диаспорой"); either comes out in its base form, linked to the catalog where it
names a known body, with the state it belongs to."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ortak.ingest.extract import knowledge, languages
from ortak.ingest.extract.components.regional_names import (
    BRACKETS,
    CLAUSE_ENDS,
    Run,
    char_span,
    person_like,
)
from ortak.ingest.extract.findings import Org, findings
from ortak.ingest.extract.linking import DEFAULT_REGISTRY
from ortak.ingest.extract.regional_text import (
    PlaceName,
    Text,
    Word,
)
from ortak.names import morphology

_VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB"})


@dataclass
class OrgSpan:
    start: int
    end: int
    name: str
    org: Org | None = None


def institutions(text: Text, runs: list[Run], max_words: int) -> list[OrgSpan]:
    in_run = {i for r in runs if person_like(text, r) for i in range(r.start, r.end)}
    heads = [i for i, w in enumerate(text.words) if w.head]
    spans: list[OrgSpan] = []
    first = languages.head_first(text.lang)
    for i in heads if first else reversed(heads):
        if any(s.start <= i < s.end for s in spans):
            continue
        span = (_russian_org if first else _turkic_org)(text, i, in_run, max_words)
        if span is not None and _worth_keeping(text, span):
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def _stops(text: Text, word: Word, nxt: Word | None = None) -> bool:
    if word.kind == "punct":
        return word.text not in BRACKETS
    if word.role and not word.head:
        # "Mınıstrler Kabıneti": a title word inside a name, right before its capitalised word
        return not (word.cap and nxt is not None and nxt.cap and not nxt.role)
    if word.lower in languages.words(text.lang, "institutions", "breakers"):
        return True
    # an event word ends a name, unless the language lists it as a word of names too
    # ("маданий борбору": a cultural centre)
    return word.cue and word.lower not in languages.words(text.lang, "institutions", "inside")


def _turkic_org(text: Text, i: int, in_run: set[int], max_words: int) -> OrgSpan | None:
    words = text.words
    lo = text.sentences[words[i].sent][0]
    under = languages.words(text.lang, "institutions", "under")
    inside = languages.words(text.lang, "institutions", "inside") | under
    ands = languages.words(text.lang, "language", "and_words")
    start, j = i, i - 1
    while j >= lo and i - j < max_words:
        word = words[j]
        if _opens_quote(text, j, lo):
            break  # 'Şurasının "Türk Şurası ... Strategiyası"': the head is inside a title
        opening = _opening_quote(text, j, lo) if word.text in '»”"' else None
        if opening is not None:
            start, j = opening, opening - 1  # "«Кыргыз түрктөрүнүн ... » бирикмеси"
            continue
        if j in in_run or _stops(text, word, words[j + 1]) or _venue_word(text, j):
            break
        if word.kind == "word" and not (word.cap or word.head or _inside(text, word, inside)):
            break
        if word.head and _oblique(text, word) and words[j + 1].lower not in under:
            break  # "Heydər Əliyev Mərkəzində Türk Dövlətləri Təşkilatına": another body's
            # name ends there, in a case no name inside a name takes
        if word.lower in ands and j > lo and words[j - 1].head and not word.cap:
            break  # "Türk Kültür ve Miras Vakfı ve TİKA": two names side by side; but
            # "министрлигине караштуу департамент" is one body, under the other
        start = j if (word.cap or word.kind == "init" or word.head) else start
        j -= 1
    while start < i and (words[start].kind == "punct" and words[start].text in ")»”"):
        start += 1
    while start < i and words[start].kind == "word" and not words[start].cap:
        start += 1  # "үйлестіру кеңесі Бакудағы ТҮРКПА хатшылығы": a name opens capitalised
    if start == lo and start < i - 1 and adverbial(text, start):
        start += 1  # "Tədbirdə Türk Dövlətləri ...": "at the event" opens the sentence
    elif start == lo and start < i - 1 and words[start + 1].text in "«“„" and opener(text, start):
        start += 1  # "Búgin «Otandastar qory» KEAQ": "today" opens the sentence
    if start == lo and start == i - 1 and not words[i].cap:
        return None  # "Güç birliği": a common noun, capitalised only as the sentence opens
    if (
        start > lo
        and words[start - 1].text in '«“"'
        and any(w.text in '»”"' for w in words[start:i])
    ):
        start -= 1  # "«Otandastar qory» QeAQ"
    start = _honoree_before(text, _after_source(text, start, i), lo)
    end = _cut_at_ministry(text, start, i + 1)
    head = end - 1
    end = _with_parenthesis(text, end)
    return OrgSpan(start, end, _turkic_name(text, start, end, head))


def _inside(text: Text, word: Word, inside: frozenset[str]) -> bool:
    """A lower-case word that may stand inside a name: a listed one, its plural ("davlatlar"),
    a verbal noun ("muvofiqlashtirish"), or an adjective made from a state's name or a listed
    word ("rossiyalik", "turkiy", "madaniy" from "madaniyat")."""
    lower = word.lower
    if lower in inside:
        return True
    plurals = languages.stems(text.lang, "institutions", "plural_suffixes")
    if any(lower.endswith(p) and lower[: -len(p)] in inside for p in plurals):
        return True
    verbal = languages.stems(text.lang, "institutions", "verbal_noun_suffixes")
    if len(lower) > 6 and lower.endswith(verbal):
        return True
    roots = _adjective_roots(text.lang)
    for suffix in languages.stems(text.lang, "institutions", "adjective_suffixes"):
        stem = lower[: -len(suffix)] if lower.endswith(suffix) else ""
        if len(stem) >= 3 and any(r.startswith(stem) for r in roots):
            return True
    return False


@functools.cache
def _adjective_roots(lang: str) -> tuple[str, ...]:
    """The words an adjective of a name's word may be made from: the language's words of
    names and the states' names it writes."""
    states = languages.mapping(lang, "places", "countries")
    catalog = knowledge.catalog()
    names = {n.text for s in catalog.states for n in s.names} if catalog else set()
    words = set(languages.words(lang, "institutions", "inside")) | set(states)
    words |= {languages.lower(n) for n in names if " " not in n}
    return tuple(sorted(w for w in words if len(w) >= 4))


def opener(text: Text, k: int) -> bool:
    """A sentence's first word, capitalised only for its place: no word of names, no head, no
    place."""
    word = text.words[k]
    inside = languages.words(text.lang, "institutions", "inside")
    return word.lower not in inside and word.head is None and text.place_at(k) is None


def _opens_quote(text: Text, j: int, lo: int) -> bool:
    """Word `j` opens a quotation (a straight quote opens where an even number of them
    stand before it in the sentence)."""
    mark = text.words[j].text
    if mark == '"':
        return sum(w.text == '"' for w in text.words[lo:j]) % 2 == 0
    if mark == "“":  # opens, unless it closes a "„" ("„Otandastar“")
        return not any(w.text == "„" for w in text.words[lo:j])
    return mark in "«„"


def _opening_quote(text: Text, j: int, lo: int) -> int | None:
    """Where the quoted name that closes at word `j` opens (within a few words), else None."""
    for k in range(j - 1, max(lo, j - 10) - 1, -1):
        if text.words[k].text in '«“„"':
            return k if k < j - 1 else None
        if text.words[k].text in CLAUSE_ENDS:
            return None
    return None


_ADVERBIAL = (
    "da",
    "de",
    "də",
    "ta",
    "te",
    "dan",
    "den",
    "dən",
    "да",
    "де",
    "та",
    "те",
    "дан",
    "ден",
    "ға",
    "ге",
    "қа",
    "ке",
    "ga",
    "ge",
    "ǵa",
    "ya",
    "yə",
    "ye",
    "na",
    "nə",
    "ne",
    "ке",
)


def adverbial(text: Text, k: int) -> bool:
    """A word in the locative, ablative or dative: no part of an institution's name."""
    word = text.words[k]
    return word.head is None and text.place_at(k) is None and word.lower.endswith(_ADVERBIAL)


def _oblique(text: Text, word: Word) -> bool:
    """A head noun with a case ending other than the genitive ("Mərkəzində", "Fonduna")."""
    stem = next(
        (s for s in morphology.turkic_stems(word.text, languages.suffixes(text.lang))
         if languages.lower(s) == word.head),
        None,
    )  # fmt: skip
    if stem is None:
        return False
    ending = word.lower[len(stem) :].lstrip("'’`ʼ-")
    return bool(ending) and ending not in languages.words(text.lang, "language", "genitive")


def _venue_word(text: Text, k: int) -> bool:
    """A place with a locative ending ("Xankəndidə", "Қазақстанда") is no part of a name."""
    place = text.place_at(k)
    return place is not None and place.ending.endswith(
        ("da", "de", "də", "да", "де", "ta", "te", "та", "те")
    )


def _worth_keeping(text: Text, span: OrgSpan) -> bool:
    """A name of one lower-case or one head word names nothing in particular ("Komitesi");
    nor does a Russian one with no capital past the sentence's first word, or one whose
    head is a lower-case plural ("диаспоральные институты ОТГ": the OTS's institutions)."""
    words = [w for w in text.words[span.start : span.end] if w.kind == "word"]
    if languages.head_first(text.lang) and _generic_plural(text, span):
        return False
    if _state_name(text, span):
        return False  # "Rusiya Federasiyası": a state's name, not a body's
    if len(words) == 1:
        letters = [ch for ch in words[0].text if ch.isalpha()]
        return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2
    lo = text.sentences[text.words[span.start].sent][0]
    first = lo if languages.head_first(text.lang) else -1
    capitals = [k for k in range(span.start, span.end) if text.words[k].cap and k != first]
    return bool(capitals) or _catalog_key(span.name) is not None


def _state_name(text: Text, span: OrgSpan) -> bool:
    """A state's name and the word that makes its full name ("Rusiya Federasiyası")."""
    forms = languages.words(text.lang, "institutions", "state_forms")
    place = text.place_at(span.start)
    if place is None or place.kind != "country" or place.end >= span.end:
        return place is not None and place.kind == "country" and span.end <= place.end
    rest = [w for w in text.words[place.end : span.end] if w.kind == "word"]
    return len(rest) == 1 and any(b in forms for b in languages.base_forms(text.lang, rest[0].text))


def _generic_plural(text: Text, span: OrgSpan) -> bool:
    head = next((w for w in text.words[span.start : span.end] if w.head), None)
    return head is not None and not head.cap and "plur" in morphology.russian_tags(head.text)


def _cut_at_ministry(text: Text, start: int, end: int) -> int:
    """ "Dışişleri Bakanlığı Dış Göç Dairesi": a unit after a ministry belongs to a title,
    unless an "under" word makes it a body of its own ("министрлигине караштуу ...")."""
    ministries = languages.words(text.lang, "institutions", "ministries")
    under = languages.words(text.lang, "institutions", "under")
    words = text.words
    if any(w.lower in under for w in words[start:end]):
        return end
    for k in range(start, end - 1):
        if words[k].head in ministries:
            return k + 1
    return end


def _with_parenthesis(text: Text, end: int) -> int:
    """ "(YTB)", "(Konseyi)" right after a name belongs to it."""
    words = text.words
    if end < len(words) and words[end].text == ")":
        return end + 1
    if end < len(words) and words[end].text == "(":
        for k in range(end + 1, min(end + 6, len(words))):
            if words[k].text == ")":
                return k + 1
    return end


def _honoree_before(text: Text, start: int, lo: int) -> int:
    """ "M.Áýezov atyndaǵy Ońtústik Qazaqstan ýnıversıteti": the name of the person a body
    is named after, and the naming word, open its name."""
    words = text.words
    named = languages.words(text.lang, "people", "named_after")
    if start - 1 <= lo or words[start - 1].lower not in named:
        return start
    k = start - 1
    while (
        k - 1 >= lo
        and start - k < 4
        and (words[k - 1].cap or words[k - 1].kind == "init")
        and not (words[k - 1].cue or adverbial(text, k - 1))
    ):
        k -= 1  # not "Tədbirdə", "Konferensııaǵa": the sentence's opening word
    return k if k < start - 1 else start


def _after_source(text: Text, start: int, head: int) -> int:
    """ "Crossmedia.az Dövlət Komitəsinə istinadən": a web name before an institution's name
    is the news source that cites it, no part of the name."""
    k = max((k for k in range(start, head) if _web_name(text.words[k].text)), default=None)
    return start if k is None else k + 1


def _web_name(word: str) -> bool:
    """ "Crossmedia.az", "kun.uz": a site's name, letters on both sides of a dot."""
    return re.search(r"[^\W\d_]\.[^\W\d_]{2,}$", word) is not None


def _turkic_name(text: Text, start: int, end: int, last: int) -> str:
    """The name as written, its head noun (word `last`) without the case ending it carries
    ("Türk Dövlətləri Təşkilatının (TDT)" -> "Türk Dövlətləri Təşkilatı (TDT)")."""
    word = text.words[last]
    base = next(
        (s for s in morphology.turkic_stems(word.text, languages.suffixes(text.lang))
         if languages.lower(s) == word.head),
        word.text,
    )  # fmt: skip
    before = text.text[text.words[start].start : word.start]
    after = text.text[word.end : text.words[end - 1].end] if last < end - 1 else ""
    return " ".join((before + base + after).split())


def _russian_org(text: Text, i: int, in_run: set[int], max_words: int) -> OrgSpan | None:
    words = text.words
    lo, hi = text.sentences[words[i].sent]
    start = i
    while start - 1 >= lo and i - start < 3 and _adjective(words[start - 1], words[i]):
        start -= 1
    end = _russian_complement(text, i + 1, hi, in_run, max_words)
    end = _with_parenthesis(text, end)
    group = [w.text for w in words[start : i + 1]]
    nominative = morphology.russian_nominative(group)
    rest = text.span_text(i + 1, end)
    name = " ".join(" ".join(nominative + ([rest] if rest else [])).split())
    return OrgSpan(start, end, name)


def _closing_quote(text: Text, k: int, hi: int) -> int | None:
    """Where a quoted name opened at word `k` closes (within a few words), else None."""
    if text.words[k].text not in '«"„“':
        return None
    for j in range(k + 1, min(k + 8, hi)):
        if text.words[j].text in '»"”“':
            return j if j > k + 1 else None
    return None


def _adjective(word: Word, head: Word) -> bool:
    """An adjective before a Russian head, in its case ("Главного управления": "главного" is
    likelier read as the noun "главное", yet agrees with the head as an adjective)."""
    if word.kind != "word" or word.role:
        return False
    if "ADJF" in morphology.russian_tags(word.text):
        return True
    cases = morphology.russian_tags(head.text) & _CASES
    readings = morphology.russian_readings(word.text)
    return bool(cases) and any("ADJF" in r and cases & r for r in readings)


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


def _russian_complement(text: Text, k: int, hi: int, in_run: set[int], max_words: int) -> int:
    """End of the words after a Russian head that belong to the name (its genitives)."""
    words, end = text.words, k
    named = languages.words(text.lang, "people", "named_after")
    while k < hi and k - end < max_words:
        word = words[k]
        if word.lower in named and k + 2 < hi:
            k = end = k + 3  # "имени Гейдара Алиева"
            continue
        closing = _closing_quote(text, k, hi) if k == end else None
        if closing is not None:
            k = end = closing + 1  # "Фонда "Отандастар" Республики Казахстан"
            continue
        if word.kind != "word" or word.role or k in in_run:
            break
        place = text.place_at(k + 1) if word.lower in ("в", "во") else None
        if place is not None:
            return place.end if k + 1 < hi else end
        if word.lower in ("в", "во", "на") or _VERB_TAGS & morphology.russian_tags(word.text):
            break
        if "nomn" in morphology.russian_tags(word.text) and not word.cap and word.head is None:
            break
        k = end = k + 1
    return end


def add_org(doc: Doc, text: Text, span: OrgSpan) -> Org | None:
    found = findings(doc)
    name = span.name.strip(" ,.")
    if not name or _news_agency(text, span, name):
        return None
    mention = char_span(doc, text, span.start, span.end)
    key = _catalog_key(name)
    fold = knowledge.names_api()[0]
    for org in found.orgs:
        if (key and org.key == key) or _same_body(fold(org.name), fold(name), text.lang):
            org.mentions.append(mention)
            if len(name) > len(org.name) and (not key or _abbreviation(org.name)):
                org.name = name  # "TDT" first, "Türk Dövlətləri Təşkilatı" later: the fullest
            if org.country is None and not org.international and not key:
                org.country = _country_inside(text, span)  # "O‘zbekistondagi Rus ... markazi"
            return org
    country = knowledge.institution_country(key) if key else _country_inside(text, span)
    org = Org(span=mention, name=name, country=country, key=key, mentions=[mention])
    org.international = bool(key) and country is None
    found.orgs.append(org)
    return org


def _abbreviation(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(name.split()) == 1 and all(ch.isupper() for ch in letters)


def _news_agency(text: Text, span: OrgSpan, name: str) -> bool:
    """A news agency cited as the source ("Trend", "“Anadolu” agentliyi", "агентство
    Казинформ"): its name with or without the word for an agency."""
    agencies = languages.words(text.lang, "institutions", "agencies")
    if languages.lower(name) in agencies:
        return True
    rest = [
        w.lower
        for w in text.words[span.start : span.end]
        if w.kind == "word" and not w.head and not w.role
    ]
    return bool(rest) and " ".join(rest) in agencies


def _same_body(known: str, new: str, lang: str) -> bool:
    """Two folded names of one institution: the same, or one the other's end (its start in
    Russian) of two words or more ("Тышкы миграция департаменти" after its full name "...
    министрлигине караштуу Тышкы миграция департаменти"): a body is listed once, in the
    fullest form the text gives. A name joined to another by "and" is another body."""
    if known == new:
        return True
    short, long_ = sorted((known, new), key=len)
    if len(short.split()) < 2:
        return False
    if languages.head_first(lang):
        rest = long_.removeprefix(short + " ").split() if long_.startswith(short + " ") else []
        joint = rest[:1]
    else:
        rest = long_.removesuffix(" " + short).split() if long_.endswith(" " + short) else []
        joint = rest[-1:]
    fold = knowledge.names_api()[0]
    ands = {fold(w) for w in languages.words(lang, "language", "and_words")}
    return bool(rest) and not (set(joint) & ands)


@functools.lru_cache(maxsize=8192)
def _catalog_key(name: str) -> str | None:
    """The catalog institution a name names: as the linker matches it, or a catalog name
    that the name begins or ends with ("Azerbaycan Cumhuriyeti ... Devlet Komitesi"), or
    that begins with it ("Государственный комитет по работе с диаспорой" + "Азербайджана")."""
    match = DEFAULT_REGISTRY.match_institution(name)
    if match:
        return knowledge.canonical_key(match[0])
    abbreviation = re.search(r"\(([^\W\d_]{2,8})\)", name)
    if abbreviation and (match := DEFAULT_REGISTRY.match_institution(abbreviation.group(1))):
        return knowledge.canonical_key(match[0])  # "... Qarışıq İcmalar (YTB)"
    fold = knowledge.names_api()[0]
    folded = fold(re.sub(r"\s*\([^()]*\)\s*$", "", name))  # "... диаспорой (ГКРД)"
    if len(folded.split()) < 3:
        return None
    for text, key in _catalog_names():
        if len(text.split()) >= 3 and (
            folded.endswith(" " + text)
            or folded.startswith(text + " ")
            or text.startswith(folded + " ")
        ):
            return knowledge.canonical_key(key)
    return None


@functools.cache
def _catalog_names() -> tuple[tuple[str, str], ...]:
    fold = knowledge.names_api()[0]
    names = {(fold(e.text), e.key) for e in knowledge.entries() if e.label == "INSTITUTION"}
    return tuple(sorted(names, key=lambda n: len(n[0]), reverse=True))


def _country_inside(text: Text, span: OrgSpan) -> str | None:
    places = [p for p in text.places if span.start <= p.start < span.end and p.code]
    if _embassy(text, span):
        # "O‘zbekistonning Vashingtondagi elchixonasi", "ölkəmizin Avstriyadakı Səfirliyi":
        # the state that sends it, not the one it sits in
        owners = [p for p in places if p.kind == "country" and not located(text, p)]
        return owners[0].code if owners else home_state(text.lang)
    states = [p for p in places if p.kind == "country"]
    if states or places:
        return (states or places)[0].code
    words = text.words[span.start : span.end]
    state = next((c for w in words if (c := _state_of_adjective(text.lang, w.lower))), None)
    if state is not None:
        return state  # "rossiyalik vatandoshlar kengashi": a council of Russia's compatriots
    return home_state(text.lang) if _own_state_body(text, span) else None


def _state_of_adjective(lang: str, lower: str) -> str | None:
    """The state an adjective is made of ("rossiyalik" -> RU), else None."""
    states = languages.mapping(lang, "places", "countries")
    for suffix in languages.stems(lang, "institutions", "adjective_suffixes"):
        stem = lower[: -len(suffix)] if lower.endswith(suffix) else ""
        if states.get(stem):
            return str(states[stem])
    return None


def _own_state_body(text: Text, span: OrgSpan) -> bool:
    """ "Маданият вазирлиги", "Жогорку Кеңеш": a ministry or the parliament, named with no
    state, is the state's whose press names it so."""
    name = languages.lower(span.name)
    ministries = languages.words(text.lang, "institutions", "ministries")
    if name.split()[-1:] and name.split()[-1] in ministries:
        return True
    parliaments = languages.words(text.lang, "institutions", "parliaments")
    return any(name == p or name.endswith(" " + p) for p in parliaments)


def _embassy(text: Text, span: OrgSpan) -> bool:
    embassies = languages.words(text.lang, "institutions", "embassies")
    return any(w.head in embassies for w in text.words[span.start : span.end])


# The locative ("-da", "-nda") and the locative attributive ("-daki", "-дагы"); not the
# ablative ("-dan": "from Kazakhstan" says whose someone is).
_LOCATIVE = re.compile(r"^[nн]?[dtдт][aeəаеә](?![nн])")


def located(text: Text, place: PlaceName) -> bool:
    """A state named as where someone or something is ("Avstriyadakı", "в Австрии"), not
    as whose it is."""
    if text.lang == "ru":
        return place.start > 0 and text.words[place.start - 1].lower in ("в", "во")
    return _LOCATIVE.match(place.ending) is not None


def home_state(lang: str) -> str | None:
    """The state whose officials and bodies the language's press names without naming it."""
    code = languages.data(lang, "institutions").get("home_state")
    return str(code) if code else None
