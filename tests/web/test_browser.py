"""Real-browser tests: Playwright driving Debian's Chromium against a live server.

Chromium comes from `apt-get install chromium` (.ci/run does it); when it is missing these
tests fail rather than skip. Screenshots of each page land in the test's tmp_path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from claimledger.store import Ledger
from claimledger.web import create_app

from .conftest import serve_in_thread

PAYLOAD = (
    "Title: Payload <script>window.__pwned = 1</script>\n\n"
    "North Korea sent Russia 7,000 shells <script>window.__pwned = 2; alert(2)</script> "
    'in 2024, officials said. <img src=x onerror="window.__pwned = 3; alert(3)"> '
    "Russia paid $20 million for them, <svg onload=alert(4)> the ministry said.\n"
)


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory, corpus_db: Path) -> FastAPI:
    path = tmp_path_factory.mktemp("browser") / "ledger.db"
    path.write_bytes(corpus_db.read_bytes())
    return create_app(path)


@pytest.fixture(scope="module")
def base_url(live_app: FastAPI) -> Iterator[str]:
    yield from serve_in_thread(live_app)


@pytest.fixture(scope="module")
def browser_context(chromium) -> Iterator[object]:  # type: ignore[no-untyped-def]
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser_context, base_url: str):  # type: ignore[no-untyped-def]
    page = browser_context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.failed = []
    page.on("response", lambda r: page.failed.append(r.url) if r.status >= 400 else None)
    page.base = base_url
    yield page
    page.close()


def _shot(page, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)


def test_overview_loads(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/")
    assert page.title() == "Overview · claimledger"
    assert page.locator(".stats strong").first.inner_text() == "10"
    assert page.locator("h2", has_text="Exchange:").count() == 1
    assert page.get_by_role("link", name="Figures", exact=True).is_visible()
    _shot(page, tmp_path, "overview")
    assert page.failed == []


def test_filter_figures_table(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/figures")
    total = page.locator("#figures-table tbody tr").count()
    chip = page.locator('.facet[data-facet="concept"] a.chip').nth(1)
    concept = chip.inner_text().rsplit(" ", 1)[0]
    with page.expect_navigation():
        chip.click()
    assert f"concept={concept.replace(' ', '+')}" in page.url
    assert "party=" not in page.url  # empty filters are left out of the address
    rows = page.locator("#figures-table tbody tr").count()
    assert 0 < rows <= total
    _shot(page, tmp_path, "figures-filtered")


def test_figure_conflict_leads_to_the_other_document(page, tmp_path: Path, corpus_db) -> None:  # type: ignore[no-untyped-def]
    with Ledger.open(corpus_db) as ledger:
        conflicts = ledger.checks("conflict")
    assert conflicts, "the demo corpus should hold at least one conflict"
    mine, other = conflicts[0]["claims"][:2]
    page.goto(f"{page.base}/figure/{mine['id']}")
    assert page.locator("mark.current").inner_text() == mine["quote"]
    _shot(page, tmp_path, "figure")
    row = page.locator("table.group tr", has=page.locator(".v-conflict")).first
    other_id = row.locator("td:nth-child(2) a.fig").get_attribute("href").split("/")[-1]
    with page.expect_navigation():
        row.locator(f'a[href="/at/{other_id}"]').click()
    assert f"/document/{other['doc_id']}?" in page.url and page.url.endswith(f"#claim-{other_id}")
    landed = page.locator(f"mark#claim-{other_id}")
    assert landed.get_attribute("class") == "current"  # the figure itself is highlighted
    assert landed.is_visible() and landed.bounding_box()["y"] < 900  # scrolled into view
    _shot(page, tmp_path, "other-document")


def test_add_by_paste_shows_its_figures(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/add")
    page.fill("input[name=name]", "browser-paste")
    page.fill("textarea[name=text]", "Title: Rail shells\n\nNorth Korea has shipped about "
              "9,000 containers of shells to Russia, South Korean officials said.\n")  # fmt: skip
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "/document/" in page.url
    assert "Document added to the ledger" in page.locator("p.ok").inner_text()
    assert page.locator(".doc-text mark").count() >= 1
    _shot(page, tmp_path, "added")


def test_hostile_document_renders_inert(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/add")
    page.fill("textarea[name=text]", PAYLOAD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "/document/" in page.url
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert page.locator(".doc-text script, .doc-text img, .doc-text svg").count() == 0
    assert "<script>window.__pwned = 2" in page.locator(".doc-text").inner_text()
    for path in ("/figures?q=shells", "/documents", "/"):
        page.goto(page.base + path)
        assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    _shot(page, tmp_path, "hostile")
