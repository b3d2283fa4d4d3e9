"""Production: secrets are mandatory, every transport protection is on, admin sign-up is gated."""

import os

from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("HMS_ADMIN_SIGNUP", "code")
os.environ.setdefault("HMS_MFA_REQUIRED_ROLES", "ADMIN,DOCTOR")

from config.settings.base import *
from config.settings.base import (
    CACHE_URL,
    CELERY_BROKER_URL,
    HMS_ADMIN_SIGNUP,
    HMS_ADMIN_SIGNUP_CODE,
    env,
)

_KNOWN_DEFAULTS = {
    "",
    "change-me",
    "local-development-only-not-a-secret-padding-to-a-safe-length",
    "test-only-not-a-secret-padding-to-a-safe-hmac-key-length",
}
if SECRET_KEY in _KNOWN_DEFAULTS or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters."
    )
if SIMPLE_JWT["SIGNING_KEY"] in _KNOWN_DEFAULTS:
    raise ImproperlyConfigured("JWT_SIGNING_KEY (or SECRET_KEY) must be set.")
if HMS_ADMIN_SIGNUP not in {"code", "closed"}:
    raise ImproperlyConfigured("HMS_ADMIN_SIGNUP must be 'code' or 'closed' in production.")
if HMS_ADMIN_SIGNUP == "code" and len(HMS_ADMIN_SIGNUP_CODE) < 12:
    raise ImproperlyConfigured(
        "HMS_ADMIN_SIGNUP_CODE must be at least 12 characters in 'code' mode."
    )

# Sign-in: throttle and lockout counters must be shared by every worker and replica.
if not CACHE_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(
        "CACHE_URL must point at Redis (redis://host:6379/0) in production: sign-in lockout "
        "and throttle counters are shared by every worker through it."
    )

# Notification e-mails and reminders run in Celery workers and beat, through Redis.
if not CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(
        "CELERY_BROKER_URL must point at Redis (redis://host:6379/1) in production: "
        "notification e-mails and reminders are queued there for the Celery worker and beat."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
HMS_REFRESH_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
