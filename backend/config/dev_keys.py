"""Signing keys for one checkout's local development server, generated on its first run.

No key is committed to the repository: `make run` (local settings) generates SECRET_KEY and the
JWT signing key into an ignored file readable only by its owner, and reads them from there on
every later run. Tokens signed with any key found in the repository are therefore refused.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

NAMES = ("SECRET_KEY", "JWT_SIGNING_KEY")


def _read(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, value = line.partition("=")
        if sep and name.strip() in NAMES and value.strip():
            values[name.strip()] = value.strip()
    return values


def dev_keys(path: Path) -> dict[str, str]:
    """Return {SECRET_KEY, JWT_SIGNING_KEY} from `path`, creating the file (mode 0600) if needed."""
    if path.is_file():
        values = _read(path)
        if all(name in values for name in NAMES):
            return values
    values = {name: secrets.token_urlsafe(64) for name in NAMES}
    body = "".join(f"{name}={value}\n" for name, value in values.items())
    body = "# Generated on first run for this checkout only. Never commit or share it.\n" + body
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(body)
    try:
        # Two processes starting at once: the first file in place wins, both read it back.
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
    return _read(path)
