"""Create an approved admin: non-interactively for deployments, or by prompting."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from hms.accounts.models import AccountStatus, Role
from hms.accounts.services import user_create
from hms.audit.services import audit_record
from hms.common.errors import ValidationFailed


class Command(BaseCommand):
    help = (
        "Create an approved admin. Non-interactive: --username, --first-name, --last-name, "
        "--email and the password in the HMS_ADMIN_PASSWORD environment variable (never on the "
        "command line, where it would land in shell history)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_true",
            help="Do not prompt; read the password from HMS_ADMIN_PASSWORD.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interactive = not options["noinput"]
        username = options["username"] or (input("Username: ").strip() if interactive else "")
        first_name = options["first_name"] or (input("First name: ").strip() if interactive else "")
        last_name = options["last_name"] or (input("Last name: ").strip() if interactive else "")
        email = options["email"]
        if not username or not first_name or not last_name:
            raise CommandError("username, first name and last name are required.")
        password = os.environ.get("HMS_ADMIN_PASSWORD", "")
        if not password:
            if not interactive:
                raise CommandError("Set HMS_ADMIN_PASSWORD to the new admin's password.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        at = timezone.now()
        try:
            with transaction.atomic():
                user = user_create(
                    username=username,
                    password=password,
                    first_name=first_name,
                    last_name=last_name,
                    email=email,
                    role=Role.ADMIN,
                    status=AccountStatus.APPROVED,
                    at=at,
                )
                audit_record(
                    actor=None, action="admin.create", object_type="user", object_id=user.pk, at=at
                )
        except ValidationFailed as error:
            messages = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.fields.items())
            raise CommandError(messages or error.message) from error
        self.stdout.write(self.style.SUCCESS(f"Admin '{user.username}' created."))
