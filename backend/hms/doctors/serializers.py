from __future__ import annotations

from rest_framework import serializers

from hms.accounts.models import AccountStatus
from hms.accounts.serializers import DoctorSignupSerializer
from hms.common.validators import MobileField
from hms.doctors.models import Department, Doctor
from hms.doctors.selectors import DOCTOR_ORDERINGS


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
            "created_at",
        ]
        read_only_fields = fields


class DoctorDirectoryEntrySerializer(serializers.ModelSerializer[Doctor]):
    """An approved doctor as anyone may see them: a name and a department, nothing else."""

    full_name = serializers.CharField(read_only=True)
    department = serializers.CharField(source="department_id", read_only=True)
    department_name = serializers.CharField(source="department.name", read_only=True)

    class Meta:
        model = Doctor
        fields = ["id", "full_name", "department", "department_name"]
        read_only_fields = fields


class DoctorCardSerializer(serializers.ModelSerializer[Doctor]):
    """The doctor a patient is assigned to: how to reach them and their department."""

    full_name = serializers.CharField(read_only=True)
    department = serializers.CharField(source="department_id", read_only=True)
    department_name = serializers.CharField(source="department.name", read_only=True)

    class Meta:
        model = Doctor
        fields = ["id", "full_name", "department", "department_name", "mobile", "address"]
        read_only_fields = fields


class DoctorRegistrationSerializer(DoctorSignupSerializer):
    """An admin registers a doctor: the same fields as the doctor's own sign-up."""


class DoctorUpdateSerializer(serializers.Serializer):
    """Profile fields an admin may change; status, role and password are not among them."""

    first_name = serializers.CharField(max_length=150, required=False)
    last_name = serializers.CharField(max_length=150, required=False)
    email = serializers.EmailField(required=False, allow_blank=True)
    mobile = MobileField(required=False)
    address = serializers.CharField(max_length=500, required=False)
    department = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Department.objects.all(),
        required=False,
        help_text="A department code from GET /api/v1/departments/.",
    )


class DoctorSetPasswordSerializer(serializers.Serializer):
    password = serializers.CharField(
        write_only=True,
        max_length=128,
        trim_whitespace=False,
        style={"input_type": "password"},
        help_text="At least 12 characters, not common, not all digits, unlike the username.",
    )


class DoctorRejectSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text="Optional; kept on the account for the hospital's records.",
    )


class DoctorListQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=AccountStatus.choices,
        required=False,
        help_text="Only doctors with this account status. Without it, deleted doctors are "
        "left out.",
    )
    department = serializers.CharField(
        max_length=64, required=False, help_text="A department code (GET /api/v1/departments/)."
    )
    search = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text="Words that must each appear in the first or last name (any case).",
    )
    ordering = serializers.ChoiceField(
        choices=list(DOCTOR_ORDERINGS),
        required=False,
        default="name",
        help_text="`name` is last name then first name; a leading `-` reverses.",
    )


class DoctorDirectoryQuerySerializer(serializers.Serializer):
    department = serializers.CharField(
        max_length=64, required=False, help_text="A department code (GET /api/v1/departments/)."
    )
    search = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text="Words that must each appear in the first or last name (any case).",
    )
