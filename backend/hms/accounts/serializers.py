from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from rest_framework import serializers

from hms.accounts.models import AccountStatus, Role, User
from hms.common.validators import EmailAddressField, MobileField, UsernameField


def password_min_length() -> int:
    """The shortest password the configured MinimumLengthValidator accepts (1 without one)."""
    validators: list[dict[str, Any]] = getattr(settings, "AUTH_PASSWORD_VALIDATORS", [])
    for validator in validators:
        if str(validator["NAME"]).endswith(".MinimumLengthValidator"):
            options: dict[str, Any] = validator.get("OPTIONS", {})
            return int(options.get("min_length", 8))
    return 1


class PasswordField(serializers.CharField):
    """A new password. Its length is checked here (and stated in the schema); the rest of the
    hospital's password rules (not common, not all digits, unlike the username) by the services.
    """

    def __init__(self, **kwargs: Any) -> None:
        min_length = password_min_length()
        kwargs.setdefault("write_only", True)
        kwargs.setdefault("max_length", 128)
        kwargs.setdefault("min_length", min_length)
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("style", {"input_type": "password"})
        kwargs.setdefault(
            "help_text",
            f"{min_length} to 128 characters, not common, not all digits, unlike the username.",
        )
        kwargs.setdefault(
            "error_messages",
            {
                # Django's own wording, so the answer is the same whichever check catches it.
                "min_length": "This password is too short. It must contain at least "
                "{min_length} characters."
            },
        )
        super().__init__(**kwargs)


class TokenField(serializers.CharField):
    """A refresh token: a string (a number or a list is refused, not converted), bounded."""

    default_error_messages = {"invalid": "A token is a string."}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 2000)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class PersonSignupSerializer(serializers.Serializer):
    """The fields every person's sign-up shares; each role's serializer adds its own."""

    username = UsernameField()
    password = PasswordField()
    first_name = serializers.CharField(max_length=150)
    last_name = serializers.CharField(max_length=150)
    email = EmailAddressField(required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.setdefault("email", "")
        return attrs


class AdminSignupSerializer(PersonSignupSerializer):
    signup_code = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Required when the hospital's admin sign-up policy is `code`.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        attrs.setdefault("signup_code", "")
        return attrs


class AccountRejectSerializer(serializers.Serializer):
    """Reject a pending doctor or patient account."""

    reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text="Optional; kept on the account for the hospital's records.",
    )


class AccountSetPasswordSerializer(serializers.Serializer):
    """Set a new password on a doctor's or patient's account."""

    password = PasswordField()


class AccountSerializer(serializers.ModelSerializer[User]):
    full_name = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "full_name",
            "email",
            "role",
            "status",
        ]
        read_only_fields = fields


class TokenObtainSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False)
    use_cookie = serializers.BooleanField(
        required=False,
        default=False,
        help_text=(
            "SPA mode: the refresh token is set as an HttpOnly, SameSite=Strict cookie "
            "scoped to /api/v1/auth/ and left out of the body."
        ),
    )


class TokenResponseSerializer(serializers.Serializer):
    access = serializers.CharField(help_text="Short-lived access token; send as `Bearer`.")
    refresh = serializers.CharField(
        required=False, help_text="Refresh token (JSON mode only; absent in cookie mode)."
    )


class TokenRefreshSerializer(serializers.Serializer):
    refresh = TokenField(
        required=False,
        help_text="JSON mode. Leave out in cookie mode: the hms_refresh cookie is used.",
    )


class LogoutSerializer(serializers.Serializer):
    refresh = TokenField(
        required=False,
        help_text="The refresh token to revoke. Leave out in cookie mode.",
    )


class MeSerializer(serializers.ModelSerializer[User]):
    """The signed-in account with its profile's contact fields, flattened."""

    full_name = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    status = serializers.ChoiceField(choices=AccountStatus.choices, read_only=True)
    mobile = serializers.SerializerMethodField()
    address = serializers.SerializerMethodField()
    department = serializers.SerializerMethodField()
    symptoms = serializers.SerializerMethodField()
    date_of_birth = serializers.SerializerMethodField()
    assigned_doctor = serializers.SerializerMethodField()
    doctor_id = serializers.SerializerMethodField()
    patient_id = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "full_name",
            "email",
            "role",
            "status",
            "mobile",
            "address",
            "department",
            "symptoms",
            "date_of_birth",
            "assigned_doctor",
            "doctor_id",
            "patient_id",
        ]
        read_only_fields = fields

    def _profile(self, user: User) -> Any:
        if user.role == Role.DOCTOR:
            return getattr(user, "doctor", None)
        if user.role == Role.PATIENT:
            return getattr(user, "patient", None)
        return None

    def get_mobile(self, user: User) -> str | None:
        profile = self._profile(user)
        return profile.mobile if profile else None

    def get_address(self, user: User) -> str | None:
        profile = self._profile(user)
        return profile.address if profile else None

    def get_department(self, user: User) -> str | None:
        return user.doctor.department_id if user.role == Role.DOCTOR else None

    def get_symptoms(self, user: User) -> str | None:
        return user.patient.symptoms if user.role == Role.PATIENT else None

    def get_date_of_birth(self, user: User) -> date | None:
        return user.patient.date_of_birth if user.role == Role.PATIENT else None

    def get_assigned_doctor(self, user: User) -> int | None:
        return user.patient.assigned_doctor_id if user.role == Role.PATIENT else None

    def get_doctor_id(self, user: User) -> int | None:
        return user.doctor.pk if user.role == Role.DOCTOR else None

    def get_patient_id(self, user: User) -> int | None:
        return user.patient.pk if user.role == Role.PATIENT else None


class MeUpdateSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=150, required=False)
    last_name = serializers.CharField(max_length=150, required=False)
    email = EmailAddressField(required=False, allow_blank=True)
    mobile = MobileField(required=False)
    address = serializers.CharField(max_length=500, required=False)


class PasswordChangeSerializer(serializers.Serializer):
    current_password = serializers.CharField(max_length=128, trim_whitespace=False)
    new_password = PasswordField()


class HospitalSerializer(serializers.Serializer):
    name = serializers.CharField()
    address = serializers.CharField()
    time_zone = serializers.CharField()
    currency = serializers.CharField()
    admin_signup_policy = serializers.ChoiceField(choices=["open", "code", "closed"])
    slot_minutes = serializers.IntegerField()
