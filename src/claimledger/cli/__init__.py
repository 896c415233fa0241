"""The `claimledger` command line: a thin layer over the library.

Commands live in the modules of COMMAND_MODULES, each exposing `commands: list[click.Command]`;
this list is the one place they are registered.
"""

from __future__ import annotations

import importlib
import logging

import click

from claimledger import __version__
from claimledger.cli.common import LedgerGroup, global_options

COMMAND_MODULES = (
    "ledger_cmds",
    "extract_cmds",
    "check_cmds",
    "flow_cmds",
    "web_cmds",
    "maintenance_cmds",
    "watch_cmds",
    "export_cmds",
)


@click.group(cls=LedgerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@global_options
@click.version_option(__version__, prog_name="claimledger")
def main() -> None:
    """Turn news articles into a sourced, cross-checked ledger of figures.

    --db and --aliases work before or after the command.
    """
    quiet_libraries()


# Parsers that log a warning before raising the error we report anyway, on one line.
NOISY_LOGGERS = ("pypdf", "trafilatura", "htmldate", "courlan", "charset_normalizer")


def quiet_libraries() -> None:
    """Keep third-party warnings off stderr, where each bad input gets one error line."""
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)


def _register() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for command in module.commands:
            main.add_command(command)


_register()

__all__ = ["COMMAND_MODULES", "main"]
