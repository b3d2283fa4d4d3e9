"""Django-level fallbacks: JSON errors under /api/, the SPA's index.html everywhere else."""

from __future__ import annotations

import sys

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt

from hms.common.exception_handler import error_body
from hms.common.middleware import database_unavailable_response, is_database_unavailable


def _slash_hint(path: str) -> str:
    """Name the right path when only the trailing slash is missing (API paths end with one)."""
    if path.endswith("/"):
        return ""
    try:
        match = resolve(path + "/")
    except Resolver404:
        return ""
    if match.url_name in {"api-not-found", "spa"}:
        return ""
    return f" API paths end with a slash: {path}/"


# Nothing is changed by these views, so no CSRF token is needed: without the exemption a POST
# to an unknown API path would answer Django's HTML CSRF page instead of the JSON 404.
@csrf_exempt
def api_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponseBase:
    if request.path.startswith("/api/"):
        return JsonResponse(
            error_body("NOT_FOUND", "Not found." + _slash_hint(request.path)), status=404
        )
    return spa_index(request)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponseBase:
    """Requests Django refuses before any view (e.g. a Host header not in ALLOWED_HOSTS)."""
    return JsonResponse(
        error_body("BAD_REQUEST", "The request could not be understood."), status=400
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponseBase:
    return JsonResponse(
        error_body("PERMISSION_DENIED", "You do not have permission to perform this action."),
        status=403,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponseBase:
    """The API uses bearer tokens, not CSRF tokens; a CSRF refusal still answers the JSON shape."""
    return JsonResponse(
        error_body("PERMISSION_DENIED", "You do not have permission to perform this action."),
        status=403,
    )


def server_error(request: HttpRequest) -> HttpResponseBase:
    # Called while the exception is being handled: a database outage outside any view (in a
    # middleware) is a 503 to retry, not a fault of ours.
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable_response()
    return JsonResponse(
        error_body("SERVER_ERROR", "Something went wrong on our side; it has been logged."),
        status=500,
    )


@csrf_exempt
def spa_index(request: HttpRequest) -> HttpResponseBase:
    """Answer the SPA shell so deep links (e.g. /admin/doctors/3) survive a reload."""
    index = settings.SPA_DIST_DIR / "index.html"
    if request.method not in {"GET", "HEAD"}:
        return JsonResponse(error_body("NOT_FOUND", "Not found."), status=404)
    if not index.is_file():
        return HttpResponse(
            "The web app is not built yet. Run `make run` (or `npm run build` in frontend/). "
            "The API is at /api/v1/ and its documentation at /api/docs/.",
            content_type="text/plain; charset=utf-8",
            status=404,
        )
    response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
