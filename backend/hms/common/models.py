"""The project's base models."""

from __future__ import annotations

import functools
from collections.abc import Collection
from typing import Any, Self

from django.db import models
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import ModelSignal, post_init, pre_init
from django.dispatch.dispatcher import NO_RECEIVERS

# The descriptors Django puts on a model for its plain and foreign-key columns. Neither does
# anything on assignment to an instance being loaded but store the value in its `__dict__`
# (a foreign key's would also forget a cached related row, which a new instance has none of).
_PLAIN_DESCRIPTORS = (DeferredAttribute, ForeignKeyDeferredAttribute)


@functools.cache
def _loads_plainly(model: type[models.Model]) -> bool:
    """Every concrete column of `model` is read and written through Django's plain
    descriptors (not a file's, an image's or a custom field's, which act on assignment)."""
    return all(
        type(getattr(model, field.attname, None)) in _PLAIN_DESCRIPTORS
        for field in model._meta.concrete_fields
    )


def _unheard(signal: ModelSignal, sender: type[models.Model]) -> bool:
    """No receiver listens to `signal` for `sender` (as `Signal.send` tells it, cheaply)."""
    return (
        not signal.receivers
        or signal.sender_receivers_cache.get(sender) is NO_RECEIVERS
        or not signal.has_listeners(sender)
    )


class FastLoadingModel(models.Model):
    """A model whose rows read from the database become instances without `Model.__init__`.

    Django makes each row read from the database into an instance through `from_db`, which
    pads the columns a query did not select (`only()`, `defer()`) with a DEFERRED marker,
    looking each column up in the list of those selected, then calls `__init__`, which
    assigns every column through `setattr` and sends `pre_init` and `post_init`. A list page of
    appointments makes six instances a row (the appointment, its patient and doctor, their
    accounts, the department), 150 a page: about a tenth of the CPU the page costs. Django
    documents `from_db` as the place to customise loading; this one sets the loaded columns
    into the instance's `__dict__` directly, which is what those assignments do for Django's
    own column descriptors. The instance is the same: the same attributes, the same deferred
    columns (absent from `__dict__`, loaded on access), `_state.adding` false and `_state.db`
    the database read. A model with another kind of descriptor on a column, or one for which a
    `pre_init` or `post_init` receiver listens, is loaded by Django's own `from_db`.
    """

    class Meta:
        abstract = True

    @classmethod
    def from_db(
        cls, db: str | None, field_names: Collection[str], values: Collection[Any], **options: Any
    ) -> Self:
        # Options of a later Django (how related rows are fetched) are Django's to apply.
        if options or not (
            _loads_plainly(cls) and _unheard(pre_init, cls) and _unheard(post_init, cls)
        ):
            return super().from_db(db, field_names, values, **options)
        new = cls.__new__(cls)
        state = new._state = ModelState()
        state.adding = False
        state.db = db
        new.__dict__.update(zip(field_names, values, strict=True))
        return new


class TimeStampedModel(FastLoadingModel):
    """created_at / updated_at on every domain row."""

    created_at = models.DateTimeField(auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)

    class Meta:
        abstract = True


class CounterDelta(models.Model):
    """One change to a counter maintained by the database: `delta` rows joined group `name`.

    Rows are only ever appended (by the triggers of `hms.common.counters`) and folded together
    (by `counters_compact`); a counter's value is the sum of its rows, 0 when it has none.
    Appending instead of updating one row per counter means concurrent transactions never wait
    for each other's counter rows (nor deadlock over two of them taken in opposite orders).
    """

    name = models.CharField(max_length=100)
    delta = models.BigIntegerField()

    class Meta:
        # Named in the counted tables' triggers and in `counters_compact`.
        db_table = "common_counterdelta"
        # Covers the reading sum: a range of `name`, `delta` read off the index.
        indexes = [models.Index(fields=["name", "delta"], name="common_counter_name_delta")]

    def __str__(self) -> str:
        return f"{self.name} {self.delta:+d}"
