from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from hms.common.permissions import ApiDocsPermission
from hms.common.views import api_not_found, spa_index

api_v1 = [
    path("", include("hms.accounts.urls")),
    path("", include("hms.doctors.urls")),
    path("", include("hms.patients.urls")),
    path("", include("hms.admissions.urls")),
    path("", include("hms.billing.urls")),
    path("", include("hms.appointments.urls")),
    path("", include("hms.dashboard.urls")),
    path("", include("hms.common.urls")),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path(
        "api/schema/",
        SpectacularAPIView.as_view(permission_classes=[ApiDocsPermission]),
        name="schema",
    ),
    path(
        "api/docs/",
        SpectacularSwaggerView.as_view(url_name="schema", permission_classes=[ApiDocsPermission]),
        name="swagger-ui",
    ),
    re_path(r"^api/", api_not_found, name="api-not-found"),
    re_path(r"^(?!static/).*$", spa_index, name="spa"),
]

handler400 = "hms.common.views.bad_request"
handler403 = "hms.common.views.permission_denied"
handler404 = "hms.common.views.api_not_found"
handler500 = "hms.common.views.server_error"
