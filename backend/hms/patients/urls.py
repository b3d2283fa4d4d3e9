from django.urls import path

from hms.patients.apis import PatientViewSet

urlpatterns = [
    path(
        "patients/",
        PatientViewSet.as_view({"get": "list", "post": "create"}),
        name="patient-list",
    ),
    path(
        "patients/<int:pk>/",
        PatientViewSet.as_view({"get": "retrieve", "patch": "update", "delete": "destroy"}),
        name="patient-detail",
    ),
    path(
        "patients/<int:pk>/approve/",
        PatientViewSet.as_view({"post": "approve"}),
        name="patient-approve",
    ),
    path(
        "patients/<int:pk>/reject/",
        PatientViewSet.as_view({"post": "reject"}),
        name="patient-reject",
    ),
    path(
        "patients/<int:pk>/set-password/",
        PatientViewSet.as_view({"post": "set_password"}),
        name="patient-set-password",
    ),
]
