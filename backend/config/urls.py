from django.urls import include, path, re_path

from hms.common.api_docs import DocsSessionApi, SchemaApi, SwaggerUiView
from hms.common.views import api_not_found, spa_index

# Each app's routes; `doctors/` and `patients/` come from workflows, whose viewsets add the
# deletion that spans apps to the doctors' and patients' own operations; `admissions/` and
# `invoices/` come from payments, whose viewsets add the money operations.
api_v1 = [
    path("", include("hms.accounts.urls")),
    path("", include("hms.doctors.urls")),
    path("", include("hms.patients.urls")),
    path("", include("hms.workflows.urls")),
    path("", include("hms.payments.urls")),
    path("", include("hms.admissions.urls")),
    path("", include("hms.billing.urls")),
    path("", include("hms.appointments.urls")),
    path("", include("hms.clinical.urls")),
    path("", include("hms.dashboard.urls")),
    path("", include("hms.audit.urls")),
    path("", include("hms.notifications.urls")),
    path("", include("hms.common.urls")),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    # Swagger UI and the schema: public unless HMS_PUBLIC_API_DOCS is off, then for admins, by
    # bearer token or by the docs cookie that api/docs/session/ sets (hms.common.api_docs).
    path("api/schema/", SchemaApi.as_view(), name="schema"),
    path("api/docs/", SwaggerUiView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/docs/session/", DocsSessionApi.as_view(), name="api-docs-session"),
    re_path(r"^api/", api_not_found, name="api-not-found"),
    re_path(r"^(?!static/).*$", spa_index, name="spa"),
]

handler400 = "hms.common.views.bad_request"
handler403 = "hms.common.views.permission_denied"
handler404 = "hms.common.views.api_not_found"
handler500 = "hms.common.views.server_error"
