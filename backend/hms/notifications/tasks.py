"""Celery tasks of notifications: sending their e-mails, with retries."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from hms.notifications.services import (
    EmailNotSent,
    notification_deliver_email,
    notification_deliver_emails,
    notification_requeue_stale,
)


def retry_delay(retries: int) -> int:
    """Seconds before retry number `retries + 1`: exponential, from HMS_EMAIL_RETRY_SECONDS
    (30), doubling each time, at most 30 minutes."""
    base = int(getattr(settings, "HMS_EMAIL_RETRY_SECONDS", 30))
    return int(min(base * 2**retries, 1800))


@shared_task(bind=True, name="notifications.deliver_email", max_retries=6, ignore_result=True)
def deliver_email(self: Any, delivery_id: int) -> bool:
    """Send one notification's e-mail; on an SMTP error retry later with exponential backoff."""
    final_attempt = self.request.retries >= self.max_retries
    try:
        return notification_deliver_email(
            delivery_id=delivery_id, at=timezone.now(), final_attempt=final_attempt
        )
    except EmailNotSent as error:
        if final_attempt:
            return False
        raise self.retry(exc=error, countdown=retry_delay(self.request.retries)) from error


@shared_task(bind=True, name="notifications.deliver_emails", max_retries=6, ignore_result=True)
def deliver_emails(self: Any, delivery_ids: list[int]) -> int:
    """Send several notifications' e-mails over one connection (one event told to many); retry
    those the mail server did not take, with the same backoff. Returns how many were sent."""
    final_attempt = self.request.retries >= self.max_retries
    outcome = notification_deliver_emails(
        delivery_ids=delivery_ids, at=timezone.now(), final_attempt=final_attempt
    )
    if outcome.unsent and not final_attempt:
        raise self.retry(args=[outcome.unsent], countdown=retry_delay(self.request.retries))
    return len(outcome.sent)


@shared_task(name="notifications.requeue_stale", ignore_result=True)
def requeue_stale_emails() -> int:
    """Queue again the notification e-mails whose task was lost (Celery beat, every few minutes)."""
    return notification_requeue_stale(at=timezone.now())
