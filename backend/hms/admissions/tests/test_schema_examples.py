"""The discharge examples in the schema show exactly the fields the API answers."""

from __future__ import annotations

from hms.admissions.apis import _invoice_example
from hms.billing.serializers import InvoiceSerializer


def test_the_invoice_example_has_the_invoice_fields():
    assert list(_invoice_example()) == InvoiceSerializer.Meta.fields
