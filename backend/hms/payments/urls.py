"""Routes of the payments app.

`invoices/` is registered here rather than by billing: its viewset is billing's completed with
the money operations (see `hms.payments.apis`). `admissions/` is registered by `hms.workflows`,
whose viewset adds the clinical record's discharge rule to this app's `AdmissionViewSet`.
"""

from rest_framework.routers import SimpleRouter

from hms.payments import apis

router = SimpleRouter(use_regex_path=False)
router.register("invoices", apis.InvoiceViewSet, basename="invoice")
router.register("payments", apis.PaymentViewSet, basename="payment")
router.register("refunds", apis.RefundViewSet, basename="refund")
router.register("credit-notes", apis.CreditNoteViewSet, basename="credit-note")
router.register("reports", apis.ReportViewSet, basename="report")

urlpatterns = router.urls
