"""The README keeps step with the code: every command, option and setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from claimledger import settings
from claimledger.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
GLOBAL = {"--db", "--aliases", "--version", "--help", "-h"}


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def command_lines(name: str) -> list[str]:
    """The reference bullets of one command: lines starting '- `claimledger NAME'."""
    pattern = re.compile(rf"^- `claimledger {re.escape(name)}[ `]")
    return [line for line in section("CLI reference").splitlines() if pattern.match(line)]


def long_options(command: click.Command) -> set[str]:
    return {
        opt
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts + param.secondary_opts
        if opt.startswith("--")
    }


def test_global_options_are_documented() -> None:
    reference = section("CLI reference")
    for opt in long_options(main) | {"--version", "--help"}:
        assert opt in reference, f"README.md § CLI reference: document the global option {opt}"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_and_option_is_documented(name: str) -> None:
    lines = command_lines(name)
    assert lines, (
        f"README.md § CLI reference: add a line '- `claimledger {name} ...`: what it does' "
        "listing its options"
    )
    missing = sorted(
        opt for opt in long_options(main.commands[name]) - GLOBAL if opt not in "".join(lines)
    )
    assert not missing, (
        f"README.md § CLI reference, `claimledger {name}`: document {', '.join(missing)}"
    )


def test_every_documented_command_exists() -> None:
    documented = re.findall(r"^- `claimledger ([a-z-]+)", section("CLI reference"), re.M)
    assert set(documented) <= set(main.commands), "README documents commands the CLI lacks"


def test_every_setting_is_documented() -> None:
    names = [value for key, value in vars(settings).items() if key.endswith("_ENV")]
    assert names, "settings.py declares no environment settings"
    text = section("Settings")
    for name in names:
        assert name in text, f"README.md § Settings: document {name}"
    for model in settings.MODEL_CANDIDATES:
        assert model in text, f"README.md § Settings: name the default spaCy model {model}"


def test_sections_are_in_order() -> None:
    text = README.read_text(encoding="utf-8")
    titles = re.findall(r"^## (.+)$", text, re.M)
    expected = [
        "Install and run", "Test", "CLI reference", "Settings", "Exit codes",
        "The extract JSON contract", "Measured",
    ]  # fmt: skip
    assert [t for t in titles if t in expected] == expected
