"""Notifications: creating them inside the change they tell about, reading them, preferences,
and sending their e-mail at most once.

`notification_create` is called by the services of the apps above this one (see `events.py`
for one function per event), inside their transaction: the notification exists only if the
change commits, and its e-mail is queued only after the commit (`transaction.on_commit`), to the
Celery tasks in `tasks.py`, which call `notification_deliver_email` (one) and
`notification_deliver_emails` (the e-mails of one event told to many).
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import F

from hms.accounts.models import AccountStatus, User
from hms.notifications.emails import notification_email, unsubscribe_token_read
from hms.notifications.errors import (
    InvalidUnsubscribeLink,
    MandatoryNotificationKind,
    UnknownNotificationKind,
)
from hms.notifications.models import (
    MANDATORY_EMAIL_KINDS,
    DeliveryChannel,
    DeliveryStatus,
    Notification,
    NotificationDelivery,
    NotificationKind,
    NotificationPreference,
)
from hms.notifications.selectors import notification_preferences_get

logger = logging.getLogger(__name__)


class EmailNotSent(Exception):
    """The mail server could not be reached or refused the message; a retry may succeed."""


def _e_mailed(recipients: list[User], kind: str) -> set[int]:
    """The ids of those `recipients` who are e-mailed `kind`: those with an address whose
    account is not deleted, and who did not switch the kind off (unless it is always e-mailed),
    in one query at most."""
    reachable = {
        recipient.pk
        for recipient in recipients
        if recipient.email and recipient.status != AccountStatus.DELETED
    }
    if kind in MANDATORY_EMAIL_KINDS or not reachable:
        return reachable
    opted_out = NotificationPreference.objects.filter(
        user_id__in=sorted(reachable), kind=kind, email=False
    ).values_list("user_id", flat=True)
    return reachable - set(opted_out)


def _enqueue_email(delivery_id: int) -> None:
    from hms.notifications.tasks import deliver_email

    deliver_email.delay(delivery_id)


def _enqueue_emails(delivery_ids: list[int]) -> None:
    from hms.notifications.tasks import deliver_emails

    deliver_emails.delay(delivery_ids)


def notification_create(
    *, recipient: User, kind: str, text: str, link: str, at: datetime, event_key: str = ""
) -> Notification | None:
    """Tell `recipient` about an event: in the app always, by e-mail unless they opted out.

    Call inside the transaction of the change it tells about. The e-mail is queued only once
    that transaction commits. With `event_key`, the same event is told to the same person once:
    a second call returns None and changes nothing.
    """
    with transaction.atomic():
        if (
            event_key
            and Notification.objects.filter(recipient=recipient, event_key=event_key).exists()
        ):
            return None
        try:
            # The savepoint keeps the caller's transaction usable when a concurrent call with
            # the same event key wins the unique constraint.
            with transaction.atomic():
                notification = Notification.objects.create(
                    recipient=recipient,
                    kind=kind,
                    text=text[:300],
                    link=link,
                    event_key=event_key,
                    created_at=at,
                )
        except IntegrityError:
            if not event_key:
                raise
            return None
        if recipient.pk in _e_mailed([recipient], kind):
            delivery = NotificationDelivery.objects.create(
                notification=notification, channel=DeliveryChannel.EMAIL, created_at=at
            )
            # robust: a broker that is down must not fail a request whose change committed;
            # the delivery stays PENDING and `notification_requeue_stale` queues it again.
            transaction.on_commit(partial(_enqueue_email, delivery.pk), robust=True)
    return notification


def notification_create_for_each(
    *, recipients: list[User], kind: str, text: str, link: str, at: datetime
) -> list[Notification]:
    """`notification_create` (without an event key) for each of `recipients`, in their order.

    The same rows and the same e-mails as one call per recipient, in a fixed number of queries
    whatever their number: one INSERT of the notifications, one read of the recipients' e-mail
    choices, one INSERT of the e-mails to send, queued as one task once the caller's
    transaction commits (sent over one connection to the mail server). Every admin is told of
    each appointment request and each sign-up: one call per admin cost about five queries and
    two savepoints each, and a task each.
    """
    if not recipients:
        return []
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            Notification(recipient=recipient, kind=kind, text=text[:300], link=link, created_at=at)
            for recipient in recipients
        )
        e_mailed = _e_mailed(recipients, kind)
        deliveries = NotificationDelivery.objects.bulk_create(
            NotificationDelivery(
                notification=notification, channel=DeliveryChannel.EMAIL, created_at=at
            )
            for notification in notifications
            if notification.recipient_id in e_mailed
        )
        if deliveries:
            # robust: as in notification_create.
            transaction.on_commit(
                partial(_enqueue_emails, [delivery.pk for delivery in deliveries]), robust=True
            )
    return notifications


def notification_mark_read(
    *, viewer: User, notification: Notification, at: datetime
) -> Notification:
    """Mark one of the viewer's notifications read (a read one keeps its first read time)."""
    Notification.objects.filter(pk=notification.pk, recipient=viewer, read_at__isnull=True).update(
        read_at=at
    )
    notification.refresh_from_db(fields=["read_at"])
    return notification


def notification_mark_all_read(*, viewer: User, at: datetime) -> int:
    """Mark every unread notification of the viewer read; return how many were unread."""
    return Notification.objects.filter(recipient=viewer, read_at__isnull=True).update(read_at=at)


def notification_preferences_update(
    *, user: User, email: dict[str, bool], at: datetime
) -> dict[str, bool]:
    """Replace the user's e-mail choices: kinds given False are not e-mailed, all others are.

    Raises UnknownNotificationKind for a kind that does not exist and MandatoryNotificationKind
    for switching off a kind that is always e-mailed; nothing changes then.
    """
    unknown = sorted(kind for kind in email if kind not in NotificationKind.values)
    if unknown:
        raise UnknownNotificationKind(
            f"Unknown kind of notification: {', '.join(unknown)}.",
            fields={"preferences": [f"Unknown kind: {kind}" for kind in unknown]},
        )
    locked = sorted(
        kind for kind, wanted in email.items() if not wanted and kind in MANDATORY_EMAIL_KINDS
    )
    if locked:
        raise MandatoryNotificationKind(
            f"E-mail for {', '.join(locked)} cannot be switched off.",
            fields={"preferences": [f"Always e-mailed: {kind}" for kind in locked]},
        )
    with transaction.atomic():
        User.objects.select_for_update(no_key=True).filter(pk=user.pk).first()
        NotificationPreference.objects.filter(user=user).delete()
        NotificationPreference.objects.bulk_create(
            NotificationPreference(user=user, kind=kind, email=False, updated_at=at)
            for kind, wanted in sorted(email.items())
            if not wanted
        )
    return notification_preferences_get(user=user)


def notification_unsubscribe(*, token: str, at: datetime) -> str:
    """Switch off e-mail of one kind through the signed link of an e-mail; return the kind.

    Raises InvalidUnsubscribeLink for a forged, damaged or too old token, one for a kind that
    is always e-mailed, or one whose account is no longer approved.
    """
    found = unsubscribe_token_read(token)
    if found is None or found[1] in MANDATORY_EMAIL_KINDS:
        raise InvalidUnsubscribeLink()
    user_id, kind = found
    with transaction.atomic():
        user = User.objects.select_for_update(no_key=True).filter(pk=user_id).first()
        if user is None or user.status != AccountStatus.APPROVED:
            raise InvalidUnsubscribeLink()
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": False, "updated_at": at}
        )
    return kind


def notification_deliver_email(*, delivery_id: int, at: datetime, final_attempt: bool) -> bool:
    """Send a notification's e-mail unless it was sent or is being sent; True if sent now.

    `notification_deliver_emails` for one delivery: raises EmailNotSent when the mail server
    failed (the claim released for a retry, or the row marked FAILED on the final attempt).
    """
    outcome = notification_deliver_emails(
        delivery_ids=[delivery_id], at=at, final_attempt=final_attempt
    )
    if outcome.unsent:
        raise EmailNotSent(outcome.error)
    return bool(outcome.sent)


@dataclass(frozen=True)
class EmailsSent:
    """What `notification_deliver_emails` did: the deliveries sent now, those the mail server
    did not take (to try again; FAILED instead on the final attempt) and its error's class."""

    sent: list[int]
    unsent: list[int]
    error: str = ""


def notification_deliver_emails(
    *, delivery_ids: Sequence[int], at: datetime, final_attempt: bool
) -> EmailsSent:
    """Send the e-mails of `delivery_ids` that were not sent nor are being sent, over one
    connection to the mail server.

    Each delivery row is claimed (PENDING -> SENDING) in one transaction before anything is
    sent, and marked SENT after, so each mail goes out at most once whatever retries or
    duplicate messages happen. A recipient without an address is marked FAILED. When the mail
    server refuses a message, the others are still sent; when the connection fails, the rest
    wait. What was not sent is released for a retry (or marked FAILED on the final attempt).
    """
    with transaction.atomic():
        claimed = list(
            NotificationDelivery.objects.select_for_update(no_key=True)
            .filter(
                pk__in=delivery_ids, channel=DeliveryChannel.EMAIL, status=DeliveryStatus.PENDING
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not claimed:
            return EmailsSent(sent=[], unsent=[])
        NotificationDelivery.objects.filter(pk__in=claimed).update(
            status=DeliveryStatus.SENDING, claimed_at=at, attempts=F("attempts") + 1
        )
    deliveries = list(
        NotificationDelivery.objects.select_related("notification__recipient")
        .filter(pk__in=claimed)
        .order_by("pk")
    )
    addressed = [delivery for delivery in deliveries if delivery.notification.recipient.email]
    no_address = [
        delivery.pk for delivery in deliveries if not delivery.notification.recipient.email
    ]
    if no_address:
        NotificationDelivery.objects.filter(pk__in=no_address).update(
            status=DeliveryStatus.FAILED, last_error="NoAddress"
        )
    sent, unsent, error = _send_each(addressed)
    if sent:
        NotificationDelivery.objects.filter(pk__in=sent).update(
            status=DeliveryStatus.SENT, sent_at=at
        )
    if unsent:
        NotificationDelivery.objects.filter(pk__in=unsent).update(
            status=DeliveryStatus.FAILED if final_attempt else DeliveryStatus.PENDING,
            last_error=error[:100],
        )
        logger.warning(
            "notification e-mails %s not sent (%s)%s",
            unsent,
            error,
            "; giving up" if final_attempt else "; will retry",
        )
    return EmailsSent(sent=sent, unsent=unsent, error=error)


def _send_each(deliveries: list[NotificationDelivery]) -> tuple[list[int], list[int], str]:
    """Send each delivery's message over one connection: (sent ids, unsent ids, the class of
    the mail server's last error)."""
    sent: list[int] = []
    unsent: list[int] = []
    error = ""
    if not deliveries:
        return sent, unsent, error
    mail_server = get_connection(fail_silently=False)
    try:
        mail_server.open()
    except (smtplib.SMTPException, OSError) as failure:
        return sent, [delivery.pk for delivery in deliveries], type(failure).__name__
    try:
        for index, delivery in enumerate(deliveries):
            try:
                mail_server.send_messages([notification_email(delivery.notification)])
            except smtplib.SMTPException as failure:
                if isinstance(failure, smtplib.SMTPServerDisconnected):
                    # The connection is gone: this message and the rest wait for the retry.
                    unsent.extend(waiting.pk for waiting in deliveries[index:])
                    error = type(failure).__name__
                    break
                # This message was refused (its recipient, its size): the others go on.
                unsent.append(delivery.pk)
                error = type(failure).__name__
                continue
            except OSError as failure:
                # The network failed (SMTPException is an OSError too, answered above).
                unsent.extend(waiting.pk for waiting in deliveries[index:])
                error = type(failure).__name__
                break
            sent.append(delivery.pk)
    finally:
        # The messages sent were accepted already: a failing goodbye changes nothing.
        with contextlib.suppress(smtplib.SMTPException, OSError):
            mail_server.close()
    return sent, unsent, error


# A delivery still PENDING and never tried this long after its notification was queued lost its
# task (the broker was down at the commit, or lost the message).
STALE_DELIVERY_MINUTES = 10


def notification_requeue_stale(*, at: datetime) -> int:
    """Queue again the e-mails whose task never ran; return how many.

    Only deliveries never attempted and older than STALE_DELIVERY_MINUTES: one being retried
    keeps its backoff. Queuing one twice is harmless (the claim lets one send).
    """
    stale = list(
        NotificationDelivery.objects.filter(
            channel=DeliveryChannel.EMAIL,
            status=DeliveryStatus.PENDING,
            attempts=0,
            created_at__lt=at - timedelta(minutes=STALE_DELIVERY_MINUTES),
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    for delivery_id in stale:
        _enqueue_email(delivery_id)
    return len(stale)
