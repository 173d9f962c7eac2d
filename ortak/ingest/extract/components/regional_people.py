"""People in the region's languages: a name with the title, institution and state the words
around it give ("Devlet Komitesi Başkanı Nazim İbrahimov", "Рустамбек Курбанов, председатель
..."), whether the person was there or is only recalled."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ortak.ingest.extract import knowledge, languages
from ortak.ingest.extract.components.regional_institutions import (
    OrgSpan,
    add_org,
    adverbial,
    home_state,
    located,
    opener,
)
from ortak.ingest.extract.components.regional_names import (
    CLAUSE_ENDS,
    Run,
    abbreviation_dot,
    base_name,
    char_span,
    followed_by_head,
    has_title,
    honorific,
    is_name_word,
    named_after,
    person_like,
    sentence_start,
    surname_like,
)
from ortak.ingest.extract.findings import Findings, Org, Person, findings
from ortak.ingest.extract.regional_text import (
    PlaceName,
    Text,
    Word,
    latin_name,
)
from ortak.names import morphology


def add_person(
    doc: Doc, text: Text, run: Run, spans: list[OrgSpan], max_chain: int, runs: list[Run]
) -> None:
    if followed_by_head(text, run) or named_after(text, run):
        return
    chain = _chain(text, run, max_chain, runs)
    titled = has_title(text, chain, run)
    apposition = None if titled else _apposition(text, run, max_chain, runs)
    titled = titled or apposition is not None
    words = [w.text for w in text.words[run.start : run.end]]
    around = (
        text.words[run.start - 1] if run.start > 0 else None,
        text.words[run.end] if run.end < len(text.words) else None,
    )
    name = base_name(text, words, around)
    if not titled and not surname_like(text, words[-1]):
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
        if known.role is None and titled:
            _describe_later(doc, text, known, run, spans, max_chain, runs)
        return
    person = Person(span=mention, name=name, name_latin=latin_name(name), mentions=[mention])
    person.present = not (_remembered(text, run, titled) or _recalled(text, run, chain))
    if apposition is not None:
        _describe(doc, text, person, apposition[0], Run(apposition[1], apposition[1]), spans)
    else:
        _describe(doc, text, person, chain, run, spans)
    if person.role is None:
        _share_title(found, text, person, run)
    elif person.organization is None and person.country is None:
        _same_body_as_before(found, text, person, chain)
        _body_of_the_one_before(found, text, person, chain, run)
    if person.organization is None and person.role:
        _body_of_its_kind(found, text, person, run)
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


def _describe_later(
    doc: Doc,
    text: Text,
    known: Person,
    run: Run,
    spans: list[OrgSpan],
    max_chain: int,
    runs: list[Run],
) -> None:
    """ "..., - dedi X. ... prezıdenti X pen ...": a person named first with no title takes the
    title, body and state of a later, titled mention."""
    later = Person(span=known.span, name=known.name, name_latin=known.name_latin)
    chain = _chain(text, run, max_chain, runs)
    apposition = None if has_title(text, chain, run) else _apposition(text, run, max_chain, runs)
    if apposition is not None:
        _describe(doc, text, later, apposition[0], Run(apposition[1], apposition[1]), spans)
    else:
        _describe(doc, text, later, chain, run, spans)
    _home_official(text, later)
    if later.role:
        known.role, known.role_span = later.role, later.role_span
        known.organization = later.organization
        known.country = known.country or later.country
        known.country_span = known.country_span or later.country_span


def _represented_state(text: Text, run: Run, spans: list[OrgSpan]) -> str | None:
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
        and not located(text, p)
        and not any(s.start <= p.start < s.end for s in spans)
    }
    return states.pop() if len(states) == 1 else None


def _home_official(text: Text, person: Person) -> None:
    """ "Elchi X", "Başkan Yardımcısı X": an official whose state goes unsaid is the press's
    own state's (an envoy "in Austria" too)."""
    org = person.organization
    occupations = languages.stems(text.lang, "people", "occupations")
    if person.role and languages.starts_with_any(languages.lower(person.role), occupations):
        return  # "Ишкер X": an entrepreneur holds no office of a state
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


def _body_of_the_one_before(
    found: Findings, text: Text, person: Person, chain: int, run: Run
) -> None:
    """ "... Гасановым и его заместителем X": a title after "his" or "her" is a title in the
    body of the person named just before."""
    possessives = languages.words(text.lang, "people", "possessives")
    if person.organization is not None or not any(
        w.lower in possessives for w in text.words[chain : run.start]
    ):
        return
    before = next((p for p in reversed(found.people) if p.organization is not None), None)
    if before is not None:
        person.organization, person.country = before.organization, before.country


def _body_of_its_kind(found: Findings, text: Text, person: Person, run: Run) -> None:
    """ "Akademisi'ni ziyaret ederek Rektör X": a title that heads one kind of body only is
    the head of the body of that kind its sentence named before it."""
    table = languages.mapping(text.lang, "people", "heads_of")
    role = languages.lower(person.role or "").split()
    kinds = [k for w in role for t, ks in table.items() if w.startswith(t) for k in ks]
    if not kinds:
        return
    lo = text.words[sentence_start(text, run.start)].start
    end = text.words[run.start].start
    for org in reversed(found.orgs):
        if lo <= org.span.start_char < end and any(
            k in languages.lower(w) for w in org.name.split()[-1:] for k in kinds
        ):
            person.organization = org
            if not org.international:
                person.country = person.country or org.country
            return


def _envoy(text: Text, role: str) -> bool:
    envoys = languages.stems(text.lang, "people", "envoys")
    return any(languages.starts_with_any(w, envoys) for w in languages.lower(role).split())


def _apposition(text: Text, run: Run, max_chain: int, runs: list[Run]) -> tuple[int, int] | None:
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
        and not (words[hi].kind == "punct" and words[hi].text in CLAUSE_ENDS)
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


def _share_title(found: Findings, text: Text, person: Person, run: Run) -> None:
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


def _referred_org(found: Findings, text: Text, chain: int, run: Run) -> Org | None:
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


def _mention_of_known(doc: Doc, text: Text, run: Run, name: str) -> None:
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


def _chain(text: Text, run: Run, max_chain: int, runs: list[Run]) -> int:
    """Start of the words before a name that describe the person (title, institution, state):
    back to the clause's start, another person's name, or `max_chain` words."""
    words = text.words
    lo = sentence_start(text, run.start)
    k = run.start
    while k > lo and run.start - k < max_chain:
        prev = words[k - 1]
        if prev.kind == "punct" and prev.text in CLAUSE_ENDS and not abbreviation_dot(text, k - 1):
            break
        if any(r.end == k and r is not run and person_like(text, r) for r in runs):
            break
        if (
            text.lang == "ru"
            and prev.kind == "word"
            and "VERB" in morphology.russian_tags(prev.text)
        ):
            break  # "Председатель ... встретился с президентом Фонда X": another clause's title
        k -= 1
    return k


def _remembered(text: Text, run: Run, titled: bool) -> bool:
    if titled:
        return False
    cues = languages.stems(text.lang, "people", "remembered")
    lo, hi = text.sentences[text.words[run.start].sent]
    sentence = languages.lower(text.span_text(lo, hi))
    return any(cue in sentence for cue in cues)


def _recalled(text: Text, run: Run, chain: int) -> bool:
    """A name only quoted, recalled or commemorated, titled or not: "напомнил слова
    президента Казахстана X", "X-in sözlərini xatırlatdı", "X-тың 90 жылдығына"."""
    words = text.words
    before = languages.words(text.lang, "people", "recalled_before")
    if any(words[k].lower in before for k in range(max(chain, run.start - 6), run.start)):
        return True
    genitives = tuple(languages.words(text.lang, "language", "genitive"))
    if not genitives or not words[run.end - 1].lower.endswith(genitives):
        return False  # "X-in sözləri" is a quotation; "X sözlərinə davam edib" X's own speech
    k = _after_genitive(text, run.end)
    after = languages.stems(text.lang, "people", "recalled_after")
    return (
        k < len(words)
        and words[k].kind == "word"
        and languages.starts_with_any(words[k].lower, after) is not None
    )


def _after_genitive(text: Text, k: int) -> int:
    """The first word of what a name in the genitive owns, past a number ("X-тың 90
    жылдығы"), other names in the genitive joined by "and" ("X-in və Birinci vitse-prezident
    Y-nin qayğısı") and a quoted title with its naming word ("X-tyń «...» atty maqalasy")."""
    words = text.words
    ands = languages.words(text.lang, "language", "and_words")
    works = languages.words(text.lang, "people", "work_titles")
    start = k
    while k < len(words) and k - start < 12 and words[k].sent == words[start - 1].sent:
        word = words[k]
        capital = word.kind in ("word", "init") and word.cap
        if capital or word.text.isdigit() or word.lower in ands or word.role or word.modifier:
            k += 1
        elif word.text in '«“„"' and (close := _quote_end(text, k)) is not None:
            k = close + 1
            k += 1 if k < len(words) and words[k].lower in works else 0
        else:
            break
    return k


def _quote_end(text: Text, k: int) -> int | None:
    """The closing mark of the quotation word `k` opens, within its sentence."""
    depth = 0
    for j in range(k, len(text.words)):
        mark = text.words[j].text
        if text.words[j].sent != text.words[k].sent:
            return None
        depth += mark in "«„" or (mark in '"“' and j == k)
        depth -= mark in "»”" or (mark == '"' and j > k)
        if depth <= 0:
            return j
    return None


def _describe(
    doc: Doc, text: Text, person: Person, chain: int, run: Run, spans: list[OrgSpan]
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
        while last - 1 > first and honorific(text, words[last - 1]):
            last -= 1  # "Bakanı Sayın X": the title without the word of respect
        person.role = _role_text(text, first, last)
        person.role_span = char_span(doc, text, first, last) if last > first else None
    org = _pick_org(text, inside, roles)
    if org is None and roles:
        org = _ministry_of(doc, text, roles, chain, run)
    person.organization = org
    states = [
        p
        for p in text.places
        if chain <= p.start < run.start and p.kind == "country" and not text.words[p.start].quoted
    ]  # not "Түркиядагы “Кыргызстан” коому": a state's name quoted as a body's is the body's
    state = next((p for p in states if not located(text, p)), None)
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
                and not located(text, p)
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
    return any(words[k].sent == words[place.start].sent and is_name_word(text, k) for k in near)


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
    while k - 1 >= chain and (
        text.words[k - 1].role or text.words[k - 1].modifier or abbreviation_dot(text, k - 1)
    ):
        k -= 1  # "Rektör Prof. Dr. X"
    ands = languages.words(text.lang, "language", "and_words")
    while k < last_role and text.words[k].lower in ands:
        k += 1  # "... Serikov və səfir X": the "and" joins two people, not two titles
    return k


def _pick_org(text: Text, inside: list[OrgSpan], roles: list[int]) -> Org | None:
    if not inside:
        return None
    if languages.head_first(text.lang):
        after = [s for s in inside if roles and s.start > roles[0]]
        return (after or inside)[0].org
    return inside[-1].org


def _ministry_of(doc: Doc, text: Text, roles: list[int], chain: int, run: Run) -> Org | None:
    """ "Ақпарат және қоғамдық даму вице-министрі" -> "Ақпарат және қоғамдық даму
    министрлігі"; "министра культуры и туризма Турции" -> "Министерство культуры ..."."""
    table = languages.mapping(text.lang, "people", "minister")
    words = text.words
    for k in roles:
        stem = _minister_word(text, words[k], table)
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
        return add_org(doc, text, OrgSpan(start, end, name))
    return None


def _minister_word(text: Text, word: Word, table: dict[str, Any]) -> str | None:
    """The minister's word of the table the title word is, in any case ("вазирининг": the
    minister's, "министра")."""
    forms = dict.fromkeys((word.lower, *languages.base_forms(text.lang, word.text)))
    return next(
        (m for f in forms for m in table if f == m or f.endswith("-" + m)),
        None,
    )


def _words_before(text: Text, k: int, chain: int) -> int:
    """Start of the words naming a minister's field ("tashqi ishlar Vaziri"): back to a
    title, or to a lower-case word that no institution's name holds ("O‘z nutqlarida")."""
    start = k
    inside = languages.words(text.lang, "institutions", "inside")
    while start - 1 >= chain and text.words[start - 1].kind == "word":
        word = text.words[start - 1]
        if word.role or (not word.cap and word.lower not in inside):
            break
        if adverbial(text, start - 1) and word.lower not in inside:
            break  # "Uchrashuvda vazir ...": "at the meeting" names no ministry
        start -= 1
    ands = languages.words(text.lang, "language", "and_words")
    while (
        start < k
        and not text.words[start].cap
        and (text.words[start].lower not in inside or text.words[start].lower in ands)
    ):
        start += 1
    if start == sentence_start(text, k) and start < k - 1 and opener(text, start):
        start += 1  # "Kecha ... Tashqi ishlar vaziri": the sentence's opening adverb
    return start
