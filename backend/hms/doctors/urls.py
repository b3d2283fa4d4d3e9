from django.urls import path

from hms.doctors.apis import DoctorDirectoryViewSet, DoctorViewSet

urlpatterns = [
    path(
        "doctors/",
        DoctorViewSet.as_view({"get": "list", "post": "create"}),
        name="doctor-list",
    ),
    path(
        "doctors/directory/",
        DoctorDirectoryViewSet.as_view({"get": "list"}),
        name="doctor-directory",
    ),
    path(
        "doctors/<int:pk>/",
        DoctorViewSet.as_view({"get": "retrieve", "patch": "update", "delete": "destroy"}),
        name="doctor-detail",
    ),
    path(
        "doctors/<int:pk>/approve/",
        DoctorViewSet.as_view({"post": "approve"}),
        name="doctor-approve",
    ),
    path(
        "doctors/<int:pk>/reject/",
        DoctorViewSet.as_view({"post": "reject"}),
        name="doctor-reject",
    ),
    path(
        "doctors/<int:pk>/set-password/",
        DoctorViewSet.as_view({"post": "set_password"}),
        name="doctor-set-password",
    ),
]
