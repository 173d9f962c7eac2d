import factory
from django.contrib.auth.models import User

from ortak.accounts.models import Membership, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")


def user_with_role(role: str, *, state=None, organization=None) -> User:
    user = UserFactory()
    Membership.objects.create(user=user, role=role, state=state, organization=organization)
    return user


def secretariat_user() -> User:
    return user_with_role(Role.SECRETARIAT)


def editor_of(state) -> User:
    return user_with_role(Role.EDITOR, state=state)
