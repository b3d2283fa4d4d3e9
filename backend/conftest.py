"""Fixtures shared by every backend test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.accounts.tests.tokens import session_tokens
from hms.common.tests.contract import validate_response
from hms.common.tests.isolated_redis import IsolatedRedis, isolated_redis
from hms.doctors.tests.factories import DoctorFactory
from hms.patients.tests.factories import PatientFactory


class ContractClient(APIClient):
    """An API client whose every /api/v1/ response is checked against openapi.yaml."""

    validate_contract = True

    def request(self, *args: Any, **kwargs: Any) -> Any:
        response = super().request(*args, **kwargs)
        if self.validate_contract:
            validate_response(response)
        return response


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # Throttle counters live in the cache; every test starts with a clean budget.
    cache.clear()


@pytest.fixture
def redis_cache() -> Iterator[IsolatedRedis]:
    """A Redis cache of the test's own (the server at HMS_TEST_REDIS_URL); skips without one."""
    with isolated_redis() as isolated:
        yield isolated


@pytest.fixture
def api_client() -> ContractClient:
    return ContractClient()


def bearer_client(user: User) -> ContractClient:
    """A client signed in as `user` through a session of its own (as a login would open)."""
    client = ContractClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {session_tokens(user).access}")
    return client


@pytest.fixture
def client_for() -> Callable[[User], ContractClient]:
    return bearer_client


@pytest.fixture
def admin_user(db: Any) -> User:
    user: User = AdminFactory.create(username="admin.one")
    return user


@pytest.fixture
def admin_client(admin_user: User) -> ContractClient:
    return bearer_client(admin_user)


def new_doctor(status: str = AccountStatus.APPROVED, **kwargs: Any) -> Any:
    """A doctor and their account; `user__<field>` keywords go to the account."""
    user_kwargs = {k[6:]: v for k, v in kwargs.items() if k.startswith("user__")}
    rest = {k: v for k, v in kwargs.items() if not k.startswith("user__")}
    user = UserFactory(role=Role.DOCTOR, status=status, **user_kwargs)
    return DoctorFactory(user=user, **rest)


def new_patient(status: str = AccountStatus.APPROVED, **kwargs: Any) -> Any:
    """A patient and their account; `user__<field>` keywords go to the account."""
    user_kwargs = {k[6:]: v for k, v in kwargs.items() if k.startswith("user__")}
    rest = {k: v for k, v in kwargs.items() if not k.startswith("user__")}
    user = UserFactory(role=Role.PATIENT, status=status, **user_kwargs)
    return PatientFactory(user=user, **rest)


@pytest.fixture
def make_doctor(db: Any) -> Callable[..., Any]:
    return new_doctor


@pytest.fixture
def make_patient(db: Any) -> Callable[..., Any]:
    return new_patient


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `postgres` (row locks under real concurrency) run only on PostgreSQL."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL); CI runs it there")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
