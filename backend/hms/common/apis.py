"""Health probes for load balancers and container orchestrators."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.common.viewsets import PublicApiViewSet

_HealthSerializer = inline_serializer(
    name="Health",
    fields={
        "status": serializers.ChoiceField(choices=["ok", "unavailable"]),
        "detail": serializers.CharField(),
    },
)


class HealthViewSet(PublicApiViewSet):
    """Liveness and readiness probes: never throttled."""

    throttle_classes: list[type] = []

    @extend_schema(operation_id="health_live", responses={200: _HealthSerializer}, tags=["health"])
    @action(detail=False, methods=["get"])
    def live(self, request: Request) -> Response:
        """Report that the process is up and answering.

        Never touches the database: a load balancer's liveness probe.
        """
        return Response({"status": "ok", "detail": "alive"})

    @extend_schema(
        operation_id="health_ready",
        responses={200: _HealthSerializer, 503: _HealthSerializer},
        tags=["health"],
    )
    @action(detail=False, methods=["get"])
    def ready(self, request: Request) -> Response:
        """Report whether the database answers and every migration is applied.

        Answers 200 `ok` when ready, 503 `unavailable` otherwise: a readiness probe.
        """
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
