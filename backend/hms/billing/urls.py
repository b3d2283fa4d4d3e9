from django.urls import path

from hms.billing import apis

urlpatterns = [
    path("invoices/", apis.InvoiceListApi.as_view(), name="invoices"),
    path("invoices/<int:invoice_id>/", apis.InvoiceDetailApi.as_view(), name="invoice-detail"),
    path("invoices/<int:invoice_id>/pdf/", apis.InvoicePdfApi.as_view(), name="invoice-pdf"),
]
