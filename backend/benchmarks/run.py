"""`make bench`: seed a database of its own, serve it with gunicorn, measure, print a table.

Endpoint mode (the default): every list and detail, the stored invoice PDF, each role's
dashboard, login and the health probes, each with wrk at every concurrency of
BENCH_CONCURRENCY, interleaved with a reference view in the same run (a bare DRF ListAPIView
over the patients table, JWT, 25 rows + count; see benchmarks/reference.py): a reference round
opens every block of BENCH_REF_EVERY endpoint rounds. The table gives the median of
BENCH_ROUNDS rounds, each endpoint's ratios to the reference's median at the same concurrency,
the queries per request (a separate instrumented pass with Django's test client against the
same database) and the bytes per response, plain and gzip-compressed. The results are also
written as JSON to benchmarks/results/.

Day mode (BENCH_MODE=day): the locust "hospital day" (benchmarks/locustfile.py) in steps of
users, then the shift-change burst. See that file.

Settings, all from the environment:
  BENCH_DATABASE_URL  postgres://hms:hms@127.0.0.1:5432/hms_bench (its name must contain
                      "bench": the database is dropped and re-seeded when its scale differs)
  BENCH_SCALE         1 (50 doctors, 10,000 patients, 20,000 appointments, 2,000 invoices)
  BENCH_RESEED        0 (1: drop and seed again even when the scale matches)
  BENCH_ROUNDS        3;  BENCH_DURATION  10 (seconds per wrk run)
  BENCH_CONCURRENCY   1,16;  BENCH_LOGIN_CONCURRENCY  1,4,16;  BENCH_REF_EVERY  4
  BENCH_ONLY          a regular expression: measure only the endpoints whose name matches
  BENCH_EXPLAIN       0 (1: EXPLAIN ANALYZE every list query into results/explain-*.txt)
  BENCH_WORKERS       2;  BENCH_PORT  8765;  BENCH_CACHE_URL  redis://127.0.0.1:6379/9
  BENCH_GZIP          1 (wrk sends Accept-Encoding: gzip, as browsers do)
  BENCH_ACCESS_EVENTS on; off: the server writes no access events
                      (benchmarks/settings_access_events_off.py); both: a second server without
                      them on BENCH_PORT + 1, every list, detail, dashboard and PDF measured on
                      each, side by side in every round, and the loss per endpoint printed
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BACKEND = Path(__file__).resolve().parent.parent
RESULTS = BACKEND / "benchmarks" / "results"
sys.path.insert(0, str(BACKEND))


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


def env_ints(name: str, default: str) -> list[int]:
    return [int(part) for part in env(name, default).split(",") if part.strip()]


DATABASE_URL = env("BENCH_DATABASE_URL", "postgres://hms:hms@127.0.0.1:5432/hms_bench")
SCALE = int(env("BENCH_SCALE", "1"))
ROUNDS = int(env("BENCH_ROUNDS", "3"))
DURATION = int(env("BENCH_DURATION", "10"))
CONCURRENCY = env_ints("BENCH_CONCURRENCY", "1,16")
LOGIN_CONCURRENCY = env_ints("BENCH_LOGIN_CONCURRENCY", "1,4,16")
REF_EVERY = int(env("BENCH_REF_EVERY", "4"))
ONLY = env("BENCH_ONLY", "")
EXPLAIN = env("BENCH_EXPLAIN", "0") == "1"
WORKERS = int(env("BENCH_WORKERS", "2"))
PORT = int(env("BENCH_PORT", "8765"))
CACHE_URL = env("BENCH_CACHE_URL", "redis://127.0.0.1:6379/9")
# The queue of the Celery worker that sends the notification e-mails beside the server.
BROKER_URL = env("BENCH_BROKER_URL", "redis://127.0.0.1:6379/10")
GZIP = env("BENCH_GZIP", "1") == "1"
MODE = env("BENCH_MODE", "endpoints")
BASE = f"http://127.0.0.1:{PORT}"
ACCESS_EVENTS = env("BENCH_ACCESS_EVENTS", "on")
if ACCESS_EVENTS not in {"on", "off", "both"}:
    raise SystemExit(f"bench: BENCH_ACCESS_EVENTS must be on, off or both, not {ACCESS_EVENTS!r}")
EVENTS_OFF_SETTINGS = "benchmarks.settings_access_events_off"
# With BENCH_ACCESS_EVENTS=both, the server without access events.
EVENTS_OFF_PORT = PORT + 1

# The server's environment: production settings plus the reference view, DEBUG off, plain
# HTTP on loopback, throttles raised so the load generator measures the code, not the limits.
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
    "DATABASE_URL": DATABASE_URL,
    "CACHE_URL": CACHE_URL,
    # As deployed (docker-compose.yml): the server queues notification e-mails on Redis and a
    # Celery worker beside it sends them (`celery_worker`), on the same machine.
    "CELERY_BROKER_URL": BROKER_URL,
    # With no mail server beside it, every e-mail would fail and be retried; `dummy://` accepts
    # and drops them, so the notification work (rows, rendering, the delivery's bookkeeping) is
    # measured but not a mail server that is not there.
    "EMAIL_URL": "dummy://",
    "DEBUG": "false",
    "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(48),
    "HMS_ADMIN_SIGNUP": "closed",
    "SECURE_SSL_REDIRECT": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "HMS_ACCESS_TOKEN_MINUTES": "600",
    "HMS_THROTTLE_USER": "1000000/min",
    "HMS_THROTTLE_LOGIN": "1000000/min",
    "HMS_THROTTLE_REFRESH": "1000000/min",
    "HMS_THROTTLE_SIGNUP": "1000000/min",
    # Production requires two-factor sign-in for admins and doctors; the seeded accounts sign in
    # with passwords, so the requirement is lifted (an empty list) for the measured server.
    "HMS_MFA_REQUIRED_ROLES": "",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(SERVER_ENV)


# --- the database ----------------------------------------------------------------------------


def _database_name() -> str:
    name = urllib.parse.urlsplit(DATABASE_URL).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"bench: refusing to seed {name!r}: its name must contain 'bench'")
    return name


def _maintenance_dsn() -> str:
    parts = urllib.parse.urlsplit(DATABASE_URL)
    return urllib.parse.urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))


def _seeded_scale(name: str) -> int | None:
    import psycopg

    with psycopg.connect(_maintenance_dsn(), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        return None
    target = urllib.parse.urlsplit(DATABASE_URL)._replace(scheme="postgresql").geturl()
    with psycopg.connect(target, autocommit=True) as database:
        table = database.execute("SELECT to_regclass('bench_seed')").fetchone()
        if not table or table[0] is None:
            return None
        row = database.execute("SELECT scale FROM bench_seed").fetchone()
        return int(row[0]) if row else None


def prepare_database() -> None:
    """Reuse the seeded database when its scale matches; otherwise drop, migrate and seed."""
    import psycopg

    name = _database_name()
    if _seeded_scale(name) == SCALE and env("BENCH_RESEED", "0") != "1":
        print(f"bench: reusing {name} (seeded at scale {SCALE})")
        _django_setup()
        return
    with psycopg.connect(_maintenance_dsn(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    _django_setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from benchmarks.seed import seed

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    volume = seed(scale=SCALE, now=timezone.now())
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_seed (scale integer NOT NULL)")
        cursor.execute("INSERT INTO bench_seed VALUES (%s)", [SCALE])
    print(f"bench: seeded {name} in {time.perf_counter() - started:.0f} s: {volume}")


_django_ready = False


def _django_setup() -> None:
    global _django_ready
    if not _django_ready:
        import django

        django.setup()
        _django_ready = True


# --- what is measured --------------------------------------------------------------------------


@dataclass
class Endpoint:
    name: str
    kind: str  # reference, list, detail, pdf, dashboard, login, health
    path: str
    role: str | None = None  # whose access token it sends; None for anonymous
    method: str = "GET"
    body: dict[str, Any] | None = None
    events_off: bool = False  # measured on the server that writes no access events

    @property
    def base(self) -> str:
        both = self.events_off and ACCESS_EVENTS == "both"
        return f"http://127.0.0.1:{EVENTS_OFF_PORT}" if both else BASE


@dataclass
class Sample:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass
class Row:
    endpoint: Endpoint
    concurrency: int
    samples: list[Sample] = field(default_factory=list)
    queries: int | None = None
    status: int | None = None
    bytes_plain: int | None = None
    bytes_gzip: int | None = None

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(sample, attribute) for sample in self.samples)


def endpoints() -> list[Endpoint]:
    """Every screen's request, with ids from the seeded data (the first patient with a bill)."""
    from benchmarks.seed import PASSWORD, admin_username, doctor_username
    from hms.accounts.models import User
    from hms.admissions.models import Admission, AdmissionStatus
    from hms.appointments.models import Appointment
    from hms.billing.models import Invoice
    from hms.doctors.models import Doctor

    doctor = Doctor.objects.get(user__username=doctor_username(0))
    invoice = Invoice.objects.filter(patient__assigned_doctor=doctor).order_by("id").first()
    assert invoice is not None, "the seed has no invoice for the first doctor's patients"
    patient = invoice.patient
    appointment = Appointment.objects.filter(patient=patient).order_by("id").first()
    assert appointment is not None, "the seed has no appointment for that patient"
    admission = Admission.objects.filter(status=AdmissionStatus.ADMITTED).order_by("id").first()
    assert admission is not None
    search = User.objects.get(pk=patient.user_id).last_name
    # The next working day (Monday to Saturday), so the slot search has slots to list.
    day = datetime.now(UTC).date() + timedelta(days=1)
    if day.weekday() == 6:
        day += timedelta(days=1)
    login = {"username": admin_username(1), "password": PASSWORD}
    return [
        Endpoint("reference list", "reference", "/bench/reference/patients/", "admin"),
        Endpoint("health/live", "health", "/api/v1/health/live/"),
        Endpoint("health/ready", "health", "/api/v1/health/ready/"),
        Endpoint("login", "login", "/api/v1/auth/token/", method="POST", body=login),
        Endpoint("auth/me (patient)", "detail", "/api/v1/auth/me/", "patient"),
        Endpoint("admin dashboard", "dashboard", "/api/v1/dashboard/", "admin"),
        Endpoint("doctor dashboard", "dashboard", "/api/v1/dashboard/", "doctor"),
        Endpoint("patient dashboard", "dashboard", "/api/v1/dashboard/", "patient"),
        Endpoint("admin patients", "list", "/api/v1/patients/", "admin"),
        Endpoint("admin patients search", "list", f"/api/v1/patients/?search={search}", "admin"),
        Endpoint("admin doctors", "list", "/api/v1/doctors/", "admin"),
        Endpoint("admin appointments", "list", "/api/v1/appointments/", "admin"),
        Endpoint(
            "admin appointments pending",
            "list",
            "/api/v1/appointments/?status=PENDING",
            "admin",
        ),
        Endpoint("admin admissions", "list", "/api/v1/admissions/", "admin"),
        Endpoint("admin invoices", "list", "/api/v1/invoices/", "admin"),
        Endpoint("doctor appointments", "list", "/api/v1/appointments/", "doctor"),
        Endpoint("doctor patients", "list", "/api/v1/patients/", "doctor"),
        Endpoint("doctor admissions", "list", "/api/v1/admissions/", "doctor"),
        Endpoint("patient appointments", "list", "/api/v1/appointments/", "patient"),
        Endpoint("patient admissions", "list", "/api/v1/admissions/", "patient"),
        Endpoint("patient invoices", "list", "/api/v1/invoices/", "patient"),
        Endpoint("doctor directory", "list", "/api/v1/doctors/directory/", "patient"),
        Endpoint("departments", "list", "/api/v1/departments/", "patient"),
        Endpoint(
            "doctor slots",
            "list",
            f"/api/v1/doctors/{doctor.pk}/slots/?date={day.isoformat()}",
            "patient",
        ),
        Endpoint("patient detail", "detail", f"/api/v1/patients/{patient.pk}/", "admin"),
        Endpoint("doctor detail", "detail", f"/api/v1/doctors/{doctor.pk}/", "admin"),
        Endpoint(
            "appointment detail", "detail", f"/api/v1/appointments/{appointment.pk}/", "admin"
        ),
        Endpoint("admission detail", "detail", f"/api/v1/admissions/{admission.pk}/", "admin"),
        Endpoint(
            "discharge preview",
            "detail",
            f"/api/v1/admissions/{admission.pk}/discharge/preview/",
            "admin",
            method="POST",
            body={"doctor_fee": "1000.00", "medicine_cost": "250.00", "other_charge": "100.00"},
        ),
        Endpoint("hospital", "detail", "/api/v1/hospital/", "patient"),
        Endpoint("invoice detail", "detail", f"/api/v1/invoices/{invoice.pk}/", "admin"),
        Endpoint("invoice PDF (stored)", "pdf", f"/api/v1/invoices/{invoice.pk}/pdf/", "admin"),
        Endpoint("invoice PDF (patient)", "pdf", f"/api/v1/invoices/{invoice.pk}/pdf/", "patient"),
    ]


def accounts() -> dict[str, str]:
    """The username of each role's account (the doctor and patient of the measured rows)."""
    from benchmarks.seed import admin_username, doctor_username
    from hms.billing.models import Invoice
    from hms.doctors.models import Doctor

    doctor = Doctor.objects.get(user__username=doctor_username(0))
    invoice = Invoice.objects.filter(patient__assigned_doctor=doctor).order_by("id").first()
    assert invoice is not None
    return {
        "admin": admin_username(0),
        "doctor": doctor_username(0),
        "patient": invoice.patient.user.username,
    }


# --- the instrumented pass ---------------------------------------------------------------------


def instrumented_pass(
    points: list[Endpoint], usernames: dict[str, str], explain_to: Path | None
) -> dict[str, dict[str, Any]]:
    """Queries, status and bytes of one request per endpoint (after one warm-up request)."""
    from contextlib import nullcontext

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.access_events_off import access_events_off
    from benchmarks.seed import PASSWORD

    client = Client()
    tokens: dict[str, str] = {}
    for role, username in usernames.items():
        response = client.post(
            "/api/v1/auth/token/",
            {"username": username, "password": PASSWORD},
            content_type="application/json",
        )
        if response.status_code != 200:
            raise SystemExit(f"bench: login of {username} answered {response.status_code}")
        tokens[role] = response.json()["access"]
    found: dict[str, dict[str, Any]] = {}
    plans: list[str] = []
    for point in points:
        headers: dict[str, str] = {}
        if point.role:
            headers["Authorization"] = f"Bearer {tokens[point.role]}"

        def call(extra: dict[str, str], point: Endpoint = point, headers: dict = headers) -> Any:
            merged = {**headers, **extra}
            if point.method == "POST":
                return client.post(
                    point.path, point.body, content_type="application/json", headers=merged
                )
            return client.get(point.path, headers=merged)

        with access_events_off() if point.events_off else nullcontext():
            call({})
            # Django empties the query log when a request starts; start the capture from empty.
            reset_queries()
            with CaptureQueriesContext(connection) as capture:
                response = call({})
            # Read now: the next request empties the log that `captured_queries` slices.
            captured = list(capture.captured_queries)
            compressed = call({"Accept-Encoding": "gzip"})
        found[point.name] = {
            "status": response.status_code,
            "queries": len(captured),
            "bytes_plain": len(response.content),
            "bytes_gzip": len(compressed.content),
            "gzip": compressed.get("Content-Encoding") == "gzip",
        }
        if explain_to is not None and point.kind in {"list", "dashboard", "reference"}:
            plans.append(f"===== {point.name}: {point.method} {point.path}")
            with connection.cursor() as cursor:
                for query in captured:
                    sql = query["sql"]
                    if not sql.lstrip().upper().startswith("SELECT"):
                        continue
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                    plans.append(f"--- {sql}\n{plan}\n")
    if explain_to is not None:
        explain_to.write_text("\n".join(plans), encoding="utf-8")
        print(f"bench: query plans written to {explain_to}")
    return found


# --- first render after a restart --------------------------------------------------------------

_RENDER_PROBE = """
import os, statistics, sys, time
sys.path.insert(0, {backend!r})
started = time.perf_counter()
if {through_wsgi}:
    import config.wsgi  # what a gunicorn worker runs when it starts
else:
    import django
    django.setup()
    import hms.billing.pdf
start_cost = time.perf_counter() - started
from django.utils import timezone
from hms.billing.pdf import invoice_render_pdf
from benchmarks.seed import _sample_invoice
times = []
for index in range(8):
    invoice = _sample_invoice(100 + index, timezone.now())
    began = time.perf_counter()
    invoice_render_pdf(invoice=invoice)
    times.append(time.perf_counter() - began)
print(start_cost, times[0], statistics.median(times[1:]))
"""


def render_costs() -> dict[str, float]:
    """First invoice render in a fresh process, with and without the worker warm-up, in ms."""
    costs: dict[str, float] = {}
    for label, through_wsgi in (("without_warm_up", False), ("with_warm_up", True)):
        code = _RENDER_PROBE.format(backend=str(BACKEND), through_wsgi=through_wsgi)
        output = subprocess.run(  # noqa: S603 - our own probe, run by this interpreter
            [sys.executable, "-c", code],
            cwd=BACKEND,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        start_cost, first, warm = (float(value) * 1000 for value in output[-3:])
        costs[f"{label}_worker_start_ms"] = round(start_cost, 1)
        costs[f"{label}_first_render_ms"] = round(first, 1)
        costs[f"{label}_warm_render_ms"] = round(warm, 1)
    return costs


# --- the server ----------------------------------------------------------------------------


@contextmanager
def gunicorn(log: Path, port: int = PORT, settings: str | None = None) -> Iterator[None]:
    base = f"http://127.0.0.1:{port}"
    server_env = {**SERVER_ENV, **({"DJANGO_SETTINGS_MODULE": settings} if settings else {})}
    command = [
        str(BACKEND / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--timeout",
        "60",
        "--graceful-timeout",
        "10",
        "--no-control-socket",
    ]

    def answers() -> bool:
        try:
            with urllib.request.urlopen(f"{base}/api/v1/health/live/", timeout=2):  # noqa: S310
                return True
        except OSError:
            return False

    with _running(command, {**os.environ, **server_env}, log, ready=answers, name="gunicorn"):
        yield


@contextmanager
def _running(
    command: list[str],
    environment: dict[str, str],
    log: Path,
    *,
    ready: Callable[[], bool],
    name: str,
) -> Iterator[None]:
    """`command` running from BACKEND, its output in `log`, once `ready()` (within 60 s); sent
    SIGTERM on the way out (killed after 20 s)."""
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - our own server or worker, fixed arguments
            command, cwd=BACKEND, env=environment, stdout=output, stderr=output
        )
        try:
            deadline = time.monotonic() + 60
            while not ready():
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"bench: {name} did not start; see {log}")
                time.sleep(0.3)
            yield
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def celery_worker(log: Path) -> Iterator[None]:
    """The Celery worker of the deployment (one process: the machine is the server's too),
    consuming BROKER_URL's queue, emptied first (tasks of an earlier run name rows reseeded
    since)."""
    import redis

    redis.Redis.from_url(BROKER_URL).flushdb()
    # At a lower CPU priority than the server: an e-mail may wait for a quiet moment, a page
    # may not (the deployment's worker gets a smaller CPU share for the same reason).
    command = [
        "nice",
        "-n",
        "10",
        str(BACKEND / ".venv" / "bin" / "celery"),
        "-A",
        "config",
        "worker",
        "--concurrency",
        "1",
        "--loglevel",
        "INFO",
        "--without-gossip",
        "--without-mingle",
    ]

    def ready() -> bool:
        return " ready." in log.read_text(encoding="utf-8", errors="replace")

    with _running(
        command, {**os.environ, **SERVER_ENV}, log, ready=ready, name="the Celery worker"
    ):
        yield


def http_token(username: str) -> str:
    from benchmarks.seed import PASSWORD

    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{BASE}/api/v1/auth/token/", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return str(json.load(response)["access"])


# --- wrk -----------------------------------------------------------------------------------

_WRK_DONE = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "BENCHJSON {\\"requests\\": %d, \\"duration_us\\": %d, "
    .. "\\"p50_us\\": %d, \\"p99_us\\": %d, \\"errors\\": %d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors))
end
"""


def wrk_script(point: Endpoint, token: str | None, directory: Path) -> Path:
    lines = [f'wrk.method = "{point.method}"']
    if token:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
    if GZIP:
        lines.append('wrk.headers["Accept-Encoding"] = "gzip"')
    if point.body is not None:
        lines.append('wrk.headers["Content-Type"] = "application/json"')
        lines.append(f"wrk.body = {json.dumps(json.dumps(point.body))}")
    path = directory / f"{re.sub(r'[^a-z0-9]+', '-', point.name.lower())}.lua"
    path.write_text("\n".join(lines) + "\n" + _WRK_DONE, encoding="utf-8")
    return path


def wrk(point: Endpoint, script: Path, concurrency: int) -> Sample:
    command = [
        "wrk",
        f"--threads={min(concurrency, 2)}",
        f"--connections={concurrency}",
        f"--duration={DURATION}s",
        "--timeout=10s",
        f"--script={script}",
        point.base + point.path,
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    _drain_server(point.base)
    line = next(line for line in output.splitlines() if line.startswith("BENCHJSON "))
    data = json.loads(line.removeprefix("BENCHJSON "))
    if data["requests"] == 0:
        # No answer within the run: count it as an error, never as a 0 ms latency.
        return Sample(
            requests_per_second=0.0,
            p50_ms=DURATION * 1000.0,
            p99_ms=DURATION * 1000.0,
            errors=max(data["errors"], 1),
        )
    seconds = data["duration_us"] / 1_000_000
    return Sample(
        requests_per_second=data["requests"] / seconds if seconds else 0.0,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=data["errors"],
    )


def _drain_server(base: str = BASE) -> None:
    """Wait until the requests wrk left queued are answered, so the next run starts clean.

    A probe request joins the end of the listen queue: once two probes in a row are answered,
    every request accepted before them has been served.
    """
    for _ in range(2):
        with urllib.request.urlopen(f"{base}/api/v1/health/live/", timeout=120):  # noqa: S310
            pass


def schedule(points: list[Endpoint]) -> list[tuple[Endpoint, int]]:
    """One round: per concurrency, a reference run before every block of REF_EVERY endpoints."""
    reference = next(point for point in points if point.kind == "reference")
    others = [point for point in points if point.kind != "reference"]
    order: list[tuple[Endpoint, int]] = []
    for concurrency in sorted(set(CONCURRENCY) | set(LOGIN_CONCURRENCY)):
        block: list[Endpoint] = []
        for point in others:
            levels = LOGIN_CONCURRENCY if point.kind == "login" else CONCURRENCY
            if concurrency in levels:
                block.append(point)
        if concurrency not in CONCURRENCY:
            order.extend((point, concurrency) for point in block)
            continue
        for start in range(0, len(block), REF_EVERY):
            order.append((reference, concurrency))
            order.extend((point, concurrency) for point in block[start : start + REF_EVERY])
        order.append((reference, concurrency))
    return order


# --- the report ----------------------------------------------------------------------------


def targets(rows: list[Row], renders: dict[str, float], references: dict[int, Row]) -> list[str]:
    """Each of the performance targets, held or not, from this run's numbers."""
    verdicts = []
    top = max(CONCURRENCY)
    reference = references.get(top)

    def verdict(ok: bool, text: str) -> None:
        verdicts.append(f"{'HOLDS' if ok else 'FAILS'}  {text}")

    for row in rows:
        point, c = row.endpoint, row.concurrency
        if reference is None or c != top or point.kind == "reference":
            continue
        throughput = row.median("requests_per_second") / reference.median("requests_per_second")
        p99 = row.median("p99_ms") / reference.median("p99_ms")
        if point.kind == "list":
            verdict(
                throughput >= 0.67 and p99 <= 1.5,
                f"{point.name}: throughput {throughput:.2f} x (>= 0.67), p99 {p99:.2f} x (<= 1.5)",
            )
        elif point.kind == "detail":
            verdict(p99 <= 1.0, f"{point.name}: p99 {p99:.2f} x (<= 1.0)")
        elif point.kind == "pdf":
            verdict(throughput >= 0.67, f"{point.name}: throughput {throughput:.2f} x (>= 0.67)")
    limits = {"list": 5, "detail": 4, "dashboard": 5, "pdf": 4}
    for row in rows:
        if row.concurrency != top or row.queries is None:
            continue
        limit = limits.get(row.endpoint.kind)
        if limit is not None:
            verdict(
                row.queries <= limit,
                f"{row.endpoint.name}: {row.queries} queries (<= {limit})",
            )
        if row.endpoint.kind == "list" and row.bytes_gzip is not None:
            verdict(
                row.bytes_gzip <= 10_240,
                f"{row.endpoint.name}: {row.bytes_gzip} bytes on the wire "
                f"({row.bytes_plain} plain; <= 10 KB)",
            )
    for row in rows:
        if row.endpoint.kind == "login" and row.concurrency == 4:
            rate, p50 = row.median("requests_per_second"), row.median("p50_ms")
            verdict(
                rate >= 30 and p50 <= 60,
                f"login at c=4: {rate:.1f}/s (>= 30), p50 {p50:.0f} ms (<= 60)",
            )
    if renders:
        first = renders["with_warm_up_first_render_ms"]
        warm = renders["with_warm_up_warm_render_ms"]
        verdict(
            first <= 2 * warm, f"first render after start {first:.0f} ms <= 2 x warm {warm:.0f} ms"
        )
    return verdicts


def report(rows: list[Row], renders: dict[str, float], started: datetime) -> Path:
    references = {row.concurrency: row for row in rows if row.endpoint.kind == "reference"}
    header = (
        f"{'endpoint':<28} {'c':>3} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'tput/ref':>8} {'p99/ref':>8} {'queries':>7} {'bytes':>7} {'gzip':>6} {'err':>4}"
    )
    print()
    print(
        f"HMS bench at scale {SCALE}: {WORKERS} gunicorn sync workers, production settings, "
        f"median of {ROUNDS} rounds of {DURATION} s; {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print(header)
    print("-" * len(header))
    payload_rows = []
    for row in sorted(rows, key=lambda r: (r.concurrency, r.endpoint.kind != "reference")):
        rate, p50, p99 = (row.median(a) for a in ("requests_per_second", "p50_ms", "p99_ms"))
        reference = references.get(row.concurrency)
        tput_ratio = rate / reference.median("requests_per_second") if reference else None
        p99_ratio = p99 / reference.median("p99_ms") if reference else None
        errors = sum(sample.errors for sample in row.samples)
        print(
            f"{row.endpoint.name:<28} {row.concurrency:>3} {rate:>8.1f} {p50:>8.1f} {p99:>8.1f} "
            f"{tput_ratio if tput_ratio is not None else float('nan'):>8.2f} "
            f"{p99_ratio if p99_ratio is not None else float('nan'):>8.2f} "
            f"{row.queries if row.queries is not None else '-':>7} "
            f"{row.bytes_plain if row.bytes_plain is not None else '-':>7} "
            f"{row.bytes_gzip if row.bytes_gzip is not None else '-':>6} {errors:>4}"
        )
        payload_rows.append(
            {
                **asdict(row.endpoint),
                "concurrency": row.concurrency,
                "requests_per_second": round(rate, 1),
                "p50_ms": round(p50, 2),
                "p99_ms": round(p99, 2),
                "throughput_ratio": round(tput_ratio, 3) if tput_ratio is not None else None,
                "p99_ratio": round(p99_ratio, 3) if p99_ratio is not None else None,
                "queries": row.queries,
                "status": row.status,
                "bytes_plain": row.bytes_plain,
                "bytes_gzip": row.bytes_gzip,
                "errors": errors,
                "samples": [asdict(sample) for sample in row.samples],
            }
        )
    if renders:
        print()
        print(
            "Invoice render in a fresh worker: first {without_warm_up_first_render_ms} ms without "
            "the warm-up, {with_warm_up_first_render_ms} ms after it (warm: "
            "{with_warm_up_warm_render_ms} ms; the warm-up adds {with_warm_up_worker_start_ms} ms "
            "to the worker start, {without_warm_up_worker_start_ms} ms without it)".format(
                **renders
            )
        )
    losses = access_event_losses(rows)
    verdicts = targets(rows, renders, references) + print_access_event_losses(losses)
    print()
    print(f"Targets (c = {max(CONCURRENCY)} for the ratios):")
    for line in verdicts:
        print("  " + line)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-scale{SCALE}-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(
        json.dumps(
            {
                "started_at": started.isoformat(),
                "scale": SCALE,
                "rounds": ROUNDS,
                "duration_s": DURATION,
                "workers": WORKERS,
                "gzip_requested": GZIP,
                "cpus": os.cpu_count(),
                "rows": payload_rows,
                "renders": renders,
                "access_events": ACCESS_EVENTS,
                "access_event_losses": losses,
                "targets": verdicts,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"\nbench: results written to {path}")
    return path


# --- access events on and off (BENCH_ACCESS_EVENTS) -------------------------------------------

# The kinds of endpoint whose answers write an access event.
_RECORDING_KINDS = frozenset({"list", "detail", "dashboard", "pdf"})
_OFF = " [events off]"


def with_access_events_off(points: list[Endpoint]) -> list[Endpoint]:
    """off: every endpoint on the server without access events; both: each recording endpoint
    followed by its twin on that server."""
    if ACCESS_EVENTS == "off":
        return [replace(p, events_off=True) if p.kind != "reference" else p for p in points]
    if ACCESS_EVENTS == "on":
        return points
    paired: list[Endpoint] = []
    for point in points:
        paired.append(point)
        if point.kind in _RECORDING_KINDS:
            paired.append(replace(point, name=point.name + _OFF, events_off=True))
    return paired


def alternate_twins(
    order: list[tuple[Endpoint, int]], round_number: int
) -> list[tuple[Endpoint, int]]:
    """Every other round measures each twin before its original, so neither always goes first."""
    if round_number % 2:
        return order
    swapped = list(order)
    for index in range(len(swapped) - 1):
        (first, c1), (second, c2) = swapped[index], swapped[index + 1]
        if c1 == c2 and second.name == first.name + _OFF:
            swapped[index], swapped[index + 1] = swapped[index + 1], swapped[index]
    return swapped


def access_event_losses(rows: list[Row]) -> list[dict[str, Any]]:
    """Per endpoint and concurrency: req/s with and without access events, and the loss.

    `loss` compares the medians; `round_loss` is the median of each round's loss (the two
    runs of a round are made back to back).
    """
    by_name = {(row.endpoint.name, row.concurrency): row for row in rows}
    losses = []
    for row in rows:
        twin = by_name.get((row.endpoint.name + _OFF, row.concurrency))
        if twin is None:
            continue
        on, off = row.median("requests_per_second"), twin.median("requests_per_second")
        per_round = [
            1 - a.requests_per_second / b.requests_per_second
            for a, b in zip(row.samples, twin.samples, strict=False)
            if b.requests_per_second
        ]
        losses.append(
            {
                "endpoint": row.endpoint.name,
                "kind": row.endpoint.kind,
                "concurrency": row.concurrency,
                "on_requests_per_second": round(on, 1),
                "off_requests_per_second": round(off, 1),
                "loss": round(1 - on / off, 4) if off else None,
                "round_loss": round(statistics.median(per_round), 4) if per_round else None,
                "queries_on": row.queries,
                "queries_off": twin.queries,
            }
        )
    return losses


def print_access_event_losses(losses: list[dict[str, Any]]) -> list[str]:
    """Print the on/off table; return the verdicts (lists at the top concurrency: <= 10 %)."""
    if not losses:
        return []
    header = (
        f"{'endpoint':<28} {'c':>3} {'on req/s':>9} {'off req/s':>9} {'loss':>7} "
        f"{'rounds':>7} {'queries':>8}"
    )
    print()
    print("Access events on vs off (loss = 1 - on/off; rounds: median of each round's loss):")
    print(header)
    print("-" * len(header))
    verdicts = []
    for item in sorted(losses, key=lambda i: (i["concurrency"], i["endpoint"])):
        loss, rounds = item["loss"], item["round_loss"]
        print(
            f"{item['endpoint']:<28} {item['concurrency']:>3} "
            f"{item['on_requests_per_second']:>9.1f} {item['off_requests_per_second']:>9.1f} "
            f"{'-' if loss is None else f'{loss:.1%}':>7} "
            f"{'-' if rounds is None else f'{rounds:.1%}':>7} "
            f"{item['queries_on']!s:>3} / {item['queries_off']!s:<2}"
        )
        top = item["concurrency"] == max(CONCURRENCY)
        if item["kind"] == "list" and top and rounds is not None:
            verdicts.append(
                f"{'HOLDS' if rounds <= 0.10 else 'FAILS'}  {item['endpoint']}: access events "
                f"cost {rounds:.1%} of the throughput at c={item['concurrency']} (<= 10 %)"
            )
    return verdicts


# --- main ----------------------------------------------------------------------------------


def run_endpoints(started: datetime) -> None:
    points = endpoints()
    if ONLY:
        points = [p for p in points if p.kind == "reference" or re.search(ONLY, p.name)]
    points = with_access_events_off(points)
    usernames = accounts()
    explain_to = RESULTS / f"explain-scale{SCALE}.txt" if EXPLAIN else None
    RESULTS.mkdir(parents=True, exist_ok=True)
    print("bench: instrumented pass (queries and bytes per request)")
    found = instrumented_pass(points, usernames, explain_to)
    for name, values in found.items():
        if values["status"] >= 400:
            print(f"bench: WARNING {name} answered {values['status']}")
    print("bench: first-render probe")
    renders = render_costs()
    rows: dict[tuple[str, int], Row] = {}
    with ExitStack() as servers:
        scratch = servers.enter_context(tempfile.TemporaryDirectory(prefix="hms-bench-"))
        off = EVENTS_OFF_SETTINGS if ACCESS_EVENTS == "off" else None
        servers.enter_context(celery_worker(RESULTS / "celery.log"))
        servers.enter_context(gunicorn(RESULTS / "gunicorn.log", settings=off))
        if ACCESS_EVENTS == "both":
            servers.enter_context(
                gunicorn(
                    RESULTS / "gunicorn-events-off.log",
                    port=EVENTS_OFF_PORT,
                    settings=EVENTS_OFF_SETTINGS,
                )
            )
        tokens = {role: http_token(username) for role, username in usernames.items()}
        scripts = {
            point.name: wrk_script(point, tokens.get(point.role or ""), Path(scratch))
            for point in points
        }
        order = schedule(points)
        for round_number in range(1, ROUNDS + 1):
            print(f"bench: round {round_number} of {ROUNDS} ({len(order)} runs of {DURATION} s)")
            for point, concurrency in alternate_twins(order, round_number):
                sample = wrk(point, scripts[point.name], concurrency)
                row = rows.setdefault((point.name, concurrency), Row(point, concurrency))
                row.samples.append(sample)
    for (name, _), row in rows.items():
        values = found[name]
        row.queries, row.status = values["queries"], values["status"]
        row.bytes_plain, row.bytes_gzip = values["bytes_plain"], values["bytes_gzip"]
    report(list(rows.values()), renders, started)


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds, so the gunicorn it started is stopped too


def main() -> None:
    signal.signal(signal.SIGTERM, _stop)
    started = datetime.now(UTC)
    if shutil.which("wrk") is None and MODE == "endpoints":
        raise SystemExit("bench: wrk is missing; run scripts/install-bench-deps.sh")
    prepare_database()
    if MODE == "endpoints":
        run_endpoints(started)
    elif MODE == "day":
        from benchmarks.day import run_day

        with celery_worker(RESULTS / "celery-day.log"), gunicorn(RESULTS / "gunicorn-day.log"):
            run_day(base=BASE, scale=SCALE, results=RESULTS, started=started)
    else:
        raise SystemExit(f"bench: BENCH_MODE must be 'endpoints' or 'day', not {MODE!r}")


if __name__ == "__main__":
    main()
