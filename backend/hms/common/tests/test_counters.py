"""Counters kept by the database: reading, compaction, concurrent writers, flush, migrations."""

from __future__ import annotations

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from hms.accounts.models import AccountStatus, Role
from hms.accounts.tests.factories import UserFactory
from hms.common.counters import counter_name, counter_values, counters_compact
from hms.common.models import CounterDelta
from hms.common.tests.counters import counters_of, real_counts_of

# Tests with transaction=True empty the tables afterwards; serialized_rollback reloads what the
# migrations put there (the departments) for the tests that follow.
USERS = "accounts_user"
ROLE_STATUS = ("role", "status")


def rows_by_name() -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for name, delta in CounterDelta.objects.order_by("name", "delta").values_list("name", "delta"):
        found.setdefault(name, []).append(delta)
    return found


@pytest.mark.django_db
def test_counter_values_reads_every_name_asked_for_and_zero_for_the_missing():
    UserFactory.create_batch(2, role=Role.DOCTOR)

    assert counter_values(
        [counter_name(USERS, "DOCTOR", "APPROVED"), counter_name(USERS, "DOCTOR", "PENDING")]
    ) == {"accounts_user:DOCTOR:APPROVED": 2, "accounts_user:DOCTOR:PENDING": 0}


@pytest.mark.django_db
def test_compaction_keeps_the_sums_in_one_row_per_name_and_drops_the_zeros():
    doctors = UserFactory.create_batch(3, role=Role.DOCTOR, status=AccountStatus.PENDING)
    UserFactory(role=Role.PATIENT)
    for doctor in doctors:
        doctor.status = AccountStatus.APPROVED
        doctor.save(update_fields=["status"])
    assert rows_by_name() == {
        "accounts_user:DOCTOR:APPROVED": [1, 1, 1],
        "accounts_user:DOCTOR:PENDING": [-1, -1, -1, 1, 1, 1],
        "accounts_user:PATIENT:APPROVED": [1],
    }

    assert counters_compact() == 2

    assert rows_by_name() == {
        "accounts_user:DOCTOR:APPROVED": [3],
        "accounts_user:PATIENT:APPROVED": [1],
    }
    assert counters_of(USERS) == real_counts_of(USERS, ROLE_STATUS)


@pytest.mark.django_db
def test_compaction_is_idempotent_and_fine_on_an_empty_table():
    assert counters_compact() == 0
    UserFactory.create_batch(2, role=Role.DOCTOR)
    counters_compact()

    assert counters_compact() == 1
    assert rows_by_name() == {"accounts_user:DOCTOR:APPROVED": [2]}


@pytest.mark.django_db
def test_the_scheduled_job_compacts():
    from hms.common.tasks import compact_counters

    UserFactory.create_batch(2, role=Role.DOCTOR)

    assert compact_counters.apply().get() == 1
    assert rows_by_name() == {"accounts_user:DOCTOR:APPROVED": [2]}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_compaction_beside_an_uncommitted_transaction_loses_none_of_its_deltas():
    UserFactory.create_batch(2, role=Role.DOCTOR)
    written, compacted = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            with transaction.atomic():
                UserFactory(role=Role.DOCTOR)
                written.set()
                # Commits only after the compaction has committed, without seeing this row.
                assert compacted.wait(timeout=30)
        except BaseException as error:  # noqa: BLE001 -- reported by the test below
            failures.append(error)
            written.set()
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    assert written.wait(timeout=30)
    assert counters_compact() == 1
    assert rows_by_name() == {"accounts_user:DOCTOR:APPROVED": [2]}
    compacted.set()
    thread.join(timeout=60)

    assert not thread.is_alive()
    assert failures == []
    assert rows_by_name() == {"accounts_user:DOCTOR:APPROVED": [1, 2]}
    assert counters_of(USERS) == real_counts_of(USERS, ROLE_STATUS)
    assert counters_of(USERS) == {"accounts_user:DOCTOR:APPROVED": 3}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_empties_the_counters_with_the_tables():
    UserFactory.create_batch(2, role=Role.DOCTOR)

    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)

    assert CounterDelta.objects.count() == 0
    assert real_counts_of(USERS, ROLE_STATUS) == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_deleting_rows_after_the_counters_were_emptied_leaves_them_empty():
    # What `flush` does on SQLite, in the order that would otherwise leave -1s behind.
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's flush truncates every table in one statement")
    UserFactory.create_batch(2, role=Role.DOCTOR)

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM common_counterdelta")
        cursor.execute("DELETE FROM accounts_user")

    assert CounterDelta.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_back_removes_the_triggers_and_forward_counts_the_rows_again():
    UserFactory.create_batch(2, role=Role.DOCTOR)
    UserFactory(role=Role.PATIENT, status=AccountStatus.PENDING)

    call_command("migrate", "accounts", "0005", verbosity=0)
    assert counters_of(USERS) == {}
    UserFactory(role=Role.DOCTOR)  # no trigger: not counted
    assert counters_of(USERS) == {}

    call_command("migrate", "accounts", verbosity=0)
    assert rows_by_name() == {
        "accounts_user:DOCTOR:APPROVED": [3],
        "accounts_user:PATIENT:PENDING": [1],
    }
    UserFactory(role=Role.DOCTOR)
    assert counters_of(USERS) == real_counts_of(USERS, ROLE_STATUS)
    assert counters_of(USERS) == {
        "accounts_user:DOCTOR:APPROVED": 4,
        "accounts_user:PATIENT:PENDING": 1,
    }


@pytest.mark.django_db
def test_check_counters_says_all_right_when_they_are(capsys):
    UserFactory(role=Role.DOCTOR)

    call_command("check_counters")

    assert capsys.readouterr().out == (
        "counters: all right (accounts_user, admissions_admission, appointments_appointment)\n"
    )


@pytest.mark.django_db
def test_check_counters_names_a_counter_gone_wrong_and_recounts_it(capsys):
    UserFactory.create_batch(2, role=Role.DOCTOR)
    CounterDelta.objects.create(name="accounts_user:DOCTOR:APPROVED", delta=5)
    CounterDelta.objects.create(name="accounts_user:PATIENT:PENDING", delta=1)

    with pytest.raises(CommandError, match=r"^2 counter\(s\) differ from their rows$"):
        call_command("check_counters")
    assert capsys.readouterr().err == (
        "accounts_user:DOCTOR:APPROVED: 2 rows, counter 7\n"
        "accounts_user:PATIENT:PENDING: 0 rows, counter 1\n"
    )

    call_command("check_counters", "--recount")

    assert capsys.readouterr().out == "counters: recounted accounts_user\n"
    assert rows_by_name() == {"accounts_user:DOCTOR:APPROVED": [2]}
    call_command("check_counters")


@pytest.mark.django_db
def test_compact_counters_runs_the_job_once(capsys):
    UserFactory.create_batch(3, role=Role.DOCTOR)
    UserFactory(role=Role.PATIENT)

    call_command("compact_counters")

    assert capsys.readouterr().out == "counters: 2 rows left\n"
    assert rows_by_name() == {
        "accounts_user:DOCTOR:APPROVED": [3],
        "accounts_user:PATIENT:APPROVED": [1],
    }
