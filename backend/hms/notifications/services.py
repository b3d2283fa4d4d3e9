"""Notifications: creating them inside the change they tell about, reading them, preferences,
and sending their e-mail at most once.

`notification_create` is called by the services of the apps above this one (see `events.py`
for one function per event), inside their transaction: the notification exists only if the
change commits, and its e-mail is queued only after the commit (`transaction.on_commit`), to the
Celery task in `tasks.py`, which calls `notification_deliver_email`.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta
from functools import partial

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


def _wants_email(*, recipient: User, kind: str) -> bool:
    if not recipient.email or recipient.status == AccountStatus.DELETED:
        return False
    if kind in MANDATORY_EMAIL_KINDS:
        return True
    return not NotificationPreference.objects.filter(
        user=recipient, kind=kind, email=False
    ).exists()


def _e_mailed(recipients: list[User], kind: str) -> set[int]:
    """The ids of those `recipients` who are e-mailed `kind` (`_wants_email`), in one query."""
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
        if _wants_email(recipient=recipient, kind=kind):
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
    choices, one INSERT of the e-mails to send (each queued once the caller's transaction
    commits). Every admin is told of each appointment request and each sign-up: one call per
    admin cost about five queries and two savepoints each.
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
        for delivery in deliveries:
            transaction.on_commit(partial(_enqueue_email, delivery.pk), robust=True)
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

    The delivery row is claimed (PENDING -> SENDING) in one conditional UPDATE before anything
    is sent, and marked SENT after, so the mail goes out at most once whatever retries or
    duplicate messages happen. When the mail server fails, the claim is released for a retry
    (or the row marked FAILED on the final attempt) and EmailNotSent is raised.
    """
    claimed = NotificationDelivery.objects.filter(
        pk=delivery_id, channel=DeliveryChannel.EMAIL, status=DeliveryStatus.PENDING
    ).update(status=DeliveryStatus.SENDING, claimed_at=at, attempts=F("attempts") + 1)
    if not claimed:
        return False
    delivery = NotificationDelivery.objects.select_related("notification__recipient").get(
        pk=delivery_id
    )
    notification = delivery.notification
    if not notification.recipient.email:
        NotificationDelivery.objects.filter(pk=delivery_id).update(
            status=DeliveryStatus.FAILED, last_error="NoAddress"
        )
        return False
    try:
        notification_email(notification).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        NotificationDelivery.objects.filter(pk=delivery_id).update(
            status=DeliveryStatus.FAILED if final_attempt else DeliveryStatus.PENDING,
            last_error=type(error).__name__[:100],
        )
        logger.warning(
            "notification e-mail %s not sent (%s)%s",
            delivery_id,
            type(error).__name__,
            "; giving up" if final_attempt else "; will retry",
        )
        raise EmailNotSent(type(error).__name__) from error
    NotificationDelivery.objects.filter(pk=delivery_id).update(
        status=DeliveryStatus.SENT, sent_at=at
    )
    return True


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
