"""Benchmark: the warm render time of one invoice PDF and the queries per list request.

Run from backend/:
    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python benchmarks/invoice_pdf.py

It works in a throwaway test database (created and destroyed here), so it never touches the
configured one. Prints the median of 20 warm renders (after one warm-up render) and, for the
admissions and invoices lists, the number of SQL queries one request makes at 3 and 50 rows.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from django.utils import timezone  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402
from rest_framework_simplejwt.tokens import RefreshToken  # noqa: E402

from hms.accounts.models import AccountStatus, Role, User  # noqa: E402
from hms.admissions.models import Admission, AdmissionStatus  # noqa: E402
from hms.admissions.services import admission_discharge  # noqa: E402
from hms.billing import services as billing_services  # noqa: E402
from hms.billing.models import Invoice  # noqa: E402
from hms.billing.pdf import invoice_render_pdf  # noqa: E402
from hms.doctors.models import Department, Doctor  # noqa: E402
from hms.patients.models import Patient  # noqa: E402

RENDERS = 20
ROW_COUNTS = (3, 50)


@contextmanager
def throwaway_database() -> Iterator[None]:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def sample_invoice() -> Invoice:
    return Invoice(
        number="INV-2026-000042",
        patient_name="आरव गुप्ता",
        patient_mobile="+919845000051",
        patient_address="11 Lake View Road, Kochi",
        symptoms="Itchy rash on both arms",
        doctor_name="فاطمة الزهراء",
        doctor_department="Emergency Medicine Specialists",
        admitted_on=date(2024, 1, 1),
        discharged_on=date(2024, 1, 5),
        days=4,
        room_charge_per_day=Decimal("500.00"),
        room_charge=Decimal("2000.00"),
        doctor_fee=Decimal("1000.00"),
        medicine_cost=Decimal("250.00"),
        other_charge=Decimal("100.00"),
        total=Decimal("3350.00"),
        currency="INR",
        issued_at=timezone.now(),
    )


def render_times() -> list[float]:
    invoice = sample_invoice()
    invoice_render_pdf(invoice=invoice)  # warm-up: fonts, stylesheets, caches
    times = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        invoice_render_pdf(invoice=invoice)
        times.append(time.perf_counter() - started)
    return times


def make_user(username: str, role: str) -> User:
    return User.objects.create(
        username=username,
        first_name=username.title(),
        last_name="Bench",
        role=role,
        status=AccountStatus.APPROVED,
        is_active=True,
    )


def add_stays(count: int, *, admin: User, doctor: Doctor, patient: Patient) -> None:
    """Admit and discharge `patient` under `doctor` `count` times: one invoice per stay."""
    for _ in range(count):
        admission = Admission.objects.create(
            patient=patient,
            doctor=doctor,
            admitted_on=date(2026, 11, 1),
            symptoms="Fever",
            room_charge_per_day=Decimal("500.00"),
            status=AdmissionStatus.ADMITTED,
            admitted_by=admin,
            admitted_at=timezone.now(),
        )
        admission_discharge(
            actor=admin,
            admission=admission,
            discharged_on=date(2026, 11, 5),
            room_charge_per_day=None,
            doctor_fee=Decimal("1000.00"),
            medicine_cost=Decimal("250.00"),
            other_charge=Decimal("100.00"),
            at=timezone.now(),
        )


def client_for(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


def queries_per_request(client: APIClient, path: str, rows: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200 or response.json()["count"] != rows:
        raise RuntimeError(f"GET {path} answered {response.status_code}, not {rows} rows")
    return len(captured.captured_queries)


def list_query_counts() -> dict[tuple[str, str, int], int]:
    """Queries of one list request per resource and role, at 3 and at 50 rows."""
    admin = make_user("bench.admin", Role.ADMIN)
    doctor = Doctor.objects.create(
        user=make_user("bench.doctor", Role.DOCTOR),
        mobile="+919811111111",
        address="Bench Road",
        department=Department.objects.get(code="CARDIOLOGIST"),
    )
    patient = Patient.objects.create(
        user=make_user("bench.patient", Role.PATIENT),
        mobile="+919822222222",
        address="Bench Road",
        symptoms="Fever",
    )
    clients = {"admin": client_for(admin), "doctor": client_for(doctor.user)}
    clients["patient"] = client_for(patient.user)
    # Every invoice stores real PDF bytes (a list must not load them), rendered once here.
    real_pdf = invoice_render_pdf(invoice=sample_invoice())
    original = billing_services.invoice_render_pdf
    billing_services.invoice_render_pdf = lambda *, invoice: real_pdf
    counts: dict[tuple[str, str, int], int] = {}
    try:
        stays = 0
        for rows in ROW_COUNTS:
            add_stays(rows - stays, admin=admin, doctor=doctor, patient=patient)
            stays = rows
            for role, client in clients.items():
                counts[("admissions", role, rows)] = queries_per_request(
                    client, "/api/v1/admissions/?page_size=100", rows
                )
                if role != "doctor":  # doctors may not list invoices (403)
                    counts[("invoices", role, rows)] = queries_per_request(
                        client, "/api/v1/invoices/?page_size=100", rows
                    )
    finally:
        billing_services.invoice_render_pdf = original
    return counts


def main(*_: Any) -> None:
    load = os.getloadavg()[0]
    with throwaway_database():
        times = render_times()
        counts = list_query_counts()
    median_ms = statistics.median(times) * 1000
    print(f"Invoice PDF, warm render: median {median_ms:.1f} ms of {RENDERS}", end="")
    print(f" (min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms;", end="")
    print(f" 1-minute load average {load:.1f} on {os.cpu_count()} CPUs)")
    print("Queries per list request (auth + count + page):")
    for (resource, role, rows), value in sorted(counts.items()):
        print(f"  GET /api/v1/{resource}/ as {role:<7} with {rows:>2} rows: {value} queries")


if __name__ == "__main__":
    main()
