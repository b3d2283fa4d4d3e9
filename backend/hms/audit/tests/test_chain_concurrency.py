from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from django.db import connection

from hms.audit.chain import chain_verify
from hms.audit.models import AuditEvent
from hms.audit.services import audit_record

# serialized_rollback: emptying the tables between tests must not lose the migrations' rows.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_concurrent_appends_never_fork_the_chain():
    errors: list[str] = []
    start = threading.Barrier(8)

    def append_ten() -> None:
        try:
            start.wait()
            for _ in range(10):
                audit_record(actor=None, action="auth.login", outcome="FAILURE", at=AT)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=append_ten) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert chain_verify(AuditEvent.objects.order_by("id").iterator()) == (80, None)
    assert AuditEvent.objects.values("prev_hash").distinct().count() == 80
