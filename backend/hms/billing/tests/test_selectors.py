"""Invoice reads that other screens compose (the dashboard's totals)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.billing.selectors import invoice_total_for_month

pytestmark = pytest.mark.django_db


def test_the_invoiced_total_counts_only_the_hospital_calendar_month(admin_user):
    for at in [
        datetime(2026, 10, 31, 18, 0, tzinfo=UTC),
        datetime(2026, 10, 31, 18, 40, tzinfo=UTC),
        datetime(2026, 11, 30, 18, 40, tzinfo=UTC),
    ]:
        admission = AdmissionFactory(admitted_on=date(2026, 10, 20))
        discharge(admission, actor=admin_user, discharged_on=date(2026, 10, 24), at=at)

    # 18:40 UTC on 31 October is 00:10 on 1 November in Kolkata; the last is in December there.
    total = invoice_total_for_month(viewer=admin_user, at=datetime(2026, 11, 15, 6, 0, tzinfo=UTC))

    assert total == Decimal("3350.00")
