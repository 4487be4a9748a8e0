"""What a web server answers, for the tests that run the real nginx
(tests/site/test_nginx.py, tests/browser/test_end_to_end.py): one request,
and the headers every response must carry."""
from __future__ import annotations

import gzip
import http.client
from urllib.parse import urlparse

from handbook.publish import csp

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


REQUIRED_DIRECTIVES = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status = status
        self.headers = headers
        self.raw = body

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def body(self) -> bytes:
        if self.header("Content-Encoding") == "gzip":
            return gzip.decompress(self.raw)
        return self.raw

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(base: str, path: str, gzip_ok: bool = True, method: str = "GET", **extra: str) -> Response:
    parsed = urlparse(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {"Accept-Encoding": "identity"}
    headers.update({name.replace("_", "-"): value for name, value in extra.items()})
    conn.request(method, path, headers=headers)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return Response(resp.status, resp.headers, body)


def assert_security_headers(resp: Response, where: str, with_csp: bool = True) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert resp.headers.get_all(name) == [value], f"{where}: {name} is {resp.headers.get_all(name)!r}"
    permissions = resp.header("Permissions-Policy") or ""
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions, f"{where}: Permissions-Policy lacks {feature}"
    if with_csp:
        assert len(resp.headers.get_all("Content-Security-Policy") or []) == 1, f"{where}: not one policy"
        assert_strict_policy(resp.header("Content-Security-Policy"), where)
    assert resp.header("Server") == "nginx", f"{where}: server version leaked: {resp.header('Server')}"


def assert_strict_policy(value: str | None, where: str) -> None:
    assert value, f"{where}: no Content-Security-Policy"
    parsed = csp.parse_policy(value)
    for directive, sources in REQUIRED_DIRECTIVES.items():
        assert parsed.get(directive) == sources, f"{where}: {directive} is {parsed.get(directive)}"
    # only the site's own files: no inline code, no hashes of anything
    assert parsed["script-src"] == ["'self'"], parsed["script-src"]
    assert parsed["style-src"] == ["'self'"], parsed["style-src"]
    # only the site itself: no host, scheme or wildcard anywhere
    for directive, sources in parsed.items():
        for source in sources:
            assert source.startswith("'") or source == "data:", f"{where}: {directive} allows {source}"
