"""Make appointment status history append-only in the database itself.

UPDATE is refused on every backend; row DELETE is refused on PostgreSQL (as for audit events).
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION appointments_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'appointment events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER appointments_event_no_update BEFORE UPDATE ON appointments_appointmentevent
    FOR EACH ROW EXECUTE FUNCTION appointments_event_append_only();
CREATE TRIGGER appointments_event_no_delete BEFORE DELETE ON appointments_appointmentevent
    FOR EACH ROW EXECUTE FUNCTION appointments_event_append_only();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS appointments_event_no_update ON appointments_appointmentevent;
DROP TRIGGER IF EXISTS appointments_event_no_delete ON appointments_appointmentevent;
DROP FUNCTION IF EXISTS appointments_event_append_only();
"""
SQLITE_FORWARD = """
CREATE TRIGGER appointments_event_no_update BEFORE UPDATE ON appointments_appointmentevent
BEGIN
    SELECT RAISE(ABORT, 'appointment events are append-only');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS appointments_event_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("appointments", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
