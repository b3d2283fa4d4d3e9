"""Local development: SQLite, DEBUG on unless set, open admin sign-up, keys of this checkout."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("HMS_ADMIN_SIGNUP", "open")
# Mail (password reset links) is written as files into backend/sent-mail/ for a newcomer to read.
_SENT_MAIL = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "sent-mail"))
os.environ.setdefault("EMAIL_URL", f"file://{_SENT_MAIL}")
# Links in notification e-mails (`make run` passes its own HOST and PORT).
os.environ.setdefault("HMS_SITE_URL", "http://127.0.0.1:8000")
# runserver answers each client connection on a thread of its own, so a database connection kept
# past its request is never reused, and with PostgreSQL behind it every kept-alive or abandoned
# client connection can hold one until the server's connection slots run out (503 for everyone).
# Close it at the end of each request, as Django advises for its development server.
os.environ.setdefault("DB_CONN_MAX_AGE", "0")

from pathlib import Path

from config.dev_keys import dev_keys
from config.settings.base import *
from config.settings.base import BASE_DIR, SECRET_KEY, SIMPLE_JWT

# --- Per-checkout development keys: generated on first run, never a key from the repository ---

_dev_keys = dev_keys(Path(os.environ.get("HMS_DEV_KEYS_FILE") or BASE_DIR / ".dev-keys"))
if not SECRET_KEY:
    SECRET_KEY = _dev_keys["SECRET_KEY"]
if not os.environ.get("JWT_SIGNING_KEY"):
    SIMPLE_JWT["SIGNING_KEY"] = _dev_keys["JWT_SIGNING_KEY"]

HMS_ALLOW_DEMO_SEED = True
