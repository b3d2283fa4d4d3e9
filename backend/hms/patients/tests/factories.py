from __future__ import annotations

import factory

from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.patients.models import Patient


class PatientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patient

    user = factory.SubFactory(UserFactory, role=Role.PATIENT)
    mobile = factory.Sequence(lambda n: f"+9197{n:08d}")
    address = factory.Faker("address")
    symptoms = "Fever and cough"
    date_of_birth = None
    assigned_doctor = None
