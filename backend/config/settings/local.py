"""Local development: SQLite by default, DEBUG on unless set, the open admin sign-up policy."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("HMS_ADMIN_SIGNUP", "open")

from config.settings.base import *
from config.settings.base import SECRET_KEY, SIMPLE_JWT

if not SECRET_KEY:
    SECRET_KEY = "local-development-only-not-a-secret-padding-to-a-safe-length"  # noqa: S105
    SIMPLE_JWT["SIGNING_KEY"] = SECRET_KEY

HMS_ALLOW_DEMO_SEED = True
