"""Password reset by e-mail: always 202, a single-use link valid 30 minutes, sessions end."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from hms.accounts.errors import InvalidResetLink
from hms.accounts.models import AccountStatus, Session, SessionEndReason, User
from hms.accounts.password_reset import password_reset_confirm, password_reset_request
from hms.accounts.tests.factories import DEFAULT_PASSWORD
from hms.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

RESET_URL = "/api/v1/auth/password/reset/"
CONFIRM_URL = "/api/v1/auth/password/reset/confirm/"
ACCEPTED = {
    "detail": "If an approved account with an e-mail address matches, a password reset link "
    "is on its way."
}
NEW_PASSWORD = "a-fresh-long-passphrase-42"


def link_params(message) -> dict[str, str]:
    link = re.search(r"http\S+", message.body).group(0)
    assert urlsplit(link).path == "/reset-password"
    return {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}


def test_a_reset_by_username_mails_a_link_and_answers_202(api_client, make_doctor):
    make_doctor(user__username="dr.forgetful", user__email="forgetful@example.org")

    response = api_client.post(RESET_URL, {"login": "DR.FORGETFUL"}, format="json")

    assert response.status_code == 202
    assert response.json() == ACCEPTED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["forgetful@example.org"]
    assert message.subject == "Reset your HMS General Hospital password"
    assert "within 30 minutes" in message.body
    assert message.body.count("http://testserver/reset-password?uid=") == 1
    assert set(link_params(message)) == {"uid", "token"}


@pytest.mark.parametrize(
    ("status", "email", "login"),
    [
        (AccountStatus.APPROVED, "", "dr.nomail"),  # no e-mail address
        (AccountStatus.PENDING, "pending@example.org", "dr.nomail"),
        (AccountStatus.REJECTED, "rejected@example.org", "dr.nomail"),
        (AccountStatus.DELETED, "deleted@example.org", "dr.nomail"),
        (AccountStatus.APPROVED, "someone@example.org", "nobody.at.all"),  # unknown
    ],
)
def test_no_mail_and_the_same_answer_when_nothing_may_be_reset(
    api_client, make_doctor, status, email, login
):
    make_doctor(status=status, user__username="dr.nomail", user__email=email)

    response = api_client.post(RESET_URL, {"login": login}, format="json")

    assert response.status_code == 202
    assert response.json() == ACCEPTED
    assert mail.outbox == []
    assert AuditEvent.objects.filter(action="auth.password_reset_request").count() == 0


def test_a_reset_by_e_mail_address_is_case_insensitive(api_client, make_patient):
    make_patient(user__username="pat.mail", user__email="Pat.Mail@Example.org")

    api_client.post(RESET_URL, {"login": "pat.mail@example.ORG"}, format="json")

    assert [message.to for message in mail.outbox] == [["Pat.Mail@Example.org"]]


def test_reset_end_to_end_sets_the_password_ends_sessions_and_works_once(api_client, make_doctor):
    doctor = make_doctor(user__username="dr.reset", user__email="reset@example.org")
    old = api_client.post(
        "/api/v1/auth/token/", {"username": "dr.reset", "password": DEFAULT_PASSWORD}
    ).json()
    api_client.post(RESET_URL, {"login": "dr.reset"}, format="json")
    params = link_params(mail.outbox[0])

    confirmed = api_client.post(CONFIRM_URL, {**params, "new_password": NEW_PASSWORD})

    assert confirmed.status_code == 204
    user = User.objects.get(pk=doctor.user.pk)
    assert user.check_password(NEW_PASSWORD)
    assert Session.objects.get(user=user).end_reason == SessionEndReason.PASSWORD_RESET
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {old['access']}")
    assert api_client.get("/api/v1/auth/me/").status_code == 401
    api_client.credentials()
    assert (
        api_client.post(
            "/api/v1/auth/token/", {"username": "dr.reset", "password": NEW_PASSWORD}
        ).status_code
        == 200
    )
    again = api_client.post(CONFIRM_URL, {**params, "new_password": "yet-another-passphrase-7"})
    assert again.status_code == 400
    assert again.json() == {
        "code": "RESET_LINK_INVALID",
        "message": "This password reset link is not valid or has expired. Ask for a new one.",
        "fields": {},
    }
    assert User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(action="auth.password_reset").count() == 1


def test_a_link_is_valid_thirty_minutes(make_doctor):
    make_doctor(user__username="dr.slow", user__email="slow@example.org")
    at = timezone.now()
    password_reset_request(login="dr.slow", site_url="https://hms.example.org/", at=at)
    params = link_params(mail.outbox[0])

    with pytest.raises(InvalidResetLink):
        password_reset_confirm(
            **params, new_password=NEW_PASSWORD, at=at + timedelta(minutes=30, seconds=1)
        )
    user = password_reset_confirm(
        **params, new_password=NEW_PASSWORD, at=at + timedelta(minutes=29)
    )

    assert user.check_password(NEW_PASSWORD)
    assert mail.outbox[0].body.count("https://hms.example.org/reset-password?uid=") == 1


@pytest.mark.parametrize(
    "params",
    [
        {"uid": "!!!", "token": "x"},
        {"uid": "MQ", "token": "not-a-token"},
        {"uid": "OTk5OTk5", "token": "cjv1ab-0f1e2d3c4b5a69788796a5b4c3d2e1f0"},
    ],
)
def test_malformed_links_are_400_reset_link_invalid(api_client, db, params):
    response = api_client.post(CONFIRM_URL, {**params, "new_password": NEW_PASSWORD})

    assert response.status_code == 400
    assert response.json()["code"] == "RESET_LINK_INVALID"


def test_a_weak_password_is_refused_and_the_link_stays_usable(api_client, make_doctor):
    doctor = make_doctor(user__username="dr.weak", user__email="weak@example.org")
    api_client.post(RESET_URL, {"login": "dr.weak"}, format="json")
    params = link_params(mail.outbox[0])

    weak = api_client.post(CONFIRM_URL, {**params, "new_password": "12345678"})

    assert weak.status_code == 400
    assert weak.json()["code"] == "VALIDATION_ERROR"
    assert set(weak.json()["fields"]) == {"new_password"}
    assert User.objects.get(pk=doctor.user.pk).check_password(DEFAULT_PASSWORD)
    assert api_client.post(CONFIRM_URL, {**params, "new_password": NEW_PASSWORD}).status_code == 204


def test_a_link_of_an_account_deleted_since_is_refused(api_client, make_doctor):
    doctor = make_doctor(user__username="dr.gone", user__email="gone@example.org")
    api_client.post(RESET_URL, {"login": "dr.gone"}, format="json")
    User.objects.filter(pk=doctor.user.pk).update(status=AccountStatus.DELETED, is_active=False)

    response = api_client.post(
        CONFIRM_URL, {**link_params(mail.outbox[0]), "new_password": NEW_PASSWORD}
    )

    assert response.status_code == 400
    assert response.json()["code"] == "RESET_LINK_INVALID"
