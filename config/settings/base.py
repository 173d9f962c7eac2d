"""Settings shared by every environment; values that differ come from the environment."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, env

SECRET_KEY = env("ORTAK_SECRET_KEY", default="ortak-development-key-not-for-production")
DEBUG = env.bool("ORTAK_DEBUG", default=False)
ALLOWED_HOSTS = env.list("ORTAK_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves the API docs' assets from the installed package, not a CDN
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_celery_beat",  # the schedule of background work, kept in the database
    "ortak.core",
    "ortak.accounts",
    "ortak.registry",
    "ortak.events",
    "ortak.plans",
    "ortak.ingest",
    "ortak.search",
    "ortak.network",
    "ortak.feeds",
    "ortak.portal",
    "ortak.workspace",
    "ortak.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ortak.core.middleware.RejectNulMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ortak.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATA_DIR = Path(env.str("ORTAK_DATA_DIR", default=str(BASE_DIR / "var")))


def postgres_tuned(database: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL without JIT compilation: the portal's queries are short, and the planner's
    cost estimate for the "placed on" date (start, else the first report) switched JIT on,
    turning a 15 ms calendar into 60 ms and the list's facets from 37 ms into 260 ms."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = " ".join(filter(None, [options.get("options"), "-c jit=off"]))
    return database


DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'ortak.sqlite3'}"),
}
postgres_tuned(DATABASES["default"])
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the portal read while an import writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        transaction_mode="IMMEDIATE",
    )
# Persistent connections: opening one to PostgreSQL costs milliseconds a request, so a worker
# keeps its connection ORTAK_DB_CONN_MAX_AGE seconds (0: closed after every request; a
# `?CONN_MAX_AGE=` in DATABASE_URL wins), and checks it before reuse, so one the server
# dropped meanwhile is replaced instead of failing a request.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("ORTAK_DB_CONN_MAX_AGE", default=0))
DATABASES["default"].setdefault(
    "CONN_HEALTH_CHECKS", env.bool("ORTAK_DB_CONN_HEALTH_CHECKS", default=True)
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache that every worker process and the command line share (ortak.portal.cache keeps
# facet counts, page fragments and the data version that ETags are made of there): files in
# var/cache by default, so a record saved by `ortak ingest` or one gunicorn worker is seen
# by all the others at once; a per-process memory cache could not do that. On several
# machines, point ORTAK_CACHE_URL at a shared server (rediscache://...).
CACHES = {"default": env.cache("ORTAK_CACHE_URL", default=f"filecache://{DATA_DIR / 'cache'}")}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    # The file cache culls (lists its folder) past MAX_ENTRIES; 300 is too few for the
    # facet counts and fragments of every filter combination read in ten minutes.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 5000)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # OWASP ASVS 2.1.1: at least 12 characters.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# The interface languages: English and the languages Ortak's users read first.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("az", _("Azerbaijani")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("uz", _("Uzbek")),
]
LOCALE_PATHS = [BASE_DIR / "ortak" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Files people upload that are kept (in the backups too); none are served publicly.
MEDIA_ROOT = DATA_DIR / "media"
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# The weekly plan digest (ortak plan-digest) goes through Django's e-mail backend: printed to
# the console unless ORTAK_EMAIL_URL names an SMTP server (smtp://user:pass@host:587).
EMAIL_CONFIG = env.email_url("ORTAK_EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("ORTAK_FROM_EMAIL", default="ortak@localhost")
# Sign-in: django-axes counts wrong passwords on every sign-in form (the workspace's and the
# back office's), per account and per client address; ORTAK_LOGIN_FAILURE_LIMIT of them lock
# that account (or address) for ORTAK_LOGIN_LOCKOUT_MINUTES, during which even the right
# password is refused. Behind ORTAK_PROXY_COUNT proxies the client address is read from
# X-Forwarded-For, else every visitor would share the proxy's address.
# Then the permissions Ortak's roles give (the secretariat manages the back office;
# ortak.accounts.backends).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "ortak.accounts.backends.RoleBackend",
]
AXES_FAILURE_LIMIT = env.int("ORTAK_LOGIN_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ORTAK_LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "ortak.accounts.throttling.client_address"
ORTAK_PROXY_COUNT = env.int("ORTAK_PROXY_COUNT", default=0)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ortak.accounts.views.locked_out"
# The status of the locked-out page (django-axes' own default, named here as the page sends it).
AXES_HTTP_RESPONSE_CODE = 429
# A sign-in lasts ORTAK_SESSION_HOURS (12, OWASP ASVS 3.3.2), then the password and code
# are asked again; the session cookie is never readable by scripts.
SESSION_COOKIE_AGE = env.int("ORTAK_SESSION_HOURS", default=12) * 3600
SESSION_COOKIE_HTTPONLY = True
# Two-factor sign-in (ortak.accounts.two_factor): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = "Ortak"

# Content-Security-Policy on every answer: scripts, styles and images from Ortak itself
# only, no inline script or style attribute, no framing, forms posting back to Ortak.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/workspace/"
LOGOUT_REDIRECT_URL = "/"

# Warnings and errors (a 500 with its traceback, from django.request) go to standard error;
# the production settings also keep them in a file in the data directory.
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "ortak": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}

# The task queue (Celery, config/celery.py): ingestion and other slow work run in workers.
# ORTAK_BROKER_URL names the broker, Redis in production (redis://127.0.0.1:6379/0). Without
# it the broker is folders in the data directory (kombu's filesystem transport): nothing else
# to install, and `ortak serve` starts one worker beside the web server. Progress is kept in
# Ortak's own records (ortak.ingest.models.IngestJob), so there is no result backend.
CELERY_BROKER_URL = env.str("ORTAK_BROKER_URL", default="filesystem://")
QUEUE_DIR = DATA_DIR / "queue"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, Any] = {
        "data_folder_in": str(QUEUE_DIR / "messages"),
        "data_folder_out": str(QUEUE_DIR / "messages"),
        "control_folder": str(QUEUE_DIR / "control"),
    }
else:
    # A message a worker took but never acknowledged (it was killed) goes back to the queue
    # after this many seconds: longer than any task, and than any retry's wait (ten minutes).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("ORTAK_BROKER_VISIBILITY_TIMEOUT", default=1800)
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Acknowledged when done, not when taken: a killed worker's task is delivered again, and the
# tasks are written to run twice harmlessly. One message at a time per worker process.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = "ortak"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Jobs whose message was lost (the broker was down when the job was saved) are sent again.
CELERY_BEAT_SCHEDULE = {
    "ingest-jobs-resend": {
        "task": "ortak.ingest.tasks.ingest_jobs_resend",
        "schedule": timedelta(minutes=5),
    },
    # Implementation reports made for the plan page, kept two days (ortak.plans.services).
    "plan-report-jobs-prune": {
        "task": "ortak.plans.tasks.report_jobs_prune",
        "schedule": timedelta(days=1),
    },
}
# How often, and after how long at first, a task that met a passing failure (a site that
# did not answer) is tried again; the wait doubles each time, up to ten minutes.
ORTAK_TASK_MAX_RETRIES = env.int("ORTAK_TASK_MAX_RETRIES", default=5)
ORTAK_TASK_RETRY_BACKOFF = env.int("ORTAK_TASK_RETRY_BACKOFF", default=30)

# An article larger than this is refused before any parsing (ortak.E101).
ORTAK_MAX_ARTICLE_BYTES = env.int("ORTAK_MAX_ARTICLE_BYTES", default=2_000_000)

# E-mail (the roster's confirmation links): printed on the console unless a server is set,
# e.g. ORTAK_EMAIL_URL=smtp+tls://user:password@mail.example.org:587.
vars().update(env.email("ORTAK_EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("ORTAK_FROM_EMAIL", default="Ortak <no-reply@ortak.example>")
# The version of the consent text a person agrees to when joining the roster.
ORTAK_CONSENT_VERSION = "2026-1"
