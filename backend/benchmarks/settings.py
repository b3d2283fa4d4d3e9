"""Production settings plus the benchmark's reference view (its own urlconf); never deployed."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
