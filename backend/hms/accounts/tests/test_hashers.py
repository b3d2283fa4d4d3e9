"""Argon2id at OWASP parameters, with old hashes rewritten at the next successful sign-in."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from config.settings import base
from hms.accounts.hashers import OwaspArgon2PasswordHasher
from hms.accounts.models import User
from hms.accounts.services import auth_login
from hms.accounts.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

REAL_HASHERS = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)


def test_new_passwords_use_argon2id_with_owasp_parameters():
    encoded = OwaspArgon2PasswordHasher().encode("a-long-passphrase", "saltsaltsaltsalt")

    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert base.PASSWORD_HASHERS[0] == "hms.accounts.hashers.OwaspArgon2PasswordHasher"


@pytest.mark.parametrize(
    "old_hasher", [Argon2PasswordHasher(), PBKDF2PasswordHasher()], ids=["argon2-default", "pbkdf2"]
)
def test_an_old_hash_is_rewritten_at_the_next_successful_sign_in(admin_user, old_hasher):
    old = old_hasher.encode(DEFAULT_PASSWORD, old_hasher.salt())
    User.objects.filter(pk=admin_user.pk).update(password=old)

    with REAL_HASHERS:
        auth_login(username="admin.one", password=DEFAULT_PASSWORD, at=timezone.now())
        stored = User.objects.get(pk=admin_user.pk).password
        assert stored.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
        assert User.objects.get(pk=admin_user.pk).check_password(DEFAULT_PASSWORD)


def test_a_current_hash_is_not_rewritten_and_a_login_writes_two_rows(admin_user):
    with REAL_HASHERS:
        admin_user.set_password(DEFAULT_PASSWORD)
        admin_user.save(update_fields=["password"])
        stored = admin_user.password

        with CaptureQueriesContext(connection) as queries:
            auth_login(username="admin.one", password=DEFAULT_PASSWORD, at=timezone.now())

    writes = [
        query["sql"].split()[0:3]
        for query in queries
        if query["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert [" ".join(words) for words in writes] == [
        'INSERT INTO "accounts_session"',
        'INSERT INTO "audit_auditevent"',
    ]
    assert User.objects.get(pk=admin_user.pk).password == stored
