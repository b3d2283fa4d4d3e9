"""Render an invoice as a PDF with WeasyPrint: a leaf that reads settings and writes nothing.

Safety: every value in the page comes from the invoice through Django's template autoescape, so
HTML, CSS `url()`, `<img src>` and `file://` in a name or an address stay literal text. The
renderer's URL fetcher serves only files inside the bundled assets folder and refuses every
other URL (http, https, data, files elsewhere); redirects cannot happen since nothing is fetched
over a network.

WeasyPrint is imported at module level, and `config/wsgi.py` imports this module, so a worker
pays the import when it starts, not on the first discharge.
"""

from __future__ import annotations

import logging
import mimetypes
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from hms.common.formatting import format_money

# WeasyPrint logs progress lines at INFO at import and seven per document: noise in the logs of
# every discharge. Set before the import so the import's own lines are dropped too.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

import weasyprint  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

if TYPE_CHECKING:
    from hms.billing.models import Invoice

logger = logging.getLogger(__name__)

ASSETS_DIR = (Path(__file__).resolve().parent / "assets").resolve()


class FetchRefused(ValueError):
    """The renderer asked for a resource outside the bundled assets."""


class AssetsOnlyURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads files under ASSETS_DIR and nothing else."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=["file"], allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        path = asset_path(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )


def asset_path(url: str) -> Path:
    """Return the bundled file a `file:` URL names, resolved through symlinks and `..`.

    Raises FetchRefused for any other scheme, a remote host, or a path outside ASSETS_DIR.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in {"", "localhost"}:
        # The URL itself may carry text from the invoice; log only what kind it was.
        logger.warning("Invoice renderer refused a %s URL", parts.scheme.lower() or "relative")
        raise FetchRefused("Only bundled invoice assets may be loaded.")
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(ASSETS_DIR) or not path.is_file():
        logger.warning("Invoice renderer refused a file outside its assets")
        raise FetchRefused("Only bundled invoice assets may be loaded.")
    return path


def _money(value: Decimal, currency: str) -> str:
    return format_money(value, currency)


def _date(value: date) -> str:
    return value.isoformat()


def _hospital_time(value: datetime) -> datetime:
    return timezone.localtime(value, timezone.get_default_timezone())


def invoice_context(*, invoice: Invoice) -> dict[str, Any]:
    """Return the values the invoice page shows, formatted (money as on screen, dates ISO)."""
    issued_at = _hospital_time(invoice.issued_at)
    currency = invoice.currency
    return {
        "invoice": invoice,
        "hospital_name": settings.HMS_HOSPITAL_NAME,
        "hospital_address": settings.HMS_HOSPITAL_ADDRESS,
        "time_zone": settings.TIME_ZONE,
        "issued_on": _date(issued_at.date()),
        "issued_at": issued_at.strftime("%Y-%m-%d %H:%M"),
        "admitted_on": _date(invoice.admitted_on),
        "discharged_on": _date(invoice.discharged_on),
        "room_charge_per_day": _money(invoice.room_charge_per_day, currency),
        "room_charge": _money(invoice.room_charge, currency),
        "doctor_fee": _money(invoice.doctor_fee, currency),
        "medicine_cost": _money(invoice.medicine_cost, currency),
        "other_charge": _money(invoice.other_charge, currency),
        "total": _money(invoice.total, currency),
        "advance_applied": (
            _money(invoice.advance_applied, currency) if invoice.advance_applied else ""
        ),
        "amount_due": _money(invoice.amount_due, currency),
        "replaces": invoice.replaces.number if invoice.replaces is not None else "",
    }


def invoice_html(*, invoice: Invoice) -> str:
    """Return the invoice page as HTML, every value escaped by the template engine."""
    return render_to_string("billing/invoice.html", invoice_context(invoice=invoice))


def html_render_pdf(*, html: str) -> bytes:
    """Render trusted HTML to PDF bytes; relative URLs resolve inside ASSETS_DIR only."""
    document = weasyprint.HTML(
        string=html, base_url=f"{ASSETS_DIR.as_uri()}/", url_fetcher=AssetsOnlyURLFetcher()
    )
    pdf = document.write_pdf()
    assert pdf is not None  # write_pdf returns bytes when no target is given
    return pdf


def invoice_render_pdf(*, invoice: Invoice) -> bytes:
    """Render the invoice (saved or not) as a PDF and return its bytes.

    Shows the hospital's name and address, the number and issue date, patient and doctor, the
    stay's dates and days, every charge and the total with the currency.
    """
    return html_render_pdf(html=invoice_html(invoice=invoice))
