"""Issue 4, done when: the five seed articles, ingested into a real ledger, give the
North Korea <-> Russia and South Korea <-> Russia exchange ledgers, through the API and the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.exchange import ExchangeLine, exchange, flow_summary, party_profile
from claimledger.extract.pipeline import extract_documents
from claimledger.ingest import load_path
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
NK, RU, SK = "North Korea", "Russia", "South Korea"
FIGURE_KEYS = {"doc", "quote", "value", "low", "high", "unit", "when"}
LINE_KEYS = {"from", "to", "concept", "items", "figures", "sources", "claims"}


@pytest.fixture(scope="module")
def registry() -> PartyRegistry:
    return PartyRegistry.default()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, registry: PartyRegistry) -> Path:
    files = sorted(SEEDS.glob("*.txt"))
    if len(files) != 5:
        pytest.fail(f"expected the five seed articles in {SEEDS}, found {len(files)}")
    path = tmp_path_factory.mktemp("exchange") / "ledger.db"
    docs = [doc for file in files for doc in load_path(file)]
    with Ledger.open(path) as ledger:
        for ex in extract_documents(docs, registry=registry):
            assert ledger.add_document(ex.document, ex.claims, ex.flows)
    return path


@pytest.fixture(scope="module")
def nk_ru(db: Path, registry: PartyRegistry) -> list[ExchangeLine]:
    with Ledger.open(db) as ledger:
        return exchange(ledger, NK, RU, registry)


@pytest.fixture(scope="module")
def sk_ru(db: Path, registry: PartyRegistry) -> list[ExchangeLine]:
    with Ledger.open(db) as ledger:
        return exchange(ledger, SK, RU, registry)


def words(line: ExchangeLine) -> str:
    return " | ".join([line.concept, *line.items]).lower()


def lines_with(lines: list[ExchangeLine], giver: str, receiver: str, *keys: str):
    return [
        ln
        for ln in lines
        if (ln.giver, ln.receiver) == (giver, receiver) and any(k in words(ln) for k in keys)
    ]


@pytest.mark.parametrize(
    ("giver", "receiver", "keys", "figure"),
    [
        (NK, RU, ("artillery shells",), "5 million artillery shells"),
        (NK, RU, ("shipping containers",), "16,000 shipping containers"),
        (NK, RU, ("ballistic missiles",), None),
        (NK, RU, ("troops", "soldiers"), "North Korean soldiers"),
        (NK, RU, ("combat engineer",), "combat engineering"),
        (NK, RU, ("workers", "laborers"), "4,000 North Korean workers"),
        (RU, NK, ("oil and gas", "oil"), None),
        (RU, NK, ("rice", "food"), "tons"),
        (RU, NK, ("salary", "pay", "money"), "$2,000 per month"),
        (RU, NK, ("technology",), None),
        (RU, NK, ("satellite", "space"), None),
    ],
)  # fmt: skip
def test_north_korea_russia_exchange_lists(nk_ru, giver, receiver, keys, figure):
    found = lines_with(nk_ru, giver, receiver, *keys)
    assert found, f"no {giver} -> {receiver} line for {keys}: {[words(ln) for ln in nk_ru]}"
    for line in found:
        assert line.sources, f"line without sources: {words(line)}"
        assert line.claims >= 1
    if figure is not None:
        quotes = [f["quote"] for ln in found for f in ln.figures]
        assert any(figure in q for q in quotes), quotes


def test_money_line_carries_pay_and_payment_figures(nk_ru):
    money = lines_with(nk_ru, RU, NK, "salary", "money")
    quotes = {f["quote"] for ln in money for f in ln.figures}
    assert any("$2,000" in q for q in quotes) and any("$200 million" in q for q in quotes), quotes
    assert all(f["unit"] == "USD" for ln in money for f in ln.figures)


@pytest.mark.parametrize(
    ("giver", "receiver", "concept"),
    [
        (RU, NK, "artillery shells"),
        (RU, NK, "shipping containers"),
        (RU, NK, "troops"),
        (RU, NK, "workers"),
        (NK, RU, "oil and gas"),
        (NK, RU, "food"),
        (NK, RU, "salary"),
        (NK, RU, "form"),
    ],
)
def test_north_korea_russia_lines_that_must_not_appear(nk_ru, giver, receiver, concept):
    bad = [ln for ln in nk_ru if (ln.giver, ln.receiver, ln.concept) == (giver, receiver, concept)]
    assert not bad, [(ln.items, ln.sources) for ln in bad]


def test_exchange_sides_are_only_the_two_parties(nk_ru, sk_ru):
    assert {(ln.giver, ln.receiver) for ln in nk_ru} == {(NK, RU), (RU, NK)}
    assert {(ln.giver, ln.receiver) for ln in sk_ru} <= {(SK, RU), (RU, SK)}


@pytest.mark.parametrize(
    ("giver", "receiver", "keys", "quote", "value", "when"),
    [
        (SK, RU, ("exports",), "$7.48 billion", 7.48e9, "2022"),
        (SK, RU, ("exports",), "$7.4 billion", 7.4e9, "2022"),
        (SK, RU, ("cars", "vehicles"), "$894 million", 894e6, "2022"),
        (RU, SK, ("coal",), "$4.62 billion", 4.62e9, "2022"),
        (RU, SK, ("petroleum", "oil"), "$2 billion", 2e9, "2022"),
        (RU, SK, ("exports", "trade"), "$12.7 billion", 12.7e9, "2022"),
    ],
)
def test_south_korea_russia_trade_values(sk_ru, giver, receiver, keys, quote, value, when):
    found = lines_with(sk_ru, giver, receiver, *keys)
    figures = [f for ln in found for f in ln.figures if f["quote"] == quote]
    assert figures, [(words(ln), [f["quote"] for f in ln.figures]) for ln in found]
    assert figures[0]["value"] == pytest.approx(value) and figures[0]["unit"] == "USD"
    assert figures[0]["when"] == when
    assert all(ln.sources for ln in found)


def test_south_korea_gives_russia_no_oil(sk_ru):
    assert not lines_with(sk_ru, SK, RU, "oil", "coal", "troops", "shells")


def test_flow_summary_and_profile(db, registry):
    with Ledger.open(db) as ledger:
        out = flow_summary(ledger, giver=NK)
        assert out and all(ln.giver == NK for ln in out)
        profile = party_profile(ledger, "the Kremlin", registry)
    assert profile.party.name == RU and "Moscow" in profile.aliases
    assert profile.mentions > 0
    assert {ln.receiver for ln in profile.flows_out} >= {NK}
    assert {ln.giver for ln in profile.flows_in} >= {NK, SK}


# -- CLI -----------------------------------------------------------------------------------


def cli(*args: str):
    runner = CliRunner(env={"CLAIMLEDGER_DB": None})
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_cli_exchange_jsonl_with_aliases(db):
    result = cli("--db", str(db), "exchange", "DPRK", "moscow", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    for record in records:
        assert set(record) == LINE_KEYS
        assert (record["from"], record["to"]) in {(NK, RU), (RU, NK)}
        assert record["sources"] and record["claims"] >= 1
        for figure in record["figures"]:
            assert set(figure) == FIGURE_KEYS
    concepts = {(r["from"], r["concept"]) for r in records}
    assert {(NK, "artillery shells"), (RU, "oil and gas")} <= concepts


def test_cli_exchange_unknown_party(db):
    result = cli("--db", str(db), "exchange", "Atlantis", "moscow")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Atlantis" in lines[0], result.stderr
    assert result.stdout == ""


def test_cli_flows_from(db):
    result = cli("--db", str(db), "flows", "--from", "North Korea", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["from"] == NK for r in records)
    assert all(set(r) == LINE_KEYS for r in records)


def test_cli_parties(db):
    result = cli("--db", str(db), "parties", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = {r["name"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert {NK, RU, SK} <= set(rows)
    assert rows[NK]["flows_out"] > 0 and rows[RU]["flows_in"] > 0
    table = cli("--db", str(db), "parties")
    assert table.exit_code == 0 and "North Korea" in table.stdout


def test_cli_party_json(db):
    result = cli("--db", str(db), "party", "Russia", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["name"] == RU and data["kind"] == "country"
    assert "Moscow" in data["aliases"] and data["mentions"] > 0
    assert data["flows_out"] and data["flows_in"]
    assert all(set(line) == LINE_KEYS for line in data["flows_out"] + data["flows_in"])
