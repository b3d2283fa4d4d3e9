"""Two-factor sign-in: enrolment, the two-step login, single-use codes, required roles, reset."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from django.test import override_settings
from django.utils import timezone

from conftest import bearer_client
from hms.accounts.errors import MfaCodeInvalid, MfaTokenInvalid
from hms.accounts.mfa import (
    MfaChallenge,
    mfa_enrol_begin,
    mfa_enrol_confirm,
    mfa_login_verify,
)
from hms.accounts.models import MfaDevice, MfaRecoveryCode, Session, SessionEndReason
from hms.accounts.services import auth_login
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
MFA_LOGIN_URL = "/api/v1/auth/token/mfa/"
MFA_URL = "/api/v1/auth/mfa/"
# 5 s into a 30 s step, close to the real clock (the JWT library checks expiry against it).
FROZEN = datetime.fromtimestamp((int(time.time()) // 30) * 30 + 5, tz=UTC)


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FROZEN)
    return FROZEN


def enrolled(user, at=FROZEN):
    """Enrol `user` at `at`; returns (TOTP, recovery codes). Uses the step before `at`."""
    secret, _uri = mfa_enrol_begin(user=user, at=at)
    totp = pyotp.TOTP(secret)
    codes = mfa_enrol_confirm(
        user=user,
        code=totp.at(at - timedelta(seconds=30)),
        current_session_id=None,
        at=at,
    )
    return totp, codes


def challenge(username="admin.one", at=FROZEN):
    result = auth_login(username=username, password=DEFAULT_PASSWORD, at=at)
    assert isinstance(result, MfaChallenge)
    return result.token


def verify(token, code, at=FROZEN):
    return mfa_login_verify(mfa_token=token, code=code, user_agent="", ip_address=None, at=at)


def test_enrolment_shows_a_secret_and_uri_then_confirms_with_a_code(frozen, admin_user):
    client = bearer_client(admin_user)

    enrol = client.post(f"{MFA_URL}enrol/")

    assert enrol.status_code == 200
    secret = enrol.json()["secret"]
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    assert enrol.json()["otpauth_uri"] == (
        f"otpauth://totp/HMS%20General%20Hospital:admin.one?secret={secret}"
        "&issuer=HMS%20General%20Hospital"
    )
    wrong = client.post(f"{MFA_URL}confirm/", {"code": "000000"}, format="json")
    if pyotp.TOTP(secret).verify("000000", for_time=frozen, valid_window=1):
        pytest.skip("the random secret's current code happens to be 000000")
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "MFA_CODE_INVALID"
    assert client.get(f"{MFA_URL}status/").json()["enabled"] is False

    confirmed = client.post(
        f"{MFA_URL}confirm/", {"code": pyotp.TOTP(secret).at(frozen)}, format="json"
    )

    assert confirmed.status_code == 200
    codes = confirmed.json()["recovery_codes"]
    assert len(codes) == len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-9]{5}-[a-z2-9]{5}", code) for code in codes)
    stored = set(MfaRecoveryCode.objects.values_list("code_hash", flat=True))
    assert len(stored) == 10 and not stored & set(codes)  # only digests are kept
    assert client.get(f"{MFA_URL}status/").json() == {
        "enabled": True,
        "required_for_role": False,
        "recovery_codes_left": 10,
    }
    again = client.post(f"{MFA_URL}enrol/")
    assert again.status_code == 409
    assert again.json()["code"] == "MFA_ALREADY_ENABLED"
    assert AuditEvent.objects.filter(action="auth.mfa_enable").count() == 1


def test_confirm_without_enrol_is_409(frozen, admin_user):
    response = bearer_client(admin_user).post(
        f"{MFA_URL}confirm/", {"code": "123456"}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "MFA_ENROLMENT_NOT_STARTED"


def test_an_enrolment_begun_but_not_confirmed_leaves_the_password_login_as_it_was(
    frozen, api_client, admin_user
):
    mfa_enrol_begin(user=admin_user, at=frozen)

    response = api_client.post(
        TOKEN_URL, {"username": "admin.one", "password": DEFAULT_PASSWORD}, format="json"
    )

    assert response.status_code == 200
    assert set(response.json()) == {"access", "refresh"}


def test_two_step_login_through_the_api(frozen, api_client, admin_user):
    totp, _codes = enrolled(admin_user)
    sessions_before = Session.objects.count()

    first = api_client.post(
        TOKEN_URL, {"username": "admin.one", "password": DEFAULT_PASSWORD}, format="json"
    )

    assert first.status_code == 200
    assert set(first.json()) == {"mfa_required", "mfa_token"}
    assert first.json()["mfa_required"] is True
    assert Session.objects.count() == sessions_before
    second = api_client.post(
        MFA_LOGIN_URL,
        {"mfa_token": first.json()["mfa_token"], "code": totp.at(frozen), "use_cookie": True},
        format="json",
    )
    assert second.status_code == 200
    assert set(second.json()) == {"access"}
    assert "hms_refresh" in second.cookies
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {second.json()['access']}")
    assert api_client.get("/api/v1/auth/me/").status_code == 200
    assert Session.objects.count() == sessions_before + 1
    replay = api_client.post(
        MFA_LOGIN_URL,
        {"mfa_token": first.json()["mfa_token"], "code": totp.at(frozen)},
        format="json",
    )
    assert replay.status_code == 401
    assert replay.json()["code"] == "MFA_TOKEN_INVALID"


def test_each_code_works_once_with_one_step_of_drift(admin_user):
    totp, _codes = enrolled(admin_user)
    at = FROZEN + timedelta(minutes=2)

    with pytest.raises(MfaCodeInvalid):
        verify(challenge(at=at), totp.at(at - timedelta(seconds=60)), at=at)  # two steps old
    verify(challenge(at=at), totp.at(at - timedelta(seconds=30)), at=at)  # one step old
    with pytest.raises(MfaCodeInvalid):
        verify(challenge(at=at), totp.at(at - timedelta(seconds=30)), at=at)  # reused
    verify(challenge(at=at), totp.at(at + timedelta(seconds=30)), at=at)  # one step ahead
    with pytest.raises(MfaCodeInvalid):
        verify(challenge(at=at), totp.at(at), at=at)  # before the last accepted step


def test_a_recovery_code_works_once(admin_user):
    _totp, codes = enrolled(admin_user)

    verify(challenge(), codes[3].upper().replace("-", " "))
    with pytest.raises(MfaCodeInvalid):
        verify(challenge(), codes[3])

    assert MfaRecoveryCode.objects.filter(used_at__isnull=True).count() == 9
    assert AuditEvent.objects.filter(action="auth.mfa_recovery_code_use").count() == 1


def test_five_wrong_codes_spend_the_challenge(admin_user):
    totp, _codes = enrolled(admin_user)
    token = challenge()
    wrong = "111111" if totp.at(FROZEN) != "111111" else "222222"
    for _ in range(5):
        with pytest.raises(MfaCodeInvalid):
            verify(token, wrong)

    with pytest.raises(MfaTokenInvalid):
        verify(token, totp.at(FROZEN))


def test_an_expired_challenge_is_refused(monkeypatch, admin_user):
    totp, _codes = enrolled(admin_user)
    token = challenge()
    later = time.time() + 301
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    with pytest.raises(MfaTokenInvalid):
        verify(token, totp.at(FROZEN))


@pytest.mark.parametrize("token", ["", "garbage", "eyJjIjoiYSIsInUiOjF9:1u:bad"])
def test_malformed_challenges_are_401_and_say_nothing_about_the_account(api_client, db, token):
    response = api_client.post(MFA_LOGIN_URL, {"mfa_token": token or "x", "code": "123456"})

    assert response.status_code == 401
    assert response.json() == {
        "code": "MFA_TOKEN_INVALID",
        "message": "This sign-in has expired or was already completed. Sign in again.",
        "fields": {},
    }


@override_settings(HMS_MFA_REQUIRED_ROLES=["ADMIN"])
def test_a_required_role_without_mfa_gets_an_enrolment_only_session(frozen, api_client, admin_user):
    login = api_client.post(
        TOKEN_URL, {"username": "admin.one", "password": DEFAULT_PASSWORD}, format="json"
    )

    assert login.status_code == 200
    assert login.json()["mfa_enrolment_required"] is True
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {login.json()['access']}")
    refused = api_client.get("/api/v1/dashboard/")
    assert refused.status_code == 403
    assert refused.json()["code"] == "MFA_ENROLMENT_REQUIRED"
    assert api_client.get("/api/v1/doctors/").status_code == 403
    assert api_client.get("/api/v1/auth/me/").status_code == 200
    assert api_client.get(f"{MFA_URL}status/").json()["required_for_role"] is True

    secret = api_client.post(f"{MFA_URL}enrol/").json()["secret"]
    confirmed = api_client.post(
        f"{MFA_URL}confirm/", {"code": pyotp.TOTP(secret).at(frozen)}, format="json"
    )

    assert confirmed.status_code == 200
    assert api_client.get("/api/v1/dashboard/").status_code == 200  # the same access token


@override_settings(HMS_MFA_REQUIRED_ROLES=["DOCTOR"])
def test_roles_outside_the_setting_sign_in_normally(api_client, admin_user):
    login = api_client.post(
        TOKEN_URL, {"username": "admin.one", "password": DEFAULT_PASSWORD}, format="json"
    )

    assert set(login.json()) == {"access", "refresh"}


@pytest.mark.parametrize("kind", ["doctors", "patients"])
@pytest.mark.parametrize(
    ("caller", "expected"),
    [("anonymous", 401), ("admin", 204), ("doctor", 403), ("patient", 403)],
)
def test_admin_resets_a_users_mfa_permission_matrix(
    api_client, admin_user, make_doctor, make_patient, kind, caller, expected
):
    doctor = make_doctor(user__username="dr.lost.phone")
    patient = make_patient(user__username="pat.lost.phone", assigned_doctor=doctor)
    target = doctor if kind == "doctors" else patient
    enrolled(target.user)
    bearer_client(target.user)  # a session of the target
    client = {
        "anonymous": lambda: api_client,
        "admin": lambda: bearer_client(admin_user),
        "doctor": lambda: bearer_client(doctor.user),
        "patient": lambda: bearer_client(patient.user),
    }[caller]()

    def snapshot():
        return (
            list(MfaDevice.objects.order_by("pk").values_list("pk", "confirmed_at")),
            MfaRecoveryCode.objects.count(),
            list(Session.objects.order_by("pk").values_list("pk", "ended_at")),
            AuditEvent.objects.count(),
        )

    before = snapshot()

    response = client.post(f"/api/v1/{kind}/{target.pk}/mfa/reset/")

    assert response.status_code == expected
    if expected == 204:
        assert not MfaDevice.objects.filter(user=target.user).exists()
        assert not MfaRecoveryCode.objects.filter(user=target.user).exists()
        assert set(
            Session.objects.filter(user=target.user).values_list("end_reason", flat=True)
        ) == {SessionEndReason.MFA_RESET}
        event = AuditEvent.objects.get(action="user.mfa_reset")
        assert (event.actor_id, event.object_id) == (admin_user.pk, str(target.user.pk))
    else:
        assert snapshot() == before


def test_the_reset_mfa_command_turns_mfa_off_for_an_admin(admin_user):
    from django.core.management import call_command

    enrolled(admin_user)

    call_command("reset_mfa", "ADMIN.ONE")

    assert not MfaDevice.objects.filter(user=admin_user).exists()
    event = AuditEvent.objects.get(action="user.mfa_reset")
    assert (event.actor_id, event.object_id) == (None, str(admin_user.pk))
