"""Appointment tests run on a fixed hospital calendar, whatever the environment says."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest

from hms.appointments.tests.factories import NOW


@pytest.fixture(autouse=True)
def _hospital_calendar(settings: Any) -> None:
    settings.TIME_ZONE = "Asia/Kolkata"
    settings.HMS_WORKING_HOURS = "MON-SAT 09:00-17:00"
    settings.HMS_SLOT_MINUTES = 30


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Make the appointment APIs believe it is NOW (only their clock; tokens keep real time)."""
    monkeypatch.setattr("hms.appointments.apis.timezone", SimpleNamespace(now=lambda: NOW))
    return NOW
