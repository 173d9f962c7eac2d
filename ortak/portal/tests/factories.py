"""Factories for the records the portal shows that the apps' own factories do not cover."""

import datetime as dt

import factory

from ortak.core.models import Publication
from ortak.events.models import EventSeries, EventType, Outcome, Participation, SiteVisit, Source
from ortak.events.tests.factories import EventFactory
from ortak.plans.models import ActivityPlan, Measure, MeasureDecision, MeasureLink, Progress
from ortak.registry.models import DiasporaOrganization, OrganizationKind, Position
from ortak.registry.tests.factories import InstitutionFactory, PersonFactory, StateFactory

__all__ = [
    "ActivityPlanFactory",
    "EventFactory",
    "EventSeriesFactory",
    "InstitutionFactory",
    "MeasureFactory",
    "OrganizationFactory",
    "OutcomeFactory",
    "ParticipationFactory",
    "PersonFactory",
    "PositionFactory",
    "ProgressFactory",
    "SiteVisitFactory",
    "SourceFactory",
    "StateFactory",
]


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    key = factory.Sequence(lambda n: f"series-{n}")
    name = factory.Sequence(lambda n: f"Meeting of the Contact Group {n}")
    event_type = EventType.CONTACT_GROUP_MEETING


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Head of delegation"
    state = factory.SelfAttribute("person.state")


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    event = factory.SubFactory(EventFactory)
    kind = "decision"
    text = factory.Sequence(lambda n: f"Decision number {n}")


class SiteVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteVisit

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Museum number {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    url = factory.Sequence(lambda n: f"https://news.example.org/article-{n}")
    title = factory.Sequence(lambda n: f"Article number {n}")
    text = "The text of the article."
    content_hash = factory.Sequence(lambda n: f"{n:064d}")
    published = dt.date(2025, 6, 13)
    language = "en"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    institution = factory.SubFactory(InstitutionFactory)
    title = "Chairman"
    start_date = dt.date(2019, 1, 1)
    start_precision = "year"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiasporaOrganization

    name = factory.Sequence(lambda n: f"Turkic Culture Association {n}")
    kind = OrganizationKind.ASSOCIATION
    host_country = "DE"
    city = "Berlin"
    latitude = 52.52
    longitude = 13.40
    community_state = factory.SubFactory(StateFactory)


class ActivityPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityPlan

    title = factory.Sequence(lambda n: f"Diaspora Joint Activity Plan {2020 + n}")
    year_from = 2025
    year_to = 2025


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        skip_postgeneration_save = True

    plan = factory.SubFactory(ActivityPlanFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Measure number {n}")

    @factory.post_generation
    def responsible(self, create, extracted, **kwargs):
        if create:
            self.responsible.set(extracted or [InstitutionFactory()])


class MeasureLinkFactory(factory.django.DjangoModelFactory):
    """An event linked to a measure as its evidence."""

    class Meta:
        model = MeasureLink

    measure = factory.SubFactory(MeasureFactory)
    plan = factory.LazyAttribute(lambda link: link.measure.plan)
    event = factory.SubFactory(EventFactory)
    state = "linked"
    method = "match"


class MeasureDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureDecision

    measure = factory.SubFactory(MeasureFactory)
    kind = "postponed"
    decided_on = dt.date(2025, 3, 1)
    reason = "The host asked for the next year."
    source_reference = "Minutes of the Contact Group meeting"


class ProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Progress

    measure = factory.SubFactory(MeasureFactory)
    date = dt.date(2025, 5, 1)
    note = "Held as planned."


DRAFT = Publication.DRAFT
