"""Reads of accounts, and what every person list (doctors, patients) shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.expressions import BaseExpression
from django.db.models.functions import Lower

from hms.accounts.models import AccountStatus, MfaDevice, User
from hms.common.counters import counter_name, counter_value
from hms.common.queries import QueryTemplate

# A name search is split on spaces; more terms than this only make the query slower.
MAX_SEARCH_TERMS = 5


@dataclass(frozen=True)
class AccountCounts:
    """How many accounts of one kind are approved and how many wait for a decision."""

    approved: int
    pending: int


@dataclass(frozen=True)
class PendingAccount:
    """One entry of the admin's approval queue."""

    kind: str
    id: int
    full_name: str
    created_at: datetime
    # A doctor's department name; a patient's symptoms given at sign-up.
    detail: str


@dataclass(frozen=True)
class LoginAccount:
    """The account a sign-in names, and whether it has a confirmed authenticator."""

    user: User
    has_confirmed_mfa: bool


def _login_lookup(username: str) -> QuerySet[Any, dict[str, Any]]:
    confirmed = MfaDevice.objects.filter(user=OuterRef("pk"), confirmed_at__isnull=False)
    return (
        User.objects.alias(username_lower=Lower("username"))
        .filter(username_lower=Lower(Value(username)))
        .annotate(has_confirmed_mfa=Exists(confirmed))
        .order_by()
        .values(*_USER_FIELDS, "has_confirmed_mfa")[:1]
    )


_USER_FIELDS = tuple(field.attname for field in User._meta.concrete_fields)
_LOGIN_LOOKUP = QueryTemplate(_login_lookup, username=str)


def user_get_for_login(*, username: str) -> LoginAccount | None:
    """The account a sign-in names (usernames are case-insensitive), or None; one query.

    Matched on the lower-cased username, the expression of the unique index that keeps usernames
    case-insensitively unique, so that index finds the row (`username__iexact` compares
    upper-cased names, which the index cannot answer: it read the table row by row). The
    statement is built once (a QueryTemplate: building the query each time cost as much as
    running it); the account is a whole model instance.
    """
    alias = User.objects.db
    row = _LOGIN_LOOKUP.row(using=alias, username=username)
    if row is None:
        return None
    user = User.from_db(alias, list(_USER_FIELDS), [row[name] for name in _USER_FIELDS])
    return LoginAccount(user=user, has_confirmed_mfa=bool(row["has_confirmed_mfa"]))


def account_counts(*, roles: list[str]) -> dict[str, AccountCounts]:
    """Count the approved and the pending accounts of each of `roles`, in one query.

    Reads the range of the (role, status) index those accounts occupy, never the whole table.
    """
    statuses = [AccountStatus.APPROVED, AccountStatus.PENDING]
    counts = User.objects.filter(role__in=roles, status__in=statuses).aggregate(
        **{
            f"{role}:{status}": Count("pk", filter=Q(role=role, status=status))
            for role in roles
            for status in statuses
        }
    )
    return {
        role: AccountCounts(
            approved=counts[f"{role}:{AccountStatus.APPROVED}"],
            pending=counts[f"{role}:{AccountStatus.PENDING}"],
        )
        for role in roles
    }


def account_count_subqueries(*, roles: list[str]) -> dict[str, BaseExpression]:
    """Scalar subqueries counting the approved and the pending accounts of each of `roles`.

    Named `<role>_<status>` in lower case (`doctor_approved`); each reads a counter the
    database keeps by (role, status) (`hms.common.counters`, installed by migration 0006), so
    it costs the same however many accounts there are. Evaluate them with
    `hms.common.queries.read_together`.
    """
    return {
        f"{role.lower()}_{status.lower()}": counter_value(
            counter_name(User._meta.db_table, role, status)
        )
        for role in roles
        for status in (AccountStatus.APPROVED, AccountStatus.PENDING)
    }


def name_search(search: str, *, prefix: str = "user__") -> Q:
    """Return a filter where every word of `search` is in the first or the last name."""
    condition = Q()
    for term in search.split()[:MAX_SEARCH_TERMS]:
        condition &= Q(**{f"{prefix}first_name__icontains": term}) | Q(
            **{f"{prefix}last_name__icontains": term}
        )
    return condition


def user_get_with_profile(*, user: User) -> User:
    """Re-read the signed-in account with its doctor or patient profile, in one query.

    The profiles are read through the account's reverse one-to-one relations.
    """
    return (
        User.objects.select_related("doctor", "doctor__department", "patient")
        .filter(pk=user.pk)
        .get()
    )
