"""Clinical tests run on the appointments' fixed hospital calendar and a few ICD-10 codes."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest

from hms.appointments.tests.factories import NOW
from hms.clinical.models import Icd10Code

CODES = {
    "I10": "Essential (primary) hypertension",
    "I21.4": "Non-ST elevation (NSTEMI) myocardial infarction",
    "E11.9": "Type 2 diabetes mellitus without complications",
    "R07.9": "Chest pain, unspecified",
}


@pytest.fixture(autouse=True)
def _hospital_calendar(settings: Any) -> None:
    settings.TIME_ZONE = "Asia/Kolkata"
    settings.HMS_WORKING_HOURS = "MON-SAT 09:00-17:00"
    settings.HMS_SLOT_MINUTES = 30


@pytest.fixture
def icd10_codes(db: Any) -> None:
    Icd10Code.objects.bulk_create(Icd10Code(code=c, description=d) for c, d in CODES.items())


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Make the clinical APIs believe it is NOW (only their clock; tokens keep real time)."""
    monkeypatch.setattr("hms.clinical.apis.timezone", SimpleNamespace(now=lambda: NOW))
    return NOW
