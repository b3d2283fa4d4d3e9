from __future__ import annotations

from typing import Any

from rest_framework import serializers

from hms.accounts.models import Session


class SessionSerializer(serializers.ModelSerializer[Session]):
    """One sign-in of the signed-in account, as "Where you're signed in" lists it."""

    current = serializers.SerializerMethodField(
        help_text="True for the session of the token that made this request."
    )

    class Meta:
        model = Session
        fields = ["id", "device_label", "created_at", "last_used_at", "expires_at", "current"]
        read_only_fields = fields

    def get_current(self, session: Session) -> bool:
        current: Any = self.context.get("current_session_id")
        return bool(session.pk == current)


class SessionsEndedSerializer(serializers.Serializer):
    ended = serializers.IntegerField(help_text="How many sessions ended.")
