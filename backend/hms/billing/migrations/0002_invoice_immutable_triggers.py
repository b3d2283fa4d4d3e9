"""Make issued invoices immutable in the database itself.

UPDATE is refused on every backend; row DELETE is refused on PostgreSQL (TRUNCATE, which only a
database owner's maintenance or the test runner issues, is left alone).
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION billing_invoice_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'issued invoices are immutable';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER billing_invoice_no_update BEFORE UPDATE ON billing_invoice
    FOR EACH ROW EXECUTE FUNCTION billing_invoice_immutable();
CREATE TRIGGER billing_invoice_no_delete BEFORE DELETE ON billing_invoice
    FOR EACH ROW EXECUTE FUNCTION billing_invoice_immutable();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS billing_invoice_no_update ON billing_invoice;
DROP TRIGGER IF EXISTS billing_invoice_no_delete ON billing_invoice;
DROP FUNCTION IF EXISTS billing_invoice_immutable();
"""
SQLITE_FORWARD = """
CREATE TRIGGER billing_invoice_no_update BEFORE UPDATE ON billing_invoice
BEGIN
    SELECT RAISE(ABORT, 'issued invoices are immutable');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS billing_invoice_no_update;"


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
    dependencies = [("billing", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
