"""Make signed clinical documents, and everything hanging from them, immutable in the database.

A signed visit note, prescription, progress note or discharge summary refuses UPDATE (and, on
PostgreSQL, DELETE); so do the lines of a signed prescription and the vitals of a signed visit
note (INSERT too). Vitals of a stay and addenda are written once and never change. As for
invoices, row DELETE is refused on PostgreSQL only (the SQLite test runner empties tables with
DELETE; PostgreSQL's uses TRUNCATE, which these triggers leave alone).
"""

from django.db import migrations

DOCUMENTS = [
    "clinical_visitnote",
    "clinical_prescription",
    "clinical_progressnote",
    "clinical_dischargesummary",
]
MESSAGE = "signed clinical documents are immutable"

POSTGRES_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION clinical_signed_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'SIGNED' THEN
        RAISE EXCEPTION '{MESSAGE}';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION clinical_always_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION clinical_rx_line_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF EXISTS (SELECT 1 FROM clinical_prescription
                   WHERE id = OLD.prescription_id AND status = 'SIGNED') THEN
            RAISE EXCEPTION '{MESSAGE}';
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF EXISTS (SELECT 1 FROM clinical_prescription
                   WHERE id = NEW.prescription_id AND status = 'SIGNED') THEN
            RAISE EXCEPTION '{MESSAGE}';
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION clinical_vitals_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD.admission_id IS NOT NULL OR EXISTS (
            SELECT 1 FROM clinical_visitnote WHERE id = OLD.visit_note_id AND status = 'SIGNED'
        ) THEN
            RAISE EXCEPTION '{MESSAGE}';
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF EXISTS (
            SELECT 1 FROM clinical_visitnote WHERE id = NEW.visit_note_id AND status = 'SIGNED'
        ) THEN
            RAISE EXCEPTION '{MESSAGE}';
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
"""


def _postgres_forward() -> str:
    triggers = [
        f"CREATE TRIGGER {table}_signed BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION clinical_signed_immutable();"
        for table in DOCUMENTS
    ]
    triggers += [
        "CREATE TRIGGER clinical_prescriptionline_signed "
        "BEFORE INSERT OR UPDATE OR DELETE ON clinical_prescriptionline "
        "FOR EACH ROW EXECUTE FUNCTION clinical_rx_line_immutable();",
        "CREATE TRIGGER clinical_vitals_signed "
        "BEFORE INSERT OR UPDATE OR DELETE ON clinical_vitals "
        "FOR EACH ROW EXECUTE FUNCTION clinical_vitals_immutable();",
        "CREATE TRIGGER clinical_addendum_signed BEFORE UPDATE OR DELETE ON clinical_addendum "
        "FOR EACH ROW EXECUTE FUNCTION clinical_always_immutable();",
    ]
    return POSTGRES_FUNCTIONS + "\n".join(triggers)


def _postgres_backward() -> str:
    tables = [*DOCUMENTS, "clinical_prescriptionline", "clinical_vitals", "clinical_addendum"]
    drops = [f"DROP TRIGGER IF EXISTS {table}_signed ON {table};" for table in tables]
    functions = [
        "clinical_signed_immutable",
        "clinical_always_immutable",
        "clinical_rx_line_immutable",
        "clinical_vitals_immutable",
    ]
    drops += [f"DROP FUNCTION IF EXISTS {name}();" for name in functions]
    return "\n".join(drops)


def _raise() -> str:
    return f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"


def _signed(table: str, ref: str) -> str:
    return f"(SELECT status FROM {table} WHERE id = {ref}) = 'SIGNED'"


def _sqlite_statements() -> list[str]:
    statements = [
        f"CREATE TRIGGER {table}_signed BEFORE UPDATE ON {table} "
        f"WHEN OLD.status = 'SIGNED' {_raise()}"
        for table in DOCUMENTS
    ]
    rx, note = "clinical_prescription", "clinical_visitnote"
    statements += [
        "CREATE TRIGGER clinical_prescriptionline_signed_insert BEFORE INSERT ON "
        f"clinical_prescriptionline WHEN {_signed(rx, 'NEW.prescription_id')} {_raise()}",
        "CREATE TRIGGER clinical_prescriptionline_signed BEFORE UPDATE ON "
        f"clinical_prescriptionline WHEN {_signed(rx, 'OLD.prescription_id')} "
        f"OR {_signed(rx, 'NEW.prescription_id')} {_raise()}",
        "CREATE TRIGGER clinical_vitals_signed_insert BEFORE INSERT ON clinical_vitals "
        f"WHEN {_signed(note, 'NEW.visit_note_id')} {_raise()}",
        "CREATE TRIGGER clinical_vitals_signed BEFORE UPDATE ON clinical_vitals "
        f"WHEN OLD.admission_id IS NOT NULL OR {_signed(note, 'OLD.visit_note_id')} "
        f"OR {_signed(note, 'NEW.visit_note_id')} {_raise()}",
        f"CREATE TRIGGER clinical_addendum_signed BEFORE UPDATE ON clinical_addendum {_raise()}",
    ]
    return statements


SQLITE_TRIGGERS = [
    *(f"{table}_signed" for table in DOCUMENTS),
    "clinical_prescriptionline_signed_insert",
    "clinical_prescriptionline_signed",
    "clinical_vitals_signed_insert",
    "clinical_vitals_signed",
    "clinical_addendum_signed",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(_postgres_forward())
    elif vendor == "sqlite":
        for statement in _sqlite_statements():
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(_postgres_backward())
    elif vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name};")


class Migration(migrations.Migration):
    dependencies = [("clinical", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
