"""Settings shared by every environment; everything deployment-specific comes from the env."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import django_stubs_ext
import environ
from django.core.exceptions import ImproperlyConfigured

from config.database import harden_database
from config.email import email_settings

# Lets runtime code subscript Django generics (ModelAdmin[Model], QuerySet[Model]).
django_stubs_ext.monkeypatch()

_BOOLEAN_WORDS = {"1", "true", "yes", "on", "0", "false", "no", "off"}


class Env(environ.Env):
    """django-environ, read strictly.

    An empty value counts as unset (`.env` lines such as `SECRET_KEY=` keep the default); a
    boolean or integer that does not read as one stops the start with the variable's name, so a
    typo in a security switch never silently means "off"; values are literal (django-environ's
    `$OTHER_NAME` references are off, so a secret may start with `$`).
    """

    def __init__(self) -> None:
        super().__init__()
        self.escape_proxy = True
        self.ENVIRON = {
            name: value.replace("$", "\\$") for name, value in os.environ.items() if value != ""
        }

    def bool(self, var: str, default: Any = environ.Env.NOTSET) -> bool:
        raw = self.ENVIRON.get(var)
        if raw is not None and raw.strip().lower() not in _BOOLEAN_WORDS:
            raise ImproperlyConfigured(f"{var} must be a boolean (true/false), got {raw!r}.")
        return bool(super().bool(var, default=default))

    def list(self, var: str, default: Any = environ.Env.NOTSET) -> list[str]:
        return [item.strip() for item in super().list(var, default=default) if item.strip()]

    def int(self, var: str, default: Any = environ.Env.NOTSET) -> int:
        try:
            return int(super().int(var, default=default))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{var} must be an integer, got {self.ENVIRON.get(var)!r}."
            ) from error


env = Env()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = BASE_DIR.parent

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "hms.common",
    "hms.audit",
    "hms.accounts",
    "hms.notifications",
    "hms.doctors",
    "hms.patients",
    "hms.admissions",
    "hms.billing",
    "hms.appointments",
    "hms.clinical",
    "hms.payments",
    "hms.dashboard",
    "hms.workflows",
]

MIDDLEWARE = [
    "hms.common.middleware.RequestIdMiddleware",
    "hms.common.headers.SecurityHeadersMiddleware",
    "hms.common.headers.ApiNoStoreMiddleware",
    "hms.common.middleware.BodySizeLimitMiddleware",
    "hms.common.middleware.UrlLengthLimitMiddleware",
    # Compresses last, after every other middleware has finished the response.
    "hms.common.middleware.JsonGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hms.common.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
# Unknown paths answer the JSON 404 (naming the path with its slash) rather than a redirect,
# and a refused CSRF check answers the JSON shape too.
APPEND_SLASH = False
CSRF_FAILURE_VIEW = "hms.common.views.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
# PostgreSQL: server-side prepared statements (see config/database.py). Off only behind a pooler
# in transaction mode that cannot keep them (PgBouncer before 1.21).
DATABASES["default"] = harden_database(
    DATABASES["default"], prepared_statements=env.bool("DB_PREPARED_STATEMENTS", default=True)
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    # Argon2id at OWASP's parameters; older Argon2 and PBKDF2 hashes are rehashed at sign-in.
    "hms.accounts.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Kolkata")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# The built SPA (frontend/dist) is served from the site root by whitenoise; index.html is
# answered for every non-API path so deep links survive a reload.
SPA_DIST_DIR = Path(env.str("HMS_SPA_DIST_DIR", default=str(REPO_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = SPA_DIST_DIR if SPA_DIST_DIR.is_dir() else None


# `redis://host:6379/0` (optionally `?key_prefix=...`) shares the cache across workers and
# replicas; anything else is the in-process cache.
def cache_config(url: str) -> dict[str, Any]:
    """The cache for CACHE_URL: Redis (Django's backend, clients reused: hms.common.cache) for
    redis(s)://, else the in-process one."""
    if not url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    config: dict[str, Any] = Env.cache_url_config(url, backend="hms.common.cache.RedisCache")
    # django-environ lower-cases every query option for Django's own Redis backend, but Django
    # reads the common ones (KEY_PREFIX, TIMEOUT, VERSION) upper-case.
    for option in ("key_prefix", "timeout", "version"):
        if option in config:
            config[option.upper()] = config.pop(option)
    return config


CACHE_URL = env.str("CACHE_URL", default="locmem://")
CACHES = {"default": cache_config(CACHE_URL)}

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = True

# X-Request-ID is taken from these addresses or networks (CIDR) only, e.g. the reverse proxy;
# for every other request the server makes the id up itself.
HMS_TRUSTED_PROXIES = env.list("HMS_TRUSTED_PROXIES", default=[])

# Bodies larger than this are refused with 413 before any parser reads them.
HMS_MAX_BODY_BYTES = env.int("HMS_MAX_BODY_BYTES", default=1_048_576)
DATA_UPLOAD_MAX_MEMORY_SIZE = HMS_MAX_BODY_BYTES
# Longer URLs (path and query string) are refused with 414 before routing.
HMS_MAX_URL_LENGTH = 4096
# A list whose count reaches HMS_LIST_COUNT_CACHE_MIN rows answers that count from the shared
# cache for HMS_LIST_COUNT_CACHE_SECONDS (same viewer, path and filters) instead of counting
# every row again; 0 seconds counts every time. See hms/common/pagination.py.
HMS_LIST_COUNT_CACHE_SECONDS = env.int("HMS_LIST_COUNT_CACHE_SECONDS", default=30)
HMS_LIST_COUNT_CACHE_MIN = env.int("HMS_LIST_COUNT_CACHE_MIN", default=1000)
# JSON bodies nested deeper than this are refused with 400 before they are decoded.
HMS_MAX_JSON_DEPTH = 32

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["hms.accounts.authentication.ApprovedUserJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["hms.common.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "hms.common.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "hms.common.schema.AutoSchema",
    "EXCEPTION_HANDLER": "hms.common.exception_handler.api_exception_handler",
    "DEFAULT_METADATA_CLASS": "hms.common.metadata.ApiMetadata",
    "DEFAULT_THROTTLE_CLASSES": ["hms.common.throttling.FixedWindowUserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "user": env.str("HMS_THROTTLE_USER", default="600/min"),
        "login": env.str("HMS_THROTTLE_LOGIN", default="10/min"),
        "refresh": env.str("HMS_THROTTLE_REFRESH", default="30/min"),
        "signup": env.str("HMS_THROTTLE_SIGNUP", default="20/hour"),
        "password_reset": env.str("HMS_THROTTLE_PASSWORD_RESET", default="10/hour"),
    },
    "NUM_PROXIES": env.int("HMS_NUM_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "COERCE_DECIMAL_TO_STRING": True,
    "DATETIME_FORMAT": "iso-8601",
}

# The role map RoleMapPermission reads: "<resource>.<operation>" -> role names.
HMS_ROLE_MAP = "hms.accounts.policies.ROLE_MAP"

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("HMS_ACCESS_TOKEN_MINUTES", default=5)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("HMS_REFRESH_TOKEN_DAYS", default=1)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "SIGNING_KEY": env.str("JWT_SIGNING_KEY", default="") or SECRET_KEY,
    "ALGORITHM": "HS256",
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "USER_AUTHENTICATION_RULE": "hms.accounts.authentication.user_may_authenticate",
}

# The refresh token of the SPA lives in this cookie: HttpOnly, SameSite=Strict, scoped to auth/.
HMS_REFRESH_COOKIE_NAME = "hms_refresh"
HMS_REFRESH_COOKIE_PATH = "/api/v1/auth/"
HMS_REFRESH_COOKIE_SECURE = env.bool("HMS_REFRESH_COOKIE_SECURE", default=not DEBUG)
# Set and cleared with the refresh cookie, readable by the SPA and holding no secret ("1"): a page
# load without it has no session to restore and asks for none (so no 401 on a signed-out load).
HMS_SESSION_HINT_COOKIE_NAME = "hms_session"

SPECTACULAR_SETTINGS = {
    "TITLE": "HMS API",
    "DESCRIPTION": (REPO_DIR / "docs" / "api-description.md").read_text(encoding="utf-8")
    if (REPO_DIR / "docs" / "api-description.md").is_file()
    else "Hospital Management System API.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Request bodies get their own components (`DoctorRegistrationRequest`), so read-only
    # fields are never asked for and write-only ones never promised in an answer.
    "COMPONENT_SPLIT_REQUEST": True,
    "TAGS": [
        {
            "name": "auth",
            "description": "Sign-up for each role, sign-in (JSON tokens or the web app's "
            "cookie), token rotation, sign-out, and the signed-in account and its password.",
        },
        {
            "name": "hospital",
            "description": "Public facts about the hospital: name, address, time zone, "
            "currency, admin sign-up policy, slot length.",
        },
        {"name": "departments", "description": "The hospital's departments (public)."},
        {
            "name": "doctors",
            "description": "Doctor accounts: registration and approval by the admin, profiles, "
            "the public directory of approved doctors and each doctor's free appointment slots.",
        },
        {
            "name": "patients",
            "description": "Patient accounts: registration and approval by the admin, profiles "
            "and the assigned doctor. A doctor sees only their assigned patients, a patient "
            "only themself.",
        },
        {
            "name": "admissions",
            "description": "Hospital stays: the admin admits a patient under a doctor and "
            "discharges them, which issues the invoice (preview first, nothing saved).",
        },
        {
            "name": "invoices",
            "description": "Invoices issued at discharge, numbered per year, with the PDF "
            "stored at issue. The admin sees all, a patient their own.",
        },
        {
            "name": "payments",
            "description": "Money received and given back: receipts (payments against invoices "
            "and advances against open admissions), refunds and credit notes, each numbered per "
            "year with its PDF stored. Money moves are the admin's and need an Idempotency-Key; "
            "a patient reads their own.",
        },
        {
            "name": "reports",
            "description": "The cashier's reports (admin): daily collections by method and by "
            "cashier, outstanding invoices by age; JSON for tables and charts, CSV downloads.",
        },
        {
            "name": "appointments",
            "description": "Appointments in free slots: a patient requests (PENDING until the "
            "admin approves), the admin books confirmed ones, the doctor marks them attended.",
        },
        {"name": "dashboard", "description": "The signed-in user's overview, by role."},
        {
            "name": "audit",
            "description": "The audit log (admin): every change, every read of a patient's "
            "data and every refused attempt; filters, a CSV export and FHIR R4 AuditEvents.",
        },
        {
            "name": "clinical",
            "description": "The clinical record: visit notes with vitals and prescriptions, "
            "progress notes, discharge summaries and addenda (signed once, never edited), the "
            "patient timeline and the ICD-10-CM code list.",
        },
        {
            "name": "notifications",
            "description": "What happened that concerns you: the in-app notifications, which "
            "kinds also come by e-mail, and the one-click unsubscribe link of an e-mail.",
        },
        {
            "name": "health",
            "description": "Liveness and readiness probes for load balancers (public, never "
            "throttled).",
        },
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One enum name per set of choices, so the generated TypeScript reads well.
    "ENUM_NAME_OVERRIDES": {
        "AccountStatusEnum": "hms.accounts.models.AccountStatus",
        "RoleEnum": "hms.accounts.models.Role",
        "AdmissionStatusEnum": "hms.admissions.models.AdmissionStatus",
        "AppointmentStatusEnum": "hms.appointments.models.AppointmentStatus",
        "HealthStatusEnum": ["ok", "unavailable"],
        "PendingAccountKindEnum": ["DOCTOR", "PATIENT"],
        "AuditKindEnum": "hms.audit.models.AuditKind",
        "AuditOutcomeEnum": "hms.audit.models.AuditOutcome",
        "NotificationKindEnum": "hms.notifications.models.NotificationKind",
        "DocumentStatusEnum": "hms.clinical.models.DocumentStatus",
        "RouteEnum": "hms.clinical.models.Route",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "hms.common.schema.add_common_error_responses",
        "hms.common.schema.add_error_code_enum",
    ],
}

# Hospital settings (SPEC sections 1-3).
HMS_HOSPITAL_NAME = env.str("HMS_HOSPITAL_NAME", default="HMS General Hospital")
HMS_HOSPITAL_ADDRESS = env.str(
    "HMS_HOSPITAL_ADDRESS", default="1 Hospital Road, Bengaluru 560001, India"
)
HMS_CURRENCY = env.str("HMS_CURRENCY", default="INR")
# Admin self sign-up policy: "open" (anyone), "code" (needs HMS_ADMIN_SIGNUP_CODE), "closed".
HMS_ADMIN_SIGNUP = env.str("HMS_ADMIN_SIGNUP", default="code")
HMS_ADMIN_SIGNUP_CODE = env.str("HMS_ADMIN_SIGNUP_CODE", default="")
HMS_SLOT_MINUTES = env.int("HMS_SLOT_MINUTES", default=30)
HMS_WORKING_HOURS = env.str("HMS_WORKING_HOURS", default="MON-SAT 09:00-17:00")
# How far ahead an appointment may be booked (days from today); dates in requests may lie at
# most this far in the future, and none before 1900-01-01.
HMS_BOOKING_HORIZON_DAYS = env.int("HMS_BOOKING_HORIZON_DAYS", default=180)
# How long a slot offered to the first person on a doctor's waitlist is held for them (minutes).
HMS_WAITLIST_HOLD_MINUTES = env.int("HMS_WAITLIST_HOLD_MINUTES", default=30)
HMS_ALLOW_DEMO_SEED = False
# The clinical record (SPEC section 10): when true, a stay cannot be discharged before its
# discharge summary is signed (409 DISCHARGE_SUMMARY_REQUIRED); when false the discharge screen
# only warns.
HMS_DISCHARGE_REQUIRES_SUMMARY = env.bool("HMS_DISCHARGE_REQUIRES_SUMMARY", default=False)
# Swagger UI (/api/docs/) and the schema (/api/schema/) are public, in production too: the
# contract is no secret. Off, they answer only to signed-in admins (hms.common.api_docs).
HMS_PUBLIC_API_DOCS = env.bool("HMS_PUBLIC_API_DOCS", default=True)

# --- Sign-in: sessions, lockout, two-factor sign-in ---------------------------------------------
# A session (one sign-in on one device) ends at the latest this many days after sign-in.
HMS_SESSION_DAYS = env.int("HMS_SESSION_DAYS", default=7)
# A rotated refresh token reused within this many seconds gets the same successor (tabs that
# refresh at once); a later reuse ends the session.
HMS_REFRESH_GRACE_SECONDS = env.int("HMS_REFRESH_GRACE_SECONDS", default=30)
# Per-account lockout: this many failed passwords for one username within the window lock it
# for the next of HMS_LOCKOUT_MINUTES (the last one repeats). Counted in the shared cache.
HMS_LOCKOUT_ATTEMPTS = env.int("HMS_LOCKOUT_ATTEMPTS", default=5)
HMS_LOCKOUT_WINDOW_MINUTES = env.int("HMS_LOCKOUT_WINDOW_MINUTES", default=15)
HMS_LOCKOUT_MINUTES = [
    int(step) for step in env.list("HMS_LOCKOUT_MINUTES", default=["1", "5", "15"])
]

# Two-factor sign-in (TOTP) is required for these roles (comma-separated, e.g. ADMIN,DOCTOR);
# production defaults to ADMIN,DOCTOR. An account of such a role signs in to enrol first.
HMS_MFA_REQUIRED_ROLES = env.list("HMS_MFA_REQUIRED_ROLES", default=[])
# The second step of a two-factor login must come within this many seconds of the first.
HMS_MFA_CHALLENGE_SECONDS = env.int("HMS_MFA_CHALLENGE_SECONDS", default=300)

# --- E-mail (password reset links) -------------------------------------------------------------
# One URL: smtp://user:password@host:587 (or smtp+tls://, smtp+ssl://), console://, file:///folder,
# locmem://, dummy:// (config/email.py). Local settings write mail into a folder, tests keep it
# in memory, production sends it over SMTP.
EMAIL_URL = env.str("EMAIL_URL", default="smtp://localhost:25")
_EMAIL = email_settings(EMAIL_URL)
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
EMAIL_FILE_PATH = _EMAIL.get("EMAIL_FILE_PATH")
EMAIL_HOST = _EMAIL.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _EMAIL.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _EMAIL.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _EMAIL.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _EMAIL.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _EMAIL.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="HMS <no-reply@localhost>")
# A password reset link is valid this long, once.
PASSWORD_RESET_TIMEOUT = env.int("HMS_PASSWORD_RESET_MINUTES", default=30) * 60
# Where the web app lives, for links in e-mails; empty: the address the request came to.
HMS_SITE_URL = env.str("HMS_SITE_URL", default="")

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "hms.common.logging.RequestIdFilter"},
        "strip_query_string": {"()": "hms.common.logging.StripQueryStringFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request lines carry URLs and bodies; HMS URLs hold no PHI, but warnings from
        # django.request could echo request data, so only errors pass.
        "django.request": {"level": "ERROR"},
        # The development server's access log (`make run`): paths without query strings.
        "django.server": {
            "handlers": ["console"],
            "filters": ["strip_query_string"],
            "level": "INFO",
            "propagate": False,
        },
    },
}

# Access log (who saw what). Unusual access: one person opening more than this many distinct
# patients within this many minutes raises a flag on the admin dashboard.
HMS_UNUSUAL_ACCESS_PATIENTS = env.int("HMS_UNUSUAL_ACCESS_PATIENTS", default=50)
HMS_UNUSUAL_ACCESS_MINUTES = env.int("HMS_UNUSUAL_ACCESS_MINUTES", default=10)
# An access event (a read of patient data) written in a transaction of its own commits without
# waiting for PostgreSQL's WAL flush; change and security events always wait. A crash of the
# database host can lose the last moments' access events (never a row inside the chain);
# docs/deployment.md ("Two database roles") gives the trade-off. false: every event waits.
HMS_AUDIT_ACCESS_ASYNC_COMMIT = env.bool("HMS_AUDIT_ACCESS_ASYNC_COMMIT", default=True)

# Notifications (SPEC section 9): the admins are told of unusual access by this function.
HMS_UNUSUAL_ACCESS_NOTIFIER = "hms.notifications.events.notify_unusual_access_flag"
# Reminders of confirmed appointments go out this many hours before the visit.
HMS_REMINDER_HOURS = env.int("HMS_REMINDER_HOURS", default=24)
# A failed notification e-mail is retried after this many seconds, doubling each time.
HMS_EMAIL_RETRY_SECONDS = env.int("HMS_EMAIL_RETRY_SECONDS", default=30)

# --- Celery: notification e-mails and scheduled jobs (config/celery.py) ------------------------
# Production needs a broker (Redis: redis://host:6379/1) and runs `worker` and `beat`. Without
# one, every task runs in the process that queues it, after the commit (`make run`, tests).
_CELERY_BROKER = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not _CELERY_BROKER
# In-process tasks need no broker; "memory://" keeps Celery from looking for one on localhost.
CELERY_BROKER_URL = _CELERY_BROKER or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
# A message is acknowledged after its task ran, so a worker that dies mid-task loses nothing;
# the delivery row keeps the redelivered task from sending a mail twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Several deployments (or test runs) may share one Redis database: each keeps its keys under
# its own prefix.
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, Any] = {
    # Longer than the longest retry delay, so a delayed retry is not handed out twice.
    "visibility_timeout": 3600,
    **(
        {"global_keyprefix": env.str("CELERY_BROKER_KEY_PREFIX")}
        if env.str("CELERY_BROKER_KEY_PREFIX", default="")
        else {}
    ),
}
# Celery beat: the reminder job every few minutes. It is idempotent, so a run too many or a
# late one sends nothing twice, and it catches up with visits still ahead after downtime. The
# other jobs are idempotent too; `manage.py run_scheduled_jobs --loop` runs this schedule
# without a broker (`make run`).
CELERY_BEAT_SCHEDULE = {
    "appointment-reminders": {
        "task": "appointments.send_reminders",
        "schedule": 60 * env.int("HMS_REMINDER_EVERY_MINUTES", default=5),
    },
    "notification-emails-requeue": {"task": "notifications.requeue_stale", "schedule": 300},
    # No-shows, expired requests and waitlist holds that ran out (their slot passes on): every
    # minute, so a held slot is offered to the next in line soon after its hold ends.
    "appointments-expire": {
        "task": "appointments.expire",
        "schedule": 60 * env.int("HMS_EXPIRY_EVERY_MINUTES", default=1),
    },
    # The counters kept by the database (hms.common.counters) gain a row per counted change;
    # folding them keeps each counter a handful of rows, so reading it stays constant-time.
    "counters-compact": {
        "task": "common.compact_counters",
        "schedule": 60 * env.int("HMS_COUNTER_COMPACTION_EVERY_MINUTES", default=5),
    },
}

if CELERY_TASK_ALWAYS_EAGER:
    # In-process tasks (`make run`): the server's console shows requests, not every e-mail task.
    LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}

# Two database roles on PostgreSQL. DATABASE_URL is the application's role: it may only INSERT
# and SELECT on the audit log. MIGRATION_DATABASE_URL (same database, the tables' owner) is
# used by `manage.py migrate`, which then grants the application's role its privileges.
# Unset: migrations run as DATABASE_URL's role (one role, as on SQLite).
HMS_MIGRATION_DATABASE = (
    env.db_url("MIGRATION_DATABASE_URL") if env.str("MIGRATION_DATABASE_URL", default="") else None
)
