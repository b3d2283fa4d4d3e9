"""Count accounts_user's rows by role and status in the database (hms.common.counters), for the admin's dashboard.

The triggers append a delta row in the same transaction as every change; the current counts
are added in the same transaction as the triggers are created.
"""

from django.db import migrations

from hms.common.counters import counter_triggers_operation


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_name_search_trigram"), ("common", "0001_initial")]

    operations = [counter_triggers_operation(table="accounts_user", columns=("role", "status"))]
