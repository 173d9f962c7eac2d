"""The task queue's Celery app: `celery -A config worker` and `celery -A config beat`.

Its configuration is Django's settings under the CELERY_ prefix (config.settings.base); tasks
are the `tasks.py` modules of Ortak's apps. Production settings unless DJANGO_SETTINGS_MODULE
says otherwise, as for config.wsgi.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")

app = Celery("ortak")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
