from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail

from hms.notifications.models import Notification


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Run `action` and then its on-commit callbacks (the queued e-mails), as a commit would."""

    def run(action: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture(autouse=True)
def _empty_outbox(settings: Any) -> Iterator[None]:
    settings.HMS_SITE_URL = "https://hms.example.org"
    mail.outbox = []
    yield


def told() -> list[tuple[str, str]]:
    """Every notification as (recipient's username, kind), sorted."""
    return sorted(Notification.objects.values_list("recipient__username", "kind"))


def mailed() -> list[tuple[str, str]]:
    """Every e-mail sent as (recipient address, subject), sorted."""
    return sorted((message.to[0], message.subject) for message in mail.outbox)
