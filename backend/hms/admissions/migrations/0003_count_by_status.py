"""Count admissions_admission's rows by status in the database (hms.common.counters), for the admin's dashboard.

The triggers append a delta row in the same transaction as every change; the current counts
are added in the same transaction as the triggers are created.
"""

from django.db import migrations

from hms.common.counters import counter_triggers_sql

TABLE = "admissions_admission"
COLUMNS = ("status",)


def forward(apps, schema_editor):
    install, _ = counter_triggers_sql(
        vendor=schema_editor.connection.vendor, table=TABLE, columns=COLUMNS
    )
    for statement in install:
        schema_editor.execute(statement, params=None)


def backward(apps, schema_editor):
    _, remove = counter_triggers_sql(
        vendor=schema_editor.connection.vendor, table=TABLE, columns=COLUMNS
    )
    for statement in remove:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("admissions", "0002_list_order_indexes"), ("common", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
