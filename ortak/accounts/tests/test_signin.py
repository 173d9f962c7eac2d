"""Keeping intruders out: sign-in lockout, two-factor sign-in for the roles that need it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ortak.accounts.models import Role
from ortak.accounts.services import demo_accounts_ensure, totp_device_pending
from ortak.accounts.tests.factories import UserFactory, editor_of, user_with_role
from ortak.core.errors import PermissionDenied
from ortak.registry.models import State

pytestmark = pytest.mark.django_db
PASSWORD = "a long pass phrase for tests"


def _with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def _code(device: TOTPDevice, *, offset: int = 0) -> str:
    """The code an authenticator app shows now for the device's key."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset)
    return f"{value:0{device.digits}d}"


@pytest.fixture
def azerbaijan():
    return State.objects.create(key="AZ", name="Azerbaijan")


@pytest.fixture
def reviewer():
    return _with_password(user_with_role(Role.REVIEWER))


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_twenty_wrong_passwords_lock_the_account_until_the_lockout_ends(login_url, settings):
    user = _with_password(UserFactory(is_staff=True))
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_url, {"username": user.username, "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    client.post(login_url, {"username": user.username, "password": "wrong"})

    locked = client.post(login_url, {"username": user.username, "password": PASSWORD})
    assert locked.status_code == 429
    assert "Sign-in locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session

    later = dt.timedelta(minutes=1) + settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - later)
    opened = Client().post(login_url, {"username": user.username, "password": PASSWORD})
    assert opened.status_code == 302


def test_wrong_passwords_below_the_limit_do_not_lock(settings):
    user = _with_password(UserFactory())
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/accounts/login/", {"username": user.username, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize("guarded", ["/workspace/", "/admin/", "/accounts/password_change/"])
def test_a_reviewer_without_a_device_is_sent_to_set_one_up(reviewer, guarded):
    client = Client()
    client.post("/accounts/login/", {"username": reviewer.username, "password": PASSWORD})
    response = client.get(guarded)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/setup/?next=")


def test_a_reviewer_sets_up_an_authenticator_and_then_reaches_the_workspace(reviewer):
    client = Client()
    client.post("/accounts/login/", {"username": reviewer.username, "password": PASSWORD})
    page = client.get("/accounts/two-factor/setup/?next=/workspace/").content.decode()
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    assert "<svg" in page and len(secret) == 32

    wrong = client.post("/accounts/two-factor/setup/", {"code": "000000", "next": "/workspace/"})
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/workspace/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second, growing

    confirmed = client.post(
        "/accounts/two-factor/setup/", {"code": _code(device), "next": "/workspace/"}
    )
    assert confirmed["Location"] == "/workspace/"
    assert client.get("/workspace/").status_code == 200
    assert TOTPDevice.objects.get(user=reviewer).confirmed


def test_the_next_sign_in_asks_for_a_code_from_the_confirmed_device(reviewer):
    device = TOTPDevice.objects.create(user=reviewer, name="phone", confirmed=True)
    client = Client()
    client.post("/accounts/login/", {"username": reviewer.username, "password": PASSWORD})
    assert client.get("/workspace/")["Location"].startswith("/accounts/two-factor/?next=")
    # With the password alone, no second device can be added to get around the first.
    assert client.get("/accounts/two-factor/setup/")["Location"].startswith("/accounts/two-factor/")
    assert TOTPDevice.objects.filter(user=reviewer).count() == 1

    response = client.post("/accounts/two-factor/", {"code": _code(device), "next": "/workspace/"})
    assert response["Location"] == "/workspace/"
    assert client.get("/workspace/").status_code == 200


def test_the_service_refuses_a_second_device_beside_a_confirmed_one(reviewer):
    pending = totp_device_pending(actor=reviewer)
    assert totp_device_pending(actor=reviewer) == pending  # asked again: the same key
    TOTPDevice.objects.filter(pk=pending.pk).update(confirmed=True)
    with pytest.raises(PermissionDenied) as refused:
        totp_device_pending(actor=reviewer)
    assert refused.value.code == "E313"
    assert TOTPDevice.objects.filter(user=reviewer).count() == 1


def test_an_editor_may_sign_in_without_a_second_factor(azerbaijan):
    editor = _with_password(editor_of(azerbaijan))
    client = Client()
    client.post("/accounts/login/", {"username": editor.username, "password": PASSWORD})
    assert client.get("/workspace/").status_code == 200


def test_an_editor_who_chose_a_device_is_asked_for_its_code(azerbaijan):
    editor = _with_password(editor_of(azerbaijan))
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client = Client()
    client.post("/accounts/login/", {"username": editor.username, "password": PASSWORD})
    assert client.get("/workspace/")["Location"].startswith("/accounts/two-factor/")


def test_the_api_shows_drafts_only_after_the_code_is_confirmed(reviewer):
    from ortak.core.models import Publication
    from ortak.events.tests.factories import EventFactory

    draft = EventFactory(publication=Publication.DRAFT)
    device = TOTPDevice.objects.create(user=reviewer, name="phone", confirmed=True)
    client = Client()
    client.post("/accounts/login/", {"username": reviewer.username, "password": PASSWORD})
    assert client.get(f"/api/events/{draft.pk}").status_code == 404
    client.post("/accounts/two-factor/", {"code": _code(device), "next": "/workspace/"})
    assert client.get(f"/api/events/{draft.pk}").status_code == 200


def test_a_code_page_never_sends_the_user_to_another_site(reviewer):
    device = TOTPDevice.objects.create(user=reviewer, name="phone", confirmed=True)
    client = Client()
    client.post("/accounts/login/", {"username": reviewer.username, "password": PASSWORD})
    response = client.post(
        "/accounts/two-factor/", {"code": _code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/workspace/"


def test_demo_accounts_get_a_device_whose_printed_codes_open_the_workspace(azerbaijan, capsys):
    accounts = {account.username: account for account in demo_accounts_ensure()}
    assert set(accounts) == {"editor", "secretariat"}
    assert accounts["editor"].otpauth_url.startswith("otpauth://totp/Ortak")
    call_command("demo_accounts", "--codes")
    codes = dict(re.findall(r"(\w+)\s+code: (\d{6})", capsys.readouterr().out))
    client = Client()
    client.post("/accounts/login/", {"username": "editor", "password": accounts["editor"].password})
    client.post("/accounts/two-factor/", {"code": codes["editor"], "next": "/workspace/"})
    assert client.get("/workspace/").status_code == 200


def test_an_editor_is_offered_two_factor_sign_in_until_it_is_set_up(azerbaijan):
    editor = _with_password(editor_of(azerbaijan))
    client = Client()
    client.post("/accounts/login/", {"username": editor.username, "password": PASSWORD})
    assert "/accounts/two-factor/setup/" in client.get("/workspace/").content.decode()
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=editor)
    client.post("/accounts/two-factor/setup/", {"code": _code(device), "next": "/workspace/"})
    assert "/accounts/two-factor/setup/" not in client.get("/workspace/").content.decode()
