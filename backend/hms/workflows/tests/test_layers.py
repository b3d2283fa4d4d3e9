"""Facts a lower app relies on about a higher one without importing it."""

from __future__ import annotations

from hms.admissions.models import AdmissionStatus
from hms.patients.selectors import OPEN_ADMISSION_STATUS


def test_patients_read_is_admitted_with_the_admissions_open_status():
    assert AdmissionStatus.ADMITTED.value == OPEN_ADMISSION_STATUS
