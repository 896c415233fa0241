"""One filter language: the CLI and the web find the same claims; links keep the filters."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from claimledger.cli import main
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.web import create_app


def _cli_count(db: Path, *args: str) -> int:
    result = CliRunner().invoke(main, ["--db", str(db), "figures", *args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return len([line for line in result.stdout.splitlines() if line.strip()])


def test_party_filter_finds_the_same_claims_in_the_cli_and_on_the_web(
    corpus_db: Path, client: TestClient
) -> None:
    """The drift bug: a source named as the party found 1 claim in the CLI and 0 on the web."""
    with Ledger.open(corpus_db) as ledger:
        names = {c.source for c in ledger.claims() if c.source}
        names |= {p.name for p in ledger.parties()}
    assert len(names) > 10
    for name in sorted(names):
        web = client.get("/api/figures", params={"party": name, "per_page": 200}).json()
        assert web["total"] == _cli_count(corpus_db, "--party", name), name


def test_every_sort_link_works_twice(client: TestClient) -> None:
    """A second click on a header reverses the order; no click ever leads to an error."""
    page = client.get("/figures").text
    links = set(re.findall(r'href="(/figures\?[^"]*sort=[^"]*)"', page))
    assert len(links) >= 6
    for link in links:
        first = client.get(link.replace("&amp;", "&"))
        assert first.status_code == 200, link
        for again in set(re.findall(r'href="(/figures\?[^"]*sort=[^"]*)"', first.text)):
            assert client.get(again.replace("&amp;", "&")).status_code == 200, again
    assert client.get("/figures?sort=colour").status_code == 200  # unknown: the default


def test_facet_chips_and_exports_keep_the_filters(client: TestClient) -> None:
    page = client.get("/figures?modality=reported").text
    chip = re.search(r'<div class="facet" data-facet="concept">.*?href="([^"]+)"', page, re.S)
    assert chip
    link = chip.group(1).replace("&amp;", "&")
    assert "modality=reported" in link and "concept=" in link
    filtered = client.get("/api/" + link.lstrip("/")).json()
    concept = filtered["filters"]["concept"]
    assert filtered["total"] > 0
    assert all(f["modality"] == "reported" and f["concept"] == concept
               for f in filtered["figures"])  # fmt: skip
    csv_link = re.search(r'id="export-csv" href="([^"]+)"|href="([^"]+)" id="export-csv"', page)
    assert csv_link
    href = (csv_link.group(1) or csv_link.group(2)).replace("&amp;", "&")
    assert href.startswith("/figures.csv?") and "modality=reported" in href
    rows = list(csv.DictReader(io.StringIO(client.get(href).text)))
    total = client.get("/api/figures?modality=reported").json()["total"]
    assert len(rows) == total and {r["modality"] for r in rows} == {"reported"}
    assert all(r["figure"] for r in rows)


ARTICLES = (
    "Title: One\nOutlet: Paper A\nPublished: 2024-05-01\n\n"
    "North Korea has sent 12,000 troops to Russia, the Alpha Monitoring Group said.\n",
    "Title: Two\nOutlet: Paper B\nPublished: 2024-05-03\n\n"
    "North Korea has sent 12,000 troops to Russia, the Beta Watch said.\n",
)


def test_the_recheck_after_add_uses_serve_aliases(tmp_path: Path) -> None:
    """Two names of one monitor are one origin when the alias file says so."""
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(
        "parties:\n  - name: Alpha Monitoring Group\n    kind: organisation\n"
        "    aliases: [Beta Watch]\n"
    )
    registry = PartyRegistry.default().with_aliases_file(aliases)
    client = TestClient(create_app(tmp_path / "l.db", registry=registry),
                        base_url="http://127.0.0.1")  # fmt: skip
    for n, text in enumerate(ARTICLES):
        assert client.post("/api/add", json={"text": text, "name": f"a{n}"}).status_code == 201
    notes = [c["note"] for c in client.get("/api/checks?verdict=all").json()["checks"]]
    assert any("1 independent origin" in note for note in notes), notes
    assert not any("2 independent origins" in note for note in notes)
    cli = tmp_path / "cli.db"
    for n, text in enumerate(ARTICLES):
        (tmp_path / f"a{n}.txt").write_text(text)
    CliRunner().invoke(main, ["--db", str(cli), "--aliases", str(aliases), "ingest",
                              str(tmp_path / "a0.txt"), str(tmp_path / "a1.txt")])  # fmt: skip
    shown = CliRunner().invoke(main, ["--db", str(cli), "--aliases", str(aliases), "checks",
                                      "--format", "jsonl"]).stdout  # fmt: skip
    assert [json.loads(line)["note"] for line in shown.splitlines()] == notes
