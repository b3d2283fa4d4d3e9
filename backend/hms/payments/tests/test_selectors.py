"""One invoice with its payment state is one query, scoped to the viewer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hms.common.errors import NotFoundError
from hms.payments.models import PaymentState
from hms.payments.selectors import invoice_get_with_state
from hms.payments.tests.world import build_world

pytestmark = pytest.mark.django_db


def test_an_invoice_with_its_payment_state_is_one_query(django_assert_num_queries):
    world = build_world()

    with django_assert_num_queries(1):
        mine = invoice_get_with_state(viewer=world.patient.user, id=world.invoice.pk)
    with django_assert_num_queries(1):
        theirs = invoice_get_with_state(viewer=world.admin, id=world.others_invoice.pk)

    assert (mine.pk, mine.payment_state_value, mine.balance_value) == (
        world.invoice.pk,
        PaymentState.PART_PAID,
        Decimal("2350.00"),
    )
    assert (theirs.pk, theirs.payment_state_value) == (world.others_invoice.pk, PaymentState.UNPAID)
    assert mine.get_deferred_fields() == {"pdf"}


# A doctor sees no invoice at all: the ORM answers that without asking the database.
@pytest.mark.parametrize(("viewer", "queries"), [("patient", 1), ("doctor", 0)])
def test_an_invoice_the_viewer_may_not_see_is_missing(viewer, queries, django_assert_num_queries):
    world = build_world()
    user = world.patient.user if viewer == "patient" else world.doctor.user

    with django_assert_num_queries(queries), pytest.raises(NotFoundError):
        invoice_get_with_state(viewer=user, id=world.others_invoice.pk)
