"""On PostgreSQL the database chains each new audit row itself: one INSERT per event.

A BEFORE INSERT trigger takes the chain lock, reads the previous row's hash and sets the new
row's `prev_hash` and `hash` (hms.audit.chain holds the SQL beside the Python definition that
`audit_verify` recomputes). The rows already chained keep their hashes: the definition is the
same. The two hash columns get a database default, so an INSERT may leave them to the trigger
and read back what it set. SQLite keeps chaining in the application (and rebuilds the table
to change a column, which drops its UPDATE trigger: it is created again).
"""

from django.db import migrations, models

from hms.audit.chain import POSTGRES_CHAIN_DROP, postgres_chain_sql


SQLITE_NO_UPDATE = """
CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
"""


def install_chain_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(postgres_chain_sql())
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_NO_UPDATE)


def remove_chain_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CHAIN_DROP)


def restore_sqlite_trigger(apps, schema_editor):
    """Unapplying: the columns' table rebuild dropped SQLite's UPDATE trigger again."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_NO_UPDATE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_access_events_and_chain")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_trigger),
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(db_default="", max_length=64),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(db_default="", max_length=64),
        ),
        migrations.RunPython(install_chain_trigger, remove_chain_trigger),
    ]
