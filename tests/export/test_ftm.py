"""`export --format ftm`: every line is an entity the followthemoney library accepts
whole, references resolve inside the file, and the `ftm` command line loads it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model

from .conftest import Invoke

FTM = Path(sys.executable).with_name("ftm")


@pytest.fixture(scope="module")
def ftm_file(ledger_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import invoke

    folder = tmp_path_factory.mktemp("ftm")
    db = folder / "ledger.db"
    shutil.copyfile(ledger_db, db)
    out = folder / "ledger.ftm.json"
    result = invoke("--db", str(db), "export", "--format", "ftm", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def entities(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_entity_survives_the_library_validation(ftm_file: Path) -> None:
    found = entities(ftm_file)
    ids = [entity["id"] for entity in found]
    assert len(ids) == len(set(ids))
    for entity in found:
        proxy = model.get_proxy(entity, cleaned=False)  # re-parses and cleans every value
        proxy.schema.validate(proxy.to_dict())
        for name in proxy.schema.required:
            assert proxy.get(name), f"{entity['schema']} {entity['id']} lacks {name}"
        for name, values in entity["properties"].items():
            prop = proxy.schema.get(name)
            assert prop is not None, f"{entity['schema']} has no property {name}"
            assert len(proxy.get(name)) == len(values), f"{entity['schema']}.{name} dropped"
            if prop.type.name == "entity":
                assert set(values) <= set(ids), f"{entity['id']}.{name} points outside"


def test_schemata_follow_the_ledger(ftm_file: Path) -> None:
    found = entities(ftm_file)
    schemata = Counter(entity["schema"] for entity in found)
    assert {"Article", "PublicBody", "Payment", "Event", "Note"} <= set(schemata)
    bodies = {e["properties"]["name"][0]: e for e in found if e["schema"] == "PublicBody"}
    assert bodies["North Korea"]["properties"]["country"] == ["kp"]
    assert bodies["Russia"]["properties"]["country"] == ["ru"]
    by_id = {entity["id"]: entity for entity in found}
    for payment in (e for e in found if e["schema"] == "Payment"):
        props = payment["properties"]
        for key in ("payer", "beneficiary", "amount", "currency", "purpose", "proof"):
            assert props.get(key), f"payment {payment['id']} lacks {key}"
        assert by_id[props["proof"][0]]["schema"] == "Article"
        payer = by_id[props["payer"][0]]
        assert payer["schema"] in ("PublicBody", "Organization", "Person", "LegalEntity")


def test_values_carry_their_provenance(ftm_file: Path) -> None:
    found = entities(ftm_file)
    articles = {e["id"]: e for e in found if e["schema"] == "Article"}
    for entity in found:
        if entity["schema"] not in ("Payment", "Event", "Note"):
            continue
        props = entity["properties"]
        article = articles[props["proof"][0]]
        text = article["properties"]["bodyText"][0]
        assert props["summary"][0] in text  # the quote, from the very document
        assert "characters" in props["description"][0]
        if entity["schema"] != "Note":  # a Note's description names its claim instead
            doc_id, span = props["recordId"][0].rsplit(":", 1)
            start, end = (int(n) for n in span.split("-"))
            assert article["id"] == f"cl-doc-{doc_id}"
            assert text[start:end] == props["summary"][0]


def test_ids_are_stable_across_exports(cli: Invoke, db: Path, ftm_file: Path, tmp_path: Path):
    again = tmp_path / "again.ftm.json"
    result = cli("--db", str(db), "export", "--out", str(again))  # format from the name
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == ftm_file.read_bytes()


def test_the_ftm_command_line_reads_it(ftm_file: Path, tmp_path: Path) -> None:
    assert FTM.exists(), f"{FTM} is missing: install the dev extras"
    count = len(entities(ftm_file))
    validated, aggregated = tmp_path / "validated.json", tmp_path / "aggregated.json"
    for command, out in (("validate", validated), ("aggregate", aggregated)):
        done = subprocess.run(
            [str(FTM), command, "-i", str(ftm_file), "-o", str(out)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert len(entities(out)) == count
    assert {e["id"] for e in entities(validated)} == {e["id"] for e in entities(ftm_file)}
