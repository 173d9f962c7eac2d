"""ortak_people_v1: names with titles, affiliations and countries; presence."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "role", "organization", "country"),
    [
        (
            "Kyrgyz Minister Ravshanbek Sabirov opened it.",
            "Ravshanbek Sabirov",
            "Minister",
            None,
            "KG",
        ),
        (
            "Merey Mukazhan, the Deputy Secretary General of the OTS, spoke.",
            "Merey Mukazhan",
            "Deputy Secretary General",
            "OTS",
            None,
        ),
        (
            "Ambassador of Turkey to Azerbaijan Erkan Ozaral spoke.",
            "Erkan Ozaral",
            "Ambassador of Turkey to Azerbaijan",
            None,
            "TR",
        ),
        (
            "Azerbaijan’s Ambassador to the United States Khazar Ibrahim said it.",
            "Khazar Ibrahim",
            "Ambassador to the United States",
            None,
            "AZ",
        ),
        (
            "Deputy Chairman of the Presidency for Turks Abroad and Related Communities of Turkey "
            "Abdulhadi Turus spoke.",
            "Abdulhadi Turus",
            "Deputy Chairman",
            "Presidency for Turks Abroad and Related Communities of Turkey",
            "TR",
        ),
        (
            "The representative of the State Migration Service of the Kyrgyz Republic Galieva "
            "Jarkhinay spoke.",
            "Galieva Jarkhinay",
            "representative",
            "State Migration Service of the Kyrgyz Republic",
            "KG",
        ),
        (
            "Governor of Bursa Yakup Canbolat spoke.",
            "Yakup Canbolat",
            "Governor of Bursa",
            None,
            "TR",
        ),
        (
            "Odiljon Sattarov, Chairperson of the Vatandoshlar Public Foundation, said so.",
            "Odiljon Sattarov",
            "Chairperson",
            "Vatandoshlar Public Foundation",
            "UZ",
        ),
        (
            "Mr. Gergely Farkas the head of the Hungary-Azerbaijan interparliamentary "
            "friendship group "
            "spoke.",
            "Gergely Farkas",
            "head",
            "Hungary-Azerbaijan interparliamentary friendship group",
            "HU",
        ),
        (
            "The Secretary General of the OTS Baghdad Amreyev spoke.",
            "Baghdad Amreyev",
            "Secretary General",
            "OTS",
            None,
        ),
        (
            "Arpad Janos Potapi, who represented Hungary as an observer, spoke.",
            "Arpad Janos Potapi",
            None,
            None,
            "HU",
        ),
    ],
)
def test_people_titles_affiliations_and_countries(upto, text, name, role, organization, country):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert person.role == role
    assert (person.organization.name if person.organization else None) == organization
    assert person.country == country


def test_people_unit_in_a_title_belongs_to_the_role(upto):
    text = (
        "Head of the Office of Interethnic Consent of the Public Consent Committee of the Ministry "
        "of Social Development of Kazakhstan Meiram Imanbayev spoke."
    )
    _, found = upto(text, "ortak_people")
    person = found.people[0]
    assert person.role == "Head of the Office of Interethnic Consent"
    assert person.organization.name.startswith("Public Consent Committee")
    assert person.country == "KZ"


def test_people_initial_and_surname_is_the_same_person(upto):
    text = "Chairman of the State Committee Fuad Muradov spoke. Then F.Muradov left. Muradov said."
    _, found = upto(text, "ortak_people")
    assert [(p.name, len(p.mentions)) for p in found.people] == [("Fuad Muradov", 3)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The delegation visited the Alley of Honors to commemorate national leader "
            "Heydar Aliyev.",
            "Heydar Aliyev",
        ),
        (
            "It marked the chairmanship of Kyrgyz President Sadyr Japarov in the OTS.",
            "Sadyr Japarov",
        ),
        (
            "Hopes are high, Secretary General of the Council Halil Akinci told Trend.",
            "Halil Akinci",
        ),
    ],
)
def test_people_remembered_framing_or_interviewed_are_not_present(upto, text, name):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert not person.present


def test_people_a_president_who_attends_is_present(upto):
    _, found = upto("President Ilham Aliyev attended the opening of the forum.", "ortak_people")
    assert found.people[0].present


@pytest.mark.parametrize(
    "text", ["Furthermore, the Deputy Secretary General spoke.", "Welcoming the guests, he spoke."]
)
def test_people_sentence_openers_are_no_names(upto, text):
    _, found = upto(text, "ortak_people")
    assert not found.people


@pytest.mark.parametrize(
    ("text", "name", "role", "organization", "country"),
    [
        (
            "Speaking at the event, committee representative Aysel Mammadova said so.",
            "Aysel Mammadova",
            "committee representative",
            None,
            None,
        ),
        (
            "Deputy Head of the Presidency for Turks Abroad and Related Communities (YTB) "
            "Kemal Aydin spoke.",
            "Kemal Aydin",
            "Deputy Head",
            "Presidency for Turks Abroad and Related Communities",
            "TR",
        ),
        (
            "Aliya Sadykova, Minister of Labor, Social Security and Migration of the Kyrgyz "
            "Republic, opened it.",
            "Aliya Sadykova",
            "Minister",
            "Ministry of Labor, Social Security and Migration of the Kyrgyz Republic",
            "KG",
        ),
        (
            "Kazakhstan was represented by Erlan Abdikov, the country's ambassador to Austria.",
            "Erlan Abdikov",
            "ambassador to Austria",
            None,
            "KZ",
        ),
        (
            "Rovshan Aliyev, Permanent Representative of Azerbaijan to the UN Office in Geneva, "
            "spoke.",
            "Rovshan Aliyev",
            "Permanent Representative of Azerbaijan to the UN Office in Geneva",
            None,
            "AZ",
        ),
        (
            "The participants heard Gulnara Ismailova (Kyrgyzstan) and others.",
            "Gulnara Ismailova",
            None,
            None,
            "KG",
        ),
        (
            "The Uzbek side was represented by Bobur Karimov and the director of the Agency.",
            "Bobur Karimov",
            None,
            None,
            "UZ",
        ),
        (
            "YTB expert Murat Kaya spoke about the internship program.",
            "Murat Kaya",
            "expert",
            "YTB",
            "TR",
        ),
        (
            "Madina Nurova, an expert at the Institute of History of the Academy of Sciences of "
            "Uzbekistan, spoke.",
            "Madina Nurova",
            "expert",
            "Institute of History of the Academy of Sciences of Uzbekistan",
            "UZ",
        ),
        (
            "Representatives of the Kazakh delegation Aidos Sarym and Nurlan Onzhanov spoke.",
            "Aidos Sarym",
            "Representative of the Kazakh delegation",
            None,
            "KZ",
        ),
    ],
)
def test_people_titles_in_more_forms(upto, text, name, role, organization, country):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert person.role == role
    assert (person.organization.name if person.organization else None) == organization
    assert person.country == country


@pytest.mark.parametrize(
    ("text", "name", "role", "organization", "country"),
    [
        (
            "The Otandastar Foundation hosted them. Berik Ospanov, chief expert at Otandastar, "
            "spoke.",
            "Berik Ospanov",
            "chief expert",
            "Otandastar Foundation",
            "KZ",
        ),
        (
            "The State Committee on Work with Diaspora and the Otandastar Foundation came. Ulvi "
            "Hasanli, a senior adviser at the Azerbaijani committee, spoke.",
            "Ulvi Hasanli",
            "senior adviser",
            "State Committee on Work with Diaspora",
            "AZ",
        ),
        (
            "The State Committee on Work with Diaspora sent experts. Nigar Aliyeva, head of the "
            "diaspora organizations department of the Azerbaijani committee, spoke.",
            "Nigar Aliyeva",
            "head of the diaspora organizations department",
            "State Committee on Work with Diaspora",
            "AZ",
        ),
        (
            "Kazakhstan's Otandastar Foundation joined. Daniyar Seitkali, deputy chairman of the "
            "Board of Otandastar, spoke.",
            "Daniyar Seitkali",
            "deputy chairman of the Board",
            "Otandastar Foundation",
            "KZ",
        ),
        (
            "It was organised by the State Secretariat for National Policy of the Prime "
            "Minister's Office. State Secretary Lorinc Nacsa opened it.",
            "Lorinc Nacsa",
            "State Secretary",
            "State Secretariat for National Policy of the Prime Minister's Office",
            "HU",
        ),
        (
            "They were received at the Ministry of Culture of Azerbaijan by Deputy Minister Sevda "
            "Mammadaliyeva.",
            "Sevda Mammadaliyeva",
            "Deputy Minister",
            "Ministry of Culture of Azerbaijan",
            "AZ",
        ),
        (
            "A delegation of the Otandastar Foundation led by its president Abzal Saparbekuly "
            "came.",
            "Abzal Saparbekuly",
            "president",
            "Otandastar Foundation",
            "KZ",
        ),
        (
            "Chairman of the Board of the Vatandoshlar Public Foundation of Uzbekistan Odiljon "
            "Sattarov spoke.",
            "Odiljon Sattarov",
            "Chairman of the Board",
            "Vatandoshlar Public Foundation of Uzbekistan",
            "UZ",
        ),
    ],
)
def test_people_institutions_referred_to_by_a_short_name(
    upto, text, name, role, organization, country
):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert person.role == role
    assert person.organization.name == organization
    assert person.country == country


@pytest.mark.parametrize(
    "text",
    [
        "Leyla Hamzayeva and Shafag Binnatova, officials of the State Committee on Work with "
        "Diaspora, briefed the audience.",
        "The State Committee on Work with Diaspora's officials Leyla Hamzayeva and Shafag "
        "Binnatova spoke.",
    ],
)
def test_people_a_plural_title_belongs_to_each_name(upto, text):
    _, found = upto(text, "ortak_people")
    assert [(p.name, p.role, p.country) for p in found.people] == [
        ("Leyla Hamzayeva", "official", "AZ"),
        ("Shafag Binnatova", "official", "AZ"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "He conveyed the greetings of Secretary General Kubanychbek Omuraliev.",
            "Kubanychbek Omuraliev",
        ),
        ("She read out a message from Minister Aida Balayeva to the guests.", "Aida Balayeva"),
        (
            "He noted that Head of State Kassym-Jomart Tokayev had instructed it.",
            "Kassym-Jomart Tokayev",
        ),
    ],
)
def test_people_whose_words_came_without_them_are_not_present(upto, text, name):
    _, found = upto(text, "ortak_people")
    assert not next(p for p in found.people if p.name == name).present


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was held in Budapest on Tuesday, the first time it was held there.",
        "Representatives of the Crimean Tatar, Gagauz and Uyghur communities also spoke.",
        "Students from the Member and Observer States participated in the Forum.",
    ],
)
def test_people_days_and_peoples_are_no_persons(upto, text):
    _, found = upto(text, "ortak_people")
    assert found.people == []


@pytest.mark.parametrize(
    ("text", "name", "present"),
    [
        ('He said: "As Minister Aida Balayeva told us, we must go on."', "Aida Balayeva", False),
        ("Minister Aida Balayeva said the forum was a success.", "Aida Balayeva", True),
    ],
)
def test_people_named_only_inside_a_quotation_are_not_present(upto, text, name, present):
    _, found = upto(text, "ortak_people")
    assert next(p for p in found.people if p.name == name).present is present


@pytest.mark.parametrize(
    ("text", "name", "role", "organization", "country"),
    [
        (
            "The session opened with remarks by Aigul Tokoeva, the Minister of Culture, "
            "Information, and Tourism of the Kyrgyz Republic.",
            "Aigul Tokoeva",
            "Minister",
            "Ministry of Culture, Information, and Tourism of the Kyrgyz Republic",
            "KG",
        ),
        (
            "Deputy Minister of Foreign Affairs of Turkey Selim Demir spoke.",
            "Selim Demir",
            "Deputy Minister",
            "Ministry of Foreign Affairs of Turkey",
            "TR",
        ),
        (
            "The dinner was attended by the Ambassador of Kazakhstan to Austria and Slovakia "
            "Nurlan Ospanov.",
            "Nurlan Ospanov",
            "Ambassador of Kazakhstan to Austria and Slovakia",
            None,
            "KZ",
        ),
        (
            "Ambassador Erlan Tokayev, Permanent Representative of the Republic of Kazakhstan to "
            "the United Nations Office and Other International Organizations in Geneva, spoke.",
            "Erlan Tokayev",
            "Permanent Representative of the Republic of Kazakhstan to the United Nations Office "
            "and Other International Organizations in Geneva",
            None,
            "KZ",
        ),
    ],
)
def test_people_titles_run_over_and_and_the_oxford_comma(
    upto, text, name, role, organization, country
):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert (person.role, person.country) == (role, country)
    assert (person.organization.name if person.organization else None) == organization


def test_people_a_ministry_spelled_out_by_a_title_is_listed(upto):
    _, found = upto(
        "Timur Asanov, Minister of Education and Science of Kyrgyzstan, spoke.", "ortak_people"
    )
    assert [(o.name, o.country, o.in_title) for o in found.orgs] == [
        ("Ministry of Education and Science of Kyrgyzstan", "KG", False)
    ]


def test_people_a_body_named_only_in_envoys_titles_is_not_listed(upto):
    text = (
        "Speakers were Ambassador Erlan Tokayev, Permanent Representative of Kazakhstan to the "
        "United Nations Office and Other International Organizations in Geneva; Ambassador Selim "
        "Demir, Permanent Representative of Turkey to the United Nations Office and Other "
        "International Organizations in Geneva; Ambassador Aigul Asanova, Ambassador of "
        "Kyrgyzstan to Austria and Permanent Representative to the OSCE and other bodies."
    )
    _, found = upto(text, "ortak_people")
    assert all(o.in_title for o in found.orgs)
    assert found.people[-1].role == (
        "Ambassador of Kyrgyzstan to Austria and Permanent Representative to the OSCE"
    )


def test_people_an_initial_apart_from_the_surname_is_part_of_the_name(upto):
    text = (
        "It was held in Astana. A. Seitov, the President of the Otandastar Foundation, spoke. "
        "Later A. Seitov announced a portal."
    )
    _, found = upto(text, "ortak_people")
    assert [(p.name, len(p.mentions)) for p in found.people] == [("A. Seitov", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # Titles first: the title between two names belongs to the next one.
            "Chairman of the State Committee on Work with Diaspora Elnur Hasanov, Head of the "
            "Presidency for Turks Abroad and Related Communities, Mehmet Kaya, Deputy Secretary "
            "General of the Organization of Turkic States Aibek Seitov, and the representative "
            "of Hungary, Laszlo Nagy, took part.",
            [
                ("Elnur Hasanov", "Chairman", "AZ"),
                ("Mehmet Kaya", "Head", "TR"),
                ("Aibek Seitov", "Deputy Secretary General", None),
                ("Laszlo Nagy", "representative of Hungary", "HU"),
            ],
        ),
        (
            # Names first, each with "(State)": the title after a name is that name's.
            "Then Mehmet Kaya (Turkiye), President of the Presidency for Turks Abroad and Related "
            "Communities, Aibek Seitov (Kazakhstan), President of the Otandastar Foundation, "
            "Bahodir Karimov (Uzbekistan), Chairman of the Board of the Vatandoshlar Foundation, "
            "delivered speeches.",
            [
                ("Mehmet Kaya", "President", "TR"),
                ("Aibek Seitov", "President", "KZ"),
                ("Bahodir Karimov", "Chairman of the Board", "UZ"),
            ],
        ),
        (
            # A rank alone before the first name does not make the list's titles go first.
            "Ambassador Aibek Seitov, Secretary General of the OTS, Elnur Hasanov, Chairman of "
            "the State Committee, and Laszlo Nagy spoke.",
            [
                ("Aibek Seitov", "Secretary General", None),
                ("Elnur Hasanov", "Chairman", None),
                ("Laszlo Nagy", None, None),
            ],
        ),
    ],
)
def test_people_a_lists_titles_go_with_the_right_names(upto, text, expected):
    _, found = upto(text, "ortak_people")
    assert [(p.name, p.role, p.country) for p in found.people] == expected


def test_people_a_title_after_a_name_with_no_title_of_its_own_stays(upto):
    text = (
        "The talk, moderated by Elnur Hasanov, Deputy Chairman of the State Committee, Special "
        "Representative of the President of Azerbaijan in the Shusha region, Anar Guliyev, "
        "informed the guests."
    )
    _, found = upto(text, "ortak_people")
    guliyev = next(p for p in found.people if p.name == "Anar Guliyev")
    assert guliyev.role.startswith("Special Representative of the President")


@pytest.mark.parametrize(
    ("text", "name", "role", "organization", "country"),
    [
        (
            "He met Aibek Seitov, Vice President of Kazakhstan’s “Otandastar” Foundation.",
            "Aibek Seitov",
            "Vice President",
            "“Otandastar” Foundation",
            "KZ",
        ),
        (
            "He met Bahodir Karimov, Chairperson of Uzbekistan's Committee for Interethnic "
            "Relations and Work with Compatriots Abroad.",
            "Bahodir Karimov",
            "Chairperson",
            "Committee for Interethnic Relations and Work with Compatriots Abroad",
            "UZ",
        ),
        (
            "Secretary General of the Turkic Council Ambassador Aibek Seitov welcomed them.",
            "Aibek Seitov",
            "Secretary General",
            "Turkic Council",
            None,
        ),
        (
            "Deputy Secretary General Dr. Aibek Seitov attended.",
            "Aibek Seitov",
            "Deputy Secretary General",
            None,
            None,
        ),
        (
            "Consul General of Turkey in San Francisco Selim Demir welcomed the guests.",
            "Selim Demir",
            "Consul General of Turkey in San Francisco",
            None,
            "TR",
        ),
        (
            "They met the Chief Executive Officer of the Helvetia organization Hans Keller.",
            "Hans Keller",
            "Chief Executive Officer",
            "Helvetia",
            None,
        ),
        (
            "The Kazakh Cultural Society (KCS) held it. KCS Chairman Anar Guliyev opened it.",
            "Anar Guliyev",
            "Chairman",
            "Kazakh Cultural Society",
            "KZ",
        ),
        (
            "Guests included Laszlo Nagy, researcher at the Institute for Hungarian Studies.",
            "Laszlo Nagy",
            "researcher",
            "Institute for Hungarian Studies",
            "HU",
        ),
        (
            "Guests included Honored Art Worker Anar Guliyev and others.",
            "Anar Guliyev",
            "Honored Art Worker",
            None,
            None,
        ),
    ],
)
def test_people_titles_beside_states_ranks_and_cities(
    upto, text, name, role, organization, country
):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert (person.role, person.country) == (role, country)
    assert (person.organization.name if person.organization else None) == organization


@pytest.mark.parametrize(
    "text",
    [
        "It was held at the Consulate General in San Francisco. Consul General in San Francisco "
        "Selim Demir spoke.",
        "Home News Ilham Aliyev Budget package Volunteer Week\nThe forum opened on Monday.",
    ],
)
def test_people_cities_and_navigation_lines_are_no_persons(upto, text):
    _, found = upto(text, "ortak_people")
    assert all(p.name in {"Selim Demir"} for p in found.people)


def test_people_titles_first_through_quoted_and_initialled_bodies(upto):
    text = (
        'Guests included a researcher at the Institute of Social Development "Zhana Dala" Arman '
        'Seitov, Chairman of the Board of the Tomsk Regional Public Organization "Kazakhs of '
        'Tomsk" Berik Nurlanov, Director of the Sh. Ualikhanov Institute of History and '
        "Ethnography Daulet Amanov, and other experts."
    )
    _, found = upto(text, "ortak_people")
    assert [(p.name, p.role, p.organization.name) for p in found.people] == [
        ("Arman Seitov", "researcher", 'Institute of Social Development "Zhana Dala"'),
        (
            "Berik Nurlanov",
            "Chairman of the Board",
            'Tomsk Regional Public Organization "Kazakhs of Tomsk"',
        ),
        ("Daulet Amanov", "Director", "Sh. Ualikhanov Institute of History and Ethnography"),
    ]
    # A diaspora's body in a town abroad does not make its head that state's.
    assert found.people[1].country is None


def test_people_a_title_running_into_the_next_name_past_a_bracket_decides_no_order(upto):
    text = (
        "The event was attended by Arman Seitov, Chairman of the Board of the Tomsk Public "
        "Organization (Russia) Berik Nurlanov, Director of the Institute of History Daulet "
        "Amanov."
    )
    _, found = upto(text, "ortak_people")
    assert [(p.name, p.role) for p in found.people] == [
        ("Arman Seitov", None),
        ("Berik Nurlanov", "Chairman of the Board"),
        ("Daulet Amanov", "Director"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "role", "organization", "country"),
    [
        (
            'On Monday, the President of the "Atameken Qory" NJSC, Serik Bolatov, met them.',
            "Serik Bolatov",
            "President",
            '"Atameken Qory" NJSC',
            None,
        ),
        (
            'The head of the regional public organization "Cultural Autonomy of Kazan '
            'Azerbaijanis" Elchin Mammadov spoke.',
            "Elchin Mammadov",
            "head",
            "Cultural Autonomy of Kazan Azerbaijanis",
            None,
        ),
        (
            "ASTANA. Deputy Chairman of the Mazhilis Yerlan Karin and Vice Chairman of the Senate "
            "Askar Shakirov attended.",
            "Yerlan Karin",
            "Deputy Chairman",
            "Mazhilis",
            "KZ",
        ),
        (
            "ASTANA. Deputy Chairman of the Mazhilis Yerlan Karin and Vice Chairman of the Senate "
            "Askar Shakirov attended.",
            "Askar Shakirov",
            "Vice Chairman",
            "Senate",
            "KZ",
        ),
        (
            "BAKU. Secretary of State Elnur Hasanov chaired the meeting.",
            "Elnur Hasanov",
            "Secretary of State",
            None,
            "AZ",
        ),
        (
            "Guests included poet Nurlan Abenov and others.",
            "Nurlan Abenov",
            "poet",
            None,
            None,
        ),
        (
            "Reading a message from Kyrgyz President Almaz Beishenov, his adviser Timur Asanov "
            "welcomed the guests.",
            "Timur Asanov",
            "adviser",
            None,
            "KG",
        ),
    ],
)
def test_people_bodies_occupations_and_states_told_indirectly(
    upto, text, name, role, organization, country
):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert person.role == role
    assert (person.organization.name if person.organization else None) == organization
    assert person.country == country


def test_people_a_field_of_a_ministry_is_no_person(upto):
    text = (
        "Guests included Timur Asanov, Adviser to the Kyrgyz Minister of Natural Resources, and "
        "Elnur Hasanov, Mayor of Ganja."
    )
    _, found = upto(text, "ortak_people")
    assert [p.name for p in found.people] == ["Timur Asanov", "Elnur Hasanov"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Writer Arman Seitov, who translated Abay Qunanbayuly’s poems, spoke.",
            "Abay Qunanbayuly",
        ),
        ("Poet Arman Seitov recited Chingiz Aitmatov's works.", "Chingiz Aitmatov"),
        ("Mr. Arman Seitov presented Mr. Nurlan Abenov's legacy.", "Nurlan Abenov"),
    ],
)
def test_people_figures_in_any_spelling_and_those_whose_works_are_named_are_absent(
    upto, text, name
):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert not person.present
    assert next(p for p in found.people if p.name == "Arman Seitov").present


def test_people_kin_after_his_or_her_vouches_for_a_name(upto):
    text = "Rahat Seitova, a member of the Council, and her husband – Kenneth Brown spoke."
    _, found = upto(text, "ortak_people")
    brown = next(p for p in found.people if p.name == "Kenneth Brown")
    assert brown.role is None


def test_people_a_ministry_of_a_state_unknown_by_name_is_not_the_datelines(upto):
    text = (
        "BAKU. Ayse Demir, First Secretary of the Ministry of Foreign Affairs of the Turkish "
        "Republic of Northern Cyprus, attended."
    )
    _, found = upto(text, "ortak_people")
    assert found.people[0].country is None


@pytest.mark.parametrize(
    ("text", "name", "role", "organization", "country"),
    [
        (
            "On Monday, Kyrgyz Culture Minister Altynbek Maksutov attended.",
            "Altynbek Maksutov",
            "Culture Minister",
            "Ministry of Culture",
            "KG",
        ),
        (
            "On Monday, Azerbaijani Foreign Minister Elnur Hasanov attended.",
            "Elnur Hasanov",
            "Foreign Minister",
            "Ministry of Foreign Affairs",
            "AZ",
        ),
        (
            "During a trip to Turkey Social Development Minister of Kazakhstan Arman Seitov spoke.",
            "Arman Seitov",
            "Social Development Minister of Kazakhstan",
            "Ministry of Social Development",
            "KZ",
        ),
    ],
)
def test_people_a_field_before_a_title_names_the_ministry(
    upto, text, name, role, organization, country
):
    _, found = upto(text, "ortak_people")
    person = next(p for p in found.people if p.name == name)
    assert person.role == role
    assert person.organization.name == organization
    assert person.organization.in_title  # named by the title alone: not listed
    assert person.country == country


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Writer Arman Seitov said it was fine.", [("Arman Seitov", "Writer")]),
        ("The National Writer Award went to Arman Seitov.", [("Arman Seitov", None)]),
    ],
)
def test_people_an_occupation_is_a_title_only_in_lower_case_or_first(upto, text, people):
    _, found = upto(text, "ortak_people")
    assert [(p.name, p.role) for p in found.people] == people


def test_people_a_name_after_a_titles_the_leaves_out_the_body(upto):
    text = "Deputy Chairman of the Khural Vladimir Bozhenko attended."
    _, found = upto(text, "ortak_people")
    [person] = found.people
    assert (person.name, person.role, person.organization.name) == (
        "Vladimir Bozhenko",
        "Deputy Chairman",
        "Khural",
    )
