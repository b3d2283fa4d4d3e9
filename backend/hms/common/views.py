"""Django-level fallbacks: JSON errors under /api/, the SPA's index.html everywhere else."""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse

from hms.common.exception_handler import error_body


def api_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponseBase:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body("NOT_FOUND", "Not found."), status=404)
    return spa_index(request)


def server_error(request: HttpRequest) -> HttpResponseBase:
    return JsonResponse(
        error_body("SERVER_ERROR", "Something went wrong on our side; it has been logged."),
        status=500,
    )


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
