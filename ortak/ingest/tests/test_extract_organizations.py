"""ortak_organizations_v1: institution names in their fullest form, linked and merged."""

from __future__ import annotations

import pytest

from ortak.ingest.extract import extract, read_text


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "It was organized by the Ministry of Labor, Social Security and Migration of the "
            "Kyrgyz Republic, the committee said.",
            "Ministry of Labor, Social Security and Migration of the Kyrgyz Republic",
            "KG",
        ),
        (
            "A reception hosted by the Azerbaijani Embassy to the United States was held.",
            "Azerbaijani Embassy to the United States",
            "AZ",
        ),
        (
            "Mayor of Bursa Metropolitan Municipality Alinur Aktaş spoke.",
            "Bursa Metropolitan Municipality",
            "TR",
        ),
        (
            "They visited the Azerbaijan Culture and Education Center in Bishkek, where they met.",
            "Azerbaijan Culture and Education Center in Bishkek",
            "AZ",
        ),
        (
            "The Ministry of Youth and Sports of Georgia joined.",
            "Ministry of Youth and Sports of Georgia",
            "GE",
        ),
        (
            "He told them about the new Hungarian institution of the so-called Welcome Office.",
            "Welcome Office",
            "HU",
        ),
    ],
)
def test_organizations_fullest_form_and_country(upto, text, name, country):
    _, found = upto(text, "ortak_organizations")
    org = next(o for o in found.orgs if o.name == name)
    assert org.country == country


def test_organizations_name_ends_before_a_personal_name(upto):
    _, found = upto("Chairman of the State Committee Fuad Muradov spoke.", "ortak_organizations")
    assert [o.name for o in found.orgs] == ["State Committee"]


@pytest.mark.parametrize(
    "text",
    [
        "The Secretariat of the OTS and the Organization of Turkic States (OTS) met the "
        "Turkic Council.",
        "The Organization of Turkic States met. The OTS Secretariat said so.",
    ],
)
def test_organizations_secretariat_counts_as_the_ots(upto, text):
    _, found = upto(text, "ortak_organizations")
    assert [(o.key, o.country) for o in found.orgs] == [("ots", None)]


def test_organizations_merge_a_short_form_into_the_full_name(upto):
    text = (
        "Uzbekistan's Committee on Interethnic Relations will sign it, Chairman of the Committee "
        "on Interethnic Relations and Friendly Relations with Foreign Countries under the Cabinet "
        "of Ministers of the Republic of Uzbekistan said."
    )
    _, found = upto(text, "ortak_organizations")
    assert len(found.orgs) == 1 and found.orgs[0].country == "UZ"
    assert found.orgs[0].name.endswith("of the Republic of Uzbekistan")


@pytest.mark.parametrize(
    "text", ["The State Committee on Work with Diaspora of Azerbaijan told Trend News Agency."]
)
def test_organizations_leave_out_news_agencies(upto, text):
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == ["State Committee on Work with Diaspora of Azerbaijan"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Heads of the Kyrgyz Cultural Center named after Chingiz Aitmatov spoke there.",
            "Kyrgyz Cultural Center named after Chingiz Aitmatov",
            "KG",
        ),
        (
            "It was held with the Embassy of the Republic of Kazakhstan in Hungary yesterday.",
            "Embassy of the Republic of Kazakhstan in Hungary",
            "KZ",
        ),
        (
            "She is an expert of the Institute of Literature of the Academy of Sciences of "
            "Kazakhstan.",
            "Institute of Literature of the Academy of Sciences of Kazakhstan",
            "KZ",
        ),
        (
            "The Coordination Council of Azerbaijanis of France organised it.",
            "Coordination Council of Azerbaijanis of France",
            "AZ",
        ),
        (
            "The Ministry of Culture of Azerbaijan hosted it.",
            "Ministry of Culture of Azerbaijan",
            "AZ",
        ),
        (
            "Kazakhstan's Otandastar Foundation President Abzal Saparbekuly spoke.",
            "Otandastar Foundation",
            "KZ",
        ),
    ],
)
def test_organizations_names_in_more_forms(upto, text, name, country):
    _, found = upto(text, "ortak_organizations")
    org = next(o for o in found.orgs if o.name == name)
    assert org.country == country


def test_organizations_a_body_works_under_the_ots_rather_than_inside_its_name(upto):
    text = "The meeting of the Working Group on Diaspora under the OTS was held."
    _, found = upto(text, "ortak_organizations")
    assert sorted(o.name for o in found.orgs) == ["OTS", "Working Group on Diaspora"]


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish Embassy in Tashkent organised it. The Embassy of Türkiye in Uzbekistan "
        "said so.",
        "The Azerbaijani Embassy hosted it. Guests of the Embassy of Azerbaijan in Germany came.",
    ],
)
def test_organizations_one_states_embassy_is_one_institution(upto, text):
    _, found = upto(text, "ortak_organizations")
    assert len(found.orgs) == 1


def test_organizations_a_distinctive_first_word_stands_for_the_name(upto):
    text = "The Vatandoshlar Public Foundation met them. Experts of Vatandoshlar spoke."
    _, found = upto(text, "ortak_organizations")
    assert [len(o.mentions) for o in found.orgs] == [2]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (
            "Rovshan Aliyev, Permanent Representative of Azerbaijan to the UN Office in Geneva, "
            "addressed the forum held in Baku.",
            [],
        ),
        (
            "The World Congress of Turkic Diaspora Organizations opened in Istanbul. The Istanbul "
            "Metropolitan Municipality supported it.",
            ["Istanbul Metropolitan Municipality"],
        ),
        (
            "Experts met in Ankara for the 8th meeting of the Contact Group. They recalled that "
            "the Contact Group was set up in 2013. The OTS Secretariat hosted them.",
            ["OTS Secretariat"],
        ),
    ],
)
def test_organizations_listed_in_the_record(text, listed):
    from ortak.ingest.extract import extract, read_text

    record = extract(read_text(text)).record.to_dict()
    assert [o["name"] for o in record["events"][0]["organizations"]] == listed


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "It was held at the Consulate-General of Türkiye in Kazan on Monday.",
            "Consulate-General of Türkiye in Kazan",
            "TR",
        ),
        ("Scholars of the Yunus Emre Institute spoke there.", "Yunus Emre Institute", None),
        ("The State Committee and Turkish partners met.", "State Committee", None),
    ],
)
def test_organizations_names_end_where_the_name_ends(upto, text, name, country):
    _, found = upto(text, "ortak_organizations")
    org = next(o for o in found.orgs if o.name == name)
    assert org.country == country


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "They spoke of the 3rd Turkic Council Youth Forum to be held next year.",
            ["Turkic Council"],
        ),
        ("The Secretariat and YTB agreed to work together.", ["YTB"]),
        ("They met the head of the Helvetia organization yesterday.", ["Helvetia"]),
        (
            "They met at the Consulate General of Azerbaijan in Los Angeles yesterday.",
            ["Consulate General of Azerbaijan in Los Angeles"],
        ),
        (
            "It was held by the “Citizens” Public Foundation of Uzbekistan.",
            ["“Citizens” Public Foundation of Uzbekistan"],
        ),
    ],
)
def test_organizations_events_coordinated_bodies_and_one_word_names(upto, text, names):
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == names


def test_organizations_an_acronym_in_brackets_names_its_body_later(upto):
    text = "The Kazakh Cultural Society (KCS) held it. KCS members came."
    _, found = upto(text, "ortak_organizations")
    [org] = found.orgs
    assert [m.text for m in org.mentions][-1] == "KCS"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            'It was held by the Tomsk Regional Public Organization "Kazakhs of Tomsk" in May.',
            ['Tomsk Regional Public Organization "Kazakhs of Tomsk"'],
        ),
        (
            'He met the head of the public association "Turkic Heritage of Kazan" on Monday.',
            ["Turkic Heritage of Kazan"],
        ),
        (
            'The memorandum was signed with the "Atameken Qory" NJSC yesterday.',
            ['"Atameken Qory" NJSC'],
        ),
        (
            "It was opened by the Atameken (homeland) Foundation in spring.",
            ["Atameken Foundation"],
        ),
        (
            "Scholars of the Sh. Ualikhanov Institute of History and Ethnography came.",
            ["Sh. Ualikhanov Institute of History and Ethnography"],
        ),
    ],
)
def test_organizations_quoted_bracketed_and_initialled_parts_stay_in_the_name(upto, text, names):
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == names


@pytest.mark.parametrize(
    "text",
    [
        "The Board of Trustees of the Atameken Foundation met on Monday.",
        "The Trustees Board of the Atameken Foundation met on Monday.",
        "The Atameken Foundation Board of Trustees met on Monday.",
    ],
)
def test_organizations_a_unit_of_a_named_body_stands_for_the_body(upto, text):
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == ["Atameken Foundation"]


def test_organizations_a_known_body_after_and_starts_a_new_name(upto):
    text = (
        "The fund signed memorandums with the Presidency for Turks Abroad and Related "
        "Communities and Yunus Emre Institute on Friday."
    )
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == [
        "Presidency for Turks Abroad and Related Communities",
        "Yunus Emre Institute",
    ]


def test_organizations_an_acronym_in_brackets_after_a_name_is_that_body(upto):
    text = "Guests of the Directorate for Turks Living Abroad (YTB) of Türkiye came."
    _, found = upto(text, "ortak_organizations")
    [org] = found.orgs
    assert org.name == "Directorate for Turks Living Abroad"
    assert org.country == "TR"


@pytest.mark.parametrize(
    ("text", "located"),
    [
        ('The Kazan Regional Public Organization "Azerbaijanis of Kazan" met.', True),
        ("The Kazan City Duma met.", False),
        ("The Azerbaijani Cultural Center in Kazan met.", False),
    ],
)
def test_organizations_a_diaspora_body_abroad_is_only_located_in_its_town(upto, text, located):
    _, found = upto(text, "ortak_organizations")
    [org] = found.orgs
    assert org.country == "RU" if located else True
    assert org.located is located


def test_organizations_a_body_met_through_its_people_is_listed():
    text = (
        "ASTANA. On August 25, Vice Minister Marat Sadykov met with the management of the "
        "Atameken Foundation. The meeting discussed plans."
    )
    record = extract(read_text(text, path="x.txt")).record.to_dict()
    names = [o["name"] for e in record["events"] for o in e["organizations"]]
    assert "Atameken Foundation" in names


def test_organizations_a_university_abroad_gives_no_party(upto):
    text = 'Guests came from the Kazakhstani club "Nomad" at New York University.'
    _, found = upto(text, "ortak_organizations")
    org = next(o for o in found.orgs if o.name == "New York University")
    assert org.located


def test_organizations_a_title_case_headline_names_no_body_by_its_capitals(upto):
    text = (
        "Kazakh Congress to Unite Ethnic Kazakhs Worldwide\n\n"
        "ASTANA – The Atameken Foundation will hold meetings abroad this year."
    )
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == ["Atameken Foundation"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Union of Writers of Kazakhstan held it.", "Union of Writers of Kazakhstan"),
        ("The Teacher Training Institute of Baku held it.", "Teacher Training Institute"),
    ],
)
def test_organizations_occupations_inside_names(upto, text, name):
    _, found = upto(text, "ortak_organizations")
    assert [o.name for o in found.orgs] == [name]
