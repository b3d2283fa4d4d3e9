"""Response headers Django adds itself, so a deployment without nginx is as strict as one with it.

The values are those of deploy/nginx/snippets/ (a test keeps them equal). Behind nginx, nginx
drops Django's copies of the security headers and sends its own.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# The web app loads only its own scripts. Mantine writes its theme as inline <style> elements
# and style attributes, hence 'unsafe-inline' for styles only; invoice PDFs open as blob: URLs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "frame-src 'self' blob:; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI starts itself with one inline <script>: this page alone allows inline scripts.
API_DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
API_DOCS_PATH = "/api/docs/"


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy and Permissions-Policy to every response.

    Django's SecurityMiddleware and XFrameOptionsMiddleware add the other headers nginx sends
    (HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, X-Frame-Options).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = (
            API_DOCS_CONTENT_SECURITY_POLICY
            if request.path.startswith(API_DOCS_PATH)
            else CONTENT_SECURITY_POLICY
        )
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class ApiNoStoreMiddleware:
    """Mark every API response `Cache-Control: no-store` unless the view chose otherwise.

    API answers carry health data and tokens: no browser, proxy or shared cache may keep them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response
