"""The local web workbench: server-rendered pages over the ledger, each with a JSON twin."""

from claimledger.web.app import create_app

__all__ = ["create_app"]
