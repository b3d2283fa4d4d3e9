"""Health probes for load balancers and container orchestrators: plain Django views.

The probes run no authentication, throttling, content negotiation or serializer: they are
asked every few seconds by every proxy and orchestrator, so each one costs one `SELECT 1` at
most. The readiness probe loads the migration graph from disk only until it has once found
every migration applied in this process; a deployment migrates before it starts the new
processes, so a process that was ready stays ready while its database answers.

`HealthLiveApi` and `HealthReadyApi` answer the same through DRF; the URLs route the plain
views, which name those classes in `cls` so drf-spectacular documents them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from hms.common.exception_handler import error_body

_HealthSerializer = inline_serializer(
    name="Health",
    fields={
        "status": serializers.ChoiceField(choices=["ok", "unavailable"]),
        "detail": serializers.CharField(),
    },
)

# Set once this process has seen every migration applied (see the module docstring).
_migrations_applied = False


def _pending_migrations() -> int:
    global _migrations_applied
    if _migrations_applied:
        return 0
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _migrations_applied = pending == 0
    return pending


def _get_only(view: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    def wrapped(request: HttpRequest) -> HttpResponse:
        if request.method not in {"GET", "HEAD"}:
            response = JsonResponse(
                error_body("METHOD_NOT_ALLOWED", "This method is not allowed here."), status=405
            )
            response["Allow"] = "GET, HEAD"
            return response
        return view(request)

    return csrf_exempt(wrapped)


def _live(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok", "detail": "alive"})


def _ready(request: HttpRequest) -> HttpResponse:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = _pending_migrations()
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "detail": "database unreachable"}, status=503)
    if pending:
        return JsonResponse(
            {"status": "unavailable", "detail": f"{pending} migrations not applied"}, status=503
        )
    return JsonResponse({"status": "ok", "detail": "ready"})


class HealthLiveApi(APIView):
    """Report that the process is up and answering.

    Never touches the database: a load balancer's liveness probe.
    """

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="health_live", responses={200: _HealthSerializer}, tags=["health"])
    def get(self, request: Request) -> HttpResponse:
        return _live(request)


class HealthReadyApi(APIView):
    """Report whether the database answers and every migration is applied.

    Answers 200 `ok` when ready, 503 `unavailable` otherwise: a readiness probe.
    """

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="health_ready",
        responses={200: _HealthSerializer, 503: _HealthSerializer},
        tags=["health"],
    )
    def get(self, request: Request) -> HttpResponse:
        return _ready(request)


health_live = _get_only(_live)
health_live.cls = HealthLiveApi  # type: ignore[attr-defined]
health_live.initkwargs = {}  # type: ignore[attr-defined]
health_ready = _get_only(_ready)
health_ready.cls = HealthReadyApi  # type: ignore[attr-defined]
health_ready.initkwargs = {}  # type: ignore[attr-defined]
