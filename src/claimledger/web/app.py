"""The FastAPI application: one factory that wires pages, security headers and error pages."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from claimledger.errors import ClaimledgerError, InputError, StoreError, UsageError
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.store.postgres import is_database_url
from claimledger.web import pages
from claimledger.web.adding import MAX_FIGURES_PER_DOCUMENT
from claimledger.web.context import WebState
from claimledger.web.errors import PageError
from claimledger.web.rendering import render_error
from claimledger.web.security import SECURITY_HEADERS, cross_origin_reason, host_names

STATIC_DIR = Path(__file__).parent / "static"
log = logging.getLogger(__name__)


def create_app(
    db_path: Path,
    *,
    registry: PartyRegistry | None = None,
    hosts: list[str] | None = None,
    allow_private: bool = False,
    max_figures: int = MAX_FIGURES_PER_DOCUMENT,
    inline_bytes: int = 64 * 1024,
) -> FastAPI:
    """The workbench over the ledger at `db_path` (created if missing).

    It answers only requests whose Host is one of `hosts` (default: the loopback names),
    refuses state-changing requests from other origins, and fetches URLs on private
    addresses only when `allow_private` is set (`serve --allow-private`). A document keeps
    at most `max_figures` figures; an Add of more than `inline_bytes` of text runs in the
    background behind a progress page.
    """
    registry = registry or PartyRegistry.default()
    with Ledger.open(db_path) as ledger:  # fail fast on a bad file, before serving
        _ensure_checks(ledger, registry)
    app = FastAPI(title="claimledger", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = WebState(
        db_path=db_path if is_database_url(db_path) else Path(db_path),
        registry=registry,
        secret=secrets.token_bytes(32),
        allow_private=allow_private,
        max_figures=max_figures,
        inline_bytes=inline_bytes,
    )
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in pages.ROUTERS:
        app.include_router(router)
    _add_error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        reason = cross_origin_reason(request.method, dict(request.headers))
        if reason is not None:
            message = f"refused: {reason}; submit the form from this workbench's own pages"
            response: Response = _error(request, 403, "cross_origin", message)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # Added last, so it runs first: a request for another host name never reaches a page.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts or host_names("127.0.0.1"))
    return app


def _ensure_checks(ledger: Ledger, registry: PartyRegistry) -> None:
    """Compute checks when a ledger has claims but none were ever reconciled."""
    stats = ledger.stats()
    if stats["claims"] and not stats["checks"]:
        from claimledger.web.adding import reconcile_ledger

        reconcile_ledger(ledger, registry)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return render_error(request, status, code, message)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(PageError)
    async def page_error(request: Request, exc: PageError) -> Response:
        return _error(request, exc.status, exc.code, exc.message)

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return _error(request, 400, "rejected_input", str(exc))

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> Response:
        return _error(request, 400, "bad_request", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 500, "store_error", str(exc))

    @app.exception_handler(ClaimledgerError)
    async def library_error(request: Request, exc: ClaimledgerError) -> Response:
        return _error(request, 400, "error", str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ())[1:]) or 'request'}: {err.get('msg')}"
            for err in exc.errors()
        )
        return _error(request, 400, "bad_request", f"invalid parameters: {problems}")

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        message = f"the page failed ({type(exc).__name__}: {exc}); see the server log"
        return _error(request, 500, "internal_error", message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return _error(request, 404, "not_found", f"no page at {request.url.path}")
        code = "method_not_allowed" if exc.status_code == 405 else "http_error"
        return _error(request, exc.status_code, code, str(exc.detail))
