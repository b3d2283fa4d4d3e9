"""The money tests' world (world.py), built once per test module."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest
from pytest_django import DjangoDbBlocker

from hms.common.tests.module_rows import rows_for_the_module
from hms.payments.tests.world import World, build_world


@pytest.fixture(scope="module")
def module_world(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[World]:
    # Its five PDFs cost more than most tests' own work. Each test's writes are rolled back
    # before the next (hms/common/tests/module_rows.py).
    with rows_for_the_module(django_db_blocker):
        yield build_world()


@pytest.fixture
def world(module_world: World, db: None) -> World:
    """A copy of its own for each test."""
    return copy.deepcopy(module_world)
