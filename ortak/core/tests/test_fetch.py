"""Safe fetching: servers on loopback stand in for the web; no test reaches the network."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ortak.core import fetch
from ortak.core.errors import InputError

ARTICLE = b"<html><body><article><p>Bishkek hosted the forum.</p></article></body></html>"


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    seen: list[tuple[str, str]] = []

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("Host", "")))
        if self.path == "/slow":
            return self._drip()
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(40):
            self.wfile.write(b"x" * 10)
            self.wfile.flush()
            time.sleep(0.1)

    def log_message(self, *args: object) -> None:
        pass


_SERVERS: list[ThreadingHTTPServer] = []


@contextmanager
def _server(routes: dict[str, tuple[int, dict[str, str], bytes]]) -> Iterator[tuple[int, list]]:
    handler = type("Handler", (_Handler,), {"routes": routes, "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    _SERVERS.append(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.seen
    finally:
        server.shutdown()
        server.server_close()


def _options(*allowed: str, resolver: fetch.Resolver | None = None, **limits) -> fetch.FetchOptions:
    values = {"max_bytes": 100_000, "timeout": 5.0, **limits}
    extra = {"resolver": resolver} if resolver else {}
    return fetch.FetchOptions(allowed_hosts=frozenset(allowed), **values, **extra)


def _resolving(name: str, address: str, calls: list[str] | None = None) -> fetch.Resolver:
    """A resolver where `name` has `address`; IP literals resolve to themselves."""

    def resolve(host: str, port: int):
        if calls is not None:
            calls.append(host)
        ip = address if host == name else host
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (ip, port))]

    return resolve


def _refused(url: str, options: fetch.FetchOptions) -> InputError:
    with pytest.raises(InputError) as caught:
        fetch.fetch(url, options)
    return caught.value


def test_fetch_reads_a_page_from_an_allowed_host_and_port():
    with _server({"/a": (200, {"Content-Type": "text/html"}, ARTICLE)}) as (port, _seen):
        page = fetch.fetch(f"http://127.0.0.1:{port}/a", _options(f"127.0.0.1:{port}"))
    assert page.data == ARTICLE and page.content_type == "text/html"


def test_fetch_follows_a_redirect_that_stays_on_allowed_hosts():
    with _server({"/old": (301, {"Location": "/new"}, b""), "/new": (200, {}, ARTICLE)}) as (
        port,
        _seen,
    ):
        page = fetch.fetch(f"http://127.0.0.1:{port}/old", _options("127.0.0.1"))
    assert page.data == ARTICLE and page.url.endswith("/new")


def test_redirect_to_a_loopback_port_not_allowed_is_refused_before_connecting():
    with _server({"/secret": (200, {}, b"internal admin page")}) as (inner, inner_seen):
        redirect = {"/a": (302, {"Location": f"http://127.0.0.1:{inner}/secret"}, b"")}
        with _server(redirect) as (outer, _seen):
            error = _refused(f"http://127.0.0.1:{outer}/a", _options(f"127.0.0.1:{outer}"))
    assert error.code == "E106" and "not a public address" in error.message
    assert inner_seen == []


def test_redirect_to_localhost_by_name_is_refused():
    with _server({"/a": (302, {"Location": "http://localhost/"}, b"")}) as (port, _seen):
        error = _refused(
            f"http://127.0.0.1:{port}/a",
            _options(f"127.0.0.1:{port}", resolver=_resolving("localhost", "127.0.0.1")),
        )
    assert error.code == "E106"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.8",
        "172.16.4.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
    ],
)
def test_a_public_name_resolving_inside_the_network_is_refused(address):
    options = _options(resolver=_resolving("news.example.org", address))
    error = _refused("http://news.example.org/article", options)
    assert error.code == "E106"


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: the name is resolved once; a second answer of 127.0.0.1 is never used."""
    answers = iter(["93.184.216.34", "127.0.0.1"])
    calls: list[str] = []

    def rebinding(host: str, port: int):
        calls.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    connected: list[tuple] = []

    def record_connect(self, sockaddr):
        connected.append(sockaddr)
        raise ConnectionRefusedError("no network in tests")

    monkeypatch.setattr(socket.socket, "connect", record_connect)
    error = _refused("http://news.example.org/a", _options(resolver=rebinding))
    assert error.code == "E106"
    assert calls == ["news.example.org"] and connected == [("93.184.216.34", 80)]


def test_an_allowed_name_is_pinned_to_its_resolved_address_and_keeps_its_host_header():
    with _server({"/a": (200, {}, ARTICLE)}) as (port, seen):
        options = _options("intranet.test", resolver=_resolving("intranet.test", "127.0.0.1"))
        page = fetch.fetch(f"http://intranet.test:{port}/a", options)
    assert page.data == ARTICLE and seen == [("/a", f"intranet.test:{port}")]


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a", "gopher://x/", "http:///nohost"]
)
def test_only_http_and_https_addresses_are_fetched(url):
    assert _refused(url, _options()).code == "E106"


def test_a_page_over_the_size_limit_is_refused():
    with _server({"/big": (200, {}, b"x" * 5000)}) as (port, _seen):
        error = _refused(f"http://127.0.0.1:{port}/big", _options("127.0.0.1", max_bytes=1000))
    assert error.code == "E103"


def test_a_page_that_arrives_too_slowly_is_given_up():
    with _server({}) as (port, _seen):
        error = _refused(f"http://127.0.0.1:{port}/slow", _options("127.0.0.1", timeout=0.5))
    assert error.code == "E106"


@pytest.mark.parametrize(
    ("route", "status", "passing"),
    [("/busy", 503, True), ("/limited", 429, True), ("/gone", 404, False), ("/slow", 0, True)],
)
def test_a_server_that_may_answer_later_is_told_apart_from_a_refusal(route, status, passing):
    """The task queue tries FetchUnavailable again later; other refusals are final."""
    with _server({route: (status, {}, b"")} if status else {}) as (port, _seen):
        error = _refused(f"http://127.0.0.1:{port}{route}", _options("127.0.0.1", timeout=0.5))
    assert error.code == "E106"
    assert isinstance(error, fetch.FetchUnavailable) is passing


def test_endless_redirects_are_refused():
    with _server({"/loop": (302, {"Location": "/loop"}, b"")}) as (port, seen):
        error = _refused(f"http://127.0.0.1:{port}/loop", _options("127.0.0.1"))
    assert error.code == "E106" and len(seen) == fetch.MAX_REDIRECTS + 1


def test_allowed_hosts_come_from_the_environment(monkeypatch):
    monkeypatch.setenv(fetch.ALLOWED_HOSTS_VARIABLE, " Intranet.example , 127.0.0.1:8081,")
    assert fetch.allowed_hosts_from_environment() == {"intranet.example", "127.0.0.1:8081"}


def test_reader_fetches_an_allowed_loopback_page_through_the_safe_fetcher(monkeypatch):
    from ortak.ingest.extract import reader

    text = b"Bishkek hosted the forum of diaspora organizations on 18 November 2024."
    with _server({"/a": (200, {"Content-Type": "text/plain"}, text)}) as (port, _seen):
        url = f"http://127.0.0.1:{port}/a"
        assert _reader_code(reader, url) == "E106"  # not allowed by default
        monkeypatch.setenv(fetch.ALLOWED_HOSTS_VARIABLE, f"127.0.0.1:{port}")
        assert "Bishkek hosted the forum" in reader.read_url(url).text


def _reader_code(reader, url: str) -> str:
    with pytest.raises(InputError) as caught:
        reader.read_url(url)
    return caught.value.code


def test_https_is_verified_against_the_name_not_the_pinned_address(tmp_path):
    """A certificate the system does not trust is refused: TLS is checked on the pinned socket."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=intranet.test",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    with _server({"/a": (200, {}, ARTICLE)}) as (port, seen):
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_context.load_cert_chain(cert, key)
        # Wrap the loopback server's listening socket: the handshake happens per connection.
        server = _SERVERS[-1]
        server.socket = server_context.wrap_socket(server.socket, server_side=True)
        options = _options("intranet.test", resolver=_resolving("intranet.test", "127.0.0.1"))
        error = _refused(f"https://intranet.test:{port}/a", options)
    assert error.code == "E106" and "CERTIFICATE_VERIFY_FAILED" in error.message
    assert seen == []


class _VersionedHandler(BaseHTTPRequestHandler):
    """One page with an ETag and a Last-Modified date; 304 when the client has it."""

    etag, modified = '"v1"', "Wed, 11 Jun 2025 08:00:00 GMT"
    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:
        self.seen.append(dict(self.headers.items()))
        if self.path == "/flaky":
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        unchanged = self.headers.get("If-None-Match") == self.etag
        self.send_response(304 if unchanged else 200)
        self.send_header("ETag", self.etag)
        self.send_header("Last-Modified", self.modified)
        self.send_header("Content-Length", "0" if unchanged else str(len(ARTICLE)))
        self.end_headers()
        if not unchanged:
            self.wfile.write(ARTICLE)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _versioned_server() -> Iterator[tuple[int, list[dict[str, str]]]]:
    handler = type("Handler", (_VersionedHandler,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.seen
    finally:
        server.shutdown()
        server.server_close()


def test_a_conditional_fetch_sends_the_validators_and_reports_an_unchanged_page():
    with _versioned_server() as (port, seen):
        url, options = f"http://127.0.0.1:{port}/a", _options(f"127.0.0.1:{port}")
        first = fetch.fetch(url, options)
        second = fetch.fetch(url, options, validators=first.validators)
    assert first.status == 200 and first.data == ARTICLE
    assert first.validators == fetch.Validators('"v1"', "Wed, 11 Jun 2025 08:00:00 GMT")
    assert "If-None-Match" not in seen[0]
    assert seen[1]["If-None-Match"] == '"v1"'
    assert seen[1]["If-Modified-Since"] == "Wed, 11 Jun 2025 08:00:00 GMT"
    assert second.not_modified and second.data == b"" and second.validators == first.validators


def test_a_conditional_fetch_still_checks_the_address():
    with _versioned_server() as (port, seen), pytest.raises(InputError) as caught:
        fetch.fetch(f"http://127.0.0.1:{port}/a", _options(), validators=fetch.Validators('"v1"'))
    assert caught.value.code == "E106" and seen == []


def test_a_refusal_says_whether_trying_again_later_may_help():
    with _versioned_server() as (port, _seen):
        flaky = _refused(f"http://127.0.0.1:{port}/flaky", _options(f"127.0.0.1:{port}"))
        private = _refused(f"http://127.0.0.1:{port}/a", _options())
    assert flaky.context == {"transient": True, "status": 503}
    assert private.context["transient"] is False
