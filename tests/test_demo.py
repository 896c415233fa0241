"""The steps of `make demo`, in-process: ingest the demo corpus, then print the summary."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimledger.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_demo_summary_names_every_document_and_a_sourced_figure(tmp_path: Path) -> None:
    runner = CliRunner(env={"CLAIMLEDGER_DB": None, "COLUMNS": "200"})
    db = str(tmp_path / "ledger.db")
    articles = sorted(str(path) for path in CORPUS.glob("*.txt"))  # what the Makefile passes
    ingested = runner.invoke(main, ["--db", db, "ingest", *articles], catch_exceptions=False)
    assert ingested.exit_code == 0, ingested.stderr
    shown = runner.invoke(main, ["--db", db, "summary"], catch_exceptions=False)
    assert shown.exit_code == 0, shown.stderr
    for article in articles:
        assert Path(article).stem in shown.stdout
    data = json.loads(runner.invoke(main, ["--db", db, "summary", "--format", "json"]).stdout)
    assert {doc["name"] for doc in data["documents"]} == {Path(a).stem for a in articles}
    sourced = [f for group in data["groups"] for f in group["figures"] if f["source"]]
    assert sourced, "no figure in the demo corpus has a source"
    assert any(f["source"] in shown.stdout and f["value"] in shown.stdout for f in sourced)
    again = runner.invoke(main, ["--db", db, "ingest", *articles], catch_exceptions=False)
    assert again.exit_code == 0, "re-running the demo must not fail"
