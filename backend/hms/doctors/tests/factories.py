from __future__ import annotations

import factory

from hms.accounts.models import Role
from hms.accounts.tests.factories import UserFactory
from hms.doctors.models import Department, Doctor


class DoctorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doctor

    user = factory.SubFactory(UserFactory, role=Role.DOCTOR)
    mobile = factory.Sequence(lambda n: f"+9198{n:08d}")
    address = factory.Faker("address")
    department = factory.LazyFunction(lambda: Department.objects.get(code="CARDIOLOGIST"))
