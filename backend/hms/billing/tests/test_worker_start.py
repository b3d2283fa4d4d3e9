from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BACKEND_DIR = Path(__file__).resolve().parents[3]

PROBE = "import sys; {imports}; print('weasyprint' in sys.modules)"


def imports_weasyprint(imports: str) -> bool:
    result = subprocess.run(  # noqa: S603 - a fixed command line with this interpreter
        [sys.executable, "-c", PROBE.format(imports=imports)],
        cwd=BACKEND_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout.strip() == "True"


def test_the_wsgi_worker_imports_weasyprint_when_it_starts():
    assert imports_weasyprint("import config.wsgi") is True


def test_plain_django_setup_does_not_pay_for_weasyprint():
    # Management commands (migrate, spectacular) start without the PDF engine.
    assert imports_weasyprint("import django; django.setup()") is False
