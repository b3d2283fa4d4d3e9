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
from hms.notifications.services import notification_create
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
