"""Test settings: the database comes from ORTAK_TEST_DATABASE_URL, SQLite otherwise."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env, postgres_tuned

DATABASES = {
    "default": env.db("ORTAK_TEST_DATABASE_URL", default="sqlite:///:memory:"),
}
postgres_tuned(DATABASES["default"])
# Each test run keeps its own cache in memory: runs on SQLite and PostgreSQL, and other
# people's runs on the same machine, must not read one another's cached counts from var/.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve assets straight from the apps in tests; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run at once, in the process that sends them; the real workers that
# ortak/ingest/tests/test_workers.py starts are given ORTAK_TASKS_EAGER=0.
CELERY_TASK_ALWAYS_EAGER = env.bool("ORTAK_TASKS_EAGER", default=True)
