from django.urls import path

from hms.appointments import apis

urlpatterns = [
    path("appointments/", apis.AppointmentListCreateApi.as_view(), name="appointments"),
    path("appointments/<int:pk>/", apis.AppointmentDetailApi.as_view(), name="appointment-detail"),
    path(
        "appointments/<int:pk>/approve/",
        apis.AppointmentApproveApi.as_view(),
        name="appointment-approve",
    ),
    path(
        "appointments/<int:pk>/reject/",
        apis.AppointmentRejectApi.as_view(),
        name="appointment-reject",
    ),
    path(
        "appointments/<int:pk>/cancel/",
        apis.AppointmentCancelApi.as_view(),
        name="appointment-cancel",
    ),
    path(
        "appointments/<int:pk>/complete/",
        apis.AppointmentCompleteApi.as_view(),
        name="appointment-complete",
    ),
    path("doctors/<int:pk>/slots/", apis.DoctorSlotListApi.as_view(), name="doctor-slots"),
]
