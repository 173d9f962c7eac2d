import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from ortak.accounts.services import demo_accounts_ensure
from ortak.core.errors import ValidationError
from ortak.registry.models import State

pytestmark = pytest.mark.django_db


def test_demo_accounts_without_the_reference_data_is_a_coded_error():
    with pytest.raises(ValidationError) as raised:
        demo_accounts_ensure()
    assert raised.value.code == "E230"
    assert "ortak load-reference" in str(raised.value)


def test_demo_accounts_command_before_load_reference_loads_what_it_needs(capsys):
    call_command("demo_accounts")
    out = capsys.readouterr().out
    assert "secretariat" in out and "editor" in out
    assert State.objects.filter(key="AZ").exists()
    editor = User.objects.get(username="editor")
    assert editor.memberships.filter(role="editor", state__key="AZ").exists()


def test_demo_accounts_run_twice_sets_new_passwords(reference):
    first = {a.username: a.password for a in demo_accounts_ensure()}
    second = {a.username: a.password for a in demo_accounts_ensure()}
    assert first["editor"] != second["editor"]
    assert User.objects.get(username="editor").check_password(second["editor"])
