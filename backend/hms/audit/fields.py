"""A JSON list of integer ids with a portable "contains this id" lookup."""

from __future__ import annotations

import json
from typing import Any

from django.db import models
from django.db.models import Lookup


class IntegerListField(models.JSONField):
    """A JSON array of integers (here: patient ids), queried with `__has_id=<int>`."""


@IntegerListField.register_lookup
class HasId(Lookup):
    """`patient_ids__has_id=5`: the array holds 5 (jsonb @> on PostgreSQL, json_each on SQLite)."""

    lookup_name = "has_id"
    prepare_rhs = False

    def _lhs(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, params = self.process_lhs(compiler, connection)
        return lhs, list(params)

    def as_postgresql(self, compiler: Any, connection: Any) -> Any:
        lhs, params = self._lhs(compiler, connection)
        return f"{lhs} @> %s::jsonb", [*params, json.dumps([int(self.rhs)])]

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, params = self._lhs(compiler, connection)
        return (
            f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = %s)",  # noqa: S608
            [*params, int(self.rhs)],
        )
