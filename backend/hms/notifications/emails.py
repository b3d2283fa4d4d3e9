"""The e-mail of a notification: plain text and HTML from templates, links into the web app.

Nothing clinical goes into a mail: the notification's short text (written without symptoms,
reasons or diagnoses), the link to the page, and a one-click link that stops e-mail of that kind.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from hms.accounts.models import User
from hms.notifications.models import MANDATORY_EMAIL_KINDS, Notification, NotificationKind

_UNSUBSCRIBE_SALT = "hms.notifications.unsubscribe"
# A one-click link in an old mail keeps working this long.
UNSUBSCRIBE_MAX_AGE_SECONDS = 180 * 24 * 3600


def site_url() -> str:
    """Where the web app lives: HMS_SITE_URL, else https:// and the first allowed host name."""
    configured = str(getattr(settings, "HMS_SITE_URL", "") or "")
    if configured:
        return configured.rstrip("/")
    hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host not in ("*", "")]
    return f"https://{hosts[0] if hosts else 'localhost'}"


def preferences_path(user: User) -> str:
    """The web app's page where `user` chooses which notifications reach them by e-mail."""
    return f"/{str(user.role).lower()}/notifications/preferences"


def unsubscribe_token(*, user: User, kind: str) -> str:
    """A signed token that switches off e-mail of `kind` for `user` (no sign-in needed)."""
    return signing.dumps({"user": user.pk, "kind": kind}, salt=_UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_token_read(token: str) -> tuple[int, str] | None:
    """The (user id, kind) a token stands for; None when forged, damaged or too old."""
    try:
        value = signing.loads(token, salt=_UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict):
        return None
    user_id, kind = value.get("user"), value.get("kind")
    if not isinstance(user_id, int) or kind not in NotificationKind.values:
        return None
    return user_id, str(kind)


def notification_email(notification: Notification) -> EmailMultiAlternatives:
    """The message for one notification, addressed to its recipient's e-mail address."""
    user = notification.recipient
    base = site_url()
    kind = NotificationKind(notification.kind)
    context = {
        "hospital_name": settings.HMS_HOSPITAL_NAME,
        "name": user.first_name or user.username,
        "text": notification.text,
        "title": kind.label,
        "link": f"{base}{notification.link}" if notification.link else "",
        "preferences_link": f"{base}{preferences_path(user)}",
        "unsubscribe_link": ""
        if notification.kind in MANDATORY_EMAIL_KINDS
        else f"{base}/notifications/unsubscribe?token="
        + unsubscribe_token(user=user, kind=notification.kind),
    }
    message = EmailMultiAlternatives(
        subject=f"{settings.HMS_HOSPITAL_NAME}: {kind.label}",
        body=render_to_string("notifications/email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(render_to_string("notifications/email.html", context), "text/html")
    if context["unsubscribe_link"]:
        message.extra_headers["List-Unsubscribe"] = f"<{context['unsubscribe_link']}>"
    return message
