"""Access and security events, the hash chain, unusual-access flags, and the final triggers.

Existing rows are chained in id order (the triggers are lifted for that one pass). On
PostgreSQL, UPDATE and DELETE of a row and TRUNCATE of the table are refused; TRUNCATE only
passes in a session that set `hms.audit_truncate` to `allow` (the test runner emptying its own
database), and only the table's owner may TRUNCATE at all. On SQLite, UPDATE is refused (a
table rebuild drops triggers, so they are created again here).
"""

import django.db.models.deletion
import hms.audit.fields
from django.conf import settings
from django.db import migrations, models

from hms.audit.chain import GENESIS_HASH, event_digest

POSTGRES_DROP = """
DROP TRIGGER IF EXISTS audit_auditevent_no_update ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_auditevent_no_delete ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;
"""
POSTGRES_CREATE = """
CREATE OR REPLACE FUNCTION audit_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION audit_auditevent_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('hms.audit_truncate', true), '') = 'allow' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: TRUNCATE refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
CREATE TRIGGER audit_auditevent_no_truncate BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_refuse_truncate();
"""
POSTGRES_RESTORE_0002 = """
CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();
DROP FUNCTION IF EXISTS audit_auditevent_refuse_truncate();
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS audit_auditevent_no_update;"
SQLITE_CREATE = """
CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
"""


def lift_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)


def chain_existing_rows(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    previous = GENESIS_HASH
    for event in AuditEvent.objects.using(schema_editor.connection.alias).order_by("id"):
        event.kind = "SECURITY" if event.action.startswith("auth.") or event.outcome == "FAILURE" else "CHANGE"
        event.patient_ids = [event.patient_id] if event.patient_id is not None else []
        event.prev_hash = previous
        event.hash = event_digest(prev_hash=previous, event=event)
        event.save(update_fields=["kind", "patient_ids", "prev_hash", "hash"])
        previous = event.hash


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)


def restore_0002_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
        schema_editor.execute(POSTGRES_RESTORE_0002)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
        schema_editor.execute(SQLITE_CREATE)


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_append_only_triggers'),
        ('patients', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(lift_triggers, restore_0002_triggers),
        migrations.CreateModel(
            name='UnusualAccessFlag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('actor_role', models.CharField(blank=True, default='', max_length=16)),
                ('actor_name', models.CharField(blank=True, default='', max_length=300)),
                ('raised_at', models.DateTimeField(db_index=True)),
                ('window_start', models.DateTimeField()),
                ('patient_count', models.PositiveIntegerField()),
                ('event_ids', models.JSONField(default=list)),
            ],
            options={
                'ordering': ['-raised_at', '-id'],
            },
        ),
        migrations.AddField(
            model_name='auditevent',
            name='actor_name',
            field=models.CharField(blank=True, default='', max_length=300),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='detail',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='hash',
            field=models.CharField(default='', max_length=64),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='kind',
            field=models.CharField(choices=[('CHANGE', 'Change'), ('ACCESS', 'Access'), ('SECURITY', 'Security')], default='CHANGE', max_length=16),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='patient_ids',
            field=hms.audit.fields.IntegerListField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='prev_hash',
            field=models.CharField(default='', max_length=64),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['actor', 'at'], name='audit_actor_at_idx'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['kind', 'at'], name='audit_kind_at_idx'),
        ),
        migrations.AddConstraint(
            model_name='auditevent',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['CHANGE', 'ACCESS', 'SECURITY'])), name='audit_kind_valid'),
        ),
        migrations.AddField(
            model_name='unusualaccessflag',
            name='actor',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddConstraint(
            model_name='unusualaccessflag',
            constraint=models.CheckConstraint(condition=models.Q(('window_start__lte', models.F('raised_at'))), name='audit_flag_window_ordered'),
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.RunPython(create_triggers, lift_triggers),
    ]
