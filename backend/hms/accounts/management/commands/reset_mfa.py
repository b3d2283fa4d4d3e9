"""Turn off an account's two-factor sign-in from the server (an admin who lost their phone)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from hms.accounts.mfa import mfa_reset
from hms.accounts.models import User


class Command(BaseCommand):
    help = (
        "Remove the authenticator and recovery codes of USERNAME and end its sessions. For "
        "doctors and patients an admin does this in the app; this is for admins themselves."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username__iexact=options["username"]).first()
        if user is None:
            raise CommandError("No account has this username.")
        # The server operator acts; the audit event names no account as the actor.
        mfa_reset(actor=None, user=user, at=timezone.now())
        self.stdout.write(f"Two-factor sign-in is off for {user.username}; its sessions ended.")
