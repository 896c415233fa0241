"""--db and --aliases before or after the command, $CLAIMLEDGER_DB, --version, missing ledgers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from claimledger import __version__
from claimledger.cli import main

Invoke = Callable[..., Result]


def documents(result: Result) -> int:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["documents"]


def test_db_before_and_after_the_command(cli: Invoke, ledger_copy: Path) -> None:
    assert documents(cli("--db", str(ledger_copy), "stats", "--format", "json")) == 10
    assert documents(cli("stats", "--db", str(ledger_copy), "--format", "json")) == 10


def test_command_db_wins_over_group_db(cli: Invoke, ledger_copy: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = cli("--db", str(missing), "stats", "--db", str(ledger_copy), "--format", "json")
    assert documents(result) == 10
    assert not missing.exists()


def test_db_from_environment(cli: Invoke, ledger_copy: Path) -> None:
    result = cli("stats", "--format", "json", env={"CLAIMLEDGER_DB": str(ledger_copy)})
    assert documents(result) == 10


def test_db_flag_wins_over_environment(cli: Invoke, ledger_copy: Path, tmp_path: Path) -> None:
    env = {"CLAIMLEDGER_DB": str(tmp_path / "nowhere.db")}
    assert documents(cli("--db", str(ledger_copy), "stats", "--format", "json", env=env)) == 10


def test_default_db_is_ledger_db_in_the_working_directory(
    cli: Invoke, ledger_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ledger_copy.parent)
    assert ledger_copy.name == "ledger.db"
    assert documents(cli("stats", "--format", "json")) == 10


@pytest.mark.parametrize("command", ["figures", "stats", "summary"])
def test_read_commands_need_an_existing_ledger(cli: Invoke, tmp_path: Path, command: str) -> None:
    db = tmp_path / "none.db"
    result = cli("--db", str(db), command)
    assert result.exit_code == 2
    assert result.stderr == f"error: {db}: no ledger here; run 'claimledger ingest PATH' first\n"
    assert not db.exists()


@pytest.mark.parametrize("command", ["figures", "checks", "export --out x.csv"])
def test_read_commands_leave_an_empty_file_alone(cli: Invoke, tmp_path: Path, command: str) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    result = cli("--db", str(db), *command.split())
    assert result.exit_code == 2
    assert result.stderr == f"error: {db}: no ledger here; run 'claimledger ingest PATH' first\n"
    assert db.stat().st_size == 0  # no schema written into it


def test_a_file_that_is_not_a_ledger(cli: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are notes, not a database\n" * 20)
    result = cli("--db", str(db), "stats")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_bad_alias_file_names_the_file(
    cli: Invoke, tmp_path: Path, corpus_files: list[str], where: str
) -> None:
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("parties: [unclosed\n")
    option = ["--aliases", str(aliases)]
    args = ["extract", corpus_files[0]]
    result = cli(*(option + args if where == "before" else args + option))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {aliases}: ")
    assert len(result.stderr.splitlines()) == 1


def test_missing_alias_file(cli: Invoke, tmp_path: Path, corpus_files: list[str]) -> None:
    aliases = tmp_path / "nope.yaml"
    result = cli("--aliases", str(aliases), "ingest", corpus_files[0], "--db", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {aliases}: cannot read alias file")


def test_alias_file_is_used_before_or_after(cli: Invoke, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(
        "parties:\n  - name: Freedonia\n    kind: country\n    aliases: [Freedonian Republic]\n"
    )
    article = tmp_path / "freedonia.txt"
    article.write_text("Freedonia shipped 500 rifles to Russia in 2023, officials said.\n")
    plain = cli("extract", str(article), "--format", "jsonl")
    assert json.loads(plain.stdout)["from"] is None
    result = cli("--aliases", str(aliases), "extract", str(article), "--format", "jsonl")
    assert json.loads(result.stdout)["from"] == "Freedonia"
    db = str(tmp_path / "l.db")
    result = cli("ingest", str(article), "--db", db, "--aliases", str(aliases))
    assert result.exit_code == 0, result.stderr
    found = cli("--db", db, "figures", "--party", "freedonian republic", "--format", "jsonl")
    assert [json.loads(line)["quote"] for line in found.stdout.splitlines()] == ["500 rifles"]


def test_version(cli: Invoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_every_command_has_the_global_options() -> None:
    for name, command in main.commands.items():
        opts = {opt for param in command.params for opt in param.opts}
        assert {"--db", "--aliases"} <= opts, name
