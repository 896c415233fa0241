"""The workbench in a real browser (Playwright driving Debian's Chromium), desktop and phone.

Covers issue 11 point by point: host names and rebinding, cross-origin posts, the one
wording of figures, one verdict per pair, titles, charts, the figures table's tools, the
parties list, conflict links, reviews, search, background Adds and the 390 px phone width.
Screenshots land in SCREENSHOTS (default: this session's pytest tmp dir, `screens/`).
"""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from claimledger.store import Ledger
from claimledger.web import create_app

from .conftest import serve_in_thread

REBIND = "rebind.attacker.test"  # resolved by the browser to 127.0.0.1, as a rebound name
PHONE = {"width": 390, "height": 844}
HEADLESS_TITLE = "Rail depots fill up\n\nNorth Korea sent 300 wagons of coal to Russia by rail.\n"
PAGES = ("/", "/figures", "/figures?modality=reported&sort=-value", "/exchange", "/timeline",
         "/checks", "/documents", "/parties", "/search?q=troops", "/add")  # fmt: skip


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.getbasetemp() / "screens"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, corpus_db: Path) -> Path:
    path = tmp_path_factory.mktemp("workbench") / "ledger.db"
    path.write_bytes(corpus_db.read_bytes())
    return path


@pytest.fixture(scope="module")
def live(db: Path) -> Iterator[str]:
    app: FastAPI = create_app(db, inline_bytes=2000)
    yield from serve_in_thread(app)


@pytest.fixture(scope="module")
def context(chromium) -> Iterator[object]:  # type: ignore[no-untyped-def]
    # The browser resolves REBIND to loopback, as a name rebound by an attacker would.
    with chromium((f"--host-resolver-rules=MAP {REBIND} 127.0.0.1",)) as browser:
        yield browser


def _page(browser, viewport: dict[str, int] | None = None):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=viewport or {"width": 1280, "height": 900})
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def _shot(page, screens: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    page.screenshot(path=str(screens / f"{name}.png"), full_page=True)


def test_a_rebound_host_name_gets_nothing(context, live: str, screens: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(context)
    port = live.rsplit(":", 1)[1]
    response = page.goto(f"http://{REBIND}:{port}/api/figures")
    assert response is not None and response.status == 400
    assert "figures" not in page.content().lower().replace("invalid host header", "")
    _shot(page, screens, "rebinding-refused")
    assert page.goto(f"{live}/api/figures").status == 200
    page.close()


class _Hostile(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        body = (
            "<!doctype html><title>hostile</title><script>"
            f"fetch('{self.target}/api/add', {{method: 'POST', mode: 'no-cors', "
            "headers: {'Content-Type': 'text/plain'}, "
            "body: JSON.stringify({text: 'North Korea sent Russia 9,999 shells.', name: 'x'})})"
            ".then(() => document.title = 'sent', () => document.title = 'sent');"
            "</script><form id=f method=post action='" + self.target + "/add'>"
            "<input name=text value='North Korea sent Russia 8,888 shells.'></form>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_another_site_cannot_add_documents(context, live: str, db: Path, screens: Path) -> None:  # type: ignore[no-untyped-def]
    with Ledger.open(db) as ledger:
        before = ledger.stats()["documents"]
    _Hostile.target = live
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = _page(context)
    try:
        page.goto(f"http://localhost:{server.server_port}/")
        page.wait_for_function("document.title === 'sent'", timeout=10_000)
        with page.expect_navigation():
            page.evaluate("document.getElementById('f').submit()")
        assert "another" in page.content()  # refused: "the request came from another origin"
        _shot(page, screens, "cross-origin-refused")
    finally:
        server.shutdown()
        page.close()
    with Ledger.open(db) as ledger:
        assert ledger.stats()["documents"] == before


def test_figures_table_tools(context, live: str, screens: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(context)
    page.goto(f"{live}/figures")
    chip = page.locator('.facet[data-facet="modality"] a.chip').first
    with page.expect_navigation():
        chip.click()
    assert "modality=" in page.url and page.locator("#active-filters").is_visible()
    header = page.locator("#figures-table th a", has_text="Figure")
    for _ in range(2):  # a second click reverses the order; neither leads to an error
        with page.expect_navigation():
            header.click()
        assert page.locator("#figures-table tbody tr").count() > 0
        header = page.locator("#figures-table th a", has_text="Figure")
    assert "sort=value" in page.url or "sort=-value" in page.url
    assert page.locator("#figures-table td.verdicts .verdict").count() > 0
    csv = page.locator("#export-csv").get_attribute("href")
    assert "modality=" in csv and "sort=" in csv
    assert page.locator("#export-json").get_attribute("href").startswith("/api/figures?")
    texts = page.locator("#figures-table td.num a.fig").all_inner_texts()
    assert any(t.startswith(("about ", "over ", "up to ", "at least ")) for t in texts) or texts
    _shot(page, screens, "figures-tools")
    page.close()


def test_conflict_lands_on_the_other_figure(context, live: str, db: Path, screens: Path) -> None:  # type: ignore[no-untyped-def]
    with Ledger.open(db) as ledger:
        conflict = ledger.checks("conflict")[0]
    mine = conflict["claims"][0]
    page = _page(context)
    page.goto(f"{live}/figure/{mine['id']}")
    _shot(page, screens, "figure-pairs")
    link = page.locator("table.group tr", has=page.locator(".v-conflict")).first
    other = link.locator("td:nth-child(2) a.fig").get_attribute("href").split("/")[-1]
    with page.expect_navigation():
        link.locator(f'a[href="/at/{other}"]').click()
    landed = page.locator(f"mark#claim-{other}")
    assert landed.get_attribute("class") == "current"
    box = landed.bounding_box()
    assert box is not None and 40 <= box["y"] < 900  # in view, below the sticky header
    _shot(page, screens, "conflict-landed")
    page.close()


def test_review_a_check_and_see_it_everywhere(context, live: str, screens: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(context)
    page.goto(f"{live}/checks?verdict=conflict")
    row = page.locator("table.checks tbody tr").first
    row.locator("input[name=note]").fill("two outlets, one source")
    with page.expect_navigation():
        row.locator("button[value=accepted]").click()
    assert "verdict=conflict" in page.url
    assert page.locator(".review-accepted").first.is_visible()
    with page.expect_navigation():
        page.locator("#review-tabs a", has_text="accepted").click()
    assert page.locator("table.checks tbody tr").count() == 1
    _shot(page, screens, "checks-reviewed")
    figure = page.locator("table.checks a.fig").first.get_attribute("href")
    page.goto(live + figure)
    assert page.locator(".review-accepted").count() >= 1
    page.close()


def test_search_parties_and_a_headline_title(context, live: str, screens: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(context)
    page.goto(f"{live}/add")
    page.fill("textarea[name=text]", HEADLESS_TITLE)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Rail depots fill up"  # not a hash, not 'pasted'
    page.goto(f"{live}/search?q=wagons")
    assert page.locator("#search-hits mark").first.inner_text().lower() == "wagons"
    _shot(page, screens, "search")
    page.goto(f"{live}/parties")
    assert page.locator("#parties-table tbody tr").count() >= 2
    with page.expect_navigation():
        page.locator("#parties-table a", has_text="North Korea").first.click()
    assert page.locator("#party-claims tbody tr").count() >= 1
    _shot(page, screens, "parties")
    page.close()


def test_a_large_paste_shows_progress(context, live: str, screens: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(context)
    page.goto(f"{live}/add")
    lines = [f"Train {n} took {500 + n:,} tonnes of wheat from Russia to North Korea."
             for n in range(60)]  # fmt: skip
    page.fill("textarea[name=text]", "Title: Wheat trains\n\n" + "\n".join(lines))
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "/add/job/" in page.url
    _shot(page, screens, "add-progress")
    page.wait_for_selector("text=Added", timeout=120_000)
    assert page.locator('a[href^="/document/"]').count() >= 1
    _shot(page, screens, "add-done")
    page.close()


def test_charts_say_what_they_show(context, live: str, screens: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(context)
    page.goto(f"{live}/exchange")
    labels = page.locator("svg.wide-only .concept-label").all_text_contents()
    assert labels and all("source" in t for t in labels)
    sections = page.locator("svg.wide-only .section-label").all_text_contents()
    assert len(sections) == len(set(sections))  # each direction once
    _shot(page, screens, "exchange-desktop")
    page.goto(f"{live}/timeline")
    _shot(page, screens, "timeline-desktop")
    page.close()
    phone = _page(context, PHONE)
    phone.goto(f"{live}/exchange")
    size = phone.locator("svg.narrow-only .bar-label").first.evaluate(
        "e => e.getBoundingClientRect().height")  # fmt: skip
    assert size >= 9, f"flow labels render {size:.1f} px tall on a phone"
    _shot(phone, screens, "exchange-phone")
    phone.goto(f"{live}/timeline")
    tick = phone.locator("figure.timeline svg .tick").first.evaluate(
        "e => e.getBoundingClientRect().height")  # fmt: skip
    assert tick >= 8, f"timeline ticks render {tick:.1f} px tall on a phone"
    _shot(phone, screens, "timeline-phone")
    phone.close()


def test_phone_width_no_sideways_scroll_and_a_one_line_header(
    context, live: str, screens: Path
) -> None:  # type: ignore[no-untyped-def]
    phone = _page(context, PHONE)
    for path in (*PAGES, "/document/" + _first_document(live), "/party/Russia"):
        phone.goto(live + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} scrolls sideways ({width} px)"
        header = phone.locator("header.top").bounding_box()
        assert header is not None and header["height"] < 56, f"{path}: header wraps"
        name = path.strip("/").replace("/", "-").split("?")[0] or "overview"
        _shot(phone, screens, f"phone-{name}")
    assert phone.errors == []
    phone.close()


def _first_document(live: str) -> str:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{live}/api/documents", timeout=10) as response:
        return json.loads(response.read())["documents"][-1]["id"]
