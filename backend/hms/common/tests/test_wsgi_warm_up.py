from __future__ import annotations

import logging

import pytest
from django.contrib.auth.hashers import check_password

import hms.billing.pdf
from config import wsgi
from hms.accounts import services
from hms.audit.models import AuditEvent
from hms.billing.models import Invoice

pytestmark = pytest.mark.django_db


def test_the_warm_up_renders_an_invoice_and_writes_nothing(monkeypatch):
    rendered = []
    real_render = hms.billing.pdf.invoice_render_pdf

    def render(*, invoice):
        pdf = real_render(invoice=invoice)
        rendered.append((invoice.pk, invoice.number, pdf[:5]))
        return pdf

    monkeypatch.setattr(hms.billing.pdf, "invoice_render_pdf", render)
    wsgi.warm_up_invoice_renderer()
    assert rendered == [(None, "INV-0000-000000", b"%PDF-")]
    assert Invoice.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_a_failed_warm_up_is_logged_and_the_worker_starts(monkeypatch, caplog):
    def broken(*, invoice):
        raise OSError("fonts missing")

    monkeypatch.setattr(hms.billing.pdf, "invoice_render_pdf", broken)
    with caplog.at_level(logging.WARNING, logger="config.wsgi"):
        wsgi.warm_up_invoice_renderer()
    assert [record.getMessage() for record in caplog.records] == ["Invoice renderer warm-up failed"]


def test_the_warm_up_computes_the_hash_unknown_usernames_are_checked_against(
    monkeypatch, api_client
):
    monkeypatch.setattr(services, "_DUMMY_PASSWORD_HASH", None)
    wsgi.warm_up_login()
    warmed = services._DUMMY_PASSWORD_HASH
    assert warmed is not None
    assert check_password("not-a-real-password-for-timing", warmed) is True

    # The first sign-in with an unknown username then checks one hash and makes none.
    made = []
    monkeypatch.setattr(services, "make_password", lambda *args: made.append(args) or "")
    response = api_client.post(
        "/api/v1/auth/token/", {"username": "nobody", "password": "x"}, format="json"
    )
    assert response.status_code == 401
    assert made == []
    assert services._DUMMY_PASSWORD_HASH is warmed
