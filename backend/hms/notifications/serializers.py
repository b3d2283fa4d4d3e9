from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hms.notifications.models import MANDATORY_EMAIL_KINDS, Notification, NotificationKind


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    """One notification of the signed-in account."""

    kind = serializers.ChoiceField(choices=NotificationKind.choices, read_only=True)
    link = serializers.CharField(
        read_only=True,
        help_text="A path of the web app, e.g. `/patient/appointments`; may be empty.",
    )
    read_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="When you marked it read; null while unread."
    )

    class Meta:
        model = Notification
        fields = ["id", "kind", "text", "link", "created_at", "read_at"]
        read_only_fields = fields


class NotificationsMarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many unread notifications were marked read.")


class NotificationPreferenceSerializer(serializers.Serializer):
    """Whether one kind of notification is also sent by e-mail."""

    kind = serializers.ChoiceField(choices=NotificationKind.choices, read_only=True)
    title = serializers.CharField(read_only=True)
    email = serializers.BooleanField(read_only=True)
    mandatory = serializers.BooleanField(
        read_only=True, help_text="Always e-mailed (security and account notices)."
    )


class NotificationPreferencesSerializer(serializers.Serializer):
    preferences = NotificationPreferenceSerializer(many=True, read_only=True)

    @staticmethod
    def from_choices(email: dict[str, bool]) -> dict[str, Any]:
        return {
            "preferences": [
                {
                    "kind": kind,
                    "title": NotificationKind(kind).label,
                    "email": wanted,
                    "mandatory": kind in MANDATORY_EMAIL_KINDS,
                }
                for kind, wanted in email.items()
            ]
        }


class NotificationPreferenceChoiceSerializer(serializers.Serializer):
    kind = serializers.CharField(
        max_length=40, help_text="A kind of notification (NotificationKindEnum)."
    )
    email = serializers.BooleanField(help_text="Send this kind by e-mail too.")


class NotificationPreferencesUpdateSerializer(serializers.Serializer):
    preferences = serializers.ListField(
        child=NotificationPreferenceChoiceSerializer(),
        max_length=len(NotificationKind.values),
        help_text="Every kind not listed, or listed with `email: true`, is e-mailed.",
    )

    def validate_preferences(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kinds = [item["kind"] for item in value]
        if len(set(kinds)) != len(kinds):
            raise serializers.ValidationError("Each kind may be listed once.")
        return value


class NotificationUnsubscribeSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=300, help_text="The `token` parameter of the link.")


class NotificationUnsubscribedSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=NotificationKind.choices, read_only=True)
    title = serializers.CharField(read_only=True)
