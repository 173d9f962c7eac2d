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
