"""A real Celery worker against Redis delivers one notification e-mail end to end.

The producer (a `manage.py shell` process) creates a notification in a transaction; after the
commit its e-mail task goes to Redis; a `celery worker` process takes it and writes the mail
into a folder (EMAIL_URL=file://). Both share one SQLite file of their own. The Redis database
comes from HMS_TEST_BROKER_URL (default redis://127.0.0.1:6379/4); every key this test makes
lives under a prefix of its own and is deleted afterwards. CI has Redis, so it runs there.
"""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

BACKEND = Path(__file__).resolve().parents[3]
REDIS_URL = os.environ.get("HMS_TEST_BROKER_URL", "redis://127.0.0.1:6379/4")
# Readiness waits on a machine that may be busy; never an assertion on speed.
DEADLINE_SECONDS = 120

pytestmark = pytest.mark.celery_worker

PRODUCE = """
from django.db import transaction
from django.utils import timezone
from hms.accounts.models import Role, User
from hms.notifications.services import notification_create
user = User.objects.create_user(
    username="priya", email="priya@example.org", role=Role.PATIENT, status="APPROVED"
)
with transaction.atomic():
    notification_create(
        recipient=user, kind="APPOINTMENT_APPROVED", text="Your appointment is confirmed.",
        link="/patient/appointments", at=timezone.now(),
    )
print("queued")
"""


def _redis_or_skip() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (set HMS_TEST_BROKER_URL); CI has it")
    return client


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - manage.py of this repository
        [sys.executable, "manage.py", *args],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=DEADLINE_SECONDS,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_worker_delivers_one_e_mail_through_redis(tmp_path):
    client = _redis_or_skip()
    prefix = f"hms-test-{os.getpid()}-{secrets.token_hex(4)}:"
    mail_dir = tmp_path / "mail"
    database = tmp_path / "worker.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("HMS_", "CELERY_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{database}?timeout=30",
        "HMS_DEV_KEYS_FILE": str(tmp_path / "dev-keys"),
        "CACHE_URL": "locmem://",
        "EMAIL_URL": f"file://{mail_dir}",
        "HMS_SITE_URL": "https://hms.example.org",
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_BROKER_KEY_PREFIX": prefix,
    }
    log = tmp_path / "worker.log"
    try:
        _manage(env, "migrate", "--noinput")
        with log.open("wb") as output:
            worker = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "config",
                    "worker",
                    "--pool=solo",
                    "--loglevel=INFO",
                    "--without-heartbeat",
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
            assert "queued" in _manage(env, "shell", "-c", PRODUCE)
            deadline = time.monotonic() + DEADLINE_SECONDS
            while time.monotonic() < deadline and worker.poll() is None:
                if mail_dir.is_dir() and any(mail_dir.iterdir()):
                    with sqlite3.connect(database) as db:
                        status = db.execute(
                            "SELECT status FROM notifications_notificationdelivery"
                        ).fetchall()
                    if status == [("SENT",)]:
                        break
                time.sleep(0.3)
        finally:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait(timeout=30)

        output = log.read_text()
        mails = (
            [path.read_text() for path in sorted(mail_dir.iterdir())] if mail_dir.is_dir() else []
        )
        assert len(mails) == 1, output[-4000:]
        assert "To: priya@example.org" in mails[0]
        assert "Your appointment is confirmed." in mails[0]
        assert "Task notifications.deliver_email" in output
        with sqlite3.connect(database) as db:
            assert db.execute(
                "SELECT status, attempts FROM notifications_notificationdelivery"
            ).fetchall() == [("SENT", 1)]
    finally:
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)
        client.close()
