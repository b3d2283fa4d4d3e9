"""Count admissions_admission's rows by status in the database (hms.common.counters), for the admin's dashboard.

The triggers append a delta row in the same transaction as every change; the current counts
are added in the same transaction as the triggers are created.
"""

from django.db import migrations

from hms.common.counters import counter_triggers_operation


class Migration(migrations.Migration):
    dependencies = [("admissions", "0002_list_order_indexes"), ("common", "0001_initial")]

    operations = [counter_triggers_operation(table="admissions_admission", columns=("status",))]
