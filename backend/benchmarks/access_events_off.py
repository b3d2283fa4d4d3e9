"""The benchmark's "access events off" server: the same code with access recording skipped.

Only `make bench` with BENCH_ACCESS_EVENTS=off or both uses this, to measure what recording
costs (benchmarks/settings_access_events_off.py adds the app below to a server of its own). It
replaces the step of `@records_access` that writes the ACCESS event (and counts the opening for
unusual access) with nothing; refusals are still recorded. No product setting can do this:
auditing is not something a deployment may turn off.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import AppConfig


def _record_nothing(*args: Any, **kwargs: Any) -> None:
    return None


@contextmanager
def access_events_off() -> Iterator[None]:
    """Within the block, successful answers write no access event (this process only)."""
    from hms.audit import recording

    original = recording._record
    recording._record = _record_nothing
    try:
        yield
    finally:
        recording._record = original


class AccessEventsOffConfig(AppConfig):
    name = "benchmarks"
    label = "bench_access_events_off"
    verbose_name = "Benchmark: access events off"

    def ready(self) -> None:
        from hms.audit import recording

        recording._record = _record_nothing
