"""Near-duplicates: a syndicated copy is stored once, with all its origins; a repost that
changes a figure is a document of its own; unrelated articles never merge."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from claimledger.cli import main
from claimledger.store import Ledger
from claimledger.store.duplicates import origins

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def copy_of(text: str, *, outlet: str, url: str) -> str:
    """The article as another outlet reposts it: its own header, a word changed, a credit."""
    header, _, body = text.partition("\n\n")
    header = re.sub(r"(?m)^Outlet: .*$", f"Outlet: {outlet}", header)
    header = re.sub(r"(?m)^URL: .*$", f"URL: {url}", header)
    body = body.replace(" said ", " stated ", 1) + "\n\n(Republished with permission.)\n"
    return f"{header}\n\n{body}"


def ingest(db: Path, *paths: Path) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", *map(str, paths)])
    assert result.exit_code == 0, result.output
    return result.stderr


def test_a_syndicated_copy_is_stored_once_with_both_origins(tmp_path: Path) -> None:
    original = CORPUS / "05-nis-pay.txt"
    copy = tmp_path / "wire-copy.txt"
    copy.write_text(copy_of(original.read_text(), outlet="Wire Relay",
                            url="https://relay.example/nis"))  # fmt: skip
    db = tmp_path / "l.db"
    ingest(db, original)
    with Ledger.open(db) as ledger:
        before = ledger.stats()
    stderr = ingest(db, copy)
    assert f"note: {copy}: a near-duplicate of 05-nis-pay (" in stderr
    assert stderr.splitlines()[-1] == "ingested 0 new, 1 already in the ledger, 0 failed"
    with Ledger.open(db) as ledger:
        assert ledger.stats() == before  # nothing stored twice: cross-checking sees one origin
        [doc] = ledger.documents(with_text=False)
        [other] = origins(ledger, doc.id)
    assert (other["name"], other["origin"]) == ("wire-copy", str(copy))
    assert other["similarity"] >= 0.8  # type: ignore[operator]


def test_a_repost_with_a_changed_figure_is_its_own_document(tmp_path: Path) -> None:
    original = CORPUS / "05-nis-pay.txt"
    text = original.read_text()
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace("$2,000", "$2,500", 1))
    db = tmp_path / "l.db"
    ingest(db, original)
    stderr = ingest(db, changed)
    assert "near-duplicate" not in stderr
    with Ledger.open(db) as ledger:
        assert ledger.stats()["documents"] == 2


def test_the_demo_corpus_has_no_near_duplicates(tmp_path: Path) -> None:
    files = sorted(CORPUS.glob("*.txt"))
    stderr = ingest(tmp_path / "l.db", *files)
    assert "near-duplicate" not in stderr
    assert (
        stderr.splitlines()[-1] == f"ingested {len(files)} new, 0 already in the ledger, 0 failed"
    )
