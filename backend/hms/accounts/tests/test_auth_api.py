from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from hms.accounts.models import AccountStatus
from hms.accounts.services import user_set_status
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
REFRESH_URL = "/api/v1/auth/token/refresh/"
LOGOUT_URL = "/api/v1/auth/logout/"
ME_URL = "/api/v1/auth/me/"


def login(client, username, password=DEFAULT_PASSWORD, **extra):
    return client.post(
        TOKEN_URL, {"username": username, "password": password, **extra}, format="json"
    )


def test_approved_user_gets_a_token_pair_and_me_works(api_client, admin_user):
    response = login(api_client, "ADMIN.ONE")  # usernames are case-insensitive

    assert response.status_code == 200
    assert set(response.json()) == {"access", "refresh"}
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    me = api_client.get(ME_URL)
    assert me.status_code == 200
    assert me.json()["username"] == "admin.one"
    assert me.json()["role"] == "ADMIN"
    assert me.json()["doctor_id"] is None
    assert AuditEvent.objects.filter(action="auth.login", outcome="SUCCESS").count() == 1


@pytest.mark.parametrize(
    ("status", "http_status", "code"),
    [
        (AccountStatus.PENDING, 403, "ACCOUNT_PENDING_APPROVAL"),
        (AccountStatus.REJECTED, 403, "ACCOUNT_REJECTED"),
        (AccountStatus.DELETED, 401, "INVALID_CREDENTIALS"),
    ],
)
def test_login_answers_by_account_status(api_client, make_doctor, status, http_status, code):
    make_doctor(status=status, user__username="dr.who")

    response = login(api_client, "dr.who")

    assert response.status_code == http_status
    assert response.json()["code"] == code
    assert "access" not in response.json()


def test_pending_message_is_specific(api_client, make_patient):
    make_patient(status=AccountStatus.PENDING, user__username="waiting")

    body = login(api_client, "waiting").json()

    assert body == {
        "code": "ACCOUNT_PENDING_APPROVAL",
        "message": "Your account is awaiting approval by the hospital. "
        "You can sign in once it is approved.",
        "fields": {},
    }


def test_wrong_password_and_unknown_user_get_the_same_answer(api_client, make_patient):
    make_patient(status=AccountStatus.PENDING, user__username="waiting")

    wrong = login(api_client, "waiting", "not-the-password-at-all")
    unknown = login(api_client, "nobody-here", "not-the-password-at-all")

    assert wrong.status_code == unknown.status_code == 401
    assert (
        wrong.json()
        == unknown.json()
        == {
            "code": "INVALID_CREDENTIALS",
            "message": "The username or password is not correct.",
            "fields": {},
        }
    )
    assert AuditEvent.objects.filter(action="auth.login", outcome="FAILURE").count() == 2


@pytest.mark.parametrize("new_status", [AccountStatus.DELETED])
def test_tokens_stop_working_when_an_approved_account_is_deleted(
    api_client, make_doctor, new_status
):
    doctor = make_doctor(user__username="dr.gone")
    tokens = login(api_client, "dr.gone").json()
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert api_client.get(ME_URL).status_code == 200

    with transaction.atomic():
        user_set_status(actor=None, user=doctor.user, status=new_status, at=timezone.now())

    me = api_client.get(ME_URL)
    assert me.status_code == 401
    assert me.json()["code"] == "NOT_AUTHENTICATED"
    api_client.credentials()
    refresh = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
    assert refresh.status_code == 401
    assert refresh.json()["code"] == "INVALID_TOKEN"


def test_refresh_of_a_pending_account_that_gets_rejected_is_refused(api_client, make_doctor):
    doctor = make_doctor(status=AccountStatus.PENDING, user__username="dr.later")
    with transaction.atomic():
        user_set_status(
            actor=None, user=doctor.user, status=AccountStatus.REJECTED, at=timezone.now()
        )
    doctor.user.refresh_from_db()
    assert (doctor.user.status, doctor.user.is_active) == (AccountStatus.REJECTED, False)
    assert login(api_client, "dr.later").json()["code"] == "ACCOUNT_REJECTED"


def test_refresh_rotates_and_the_old_refresh_token_answers_the_same_successor(
    api_client, admin_user
):
    first = login(api_client, "admin.one").json()

    rotated = api_client.post(REFRESH_URL, {"refresh": first["refresh"]}, format="json")
    assert rotated.status_code == 200
    assert set(rotated.json()) == {"access", "refresh"}
    assert rotated.json()["refresh"] != first["refresh"]

    # Within the grace period (another tab refreshing with the same token).
    reused = api_client.post(REFRESH_URL, {"refresh": first["refresh"]}, format="json")
    assert reused.status_code == 200
    assert reused.json()["refresh"] == rotated.json()["refresh"]

    again = api_client.post(REFRESH_URL, {"refresh": rotated.json()["refresh"]}, format="json")
    assert again.status_code == 200
    assert again.json()["refresh"] not in {first["refresh"], rotated.json()["refresh"]}


def test_garbage_refresh_token_is_401(api_client, db):
    response = api_client.post(REFRESH_URL, {"refresh": "not.a.token"}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "INVALID_TOKEN"


def test_logout_ends_the_session_refresh_and_access_tokens_alike(api_client, admin_user):
    tokens = login(api_client, "admin.one").json()

    response = api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}, format="json")

    assert response.status_code == 204
    refused = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
    assert refused.status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    me = api_client.get(ME_URL)
    assert me.status_code == 401
    assert me.json()["code"] == "NOT_AUTHENTICATED"
    assert AuditEvent.objects.filter(action="auth.logout").count() == 1


def test_cookie_mode_sets_an_httponly_strict_cookie_and_hides_the_refresh_token(
    api_client, admin_user
):
    response = login(api_client, "admin.one", use_cookie=True)

    assert response.status_code == 200
    assert set(response.json()) == {"access"}
    cookie = response.cookies[settings.HMS_REFRESH_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/api/v1/auth/"
    assert cookie["secure"] is True  # DEBUG is off in tests
    assert int(cookie["max-age"]) == 86400


def test_cookie_mode_sets_a_readable_session_hint_beside_the_cookie(api_client, admin_user):
    response = login(api_client, "admin.one", use_cookie=True)

    hint = response.cookies[settings.HMS_SESSION_HINT_COOKIE_NAME]
    assert hint.value == "1"
    assert hint["httponly"] == ""
    assert hint["samesite"] == "Strict"
    assert hint["path"] == "/"
    assert hint["secure"] is True
    assert int(hint["max-age"]) == 86400


def test_body_mode_sets_no_cookie_and_no_hint(api_client, admin_user):
    response = login(api_client, "admin.one")

    assert response.status_code == 200
    assert settings.HMS_REFRESH_COOKIE_NAME not in response.cookies
    assert settings.HMS_SESSION_HINT_COOKIE_NAME not in response.cookies


def test_an_invalid_cookie_clears_the_cookie_and_the_hint(api_client, db):
    api_client.cookies[settings.HMS_REFRESH_COOKIE_NAME] = "not-a-token"
    api_client.cookies[settings.HMS_SESSION_HINT_COOKIE_NAME] = "1"

    response = api_client.post(REFRESH_URL, {}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "INVALID_TOKEN"
    assert response.cookies[settings.HMS_REFRESH_COOKIE_NAME].value == ""
    assert response.cookies[settings.HMS_SESSION_HINT_COOKIE_NAME].value == ""
    assert response.cookies[settings.HMS_SESSION_HINT_COOKIE_NAME]["path"] == "/"


def test_cookie_mode_refresh_rotates_the_cookie_and_logout_clears_it(api_client, admin_user):
    login(api_client, "admin.one", use_cookie=True)
    original = api_client.cookies[settings.HMS_REFRESH_COOKIE_NAME].value

    refreshed = api_client.post(REFRESH_URL, {}, format="json")
    assert refreshed.status_code == 200
    assert set(refreshed.json()) == {"access"}
    rotated = refreshed.cookies[settings.HMS_REFRESH_COOKIE_NAME].value
    assert rotated != original
    assert refreshed.cookies[settings.HMS_SESSION_HINT_COOKIE_NAME].value == "1"

    logout = api_client.post(LOGOUT_URL, {}, format="json")
    assert logout.status_code == 204
    assert logout.cookies[settings.HMS_REFRESH_COOKIE_NAME].value == ""
    assert logout.cookies[settings.HMS_SESSION_HINT_COOKIE_NAME].value == ""
    api_client.cookies[settings.HMS_REFRESH_COOKIE_NAME] = rotated
    assert api_client.post(REFRESH_URL, {}, format="json").status_code == 401


def test_refresh_without_any_token_is_401(api_client, db):
    response = api_client.post(REFRESH_URL, {}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "INVALID_TOKEN"


def test_login_is_throttled_with_retry_after(api_client, admin_user):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "login": "3/min"}
    with override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    ):
        from rest_framework.throttling import ScopedRateThrottle

        original = ScopedRateThrottle.THROTTLE_RATES
        ScopedRateThrottle.THROTTLE_RATES = rates
        try:
            statuses = [
                login(api_client, "admin.one", "wrong-password-x").status_code for _ in range(4)
            ]
            throttled = login(api_client, "admin.one")
        finally:
            ScopedRateThrottle.THROTTLE_RATES = original

    assert statuses == [401, 401, 401, 429]
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "THROTTLED"
    assert int(throttled["Retry-After"]) > 0


def test_me_patch_changes_contact_fields_only(client_for, make_patient, make_doctor):
    doctor = make_doctor()
    patient = make_patient(assigned_doctor=doctor, user__username="pat")
    client = client_for(patient.user)

    response = client.patch(
        ME_URL,
        {
            "mobile": "+44 20 7946 0958",
            "address": "221B Baker Street",
            "status": "REJECTED",
            "role": "ADMIN",
            "assigned_doctor": None,
            "symptoms": "edited",
        },
        format="json",
    )

    assert response.status_code == 200
    patient.refresh_from_db()
    patient.user.refresh_from_db()
    assert (patient.mobile, patient.address) == ("+442079460958", "221B Baker Street")
    assert (patient.user.status, patient.user.role) == ("APPROVED", "PATIENT")
    assert patient.assigned_doctor_id == doctor.pk
    assert patient.symptoms == "Fever and cough"
    assert response.json()["assigned_doctor"] == doctor.pk


def test_password_change_needs_the_current_password_and_ends_the_other_sessions(
    api_client, admin_user
):
    other = login(api_client, "admin.one").json()
    tokens = login(api_client, "admin.one").json()
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")

    wrong = api_client.post(
        "/api/v1/auth/password/",
        {"current_password": "nope-nope-nope", "new_password": "another-long-passphrase-7"},
        format="json",
    )
    assert wrong.status_code == 400
    assert wrong.json()["fields"] == {"current_password": ["The current password is not correct."]}

    ok = api_client.post(
        "/api/v1/auth/password/",
        {"current_password": DEFAULT_PASSWORD, "new_password": "another-long-passphrase-7"},
        format="json",
    )
    assert ok.status_code == 204
    admin_user.refresh_from_db()
    assert admin_user.check_password("another-long-passphrase-7")
    # This device stays signed in; the other session is refused at once, access token included.
    assert api_client.get(ME_URL).status_code == 200
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {other['access']}")
    assert api_client.get(ME_URL).status_code == 401
    api_client.credentials()
    assert (
        api_client.post(REFRESH_URL, {"refresh": other["refresh"]}, format="json").status_code
        == 401
    )
    assert (
        api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json").status_code
        == 200
    )


def test_expired_access_token_is_401(api_client, admin_user):
    from hms.accounts.sessions import session_start
    from hms.accounts.tokens import SessionAccessToken

    _session, pair = session_start(
        user=admin_user, user_agent="", ip_address=None, at=timezone.now()
    )
    token = SessionAccessToken(pair.access)
    token.set_exp(from_time=timezone.now() - timedelta(hours=1))
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")

    response = api_client.get(ME_URL)

    assert response.status_code == 401
    assert response.json()["code"] == "NOT_AUTHENTICATED"


def test_hospital_settings_are_public(api_client, db):
    response = api_client.get("/api/v1/hospital/")

    assert response.status_code == 200
    assert response.json() == {
        "name": "HMS General Hospital",
        "address": "1 Hospital Road, Bengaluru 560001, India",
        "time_zone": "Asia/Kolkata",
        "currency": "INR",
        "admin_signup_policy": "open",
        "slot_minutes": 30,
    }


def test_login_reads_the_account_once_then_writes_the_session_and_its_audit_event(
    api_client, admin_user, django_assert_num_queries
):
    """One query finds the account (through the lower-cased username's unique index) and tells
    whether it has an authenticator; then the session and the sign-in's audit event, together."""
    sqlite = connection.vendor == "sqlite"
    with django_assert_num_queries(6 if sqlite else 5) as captured:
        response = login(api_client, "Admin.One")

    statements = [" ".join(query["sql"].split()[:3]) for query in captured.captured_queries]
    assert response.status_code == 200
    assert 'LOWER("accounts_user"."username") = (LOWER(' in captured.captured_queries[0]["sql"]
    assert '"accounts_mfadevice"' in captured.captured_queries[0]["sql"]
    writes = [statement for statement in statements if statement.startswith("INSERT")]
    assert writes == ['INSERT INTO "accounts_session"', 'INSERT INTO "audit_auditevent"']
    # SQLite reads the previous hash of the audit chain; PostgreSQL's trigger does.
    assert sum(statement.startswith("SELECT") for statement in statements) == (2 if sqlite else 1)
