from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hms.accounts.models import AccountStatus
from hms.accounts.serializers import PersonSignupSerializer
from hms.common.filters import MAX_ID
from hms.common.rows import FastRowsMixin
from hms.common.validators import EmailAddressField, MobileField
from hms.doctors.models import Department, Doctor


class DepartmentSerializer(serializers.ModelSerializer[Department]):
    class Meta:
        model = Department
        fields = ["code", "name"]


class DoctorSerializer(FastRowsMixin, serializers.ModelSerializer[Doctor]):
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


_DEPARTMENT_CODE_MAX_LENGTH = Department._meta.get_field("code").max_length or 64


@extend_schema_field({"type": "string", "minLength": 1, "maxLength": _DEPARTMENT_CODE_MAX_LENGTH})
class DepartmentField(serializers.SlugRelatedField):
    """A department code from GET /api/v1/departments/ (at most as long as the column)."""

    default_error_messages = {
        "max_length": f"A department code has at most {_DEPARTMENT_CODE_MAX_LENGTH} characters."
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("slug_field", "code")
        kwargs.setdefault("queryset", Department.objects.all())
        kwargs.setdefault("help_text", "A department code from GET /api/v1/departments/.")
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Department:
        if isinstance(data, str) and len(data) > _DEPARTMENT_CODE_MAX_LENGTH:
            self.fail("max_length")
        if isinstance(data, str) and "\x00" in data:
            # No code holds it, and PostgreSQL refuses to compare text with it.
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        department: Department = super().to_internal_value(data)
        return department


class DoctorSignupSerializer(PersonSignupSerializer):
    """A doctor's application: the person fields and how to reach them, and a department."""

    mobile = MobileField()
    address = serializers.CharField(max_length=500)
    department = DepartmentField()


class DoctorRegistrationSerializer(DoctorSignupSerializer):
    """An admin registers a doctor: the same fields as the doctor's own sign-up."""


class DoctorUpdateSerializer(serializers.Serializer):
    """Profile fields an admin may change; status, role and password are not among them."""

    first_name = serializers.CharField(max_length=150, required=False)
    last_name = serializers.CharField(max_length=150, required=False)
    email = EmailAddressField(required=False, allow_blank=True)
    mobile = MobileField(required=False)
    address = serializers.CharField(max_length=500, required=False)
    department = DepartmentField(required=False)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class ApprovedDoctorField(serializers.PrimaryKeyRelatedField):
    """A doctor id that must name an approved doctor."""

    default_error_messages = {
        "does_not_exist": "No approved doctor has the id {pk_value}.",
        "incorrect_type": "A doctor id is a number.",
    }

    def get_queryset(self) -> Any:
        return Doctor.objects.filter(user__status=AccountStatus.APPROVED, user__is_active=True)
