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


def sign_in_with_code(client, user) -> None:
    """Sign `user` in on the test client as after password and a confirmed one-time code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
