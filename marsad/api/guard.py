"""What every request is held to and every response carries: a body limit
read as the body streams in (chunked bodies too), security headers on every
page, errors in one documented shape that never echoes the input back."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 1_000_000  # bytes: a pasted or uploaded article
MAX_ID = 2**31 - 1  # ids, limits and offsets fit the store's INTEGER columns (PostgreSQL's are 32-bit)
# Every page (the dashboard, /docs) loads only its own files: no inline script or style, no frames around it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(BaseModel):
    """Every 4xx answer: `detail` is a message, or for invalid parameters a list of what is wrong where."""

    detail: str | list[ErrorItem]
    code: str | None = None


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text,
             # a declared Content-Length over the limit is answered by Starlette's body limit, in plain text
             **({"content": {"text/plain": {"schema": {"type": "string"}}}} if status == 413 else {})}
    for status, text in (
        (400, "the body cannot be read (not UTF-8 JSON)"),
        (401, "a valid 'Authorization: Bearer <token>' header is needed"),
        (403, "read-only: no MARSAD_TOKEN is set"),
        (404, "no such figure or document"),
        (413, f"request body over {MAX_BODY} bytes"),
        (422, "invalid parameters or body: what is wrong and where (the input is not echoed)"))}


class SecurityHeaders:
    """Pure ASGI (no per-request task): the headers are added as the response starts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.extra = _headers(CSP)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.extra

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _headers(policy: str) -> list[tuple[bytes, bytes]]:
    return [(b"content-security-policy", policy.encode()), (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin")]


async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with where and what, without the input (a 100 MB body is not sent back)."""
    items = [{"loc": [p if isinstance(p, (str, int)) else str(p) for p in e.get("loc", ())],
              "msg": str(e.get("msg", "invalid")), "type": str(e.get("type", "value_error"))} for e in exc.errors()]
    return JSONResponse({"detail": items}, status_code=422)


def guard(app: FastAPI) -> None:
    """Install the headers and the error shape on `app` (the body limit is FastAPI's `max_body_size`)."""
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
