"""One error hierarchy and one JSON error shape for every error the API returns.

Every error answers ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``:
a client mistake is a 4xx whose message says what to fix, a server fault a 5xx.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from graph.store import QueryError, StoreError

__all__ = ["ApiError", "NotFound", "BadRequest", "NotAcceptable", "Forbidden", "TooLarge",
           "QueryTooLong", "error_body", "install_error_handlers"]

log = logging.getLogger("somkg.api")


class ApiError(Exception):
    status = 500
    code = "internal_error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(ApiError):
    status = 404
    code = "not_found"


class BadRequest(ApiError):
    status = 400
    code = "bad_request"


class NotAcceptable(ApiError):
    status = 406
    code = "not_acceptable"


class Forbidden(ApiError):
    status = 403
    code = "forbidden"


class TooLarge(ApiError):
    status = 413
    code = "result_too_large"


class QueryTooLong(ApiError):
    status = 503
    code = "query_timeout"


def error_body(status: int, code: str, message: str) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


def _response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _response(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'path'))}: {e['msg']}"
            for e in exc.errors())
        return _response(400, "bad_request", f"invalid request: {problems}")

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404:
            message = f"no such resource: {request.url.path}"
        return _response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError) -> JSONResponse:
        return _response(400, "bad_query", str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error on %s: %s", request.url.path, exc)
        return _response(503, "store_unavailable", "the store cannot be read right now")

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return _response(500, "internal_error", "an unexpected error occurred; it has been logged")
