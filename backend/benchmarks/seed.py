"""Seed the benchmark's database with the hospital's seed volume, quickly (bulk inserts).

At scale 1: 50 doctors, 10,000 patients, 20,000 appointments, 2,000 invoices (each with its
discharged admission) and 100 patients in hospital now; `--scale 10` multiplies every number.
Every account is approved unless said otherwise and shares one password (hashed once; the
hash is a real Argon2 hash, so every login pays the real price).

Invoices carry real stored PDFs: a handful of representative invoices are rendered with the
product's renderer and each seeded invoice stores one of those renders (with its SHA-256), so
the download serves bytes of the real size and shape; a per-invoice render would add
minutes and changes nothing the download measures.

`benchmarks/run.py` calls it (after picking and emptying the database).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TypeVar

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from hms.accounts.models import AccountStatus, Role, User
from hms.admissions.models import Admission, AdmissionStatus
from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.billing.models import Invoice, InvoiceNumberCounter
from hms.billing.pdf import invoice_render_pdf
from hms.common.counters import counters_compact
from hms.doctors.models import Department, Doctor
from hms.patients.models import Patient

PASSWORD = "bench-password-not-a-secret"  # noqa: S105 - the seeded accounts of a throwaway DB
ADMINS = 10
DOCTORS = 50
PATIENTS = 10_000
APPOINTMENTS = 20_000
INVOICES = 2_000
IN_HOSPITAL = 100
PENDING_PATIENTS_SHARE = 50  # one patient in 50 waits for approval
PENDING_DOCTORS = 3
RENDERED_PDFS = 12
BATCH = 5_000
# A statement's bound parameters, at most (PostgreSQL's protocol limit, with server-side binding).
MAX_PARAMETERS = 65_535

M = TypeVar("M", bound=models.Model)

FIRST_NAMES = ["Aarav", "Diya", "Ishaan", "Meera", "Kabir", "Anaya", "Rohan", "Sara", "Vivaan"]
LAST_NAMES = ["Gupta", "Iyer", "Khan", "Menon", "Nair", "Patel", "Rao", "Shah", "Singh", "Das"]
SYMPTOMS = ["Fever and cough", "Back pain", "Itchy rash on both arms", "Chest pain", "Headache"]


@dataclass(frozen=True)
class Volume:
    admins: int
    doctors: int
    patients: int
    appointments: int
    invoices: int
    in_hospital: int

    @classmethod
    def at_scale(cls, scale: int) -> Volume:
        return cls(
            admins=ADMINS,
            doctors=DOCTORS * scale,
            patients=PATIENTS * scale,
            appointments=APPOINTMENTS * scale,
            invoices=INVOICES * scale,
            in_hospital=IN_HOSPITAL * scale,
        )


def admin_username(index: int) -> str:
    return f"bench.admin.{index}"


def doctor_username(index: int) -> str:
    return f"bench.doctor.{index}"


def patient_username(index: int) -> str:
    return f"bench.patient.{index}"


def _bulk(model: type[M], rows: Iterable[M]) -> list[M]:
    # One parameter per column of each row: a wide row takes a smaller batch.
    batch = min(BATCH, MAX_PARAMETERS // len(model._meta.concrete_fields))
    return model._default_manager.bulk_create(list(rows), batch_size=batch)


def _user(username: str, role: str, index: int, status: str, password: str) -> User:
    return User(
        username=username,
        first_name=FIRST_NAMES[index % len(FIRST_NAMES)],
        last_name=f"{LAST_NAMES[index % len(LAST_NAMES)]}{index}",
        email=f"{username}@example.org",
        role=role,
        status=status,
        is_active=status == AccountStatus.APPROVED,
        password=password,
    )


def _working_slots(*, first: date, last: date) -> list[datetime]:
    """Every 30-minute slot start from 09:00 to 16:30, Monday to Saturday, hospital time."""
    zone = timezone.get_default_timezone()
    slots = []
    day = first
    while day <= last:
        if day.weekday() != 6:
            for half_hours in range(16):
                moment = datetime.combine(day, time(9, 0)) + timedelta(minutes=30 * half_hours)
                slots.append(timezone.make_aware(moment, zone))
        day += timedelta(days=1)
    return slots


def _sample_invoice(index: int, issued_at: datetime) -> Invoice:
    fee = Decimal(500 + 50 * index)
    return Invoice(
        number=f"INV-{issued_at.year}-{index + 1:06d}",
        patient_name=f"{FIRST_NAMES[index % 9]} {LAST_NAMES[index % 10]}{index}",
        patient_mobile="+919845000051",
        patient_address=f"{index + 1} Lake View Road, Kochi",
        symptoms=SYMPTOMS[index % len(SYMPTOMS)],
        doctor_name=f"{FIRST_NAMES[(index + 3) % 9]} {LAST_NAMES[(index + 5) % 10]}",
        doctor_department="Emergency Medicine Specialists",
        admitted_on=date(2026, 1, 1),
        discharged_on=date(2026, 1, 5),
        days=4,
        room_charge_per_day=Decimal("500.00"),
        room_charge=Decimal("2000.00"),
        doctor_fee=fee,
        medicine_cost=Decimal("250.00"),
        other_charge=Decimal("100.00"),
        total=Decimal("2350.00") + fee,
        currency=settings.HMS_CURRENCY,
        issued_at=issued_at,
    )


def seed(*, scale: int, now: datetime, seed_value: int = 20) -> Volume:
    """Insert the seed volume at `scale` into an empty, migrated database."""
    volume = Volume.at_scale(scale)
    rng = random.Random(seed_value)  # noqa: S311 - reproducible test data, not security
    password = make_password(PASSWORD)
    departments = list(Department.objects.order_by("position", "code"))
    today = timezone.localdate(now)

    with transaction.atomic():
        admins = _bulk(
            User,
            (
                _user(admin_username(i), Role.ADMIN, i, AccountStatus.APPROVED, password)
                for i in range(volume.admins)
            ),
        )
        doctor_users = _bulk(
            User,
            (
                _user(
                    doctor_username(i),
                    Role.DOCTOR,
                    i,
                    AccountStatus.PENDING if i >= volume.doctors else AccountStatus.APPROVED,
                    password,
                )
                for i in range(volume.doctors + PENDING_DOCTORS)
            ),
        )
        doctors = _bulk(
            Doctor,
            (
                Doctor(
                    user=user,
                    mobile=f"+9198{i:08d}",
                    address=f"{i + 1} Hospital Road, Bengaluru",
                    department=departments[i % len(departments)],
                )
                for i, user in enumerate(doctor_users)
            ),
        )
        approved_doctors = doctors[: volume.doctors]
        patient_users = _bulk(
            User,
            (
                _user(
                    patient_username(i),
                    Role.PATIENT,
                    i,
                    AccountStatus.PENDING
                    if i % PENDING_PATIENTS_SHARE == PENDING_PATIENTS_SHARE - 1
                    else AccountStatus.APPROVED,
                    password,
                )
                for i in range(volume.patients)
            ),
        )
        patients = _bulk(
            Patient,
            (
                Patient(
                    user=user,
                    mobile=f"+9197{i:08d}",
                    address=f"{i + 1} Lake View Road, Kochi",
                    symptoms=SYMPTOMS[i % len(SYMPTOMS)],
                    date_of_birth=date(1950 + i % 60, 1 + i % 12, 1 + i % 28),
                    assigned_doctor=None
                    if user.status != AccountStatus.APPROVED
                    else approved_doctors[i % len(approved_doctors)],
                )
                for i, user in enumerate(patient_users)
            ),
        )
        approved_patients = [
            patient
            for patient, user in zip(patients, patient_users, strict=True)
            if user.status == AccountStatus.APPROVED
        ]
        _seed_appointments(
            volume=volume,
            rng=rng,
            now=now,
            today=today,
            doctors=approved_doctors,
            patients=approved_patients,
            admin=admins[0],
        )
        _seed_admissions_and_invoices(
            volume=volume,
            now=now,
            today=today,
            doctors=approved_doctors,
            patients=approved_patients,
            admin=admins[0],
        )
    # The counters kept by the database gained a row per seeded row; the scheduled job folds
    # them within minutes on a live database, so the measurements start from there.
    counters_compact()
    # VACUUM sets the visibility map, as autovacuum does on a live database, so counts can be
    # index-only scans; ANALYZE gives the planner the new tables' statistics.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return volume


def _seed_appointments(
    *,
    volume: Volume,
    rng: random.Random,
    now: datetime,
    today: date,
    doctors: list[Doctor],
    patients: list[Patient],
    admin: User,
) -> None:
    """Spread each doctor's share over 90 days around today, leaving most slots free."""
    slots = _working_slots(first=today - timedelta(days=60), last=today + timedelta(days=30))
    per_doctor = volume.appointments // len(doctors)
    taken: set[tuple[int, datetime]] = set()
    rows: list[Appointment] = []
    patient_cursor = 0
    for doctor in doctors:
        for starts_at in sorted(rng.sample(slots, per_doctor)):
            while (patients[patient_cursor % len(patients)].pk, starts_at) in taken:
                patient_cursor += 1
            patient = patients[patient_cursor % len(patients)]
            patient_cursor += 1
            taken.add((patient.pk, starts_at))
            roll = rng.random()
            if starts_at < now:
                status = (
                    AppointmentStatus.COMPLETED
                    if roll < 0.7
                    else AppointmentStatus.CANCELLED
                    if roll < 0.9
                    else AppointmentStatus.REJECTED
                )
            else:
                status = (
                    AppointmentStatus.CONFIRMED
                    if roll < 0.6
                    else AppointmentStatus.PENDING
                    if roll < 0.9
                    else AppointmentStatus.CANCELLED
                )
            booked_at = starts_at - timedelta(days=7)
            rows.append(
                Appointment(
                    patient=patient,
                    doctor=doctor,
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(minutes=30),
                    reason=SYMPTOMS[patient.pk % len(SYMPTOMS)],
                    status=status,
                    status_changed_at=min(booked_at + timedelta(days=1), now),
                    status_reason="No slot for this reason"
                    if status == AppointmentStatus.REJECTED
                    else "",
                    booked_by=patient.user if status != AppointmentStatus.CONFIRMED else admin,
                )
            )
    appointments = _bulk(Appointment, rows)
    events: list[AppointmentEvent] = []
    for appointment in appointments:
        booked_at = appointment.starts_at - timedelta(days=7)
        first = (
            AppointmentStatus.CONFIRMED
            if appointment.booked_by_id == admin.pk
            else AppointmentStatus.PENDING
        )
        events.append(
            AppointmentEvent(
                appointment=appointment,
                to_status=first,
                actor_id=appointment.booked_by_id,
                at=min(booked_at, now),
            )
        )
        if appointment.status != first:
            events.append(
                AppointmentEvent(
                    appointment=appointment,
                    from_status=first,
                    to_status=appointment.status,
                    actor=admin,
                    at=appointment.status_changed_at,
                    reason=appointment.status_reason,
                )
            )
    _bulk(AppointmentEvent, events)


def _seed_admissions_and_invoices(
    *,
    volume: Volume,
    now: datetime,
    today: date,
    doctors: list[Doctor],
    patients: list[Patient],
    admin: User,
) -> None:
    rendered = [invoice_render_pdf(invoice=_sample_invoice(i, now)) for i in range(RENDERED_PDFS)]
    digests = [hashlib.sha256(pdf).hexdigest() for pdf in rendered]
    admissions: list[Admission] = []
    for i in range(volume.invoices):
        patient = patients[(i * 7) % len(patients)]
        discharged_on = today - timedelta(days=1 + i % 300)
        admitted_on = discharged_on - timedelta(days=1 + i % 6)
        admissions.append(
            Admission(
                patient=patient,
                doctor=doctors[i % len(doctors)],
                admitted_on=admitted_on,
                discharged_on=discharged_on,
                symptoms=SYMPTOMS[i % len(SYMPTOMS)],
                room=f"W{i % 40}-{i % 12}",
                room_charge_per_day=Decimal("500.00"),
                status=AdmissionStatus.DISCHARGED,
                admitted_by=admin,
                admitted_at=timezone.make_aware(
                    datetime.combine(admitted_on, time(10)), timezone.get_default_timezone()
                ),
                discharged_by=admin,
                discharged_at=timezone.make_aware(
                    datetime.combine(discharged_on, time(12)), timezone.get_default_timezone()
                ),
            )
        )
    in_hospital = [patients[-(i + 1)] for i in range(volume.in_hospital)]
    for i, patient in enumerate(in_hospital):
        admitted_on = today - timedelta(days=i % 5)
        admissions.append(
            Admission(
                patient=patient,
                doctor=doctors[i % len(doctors)],
                admitted_on=admitted_on,
                symptoms=SYMPTOMS[i % len(SYMPTOMS)],
                room=f"E{i % 40}",
                room_charge_per_day=Decimal("750.00"),
                status=AdmissionStatus.ADMITTED,
                admitted_by=admin,
                admitted_at=timezone.make_aware(
                    datetime.combine(admitted_on, time(9)), timezone.get_default_timezone()
                ),
            )
        )
    admissions = _bulk(Admission, admissions)
    doctor_by_id = {doctor.pk: doctor for doctor in doctors}
    patient_by_id = {patient.pk: patient for patient in patients}
    numbers: dict[int, int] = {}
    invoices: list[Invoice] = []
    for i, admission in enumerate(admissions[: volume.invoices]):
        assert admission.discharged_on is not None and admission.discharged_at is not None
        days = max((admission.discharged_on - admission.admitted_on).days, 1)
        doctor = doctor_by_id[admission.doctor_id]
        patient = patient_by_id[admission.patient_id]
        year = timezone.localtime(admission.discharged_at).year
        numbers[year] = numbers.get(year, 0) + 1
        room_charge = Decimal("500.00") * days
        fee = Decimal(500 + 50 * (i % 20))
        invoices.append(
            Invoice(
                number=f"INV-{year}-{numbers[year]:06d}",
                admission=admission,
                patient=patient,
                patient_name=patient.user.full_name,
                patient_mobile=patient.mobile,
                patient_address=patient.address,
                symptoms=admission.symptoms,
                doctor_name=doctor.user.full_name,
                doctor_department=doctor.department.name,
                admitted_on=admission.admitted_on,
                discharged_on=admission.discharged_on,
                days=days,
                room_charge_per_day=Decimal("500.00"),
                room_charge=room_charge,
                doctor_fee=fee,
                medicine_cost=Decimal("250.00"),
                other_charge=Decimal("100.00"),
                total=room_charge + fee + Decimal("350.00"),
                currency=settings.HMS_CURRENCY,
                issued_at=admission.discharged_at,
                issued_by=admin,
                pdf=rendered[i % RENDERED_PDFS],
                pdf_sha256=digests[i % RENDERED_PDFS],
            )
        )
    _bulk(Invoice, invoices)
    for year, last_value in numbers.items():
        InvoiceNumberCounter.objects.update_or_create(
            year=year, defaults={"last_value": last_value}
        )
