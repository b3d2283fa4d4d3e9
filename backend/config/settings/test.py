"""Settings for the test suite: fast hashing, generous throttles unless a test lowers them."""

import os

os.environ.setdefault("HMS_ADMIN_SIGNUP", "open")

from config.settings.base import *
from config.settings.base import DATABASES, REST_FRAMEWORK, SIMPLE_JWT

SECRET_KEY = "test-only-not-a-secret-padding-to-a-safe-hmac-key-length"  # noqa: S105
SIMPLE_JWT["SIGNING_KEY"] = SECRET_KEY
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "user": "100000/min",
    "login": "100000/min",
    "refresh": "100000/min",
    "signup": "100000/min",
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
