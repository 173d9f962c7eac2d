"""Production: PostgreSQL from DATABASE_URL, a real secret, HTTPS everywhere."""

import copy

from config.settings.base import *  # noqa: F403
from config.settings.base import DATA_DIR, LOGGING, env, postgres_tuned

SECRET_KEY = env("ORTAK_SECRET_KEY")
DEBUG = False
DATABASES = {"default": env.db("DATABASE_URL")}
postgres_tuned(DATABASES["default"])
# As in base, but kept by default in production: see the comment there.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("ORTAK_DB_CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault(
    "CONN_HEALTH_CHECKS", env.bool("ORTAK_DB_CONN_HEALTH_CHECKS", default=True)
)
SECURE_SSL_REDIRECT = env.bool("ORTAK_SECURE_SSL_REDIRECT", default=True)
# The load balancer asks for /healthz over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# One proxy in front terminates HTTPS and adds the client's address to X-Forwarded-For.
ORTAK_PROXY_COUNT = env.int("ORTAK_PROXY_COUNT", default=1)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("ORTAK_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Every warning and error also in DATA_DIR/ortak.log (opened at the first line written, by
# then the data directory exists; WatchedFileHandler reopens it after logrotate moves it).
LOG_FILE = env.str("ORTAK_LOG_FILE", default=str(DATA_DIR / "ortak.log"))
LOGGING = copy.deepcopy(LOGGING)  # base's stays as it is for the other settings
LOGGING["handlers"]["file"] = {
    "class": "logging.handlers.WatchedFileHandler",
    "filename": LOG_FILE,
    "formatter": "plain",
    "delay": True,
}
for logger in (LOGGING["root"], *LOGGING["loggers"].values()):
    logger["handlers"] = [*logger["handlers"], "file"]
