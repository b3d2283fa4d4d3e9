"""CI runs the whole suite, bad-input tests included, on PostgreSQL: the database of production.

Over-long values, out-of-range dates and concurrent writers behave differently on SQLite, so a
CI run that fell back to SQLite would pass tests that production fails.
"""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="CI only (.ci/run sets DATABASE_URL)")
def test_ci_runs_the_suite_on_postgresql():
    assert connection.vendor == "postgresql"
    assert os.environ["DATABASE_URL"].startswith(("postgres://", "postgresql://"))
