"""The HTML briefing in a real browser: Playwright driving Debian's Chromium over the file,
offline. Chromium comes from `apt-get install chromium` (.ci/run); missing, this fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.export.report import brief_of
from claimledger.store import Ledger

from .test_report import HOSTILE


@pytest.fixture(scope="module")
def browser(chromium) -> Iterator[object]:  # type: ignore[no-untyped-def]
    with chromium() as launched:
        context = launched.new_context(viewport={"width": 1200, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.requests = []
    page.dialogs = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    page.close()


def _report(cli, db: Path, out: Path, *args: str) -> Path:  # type: ignore[no-untyped-def]
    result = cli("--db", str(db), "report", *args, "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_briefing_reads_in_the_browser(page, cli, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    html = _report(cli, db, tmp_path / "brief.html")
    with Ledger.open(db) as ledger:
        brief = brief_of(ledger)
    page.goto(html.as_uri())
    assert page.title() == brief.title
    assert page.locator("h1").inner_text() == brief.title
    rows = page.locator("#key-figures tbody tr")
    assert rows.count() == len(brief.key_figures)
    assert brief.key_figures[0].range in rows.first.inner_text()
    assert page.locator("#exchange tr.direction").count() == 2
    for chart in ("#flow-chart svg", "#timeline svg"):
        box = page.locator(chart).bounding_box()
        assert box is not None and box["width"] > 500 and box["height"] > 100
    assert page.locator("#flow-chart svg line").count() == len(brief.pair_flows)
    assert page.locator("#timeline svg circle").count() >= len(brief.dated)
    assert page.locator("#conflicts .check").count() == len(brief.conflicts)
    assert page.locator("#arithmetic .check").count() == len(brief.failures)
    items = page.locator("ol.citations > li")
    assert items.count() == len(brief.citations)
    first = brief.citations[0]
    assert page.locator("#cite-1 mark").inner_text() == " ".join(first.quote.split())
    link = page.locator("#key-figures .cite a").first
    target = link.get_attribute("href")
    link.click()
    assert target and page.url.endswith(target)
    assert page.locator(target).is_visible()
    assert page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top") < 100
    page.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
    assert page.requests == [html.as_uri()], "the briefing asked for something beside itself"


def test_hostile_text_stays_text(page, cli, db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "hostile-note.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    assert cli("--db", str(db), "ingest", str(article)).exit_code == 0
    html = _report(cli, db, tmp_path / "hostile.html", "--doc", "hostile-note")
    page.goto(html.as_uri())
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned === undefined")
    assert page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    assert "<img src=x" in page.locator("#citations").inner_text()
    assert page.requests == [html.as_uri()]
