from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hms.accounts.models import User

pytestmark = pytest.mark.django_db


def test_createadmin_noinput_creates_an_approved_admin(monkeypatch):
    monkeypatch.setenv("HMS_ADMIN_PASSWORD", "a-very-long-passphrase-42")
    out = StringIO()

    call_command(
        "createadmin",
        "--noinput",
        "--username=chief",
        "--first-name=Meera",
        "--last-name=Iyer",
        stdout=out,
    )

    user = User.objects.get()
    assert (user.username, user.role, user.status, user.is_active) == (
        "chief",
        "ADMIN",
        "APPROVED",
        True,
    )
    assert user.check_password("a-very-long-passphrase-42")
    assert out.getvalue().strip() == "Admin 'chief' created."


def test_createadmin_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("HMS_ADMIN_PASSWORD", "short")

    with pytest.raises(CommandError, match="too short"):
        call_command(
            "createadmin", "--noinput", "--username=chief", "--first-name=M", "--last-name=I"
        )

    assert User.objects.count() == 0


def test_createadmin_without_password_in_noinput_mode_fails(monkeypatch):
    monkeypatch.delenv("HMS_ADMIN_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="HMS_ADMIN_PASSWORD"):
        call_command(
            "createadmin", "--noinput", "--username=chief", "--first-name=M", "--last-name=I"
        )

    assert User.objects.count() == 0
