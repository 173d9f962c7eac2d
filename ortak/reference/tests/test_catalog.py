"""The reference catalog: the shipped data validate, and bad data are refused by name."""

from pathlib import Path

import pycountry
import pytest

from ortak.core.errors import ValidationError
from ortak.reference import InstitutionRef, ProgramRef, StateRef, load_catalog

CATALOG = load_catalog()
ENTRIES: list[StateRef | InstitutionRef | ProgramRef] = [
    *CATALOG.states,
    *CATALOG.institutions,
    *CATALOG.programs,
]


def _key(entry: StateRef | InstitutionRef | ProgramRef) -> str:
    return entry.key


# --- The shipped data ----------------------------------------------------------------------


def test_shipped_catalog_is_read_once_per_process():
    assert load_catalog() is CATALOG


@pytest.mark.parametrize(
    ("key", "iso_code", "status", "since"),
    [
        ("AZ", "AZ", "member", "2009-10-03"),
        ("KZ", "KZ", "member", "2009-10-03"),
        ("KG", "KG", "member", "2009-10-03"),
        ("TR", "TR", "member", "2009-10-03"),
        ("UZ", "UZ", "member", "2019"),
        ("HU", "HU", "observer", "2018-09-03"),
        ("TM", "TM", "observer", "2021-11-12"),
        ("TRNC", None, "observer", "2022-11-11"),
    ],
)
def test_state_iso_code_and_ots_status(key, iso_code, status, since):
    state = CATALOG.state(key)
    assert (state.iso_code, state.ots_status, state.ots_since) == (iso_code, status, since)


def test_catalog_holds_the_five_members_and_three_observers_only():
    statuses = sorted((state.ots_status, state.key) for state in CATALOG.states)
    assert statuses == [
        ("member", "AZ"),
        ("member", "KG"),
        ("member", "KZ"),
        ("member", "TR"),
        ("member", "UZ"),
        ("observer", "HU"),
        ("observer", "TM"),
        ("observer", "TRNC"),
    ]


@pytest.mark.parametrize("state", CATALOG.states, ids=_key)
def test_every_state_but_the_trnc_has_a_real_iso_code(state):
    country = pycountry.countries.get(alpha_2=state.iso_code) if state.iso_code else None
    assert (country is None) == (state.key == "TRNC")


@pytest.mark.parametrize(
    ("text", "valid_from", "valid_to"),
    [
        ("Organization of Turkic States", "2021-11-12", None),
        ("Türk Devletleri Teşkilatı", "2021-11-12", None),
        ("Организация тюркских государств", "2021-11-12", None),
        ("Turkic Council", None, "2021-11-12"),
        ("Cooperation Council of Turkic Speaking States", None, "2021-11-12"),
        ("CCTS", None, "2021-11-12"),
        ("Türk Konseyi", None, "2021-11-12"),
        ("Совет сотрудничества тюркоязычных государств", None, "2021-11-12"),
        ("Türk Tanács", None, "2021-11-12"),
    ],
)
def test_former_and_current_names_of_the_ots_are_one_institution(text, valid_from, valid_to):
    found = [
        (entity, key, name.valid_from, name.valid_to)
        for entity, key, name in CATALOG.all_names()
        if name.text == text
    ]
    assert found == [("institution", "ots", valid_from, valid_to)]


@pytest.mark.parametrize(
    ("key", "field", "expected"),
    [
        ("ots-secretariat", "parent", "ots"),
        ("ots-contact-group", "parent", "ots"),
        ("ots-budapest-office", "parent", "ots"),
        ("tr-ytb", "parent", "tr-culture-tourism-ministry"),
        ("tr-ytb", "state", "TR"),
        ("kz-otandastar", "state", "KZ"),
        ("uz-interethnic-committee-2017", "succeeded_by", "uz-interethnic-committee-2025"),
        ("az-azerbaijanis-abroad-committee", "succeeded_by", "az-diaspora-committee"),
        ("hu-national-policy-secretariat", "state", "HU"),
        ("tm-world-turkmens-association", "state", "TM"),
        ("trnc-coordination-committee", "state", "TRNC"),
        ("eco", "kind", "international_organization"),
        ("ots", "state", None),
    ],
)
def test_institution_facts(key, field, expected):
    assert getattr(CATALOG.institution(key), field) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Contact Group", "official"),
        ("Diaspora Contact Group", "variant"),
        ("Türk Konseyi Diaspora Temas Grubu", "variant"),
    ],
)
def test_contact_group_names(text, kind):
    names = {name.text: name.kind for name in CATALOG.institution("ots-contact-group").names}
    assert names[text] == kind


@pytest.mark.parametrize(
    ("key", "kind", "event_type"),
    [
        ("ministers-meeting", "event_series", "ministerial_meeting"),
        ("contact-group-meeting", "event_series", "contact_group_meeting"),
        ("exchange-of-experience", "event_series", "exchange_of_experience"),
        ("capacity-building-training", "event_series", "training"),
        ("turkic-diaspora-forum", "event_series", "forum"),
        ("diaspora-youth-forum", "event_series", "forum"),
        ("internship", "event_series", "training"),
        ("joint-activity-strategy", "strategy", None),
        ("joint-activity-plan", "plan", None),
        ("turkic-world-vision-2040", "strategy", None),
        ("ots-strategy-2022-2026", "strategy", None),
        ("atlas", "project", None),
    ],
)
def test_programs_the_extractor_relies_on(key, kind, event_type):
    program = CATALOG.program(key)
    assert (program.kind, program.event_type) == (kind, event_type)


@pytest.mark.parametrize(
    ("lookup", "key"),
    [("state", "ECO"), ("state", "az"), ("institution", "AZ"), ("program", "ots")],
)
def test_unknown_key_raises_key_error(lookup, key):
    with pytest.raises(KeyError):
        getattr(CATALOG, lookup)(key)


def test_all_names_yields_every_name_of_every_entry():
    assert len(list(CATALOG.all_names())) == sum(len(entry.names) for entry in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=_key)
def test_every_entry_has_a_source_and_shows_one_of_its_names(entry):
    assert entry.sources
    assert entry.name in {name.text for name in entry.names}


@pytest.mark.parametrize("institution", CATALOG.institutions, ids=_key)
def test_institution_links_resolve(institution):
    assert institution.state is None or CATALOG.state(institution.state)
    links = [key for key in (institution.parent, institution.succeeded_by) if key]
    assert all(CATALOG.institution(key) for key in links)


@pytest.mark.parametrize("program", CATALOG.programs, ids=_key)
def test_program_organizer_resolves(program):
    assert program.organizer is None or CATALOG.institution(program.organizer)


# --- Bad data ------------------------------------------------------------------------------

STATES = """\
states:
  - key: AZ
    iso_code: AZ
    name: Azerbaijan
    names:
      - {text: Azerbaijan, language: en, kind: short}
      - {text: Азербайджан, language: ru, kind: short}
    demonyms: [Azerbaijani]
    ots_status: member
    ots_since: "2009-10-03"
    sources: [https://example.org/az]
  - key: TRNC
    iso_code: null
    name: Turkish Republic of Northern Cyprus
    names:
      - {text: Turkish Republic of Northern Cyprus, language: en, kind: official}
    demonyms: [Turkish Cypriot]
    ots_status: observer
    ots_since: "2022-11-11"
    sources: [https://example.org/trnc]
"""

INSTITUTIONS = """\
institutions:
  - key: ots
    kind: international_organization
    name: Organization of Turkic States
    names:
      - {text: Organization of Turkic States, language: en, kind: official}
      - {text: OTS, language: en, kind: abbreviation, valid_from: "2021-11-12"}
      - {text: Turkic Council, language: en, kind: short, valid_to: "2021-11-12"}
    state: null
    parent: null
    founded: "2009-10-03"
    succeeded_by: null
    website: https://turkicstates.org
    diaspora_body: false
    sources: [https://example.org/ots]
  - key: az-diaspora-committee
    kind: state_body
    name: State Committee on Work with Diaspora
    names:
      - {text: State Committee on Work with Diaspora, language: en, kind: official}
      - {text: Diasporla İş üzrə Dövlət Komitəsi, language: az, kind: short}
    state: AZ
    parent: null
    founded: "2008-11-19"
    succeeded_by: null
    website: null
    diaspora_body: true
    sources: [https://example.org/az-committee]
"""

PROGRAMS = """\
programs:
  - key: ministers-meeting
    kind: event_series
    name: Meeting of Ministers
    names:
      - {text: Meeting of Ministers, language: en, kind: official}
    event_type: ministerial_meeting
    organizer: ots
    first_held: "2013-01"
    sources: [https://example.org/meeting]
"""

FILES = {"states.yaml": STATES, "institutions.yaml": INSTITUTIONS, "programs.yaml": PROGRAMS}


def _write_catalog(folder: Path, file: str | None = None, old: str = "", new: str = "") -> Path:
    """Write the small valid catalog into `folder`, with `old` replaced by `new` in `file`."""
    for name, text in FILES.items():
        if name == file:
            assert old in text, "the case must change the text it names"
            text = text.replace(old, new, 1)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_small_catalog_used_below_is_valid(tmp_path):
    catalog = load_catalog(_write_catalog(tmp_path))
    assert catalog.institution("az-diaspora-committee").state == "AZ"


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ('founded: "2008-11-19"', "founded: 2008-11-19", "founded", "2008-11-19"),
        ('founded: "2008-11-19"', "founded: 2008", "founded", "2008"),
        ('founded: "2008-11-19"', 'founded: "2008-11"', "founded", "2008-11"),
    ],
)
def test_unquoted_dates_and_bare_years_are_read_as_iso_text(tmp_path, old, new, field, expected):
    catalog = load_catalog(_write_catalog(tmp_path, "institutions.yaml", old, new))
    assert getattr(catalog.institution("az-diaspora-committee"), field) == expected


BAD_DATA = [
    # (id, file, old text, new text, fragments the message must contain)
    ("duplicate-state-key", "states.yaml", "key: TRNC", "key: AZ", ["'AZ'", "duplicate key"]),
    (
        "duplicate-institution-key",
        "institutions.yaml",
        "key: az-diaspora-committee",
        "key: ots",
        ["'ots'", "duplicate key", "entry #1 already uses it"],
    ),
    (
        "dangling-parent",
        "institutions.yaml",
        "state: AZ\n    parent: null",
        "state: AZ\n    parent: ministry-of-nowhere",
        ["'az-diaspora-committee'", "parent 'ministry-of-nowhere'", "institutions.yaml"],
    ),
    (
        "dangling-state",
        "institutions.yaml",
        "state: AZ",
        "state: XX",
        ["'az-diaspora-committee'", "state 'XX'", "states.yaml"],
    ),
    (
        "dangling-successor",
        "institutions.yaml",
        "succeeded_by: null\n    website: null",
        "succeeded_by: az-committee-2030\n    website: null",
        ["'az-diaspora-committee'", "succeeded_by 'az-committee-2030'"],
    ),
    (
        "dangling-organizer",
        "programs.yaml",
        "organizer: ots",
        "organizer: ots-secretariat",
        ["'ministers-meeting'", "organizer 'ots-secretariat'"],
    ),
    (
        "parent-loop",
        "institutions.yaml",
        "state: AZ\n    parent: null",
        "state: AZ\n    parent: az-diaspora-committee",
        ["'az-diaspora-committee'", "loop"],
    ),
    (
        "month-13",
        "institutions.yaml",
        'founded: "2008-11-19"',
        'founded: "2008-13-19"',
        ["'az-diaspora-committee'", "founded '2008-13-19' is not a date"],
    ),
    (
        "date-in-words",
        "programs.yaml",
        'first_held: "2013-01"',
        "first_held: January 2013",
        ["'ministers-meeting'", "first_held 'January 2013' is not a date"],
    ),
    (
        "dotted-name-date",
        "institutions.yaml",
        'valid_from: "2021-11-12"',
        'valid_from: "12.11.2021"',
        ["entry 'ots', name #2", "valid_from '12.11.2021' is not a date"],
    ),
    (
        "name-valid-from-after-valid-to",
        "institutions.yaml",
        'valid_from: "2021-11-12"',
        'valid_from: "2021-11-12", valid_to: "2009"',
        ["entry 'ots', name #2", "valid_from 2021-11-12 is after valid_to 2009"],
    ),
    (
        "unknown-institution-kind",
        "institutions.yaml",
        "kind: state_body",
        "kind: agency",
        ["'az-diaspora-committee'", "kind 'agency' is unknown"],
    ),
    (
        "unknown-language",
        "states.yaml",
        "language: ru",
        "language: russian",
        ["entry 'AZ', name #2", "language 'russian' is unknown"],
    ),
    (
        "unknown-script",
        "states.yaml",
        "language: ru",
        "language: ru-Arab",
        ["entry 'AZ', name #2", "language 'ru-Arab' is unknown"],
    ),
    (
        "unknown-name-kind",
        "states.yaml",
        "kind: short}",
        "kind: nickname}",
        ["entry 'AZ', name #1", "kind 'nickname' is unknown"],
    ),
    (
        "unknown-ots-status",
        "states.yaml",
        "ots_status: member",
        "ots_status: partner",
        ["'AZ'", "ots_status 'partner' is unknown"],
    ),
    (
        "event-series-without-event-type",
        "programs.yaml",
        "event_type: ministerial_meeting",
        "event_type: null",
        ["'ministers-meeting'", "event_type"],
    ),
    (
        "no-sources",
        "programs.yaml",
        "sources: [https://example.org/meeting]",
        "sources: []",
        ["'ministers-meeting'", "sources is empty"],
    ),
    (
        "source-not-a-url",
        "states.yaml",
        "sources: [https://example.org/az]",
        "sources: [the ministry website]",
        ["'AZ'", "web addresses"],
    ),
    (
        "misspelt-field",
        "institutions.yaml",
        "website: null",
        "webiste: null",
        ["'az-diaspora-committee'", "unknown field webiste"],
    ),
    (
        "shown-name-not-among-names",
        "states.yaml",
        "name: Azerbaijan",
        "name: Azerbaijan Republic",
        ["'AZ'", "'Azerbaijan Republic' is not among its names"],
    ),
    (
        "name-listed-twice",
        "states.yaml",
        "{text: Азербайджан, language: ru, kind: short}",
        "{text: Azerbaijan, language: en, kind: variant}",
        ["'AZ'", "'Azerbaijan' (en) is listed twice"],
    ),
    (
        "key-differs-from-iso-code",
        "states.yaml",
        "iso_code: AZ",
        "iso_code: KZ",
        ["'AZ'", "differs from iso_code 'KZ'"],
    ),
    (
        "norway-problem",
        "states.yaml",
        "key: AZ",
        "key: NO",
        ["entry #1", "key must be text", "quote it"],
    ),
    ("broken-yaml", "programs.yaml", "names:", "names: [", ["not valid YAML", "line "]),
    ("wrong-top-level-key", "programs.yaml", "programs:", "program:", ["'programs'"]),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [case[1:] for case in BAD_DATA],
    ids=[case[0] for case in BAD_DATA],
)
def test_bad_data_is_refused_naming_file_entry_and_problem(tmp_path, file, old, new, expected):
    with pytest.raises(ValidationError) as raised:
        load_catalog(_write_catalog(tmp_path, file, old, new))
    message = str(raised.value)
    assert message.startswith(f"ortak.E200: {file}")
    assert [fragment for fragment in expected if fragment not in message] == []


def test_missing_file_is_refused_by_name(tmp_path):
    (_write_catalog(tmp_path) / "programs.yaml").unlink()
    with pytest.raises(ValidationError, match=r"programs\.yaml: file not found"):
        load_catalog(tmp_path)
