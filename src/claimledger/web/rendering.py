"""Jinja2 rendering with autoescape everywhere, the nav, and the per-browser CSRF session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from claimledger import display
from claimledger.web import formatting
from claimledger.web.highlight import figure_marks, highlight
from claimledger.web.security import csrf_token, session_of, set_session_cookie

TEMPLATE_DIR = Path(__file__).parent / "templates"

NAV: tuple[tuple[str, str], ...] = (
    ("/", "Overview"),
    ("/figures", "Figures"),
    ("/exchange", "Exchange"),
    ("/parties", "Parties"),
    ("/timeline", "Timeline"),
    ("/checks", "Checks"),
    ("/documents", "Docs"),
    ("/search", "Search"),
    ("/add", "Add"),
)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        number=formatting.number,
        figure=formatting.figure,
        origin=formatting.origin,
        date_key=formatting.date_key,
        party_url=formatting.party_url,
        label=formatting.label,
        doc_title=display.document_title,
        doc_outlet=display.document_outlet,
    )
    env.globals.update(
        nav=NAV, query=formatting.query, highlight=highlight, figure_marks=figure_marks
    )
    return env


ENV = _environment()


def render(
    request: Request, template: str, data: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    """The page `template` over `data` (the same dict its JSON twin returns)."""
    secret: bytes = request.app.state.web.secret
    session, new = session_of(request)
    html = ENV.get_template(template).render(
        **data,
        request_path=request.url.path,
        csrf_token=csrf_token(secret, session),
    )
    response = HTMLResponse(html, status_code=status)
    if new:
        set_session_cookie(response, session)
    return response


def render_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    data = {"title": f"Error {status}", "status": status, "code": code, "message": message}
    return render(request, "error.html", data, status=status)
