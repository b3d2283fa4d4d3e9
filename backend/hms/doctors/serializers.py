from __future__ import annotations

from rest_framework import serializers

from hms.accounts.models import AccountStatus
from hms.doctors.models import Department, Doctor


class DepartmentSerializer(serializers.ModelSerializer[Department]):
    class Meta:
        model = Department
        fields = ["code", "name"]


class DoctorSerializer(serializers.ModelSerializer[Doctor]):
    """A doctor as the admin (and the doctor's own patients) see them."""

    username = serializers.CharField(source="user.username", read_only=True)
    first_name = serializers.CharField(source="user.first_name", read_only=True)
    last_name = serializers.CharField(source="user.last_name", read_only=True)
    full_name = serializers.CharField(read_only=True)
    email = serializers.CharField(source="user.email", read_only=True)
    department = serializers.CharField(source="department_id", read_only=True)
    department_name = serializers.CharField(source="department.name", read_only=True)
    status = serializers.ChoiceField(
        source="user.status", choices=AccountStatus.choices, read_only=True
    )

    class Meta:
        model = Doctor
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "full_name",
            "email",
            "mobile",
            "address",
            "department",
            "department_name",
            "status",
        ]
        read_only_fields = fields
