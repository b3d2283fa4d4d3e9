from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hms.clinical.models import Icd10Code


@admin.register(Icd10Code)
class Icd10CodeAdmin(admin.ModelAdmin[Icd10Code]):
    """Read-only: the list is loaded by `manage.py icd10_load`. Clinical documents are not in
    the Django admin at all: they are read through the API, where every read is recorded."""

    list_display = ["code", "description"]
    search_fields = ["code", "description"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
