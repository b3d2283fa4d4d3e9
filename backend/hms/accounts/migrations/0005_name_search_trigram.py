"""Trigram indexes for the name search (PostgreSQL only; SQLite scans, which is fine there).

Searches match any part of a name in any case (`icontains`, i.e. UPPER(name) LIKE UPPER('%x%')),
which no B-tree serves; a GIN trigram index on the same UPPER() expression does.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

_INDEXES = {
    "accounts_user_first_name_trgm": "first_name",
    "accounts_user_last_name_trgm": "last_name",
}


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in _INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "accounts_user" '
            f'USING gin (UPPER("{column}") gin_trgm_ops)'
        )


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in _INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_list_order_indexes")]

    operations = [
        # Does nothing on other databases.
        TrigramExtension(),
        migrations.RunPython(_create, _drop, elidable=False),
    ]
