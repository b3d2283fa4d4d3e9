"""Sessions: one per sign-in, checked on every request, rotation with a grace period."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIRequestFactory
from rest_framework_simplejwt.exceptions import AuthenticationFailed
from rest_framework_simplejwt.utils import datetime_to_epoch

from conftest import bearer_client
from hms.accounts.authentication import ApprovedUserJWTAuthentication
from hms.accounts.errors import InvalidRefreshToken
from hms.accounts.models import AccountStatus, Session, SessionEndReason, User
from hms.accounts.services import user_set_status
from hms.accounts.sessions import session_refresh, session_start
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.accounts.tokens import SessionAccessToken
from hms.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
REFRESH_URL = "/api/v1/auth/token/refresh/"
LOGOUT_URL = "/api/v1/auth/logout/"
ME_URL = "/api/v1/auth/me/"
SESSIONS_URL = "/api/v1/auth/sessions/"
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def login(client, username, user_agent=FIREFOX, password=DEFAULT_PASSWORD):
    response = client.post(
        TOKEN_URL,
        {"username": username, "password": password},
        format="json",
        HTTP_USER_AGENT=user_agent,
    )
    assert response.status_code == 200, response.json()
    return response.json()


def claims(token):
    return jwt.decode(token, options={"verify_signature": False})


def me_status(client, access):
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    try:
        return client.get(ME_URL).status_code
    finally:
        client.credentials()


def test_login_opens_a_session_named_in_both_tokens(api_client, admin_user):
    tokens = login(api_client, "admin.one")

    session = Session.objects.get()
    assert session.user_id == admin_user.pk
    assert session.device_label == "Firefox on Windows"
    assert session.user_agent == FIREFOX
    assert session.ip_address == "127.0.0.1"
    assert session.expires_at - session.created_at == timedelta(days=7)
    assert session.last_used_at == session.created_at == session.rotated_at
    assert (session.ended_at, session.end_reason, session.refresh_generation) == (None, "", 0)
    access, refresh = claims(tokens["access"]), claims(tokens["refresh"])
    assert (access["sid"], access["user_id"], access["token_type"]) == (
        session.pk,
        admin_user.pk,
        "access",
    )
    assert (refresh["sid"], refresh["gen"], refresh["token_type"]) == (session.pk, 0, "refresh")


def test_each_login_is_its_own_session(api_client, admin_user):
    login(api_client, "admin.one")
    login(api_client, "admin.one", user_agent=SAFARI_IPHONE)

    assert list(Session.objects.order_by("pk").values_list("device_label", flat=True)) == [
        "Firefox on Windows",
        "Safari on iPhone",
    ]


def test_authentication_reads_session_and_account_in_one_query(admin_user):
    _session, pair = session_start(
        user=admin_user, user_agent="", ip_address=None, at=timezone.now()
    )
    request = APIRequestFactory().get(ME_URL, HTTP_AUTHORIZATION=f"Bearer {pair.access}")

    with CaptureQueriesContext(connection) as queries:
        user, _token = ApprovedUserJWTAuthentication().authenticate(request)

    assert user.pk == admin_user.pk
    assert len(queries) == 1
    sql = queries[0]["sql"]
    assert "accounts_session" in sql
    assert "accounts_user" in sql


def test_the_authenticated_account_is_the_whole_row_of_the_database(admin_user):
    _session, pair = session_start(
        user=admin_user, user_agent="", ip_address=None, at=timezone.now()
    )
    request = APIRequestFactory().get(ME_URL, HTTP_AUTHORIZATION=f"Bearer {pair.access}")

    user, _token = ApprovedUserJWTAuthentication().authenticate(request)

    stored = User.objects.get(pk=admin_user.pk)
    assert user.get_deferred_fields() == set()
    assert user._state.adding is False
    assert user._state.db == stored._state.db
    for field in User._meta.concrete_fields:
        assert getattr(user, field.attname) == getattr(stored, field.attname), field.name
    assert timezone.is_aware(user.date_joined)
    assert user._hms_enrolment_only is False


@pytest.mark.parametrize(
    ("expires_in", "ended", "accepted"),
    [
        (timedelta(minutes=1), False, True),
        (timedelta(seconds=-1), False, False),  # expired a second ago
        (timedelta(minutes=1), True, False),
    ],
)
def test_a_session_is_accepted_only_while_it_is_live(admin_user, expires_in, ended, accepted):
    now = timezone.now()
    session, pair = session_start(user=admin_user, user_agent="", ip_address=None, at=now)
    Session.objects.filter(pk=session.pk).update(
        created_at=now - timedelta(hours=1),
        expires_at=timezone.now() + expires_in,
        ended_at=now if ended else None,
        end_reason=SessionEndReason.LOGOUT if ended else "",
    )
    request = APIRequestFactory().get(ME_URL, HTTP_AUTHORIZATION=f"Bearer {pair.access}")

    if accepted:
        user, _token = ApprovedUserJWTAuthentication().authenticate(request)
        assert user.pk == admin_user.pk
    else:
        with pytest.raises(AuthenticationFailed) as refused:
            ApprovedUserJWTAuthentication().authenticate(request)
        assert refused.value.detail["detail"] == "This session has ended. Sign in again."


def test_a_session_of_another_account_is_refused(admin_user, make_doctor):
    doctor = make_doctor()
    session, _pair = session_start(
        user=admin_user, user_agent="", ip_address=None, at=timezone.now()
    )
    _other, pair = session_start(
        user=doctor.user, user_agent="", ip_address=None, at=timezone.now()
    )
    forged = SessionAccessToken(pair.access)  # type: ignore[arg-type]
    forged["sid"] = session.pk  # the admin's session with the doctor's account id

    with pytest.raises(AuthenticationFailed) as refused:
        ApprovedUserJWTAuthentication().get_user(forged)
    assert refused.value.detail["detail"] == "This session has ended. Sign in again."


def test_an_access_token_without_a_session_is_refused(api_client, admin_user):
    from rest_framework_simplejwt.tokens import AccessToken

    legacy = AccessToken.for_user(admin_user)  # no `sid` claim

    assert me_status(api_client, str(legacy)) == 401


def test_access_token_refused_right_after_logout(api_client, admin_user):
    tokens = login(api_client, "admin.one")
    assert me_status(api_client, tokens["access"]) == 200

    assert api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}).status_code == 204

    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    me = api_client.get(ME_URL)
    assert me.status_code == 401
    assert me.json()["code"] == "NOT_AUTHENTICATED"
    assert Session.objects.get().end_reason == SessionEndReason.LOGOUT


def test_admin_set_password_ends_every_session_of_the_doctor(api_client, admin_client, make_doctor):
    doctor = make_doctor(user__username="dr.reset")
    doctor_tokens = [login(api_client, "dr.reset") for _ in range(2)]
    doctor_id = doctor.pk

    response = admin_client.post(
        f"/api/v1/doctors/{doctor_id}/set-password/",
        {"password": "a-brand-new-passphrase-9"},
        format="json",
    )

    assert response.status_code == 204
    assert [me_status(api_client, tokens["access"]) for tokens in doctor_tokens] == [401, 401]
    assert set(
        Session.objects.filter(user__username="dr.reset").values_list("end_reason", flat=True)
    ) == {SessionEndReason.PASSWORD_RESET}


def test_deleting_a_patient_ends_their_sessions(api_client, admin_client, make_patient):
    patient = make_patient(user__username="pat.gone")
    tokens = login(api_client, "pat.gone")

    assert admin_client.delete(f"/api/v1/patients/{patient.pk}/").status_code == 204

    assert me_status(api_client, tokens["access"]) == 401
    session = Session.objects.get(user=patient.user)
    assert session.end_reason == SessionEndReason.ACCOUNT_CLOSED


def test_a_status_change_away_from_approved_refuses_tokens_even_before_sessions_end(
    api_client, make_doctor
):
    doctor = make_doctor(user__username="dr.closed")
    tokens = login(api_client, "dr.closed")
    with transaction.atomic():
        user_set_status(
            actor=None, user=doctor.user, status=AccountStatus.DELETED, at=timezone.now()
        )
    Session.objects.update(ended_at=None, end_reason="")  # the account check alone suffices

    assert me_status(api_client, tokens["access"]) == 401


def test_rotation_moves_the_chain_on_and_never_extends_the_session(admin_user):
    start = timezone.now()
    session, first = session_start(user=admin_user, user_agent="", ip_address=None, at=start)

    late = start + timedelta(days=6, hours=23)
    rotated = session_refresh(refresh=first.refresh, at=late)

    session.refresh_from_db()
    assert (session.refresh_generation, session.rotated_at, session.last_used_at) == (
        1,
        late,
        late,
    )
    assert session.expires_at == start + timedelta(days=7)
    assert claims(rotated.refresh)["gen"] == 1
    assert claims(rotated.refresh)["exp"] == datetime_to_epoch(session.expires_at)
    assert claims(rotated.access)["exp"] == datetime_to_epoch(late + timedelta(minutes=5))
    with pytest.raises(InvalidRefreshToken):
        session_refresh(refresh=rotated.refresh, at=start + timedelta(days=7))


def test_reuse_within_the_grace_returns_the_same_successor_sequentially(api_client, admin_user):
    tokens = login(api_client, "admin.one")

    answers = [
        api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")
        for _ in range(5)
    ]

    assert [answer.status_code for answer in answers] == [200] * 5
    assert len({answer.json()["refresh"] for answer in answers}) == 1
    assert claims(answers[0].json()["refresh"])["gen"] == 1
    assert Session.objects.get().refresh_generation == 1
    assert all(me_status(api_client, answer.json()["access"]) == 200 for answer in answers)


def test_reuse_after_the_grace_ends_the_whole_session_and_is_audited(admin_user, api_client):
    start = timezone.now()
    session, first = session_start(user=admin_user, user_agent="", ip_address=None, at=start)
    second = session_refresh(refresh=first.refresh, at=start + timedelta(seconds=10))

    assert (
        session_refresh(refresh=first.refresh, at=start + timedelta(seconds=40)).refresh
        == second.refresh
    )
    with pytest.raises(InvalidRefreshToken):
        session_refresh(refresh=first.refresh, at=start + timedelta(seconds=41))

    session.refresh_from_db()
    assert session.end_reason == SessionEndReason.REFRESH_REUSED
    assert session.ended_at == start + timedelta(seconds=41)
    event = AuditEvent.objects.get(action="auth.refresh_reuse")
    assert (event.actor_id, event.object_type, event.object_id, event.outcome) == (
        admin_user.pk,
        "session",
        str(session.pk),
        "FAILURE",
    )
    # The newer token of the chain and every access token die with the session.
    with pytest.raises(InvalidRefreshToken):
        session_refresh(refresh=second.refresh, at=start + timedelta(seconds=42))
    assert me_status(api_client, second.access) == 401


def test_a_token_two_generations_old_is_theft_even_within_the_grace(admin_user):
    start = timezone.now()
    session, first = session_start(user=admin_user, user_agent="", ip_address=None, at=start)
    second = session_refresh(refresh=first.refresh, at=start)
    session_refresh(refresh=second.refresh, at=start + timedelta(seconds=1))

    with pytest.raises(InvalidRefreshToken):
        session_refresh(refresh=first.refresh, at=start + timedelta(seconds=2))

    session.refresh_from_db()
    assert session.end_reason == SessionEndReason.REFRESH_REUSED


@override_settings(HMS_REFRESH_GRACE_SECONDS=0)
def test_grace_setting_zero_makes_every_reuse_theft(admin_user):
    start = timezone.now()
    _session, first = session_start(user=admin_user, user_agent="", ip_address=None, at=start)
    session_refresh(refresh=first.refresh, at=start)

    with pytest.raises(InvalidRefreshToken):
        session_refresh(refresh=first.refresh, at=start + timedelta(seconds=1))


@override_settings(HMS_SESSION_DAYS=2)
def test_session_lifetime_is_a_setting(admin_user):
    start = timezone.now()
    session, _pair = session_start(user=admin_user, user_agent="", ip_address=None, at=start)

    assert session.expires_at == start + timedelta(days=2)


def test_cookie_mode_refresh_keeps_working_with_the_sessions(api_client, admin_user):
    response = api_client.post(
        TOKEN_URL,
        {"username": "admin.one", "password": DEFAULT_PASSWORD, "use_cookie": True},
        format="json",
    )
    first_cookie = response.cookies[settings.HMS_REFRESH_COOKIE_NAME].value

    refreshed = api_client.post(REFRESH_URL, {}, format="json")

    assert refreshed.status_code == 200
    assert claims(refreshed.cookies[settings.HMS_REFRESH_COOKIE_NAME].value)["gen"] == 1
    assert claims(first_cookie)["sid"] == claims(refreshed.json()["access"])["sid"]


# --- auth/sessions/ ---------------------------------------------------------------------------


def test_sessions_list_shows_own_live_sessions_with_the_current_flag(
    api_client, admin_user, make_doctor
):
    make_doctor(user__username="dr.other")
    login(api_client, "dr.other")  # someone else's session: never listed
    phone = login(api_client, "admin.one", user_agent=SAFARI_IPHONE)
    desk = login(api_client, "admin.one")
    ended = login(api_client, "admin.one")
    api_client.post(LOGOUT_URL, {"refresh": ended["refresh"]})
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {desk['access']}")

    response = api_client.get(SESSIONS_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    by_id = {row["id"]: row for row in body["results"]}
    desk_id, phone_id = claims(desk["access"])["sid"], claims(phone["access"])["sid"]
    assert set(by_id) == {desk_id, phone_id}
    assert (by_id[desk_id]["device_label"], by_id[desk_id]["current"]) == (
        "Firefox on Windows",
        True,
    )
    assert (by_id[phone_id]["device_label"], by_id[phone_id]["current"]) == (
        "Safari on iPhone",
        False,
    )
    assert set(body["results"][0]) == {
        "id",
        "device_label",
        "created_at",
        "last_used_at",
        "expires_at",
        "current",
    }


def test_revoke_one_of_my_sessions_refuses_its_tokens(api_client, admin_user):
    phone = login(api_client, "admin.one", user_agent=SAFARI_IPHONE)
    desk = login(api_client, "admin.one")
    phone_id = claims(phone["access"])["sid"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {desk['access']}")

    response = api_client.post(f"{SESSIONS_URL}{phone_id}/revoke/")

    assert response.status_code == 204
    assert me_status(api_client, phone["access"]) == 401
    assert me_status(api_client, desk["access"]) == 200
    assert Session.objects.get(pk=phone_id).end_reason == SessionEndReason.REVOKED
    assert AuditEvent.objects.filter(action="auth.session_revoke").count() == 1


def test_revoking_someone_elses_session_is_404_and_changes_nothing(
    api_client, admin_user, make_doctor
):
    make_doctor(user__username="dr.other")
    other = login(api_client, "dr.other")
    mine = login(api_client, "admin.one")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {mine['access']}")
    before = list(Session.objects.order_by("pk").values_list("pk", "ended_at", "end_reason"))

    response = api_client.post(f"{SESSIONS_URL}{claims(other['access'])['sid']}/revoke/")

    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert (
        list(Session.objects.order_by("pk").values_list("pk", "ended_at", "end_reason")) == before
    )
    assert me_status(api_client, other["access"]) == 200


def test_revoking_the_current_session_signs_this_device_out(api_client, admin_user):
    tokens = login(api_client, "admin.one")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")

    response = api_client.post(f"{SESSIONS_URL}{claims(tokens['access'])['sid']}/revoke/")

    assert response.status_code == 204
    assert api_client.get(ME_URL).status_code == 401
    assert Session.objects.get().end_reason == SessionEndReason.LOGOUT


def test_revoke_others_keeps_only_this_device(api_client, admin_user):
    others = [login(api_client, "admin.one") for _ in range(3)]
    mine = login(api_client, "admin.one")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {mine['access']}")

    response = api_client.post(f"{SESSIONS_URL}revoke-others/")

    assert response.status_code == 200
    assert response.json() == {"ended": 3}
    assert [me_status(api_client, tokens["access"]) for tokens in others] == [401, 401, 401]
    assert me_status(api_client, mine["access"]) == 200


def test_sessions_endpoints_need_a_token(api_client, db):
    assert api_client.get(SESSIONS_URL).status_code == 401
    assert api_client.post(f"{SESSIONS_URL}revoke-others/").status_code == 401
    assert api_client.post(f"{SESSIONS_URL}1/revoke/").status_code == 401


# --- admin: end every session of a doctor or patient ----------------------------------------


@pytest.mark.parametrize("kind", ["doctors", "patients"])
@pytest.mark.parametrize(
    ("caller", "expected"),
    [("anonymous", 401), ("admin", 200), ("doctor", 403), ("patient", 403)],
)
def test_admin_ends_every_session_of_a_user_permission_matrix(
    api_client, admin_user, make_doctor, make_patient, kind, caller, expected
):
    target_doctor = make_doctor(user__username="dr.target")
    target_patient = make_patient(user__username="pat.target", assigned_doctor=target_doctor)
    target = target_doctor if kind == "doctors" else target_patient
    target_tokens = [login(api_client, target.user.username) for _ in range(2)]
    callers = {
        "anonymous": lambda: api_client,
        "admin": lambda: bearer_client(admin_user),
        "doctor": lambda: bearer_client(target_doctor.user),
        "patient": lambda: bearer_client(target_patient.user),
    }
    client = callers[caller]()
    before = list(Session.objects.order_by("pk").values_list("pk", "ended_at", "end_reason"))
    events_before = AuditEvent.objects.count()

    response = client.post(f"/api/v1/{kind}/{target.pk}/sessions/revoke/")

    assert response.status_code == expected
    if expected == 200:
        assert response.json() == {"ended": 2}
        assert [me_status(api_client, tokens["access"]) for tokens in target_tokens] == [
            401,
            401,
        ]
        event = AuditEvent.objects.get(action="user.sessions_end")
        assert (event.actor_id, event.object_id) == (admin_user.pk, str(target.user.pk))
    else:
        after = list(Session.objects.order_by("pk").values_list("pk", "ended_at", "end_reason"))
        assert after == before
        assert AuditEvent.objects.count() == events_before


def test_admin_ending_sessions_of_a_missing_doctor_is_404(admin_client, db):
    response = admin_client.post("/api/v1/doctors/999999/sessions/revoke/")

    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
