"""Request size limit, security headers, and token authentication.

* Every response carries a strict Content-Security-Policy: scripts, styles, images and fetches only
  from this origin, no inline script or style, no plugins, no framing. Article text is untrusted:
  templates autoescape it, and even an escaped payload that slipped through could not run inline.
* Request bodies larger than ``settings.max_request_bytes`` are refused with E503 (413), by the
  declared ``Content-Length`` and by counting the streamed body.
* State-changing requests (POST, PUT, PATCH, DELETE) that ride on the browser's login cookie or
  are form posts (a content type a plain HTML form can send) must come from this server's own pages: their ``Origin`` (else ``Referer``) must be
  this server's origin, or they are refused with E502 (403). Requests carrying the token in a
  header (``Authorization`` / ``X-Claimwatch-Token``) are programs, which another site cannot
  make a browser send, so they need no origin.
* The login cookie is ``Secure`` whenever the request came over TLS.
* Write endpoints need a token (``claimwatch token create NAME``): ``Authorization: Bearer <token>``,
  ``X-Claimwatch-Token: <token>``, or the ``cw_token`` cookie set by the ``/login`` page (HttpOnly,
  SameSite=Strict, so other sites cannot ride on it). Read endpoints need one only when
  ``settings.public_read`` is false.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from fastapi import Request

from ..errors import AuthError, ClaimwatchError

__all__ = ["SecurityHeaders", "BodyLimit", "OriginCheck", "cookie_is_secure", "CSP", "Identity", "identify", "require_read", "require_write",
           "COOKIE", "WHO_COOKIE"]

COOKIE = "cw_token"
WHO_COOKIE = "cw_who"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")

_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # same-origin: other sites never see our URLs; our own POSTs carry their Origin (CSRF check)
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [h for h in _HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error_response(limit: int, size: int | None) -> bytes:
    detail = f"{size} bytes, limit {limit} bytes" if size is not None else f"body exceeds the limit of {limit} bytes"
    return json.dumps(ClaimwatchError("request", code="E503", detail=detail).to_json()).encode()


class BodyLimit:
    """ASGI middleware refusing request bodies above ``limit`` bytes (413, E503)."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = int(limit)

    async def _refuse(self, send, size: int | None):
        body = _error_response(self.limit, size)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    size = None
                if size is not None and size > self.limit:
                    return await self._refuse(send, size)
        received = 0
        started = False
        too_large = False

        async def limited_receive():
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    too_large = True
                    raise _TooLarge()
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send, None)
        except Exception:
            if too_large and not started:
                await self._refuse(send, None)
            else:
                raise


class _TooLarge(Exception):
    pass


@dataclass(frozen=True)
class Identity:
    authenticated: bool
    name: str | None = None


def _token_from(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip() or None
    token = request.headers.get("x-claimwatch-token")
    if token:
        return token.strip()
    return request.cookies.get(COOKIE) or None


def identify(request: Request) -> Identity:
    """Who is asking: checks a presented token against the store (cached per request)."""
    cached = getattr(request.state, "identity", None)
    if cached is not None:
        return cached
    token = _token_from(request)
    ident = Identity(False)
    if token:
        result = request.app.state.store.check_token(token)
        if result:
            ident = Identity(True, result if isinstance(result, str) else None)
        elif _token_in_headers(request):
            # a stale login cookie just means "not logged in"; a bad explicit token is an error
            raise AuthError("token", code="E502", detail="the token is not valid")
    request.state.identity = ident
    return ident


def _token_in_headers(request: Request) -> bool:
    return bool(request.headers.get("authorization") or request.headers.get("x-claimwatch-token"))


async def require_read(request: Request) -> Identity:
    """Dependency of read endpoints: open when ``settings.public_read``, else a valid token.
    Answered on the event loop for a reader without a token (no store lookup, no hop to a worker
    thread, where it would queue behind page requests); a token is checked in a thread."""
    if _token_from(request) is None:
        ident = identify(request)      # no token: no store lookup
    else:
        from starlette.concurrency import run_in_threadpool

        ident = await run_in_threadpool(identify, request)
    if not request.app.state.settings.public_read and not ident.authenticated:
        raise AuthError(request.url.path, detail="this server requires a token for reading (public_read is off)")
    return ident


def require_write(request: Request) -> Identity:
    """Dependency of write endpoints: always a valid token."""
    ident = identify(request)
    if not ident.authenticated:
        raise AuthError(request.url.path, detail="write endpoints need a token (claimwatch token create NAME)")
    return ident


_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def _origin_of(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


class OriginCheck:
    """ASGI middleware refusing cross-site state-changing requests (CSRF) with E502 (403)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method", "GET") not in _UNSAFE:
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if headers.get("authorization") or headers.get("x-claimwatch-token"):
            return await self.app(scope, receive, send)
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        is_form = ctype in ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
        rides_cookie = f"{COOKIE}=" in headers.get("cookie", "")
        if not is_form and not rides_cookie:  # nothing a foreign page could make a browser send for us
            return await self.app(scope, receive, send)
        own = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}".lower()
        origin = headers.get("origin")
        claimed = origin if origin and origin != "null" else _origin_of(headers.get("referer", ""))
        if claimed.lower() == own:
            return await self.app(scope, receive, send)
        why = f"origin {claimed!r} is not this server's ({own})" if claimed else "the request names no Origin or Referer"
        body = json.dumps(ClaimwatchError("request", code="E502", detail=f"cross-site request refused: {why}").to_json())
        await send({"type": "http.response.start", "status": 403,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body.encode()})


def cookie_is_secure(request: Request) -> bool:
    """Cookies get the ``Secure`` flag when the request came over TLS."""
    return request.url.scheme == "https"
