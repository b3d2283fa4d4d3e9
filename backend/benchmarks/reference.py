"""The reference the benchmark compares every endpoint with: a bare DRF list over patients.

JWT authentication (simplejwt's own, one user query), no throttling, a plain ModelSerializer
over the patients table: 25 rows and a COUNT, three queries per request.
"""

from __future__ import annotations

from typing import Any

from rest_framework import generics, pagination, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework_simplejwt.authentication import JWTAuthentication

from hms.patients.models import Patient


class ReferencePatientSerializer(serializers.ModelSerializer[Patient]):
    class Meta:
        model = Patient
        fields = ["id", "mobile", "address", "symptoms", "date_of_birth", "created_at"]


class ReferencePagination(pagination.PageNumberPagination):
    page_size = 25


class ReferencePatientListApi(generics.ListAPIView[Patient]):
    authentication_classes = [JWTAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes: list[Any] = []
    serializer_class = ReferencePatientSerializer
    pagination_class = ReferencePagination
    queryset = Patient.objects.order_by("id")
