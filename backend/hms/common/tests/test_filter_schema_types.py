from __future__ import annotations

import django_filters

from hms.common.filters import filterset_parameters


class DatedFilterSet(django_filters.FilterSet):
    since = django_filters.DateFilter(help_text="On or after.")
    everything = django_filters.BooleanFilter(help_text="Every row.")


def test_dates_and_booleans_keep_their_types_in_the_schema():
    parameters = filterset_parameters(DatedFilterSet)

    assert [(p.name, p.type, p.description) for p in parameters] == [
        ("since", {"type": "string", "format": "date"}, "On or after."),
        ("everything", {"type": "boolean"}, "Every row."),
    ]
