"""Settings for the test suite: fast hashing, generous throttles unless a test lowers them."""

import os
import secrets

os.environ.setdefault("HMS_ADMIN_SIGNUP", "open")
os.environ.setdefault("EMAIL_URL", "locmem://")

from config.settings.base import *
from config.settings.base import DATABASES, REST_FRAMEWORK, SIMPLE_JWT

# A fresh key per test run, never one from the repository; processes the tests start inherit it.
SECRET_KEY = os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(64))
SIMPLE_JWT["SIGNING_KEY"] = SECRET_KEY
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "user": "100000/min",
    "login": "100000/min",
    "refresh": "100000/min",
    "signup": "100000/min",
    "password_reset": "100000/min",
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
HMS_ALLOW_DEMO_SEED = True

# A test database of this run's own (test_<name>_<pid>; pytest-django adds `_gw0`... per xdist
# worker), so two runs sharing a database server never drop each other's. SQLite's test
# database lives in memory and needs nothing.
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}

# The test runner empties its own tables with TRUNCATE between transactional tests; the audit
# log's trigger lets that pass only in a session that asks for it.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c hms.audit_truncate=allow"

# Celery tasks run in the test's own process, after the commit (tests capture on_commit).
CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = True
