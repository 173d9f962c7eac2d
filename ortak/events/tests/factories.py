import factory

from ortak.events.models import Event, EventType
from ortak.registry.tests.factories import StateFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Roundtable number {n}")
    event_type = EventType.ROUNDTABLE
    state = factory.SubFactory(StateFactory)
    city = "Baku"
    country = "AZ"
