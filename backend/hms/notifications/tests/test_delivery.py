"""E-mail delivery: after the commit, retried with backoff on SMTP errors, at most once."""

from __future__ import annotations

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.appointments.tests.factories import NOW, slot
from hms.notifications import tasks
from hms.notifications.emails import unsubscribe_token_read
from hms.notifications.events import notify_appointment_approved
from hms.notifications.models import DeliveryStatus, NotificationDelivery
from hms.notifications.services import notification_create, notification_create_for_each
from hms.notifications.tasks import deliver_email, retry_delay

pytestmark = pytest.mark.django_db


@pytest.fixture
def priya():
    return UserFactory(
        username="priya", first_name="Priya", role=Role.PATIENT, email="priya@example.org"
    )


@pytest.fixture
def failing_smtp(monkeypatch):
    """The mail server refuses the first `failures` messages, then accepts."""
    state = {"failures": 0, "calls": 0}
    original = EmailBackend.send_messages

    def send_messages(self, messages):
        state["calls"] += 1
        if state["calls"] <= state["failures"]:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)
    delays = []
    original_retry = tasks.deliver_email.retry

    def retry(*args, **kwargs):
        delays.append(kwargs.get("countdown"))
        return original_retry(*args, **kwargs)

    monkeypatch.setattr(tasks.deliver_email, "retry", retry)
    state["delays"] = delays
    return state


def _notify(priya):
    return notification_create(
        recipient=priya, kind="APPOINTMENT_APPROVED", text="Confirmed.", link="/x", at=NOW
    )


def test_nothing_is_sent_before_the_commit(priya, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify(priya)

    assert mail.outbox == []
    assert len(callbacks) == 1
    assert NotificationDelivery.objects.get().status == DeliveryStatus.PENDING


def test_smtp_failing_twice_then_succeeding_delivers_exactly_one_mail(
    priya, failing_smtp, committed
):
    failing_smtp["failures"] = 2

    committed(lambda: _notify(priya))

    assert failing_smtp["calls"] == 3
    assert failing_smtp["delays"] == [30, 60]
    assert [message.to for message in mail.outbox] == [["priya@example.org"]]
    delivery = NotificationDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_error) == (
        DeliveryStatus.SENT,
        3,
        "SMTPServerDisconnected",
    )
    assert delivery.sent_at is not None

    # A redelivered message, or a second worker, finds it sent and sends nothing.
    deliver_email.delay(delivery.pk)
    deliver_email.delay(delivery.pk)
    assert len(mail.outbox) == 1
    assert NotificationDelivery.objects.get().attempts == 3


def test_a_mail_server_that_never_answers_is_given_up_after_the_retries(
    priya, failing_smtp, committed
):
    failing_smtp["failures"] = 100

    committed(lambda: _notify(priya))

    assert failing_smtp["calls"] == 7  # the first try and 6 retries
    assert failing_smtp["delays"] == [30, 60, 120, 240, 480, 960]
    assert mail.outbox == []
    delivery = NotificationDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 7)


def test_a_delivery_being_sent_elsewhere_is_not_sent_again(
    priya, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        _notify(priya)
    delivery = NotificationDelivery.objects.get()
    NotificationDelivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.SENDING)

    deliver_email.delay(delivery.pk)

    assert mail.outbox == []


def test_the_retry_delay_doubles_up_to_half_an_hour():
    assert [retry_delay(n) for n in range(8)] == [30, 60, 120, 240, 480, 960, 1800, 1800]


def test_the_e_mail_has_text_html_the_link_and_the_one_click_unsubscribe(priya, committed):
    doctor = UserFactory(username="dr.asha", first_name="Asha", last_name="Rao", role=Role.DOCTOR)

    committed(
        lambda: notify_appointment_approved(patient=priya, doctor=doctor, starts_at=slot(3), at=NOW)
    )

    message = next(m for m in mail.outbox if m.to == ["priya@example.org"])
    text = "Your appointment with Dr. Asha Rao on Fri 27 Nov 2026, 10:30 IST is confirmed."
    html, mime = message.alternatives[0]
    assert mime == "text/html"
    assert text in message.body
    assert text in html
    assert "https://hms.example.org/patient/appointments" in message.body
    assert "https://hms.example.org/patient/notifications/preferences" in message.body
    token = message.extra_headers["List-Unsubscribe"].split("token=")[1].rstrip(">")
    assert f"https://hms.example.org/notifications/unsubscribe?token={token}" in message.body
    assert unsubscribe_token_read(token) == (priya.pk, "APPOINTMENT_APPROVED")
    assert message.body.startswith("Hello Priya,\n")


def test_an_e_mail_whose_task_was_lost_is_queued_again_once(
    priya, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from hms.notifications.services import notification_requeue_stale

    with django_capture_on_commit_callbacks(execute=False):
        _notify(priya)  # the broker was down: the task never ran

    assert notification_requeue_stale(at=NOW + timedelta(minutes=9)) == 0
    assert mail.outbox == []
    assert notification_requeue_stale(at=NOW + timedelta(minutes=11)) == 1
    assert [message.to for message in mail.outbox] == [["priya@example.org"]]
    assert notification_requeue_stale(at=NOW + timedelta(minutes=20)) == 0
    assert len(mail.outbox) == 1


# --- one event told to many: one task, one connection ------------------------------------------


@pytest.fixture
def team():
    return [
        UserFactory(username=name, role=Role.ADMIN, email=f"{name}@example.org")
        for name in ("anil", "bela", "chen")
    ]


@pytest.fixture
def mail_server(monkeypatch):
    """The mail server: `refuse` maps an address to the errors it answers with, in turn (then
    it accepts); every connection opened and every retry's delay is recorded."""
    state = {"refuse": {}, "opened": 0, "delays": []}
    original = EmailBackend.send_messages

    def open_connection(self):
        state["opened"] += 1

    def send_messages(self, messages):
        (address,) = messages[0].to
        errors = state["refuse"].get(address)
        if errors:
            raise errors.pop(0)
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "open", open_connection)
    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)
    original_retry = tasks.deliver_emails.retry

    def retry(*args, **kwargs):
        state["delays"].append((kwargs.get("countdown"), kwargs.get("args")))
        return original_retry(*args, **kwargs)

    monkeypatch.setattr(tasks.deliver_emails, "retry", retry)
    return state


def _tell_team(team, committed):
    return committed(
        lambda: notification_create_for_each(
            recipients=team, kind="APPOINTMENT_REQUESTED", text="A request.", link="/x", at=NOW
        )
    )


def _deliveries():
    return [
        (row.notification.recipient.username, row.status, row.attempts, row.last_error)
        for row in NotificationDelivery.objects.select_related("notification__recipient").order_by(
            "pk"
        )
    ]


def test_an_event_told_to_many_is_one_task_over_one_connection(
    team, mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        _tell_team(team, lambda action: action())

    assert len(queued) == 1
    assert mail_server["opened"] == 1
    assert [message.to for message in mail.outbox] == [
        ["anil@example.org"],
        ["bela@example.org"],
        ["chen@example.org"],
    ]
    assert _deliveries() == [
        ("anil", DeliveryStatus.SENT, 1, ""),
        ("bela", DeliveryStatus.SENT, 1, ""),
        ("chen", DeliveryStatus.SENT, 1, ""),
    ]


def test_a_refused_message_does_not_hold_the_others_and_alone_is_retried(
    team, mail_server, committed
):
    mail_server["refuse"]["bela@example.org"] = [
        smtplib.SMTPRecipientsRefused({"bela@example.org": (450, b"Mailbox busy")})
    ]

    _tell_team(team, committed)

    bela = NotificationDelivery.objects.get(notification__recipient__username="bela")
    assert mail_server["delays"] == [(30, [[bela.pk]])]
    assert [message.to[0] for message in mail.outbox] == [
        "anil@example.org",
        "chen@example.org",
        "bela@example.org",
    ]
    assert _deliveries() == [
        ("anil", DeliveryStatus.SENT, 1, ""),
        ("bela", DeliveryStatus.SENT, 2, "SMTPRecipientsRefused"),
        ("chen", DeliveryStatus.SENT, 1, ""),
    ]


def test_a_lost_connection_leaves_the_rest_for_the_retry_each_sent_once(
    team, mail_server, committed
):
    mail_server["refuse"]["bela@example.org"] = [
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    ]

    _tell_team(team, committed)

    assert [message.to[0] for message in mail.outbox] == [
        "anil@example.org",
        "bela@example.org",
        "chen@example.org",
    ]
    assert [countdown for countdown, _ in mail_server["delays"]] == [30]
    assert mail_server["opened"] == 2
    assert _deliveries() == [
        ("anil", DeliveryStatus.SENT, 1, ""),
        ("bela", DeliveryStatus.SENT, 2, "SMTPServerDisconnected"),
        ("chen", DeliveryStatus.SENT, 2, "SMTPServerDisconnected"),
    ]


def test_a_mail_server_down_for_an_event_told_to_many_is_given_up_after_the_retries(
    team, mail_server, committed, monkeypatch
):
    def refuse(self):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(EmailBackend, "open", refuse)

    _tell_team(team, committed)

    assert [countdown for countdown, _ in mail_server["delays"]] == [30, 60, 120, 240, 480, 960]
    assert mail.outbox == []
    assert _deliveries() == [
        ("anil", DeliveryStatus.FAILED, 7, "ConnectionRefusedError"),
        ("bela", DeliveryStatus.FAILED, 7, "ConnectionRefusedError"),
        ("chen", DeliveryStatus.FAILED, 7, "ConnectionRefusedError"),
    ]


def test_deliveries_sent_or_being_sent_are_not_sent_again_with_the_others(
    team, mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        _tell_team(team, lambda action: action())
    anil, bela, chen = NotificationDelivery.objects.order_by("pk")
    NotificationDelivery.objects.filter(pk=bela.pk).update(status=DeliveryStatus.SENDING)
    chen.notification.recipient.email = ""
    chen.notification.recipient.save(update_fields=["email"])

    tasks.deliver_emails.delay([anil.pk, bela.pk, chen.pk])
    tasks.deliver_emails.delay([anil.pk, bela.pk, chen.pk])

    assert [message.to for message in mail.outbox] == [["anil@example.org"]]
    assert _deliveries() == [
        ("anil", DeliveryStatus.SENT, 1, ""),
        ("bela", DeliveryStatus.SENDING, 0, ""),
        ("chen", DeliveryStatus.FAILED, 1, "NoAddress"),
    ]
