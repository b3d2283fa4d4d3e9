"""Tabs refreshing one refresh token at the same moment, on PostgreSQL row locks."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from conftest import ContractClient
from hms.accounts.models import Session
from hms.accounts.sessions import session_start

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TABS = 5


def test_five_tabs_refreshing_one_token_at_once_all_get_the_same_successor(admin_user):
    _session, pair = session_start(
        user=admin_user, user_agent="", ip_address=None, at=timezone.now()
    )
    barrier = threading.Barrier(TABS)
    answers: list[Any] = [None] * TABS

    def tab(index: int) -> None:
        client = ContractClient()
        client.validate_contract = False  # the validator is not built for threads
        try:
            connection.ensure_connection()
            barrier.wait(timeout=60)
            answers[index] = client.post(
                "/api/v1/auth/token/refresh/", {"refresh": pair.refresh}, format="json"
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=tab, args=(index,)) for index in range(TABS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert [answer.status_code for answer in answers] == [200] * TABS
    assert len({answer.json()["refresh"] for answer in answers}) == 1
    session = Session.objects.get()
    assert (session.refresh_generation, session.ended_at) == (1, None)
