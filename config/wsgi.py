"""The WSGI application for production servers (gunicorn config.wsgi).

Production settings unless DJANGO_SETTINGS_MODULE says otherwise: development settings
(DEBUG, tracebacks in the browser) are opt-in, as `make run` and `ortak serve` do.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_wsgi_application()
