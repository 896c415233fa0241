"""The page groups; each module holds HTML pages and their JSON twins under /api/."""

from fastapi import APIRouter

from claimledger.web.pages import (
    add,
    checks,
    documents,
    exchange,
    figures,
    overview,
    search,
    timeline,
)

ROUTERS: list[APIRouter] = [
    overview.router,
    figures.router,
    documents.router,
    exchange.router,
    timeline.router,
    checks.router,
    search.router,
    add.router,
]
