"""Routes of the billing app.

`invoices/` and `invoices/{id}/...` are registered by `hms.payments.urls`: their viewset is this
app's `InvoiceViewSet` plus payment state, payments, voids, corrected invoices and statements.
"""

urlpatterns: list = []
