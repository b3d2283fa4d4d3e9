"""Routes of the payments app.

`admissions/` and `invoices/` are registered here rather than by their own apps: their viewsets
are those apps' viewsets completed with the money operations (see `hms.payments.apis`).
"""

from rest_framework.routers import SimpleRouter

from hms.payments import apis

router = SimpleRouter(use_regex_path=False)
router.register("admissions", apis.AdmissionViewSet, basename="admission")
router.register("invoices", apis.InvoiceViewSet, basename="invoice")
router.register("payments", apis.PaymentViewSet, basename="payment")
router.register("refunds", apis.RefundViewSet, basename="refund")
router.register("credit-notes", apis.CreditNoteViewSet, basename="credit-note")
router.register("reports", apis.ReportViewSet, basename="report")

urlpatterns = router.urls
