"""One JSON error shape for every API error: ``{"error": {"code", "message", "detail"}}``.

Deliberate errors are :class:`claimwatch.errors.ClaimwatchError` (their code and HTTP status come
from the catalogue); framework errors are mapped onto catalogue codes: unknown route → E302 (404),
wrong method / malformed request → E504 (400), body that fails validation → E303 (422). Page
routes (everything outside ``/api``) answer with an HTML error page instead, escaped.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ClaimwatchError

__all__ = ["install_error_handlers", "error_body", "wants_json", "INTERNAL_MESSAGE"]

#: what a client is told of a server-side failure (the cause goes to the log only)
INTERNAL_MESSAGE = "internal error: the server could not complete the request (the cause is in the server log)"

log = logging.getLogger("claimwatch.web")


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail}}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json") or "application/json" in request.headers.get("accept", "")


def _respond(request: Request, status: int, body: dict[str, Any], headers: dict | None = None):
    if wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "error": body["error"]}, status_code=status, headers=headers,
    )


def _from_exc(exc: ClaimwatchError) -> tuple[int, dict[str, Any]]:
    return exc.http_status, exc.to_json()


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ClaimwatchError)
    async def _claimwatch_error(request: Request, exc: ClaimwatchError):
        status, body = _from_exc(exc)
        if status < 100 or status > 599:
            status = 500
        if status >= 500:  # a database or extraction failure: its text is for the log, not the client
            log.error("%s on %s %s: %s", exc.code, request.method, request.url.path, exc)
            body = error_body(exc.code, INTERNAL_MESSAGE, None)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return _respond(request, status, body, headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            err = ClaimwatchError(request.url.path, code="E302", detail=str(exc.detail or "no such resource"))
            status = 404
        elif exc.status_code == 405:
            err = ClaimwatchError(request.url.path, code="E504", detail=f"method {request.method} not allowed")
            status = 405
        elif exc.status_code == 413:
            err = ClaimwatchError(request.url.path, code="E503", detail=str(exc.detail))
            status = 413
        else:
            err = ClaimwatchError(request.url.path, code="E504", detail=str(exc.detail))
            status = exc.status_code
        return _respond(request, status, err.to_json(), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        problems = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            problems.append({"field": loc, "problem": e.get("msg", "invalid")})
        summary = "; ".join(f"{p['field']}: {p['problem']}" for p in problems[:3])[:500]
        body = error_body("E303", f"invalid value: {summary}", {"errors": problems})
        return _respond(request, 422, body)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):  # pragma: no cover - defensive
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        body = error_body("E505", INTERNAL_MESSAGE, None)
        return _respond(request, 500, body)
