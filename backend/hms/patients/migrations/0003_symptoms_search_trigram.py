"""A trigram index for the symptom search (PostgreSQL only), as for the names in accounts."""

from django.db import migrations


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        'CREATE INDEX IF NOT EXISTS "patients_symptoms_trgm" ON "patients_patient" '
        'USING gin (UPPER("symptoms") gin_trgm_ops)'
    )


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute('DROP INDEX IF EXISTS "patients_symptoms_trgm"')


class Migration(migrations.Migration):
    dependencies = [
        ("patients", "0002_list_order_indexes"),
        # The pg_trgm extension.
        ("accounts", "0005_name_search_trigram"),
    ]

    operations = [migrations.RunPython(_create, _drop, elidable=False)]
