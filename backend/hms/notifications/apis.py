"""The signed-in account's notifications, e-mail preferences, and the one-click unsubscribe."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.common.errors import ValidationFailed
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet, PublicApiViewSet
from hms.notifications import serializers as s
from hms.notifications.models import Notification, NotificationKind
from hms.notifications.selectors import (
    notification_get,
    notification_list,
    notification_preferences_get,
)
from hms.notifications.services import (
    notification_mark_all_read,
    notification_mark_read,
    notification_preferences_update,
    notification_unsubscribe,
)

TAGS = ["notifications"]

_EXAMPLE = {
    "id": 12,
    "kind": "APPOINTMENT_APPROVED",
    "text": "Your appointment with Dr. Anita Desai on Fri 27 Nov 2026, 09:30 IST is confirmed.",
    "link": "/patient/appointments",
    "created_at": "2026-11-25T10:02:00+05:30",
    "read_at": None,
}


class NotificationViewSet(ApiViewSet):
    """Every approved account reads its own notifications; nobody sees anyone else's."""

    policy_resource = "notifications"
    queryset = Notification.objects.none()

    @extend_schema(
        operation_id="notifications_list",
        parameters=[
            OpenApiParameter(
                "unread",
                OpenApiTypes.BOOL,
                description="`true`: only the unread ones (the page's `count` is the unread "
                "count the bell shows).",
            )
        ],
        responses={200: s.NotificationSerializer(many=True), **error_responses(400)},
        examples=[OpenApiExample("An unread notification", value=_EXAMPLE, response_only=True)],
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """List your notifications, newest first.

        Texts are short and hold no clinical details; `link` is the web app's page about it.
        """
        unread = request.query_params.get("unread", "").lower()
        if unread not in ("", "true", "false"):
            raise ValidationFailed(fields={"unread": ["Use true or false."]})
        return self.paginated(
            notification_list(viewer=self.viewer, unread_only=unread == "true"),
            s.NotificationSerializer,
        )

    @extend_schema(
        operation_id="notifications_read",
        request=None,
        responses={200: s.NotificationSerializer, **error_responses(404)},
        tags=TAGS,
    )
    @action(detail=True, methods=["post"], url_path="read")
    def read(self, request: Request, id: int) -> Response:
        """Mark one of your notifications read.

        Marking one that is already read changes nothing. Anyone else's notification is 404.
        """
        viewer = self.viewer
        notification = notification_get(viewer=viewer, id=int(id))
        marked = notification_mark_read(viewer=viewer, notification=notification, at=timezone.now())
        return Response(s.NotificationSerializer(marked).data)

    @extend_schema(
        operation_id="notifications_read_all",
        request=None,
        responses={200: s.NotificationsMarkedSerializer, **error_responses()},
        tags=TAGS,
    )
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request: Request) -> Response:
        """Mark all your notifications read."""
        marked = notification_mark_all_read(viewer=self.viewer, at=timezone.now())
        return Response(s.NotificationsMarkedSerializer({"marked": marked}).data)

    @extend_schema(
        operation_id="notifications_preferences",
        responses={200: s.NotificationPreferencesSerializer, **error_responses()},
        tags=TAGS,
    )
    @action(detail=False, methods=["get"], url_path="preferences")
    def preferences(self, request: Request) -> Response:
        """Which kinds of notification you also receive by e-mail.

        Every notification shows in the app. E-mail goes to your account's address, for every
        kind unless you switched it off; `mandatory` kinds (security and account notices) are
        always e-mailed.
        """
        choices = notification_preferences_get(user=self.viewer)
        return Response(s.NotificationPreferencesSerializer.from_choices(choices))

    @extend_schema(
        operation_id="notifications_preferences_update",
        request=s.NotificationPreferencesUpdateSerializer,
        responses={200: s.NotificationPreferencesSerializer, **error_responses(400)},
        examples=[
            OpenApiExample(
                "No reminder e-mails",
                value={"preferences": [{"kind": "APPOINTMENT_REMINDER", "email": False}]},
                request_only=True,
            )
        ],
        tags=TAGS,
    )
    @preferences.mapping.put
    def preferences_update(self, request: Request) -> Response:
        """Choose which kinds of notification you also receive by e-mail.

        Replaces your choices: kinds listed with `email: false` are not e-mailed, every other
        kind is. An unknown kind is 400 `UNKNOWN_NOTIFICATION_KIND`; switching off a mandatory
        kind is 400 `NOTIFICATION_KIND_MANDATORY`; nothing changes then.
        """
        body = s.NotificationPreferencesUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        choices = notification_preferences_update(
            user=self.viewer,
            email={item["kind"]: item["email"] for item in body.validated_data["preferences"]},
            at=timezone.now(),
        )
        return Response(s.NotificationPreferencesSerializer.from_choices(choices))


class NotificationUnsubscribeViewSet(PublicApiViewSet):
    """The one-click link at the foot of a notification e-mail."""

    @extend_schema(
        operation_id="notifications_unsubscribe",
        request=s.NotificationUnsubscribeSerializer,
        responses={200: s.NotificationUnsubscribedSerializer, **error_responses(400)},
        tags=TAGS,
    )
    def create(self, request: Request) -> Response:
        """Stop e-mails of one kind, with the signed token of an e-mail's link.

        No sign-in needed: the token names the account and the kind. A forged, damaged or
        expired token is 400 `INVALID_UNSUBSCRIBE_LINK`.
        """
        body = s.NotificationUnsubscribeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        kind = notification_unsubscribe(token=body.validated_data["token"], at=timezone.now())
        return Response({"kind": kind, "title": NotificationKind(kind).label})
