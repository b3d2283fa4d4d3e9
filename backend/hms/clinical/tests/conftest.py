"""Clinical tests run on the appointments' fixed hospital calendar and a few ICD-10 codes."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from hms.appointments.tests.factories import NOW
from hms.clinical.models import Icd10Code
from hms.clinical.tests.world import CODES, World, build_world
from hms.common.tests.module_rows import rows_for_the_module

HOSPITAL_CALENDAR = {
    "TIME_ZONE": "Asia/Kolkata",
    "HMS_WORKING_HOURS": "MON-SAT 09:00-17:00",
    "HMS_SLOT_MINUTES": 30,
}


@pytest.fixture(autouse=True)
def _hospital_calendar(settings: Any) -> None:
    for name, value in HOSPITAL_CALENDAR.items():
        setattr(settings, name, value)


@pytest.fixture(scope="module")
def module_world(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[World]:
    # Built once per test module: its signed notes and their PDFs cost more than most tests'
    # own work. Each test's writes are rolled back before the next (see module_rows.py).
    with override_settings(**HOSPITAL_CALENDAR), rows_for_the_module(django_db_blocker):
        yield build_world()


@pytest.fixture
def world(module_world: World, db: None) -> World:
    """The clinical world (world.py), a copy of its own for each test."""
    return copy.deepcopy(module_world)


@pytest.fixture
def icd10_codes(db: Any) -> None:
    Icd10Code.objects.bulk_create(
        (Icd10Code(code=c, description=d) for c, d in CODES.items()), ignore_conflicts=True
    )


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Make the clinical APIs believe it is NOW (only their clock; tokens keep real time)."""
    monkeypatch.setattr("hms.clinical.apis.timezone", SimpleNamespace(now=lambda: NOW))
    return NOW
