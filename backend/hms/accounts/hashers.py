"""Password hashing at OWASP's Argon2id parameters."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id with 19 MiB of memory, 2 iterations and 1 lane (OWASP's first recommendation).

    Django's defaults (100 MiB, 8 lanes) cost about five times as much per sign-in for no
    stronger guarantee on a small server. Hashes stored with other parameters keep verifying;
    the first successful sign-in rewrites them with these (Django's `must_update`).
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
