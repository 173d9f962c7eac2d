import factory

from ortak.registry.models import Institution, InstitutionKind, OtsStatus, Person, State


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = State
        django_get_or_create = ["key"]

    key = factory.Iterator(["AZ", "KZ", "KG", "TR", "UZ"])
    iso_code = factory.SelfAttribute("key")
    name = factory.LazyAttribute(
        lambda o: {
            "AZ": "Azerbaijan",
            "KZ": "Kazakhstan",
            "KG": "Kyrgyzstan",
            "TR": "Türkiye",
            "UZ": "Uzbekistan",
        }.get(o.key, o.key)
    )
    ots_status = OtsStatus.MEMBER


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"State Committee number {n}")
    kind = InstitutionKind.STATE_BODY
    state = factory.SubFactory(StateFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Number{n}")
    state = factory.SubFactory(StateFactory)
