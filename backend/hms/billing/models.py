from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Exact

from hms.common.models import FastLoadingModel


class InvoiceNumberCounter(models.Model):
    """The last invoice number taken in a calendar year (hospital time zone).

    The discharge transaction locks this row while it takes the next number, so two discharges
    never get the same number and a rolled-back discharge leaves no gap.
    """

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_value = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_value}"


_MONEY_FIELDS = [
    "room_charge_per_day",
    "room_charge",
    "doctor_fee",
    "medicine_cost",
    "other_charge",
    "total",
    "advance_applied",
]


class Invoice(FastLoadingModel):
    """The bill of one discharged admission: an immutable snapshot with its rendered PDF.

    Every value is copied at issue time, so later edits of the patient's or doctor's profile
    never change an issued invoice. The database refuses UPDATE of these rows (and DELETE on
    PostgreSQL): see the trigger migration.
    """

    number = models.CharField(max_length=32, unique=True)
    # A stay has one original invoice; a voided one may be replaced by a corrected invoice of
    # the same stay, which names it in `replaces` (each invoice is replaced at most once).
    admission = models.ForeignKey(
        "admissions.Admission", on_delete=models.PROTECT, related_name="invoices"
    )
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="invoices"
    )
    patient_name = models.CharField(max_length=301)
    patient_mobile = models.CharField(max_length=20)
    patient_address = models.CharField(max_length=500)
    symptoms = models.TextField(max_length=2000)
    doctor_name = models.CharField(max_length=301)
    doctor_department = models.CharField(max_length=120)
    admitted_on = models.DateField()
    discharged_on = models.DateField()
    days = models.PositiveIntegerField()
    room_charge_per_day = models.DecimalField(max_digits=10, decimal_places=2)
    room_charge = models.DecimalField(max_digits=14, decimal_places=2)
    doctor_fee = models.DecimalField(max_digits=10, decimal_places=2)
    medicine_cost = models.DecimalField(max_digits=10, decimal_places=2)
    other_charge = models.DecimalField(max_digits=10, decimal_places=2)
    total = models.DecimalField(max_digits=14, decimal_places=2)
    # Advance payments taken during the stay and applied to this invoice when it was issued
    # (at most the total); shown on the invoice and its PDF.
    advance_applied = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    currency = models.CharField(max_length=3)
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Rendered once at issue; every download serves these exact bytes.
    pdf = models.BinaryField(editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-issued_at", "-id"]
        # The list (newest first) and the month's total (a range of issued_at) use this index.
        indexes = [models.Index(fields=["issued_at", "id"], name="billing_invoice_issued_id")]
        constraints = [
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{field}__gte": 0}),
                    name=f"billing_invoice_{field}_not_negative",
                )
                for field in _MONEY_FIELDS
            ),
            models.CheckConstraint(
                condition=models.Q(days__gte=1), name="billing_invoice_days_min_1"
            ),
            models.CheckConstraint(
                condition=models.Q(advance_applied__lte=models.F("total")),
                name="billing_invoice_advance_applied_within_total",
            ),
            # One original invoice per stay; corrected invoices name the voided one they replace.
            models.UniqueConstraint(
                fields=["admission"],
                condition=models.Q(replaces__isnull=True),
                name="billing_invoice_one_original_per_admission",
            ),
            models.CheckConstraint(
                condition=models.Q(discharged_on__gte=models.F("admitted_on")),
                name="billing_invoice_discharged_on_after_admitted_on",
            ),
            models.CheckConstraint(
                condition=Exact(Length("currency"), 3), name="billing_invoice_currency_iso"
            ),
            models.CheckConstraint(
                condition=Exact(Length("pdf_sha256"), 64), name="billing_invoice_pdf_sha256_set"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def amount_due(self) -> Decimal:
        """The total less the advance applied at issue: what the invoice asked to be paid."""
        return self.total - self.advance_applied
