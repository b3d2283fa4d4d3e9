from __future__ import annotations

from rest_framework import serializers


class LoginResponseSerializer(serializers.Serializer):
    """The tokens of a new session, or the first half of a two-factor login."""

    access = serializers.CharField(
        required=False, help_text="Short-lived access token; send as `Bearer`."
    )
    refresh = serializers.CharField(
        required=False, help_text="Refresh token (JSON mode only; absent in cookie mode)."
    )
    mfa_enrolment_required = serializers.BooleanField(
        required=False,
        help_text="Present (true) when these tokens permit only the two-factor enrolment.",
    )
    mfa_required = serializers.BooleanField(
        required=False, help_text="Present (true) when a code must follow at auth/token/mfa/."
    )
    mfa_token = serializers.CharField(
        required=False, help_text="Single-use, valid 5 minutes: send it to auth/token/mfa/."
    )


class MfaLoginSerializer(serializers.Serializer):
    mfa_token = serializers.CharField(max_length=512)
    code = serializers.CharField(
        max_length=32, help_text="A 6-digit code from the app, or an unused recovery code."
    )
    use_cookie = serializers.BooleanField(
        required=False, default=False, help_text="As for auth/token/: the SPA's cookie mode."
    )


class MfaStatusSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()
    required_for_role = serializers.BooleanField(help_text="The account's role must use it.")
    recovery_codes_left = serializers.IntegerField()


class MfaEnrolmentSerializer(serializers.Serializer):
    secret = serializers.CharField(help_text="Base32 secret, for typing into the app.")
    otpauth_uri = serializers.CharField(help_text="otpauth:// URI, for the QR code.")


class MfaConfirmSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=16, help_text="The app's current 6-digit code.")


class MfaRecoveryCodesSerializer(serializers.Serializer):
    recovery_codes = serializers.ListField(
        child=serializers.CharField(),
        help_text="10 single-use codes for when the phone is lost. Shown only this once.",
    )
