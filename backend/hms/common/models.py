from django.db import models


class TimeStampedModel(models.Model):
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
