"""A hospital day under load (locust): patients 80 %, doctors 15 %, admins 5 %, 1-5 s apart.

Each simulated person signs in once with a seeded account of their role and then does what
their screens do: patients look at their dashboard and appointments, browse doctors, look for
a free slot and book it, cancel a pending request, open their invoices and PDFs; doctors
look at their dashboard, their appointments, patients and admissions and search patients;
admins look at their dashboard and every list, search, approve and reject appointment
requests and sign-ups, admit patients and discharge them (which issues the invoice PDF) and
download the PDF.

Two shapes, picked by BENCH_DAY_PHASE:
  steps  BENCH_DAY_STEPS users (200,400,600,800), one step after the other. A step is measured
         for BENCH_DAY_STEP_SECONDS (60) once all its users have signed in and
         BENCH_DAY_SETTLE_SECONDS (5) have passed; sign-ins while a step ramps up are left out.
  burst  the shift change: BENCH_BURST_READERS (300) people at work as above, then
         BENCH_BURST_SIGNINS (500) sign-ins spread evenly over BENCH_BURST_SECONDS (20).

Every request is classed as a read (R), a write (W) or a sign-in (L) by its name; the samples
of the measured windows are written as JSON to BENCH_DAY_OUTPUT when the run stops, for
benchmarks/day.py to summarise.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from datetime import date, timedelta
from typing import Any

import gevent
from locust import FastHttpUser, LoadTestShape, between, events, task

PASSWORD = "bench-password-not-a-secret"  # noqa: S105 - the seeded accounts of a throwaway DB
SCALE = int(os.environ.get("BENCH_SCALE") or "1")
DOCTORS = 50 * SCALE
PATIENTS = 10_000 * SCALE
PENDING_SHARE = 50  # see benchmarks/seed.py: one patient in 50 waits for approval
PHASE = os.environ.get("BENCH_DAY_PHASE") or "steps"
STEPS = [int(part) for part in (os.environ.get("BENCH_DAY_STEPS") or "200,400,600,800").split(",")]
STEP_SECONDS = float(os.environ.get("BENCH_DAY_STEP_SECONDS") or "60")
SETTLE_SECONDS = float(os.environ.get("BENCH_DAY_SETTLE_SECONDS") or "5")
SPAWN_RATE = float(os.environ.get("BENCH_DAY_SPAWN_RATE") or "20")
BURST_READERS = int(os.environ.get("BENCH_BURST_READERS") or "300")
BURST_SIGNINS = int(os.environ.get("BENCH_BURST_SIGNINS") or "500")
BURST_SECONDS = float(os.environ.get("BENCH_BURST_SECONDS") or "20")
OUTPUT = os.environ.get("BENCH_DAY_OUTPUT") or "day.json"

_patient_numbers = (i for i in itertools.count() if i % PENDING_SHARE != PENDING_SHARE - 1)
_doctor_numbers = itertools.count()
_admin_numbers = itertools.count()


class Recorder:
    """The samples of the measured windows: (window, class, milliseconds, status)."""

    def __init__(self) -> None:
        self.window: str | None = None
        self.signed_in = 0
        self.samples: list[tuple[str, str, float, int]] = []
        self.windows: dict[str, dict[str, float]] = {}
        self.burst_started_at: float | None = None
        self.unmeasured_failures = 0

    def open(self, name: str, users: int) -> None:
        self.window = name
        self.windows[name] = {"users": users, "started": time.monotonic()}

    def close(self) -> None:
        if self.window is not None:
            self.windows[self.window]["ended"] = time.monotonic()
        self.window = None


RECORDER = Recorder()


@events.request.add_listener
def _record(name: str, response_time: float, response: Any, exception: Any, **_: Any) -> None:
    status = int(getattr(response, "status_code", 0) or 0)
    if RECORDER.window is None:
        # Ramp-ups and settling are not measured, but their failures are reported.
        if status == 0 or status >= 500:
            RECORDER.unmeasured_failures += 1
        return
    RECORDER.samples.append((RECORDER.window, name[:1], response_time, status))


@events.test_stop.add_listener
def _write(**_: Any) -> None:
    RECORDER.close()
    with open(OUTPUT, "w", encoding="utf-8") as output:
        json.dump(
            {
                "windows": RECORDER.windows,
                "samples": RECORDER.samples,
                "unmeasured_failures": RECORDER.unmeasured_failures,
            },
            output,
        )


def _rows(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict):
        return list(body.get("results", []))
    return list(body or [])


class _Person(FastHttpUser):
    abstract = True
    wait_time = between(1, 5)
    username = ""

    def account(self) -> str:
        raise NotImplementedError

    def on_start(self) -> None:
        self.username = self.account()
        self.sign_in()

    def sign_in(self) -> None:
        self.token = ""
        while not self.token:
            with self.client.post(
                "/api/v1/auth/token/",
                json={"username": self.username, "password": PASSWORD},
                name="L sign-in",
                catch_response=True,
            ) as response:
                if response.status_code == 200:
                    self.token = response.json()["access"]
                    response.success()
                else:
                    response.failure(f"sign-in answered {response.status_code}")
                    gevent.sleep(1)
        RECORDER.signed_in += 1
        self.me = self.read("/api/v1/auth/me/", "R me") or {}

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Accept-Encoding": "gzip"}

    def read(self, path: str, name: str) -> Any:
        with self.client.get(
            path, headers=self.headers(), name=name, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return None
            if "json" in response.headers.get("Content-Type", ""):
                return response.json()
            return response.content

    def write(self, path: str, body: dict[str, Any], name: str) -> Any:
        """POST; a 4xx (a slot someone took first, a row already decided) is a refusal the
        screens show, not a failure; 5xx and transport errors are failures."""
        with self.client.post(
            path, json=body, headers=self.headers(), name=name, catch_response=True
        ) as response:
            if response.status_code >= 500 or response.status_code == 0:
                response.failure(f"{response.status_code}")
                return None
            response.success()
            if response.status_code in (200, 201):
                return response.json()
            return None


class PatientPerson(_Person):
    weight = 80

    def account(self) -> str:
        return f"bench.patient.{next(_patient_numbers) % PATIENTS}"

    @task(4)
    def dashboard(self) -> None:
        self.read("/api/v1/dashboard/", "R dashboard")

    @task(3)
    def appointments(self) -> None:
        self.read("/api/v1/appointments/", "R appointments (patient)")

    @task(2)
    def directory(self) -> None:
        self.read("/api/v1/doctors/directory/", "R doctor directory")

    @task(1)
    def directory_search(self) -> None:
        self.read("/api/v1/doctors/directory/?search=Nair", "R doctor directory search")

    @task(2)
    def book(self) -> None:
        doctors = _rows(self.read("/api/v1/doctors/directory/", "R doctor directory"))
        if not doctors:
            return
        doctor = random.choice(doctors)["id"]  # noqa: S311 - load simulation
        day = date.today() + timedelta(days=random.randint(1, 20))  # noqa: S311
        slots = _rows(self.read(f"/api/v1/doctors/{doctor}/slots/?date={day}", "R slots"))
        if slots:
            slot = random.choice(slots)  # noqa: S311
            body = {"doctor": doctor, "starts_at": slot["starts_at"], "reason": "Fever"}
            self.write("/api/v1/appointments/", body, "W book")

    @task(1)
    def cancel(self) -> None:
        rows = _rows(self.read("/api/v1/appointments/?status=PENDING", "R appointments pending"))
        if rows:
            self.write(f"/api/v1/appointments/{rows[0]['id']}/cancel/", {}, "W cancel")

    @task(1)
    def invoices(self) -> None:
        rows = _rows(self.read("/api/v1/invoices/", "R invoices (patient)"))
        if rows:
            self.read(f"/api/v1/invoices/{rows[0]['id']}/pdf/", "R invoice PDF")


class DoctorPerson(_Person):
    weight = 15

    def account(self) -> str:
        return f"bench.doctor.{next(_doctor_numbers) % DOCTORS}"

    @task(4)
    def dashboard(self) -> None:
        self.read("/api/v1/dashboard/", "R dashboard")

    @task(4)
    def appointments(self) -> None:
        rows = _rows(self.read("/api/v1/appointments/", "R appointments (doctor)"))
        if rows:
            self.read(f"/api/v1/appointments/{rows[0]['id']}/", "R appointment detail")

    @task(2)
    def patients(self) -> None:
        rows = _rows(self.read("/api/v1/patients/", "R patients (doctor)"))
        if rows:
            self.read(f"/api/v1/patients/{rows[0]['id']}/", "R patient detail")

    @task(1)
    def search(self) -> None:
        self.read("/api/v1/patients/?search=Rao", "R patients search (doctor)")

    @task(1)
    def admissions(self) -> None:
        self.read("/api/v1/admissions/", "R admissions (doctor)")


class AdminPerson(_Person):
    weight = 5

    def account(self) -> str:
        return f"bench.admin.{next(_admin_numbers) % 10}"

    def on_start(self) -> None:
        super().on_start()
        rows = _rows(self.read("/api/v1/doctors/?page_size=100", "R doctors (admin)"))
        self.doctor_ids = [row["id"] for row in rows if row.get("status") == "APPROVED"]

    @task(3)
    def dashboard(self) -> None:
        self.read("/api/v1/dashboard/", "R dashboard")

    @task(2)
    def patients(self) -> None:
        page = random.randint(1, 20)  # noqa: S311
        self.read(f"/api/v1/patients/?page={page}", "R patients (admin)")

    @task(2)
    def search(self) -> None:
        name = random.choice(["Rao", "Iyer", "Khan", "Menon", "Patel1"])  # noqa: S311
        self.read(f"/api/v1/patients/?search={name}", "R patients search (admin)")

    @task(1)
    def doctors(self) -> None:
        self.read("/api/v1/doctors/", "R doctors (admin)")

    @task(2)
    def decide_appointment(self) -> None:
        rows = _rows(self.read("/api/v1/appointments/?status=PENDING", "R appointments pending"))
        if not rows:
            return
        row = random.choice(rows)  # noqa: S311
        if random.random() < 0.8:  # noqa: S311
            self.write(f"/api/v1/appointments/{row['id']}/approve/", {}, "W approve appointment")
        else:
            body = {"reason": "The doctor is away that day"}
            self.write(f"/api/v1/appointments/{row['id']}/reject/", body, "W reject appointment")

    @task(1)
    def approve_patient(self) -> None:
        rows = _rows(self.read("/api/v1/patients/?status=PENDING", "R patients pending"))
        if rows:
            self.write(f"/api/v1/patients/{rows[0]['id']}/approve/", {}, "W approve patient")

    @task(1)
    def admissions(self) -> None:
        self.read("/api/v1/admissions/", "R admissions (admin)")

    @task(1)
    def invoices(self) -> None:
        self.read("/api/v1/invoices/", "R invoices (admin)")

    @task(1)
    def admit(self) -> None:
        page = random.randint(1, 20)  # noqa: S311
        patients = _rows(self.read(f"/api/v1/patients/?page={page}", "R patients (admin)"))
        if patients and self.doctor_ids:
            body = {
                "patient": random.choice(patients)["id"],  # noqa: S311
                "doctor": random.choice(self.doctor_ids),  # noqa: S311
                "symptoms": "Fever",
                "room_charge_per_day": "750.00",
            }
            self.write("/api/v1/admissions/", body, "W admit")

    @task(1)
    def discharge(self) -> None:
        rows = _rows(self.read("/api/v1/admissions/?status=ADMITTED", "R admissions admitted"))
        if not rows:
            return
        admission = random.choice(rows)  # noqa: S311
        body = {"doctor_fee": "1000.00", "medicine_cost": "250.00", "other_charge": "100.00"}
        invoice = self.write(
            f"/api/v1/admissions/{admission['id']}/discharge/", body, "W discharge"
        )
        if invoice:
            self.read(f"/api/v1/invoices/{invoice['id']}/pdf/", "R invoice PDF")


class ShiftSignIn(FastHttpUser):
    """One of the shift change's sign-ins: waits for its turn, signs in, opens the dashboard."""

    fixed_count = BURST_SIGNINS if PHASE == "burst" else 0
    wait_time = between(3600, 3600)
    _numbers = itertools.count()

    def on_start(self) -> None:
        index = next(ShiftSignIn._numbers)
        while RECORDER.burst_started_at is None:
            gevent.sleep(0.2)
        turn = RECORDER.burst_started_at + index * BURST_SECONDS / max(BURST_SIGNINS, 1)
        gevent.sleep(max(0.0, turn - time.monotonic()))
        number = PATIENTS - 1 - index * 3
        if number % PENDING_SHARE == PENDING_SHARE - 1:
            number -= 1
        with self.client.post(
            "/api/v1/auth/token/",
            json={"username": f"bench.patient.{number}", "password": PASSWORD},
            name="L shift sign-in",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return
            token = response.json()["access"]
        self.client.get(
            "/api/v1/dashboard/",
            headers={"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"},
            name="R dashboard",
        )

    @task
    def idle(self) -> None:
        gevent.sleep(1)


if PHASE != "burst":
    ShiftSignIn.weight = 0
    ShiftSignIn.abstract = True


class DayShape(LoadTestShape):
    """Steps of users, each measured once every user of the step has signed in; or the burst."""

    def __init__(self) -> None:
        super().__init__()
        self.step = 0
        self.measure_from: float | None = None

    def tick(self) -> tuple[int, float] | None:
        if PHASE == "burst":
            return self._burst()
        if self.step >= len(STEPS):
            RECORDER.close()
            return None
        users = STEPS[self.step]
        now = time.monotonic()
        if self.measure_from is None:
            if self.get_current_user_count() >= users and RECORDER.signed_in >= users:
                self.measure_from = now + SETTLE_SECONDS
        elif RECORDER.window is None and now >= self.measure_from:
            RECORDER.open(f"step {users}", users)
        elif RECORDER.window is not None and now >= self.measure_from + STEP_SECONDS:
            RECORDER.close()
            self.step += 1
            self.measure_from = None
            if self.step >= len(STEPS):
                return None
            users = STEPS[self.step]
        return users, SPAWN_RATE

    def _burst(self) -> tuple[int, float] | None:
        total = BURST_READERS + BURST_SIGNINS
        now = time.monotonic()
        if RECORDER.burst_started_at is None:
            readers_in = RECORDER.signed_in >= BURST_READERS
            if self.get_current_user_count() >= total and readers_in:
                if self.measure_from is None:
                    self.measure_from = now + SETTLE_SECONDS
                elif now >= self.measure_from:
                    RECORDER.burst_started_at = now
                    RECORDER.open("burst", total)
        elif now >= RECORDER.burst_started_at + BURST_SECONDS + STEP_SECONDS / 2:
            RECORDER.close()
            return None
        return total, max(SPAWN_RATE, 100.0)
