from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[3]
STRONG_SECRET = "x7!kq2#production-secret-for-tests-only-9f8e7d6c5b4a3210zz"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("HMS_", "SECRET_KEY", "DEBUG", "CACHE_URL", "CELERY_"))
    }
    clean["CACHE_URL"] = "redis://127.0.0.1:6379/7"
    clean["CELERY_BROKER_URL"] = "redis://127.0.0.1:6379/8"
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BACKEND,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_a_missing_secret_key():
    result = run_manage("check", HMS_ADMIN_SIGNUP="closed")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_open_admin_signup_policy():
    result = run_manage("check", SECRET_KEY=STRONG_SECRET, HMS_ADMIN_SIGNUP="open")
    assert result.returncode != 0
    assert "HMS_ADMIN_SIGNUP must be 'code' or 'closed' in production." in result.stderr


def test_production_check_deploy_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_SECRET,
        HMS_ADMIN_SIGNUP="closed",
        ALLOWED_HOSTS="hms.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_debug_is_off_unless_set():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        SECRET_KEY=STRONG_SECRET,
        HMS_ADMIN_SIGNUP="closed",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_production_refuses_to_start_without_a_redis_cache():
    for cache_url in ("", "locmem://"):
        result = run_manage(
            "check", SECRET_KEY=STRONG_SECRET, HMS_ADMIN_SIGNUP="closed", CACHE_URL=cache_url
        )
        assert result.returncode != 0
        assert "CACHE_URL must point at Redis" in result.stderr


def test_production_refuses_to_start_without_a_redis_broker():
    for broker_url in ("", "memory://"):
        result = run_manage(
            "check",
            SECRET_KEY=STRONG_SECRET,
            HMS_ADMIN_SIGNUP="closed",
            CELERY_BROKER_URL=broker_url,
        )
        assert result.returncode != 0
        assert "CELERY_BROKER_URL must point at Redis" in result.stderr
