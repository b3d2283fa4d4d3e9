"""Count appointments_appointment's rows by status in the database (hms.common.counters), for the admin's dashboard.

The triggers append a delta row in the same transaction as every change; the current counts
are added in the same transaction as the triggers are created.
"""

from django.db import migrations

from hms.common.counters import counter_triggers_operation


class Migration(migrations.Migration):
    dependencies = [("appointments", "0004_scheduling"), ("common", "0001_initial")]

    operations = [counter_triggers_operation(table="appointments_appointment", columns=("status",))]
