from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from hms.admissions.models import Admission, AdmissionStatus
from hms.billing.models import Invoice

pytestmark = pytest.mark.django_db


def test_seed_demo_admits_and_discharges_once():
    call_command("seed_demo", stdout=StringIO())
    first = (
        list(Admission.objects.order_by("id").values_list("id", "status")),
        list(Invoice.objects.order_by("id").values_list("id", "number", "total")),
    )

    call_command("seed_demo", stdout=StringIO())

    assert (
        list(Admission.objects.order_by("id").values_list("id", "status")),
        list(Invoice.objects.order_by("id").values_list("id", "number", "total")),
    ) == first
    by_patient = {
        admission.patient.user.username: admission.status
        for admission in Admission.objects.select_related("patient__user")
    }
    assert by_patient == {
        "priya": AdmissionStatus.ADMITTED,
        "mei": AdmissionStatus.ADMITTED,
        "arav": AdmissionStatus.DISCHARGED,
        "omar": AdmissionStatus.DISCHARGED,
        "john": AdmissionStatus.DISCHARGED,
    }
    totals = {
        invoice.patient.user.username: str(invoice.total) for invoice in Invoice.objects.all()
    }
    # arav: 4 days x 1000.00 + 2500.00 + 850.75 + 300.00; omar: 2 x 800.00 + 1200.00 + 410.50
    # + 650.00; john: 4 x 2200.00 + 15000.00 + 3120.00 + 4500.00.
    assert totals == {"arav": "7650.75", "omar": "3860.50", "john": "31420.00"}
    assert all(bytes(invoice.pdf).startswith(b"%PDF-") for invoice in Invoice.objects.all())
    assert len({invoice.number for invoice in Invoice.objects.all()}) == 3
