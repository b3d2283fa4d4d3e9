"""The invoice PDF: every value on the page, real fonts for every script, nothing fetched."""

from __future__ import annotations

import io
import re
import threading
import urllib.request
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import HTTPRedirectHandler

import pytest
import weasyprint
from django.test import override_settings
from django.utils import timezone
from pypdf import PdfReader

from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.billing import pdf as invoice_pdf
from hms.billing.models import Invoice
from hms.billing.pdf import ASSETS_DIR, AssetsOnlyURLFetcher, FetchRefused, asset_path

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def squeeze(text: str) -> str:
    """Drop all whitespace: line wrapping in the PDF must not hide a value."""
    return re.sub(r"\s+", "", text)


def embedded_fonts(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            base = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(base.split("+", 1)[-1])  # drop the subset tag, e.g. "ABCDEF+"
    return names


def _family(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


@pytest.mark.parametrize(
    ("patient_name", "doctor_name", "script_font"),
    [
        (("आरव", "गुप्ता"), ("Anita", "Desai"), "notosansdevanagari"),
        (("عمر", "حداد"), ("Samuel", "Okafor"), "notosansarabic"),
        (("美", "林"), ("伟", "王"), "notosanscjk"),
        (("Zoë", "O'Brien"), ("فاطمة", "الزهراء"), "notosansarabic"),
    ],
)
@override_settings(
    HMS_HOSPITAL_NAME="Lakeside General Hospital",
    HMS_HOSPITAL_ADDRESS="7 Lake Road, Kochi 682001, India",
)
def test_the_pdf_shows_every_value_in_real_fonts(
    make_doctor, make_patient, admin_user, patient_name, doctor_name, script_font
):
    doctor = make_doctor(user__first_name=doctor_name[0], user__last_name=doctor_name[1])
    patient = make_patient(
        user__first_name=patient_name[0],
        user__last_name=patient_name[1],
        mobile="+919845012345",
        address="12 Lake View Road, Kochi",
    )
    admission = AdmissionFactory(
        patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20), symptoms="Chest pain"
    )
    invoice = discharge(admission, actor=admin_user, discharged_on=date(2026, 11, 24))

    text = squeeze(pdf_text(bytes(invoice.pdf)))

    expected = [
        "Lakeside General Hospital",
        "7 Lake Road, Kochi 682001, India",
        invoice.number,
        "Issue date",
        timezone.localtime(invoice.issued_at, timezone.get_default_timezone()).date().isoformat(),
        f"{patient_name[0]} {patient_name[1]}",
        f"{doctor_name[0]} {doctor_name[1]}",
        "Cardiologist",
        "+919845012345",
        "12 Lake View Road, Kochi",
        "Chest pain",
        "Admitted on2026-11-20",
        "Discharged on2026-11-24",
        "Billable days4",
        "Room: 4 days at ₹500.00 per day₹2,000.00",
        "Doctor fee₹1,000.00",
        "Medicine cost₹250.00",
        "Other charges₹100.00",
        "Total₹3,350.00",
    ]
    missing = [value for value in expected if squeeze(value) not in text]
    assert missing == []
    assert invoice.number == "INV-2026-000001"

    families = {_family(name) for name in embedded_fonts(bytes(invoice.pdf))}
    assert "notosans" in families  # Latin text
    assert any(family.startswith(script_font) for family in families), families
    # No fallback font stood in for a script Noto covers.
    assert all(family.startswith("notosans") for family in families), families


def test_arabic_and_cjk_and_devanagari_on_one_invoice_use_their_own_fonts(
    make_doctor, make_patient, admin_user
):
    doctor = make_doctor(user__first_name="伟", user__last_name="王")
    patient = make_patient(user__first_name="आरव", user__last_name="गुप्ता", address="عمان، الأردن")
    invoice = discharge(AdmissionFactory(patient=patient, doctor=doctor), actor=admin_user)

    families = {_family(name) for name in embedded_fonts(bytes(invoice.pdf))}

    assert {"notosans", "notosansdevanagari", "notosansarabic"} <= families
    assert any(family.startswith("notosanscjk") for family in families)
    text = squeeze(pdf_text(bytes(invoice.pdf)))
    assert "आरवगुप्ता" in text
    assert "伟王" in text
    assert "عمان،الأردن" in text


# --- nothing is fetched ---------------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        body = b"body { background: red }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def loopback() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def hostile_html(port: int) -> str:
    base = f"http://127.0.0.1:{port}"
    return f"""<!DOCTYPE html><html><head>
<link rel="stylesheet" href="{base}/link.css">
<style>@import url("{base}/import.css"); body {{ background: url({base}/bg.png) }}</style>
</head><body>
<img src="{base}/img.png"><img src="file:///etc/hostname"><img src="../pdf.py">
<iframe src="{base}/frame.html"></iframe><object data="{base}/object.svg"></object>
<p style="background-image: url('{base}/inline.png')">Patient</p>
</body></html>"""


def test_the_loopback_listener_sees_what_the_default_fetcher_fetches(loopback):
    # The control: WeasyPrint's own fetcher does call the listener, so the tests below can fail.
    port = loopback.server_address[1]
    weasyprint.HTML(string=hostile_html(port)).write_pdf()
    assert "/link.css" in loopback.hits
    assert "/img.png" in loopback.hits


def test_the_renderer_fetches_nothing_even_from_raw_hostile_html(loopback):
    port = loopback.server_address[1]

    data = invoice_pdf.html_render_pdf(html=hostile_html(port))

    assert data.startswith(b"%PDF-")
    assert loopback.hits == []


def test_hostile_names_and_addresses_come_out_as_literal_text(
    loopback, make_doctor, make_patient, admin_user
):
    base = f"http://127.0.0.1:{loopback.server_address[1]}"
    first_name = f'<img src="{base}/name.png">'
    last_name = "url(file:///etc/passwd)"
    address = f'<link rel="stylesheet" href="{base}/address.css"> file:///etc/hostname'
    symptoms = (
        f"<style>@import url({base}/symptoms.css);</style><b>bold?</b> &amp; <script>x</script>"
    )
    doctor = make_doctor(user__first_name="<i>Anita</i>", user__last_name=f"url({base}/doc.png)")
    patient = make_patient(user__first_name=first_name, user__last_name=last_name, address=address)
    admission = AdmissionFactory(patient=patient, doctor=doctor, symptoms=symptoms)

    invoice = discharge(admission, actor=admin_user)

    assert loopback.hits == []
    text = squeeze(pdf_text(bytes(invoice.pdf)))
    for literal in (
        f"{first_name} {last_name}",
        address,
        symptoms,
        f"<i>Anita</i> url({base}/doc.png)",
    ):
        assert squeeze(literal) in text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/invoice.css",
        "https://example.org/invoice.css",
        "ftp://example.org/invoice.css",
        "data:text/css,body{color:red}",
        "file:///etc/passwd",
        "file://remote-host/etc/passwd",
        f"{ASSETS_DIR.as_uri()}/../pdf.py",
        f"{ASSETS_DIR.as_uri()}/%2e%2e/pdf.py",
        f"{ASSETS_DIR.as_uri()}/missing.css",
        ASSETS_DIR.as_uri(),
        "invoice.css",
    ],
)
def test_the_fetcher_refuses_everything_outside_the_assets(url):
    with pytest.raises(FetchRefused):
        AssetsOnlyURLFetcher().fetch(url)


def test_the_fetcher_serves_bundled_assets():
    response = AssetsOnlyURLFetcher().fetch(f"{ASSETS_DIR.as_uri()}/invoice.css")

    assert response.content_type == "text/css"
    assert response.read() == (ASSETS_DIR / "invoice.css").read_bytes()


def test_the_fetcher_refuses_a_symlink_that_leaves_the_assets(tmp_path, monkeypatch):
    assets = tmp_path / "assets"
    assets.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the PDF")
    (assets / "escape.css").symlink_to(secret)
    monkeypatch.setattr(invoice_pdf, "ASSETS_DIR", assets.resolve())

    with pytest.raises(FetchRefused):
        asset_path(f"{assets.as_uri()}/escape.css")


def test_the_fetcher_follows_no_redirects(loopback):
    fetcher = AssetsOnlyURLFetcher()

    assert not any(isinstance(handler, HTTPRedirectHandler) for handler in fetcher.handlers)
    with pytest.raises(FetchRefused):
        fetcher.fetch(f"http://127.0.0.1:{loopback.server_address[1]}/redirect")
    assert loopback.hits == []


def test_the_listener_fixture_records_requests(loopback):
    urllib.request.urlopen(f"http://127.0.0.1:{loopback.server_address[1]}/probe").read()
    assert loopback.hits == ["/probe"]


def test_the_renderer_loads_only_its_stylesheet_through_the_fetcher(monkeypatch):
    fetched: list[str] = []
    original = AssetsOnlyURLFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(AssetsOnlyURLFetcher, "fetch", spy)
    invoice = Invoice(
        number="INV-2026-000042",
        patient_name="Priya Menon",
        patient_mobile="+919845000050",
        patient_address="10 Lake View Road, Kochi",
        symptoms="Chest pain",
        doctor_name="Anita Desai",
        doctor_department="Cardiologist",
        admitted_on=date(2024, 1, 1),
        discharged_on=date(2024, 1, 5),
        days=4,
        room_charge_per_day=Decimal("500.00"),
        room_charge=Decimal("2000.00"),
        doctor_fee=Decimal("1000.00"),
        medicine_cost=Decimal("250.00"),
        other_charge=Decimal("100.00"),
        total=Decimal("3350.00"),
        currency="INR",
        issued_at=timezone.now(),
    )

    data = invoice_pdf.invoice_render_pdf(invoice=invoice)

    assert fetched == [f"{ASSETS_DIR.as_uri()}/invoice.css"]
    assert "Total₹3,350.00" in squeeze(pdf_text(data))
