"""WSGI entry point; each worker renders one small invoice when it starts, so the first real
invoice after a restart costs about what a warm one does, and computes the hash that sign-ins
with an unknown username check against (see `hms.accounts.services.login_warm_up`)."""

import logging
import os
from datetime import date
from decimal import Decimal

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()


def warm_up_invoice_renderer() -> None:
    """Render an unsaved invoice (nothing is written) with names in every script the fonts cover.

    The first render of a process loads WeasyPrint's fonts, stylesheets and layout caches: a
    few hundred milliseconds that would otherwise land on the first discharge after a deploy.
    A failure here is logged and the worker starts anyway; the discharge reports its own errors.
    """
    from django.utils import timezone

    from hms.billing.models import Invoice
    from hms.billing.pdf import invoice_render_pdf

    invoice = Invoice(
        number="INV-0000-000000",
        patient_name="Asha Rao आरव गुप्ता",
        patient_mobile="+910000000000",
        patient_address="1 Hospital Road",
        symptoms="Warm-up",
        doctor_name="فاطمة الزهراء 李小龙",
        doctor_department="General Medicine",
        admitted_on=date(2026, 1, 1),
        discharged_on=date(2026, 1, 2),
        days=1,
        room_charge_per_day=Decimal("1.00"),
        room_charge=Decimal("1.00"),
        doctor_fee=Decimal("1.00"),
        medicine_cost=Decimal("1.00"),
        other_charge=Decimal("1.00"),
        total=Decimal("5.00"),
        currency="INR",
        issued_at=timezone.now(),
    )
    try:
        invoice_render_pdf(invoice=invoice)
    except Exception:  # a cold first invoice beats a worker that will not start
        logging.getLogger(__name__).warning("Invoice renderer warm-up failed", exc_info=True)


warm_up_invoice_renderer()


def warm_up_login() -> None:
    from hms.accounts.services import login_warm_up

    login_warm_up()


warm_up_login()
