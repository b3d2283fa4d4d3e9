from __future__ import annotations

from types import SimpleNamespace

import pytest

from hms.accounts.policies import ROLE_MAP
from hms.common.permissions import can_call, role_map


def user(role: str) -> SimpleNamespace:
    return SimpleNamespace(is_authenticated=True, role=role)


def test_the_setting_names_this_map():
    assert role_map() is ROLE_MAP


@pytest.mark.parametrize(
    ("role", "operation", "allowed"),
    [
        ("ADMIN", "doctors.approve", True),
        ("DOCTOR", "doctors.approve", False),
        ("PATIENT", "invoices.pdf", True),
        ("DOCTOR", "invoices.pdf", False),
        ("DOCTOR", "appointments.complete", True),
        ("ADMIN", "appointments.complete", False),
        ("ADMIN", "no.such.operation", False),
    ],
)
def test_can_call_reads_the_role_map(role, operation, allowed):
    assert can_call(user=user(role), operation=operation) is allowed


def test_anonymous_may_call_nothing():
    anonymous = SimpleNamespace(is_authenticated=False, role=None)
    assert [op for op in ROLE_MAP if can_call(user=anonymous, operation=op)] == []


def test_the_map_holds_plain_role_names():
    assert {type(role) for roles in ROLE_MAP.values() for role in roles} == {str}
    assert set().union(*ROLE_MAP.values()) == {"ADMIN", "DOCTOR", "PATIENT"}
