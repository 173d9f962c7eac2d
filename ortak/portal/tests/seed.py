"""A small, plausible data set for the portal's tests, browser journeys and screenshots.

It stands on the reference data (states, institutions, series) and adds published events
with participants, outcomes, site visits and sources, people with positions, diaspora
organizations with coordinates, and a plan with measures; plus one draft of each kind, which
the public must never see.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from ortak.core.models import Publication
from ortak.events.models import EventSeries, EventStatus, EventType
from ortak.portal.tests import factories as f
from ortak.registry.models import Institution, State
from ortak.registry.reference import reference_load

DRAFT = Publication.DRAFT

PEOPLE = [
    # name, state, institution key, title, names in other languages
    ("Fuad Muradov", "AZ", "az-diaspora-committee", "Chairman", {"ru": "Фуад Мурадов"}),
    ("Ravshanbek Sabirov", "KG", "kg-labor-ministry", "Minister", {"ru": "Равшанбек Сабиров"}),
    ("Shafag Binnatova", "AZ", "az-diaspora-committee", "Committee representative", {}),
    ("Ali Çiviler", "TR", "ots-secretariat", "Deputy Secretary General", {}),
    ("Abdullah Eren", "TR", "tr-ytb", "President", {}),
    ("Askar Zhumagaliyev", "KZ", "kz-otandastar", "Chairman of the Board", {}),
]
ORGANIZATIONS = [
    ("Azerbaijani Cultural Center in Berlin", "culture_center", "AZ", "DE", "Berlin", 52.52, 13.40),
    ("Kazakh Community of Istanbul", "association", "KZ", "TR", "Istanbul", 41.01, 28.98),
    ("Kyrgyz Diaspora in Moscow", "association", "KG", "RU", "Moscow", 55.76, 37.62),
    ("Uzbek Saturday School London", "school", "UZ", "GB", "London", 51.51, -0.13),
    ("Turkish Teachers' Network Vienna", "education_center", "TR", "AT", "Vienna", 48.21, 16.37),
    ("Azerbaijani Youth of Tbilisi", "association", "AZ", "GE", "Tbilisi", 41.72, 44.79),
]  # fmt: skip


def _institution(key: str) -> Institution:
    return Institution.objects.get(key=key)


def _state(key: str) -> State:
    return State.objects.get(key=key)


def portal_seed(*, today: dt.date | None = None) -> dict[str, Any]:
    """Create the data set; returns the records tests point at.

    Past events have fixed dates; planned ones and the current plan are placed after
    `today` (the real date by default) so that the home page always has something to show.
    """
    today = today or timezone.localdate()
    reference_load()
    people = [_person(*row) for row in PEOPLE]
    series = EventSeries.objects.get(key="contact-group-meeting")
    events = _events(series, people, today)
    organizations = [_organization(*row) for row in ORGANIZATIONS]
    plan, measures = _plan(events, today.year)
    drafts = {
        "event": f.EventFactory(title="Unreviewed draft meeting", publication=DRAFT),
        "person": f.PersonFactory(name="Draft Person", publication=DRAFT),
        "organization": f.OrganizationFactory(name="Draft Association", publication=DRAFT),
    }
    return {
        "people": people,
        "series": series,
        "events": events,
        "organizations": organizations,
        "plan": plan,
        "measures": measures,
        "drafts": drafts,
    }


def _person(name, state, institution, title, names):
    person = f.PersonFactory(name=name, state=_state(state), names=names)
    f.PositionFactory(person=person, institution=_institution(institution), title=title)
    return person


def _event(title, event_type, state, start, city, country, **fields):
    event = f.EventFactory(
        title=title,
        event_type=event_type,
        state=_state(state),
        start_date=start,
        city=city,
        country=country,
        **fields,
    )
    return event


def _events(series, people, today: dt.date) -> dict[str, Any]:
    az, kg, tr, kz = (_state(k) for k in ("AZ", "KG", "TR", "KZ"))
    committee, ministry = _institution("az-diaspora-committee"), _institution("kg-labor-ministry")
    secretariat, ytb = _institution("ots-secretariat"), _institution("tr-ytb")
    otandastar = _institution("kz-otandastar")
    roundtable = _event(
        "Roundtable “Peace, Labor and Friendship of Peoples”",
        EventType.ROUNDTABLE, "KG", dt.date(2025, 6, 12), "Bishkek", "KG",
        titles={"ru": "Круглый стол «Мир, труд и дружба народов»"},
        description="Officials of the OTS member states on diaspora work, labor and migration.",
    )  # fmt: skip
    roundtable.organizers.set([ministry])
    roundtable.institutions.set([ministry, committee, secretariat])
    roundtable.countries.set([kg, az, tr, kz])
    for person, role, state, institution in (
        (people[1], "Host, Minister", kg, ministry),
        (people[2], "Speaker", az, committee),
        (people[3], "Speaker", tr, secretariat),
    ):
        f.ParticipationFactory(
            event=roundtable, person=person, role=role, state=state, institution=institution
        )
    f.OutcomeFactory(event=roundtable, kind="decision", text="To hold the roundtable yearly.")
    f.SiteVisitFactory(event=roundtable, name="Ala-Too Square")
    source = f.SourceFactory(
        title="A roundtable on friendship of peoples in Bishkek",
        url="https://news.example.org/bishkek-roundtable",
    )
    source.events.add(roundtable)
    rounds = {}
    for number, (year, month, day, city, country, state) in {
        1: (2022, 3, 24, "Baku", "AZ", "AZ"),
        2: (2022, 9, 15, "Istanbul", "TR", "TR"),
        4: (2024, 4, 18, "Astana", "KZ", "KZ"),
    }.items():
        ordinal = {1: "1st", 2: "2nd", 4: "4th"}[number]
        event = _event(
            f"{ordinal} Meeting of the Contact Group of the Diaspora Institutions",
            EventType.CONTACT_GROUP_MEETING, state, dt.date(year, month, day), city, country,
            series=series, number=number,
        )  # fmt: skip
        event.institutions.set([committee, ytb, otandastar, secretariat])
        event.organizers.set([secretariat])
        f.ParticipationFactory(event=event, person=people[0], role="Head of delegation", state=az)
        f.ParticipationFactory(event=event, person=people[4], role="Head of delegation", state=tr)
        f.ParticipationFactory(event=event, person=people[5], role="Head of delegation", state=kz)
        rounds[number] = event
    in_a_month = today + dt.timedelta(days=30)
    forum = _event(
        "Turkic Diaspora Forum", EventType.FORUM, "AZ",
        (today + dt.timedelta(days=70)).replace(day=1), "Baku", "AZ",
        status=EventStatus.PLANNED, start_precision="month",
    )  # fmt: skip
    training = _event(
        "Training for diaspora youth leaders", EventType.TRAINING, "TR",
        in_a_month, "Ankara", "TR", status=EventStatus.PLANNED,
        end_date=in_a_month + dt.timedelta(days=4),
    )  # fmt: skip
    training.institutions.set([ytb, committee])
    return {"roundtable": roundtable, "rounds": rounds, "forum": forum, "training": training}


def _organization(name, kind, state, country, city, lat, lon):
    return f.OrganizationFactory(
        name=name,
        kind=kind,
        community_state=_state(state),
        host_country=country,
        city=city,
        latitude=lat,
        longitude=lon,
    )


def _plan(events, year: int):
    plan = f.ActivityPlanFactory(
        title=f"Diaspora Joint Activity Plan {year}", year_from=year, year_to=year
    )
    committee, ytb = _institution("az-diaspora-committee"), _institution("tr-ytb")
    labor = _institution("kg-labor-ministry")
    measures = [
        f.MeasureFactory(plan=plan, number="1", title="Hold the roundtable on labor migration",
                         responsible=[labor], due_date=dt.date(2025, 1, 1),
                         due_until=dt.date(2025, 12, 31), due_precision="year"),
        f.MeasureFactory(plan=plan, number="2", title="Hold the Turkic Diaspora Forum",
                         responsible=[committee]),
        f.MeasureFactory(plan=plan, number="3", title="Train diaspora youth leaders",
                         responsible=[ytb]),
        f.MeasureFactory(plan=plan, number="4", title="Publish a directory of diaspora schools",
                         responsible=[committee, ytb]),
    ]  # fmt: skip
    measures[1].partners.set([ytb])
    f.ProgressFactory(measure=measures[0], date=dt.date(2025, 6, 12),
                      note="Held in Bishkek.", event=events["roundtable"])  # fmt: skip
    f.MeasureLinkFactory(measure=measures[0], event=events["roundtable"])
    f.MeasureLinkFactory(measure=measures[1], event=events["forum"])
    f.MeasureDecisionFactory(measure=measures[3], kind="postponed")
    return plan, measures
