"""The product's URLs plus the benchmark's reference list (before the product's catch-alls)."""

from django.urls import path

from benchmarks.reference import ReferencePatientListApi
from config.urls import handler404, handler500
from config.urls import urlpatterns as product_urlpatterns

urlpatterns = [
    path("bench/reference/patients/", ReferencePatientListApi.as_view(), name="bench-reference"),
    *product_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
