"""config.wsgi serves the production settings by default, and a 500 there is logged."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

# A request to the WSGI application as gunicorn would make it, against a database that was
# never migrated: the API's query fails, which is a 500.
REQUEST = textwrap.dedent(
    """
    import io, sys
    from config.wsgi import application
    from django.conf import settings

    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/api/states", "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "443", "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "https", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    statuses = []
    body = b"".join(application(environ, lambda status, headers: statuses.append(status)))
    print(settings.SETTINGS_MODULE, statuses[0], settings.DEBUG, sep="|")
    print(body.decode()[:200])
    """
)


def test_config_wsgi_serves_production_settings_and_logs_a_server_error(tmp_path):
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ORTAK_"))}
    env.update(
        ORTAK_SECRET_KEY="a-test-secret-key-that-is-long-enough-for-the-deploy-checks-0123",
        DATABASE_URL=f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}",
        ORTAK_DATA_DIR=str(data_dir),
        ORTAK_CACHE_URL="locmemcache://",
    )
    done = subprocess.run(
        [sys.executable, "-c", REQUEST],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    settings_module, status, debug = done.stdout.splitlines()[0].split("|")
    assert settings_module == "config.settings.prod"
    assert status == "500 Internal Server Error" and debug == "False"
    assert "Traceback" not in done.stdout  # no debug page for the visitor
    for log in (done.stderr, (data_dir / "ortak.log").read_text()):
        assert "ERROR django.request" in log
        assert "Internal Server Error: /api/states" in log
        assert "no such table" in log  # with the traceback that says why
