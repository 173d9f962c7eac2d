"""ortak_regional_entities_v1: people, institutions and places in the region's languages.

One set of rules for Russian, Turkish, Azerbaijani, Kazakh, Kyrgyz and Uzbek; what differs is
data (`patterns/<lang>/`). A person is a run of capitalised words (or initials and a surname)
that a title stands before ("Devlet Komitesi Başkanı Nazim İbrahimov", "председатель
муниципалитета Бурсы Алинур Акташ") or that ends like a surname. An institution is a name
around a head noun: the head ends the name in the Turkic languages ("... Devlet Komitesi"),
opens it in Russian ("Государственного комитета по работе с диаспорой"); either comes out in
its base form ("Komitəsinin" -> "Komitəsi", "Государственный комитет ...").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import knowledge, languages
from ortak.ingest.extract.findings import Findings, Org, Person, Place, findings
from ortak.ingest.extract.linking import DEFAULT_REGISTRY
from ortak.ingest.extract.regional_text import (
    PlaceName,
    Text,
    Word,
    analyse,
    latin_name,
    state_word,
)
from ortak.names import morphology

_CLAUSE_ENDS = frozenset(",;:.!?–—")
_BRACKETS = frozenset('()«»“”"„')
_VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB"})


@Language.factory(
    "ortak_regional_entities_v1",
    default_config={"max_name_words": 3, "max_org_words": 18, "max_chain_words": 16},
)
def make_regional_entities(
    nlp: Language, name: str, *, max_name_words: int, max_org_words: int, max_chain_words: int
) -> RegionalEntities:
    """Build the finder of people, institutions and places for the region's languages."""
    return RegionalEntities(
        max_name_words=max_name_words, max_org_words=max_org_words, max_chain=max_chain_words
    )


@dataclass
class _OrgSpan:
    start: int
    end: int
    name: str
    org: Org | None = None


@dataclass
class _Run:
    start: int
    end: int
    words: list[str] = field(default_factory=list)


class RegionalEntities:
    """Adds places, institutions and people (with title, institution and state) to findings."""

    def __init__(self, *, max_name_words: int, max_org_words: int, max_chain: int) -> None:
        self.max_name_words = max_name_words
        self.max_org_words = max_org_words
        self.max_chain = max_chain

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        lang = found.language
        if lang not in languages.known():
            return doc
        text = analyse(doc, lang)
        _not_titles(text)
        _add_places(doc, text)
        runs = _name_runs(text, self.max_name_words)
        spans = _institutions(text, runs, self.max_org_words)
        for span in spans:
            span.org = _add_org(doc, text, span)
        for run in runs:
            _add_person(doc, text, run, spans, self.max_chain, runs)
        doc.spans["ortak_people"] = [m for p in found.people for m in p.mentions]
        doc.spans["ortak_orgs"] = [m for o in found.orgs for m in o.mentions]
        return doc


def char_span(doc: Doc, text: Text, start: int, end: int) -> Span:
    """The spaCy span over words[start:end]."""
    first, last = text.words[start], text.words[end - 1]
    span = doc.char_span(first.start, last.end, alignment_mode="expand")
    if span is None:  # a word always overlaps a token, so expanding always finds one
        raise ValueError(f"no token under the words {start}:{end}")
    return span


def _not_titles(text: Text) -> None:
    """ "elchixonada" (at the embassy) starts like "elchi" (ambassador): an embassy's word is
    an institution's, never a title."""
    embassies = languages.words(text.lang, "institutions", "embassies")
    for word in text.words:
        if word.role and any(b in embassies for b in languages.base_forms(text.lang, word.text)):
            word.role = False


# --- places ----------------------------------------------------------------------------------


def _add_places(doc: Doc, text: Text) -> None:
    found = findings(doc)
    for place in text.places:
        span = char_span(doc, text, place.start, place.end)
        name = place.name or text.span_text(place.start, place.end)
        found.places.append(Place(span=span, kind=place.kind, name=name, country=place.code))


# --- names of people -------------------------------------------------------------------------


def _is_name_word(text: Text, i: int) -> bool:
    word = text.words[i]
    if word.kind == "init":
        return True
    if word.kind != "word" or not word.cap or word.quoted:
        return False
    if word.role and _first_name_after_title(text, i):
        return True
    if word.head or word.role or word.modifier or word.month:
        return False
    place = text.place_at(i)
    if place is not None and not (place.kind == "city" and _first_name_before_surname(text, i)):
        return False
    if state_word(text.lang, word):
        return False
    if text.lang == "ru" and _russian_adjective(word.text):
        return False  # "Азербайджанского (культурного центра)"
    if word.cue and not _surname_like(text, word.text):
        return False  # an event word, but "Saparbekuly" only starts like "sapar" (a trip)
    if word.lower in languages.words(text.lang, "institutions", "inside"):
        return False  # "Diaspor Potensialı": a common word of institutions' names
    letters = [ch for ch in word.text if ch.isalpha()]
    return not (len(letters) >= 2 and all(ch.isupper() for ch in letters))


def _first_name_after_title(text: Text, i: int) -> bool:
    """ "Başkan Yardımcısı Elçin Quliyev": a word that starts like a title ("elçi") between a
    title and a surname is a first name."""
    words = text.words
    return (
        0 < i < len(words) - 1
        and words[i - 1].role
        and words[i - 1].sent == words[i].sent
        and not words[i].head
        and _first_name_before_surname(text, i)
    )


def _first_name_before_surname(text: Text, i: int) -> bool:
    """ "Лира Сыдыкова": a city's name right before a surname is a first name."""
    nxt = text.words[i + 1] if i + 1 < len(text.words) else None
    return (
        nxt is not None
        and nxt.kind == "word"
        and nxt.cap
        and nxt.sent == text.words[i].sent
        and text.place_at(i + 1) is None
        and _surname_like(text, nxt.text)
    )


def _name_runs(text: Text, max_words: int) -> list[_Run]:
    """Runs of name words that may be a person's name (two words or more, or an initial)."""
    runs, words, i = [], text.words, 0
    while i < len(words):
        if not _is_name_word(text, i):
            i += 1
            continue
        j = i
        while j < len(words) and _is_name_word(text, j) and words[j].sent == words[i].sent:
            j += 1
            if _inflected(text, j - 1):
                break  # "Т.Т. Каймазаровдун Түрк ...": a case ending closes a Turkic name
        while j > i and words[j - 1].kind == "init":
            j -= 1
        if i > 0 and words[i - 1].lower in languages.words(text.lang, "people", "named_after"):
            i = min(i + 2, j)  # "имени Гейдара Алиева Самир Аббасов": the honoree first
        j = _before_institution(text, i, j)
        start, end = _name_part(text, i, j, max_words)
        if end - start >= 2 or (end - start == 1 and _lone_surname(text, start)):
            runs.append(_Run(start, end))
        i = max(j, i + 1)
    return runs


def _before_institution(text: Text, i: int, j: int) -> int:
    """ "sədri Fuad Muradov Türk Şurasının ...": the capitalised words after a surname that
    lead into an institution's head open the institution's name, not the person's."""
    if j >= len(text.words) or not _capital_head(text.words[j]) or j - i < 3:
        return j
    for k in range(j - 2, i, -1):
        if _surname_like(text, text.words[k].text):
            return k + 1
    return j


def _capital_head(word: Word) -> bool:
    return word.head is not None and word.cap


def _name_part(text: Text, i: int, j: int, max_words: int) -> tuple[int, int]:
    """The name inside a long run of capitalised words: right after a title the first words
    ("sədri Fuad Muradov Xaricdəki Türklər ..."), elsewhere the last ones."""
    if j - i <= max_words:
        return i, j
    if i > 0 and text.words[i - 1].role:
        end = i + 2
        while (
            end < j
            and (text.words[end - 1].kind == "init" or _surname_like(text, text.words[end].text))
            and end - i < max_words
        ):
            end += 1
        return i, end
    return j - max_words, j


def _inflected(text: Text, k: int) -> bool:
    """A Turkic word carrying a case ending after an apostrophe or a surname's end."""
    if text.lang == "ru" or text.words[k].kind != "word":
        return False
    word = text.words[k].text
    _, ending = morphology.split_apostrophe(word)
    if ending and ending.lower() in languages.suffixes(text.lang):
        return True
    endings = languages.stems(text.lang, "people", "surname_endings")
    return any(
        s.lower().endswith(endings)
        for s in morphology.turkic_stems(word, languages.suffixes(text.lang))[1:]
    )


def _russian_adjective(text: str) -> bool:
    tags = morphology.russian_tags(text)
    return "ADJF" in tags and not {"Surn", "Name", "Patr"} & tags


def _lone_surname(text: Text, i: int) -> bool:
    """A single word counts where it ends like a surname ("Yıldırım" does not)."""
    return _surname_like(text, text.words[i].text)


def _surname_like(text: Text, word: str) -> bool:
    endings = languages.stems(text.lang, "people", "surname_endings")
    return any(base.endswith(endings) for base in languages.base_forms(text.lang, word))


def _followed_by_head(text: Text, run: _Run) -> bool:
    """ "Heydər Əliyev Mərkəzi": the name opens an institution's; a lower-case head noun
    ("Şəfəq Binnətova komitənin ...", "the committee's") is a word of the sentence. Russian
    writes an institution's head first, lower case inside ("центр", "фонд")."""
    nxt = text.words[run.end] if run.end < len(text.words) else None
    if nxt is None or nxt.head is None or nxt.sent != text.words[run.start].sent:
        return False
    return nxt.cap or languages.head_first(text.lang)


def _named_after(text: Text, run: _Run) -> bool:
    """ "имени Гейдара Алиева", "M.Áýezov atyndaǵy": a name inside an institution's name."""
    cues = languages.words(text.lang, "people", "named_after")
    before = text.words[run.start - 1].lower if run.start > 0 else ""
    after = text.words[run.end].lower if run.end < len(text.words) else ""
    return before in cues or after in cues


# --- institutions ----------------------------------------------------------------------------


def _institutions(text: Text, runs: list[_Run], max_words: int) -> list[_OrgSpan]:
    in_run = {i for r in runs if _person_like(text, r) for i in range(r.start, r.end)}
    heads = [i for i, w in enumerate(text.words) if w.head]
    spans: list[_OrgSpan] = []
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
        return word.text not in _BRACKETS
    if word.role and not word.head:
        # "Mınıstrler Kabıneti": a title word inside a name, right before its capitalised word
        return not (word.cap and nxt is not None and nxt.cap and not nxt.role)
    if word.lower in languages.words(text.lang, "institutions", "breakers"):
        return True
    # an event word ends a name, unless the language lists it as a word of names too
    # ("маданий борбору": a cultural centre)
    return word.cue and word.lower not in languages.words(text.lang, "institutions", "inside")


def _turkic_org(text: Text, i: int, in_run: set[int], max_words: int) -> _OrgSpan | None:
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
        if word.kind == "word" and not word.cap and word.lower not in inside and not word.head:
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
    if start == lo and start < i - 1 and _adverbial(text, start):
        start += 1  # "Tədbirdə Türk Dövlətləri ...": "at the event" opens the sentence
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
    return _OrgSpan(start, end, _turkic_name(text, start, end, head))


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
        if text.words[k].text in _CLAUSE_ENDS:
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


def _adverbial(text: Text, k: int) -> bool:
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


def _worth_keeping(text: Text, span: _OrgSpan) -> bool:
    """A name of one lower-case or one head word names nothing in particular ("Komitesi");
    nor does a Russian one with no capital past the sentence's first word, or one whose
    head is a lower-case plural ("диаспоральные институты ОТГ": the OTS's institutions)."""
    words = [w for w in text.words[span.start : span.end] if w.kind == "word"]
    if languages.head_first(text.lang) and _generic_plural(text, span):
        return False
    if len(words) == 1:
        letters = [ch for ch in words[0].text if ch.isalpha()]
        return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2
    lo = text.sentences[text.words[span.start].sent][0]
    first = lo if languages.head_first(text.lang) else -1
    capitals = [k for k in range(span.start, span.end) if text.words[k].cap and k != first]
    return bool(capitals) or _catalog_key(span.name) is not None


def _generic_plural(text: Text, span: _OrgSpan) -> bool:
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
        and not (words[k - 1].cue or _adverbial(text, k - 1))
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


def _russian_org(text: Text, i: int, in_run: set[int], max_words: int) -> _OrgSpan | None:
    words = text.words
    lo, hi = text.sentences[words[i].sent]
    start = i
    while start - 1 >= lo and i - start < 3 and _adjective(words[start - 1]):
        start -= 1
    end = _russian_complement(text, i + 1, hi, in_run, max_words)
    end = _with_parenthesis(text, end)
    group = [w.text for w in words[start : i + 1]]
    nominative = morphology.russian_nominative(group)
    rest = text.span_text(i + 1, end)
    name = " ".join(" ".join(nominative + ([rest] if rest else [])).split())
    return _OrgSpan(start, end, name)


def _closing_quote(text: Text, k: int, hi: int) -> int | None:
    """Where a quoted name opened at word `k` closes (within a few words), else None."""
    if text.words[k].text not in '«"„“':
        return None
    for j in range(k + 1, min(k + 8, hi)):
        if text.words[j].text in '»"”“':
            return j if j > k + 1 else None
    return None


def _adjective(word: Word) -> bool:
    return word.kind == "word" and not word.role and "ADJF" in morphology.russian_tags(word.text)


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


def _add_org(doc: Doc, text: Text, span: _OrgSpan) -> Org | None:
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
            return org
    country = knowledge.institution_country(key) if key else _country_inside(text, span)
    org = Org(span=mention, name=name, country=country, key=key, mentions=[mention])
    org.international = bool(key) and country is None
    found.orgs.append(org)
    return org


def _abbreviation(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(name.split()) == 1 and all(ch.isupper() for ch in letters)


def _news_agency(text: Text, span: _OrgSpan, name: str) -> bool:
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
    folded = fold(name)
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


def _country_inside(text: Text, span: _OrgSpan) -> str | None:
    places = [p for p in text.places if span.start <= p.start < span.end and p.code]
    if _embassy(text, span):
        # "O‘zbekistonning Vashingtondagi elchixonasi", "ölkəmizin Avstriyadakı Səfirliyi":
        # the state that sends it, not the one it sits in
        owners = [p for p in places if p.kind == "country" and not _located(text, p)]
        return owners[0].code if owners else home_state(text.lang)
    states = [p for p in places if p.kind == "country"]
    return (states or places)[0].code if (states or places) else None


def _embassy(text: Text, span: _OrgSpan) -> bool:
    embassies = languages.words(text.lang, "institutions", "embassies")
    return any(w.head in embassies for w in text.words[span.start : span.end])


# The locative ("-da", "-nda") and the locative attributive ("-daki", "-дагы"); not the
# ablative ("-dan": "from Kazakhstan" says whose someone is).
_LOCATIVE = re.compile(r"^[nн]?[dtдт][aeəаеә](?![nн])")


def _located(text: Text, place: PlaceName) -> bool:
    """A state named as where someone or something is ("Avstriyadakı", "в Австрии"), not
    as whose it is."""
    if text.lang == "ru":
        return place.start > 0 and text.words[place.start - 1].lower in ("в", "во")
    return _LOCATIVE.match(place.ending) is not None


def home_state(lang: str) -> str | None:
    """The state whose officials and bodies the language's press names without naming it."""
    code = languages.data(lang, "institutions").get("home_state")
    return str(code) if code else None


# --- people ----------------------------------------------------------------------------------


def _person_like(text: Text, run: _Run) -> bool:
    """A run that reads as a person's name: titled or ending like a surname, and not part of
    an institution's name."""
    if _named_after(text, run) or _followed_by_head(text, run):
        return False
    lo = text.sentences[text.words[run.start].sent][0]
    return _titled(text, max(lo, run.start - 16), run) or _surname_like(
        text, text.words[run.end - 1].text
    )


def _titled(text: Text, chain: int, run: _Run) -> bool:
    """A title stands before the name: right before it in the Turkic languages ("Başkanı
    Nazim İbrahimov"), anywhere in its clause in Russian ("председатель ... Фуад Мурадов")."""
    if languages.head_first(text.lang):
        return any(text.words[k].role for k in range(chain, run.start))
    k = run.start - 1
    while k >= chain and text.words[k].kind == "punct" and text.words[k].text in _BRACKETS:
        k -= 1
    return k >= chain and text.words[k].role


def _add_person(
    doc: Doc, text: Text, run: _Run, spans: list[_OrgSpan], max_chain: int, runs: list[_Run]
) -> None:
    if _followed_by_head(text, run) or _named_after(text, run):
        return
    chain = _chain(text, run, max_chain, runs)
    titled = _titled(text, chain, run)
    apposition = None if titled else _apposition(text, run, max_chain, runs)
    titled = titled or apposition is not None
    words = [w.text for w in text.words[run.start : run.end]]
    around = (
        text.words[run.start - 1] if run.start > 0 else None,
        text.words[run.end] if run.end < len(text.words) else None,
    )
    name = _base_name(text, words, around)
    if not titled and not _surname_like(text, words[-1]):
        _mention_of_known(doc, text, run, name)
        return
    if run.end - run.start < 2 and not titled:
        _mention_of_known(doc, text, run, name)
        return
    found = findings(doc)
    mention = char_span(doc, text, run.start, run.end)
    longer = _known_before_last(found, words)
    if longer is not None:
        longer.mentions.append(mention)
        return
    known = _same_person(found, name)
    if known is not None:
        known.mentions.append(mention)
        if len(name) > len(known.name) and " " in name:
            known.name, known.name_latin = name, latin_name(name)
        return
    person = Person(span=mention, name=name, name_latin=latin_name(name), mentions=[mention])
    person.present = not (_remembered(text, run, titled) or _recalled(text, run, chain))
    if apposition is not None:
        _describe(doc, text, person, apposition[0], _Run(apposition[1], apposition[1]), spans)
    else:
        _describe(doc, text, person, chain, run, spans)
    if person.role is None:
        _share_title(found, text, person, run)
    elif person.organization is None and person.country is None:
        _same_body_as_before(found, text, person, chain)
    if person.organization is None and person.role:
        person.organization = _referred_org(
            found, text, apposition[0] if apposition else chain, run
        )
        if person.organization is not None and not person.organization.international:
            person.country = person.country or person.organization.country
    if person.country is None and not (person.organization and person.organization.international):
        person.country = _represented_state(text, run, spans)
    _home_official(text, person)
    found.people.append(person)


def _represented_state(text: Text, run: _Run, spans: list[_OrgSpan]) -> str | None:
    """ "Казахстан на встрече представили ... посол X", "Türkiye'yi ... X temsil etti": the
    one state the sentence says its people represented."""
    cues = languages.cue_pattern(text.lang, "people", "represented")
    lo, hi = text.sentences[text.words[run.start].sent]
    if cues is None or not cues.search(languages.lower(text.span_text(lo, hi))):
        return None
    states = {
        p.code
        for p in text.places
        if lo <= p.start < hi
        and p.kind == "country"
        and p.code
        and not _located(text, p)
        and not any(s.start <= p.start < s.end for s in spans)
    }
    return states.pop() if len(states) == 1 else None


def _home_official(text: Text, person: Person) -> None:
    """ "Elchi X", "Başkan Yardımcısı X": an official whose state goes unsaid is the press's
    own state's (an envoy "in Austria" too)."""
    org = person.organization
    if person.country is None and person.role and (org is None or _state_body(text, org)):
        person.country = home_state(text.lang)


def _same_body_as_before(found: Findings, text: Text, person: Person, chain: int) -> None:
    """ "Komitesi Başkanı Fuad Muradov ve Başkan Yardımcısı X": a title with no body of its
    own, joined by "and" to a person of a named body, is a title in that body."""
    ands = languages.words(text.lang, "language", "and_words")
    words = text.words
    if chain >= 1 and words[chain].lower in ands:
        end = words[chain - 1].end
    elif chain >= 2 and words[chain - 1].lower in ands:
        end = words[chain - 2].end
    else:
        return
    before = next(
        (p for p in found.people if p.organization and any(m.end_char == end for m in p.mentions)),
        None,
    )
    if before is None:
        return
    person.country = before.country
    if not _envoy(text, person.role or ""):
        person.organization = before.organization  # an envoy speaks for a state, not a body


def _envoy(text: Text, role: str) -> bool:
    envoys = languages.stems(text.lang, "people", "envoys")
    return any(languages.starts_with_any(w, envoys) for w in languages.lower(role).split())


def _apposition(text: Text, run: _Run, max_chain: int, runs: list[_Run]) -> tuple[int, int] | None:
    """ "Рустамбек Курбанов, председатель управления ... Узбекистана, открыл", "Abdulla Ho'ja,
    Turkiston-Amerika uyushmasi raisi ...": the words after the name's comma that describe
    the person (a title and its institution), as a range of words; None where there is none
    or where the title is the next person's."""
    words = text.words
    lo = run.end + 1
    if lo >= len(words) or words[run.end].text != ",":
        return None
    hi = lo
    while (
        hi < len(words)
        and hi - lo < max_chain
        and words[hi].sent == words[lo].sent
        and not (words[hi].kind == "punct" and words[hi].text in _CLAUSE_ENDS)
    ):
        hi += 1
    roles = [k for k in range(lo, hi) if words[k].role]
    if not roles:
        return None
    if languages.head_first(text.lang):
        if roles[0] - lo > 2:
            return None  # a title opens a Russian apposition
    else:
        hi = roles[-1] + 1  # and closes a Turkic one
    if any(lo <= r.start <= hi for r in runs):
        return None  # "Muradov, sədr müavini Elçin Quliyev": the next person's title
    return lo, hi


def _share_title(found: Findings, text: Text, person: Person, run: _Run) -> None:
    """ "Komitənin məsul əməkdaşları Leyla Həmzəyeva və Şəfəq Binnətova": a name joined by
    "and" to a titled one, with no title of its own, shares that title."""
    ands = languages.words(text.lang, "language", "and_words")
    if run.start < 2 or text.words[run.start - 1].lower not in ands:
        return
    end = text.words[run.start - 2].end
    before = next(
        (p for p in found.people if p.role and any(m.end_char == end for m in p.mentions)), None
    )
    if before is not None:
        person.role, person.organization = before.role, before.organization
        person.country = person.country or before.country


def _referred_org(found: Findings, text: Text, chain: int, run: _Run) -> Org | None:
    """ "Председатель комитета X", "aynı Komitenin Başkan Yardımcısı X": a head noun in a
    title that names no body of its own refers back to the body the article named in full."""
    heads = {w.head for w in text.words[chain : run.start] if w.head}
    if not heads:
        return None
    start = text.words[run.start].start
    for org in reversed(found.orgs):
        if org.span.start_char >= start:
            continue
        named = {w.head for w in text.words if w.head and _within(w, org)}
        if any(_same_head(a, b) for a in heads for b in named):
            return org
    return None


def _within(word: Word, org: Org) -> bool:
    return any(m.start_char <= word.start and word.end <= m.end_char for m in org.mentions)


def _same_head(a: str, b: str) -> bool:
    """ "komite" and "komitesi", "бирикме" and "бирикмеси": one head noun, with or without
    the possessive ending a name gives it."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= 2 and len(short) >= 4


def _known_before_last(found: Findings, words: list[str]) -> Person | None:
    """ "Fuad Muradov Türk dünyasının ...": a name already found, then a capitalised word of
    what follows it."""
    if len(words) < 3:
        return None
    fold = knowledge.names_api()[0]
    head = fold(" ".join(words[:-1]))
    return next((p for p in found.people if fold(p.name) == head), None)


def _mention_of_known(doc: Doc, text: Text, run: _Run, name: str) -> None:
    known = _same_person(findings(doc), name)
    if known is not None:
        known.mentions.append(char_span(doc, text, run.start, run.end))


def _same_person(found: Findings, name: str) -> Person | None:
    fold = knowledge.names_api()[0]
    last = fold(name).split()[-1:] if name else []
    for person in found.people:
        if last and fold(person.name).split()[-1:] == last:
            return person
    return None


def _base_name(text: Text, words: list[str], around: tuple[Word | None, Word | None]) -> str:
    """The name in its base form: Russian cases to the nominative, a Turkic case ending off
    the last word ("Gürsel Dönmez’in", "Abdullah Erenlə", "Т.Т. Каймазаровдун")."""
    if text.lang == "ru":
        words = morphology.russian_name(words)
    else:
        endings = languages.stems(text.lang, "people", "surname_endings")

        def known(stem: str) -> bool:
            return stem.endswith(endings) or (stem in text.vocabulary and len(stem) > 2)

        last = words[-1]
        stems = morphology.turkic_stems(last, languages.suffixes(text.lang))[1:]
        stems = [s for s in stems if not _feminine_cut(text.lang, last, s, around)]
        base = next((s for s in stems if known(s.lower())), None)
        cut, ending = morphology.split_apostrophe(last)
        if ending.lower() not in languages.suffixes(text.lang):
            cut = last  # "Ho'ja", "Ne’matov": the apostrophe is a letter of the name
        words = [*words[:-1], base or cut]
    return " ".join(words)


def _feminine_cut(lang: str, word: str, stem: str, around: tuple[Word | None, Word | None]) -> bool:
    """ "Həmzəyeva" -> "Həmzəyev" would take a woman's surname for a man's in the dative;
    only Azerbaijani writes the dative as a bare "-a" after a consonant, and even there a
    name in a list ("and" before or after it) or before a comma or the sentence's end is in
    the nominative."""
    endings = languages.stems(lang, "people", "surname_endings")
    if len(word) - len(stem) != 1 or not word.lower().endswith(endings):
        return False
    before, after = around
    if lang != "az" or after is None:
        return True
    ands = languages.words(lang, "language", "and_words")
    return (
        after.kind == "punct"
        or after.lower in ands
        or (before is not None and before.lower in ands)
    )


def _chain(text: Text, run: _Run, max_chain: int, runs: list[_Run]) -> int:
    """Start of the words before a name that describe the person (title, institution, state):
    back to the clause's start, another person's name, or `max_chain` words."""
    words = text.words
    lo = text.sentences[words[run.start].sent][0]
    k = run.start
    while k > lo and run.start - k < max_chain:
        prev = words[k - 1]
        if prev.kind == "punct" and prev.text in _CLAUSE_ENDS:
            break
        if any(r.end == k and r is not run and _person_like(text, r) for r in runs):
            break
        if (
            text.lang == "ru"
            and prev.kind == "word"
            and "VERB" in morphology.russian_tags(prev.text)
        ):
            break  # "Председатель ... встретился с президентом Фонда X": another clause's title
        k -= 1
    return k


def _remembered(text: Text, run: _Run, titled: bool) -> bool:
    if titled:
        return False
    cues = languages.stems(text.lang, "people", "remembered")
    lo, hi = text.sentences[text.words[run.start].sent]
    sentence = languages.lower(text.span_text(lo, hi))
    return any(cue in sentence for cue in cues)


def _recalled(text: Text, run: _Run, chain: int) -> bool:
    """A name only quoted, recalled or commemorated, titled or not: "напомнил слова
    президента Казахстана X", "X-in sözlərini xatırlatdı", "X-тың 90 жылдығына"."""
    words = text.words
    before = languages.words(text.lang, "people", "recalled_before")
    if any(words[k].lower in before for k in range(max(chain, run.start - 6), run.start)):
        return True
    genitives = tuple(languages.words(text.lang, "language", "genitive"))
    if not genitives or not words[run.end - 1].lower.endswith(genitives):
        return False  # "X-in sözləri" is a quotation; "X sözlərinə davam edib" X's own speech
    k = run.end
    while k < len(words) and k < run.end + 2 and words[k].text.isdigit():
        k += 1
    after = languages.stems(text.lang, "people", "recalled_after")
    return (
        k < len(words)
        and words[k].kind == "word"
        and languages.starts_with_any(words[k].lower, after) is not None
    )


def _describe(
    doc: Doc, text: Text, person: Person, chain: int, run: _Run, spans: list[_OrgSpan]
) -> None:
    """Title, institution and state from the words before the name."""
    words = text.words
    inside = [s for s in spans if chain <= s.start and s.end <= run.start and s.org is not None]
    roles = [k for k in range(chain, run.start) if words[k].role]
    if roles:
        first = roles[0]
        if not languages.head_first(text.lang):
            first = _title_start(text, roles[-1], chain)
            last = run.start
        else:
            last = inside[0].start if inside and inside[0].start > first else run.start
        person.role = _role_text(text, first, last)
        person.role_span = char_span(doc, text, first, last) if last > first else None
    org = _pick_org(text, inside, roles)
    if org is None and roles:
        org = _ministry_of(doc, text, roles, chain, run)
    person.organization = org
    states = [p for p in text.places if chain <= p.start < run.start and p.kind == "country"]
    state = next((p for p in states if not _located(text, p)), None)
    if org is not None and org.international:
        return
    if state is not None and state.code:
        person.country = state.code
        person.country_span = char_span(doc, text, state.start, state.end)
    elif org is not None and org.country:
        person.country = org.country
    elif org is None:
        city = next(
            (
                p
                for p in text.places
                if chain <= p.start < run.start
                and not _located(text, p)
                and not _in_name(text, p, run.start)
            ),
            None,
        )
        person.country = city.code if city else None


def _role_text(text: Text, first: int, last: int) -> str:
    """The title as written, its Russian title word in the nominative ("президентом Фонда"
    -> "президент Фонда"), without a quotation mark its institution's name opens with."""
    words = text.words
    rest = first
    if text.lang == "ru":
        while rest < last and words[rest].modifier and not words[rest].role:
            rest += 1
        if rest < last and words[rest].role:
            group = [w.text for w in words[first : rest + 1]]
            head = " ".join(morphology.russian_nominative(group))
            tail = text.span_text(rest + 1, last)
            return " ".join(f"{head} {tail}".split()).strip(' ,«"„“')
        rest = first
    return " ".join(text.span_text(rest, last).split()).strip(' ,«"„“')


def _in_name(text: Text, place: PlaceName, name_start: int) -> bool:
    """ "Mustafa Kamal Atatürk": a town's name among another person's capitalised names (not
    "губернатор Бурсы Якуп ...", the place of the title right before this person's name)."""
    words = text.words
    near = [k for k in (place.start - 1, place.end) if 0 <= k < len(words) and k != name_start]
    return any(words[k].sent == words[place.start].sent and _is_name_word(text, k) for k in near)


def _state_body(text: Text, org: Org) -> bool:
    """A ministry or an embassy: a body of a state, whichever state it is."""
    heads = languages.words(text.lang, "institutions", "ministries") | languages.words(
        text.lang, "institutions", "embassies"
    )
    fold = languages.lower
    return any(fold(w) in heads for w in org.name.split())


def _title_start(text: Text, last_role: int, chain: int) -> int:
    """The first word of a Turkic title: role words and their modifiers before the name."""
    k = last_role
    while k - 1 >= chain and (text.words[k - 1].role or text.words[k - 1].modifier):
        k -= 1
    ands = languages.words(text.lang, "language", "and_words")
    while k < last_role and text.words[k].lower in ands:
        k += 1  # "... Serikov və səfir X": the "and" joins two people, not two titles
    return k


def _pick_org(text: Text, inside: list[_OrgSpan], roles: list[int]) -> Org | None:
    if not inside:
        return None
    if languages.head_first(text.lang):
        after = [s for s in inside if roles and s.start > roles[0]]
        return (after or inside)[0].org
    return inside[-1].org


def _ministry_of(doc: Doc, text: Text, roles: list[int], chain: int, run: _Run) -> Org | None:
    """ "Ақпарат және қоғамдық даму вице-министрі" -> "Ақпарат және қоғамдық даму
    министрлігі"; "министра культуры и туризма Турции" -> "Министерство культуры ..."."""
    table = languages.mapping(text.lang, "people", "minister")
    words = text.words
    for k in roles:
        lower = words[k].lower
        stem = next((m for m in table if lower == m or lower.endswith("-" + m)), None)
        if stem is None:
            continue
        if languages.head_first(text.lang):
            rest = text.span_text(k + 1, run.start)
            if not rest:
                return None
            name = f"{table[stem]} {rest}"
            start, end = k, run.start
        else:
            start = _words_before(text, k, chain)
            if start == k:
                return None
            name = f"{text.span_text(start, k)} {table[stem]}"
            end = k + 1
        return _add_org(doc, text, _OrgSpan(start, end, name))
    return None


def _words_before(text: Text, k: int, chain: int) -> int:
    """Start of the words naming a minister's field ("tashqi ishlar Vaziri"): back to a
    title, or to a lower-case word that no institution's name holds ("O‘z nutqlarida")."""
    start = k
    inside = languages.words(text.lang, "institutions", "inside")
    while start - 1 >= chain and text.words[start - 1].kind == "word":
        word = text.words[start - 1]
        if word.role or (not word.cap and word.lower not in inside):
            break
        if _adverbial(text, start - 1):
            break  # "Uchrashuvda vazir ...": "at the meeting" names no ministry
        start -= 1
    ands = languages.words(text.lang, "language", "and_words")
    while (
        start < k
        and not text.words[start].cap
        and (text.words[start].lower not in inside or text.words[start].lower in ands)
    ):
        start += 1
    return start
