"""Fetching a web address without letting it reach inside the server's own network.

Every address Ortak fetches (the workspace's address form, `ortak extract URL`, `ortak
ingest URL`) comes through `fetch`. The host name is resolved once, every resolved address
is checked, and the connection goes to the very address that was checked, so a name that
resolves to a public address for the check and to 127.0.0.1 for the connection (DNS
rebinding) reaches nothing. Each redirect is checked the same way before it is followed.
Loopback, private, link-local (cloud metadata at 169.254.169.254), multicast, reserved and
other non-public addresses are refused with ortak.E106, unless the host is listed in
ORTAK_FETCH_ALLOWED_HOSTS (comma-separated `host` or `host:port`, for an intranet site).

A page read before can be asked for again conditionally (its ETag and Last-Modified sent
back as If-None-Match and If-Modified-Since): a 304 Not Modified answer is returned, not
refused, so a feed polled every few minutes costs the site almost nothing when unchanged.
A server that cannot be reached, answers too slowly or with a server error (5xx, 408, 429)
raises FetchUnavailable, an ortak.E106 worth trying again later (`transient` in its context;
the task queue and the feed poller retry it with backoff); every other refusal is final.

Plain Python, no Django: the extraction pipeline's reader calls it.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from ortak.core.errors import InputError

ALLOWED_HOSTS_VARIABLE = "ORTAK_FETCH_ALLOWED_HOSTS"
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
NOT_MODIFIED = 304
# Answers that say "not now" rather than "never": a later try may succeed.
_PASSING = {408, 425, 429, 500, 502, 503, 504}
_CHUNK = 64 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Cloud metadata services; all are non-public already, named here so the refusal says so.
_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}

# One resolved address as getaddrinfo gives it: family, socket type, protocol, canonical name
# and the socket address, whose shape depends on the family (its host comes first).
AddressInfo = tuple[int, int, int, str, tuple[Any, ...]]
Resolver = Callable[[str, int], Sequence[AddressInfo]]


def _system_resolver(host: str, port: int) -> Sequence[AddressInfo]:
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


class FetchUnavailable(InputError):
    """The page could not be fetched now (no connection, too slow, a server error): the
    same address may well answer later."""

    code = "E106"


@dataclass(frozen=True)
class FetchOptions:
    """Limits of one fetch: bytes, seconds for the whole fetch, and the hosts let through."""

    max_bytes: int
    timeout: float
    user_agent: str = "Ortak"
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    resolver: Resolver = _system_resolver


@dataclass(frozen=True)
class Validators:
    """What a server said of a page's version, sent back to ask for it only if changed."""

    etag: str = ""
    last_modified: str = ""

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators make."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the address it was finally read from, its bytes and validators.

    `status` is 304 when a conditional fetch found the page unchanged (then `data` is empty).
    """

    url: str
    data: bytes
    content_type: str
    status: int = 200
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED


@dataclass(frozen=True)
class _Answer:
    status: int
    location: str | None = None
    content_type: str = ""
    validators: Validators = field(default_factory=Validators)
    data: bytes = b""


def allowed_hosts_from_environment() -> frozenset[str]:
    """The entries of ORTAK_FETCH_ALLOWED_HOSTS, lower-cased, read at call time."""
    raw = os.environ.get(ALLOWED_HOSTS_VARIABLE, "")
    return frozenset(entry.strip().lower() for entry in raw.split(",") if entry.strip())


def fetch(url: str, options: FetchOptions, *, validators: Validators | None = None) -> Fetched:
    """GET `url`, following at most MAX_REDIRECTS redirects, each checked (E106, E103).

    With `validators` (from an earlier Fetched) the request is conditional, and an
    unchanged page comes back as a Fetched with status 304 and no data.
    """
    deadline = time.monotonic() + options.timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        target = _Target.parse(current)
        address = check_address(target.host, target.port, options)
        answer = _get(target, address, options, deadline, validators or Validators())
        if answer.status in _REDIRECTS and answer.location:
            current = urljoin(current, answer.location)
            continue
        if answer.status == NOT_MODIFIED and validators is not None:
            kept = _validators_or(answer.validators, validators)
            return Fetched(current, b"", "", status=NOT_MODIFIED, validators=kept)
        if answer.status in _PASSING:
            raise _unavailable(url, f"the server answered {answer.status}", status=answer.status)
        if not 200 <= answer.status < 300:
            raise _refusal(url, f"the server answered {answer.status}", status=answer.status)
        return Fetched(current, answer.data, answer.content_type, answer.status, answer.validators)
    raise _refusal(url, f"more than {MAX_REDIRECTS} redirects")


def _validators_or(answered: Validators, sent: Validators) -> Validators:
    """A 304 may repeat the validators or leave them out; those sent still hold then."""
    return Validators(
        etag=answered.etag or sent.etag, last_modified=answered.last_modified or sent.last_modified
    )


def check_address(host: str, port: int, options: FetchOptions) -> AddressInfo:
    """The socket address to connect to for host:port, after checking every resolved one."""
    try:
        infos = options.resolver(host, port)
    except (OSError, UnicodeError) as error:
        # A name server that does not answer now may later; a malformed name never will.
        if isinstance(error, OSError):
            raise _unavailable(host, "the name cannot be resolved") from error
        raise _refusal(host, "the name cannot be resolved") from error
    if not infos:
        raise _refusal(host, "the name cannot be resolved")
    if not _is_allowed_host(host, port, options.allowed_hosts):
        for info in infos:
            _require_public(host, info[4][0])
    return infos[0]


def _is_allowed_host(host: str, port: int, allowed: frozenset[str]) -> bool:
    host = host.lower()
    bracketed = f"[{host}]" if ":" in host else host
    return bool({host, bracketed, f"{bracketed}:{port}"} & allowed)


def _require_public(host: str, address: str) -> None:
    ip = ipaddress.ip_address(address.split("%")[0])
    embedded = getattr(ip, "ipv4_mapped", None) or getattr(ip, "sixtofour", None)
    for candidate in filter(None, [ip, embedded]):
        if candidate in _METADATA:
            raise _refusal(host, f"{address} is a cloud metadata address")
        public = candidate.is_global and not (candidate.is_multicast or candidate.is_reserved)
        if not public:
            raise _refusal(
                host,
                f"{address} is not a public address (add the host to "
                f"{ALLOWED_HOSTS_VARIABLE} if it is an intranet site to read)",
            )


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str

    @classmethod
    def parse(cls, url: str) -> _Target:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.hostname:
            raise _refusal(url, "only http:// and https:// addresses are fetched")
        try:
            port = parts.port or _DEFAULT_PORTS[scheme]
        except ValueError as error:
            raise _refusal(url, "the port is not a number") from error
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return cls(scheme, parts.hostname, port, path)


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to a checked socket address, with the original Host and SNI."""

    def __init__(self, target: _Target, address: AddressInfo, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address, self._tls = address, target.scheme == "https"
        self.pinned: socket.socket | None = None  # kept: a closing response drops `sock`

    def connect(self) -> None:
        family, kind, proto, _name, sockaddr = self._address
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(self.timeout)
            sock.connect(sockaddr)
            if self._tls:
                context = ssl.create_default_context()
                sock = context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self.sock = self.pinned = sock


def _get(
    target: _Target,
    address: AddressInfo,
    options: FetchOptions,
    deadline: float,
    validators: Validators,
) -> _Answer:
    connection = _PinnedConnection(target, address, timeout=_remaining(target, deadline))
    headers = {"User-Agent": options.user_agent, "Accept-Encoding": "identity"}
    try:
        connection.request("GET", target.path, headers={**headers, **validators.headers()})
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            return _Answer(response.status, location=response.getheader("Location"))
        answered = Validators(
            etag=response.getheader("ETag", ""),
            last_modified=response.getheader("Last-Modified", ""),
        )
        if response.status == NOT_MODIFIED:
            return _Answer(response.status, validators=answered)
        data = _read_limited(response, target, options.max_bytes, deadline, connection)
        content_type = response.getheader("Content-Type", "")
        return _Answer(response.status, None, content_type, answered, data)
    except (OSError, http.client.HTTPException) as error:
        raise _unavailable(
            f"{target.host}:{target.port}", str(error) or type(error).__name__
        ) from error
    finally:
        connection.close()


def _read_limited(
    response: http.client.HTTPResponse,
    target: _Target,
    limit: int,
    deadline: float,
    connection: _PinnedConnection,
) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit)
    chunks, size = [], 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit)
        chunks.append(chunk)
        left = _remaining(target, deadline)
        if connection.pinned is not None:
            connection.pinned.settimeout(left)
    return b"".join(chunks)


def _remaining(target: _Target, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _unavailable(f"{target.host}:{target.port}", "the page took too long to arrive")
    return left


def _too_large(size: int, limit: int) -> InputError:
    return InputError(
        f"the page is over {limit:,} bytes (at least {size:,}); "
        "give the article alone, not a whole site or archive",
        code="E103",
    )


def _refusal(what: str, reason: str, *, status: int | None = None) -> InputError:
    """E106 for good: the address is refused or the page is not there."""
    return InputError(
        f"cannot fetch {what}: {reason}; check the address or save the page and give the file",
        code="E106",
        transient=False,
        status=status,
    )


def _unavailable(what: str, reason: str, *, status: int | None = None) -> FetchUnavailable:
    """E106 for now: the same fetch may succeed later (the network, a timeout, a 503)."""
    return FetchUnavailable(
        f"cannot fetch {what} now: {reason}; it is tried again later, or save the page and "
        "give the file",
        transient=True,
        status=status,
    )
