from __future__ import annotations

from types import SimpleNamespace

import pytest

from hms.common.policies import ROLE_MAP, RoleMapPermission, can_call


def user(role: str) -> SimpleNamespace:
    return SimpleNamespace(is_authenticated=True, role=role)


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


def test_a_view_without_a_policy_is_denied():
    permission = RoleMapPermission()
    request = SimpleNamespace(user=user("ADMIN"))
    assert permission.has_permission(request, SimpleNamespace()) is False  # type: ignore[arg-type]
