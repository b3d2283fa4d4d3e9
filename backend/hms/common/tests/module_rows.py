"""Rows built once for a whole test module, each test still starting from exactly those rows.

A permission matrix runs hundreds of cases over the same world of accounts, stays, notes and
invoices, and building that world (its invoices and documents rendered as PDFs) costs far more
than the request each case makes. `rows_for_the_module` opens a transaction for the module and
keeps it open while the module's tests run. pytest-django wraps each test in a savepoint inside
it and rolls that back afterwards, so what one test writes is gone before the next begins. The
module's transaction is rolled back after its last test, so nothing reaches the other modules.

Use it from a module-scoped fixture, and hand each test a deep copy of what it built
(`copy.deepcopy`), so an instance one test changes in memory is not the next test's:

    @pytest.fixture(scope="module")
    def module_world(django_db_setup, django_db_blocker):
        with rows_for_the_module(django_db_blocker):
            yield build_world()

    @pytest.fixture
    def world(module_world, db):
        return copy.deepcopy(module_world)

Once set up, the rows stay until the module's last test, so every later test in the module sees
them, whether it asks for them or not: a test that needs the tables without them belongs in
another module.

Not for tests that commit (`transaction=True`, live servers, other connections): they would not
see uncommitted rows, and their commits would escape the rollback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from pytest_django import DjangoDbBlocker


@contextmanager
def rows_for_the_module(django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """Inside: a transaction the module's tests run in; on leaving, everything is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)
