"""Names of people in the region's languages: runs of capitalised words (or initials and a
surname) that may be a person's name, whether a title or a surname's ending makes one a person,
and the name in its base form ("Gürsel Dönmez’in" -> "Gürsel Dönmez")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ortak.ingest.extract import languages
from ortak.ingest.extract.regional_text import (
    Text,
    Word,
    state_word,
)
from ortak.names import morphology

CLAUSE_ENDS = frozenset(",;:.!?–—")


BRACKETS = frozenset('()«»“”"„')


def _last_vowel(word: str) -> str:
    return next((ch for ch in reversed(word.lower()) if ch in "aeəıioöuü"), "")


def char_span(doc: Doc, text: Text, start: int, end: int) -> Span:
    """The spaCy span over words[start:end]."""
    first, last = text.words[start], text.words[end - 1]
    span = doc.char_span(first.start, last.end, alignment_mode="expand")
    if span is None:  # a word always overlaps a token, so expanding always finds one
        raise ValueError(f"no token under the words {start}:{end}")
    return span


@dataclass
class Run:
    start: int
    end: int
    words: list[str] = field(default_factory=list)


def is_name_word(text: Text, i: int) -> bool:
    word = text.words[i]
    if word.kind == "init":
        return True
    if word.kind != "word" or not word.cap or (word.quoted and _quote_closes(text, i)):
        return False
    if honorific(text, word):
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
    if word.cue and not surname_like(text, word.text):
        return False  # an event word, but "Saparbekuly" only starts like "sapar" (a trip)
    if word.lower in languages.words(text.lang, "institutions", "inside"):
        return False  # "Diaspor Potensialı": a common word of institutions' names
    letters = [ch for ch in word.text if ch.isalpha()]
    return not (len(letters) >= 2 and all(ch.isupper() for ch in letters))


def _quote_closes(text: Text, i: int) -> bool:
    """A quotation the word stands in closes within its sentence: a mark left open ("« Все
    новости", a link's arrow) quotes nothing."""
    words = text.words
    return any(w.text in '»”"“' for w in words[i + 1 :] if w.sent == words[i].sent) or not any(
        w.text in '«„“"' for w in words[:i] if w.sent == words[i].sent
    )


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
        and surname_like(text, nxt.text)
    )


def name_runs(text: Text, max_words: int) -> list[Run]:
    """Runs of name words that may be a person's name (two words or more, or an initial)."""
    runs, words, i = [], text.words, 0
    while i < len(words):
        if not is_name_word(text, i):
            i += 1
            continue
        j = i
        while j < len(words) and is_name_word(text, j) and words[j].sent == words[i].sent:
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
            runs.append(Run(start, end))
        i = max(j, i + 1)
    return runs


def _before_institution(text: Text, i: int, j: int) -> int:
    """ "sədri Fuad Muradov Türk Şurasının ...": the capitalised words after a surname that
    lead into an institution's head open the institution's name, not the person's; so do
    those before a capitalised word of names that leads into one, after a title ("sədri Fuad
    Muradov Kərkük Mədəniyyət Dərnəyinin")."""
    words, h = text.words, j
    inside = languages.words(text.lang, "institutions", "inside")
    titled = i > 0 and words[i - 1].role
    while titled and h < len(words) and h - j < 3 and words[h].cap and words[h].lower in inside:
        h += 1
    if h >= len(words) or not _capital_head(words[h]) or j - i < 3:
        return j
    for k in range(j - 2, i, -1):
        if surname_like(text, text.words[k].text):
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
            and (text.words[end - 1].kind == "init" or surname_like(text, text.words[end].text))
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
    """An adjective ("Азербайджанского"), not a surname the dictionary does not know and only
    guesses as one from its "-ов-" ("Сабитовым", "Жумабаевой")."""
    tags = morphology.russian_tags(text)
    if "ADJF" not in tags or {"Surn", "Name", "Patr"} & tags:
        return False
    return morphology.russian_known(text) or _RUSSIAN_SURNAME.search(text.lower()) is None


# A surname's "-ов", "-ев", "-ин" and a case ending of a surname after it.
_RUSSIAN_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын)(а|у|ым|ой|ою|ым|ых|ыми|е)?$")


def _lone_surname(text: Text, i: int) -> bool:
    """A single word counts where it ends like a surname ("Yıldırım" does not)."""
    return surname_like(text, text.words[i].text)


def surname_like(text: Text, word: str) -> bool:
    endings = languages.stems(text.lang, "people", "surname_endings")
    return any(base.endswith(endings) for base in languages.base_forms(text.lang, word))


def followed_by_head(text: Text, run: Run) -> bool:
    """ "Heydər Əliyev Mərkəzi": the name opens an institution's; a lower-case head noun
    ("Şəfəq Binnətova komitənin ...", "the committee's") is a word of the sentence. Russian
    writes an institution's head first, lower case inside ("центр", "фонд")."""
    nxt = text.words[run.end] if run.end < len(text.words) else None
    if nxt is None or nxt.head is None or nxt.sent != text.words[run.start].sent:
        return False
    _, ending = morphology.split_apostrophe(text.words[run.end - 1].text)
    if ending and ending.lower() in languages.suffixes(text.lang):
        return False  # "Ömer Kocaman'ın YTB Başkan Yardımcısı": a name in a case opens none
    letters = [ch for ch in nxt.text if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return False  # "Ömer Kocaman YTB Başkan Yardımcısı": an abbreviation is a whole name
    return nxt.cap or languages.head_first(text.lang)


def named_after(text: Text, run: Run) -> bool:
    """ "имени Гейдара Алиева", "M.Áýezov atyndaǵy": a name inside an institution's name."""
    cues = languages.words(text.lang, "people", "named_after")
    before = text.words[run.start - 1].lower if run.start > 0 else ""
    after = text.words[run.end].lower if run.end < len(text.words) else ""
    return before in cues or after in cues


def person_like(text: Text, run: Run) -> bool:
    """A run that reads as a person's name: titled or ending like a surname, and not part of
    an institution's name."""
    if named_after(text, run) or followed_by_head(text, run):
        return False
    lo = sentence_start(text, run.start)
    return has_title(text, max(lo, run.start - 16), run) or surname_like(
        text, text.words[run.end - 1].text
    )


def has_title(text: Text, chain: int, run: Run) -> bool:
    """A title stands before the name: right before it in the Turkic languages ("Başkanı
    Nazim İbrahimov"), anywhere in its clause in Russian ("председатель ... Фуад Мурадов")."""
    if languages.head_first(text.lang):
        return any(text.words[k].role for k in range(chain, run.start))
    k = run.start - 1
    while k >= chain and (
        (text.words[k].kind == "punct" and text.words[k].text in BRACKETS)
        or honorific(text, text.words[k])
        or abbreviation_dot(text, k)
        or _abbreviation_part(text.words[k])
    ):
        k -= 1  # "Bakanı Sayın Mehmet Nuri Ersoy": a word of respect between title and name;
        # "Rektör Prof. Dr. X", "vaziri v.b. X": a title's abbreviations
    return k >= chain and text.words[k].role


def abbreviation_dot(text: Text, k: int) -> bool:
    """The dot of an abbreviation ("Prof.", "Dr.", "v.b."), not a sentence's end: right after
    a title word or a lower-case letter or two."""
    words = text.words
    if k < 1 or words[k].text != "." or words[k - 1].sent != words[k].sent:
        return False
    return words[k - 1].role or _abbreviation_part(words[k - 1])


def sentence_start(text: Text, i: int) -> int:
    """The first word of word `i`'s sentence, one that an abbreviation's dot ("Prof. Dr. X")
    did not end."""
    lo = text.sentences[text.words[i].sent][0]
    while lo > 0 and abbreviation_dot(text, lo - 1):
        lo = text.sentences[text.words[lo - 1].sent][0]
    return lo


def _abbreviation_part(word: Word) -> bool:
    """ "v.", "b" of "v.b." (acting): a lower-case letter or two of an abbreviation."""
    letters = [ch for ch in word.text if ch.isalpha()]
    return word.kind in ("word", "init") and not word.cap and 0 < len(letters) <= 2


def honorific(text: Text, word: Word) -> bool:
    """A word of respect before a name ("Sayın", "Hörmətli", "уважаемый"): no part of it."""
    stems = languages.stems(text.lang, "people", "honorifics")
    return word.kind == "word" and languages.starts_with_any(word.lower, stems) is not None


def base_name(text: Text, words: list[str], around: tuple[Word | None, Word | None]) -> str:
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
    rest = word[len(stem) :].lower()
    if len(rest) > 1:
        # "Əliyevanın", "Aliyevaning": a case ending after the "-a" of a woman's surname;
        # no ending of a man's surname opens with that "-a" and goes on
        return rest[0] in "aа" and (stem + rest[0]).lower().endswith(endings)
    if len(word) - len(stem) != 1 or not word.lower().endswith(endings):
        return False
    before, after = around
    if lang != "az" or after is None:
        return True
    if word[-1:].lower() == "a" and _last_vowel(stem) in "eəiöü":
        return True  # "Əliyeva": a front-vowel stem takes the dative "-ə", so "-a" is hers
    ands = languages.words(lang, "language", "and_words")
    return (
        after.kind == "punct"
        or after.lower in ands
        or (before is not None and before.lower in ands)
    )
