from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.email import email_settings


def test_smtp_with_starttls_and_credentials():
    assert email_settings("smtp+tls://mailer%40hms:p%40ss@mail.example.org:2587") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 2587,
        "EMAIL_HOST_USER": "mailer@hms",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_smtp_ssl_defaults_to_port_465():
    settings = email_settings("smtp+ssl://mail.example.org")
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_SSL"]) == (465, True)


def test_file_console_and_locmem():
    assert email_settings("file:///srv/hms/mail") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/srv/hms/mail",
    }
    assert email_settings("console://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }
    assert email_settings("locmem://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"
    }


@pytest.mark.parametrize("url", ["pigeon://coop", "file://"])
def test_unknown_or_incomplete_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured):
        email_settings(url)
