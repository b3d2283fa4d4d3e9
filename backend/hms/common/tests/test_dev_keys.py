"""No signing key committed to the repository is ever accepted; local keys are per checkout."""

from __future__ import annotations

import ast
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import jwt
import pytest
from django.utils import timezone

from config.dev_keys import dev_keys
from hms.accounts.sessions import session_start

BACKEND = Path(__file__).resolve().parents[3]
REPO = BACKEND.parent
ME_URL = "/api/v1/auth/me/"


def committed_key_candidates() -> list[str]:
    """Every string in the settings (and the example environment) that could serve as a key."""
    found: set[str] = set()
    for path in sorted((BACKEND / "config").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(node.value) >= 16
                and not re.search(r"\s", node.value)
            ):
                found.add(node.value)
    for path in [REPO / ".env.example", REPO / "docker-compose.yml"]:
        found.update(re.findall(r"[^\s=\"'${}:,]{24,}", path.read_text(encoding="utf-8")))
    # The keys earlier versions committed (still refused by production settings by name).
    found.update(
        {
            "local-development-only-not-a-secret-padding-to-a-safe-length",
            "test-only-not-a-secret-padding-to-a-safe-hmac-key-length",
        }
    )
    return sorted(found)


def forged(claims: dict, key: str) -> str:
    return jwt.encode(claims, key, algorithm="HS256")


def test_the_candidate_list_is_not_empty():
    candidates = committed_key_candidates()

    assert "local-development-only-not-a-secret-padding-to-a-safe-length" in candidates
    assert len(candidates) > 10


@pytest.mark.django_db
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_a_token_signed_with_any_committed_key_is_refused(api_client, admin_user):
    _session, pair = session_start(
        user=admin_user, user_agent="", ip_address=None, at=timezone.now()
    )
    claims = jwt.decode(pair.access, options={"verify_signature": False})
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {pair.access}")
    assert api_client.get(ME_URL).status_code == 200  # the genuine token of the same session

    statuses = {}
    for key in committed_key_candidates():
        api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {forged(claims, key)}")
        statuses[key] = api_client.get(ME_URL).status_code

    assert set(statuses.values()) == {401}


def test_dev_keys_are_generated_once_private_and_reused(tmp_path):
    path = tmp_path / ".dev-keys"

    first = dev_keys(path)
    second = dev_keys(path)

    assert first == second
    assert set(first) == {"SECRET_KEY", "JWT_SIGNING_KEY"}
    assert first["SECRET_KEY"] != first["JWT_SIGNING_KEY"]
    assert len(first["SECRET_KEY"]) >= 80
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert dev_keys(tmp_path / "other") != first  # each checkout has its own


_CHECK_UNDER_LOCAL_SETTINGS = """
import json, sys, jwt
import django
django.setup()
from django.conf import settings
from rest_framework_simplejwt.exceptions import InvalidToken
from hms.accounts.authentication import ApprovedUserJWTAuthentication

claims = {"token_type": "access", "exp": 4102444800, "iat": 1700000000, "jti": "x",
          "user_id": 1, "sid": 1}
auth = ApprovedUserJWTAuthentication()

def accepted(key):
    try:
        auth.get_validated_token(jwt.encode(claims, key, algorithm="HS256").encode())
    except InvalidToken:
        return False
    return True

candidates = json.loads(sys.stdin.read())
print(json.dumps({
    "secret_key": settings.SECRET_KEY,
    "signing_key": settings.SIMPLE_JWT["SIGNING_KEY"],
    "accepted": [key for key in candidates if accepted(key)],
    "own_key_accepted": accepted(settings.SIMPLE_JWT["SIGNING_KEY"]),
}))
"""


def test_local_settings_sign_only_with_the_checkouts_generated_keys(tmp_path):
    keys_file = tmp_path / ".dev-keys"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "JWT_SIGNING_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HMS_DEV_KEYS_FILE=str(keys_file),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _CHECK_UNDER_LOCAL_SETTINGS],
        input=json.dumps(committed_key_candidates()),
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["accepted"] == []
    assert report["own_key_accepted"] is True
    assert {report["secret_key"], report["signing_key"]} == set(dev_keys(keys_file).values())
