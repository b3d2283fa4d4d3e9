"""The one base view of the API.

Every authenticated resource is an `ApiViewSet`, every public one a `PublicApiViewSet`. Each
app's `urls.py` registers its viewsets on a `SimpleRouter(use_regex_path=False)`, so `{id}` is an
`<int:id>` path parameter (an integer in the schema, an int in the handler); extra operations
are `@action`s. A single object at a fixed path (the hospital, the health probes) is a
`detail=False` action, so the schema does not take it for a list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from rest_framework.exceptions import MethodNotAllowed, NotAuthenticated, Throttled
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.throttling import BaseThrottle
from rest_framework.viewsets import GenericViewSet

from hms.common.permissions import RoleMapPermission
from hms.common.queries import TemplateRows
from hms.common.throttling import FixedWindowScopedRateThrottle, throttles_check

if TYPE_CHECKING:
    # django-stubs resolves this alias to the project's AUTH_USER_MODEL.
    from django.contrib.auth.models import _User


class ApiViewSet(GenericViewSet):
    """Base of every authenticated resource: role-map permission, pagination, `{id}` lookups.

    `policy_resource` names the resource in the role map; each handler's action name is the
    operation ("doctors.approve"). A method the route does not map answers 405
    METHOD_NOT_ALLOWED (with `Allow`) before authentication or any role check.
    """

    policy_resource: ClassVar[str]
    permission_classes = [RoleMapPermission]
    lookup_url_kwarg = "id"
    lookup_value_converter = "int"
    lookup_value_regex = r"[0-9]+"
    # Filtering happens in the selectors, with django-filter FilterSets.
    filter_backends: list[type] = []
    # A named budget of its own (see get_throttles); an @action may set one too.
    throttle_scope: str | None = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        method = (request.method or "").lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise MethodNotAllowed(request.method or "")
        super().initial(request, *args, **kwargs)

    def check_throttles(self, request: Request) -> None:
        # As DRF's, but every fixed-window budget of the request is counted in one round trip.
        waits = throttles_check(self.get_throttles(), request, self)
        if waits:
            raise Throttled(max((wait for wait in waits if wait is not None), default=None))

    def get_throttles(self) -> list[BaseThrottle]:
        # An operation naming a `throttle_scope` (sign-up, login, refresh) gets that budget on
        # top of the per-client one.
        return [*super().get_throttles(), FixedWindowScopedRateThrottle()]

    @property
    def viewer(self) -> _User:
        """The signed-in, approved account (the role-map permission lets no one else in)."""
        user = self.request.user
        if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
            raise NotAuthenticated()
        return user

    def paginated(
        self, rows: QuerySet[Any] | TemplateRows, serializer_class: type[BaseSerializer[Any]]
    ) -> Response:
        """Answer one page of `rows` (a queryset, or a ListTemplate's rows) as `{count, next,
        previous, results}`."""
        # The project's paginator slices and counts either (DRF's stubs know only querysets).
        page = self.paginate_queryset(cast(Any, rows))
        if page is None:
            return Response(serializer_class(rows, many=True).data)
        return self.get_paginated_response(serializer_class(page, many=True).data)


class PublicApiViewSet(ApiViewSet):
    """Base of every resource anyone may call without a token."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
