"""ICD-10: the search doctors type into, and loading the bundled code list."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from hms.audit.models import AuditEvent, AuditKind
from hms.clinical import icd10 as icd10_module
from hms.clinical.models import Icd10Code
from hms.clinical.tests.world import refusal

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("search", "codes"),
    [
        ("I21", ["I21.4"]),
        ("i214", ["I21.4"]),
        ("I", []),
        ("chest pain", ["R07.9"]),
        ("MELLITUS type", ["E11.9"]),
        ("hypertension", ["I10"]),
        ("", []),
    ],
)
def test_icd10_search_by_code_and_words(icd10_codes, client_for, make_doctor, search, codes):
    response = client_for(make_doctor().user).get(f"/api/v1/clinical/icd10/?search={search}")

    assert response.status_code == 200
    assert [row["code"] for row in response.json()] == codes


def test_icd10_search_records_no_access_and_refuses_long_text(client_for, make_doctor):
    client = client_for(make_doctor().user)
    refusal(client.get(f"/api/v1/clinical/icd10/?search={'a' * 101}"), 400, "VALIDATION_ERROR")
    assert not AuditEvent.objects.filter(kind=AuditKind.ACCESS).exists()


def test_icd10_search_refuses_a_null_character(client_for, make_doctor):
    response = client_for(make_doctor().user).get("/api/v1/clinical/icd10/?search=A0%00")

    refusal(response, 400, "VALIDATION_ERROR")
    assert response.json()["fields"] == {"search": ["Null characters are not allowed."]}


def test_loading_alongside_another_loader_keeps_each_code_once():
    from hms.clinical.management.commands.icd10_load import icd10_store

    Icd10Code.objects.create(code="A00", description="Cholera")  # the other loader's row
    rows = [("A00", "Cholera"), ("A01", "Typhoid and paratyphoid fevers")]

    icd10_store([Icd10Code(code=c, description=d) for c, d in rows], replace=False)

    assert list(Icd10Code.objects.order_by("code").values_list("code", "description")) == rows


def test_the_load_command_fills_the_table_once(monkeypatch):
    rows = [("A00", "Cholera"), ("A00.0", "Cholera due to Vibrio cholerae 01, biovar cholerae")]
    monkeypatch.setattr(
        "hms.clinical.management.commands.icd10_load.icd10_package_rows", lambda: iter(rows)
    )

    call_command("icd10_load")
    call_command("icd10_load")

    assert list(Icd10Code.objects.values_list("code", "description")) == rows


def test_the_bundled_list_holds_the_cms_codes():
    rows = dict(icd10_module.icd10_package_rows())

    assert rows["I21.4"] == "Non-ST elevation (NSTEMI) myocardial infarction"
    assert rows["I10"] == "Essential (primary) hypertension"
    assert len(rows) > 90_000
