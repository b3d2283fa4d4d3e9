"""The production path, run for real on this machine (`make production-smoke`).

Two backend "replicas" are started with deploy/serve-production.sh (gunicorn, production settings)
on one fresh PostgreSQL database and one Redis database, as the compose stack runs them: A as
`make serve-production` runs locally (plain HTTP), B as a container behind nginx (HTTPS
redirect on, a real host name, X-Forwarded-* headers). Everything is created through the HTTP
API: an admin signs up with the sign-up code, registers a doctor and a patient, admits and
discharges the patient, and the invoice PDF is downloaded. Then the database is backed up and
restored with deploy/backup.sh and deploy/restore.sh. Where nginx is installed, the real nginx
configuration is put in front of B and checked too, and the web app is loaded in Chromium
under its Content-Security-Policy.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import psycopg
import pypdf
import pytest
import redis
import requests
from deploylib import (
    BACKEND,
    NGINX_DIR,
    REPO,
    SPA_DIST,
    dockerfile_instructions,
    free_port,
    load_compose,
    nginx_binary,
    render_nginx,
    running,
)
from psycopg import sql

pytestmark = pytest.mark.smoke

DEFAULT_DATABASE_URL = "postgres://hms:hms@127.0.0.1:5432/hms"
# The application's own role (CI creates it): the replicas connect as it, `migrate` as the owner.
APP_ROLE = os.environ.get("HMS_SMOKE_APP_ROLE", "hms_app:hms_app")
# The Redis database the replicas share. A run uses only keys under its own prefix and deletes
# just those, so runs sharing a Redis server (or a database number) never disturb each other.
REDIS_URL = os.environ.get("HMS_SMOKE_REDIS_URL", "redis://127.0.0.1:6379/0")
HOSPITAL_NAME = "Smoke Test General Hospital"
PUBLIC_HOST = "hms.example.org"
PASSWORD = "correct-horse-battery-staple-42"
LOGIN_BUDGET = 4
# Settings that must come from this test, never from the shell that runs it.
_INHERITED_BLOCKLIST = (
    "HMS_",
    "DJANGO_",
    "SECURE_",
    "CORS_",
    "GUNICORN_",
    "SECRET_KEY",
    "JWT_SIGNING_KEY",
    "DATABASE_URL",
    "MIGRATION_DATABASE_URL",
    "CACHE_URL",
    "CELERY_",
    "EMAIL_URL",
    "DEBUG",
    "ALLOWED_HOSTS",
    "WEB_CONCURRENCY",
    "LOG_LEVEL",
    "TIME_ZONE",
    "DB_CONN_MAX_AGE",
)


# --- HTTP ---------------------------------------------------------------------------------------


@dataclass
class Client:
    """One browser or integration: its own address (as nginx reports it) and headers."""

    base: str
    client_ip: str
    headers: dict[str, str] = field(default_factory=dict)
    verify: bool = True

    def __post_init__(self) -> None:
        self.http = requests.Session()
        self.http.headers.update({"X-Forwarded-For": self.client_ip, **self.headers})

    def request(
        self, method: str, path: str, *, token: str | None = None, **kwargs: Any
    ) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return self.http.request(
            method,
            self.base + path,
            headers=headers,
            timeout=60,
            allow_redirects=False,
            # Per request: a session's verify=False loses to REQUESTS_CA_BUNDLE in the env.
            verify=self.verify,
            **kwargs,
        )

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, body: dict[str, Any], **kwargs: Any) -> requests.Response:
        return self.request("POST", path, json=body, **kwargs)

    def login(self, username: str, password: str = PASSWORD) -> str:
        response = self.post("/api/v1/auth/token/", {"username": username, "password": password})
        assert response.status_code == 200, response.text
        return str(response.json()["access"])


def _ip(n: int) -> str:
    # Documentation addresses (RFC 5737): only ever a header value, nothing is sent there.
    return f"198.51.100.{n}"


def _expect(response: requests.Response, status: int) -> Any:
    assert response.status_code == status, f"{response.request.method} {response.url}: " + (
        f"{response.status_code} {response.text[:2000]}"
    )
    return response.json() if "json" in response.headers.get("Content-Type", "") else None


# --- the stack ----------------------------------------------------------------------------------


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _as_app_role(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{APP_ROLE}@{parts.hostname}:{parts.port or 5432}"))


def _create_database(base_url: str, name: str) -> str:
    with psycopg.connect(_with_database(base_url, "postgres"), autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return _with_database(base_url, name)


def _drop_database(base_url: str, name: str) -> None:
    with psycopg.connect(_with_database(base_url, "postgres"), autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@dataclass
class Stack:
    base_database_url: str
    database_url: str
    cache_url: str
    cache_prefix: str
    signup_code: str
    env: dict[str, str]
    logs: Path
    spa: Path
    mail: Path


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    assert (SPA_DIST / "index.html").is_file(), "build the web app first: make frontend-build"
    # A snapshot of the built web app: a rebuild of frontend/dist meanwhile cannot disturb it.
    spa = tmp_path_factory.mktemp("spa") / "dist"
    shutil.copytree(SPA_DIST, spa)
    configured = os.environ.get("DATABASE_URL", "")
    base_url = configured if configured.startswith("postgres") else DEFAULT_DATABASE_URL
    base_name = urlsplit(base_url).path.lstrip("/") or "hms"
    name = f"{base_name}_smoke_{os.getpid()}"
    cache_prefix = f"hms-smoke-{os.getpid()}-{secrets.token_hex(4)}"
    cache = redis.Redis.from_url(REDIS_URL)
    try:
        database_url = _create_database(base_url, name)
        signup_code = secrets.token_urlsafe(24)
        mail = tmp_path_factory.mktemp("mail")
        env = {k: v for k, v in os.environ.items() if not k.startswith(_INHERITED_BLOCKLIST)}
        env.update(
            SECRET_KEY=secrets.token_urlsafe(64),
            HMS_ADMIN_SIGNUP="code",
            HMS_ADMIN_SIGNUP_CODE=signup_code,
            DATABASE_URL=_as_app_role(database_url),
            MIGRATION_DATABASE_URL=database_url,
            CACHE_URL=f"{REDIS_URL}?key_prefix={cache_prefix}",
            # Notification e-mails go through Redis to the Celery worker, which writes them here.
            CELERY_BROKER_URL=REDIS_URL,
            CELERY_BROKER_KEY_PREFIX=f"{cache_prefix}:celery:",
            EMAIL_URL=f"file://{mail}",
            HMS_NUM_PROXIES="1",
            # Production requires two-factor sign-in for admins and doctors by default; these
            # journeys sign in with passwords only (two-factor has tests of its own).
            HMS_MFA_REQUIRED_ROLES="",
            HMS_THROTTLE_LOGIN=f"{LOGIN_BUDGET}/min",
            HMS_HOSPITAL_NAME=HOSPITAL_NAME,
            # The module signs in once per role; on a busy machine it may outlast 5 minutes.
            HMS_ACCESS_TOKEN_MINUTES="15",
            WEB_CONCURRENCY="2",
            HMS_SPA_DIST_DIR=str(spa),
        )
        logs = tmp_path_factory.mktemp("logs")
        yield Stack(
            base_url,
            database_url,
            env["CACHE_URL"],
            cache_prefix,
            signup_code,
            env,
            logs,
            spa,
            mail,
        )
    finally:
        for key in cache.scan_iter(match=f"{cache_prefix}:*"):
            cache.delete(key)
        cache.close()
        _drop_database(base_url, name)


@pytest.fixture(scope="module")
def replica_a(stack: Stack) -> Iterator[str]:
    """`make serve-production` as run locally: plain HTTP on 127.0.0.1."""
    port = free_port()
    env = {**stack.env, "HOST": "127.0.0.1", "PORT": str(port)}
    with running(
        [str(REPO / "deploy" / "serve-production.sh")], env=env, log=stack.logs / "a.log", port=port
    ):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def replica_b(stack: Stack, replica_a: str) -> Iterator[str]:
    """A second replica configured as in the container: HTTPS redirect on, a real host name."""
    port = free_port()
    env = {
        **stack.env,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "SECURE_SSL_REDIRECT": "true",
        "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1",
        "WEB_CONCURRENCY": "1",
        # nginx, on this machine, is the proxy whose X-Request-ID the backend keeps.
        "HMS_TRUSTED_PROXIES": "127.0.0.1",
    }
    with running(
        [str(REPO / "deploy" / "serve-production.sh")], env=env, log=stack.logs / "b.log", port=port
    ):
        yield f"http://127.0.0.1:{port}"


def _behind_proxy(base: str, client_ip: str) -> Client:
    """What replica B sees from nginx: the public host name, https, the client's address."""
    return Client(base, client_ip, {"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https"})


@dataclass
class Admin:
    username: str
    token: str


@pytest.fixture(scope="module")
def admin(stack: Stack, replica_a: str) -> Admin:
    client = Client(replica_a, _ip(1))
    body = {
        "username": "smoke.admin",
        "password": PASSWORD,
        "first_name": "Asha",
        "last_name": "Rao",
        "signup_code": stack.signup_code,
    }
    _expect(client.post("/api/v1/auth/signup/admin/", body), 201)
    return Admin("smoke.admin", client.login("smoke.admin"))


@dataclass
class Journey:
    invoice: dict[str, Any]
    doctor_username: str
    patient_username: str


@pytest.fixture(scope="module")
def journey(replica_a: str, admin: Admin) -> Journey:
    """Register a doctor and a patient, admit, discharge: all through the API, as an admin."""
    client = Client(replica_a, _ip(2))
    departments = _expect(client.get("/api/v1/departments/", token=admin.token), 200)
    rows = departments["results"] if isinstance(departments, dict) else departments
    department = rows[0]["code"]
    doctor = _expect(
        client.post(
            "/api/v1/doctors/",
            {
                "username": "dr.smoke",
                "password": PASSWORD,
                "first_name": "Vikram",
                "last_name": "Iyer",
                "mobile": "+91 98450 11111",
                "address": "2 Clinic Lane, Bengaluru",
                "department": department,
            },
            token=admin.token,
        ),
        201,
    )
    patient = _expect(
        client.post(
            "/api/v1/patients/",
            {
                "username": "smoke.patient",
                "password": PASSWORD,
                "first_name": "Meera",
                "last_name": "Nair",
                "email": "smoke.patient@example.org",
                "mobile": "+91 98450 22222",
                "address": "3 Lake Road, Bengaluru",
                "symptoms": "Fever",
            },
            token=admin.token,
        ),
        201,
    )
    today = datetime.now(ZoneInfo("Asia/Kolkata")).date()
    admitted_on = today - timedelta(days=5)
    admission = _expect(
        client.post(
            "/api/v1/admissions/",
            {
                "patient": patient["id"],
                "doctor": doctor["id"],
                "admitted_on": admitted_on.isoformat(),
                "symptoms": "Fever",
                "room": "W-12",
                "room_charge_per_day": "500.00",
            },
            token=admin.token,
        ),
        201,
    )
    assert admission["status"] == "ADMITTED"
    invoice = _expect(
        client.post(
            f"/api/v1/admissions/{admission['id']}/discharge/",
            {
                "discharged_on": (admitted_on + timedelta(days=4)).isoformat(),
                "room_charge_per_day": "500.00",
                "doctor_fee": "1000.00",
                "medicine_cost": "250.00",
                "other_charge": "100.00",
            },
            token=admin.token,
        ),
        201,
    )
    return Journey(invoice, "dr.smoke", "smoke.patient")


@pytest.fixture(scope="module")
def worker(stack: Stack) -> Iterator[Path]:
    """The compose stack's `worker` service: a Celery worker on the replicas' Redis."""
    log = stack.logs / "worker.log"
    env = {**stack.env, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - this repository's Celery app
            [
                str(BACKEND / ".venv" / "bin" / "celery"),
                "-A",
                "config",
                "worker",
                "--loglevel=INFO",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=BACKEND,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


# --- replica A: the local production server -----------------------------------------------------


def test_the_worker_sends_the_discharge_e_mail_through_redis(
    stack: Stack, journey: Journey, worker: Path
):
    deadline = time.monotonic() + 120
    mails: list[str] = []
    while time.monotonic() < deadline and not mails:
        mails = [path.read_text() for path in stack.mail.iterdir()]
        time.sleep(0.5)
    assert len(mails) == 1, worker.read_text()[-4000:]
    number = journey.invoice["number"]
    assert "To: smoke.patient@example.org" in mails[0]
    assert f"Your invoice {number} is ready in the app." in mails[0]
    assert "Fever" not in mails[0]
    assert "Task notifications.deliver_email" in worker.read_text()


def test_health_probes_answer(replica_a: str):
    client = Client(replica_a, _ip(3))
    assert _expect(client.get("/api/v1/health/live/"), 200) == {"status": "ok", "detail": "alive"}
    assert _expect(client.get("/api/v1/health/ready/"), 200) == {"status": "ok", "detail": "ready"}


def test_the_web_app_is_served_at_the_root_and_for_deep_links(stack: Stack, replica_a: str):
    client = Client(replica_a, _ip(3))
    index = (stack.spa / "index.html").read_bytes()
    for path in ("/", "/admin/doctors", "/patient/invoices"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.content == index, path
    script = re.search(rb'<script type="module" crossorigin src="(/assets/[^"]+\.js)"', index)
    assert script, "index.html names no script"
    asset = client.get(script[1].decode())
    assert asset.status_code == 200
    assert asset.headers["Content-Type"].startswith("text/javascript")
    assert asset.content == (stack.spa / script[1].decode().lstrip("/")).read_bytes()
    missing = client.get("/api/v1/no-such-thing/")
    assert (missing.status_code, missing.json()["code"]) == (404, "NOT_FOUND")


def test_django_sets_the_security_headers_behind_https(replica_a: str):
    response = Client(replica_a, _ip(3), {"X-Forwarded-Proto": "https"}).get("/api/v1/health/live/")
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    plain = Client(replica_a, _ip(3)).get("/api/v1/health/live/")
    assert plain.status_code == 200, "SECURE_SSL_REDIRECT is off for the local HTTP server"
    assert "Strict-Transport-Security" not in plain.headers


def test_admin_signup_needs_the_configured_code(replica_a: str):
    client = Client(replica_a, _ip(4))
    body = {
        "username": "would.be.admin",
        "password": PASSWORD,
        "first_name": "Eve",
        "last_name": "Intruder",
    }
    for code in (None, "", "not-the-code-at-all"):
        attempt = body if code is None else {**body, "signup_code": code}
        response = client.post("/api/v1/auth/signup/admin/", attempt)
        assert (response.status_code, response.json()["code"]) == (403, "INVALID_SIGNUP_CODE")
    refused = client.post(
        "/api/v1/auth/token/", {"username": "would.be.admin", "password": PASSWORD}
    )
    assert (refused.status_code, refused.json()["code"]) == (401, "INVALID_CREDENTIALS")


def test_swagger_ui_and_the_schema_are_public_by_default(replica_a: str, admin: Admin, journey):
    client = Client(replica_a, _ip(5))
    page = client.get("/api/docs/")
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    bundle = re.search(r'src="(/static/drf_spectacular_sidecar/[^"]+\.js)"', page.text)
    assert bundle, page.text[:500]
    assert client.get(bundle[1]).status_code == 200, "collectstatic + whitenoise serve the assets"
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/auth/token/:" in schema.content
    assert b"/api/v1/invoices/{id}/pdf/" in schema.content
    # The web app's way in when a deployment limits the docs to admins: a docs cookie, Secure.
    doctor = client.login(journey.doctor_username)
    assert client.request("POST", "/api/docs/session/", token=doctor).status_code == 403
    session = client.request("POST", "/api/docs/session/", token=admin.token)
    assert session.status_code == 204
    cookie = session.headers["Set-Cookie"]
    assert cookie.startswith("hms_docs="), cookie
    for attribute in ("HttpOnly", "Max-Age=600", "Path=/api/", "SameSite=Strict", "Secure"):
        assert attribute in cookie, cookie


def test_the_invoice_pdf_downloads_for_the_admin_and_the_patient_only(
    replica_a: str, replica_b: str, journey: Journey, admin: Admin
):
    invoice = journey.invoice
    assert (invoice["days"], invoice["room_charge"], invoice["total"]) == (4, "2000.00", "3350.00")
    assert re.fullmatch(r"INV-\d{4}-\d{6}", invoice["number"])
    path = f"/api/v1/invoices/{invoice['id']}/pdf/"
    response = Client(replica_a, _ip(6)).get(path, token=admin.token)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="invoice-{invoice["number"]}.pdf"'
    )
    assert response.content.startswith(b"%PDF-")
    assert hashlib.sha256(response.content).hexdigest() == invoice["pdf_sha256"]
    text = "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    assert HOSPITAL_NAME in text
    assert invoice["number"] in text
    # The patient signs in on the other replica and gets the very same bytes.
    patient_client = _behind_proxy(replica_b, _ip(7))
    patient = patient_client.login(journey.patient_username)
    own = patient_client.get(path, token=patient)
    assert own.status_code == 200
    assert own.content == response.content
    doctor = patient_client.login(journey.doctor_username)
    denied = patient_client.get(path, token=doctor)
    assert (denied.status_code, denied.json()["code"]) == (403, "PERMISSION_DENIED")


# --- replica B: as in the container, and both replicas together ----------------------------------


def test_a_replica_behind_the_proxy_redirects_plain_http_and_refuses_other_hosts(replica_b: str):
    plain = Client(replica_b, _ip(8), {"Host": PUBLIC_HOST}).get("/api/v1/health/live/")
    assert plain.status_code == 301
    assert plain.headers["Location"] == f"https://{PUBLIC_HOST}/api/v1/health/live/"
    assert _behind_proxy(replica_b, _ip(8)).get("/api/v1/health/ready/").status_code == 200
    other = Client(replica_b, _ip(8), {"Host": "evil.example", "X-Forwarded-Proto": "https"})
    assert other.get("/api/v1/health/live/").status_code == 400


def _health_check_code(command: list[str], port: int) -> list[str]:
    if command[0] == "CMD":
        command = command[1:]
    assert command[:2] == ["python", "-c"] and len(command) == 3
    code = command[2]
    assert "http://127.0.0.1:8000/" in code
    return [sys.executable, "-c", code.replace("127.0.0.1:8000", f"127.0.0.1:{port}")]


def test_the_container_health_checks_pass_against_a_replica(stack: Stack, replica_b: str):
    port = int(urlsplit(replica_b).port or 0)
    compose_check = load_compose()["services"]["backend"]["healthcheck"]["test"]
    dockerfile_check = json.loads(
        next(
            args
            for kw, args in dockerfile_instructions(BACKEND / "Dockerfile")
            if kw == "HEALTHCHECK"
        ).split("CMD", 1)[1]
    )
    env = {"PATH": os.environ["PATH"], "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1"}
    for command in (compose_check, dockerfile_check):
        result = subprocess.run(  # noqa: S603
            _health_check_code(command, port), env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr


def test_tokens_and_login_throttles_hold_across_replicas(
    stack: Stack, replica_a: str, replica_b: str, admin: Admin
):
    a, b = Client(replica_a, _ip(9)), _behind_proxy(replica_b, _ip(9))
    # A token issued by one replica is honoured by the other: no state lives in a process.
    me = _expect(b.get("/api/v1/auth/me/", token=admin.token), 200)
    assert me["username"] == admin.username
    # Refresh rotation is recorded in the database, for every replica: a rotated token sent again
    # within the grace period (another tab) gets the same successor; logout ends the session.
    pair = _expect(
        a.post("/api/v1/auth/token/", {"username": admin.username, "password": PASSWORD}), 200
    )
    rotated = _expect(b.post("/api/v1/auth/token/refresh/", {"refresh": pair["refresh"]}), 200)
    again = _expect(a.post("/api/v1/auth/token/refresh/", {"refresh": pair["refresh"]}), 200)
    assert again["refresh"] == rotated["refresh"]
    assert b.post("/api/v1/auth/logout/", {"refresh": rotated["refresh"]}).status_code == 204
    assert a.get("/api/v1/auth/me/", token=rotated["access"]).status_code == 401
    reused = a.post("/api/v1/auth/token/refresh/", {"refresh": pair["refresh"]})
    assert reused.status_code == 401
    # One client's login budget is counted in Redis, whichever replica answers.
    attacker_a, attacker_b = Client(replica_a, _ip(10)), _behind_proxy(replica_b, _ip(10))
    # Another username than the admin's: five wrong passwords would lock the admin's account
    # (the per-account lockout, tested on its own) for the tests that follow.
    wrong = {"username": "smoke.nobody", "password": "not-the-password-123"}
    statuses = [
        (attacker_a if i % 2 == 0 else attacker_b).post("/api/v1/auth/token/", wrong).status_code
        for i in range(LOGIN_BUDGET + 2)
    ]
    assert statuses == [401] * LOGIN_BUDGET + [429, 429]
    # ... and only that client's: another address still gets an answer.
    other = _behind_proxy(replica_b, _ip(11)).post("/api/v1/auth/token/", wrong)
    assert other.status_code == 401
    # The counters live in Redis, under this run's own key prefix.
    with redis.Redis.from_url(REDIS_URL) as cache:
        keys = [key.decode() for key in cache.scan_iter(match=f"{stack.cache_prefix}:*")]
    assert any("login" in key for key in keys), keys


# --- backups ------------------------------------------------------------------------------------


def _row_counts(database_url: str) -> dict[str, int]:
    with psycopg.connect(database_url) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        counts = {}
        for table in tables:
            row = connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()
            assert row is not None
            counts[table] = int(row[0])
        return counts


def test_backup_and_restore_round_trip(stack: Stack, journey: Journey, tmp_path: Path):
    dump = tmp_path / "backups" / "hms.dump"
    env = {**os.environ, "DATABASE_URL": stack.database_url}
    backup = subprocess.run(  # noqa: S603
        [str(REPO / "deploy" / "backup.sh"), str(dump)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    assert backup.returncode == 0, backup.stderr
    assert dump.stat().st_mode & 0o077 == 0, "a backup holds patient data: owner-only"
    source = _row_counts(stack.database_url)
    assert source["billing_invoice"] == 1
    name = f"{urlsplit(stack.database_url).path.lstrip('/')}_restored"
    target = _create_database(stack.base_database_url, name)
    try:
        restore_env = {**os.environ, "DATABASE_URL": target}
        refused = subprocess.run(  # noqa: S603
            [str(REPO / "deploy" / "restore.sh"), str(dump)],
            cwd=REPO,
            env=restore_env,
            capture_output=True,
            text=True,
        )
        assert refused.returncode == 2 and "CONFIRM=yes" in refused.stderr
        for _ in range(2):  # restoring over a restored database replaces it again
            restored = subprocess.run(  # noqa: S603
                [str(REPO / "deploy" / "restore.sh"), str(dump)],
                cwd=REPO,
                env={**restore_env, "CONFIRM": "yes"},
                capture_output=True,
                text=True,
            )
            assert restored.returncode == 0, restored.stderr
            assert _row_counts(target) == source
        with psycopg.connect(target) as connection:
            row = connection.execute("SELECT number, pdf_sha256 FROM billing_invoice").fetchone()
        assert row == (journey.invoice["number"], journey.invoice["pdf_sha256"])
    finally:
        _drop_database(stack.base_database_url, name)


# --- nginx in front, as the web image runs it ----------------------------------------------------


def _snippet_headers(*names: str) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name in names:
        text = (NGINX_DIR / "snippets" / name).read_text(encoding="utf-8")
        headers.update(re.findall(r'^add_header ([\w-]+) "([^"]*)" always;$', text, re.MULTILINE))
    assert headers
    return headers


SPA_HEADERS = _snippet_headers("security-headers.conf", "csp-spa.conf")
DOCS_HEADERS = _snippet_headers("security-headers.conf", "csp-api-docs.conf")


@dataclass
class Front:
    https: str
    http: str
    log: Path


@pytest.fixture(scope="module")
def nginx_front(stack: Stack, replica_b: str) -> Iterator[Front]:
    nginx = nginx_binary()
    if nginx is None:
        pytest.skip("nginx is not installed here (apt-get install nginx-light): config not run")
    # nginx's workers drop root, so their files live in a folder everyone may enter.
    workdir = Path(tempfile.mkdtemp(prefix="hms-nginx-"))
    try:
        http_port, https_port = free_port(), free_port()
        html = workdir / "html"
        shutil.copytree(stack.spa, html)
        conf = render_nginx(
            workdir,
            backend=f"127.0.0.1:{urlsplit(replica_b).port}",
            http_port=http_port,
            https_port=https_port,
            dist=html,
        )
        command = [nginx, "-p", str(workdir), "-c", str(conf), "-e", str(workdir / "error.log")]
        with running(command, env=dict(os.environ), log=workdir / "nginx.out", port=https_port):
            yield Front(
                f"https://127.0.0.1:{https_port}",
                f"http://127.0.0.1:{http_port}",
                workdir / "nginx.out",
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _assert_headers(response: requests.Response, expected: dict[str, str]) -> None:
    for name, value in expected.items():
        # requests joins repeated headers with ", ": equality also proves there is one copy.
        assert response.headers.get(name) == value, f"{response.url}: {name}"


def test_nginx_serves_the_web_app_with_the_security_headers(stack: Stack, nginx_front: Front):
    client = Client(nginx_front.https, _ip(20), verify=False)
    index = (stack.spa / "index.html").read_bytes()
    for path in ("/", "/admin/doctors", "/patient/invoices"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content == index, path
        assert response.headers["Cache-Control"] == "no-cache"
        _assert_headers(response, SPA_HEADERS)
    script = re.search(rb'src="(/assets/[^"]+\.js)"', index)
    assert script
    asset = client.get(script[1].decode())
    assert asset.status_code == 200
    assert asset.headers["Cache-Control"] == "max-age=31536000"
    _assert_headers(asset, SPA_HEADERS)
    assert client.get("/assets/no-such-file.js").status_code == 404


def test_nginx_redirects_plain_http_and_answers_its_health_check(nginx_front: Front):
    client = Client(nginx_front.http, _ip(20))
    health = client.get("/nginx-health")
    assert (health.status_code, health.text) == (200, "ok\n")
    redirect = client.get("/admin/doctors?tab=pending")
    assert redirect.status_code == 301
    assert redirect.headers["Location"] == "https://127.0.0.1/admin/doctors?tab=pending"


def test_nginx_proxies_the_api_with_one_copy_of_each_security_header(nginx_front: Front):
    client = Client(nginx_front.https, _ip(21), verify=False)
    ready = client.get("/api/v1/health/ready/")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "detail": "ready"}
    _assert_headers(ready, SPA_HEADERS)
    assert re.fullmatch(r"[0-9a-f]{32}", ready.headers["X-Request-ID"]), "nginx's request id"
    missing = client.get("/api/v1/no-such-thing/")
    assert (missing.status_code, missing.json()["code"]) == (404, "NOT_FOUND")


def test_nginx_and_django_refuse_large_bodies_in_the_api_error_shape(nginx_front: Front):
    client = Client(nginx_front.https, _ip(22), verify=False)
    headers = {"Content-Type": "application/json"}
    for size in (3 * 1024 * 1024, 1536 * 1024):  # above nginx's limit; above only Django's
        response = client.request(
            "POST", "/api/v1/auth/token/", data=b" " * size, headers=dict(headers)
        )
        assert response.status_code == 413, size
        assert response.json()["code"] == "PAYLOAD_TOO_LARGE", size


def test_swagger_ui_through_nginx_is_public_with_its_own_policy(nginx_front: Front):
    client = Client(nginx_front.https, _ip(23), verify=False)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    _assert_headers(page, DOCS_HEADERS)
    bundle = re.search(r'src="(/static/drf_spectacular_sidecar/[^"]+\.js)"', page.text)
    assert bundle
    assert client.get(bundle[1]).status_code == 200


def test_nginx_compresses_api_json_but_never_token_answers(nginx_front: Front, admin: Admin):
    client = Client(nginx_front.https, _ip(25), verify=False)
    gzip_only = {"Accept-Encoding": "gzip"}
    departments = client.get("/api/v1/departments/", token=admin.token, headers=dict(gzip_only))
    assert departments.status_code == 200
    assert departments.headers["Content-Encoding"] == "gzip"
    assert len(departments.json()) >= 1
    body = {"username": admin.username, "password": PASSWORD}
    for extra in ({}, {"use_cookie": True}):
        token = client.request(
            "POST", "/api/v1/auth/token/", json={**body, **extra}, headers=dict(gzip_only)
        )
        assert token.status_code == 200
        assert "Content-Encoding" not in token.headers
        assert "access" in token.json()


def test_the_invoice_pdf_through_nginx(nginx_front: Front, journey: Journey):
    client = Client(nginx_front.https, _ip(24), verify=False)
    token = client.login(journey.patient_username)
    response = client.get(f"/api/v1/invoices/{journey.invoice['id']}/pdf/", token=token)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert hashlib.sha256(response.content).hexdigest() == journey.invoice["pdf_sha256"]


def _load_in_chromium(url: str, tmp_path: Path) -> None:
    """Open `url` in headless Chromium: no CSP violation, and the SPA's login form renders."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed here (apt-get install chromium): CSP not run")
    # The login form appears once the SPA knows there is no session to restore (no session hint
    # cookie: it asks nothing). A page dumped while still "Restoring your session" (seen under
    # load when that start-up went through a refresh request) is loaded again, at most three
    # times; a CSP violation fails at once, on any load.
    for attempt in range(3):
        result = subprocess.run(  # noqa: S603
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--ignore-certificate-errors",
                f"--user-data-dir={tmp_path / f'profile-{attempt}'}",
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=10000",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        violations = [
            line for line in result.stderr.splitlines() if "Content Security Policy" in line
        ]
        assert not violations, "\n".join(violations)
        # React mounted the app (its script ran) and the login form is on the page.
        assert '<div id="root"></div>' not in result.stdout
        if 'type="password"' in result.stdout:
            return
    raise AssertionError(result.stdout[-3000:])


def test_the_web_app_runs_under_the_content_security_policy(nginx_front: Front, tmp_path: Path):
    _load_in_chromium(f"{nginx_front.https}/login", tmp_path)


# --- without nginx: what Django answers itself ----------------------------------------------------


def test_without_nginx_django_sends_nginxs_policies_on_every_path(replica_a: str):
    client = Client(replica_a, _ip(30))
    policies = {
        name: SPA_HEADERS[name] for name in ("Content-Security-Policy", "Permissions-Policy")
    }
    for path in ("/", "/login", "/admin/doctors", "/api/v1/health/live/", "/api/v1/nothing/"):
        _assert_headers(client.get(path), policies)
    docs = client.get("/api/docs/")
    assert docs.headers["Content-Security-Policy"] == DOCS_HEADERS["Content-Security-Policy"]


def test_without_nginx_the_web_app_runs_under_djangos_policy(replica_a: str, tmp_path: Path):
    _load_in_chromium(f"{replica_a}/login", tmp_path)


def _error(response: requests.Response) -> tuple[int, str, str]:
    assert response.headers["Content-Type"] == "application/json", response.text[:300]
    return response.status_code, response.json()["code"], response.headers.get("Cache-Control", "")


def test_without_nginx_refusals_before_any_view_are_json(replica_a: str):
    client = Client(replica_a, _ip(31))
    assert _error(client.post("/api/v1/nothing/", {"a": 1})) == (404, "NOT_FOUND", "no-store")
    assert _error(client.request("DELETE", "/api/v1/nothing/")) == (404, "NOT_FOUND", "no-store")
    assert _error(client.get("/api/v1/" + "a" * 5000)) == (414, "URI_TOO_LONG", "no-store")
    bad_host = client.get("/api/v1/health/live/", headers={"Host": "evil.example"})
    assert _error(bad_host) == (400, "BAD_REQUEST", "no-store")


def _log_line(log: Path, needle: str) -> str:
    """The line of `log` holding `needle` (servers write their access line after answering)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if needle in line:
                return line
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} not in {log}")


def test_the_access_log_has_no_query_string_and_the_servers_request_id(
    stack: Stack, replica_a: str, admin: Admin
):
    client = Client(replica_a, _ip(32), {"X-Request-ID": "client-chosen-request-id"})
    response = client.get("/api/v1/patients/?search=cough", token=admin.token)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    line = _log_line(stack.logs / "a.log", f"rid={request_id}")
    assert '"GET /api/v1/patients/ HTTP/1.1" 200' in line
    log = (stack.logs / "a.log").read_text(encoding="utf-8", errors="replace")
    assert "cough" not in log
    assert "client-chosen-request-id" not in log


def test_nginx_answers_what_it_refuses_in_the_api_error_shape(nginx_front: Front):
    client = Client(nginx_front.https, _ip(33), verify=False)
    too_long = client.get("/api/v1/" + "a" * 9000)
    assert (too_long.status_code, too_long.json()["code"]) == (414, "URI_TOO_LONG")
    assert too_long.headers["Content-Type"] == "application/json"
    assert _error(client.get("/api/v1/" + "a" * 5000)) == (414, "URI_TOO_LONG", "no-store")
    assert _error(client.post("/api/v1/nothing/", {"a": 1})) == (404, "NOT_FOUND", "no-store")
    bad_host = client.get("/api/v1/health/live/", headers={"Host": "evil.example"})
    assert _error(bad_host) == (400, "BAD_REQUEST", "no-store")


def test_through_nginx_one_request_id_and_no_query_string_in_either_log(
    stack: Stack, nginx_front: Front, admin: Admin
):
    client = Client(
        nginx_front.https, _ip(34), {"X-Request-ID": "client-chosen-request-id"}, verify=False
    )
    response = client.get("/api/v1/patients/?search=cough", token=admin.token)
    assert response.status_code == 200
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert '"GET /api/v1/patients/ HTTP/1.1" 200' in _log_line(nginx_front.log, request_id)
    assert '"GET /api/v1/patients/ HTTP/1.1" 200' in _log_line(stack.logs / "b.log", request_id)
    for log in (nginx_front.log, stack.logs / "b.log"):
        text = log.read_text(encoding="utf-8", errors="replace")
        assert "cough" not in text, log
        assert "client-chosen-request-id" not in text, log
