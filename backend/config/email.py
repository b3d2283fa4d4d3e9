"""Django's e-mail settings from one EMAIL_URL.

- `smtp://user:password@host:587` (STARTTLS: `smtp+tls://`, implicit TLS: `smtp+ssl://`)
- `console://` prints every message on the server's standard output
- `file:///absolute/folder` writes every message as a file into the folder
- `locmem://` keeps messages in memory (tests read `django.core.mail.outbox`)
- `dummy://` drops every message
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+ssl": "django.core.mail.backends.smtp.EmailBackend",
}


def email_settings(url: str) -> dict[str, Any]:
    """The EMAIL_* settings an EMAIL_URL stands for. Raises ImproperlyConfigured if unknown."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _BACKENDS:
        raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {scheme!r} (see config/email.py).")
    result: dict[str, Any] = {"EMAIL_BACKEND": _BACKENDS[scheme]}
    if scheme == "file":
        if not parts.path:
            raise ImproperlyConfigured("EMAIL_URL: file:// needs a folder, e.g. file:///srv/mail")
        result["EMAIL_FILE_PATH"] = unquote(parts.path)
    if scheme.startswith("smtp"):
        result.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port
            or (465 if scheme == "smtp+ssl" else 587 if "tls" in scheme else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=scheme == "smtp+tls",
            EMAIL_USE_SSL=scheme == "smtp+ssl",
        )
    return result
