from django.urls import path

from hms.admissions import apis

urlpatterns = [
    path("admissions/", apis.AdmissionListCreateApi.as_view(), name="admissions"),
    path(
        "admissions/<int:admission_id>/",
        apis.AdmissionDetailApi.as_view(),
        name="admission-detail",
    ),
    path(
        "admissions/<int:admission_id>/discharge/preview/",
        apis.AdmissionDischargePreviewApi.as_view(),
        name="admission-discharge-preview",
    ),
    path(
        "admissions/<int:admission_id>/discharge/",
        apis.AdmissionDischargeApi.as_view(),
        name="admission-discharge",
    ),
]
