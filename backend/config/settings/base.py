"""Settings shared by every environment; everything deployment-specific comes from the env."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext

from config.env import env_bool, env_int, env_list, env_str

# Lets runtime code subscript Django generics (ModelAdmin[Model], QuerySet[Model]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = BASE_DIR.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

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
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "hms.common",
    "hms.audit",
    "hms.accounts",
    "hms.doctors",
    "hms.patients",
    "hms.admissions",
    "hms.billing",
    "hms.appointments",
    "hms.dashboard",
    "hms.workflows",
]

MIDDLEWARE = [
    "hms.common.middleware.RequestIdMiddleware",
    "hms.common.middleware.BodySizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
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

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
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
TIME_ZONE = env_str("TIME_ZONE", "Asia/Kolkata")
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
SPA_DIST_DIR = Path(env_str("HMS_SPA_DIST_DIR", str(REPO_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = SPA_DIST_DIR if SPA_DIST_DIR.is_dir() else None

CACHE_URL = env_str("CACHE_URL", "locmem://")
if CACHE_URL.startswith("redis://") or CACHE_URL.startswith("rediss://"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_ALLOW_CREDENTIALS = True

# Bodies larger than this are refused with 413 before any parser reads them.
HMS_MAX_BODY_BYTES = env_int("HMS_MAX_BODY_BYTES", 1_048_576)
DATA_UPLOAD_MAX_MEMORY_SIZE = HMS_MAX_BODY_BYTES

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["hms.accounts.authentication.ApprovedUserJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "hms.common.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "hms.common.exception_handler.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "user": env_str("HMS_THROTTLE_USER", "600/min"),
        "login": env_str("HMS_THROTTLE_LOGIN", "10/min"),
        "refresh": env_str("HMS_THROTTLE_REFRESH", "30/min"),
        "signup": env_str("HMS_THROTTLE_SIGNUP", "20/hour"),
    },
    "NUM_PROXIES": env_int("HMS_NUM_PROXIES", 0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "COERCE_DECIMAL_TO_STRING": True,
    "DATETIME_FORMAT": "iso-8601",
}

# The role map RoleMapPermission reads: "<resource>.<operation>" -> role names.
HMS_ROLE_MAP = "hms.accounts.policies.ROLE_MAP"

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("HMS_ACCESS_TOKEN_MINUTES", 5)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("HMS_REFRESH_TOKEN_DAYS", 1)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "SIGNING_KEY": env_str("JWT_SIGNING_KEY", "") or SECRET_KEY,
    "ALGORITHM": "HS256",
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "USER_AUTHENTICATION_RULE": "hms.accounts.authentication.user_may_authenticate",
}

# The refresh token of the SPA lives in this cookie: HttpOnly, SameSite=Strict, scoped to auth/.
HMS_REFRESH_COOKIE_NAME = "hms_refresh"
HMS_REFRESH_COOKIE_PATH = "/api/v1/auth/"
HMS_REFRESH_COOKIE_SECURE = env_bool("HMS_REFRESH_COOKIE_SECURE", default=not DEBUG)

SPECTACULAR_SETTINGS = {
    "TITLE": "HMS API",
    "DESCRIPTION": (REPO_DIR / "docs" / "api-description.md").read_text(encoding="utf-8")
    if (REPO_DIR / "docs" / "api-description.md").is_file()
    else "Hospital Management System API.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
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
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "hms.common.schema.add_common_error_responses",
    ],
}

# Hospital settings (SPEC sections 1-3).
HMS_HOSPITAL_NAME = env_str("HMS_HOSPITAL_NAME", "HMS General Hospital")
HMS_HOSPITAL_ADDRESS = env_str("HMS_HOSPITAL_ADDRESS", "1 Hospital Road, Bengaluru 560001, India")
HMS_CURRENCY = env_str("HMS_CURRENCY", "INR")
# Admin self sign-up policy: "open" (anyone), "code" (needs HMS_ADMIN_SIGNUP_CODE), "closed".
HMS_ADMIN_SIGNUP = env_str("HMS_ADMIN_SIGNUP", "code")
HMS_ADMIN_SIGNUP_CODE = env_str("HMS_ADMIN_SIGNUP_CODE", "")
HMS_SLOT_MINUTES = env_int("HMS_SLOT_MINUTES", 30)
HMS_WORKING_HOURS = env_str("HMS_WORKING_HOURS", "MON-SAT 09:00-17:00")
# How far ahead an appointment may be booked (days from today); dates in requests may lie at
# most this far in the future, and none before 1900-01-01.
HMS_BOOKING_HORIZON_DAYS = env_int("HMS_BOOKING_HORIZON_DAYS", 180)
HMS_ALLOW_DEMO_SEED = False
# Swagger UI and the schema are public unless a deployment restricts them to admins.
HMS_PUBLIC_API_DOCS = env_bool("HMS_PUBLIC_API_DOCS", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "hms.common.logging.RequestIdFilter"}},
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
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request lines carry URLs and bodies; HMS URLs hold no PHI, but warnings from
        # django.request could echo request data, so only errors pass.
        "django.request": {"level": "ERROR"},
    },
}
