"""`manage.py migrate`, run as the schema owner when MIGRATION_DATABASE_URL is set.

The application's role (DATABASE_URL) may not create or alter tables. With
MIGRATION_DATABASE_URL set, this command connects to the same database with the owner's
credentials, applies the migrations, then grants the application's role what it needs (and
only INSERT and SELECT on the audit log). Without it, it is Django's own `migrate`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.commands import migrate
from django.db import DEFAULT_DB_ALIAS, connections

from hms.audit.roles import grant_application_role

_CREDENTIALS = ("USER", "PASSWORD")


class Command(migrate.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        owner = getattr(settings, "HMS_MIGRATION_DATABASE", None)
        if not owner or options["database"] != DEFAULT_DB_ALIAS:
            super().handle(*args, **options)
            return
        connection = connections[DEFAULT_DB_ALIAS]
        application_role = connection.settings_dict.get("USER") or ""
        original = {key: connection.settings_dict.get(key) for key in _CREDENTIALS}
        connection.close()
        connection.settings_dict.update({key: owner.get(key) for key in _CREDENTIALS})
        try:
            super().handle(*args, **options)
            if application_role and application_role != owner.get("USER"):
                grant_application_role(connection, role=application_role)
                if options["verbosity"] >= 1:
                    self.stdout.write(f"Granted the application role {application_role}.")
        finally:
            connection.close()
            connection.settings_dict.update(original)
