"""Health probes for load balancers and container orchestrators."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

_HealthSerializer = inline_serializer(
    name="Health",
    fields={
        "status": serializers.ChoiceField(choices=["ok", "unavailable"]),
        "detail": serializers.CharField(),
    },
)


class HealthLiveApi(APIView):
    """The process is up and answering."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes: list[type] = []

    @extend_schema(operation_id="health_live", responses={200: _HealthSerializer}, tags=["health"])
    def get(self, request: Request) -> Response:
        return Response({"status": "ok", "detail": "alive"})


class HealthReadyApi(APIView):
    """The database answers and every migration is applied; 503 otherwise."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    throttle_classes: list[type] = []

    @extend_schema(
        operation_id="health_ready",
        responses={200: _HealthSerializer, 503: _HealthSerializer},
        tags=["health"],
    )
    def get(self, request: Request) -> Response:
        try:
            connection = connections[DEFAULT_DB_ALIAS]
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except Exception:  # noqa: BLE001 - any database failure means "not ready"
            return Response({"status": "unavailable", "detail": "database unreachable"}, status=503)
        if pending:
            return Response(
                {"status": "unavailable", "detail": f"{len(pending)} migrations not applied"},
                status=503,
            )
        return Response({"status": "ok", "detail": "ready"})
