"""The benchmark's server without access events (BENCH_ACCESS_EVENTS=off|both); never deployed."""

from benchmarks.settings import *  # noqa: F403
from benchmarks.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.access_events_off.AccessEventsOffConfig"]
