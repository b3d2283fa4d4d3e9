"""WSGI entry point; imports the PDF engine at worker start so the first invoice is not slow."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# WeasyPrint (about half a second to import) is loaded here, when the worker starts, rather
# than inside the first discharge request.
import hms.billing.pdf  # noqa: E402, F401
