from django.db import migrations

INITIAL_DEPARTMENTS = [
    ("CARDIOLOGIST", "Cardiologist"),
    ("DERMATOLOGISTS", "Dermatologists"),
    ("EMERGENCY_MEDICINE_SPECIALISTS", "Emergency Medicine Specialists"),
    ("ALLERGISTS_IMMUNOLOGISTS", "Allergists/Immunologists"),
    ("ANESTHESIOLOGISTS", "Anesthesiologists"),
    ("COLON_AND_RECTAL_SURGEONS", "Colon and Rectal Surgeons"),
]


def load(apps, schema_editor):
    Department = apps.get_model("doctors", "Department")
    for position, (code, name) in enumerate(INITIAL_DEPARTMENTS):
        Department.objects.update_or_create(code=code, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("doctors", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
