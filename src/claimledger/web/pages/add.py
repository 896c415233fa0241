"""Add: paste text, upload files or give a URL; the document is stored and its page shown."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from claimledger.errors import InputError
from claimledger.model import Document
from claimledger.store import ClaimFilter, Ledger
from claimledger.web import adding
from claimledger.web.context import WebState, state
from claimledger.web.errors import PageError
from claimledger.web.jobs import Job
from claimledger.web.rendering import render
from claimledger.web.security import (
    CSRF_FIELD,
    MAX_FILES,
    MAX_TEXT_BYTES,
    MAX_UPLOAD_BYTES,
    check_csrf,
    check_request_size,
)

router = APIRouter()
LIMITS = {
    "max_text_bytes": MAX_TEXT_BYTES,
    "max_file_bytes": MAX_UPLOAD_BYTES,
    "max_files": MAX_FILES,
    "kinds": ["text", "html", "pdf", "feed"],
}


class AddRequest(BaseModel):
    """The JSON body of POST /api/add: exactly one of text or url."""

    text: str | None = Field(default=None, max_length=MAX_TEXT_BYTES)
    name: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


def _text_documents(text: str, name: str | None) -> list[Document]:
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise InputError("pasted text", "too long (limit 1 MiB); upload it as a file instead")
    return adding.read_paste(text, name)


def _ingest(
    web: WebState, docs: list[Document], rejected: list[InputError], job: Job | None = None
) -> dict[str, Any]:
    """Store `docs` (runs in a worker thread: extraction is slow, and SQLite is per-thread)."""

    def progress(done: int, stage: str) -> None:
        if job is not None:
            job.done, job.stage = done, stage

    with Ledger.open(web.db_path) as ledger:
        result = adding.store_documents(
            ledger, docs, web.registry, max_figures=web.max_figures, progress=progress
        )
        figures = {
            d.id: ledger.claim_page(ClaimFilter(doc=d.id, limit=0))[1] for d in result.documents
        }
    bounded = [
        {"id": doc_id, "reason": reason}
        for doc_id, reasons in result.warnings.items()
        for reason in reasons
    ]
    return {
        "added": [_doc_summary(d, figures[d.id], True) for d in result.added],
        "known": [_doc_summary(d, figures[d.id], False) for d in result.known],
        "rejected": _rejections([*rejected, *result.rejected]),
        "bounded": bounded,
    }


def _in_background(docs: list[Document], web: WebState) -> bool:
    return sum(len(d.text) for d in docs) > web.inline_bytes


def _start(web: WebState, docs: list[Document], rejected: list[InputError]) -> Job:
    return web.jobs.submit(len(docs), lambda job: _ingest(web, docs, rejected, job))


def _rejections(rejected: list[InputError]) -> list[dict[str, str]]:
    return [{"origin": e.origin, "reason": e.reason} for e in rejected]


def _doc_summary(doc: Document, figures: int, new: bool) -> dict[str, Any]:
    return {"id": doc.id, "name": doc.name, "title": doc.title, "figures": figures, "new": new,
            "url": f"/document/{doc.id}"}  # fmt: skip


def _form_page(request: Request, outcome: dict[str, Any] | None, status: int = 200) -> Response:
    data = {"title": "Add documents", "limits": LIMITS, "outcome": outcome, "job": None}
    return render(request, "add.html", data, status=status)


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> Response:
    return _form_page(request, None)


@router.get("/api/add")
def add_api_limits() -> dict[str, Any]:
    return {"limits": LIMITS, "post": 'JSON {"text": ..., "name": ...} or {"url": ...}'}


async def _read_form(request: Request) -> tuple[list[Document], list[InputError]]:
    """The documents a submitted Add form names, and the inputs it had to reject."""
    check_request_size(request)
    try:
        form = await request.form(
            max_files=MAX_FILES, max_fields=20, max_part_size=MAX_TEXT_BYTES + 4096
        )
    except HTTPException as exc:
        raise PageError(400, "rejected_input", f"the form could not be read ({exc.detail}); "
                        f"paste at most 1 MiB of text and upload at most {MAX_FILES} files"
                        ) from exc  # fmt: skip
    token = form.get(CSRF_FIELD)
    check_csrf(request, state(request).secret, token if isinstance(token, str) else None)
    docs: list[Document] = []
    rejected: list[InputError] = []

    def attempt(origin: str, read: Any) -> None:
        try:
            docs.extend(read())
        except InputError as exc:
            rejected.append(exc)

    text, name, url = form.get("text"), form.get("name"), form.get("url")
    if isinstance(text, str) and text.strip():
        attempt(
            "pasted text", lambda: _text_documents(text, name if isinstance(name, str) else None)
        )
    for upload in form.getlist("files"):
        if not isinstance(upload, UploadFile) or not upload.filename:
            continue
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        filename = upload.filename
        if len(data) > MAX_UPLOAD_BYTES:
            rejected.append(InputError(filename, "file too large (limit 10 MiB)"))
            continue
        attempt(filename, lambda d=data, f=filename: adding.read_upload(d, f))
    if isinstance(url, str) and url.strip():
        clean = url.strip()
        allow = state(request).allow_private
        await run_in_threadpool(attempt, clean, lambda: adding.read_url(clean, allow_private=allow))
    if not docs and not rejected:
        raise PageError(
            400, "rejected_input", "nothing to add: paste text, choose a file or give a URL"
        )
    return docs, rejected


@router.post("/add")
async def add_submit(request: Request) -> Response:
    docs, rejected = await _read_form(request)
    web = state(request)
    if docs and _in_background(docs, web):
        job = _start(web, docs, rejected)
        return RedirectResponse(f"/add/job/{job.id}", status_code=303)
    if docs:
        outcome = await run_in_threadpool(_ingest, web, docs, rejected)
    else:
        outcome = {"added": [], "known": [], "rejected": _rejections(rejected), "bounded": []}
    shown = outcome["added"] + outcome["known"]
    if len(shown) == 1 and not rejected and not outcome["bounded"]:
        flag = "added" if outcome["added"] else "known"
        return RedirectResponse(f"{shown[0]['url']}?{flag}=1", status_code=303)
    return _form_page(request, outcome, status=400 if not shown else 200)


@router.post("/api/add")
async def add_api(request: Request, body: AddRequest) -> Response:
    """JSON only: browsers cannot send it cross-site without a preflight, which we never allow."""
    if bool(body.text) == bool(body.url):
        raise PageError(400, "bad_request", 'send exactly one of "text" or "url"')
    if body.text:
        docs = _text_documents(body.text, body.name)
    else:
        docs = await run_in_threadpool(
            lambda: adding.read_url(body.url or "", allow_private=state(request).allow_private)
        )
    web = state(request)
    if _in_background(docs, web):
        job = _start(web, docs, [])
        return JSONResponse(job.to_json(), status_code=202,
                            headers={"Location": f"/api/add/job/{job.id}"})  # fmt: skip
    outcome = await run_in_threadpool(_ingest, web, docs, [])
    return JSONResponse(outcome, status_code=201 if outcome["added"] else 200)


def _job(request: Request, job_id: str) -> Job:
    job = state(request).jobs.get(job_id)
    if job is None:
        raise PageError(404, "not_found", f"no Add job {job_id!r}; it finished long ago or "
                        "the server restarted: see /documents")  # fmt: skip
    return job


@router.get("/add/job/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> Response:
    """Progress of a background Add; refreshes itself until done, then shows the outcome."""
    job = _job(request, job_id)
    data = {"title": "Adding…" if job.finished is None else "Add documents", "limits": LIMITS,
            "outcome": job.outcome, "job": job.to_json()}  # fmt: skip
    return render(request, "add.html", data)


@router.get("/api/add/job/{job_id}")
def job_api(request: Request, job_id: str) -> dict[str, Any]:
    return _job(request, job_id).to_json()
