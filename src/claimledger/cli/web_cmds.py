"""`claimledger serve`: the local web workbench over the ledger."""

from __future__ import annotations

import socket

import click

from claimledger.cli.common import allow_private_option, global_options, options
from claimledger.errors import UsageError
from claimledger.store.postgres import is_database_url

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening-ready socket on host:port (port 0 picks a free one); UsageError if taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        reason = (exc.strerror or str(exc)).lower()
        raise UsageError(
            f"cannot listen on {host}:{port} ({reason}); pick another --port, or --port 0 "
            "for a free one"
        ) from exc
    return sock


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port to listen on; 0 picks a free one.",
)
@allow_private_option
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this Host name (a proxy's or LAN name); repeatable.",
)
@global_options
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, allow_private: bool, allow_hosts: tuple[str, ...]
) -> None:
    """Serve the web workbench over the ledger until interrupted (Ctrl-C).

    Prints `Serving on http://HOST:PORT/` first. It listens on 127.0.0.1 only unless
    --host says otherwise: the pages show the ledger to anyone who can reach the port.
    It answers only requests addressed to the bound host's names (see --allow-host) and
    refuses forms posted from other sites.
    """
    try:
        import uvicorn

        from claimledger.web import create_app
        from claimledger.web.security import host_names
    except ImportError as exc:
        raise UsageError(
            f"the web workbench needs its extras ({exc.name} is missing); "
            "install them with: pip install 'claimledger[web]'"
        ) from exc
    path = options(ctx).ledger_path()
    existed = is_database_url(path) or path.exists()
    app = create_app(
        path,
        registry=options(ctx).registry(),
        hosts=host_names(host, allow_hosts),
        allow_private=allow_private,
    )
    sock = bind_socket(host, port)
    click.echo(f"Serving on {url_for(host, sock.getsockname()[1])}")
    if not existed:
        click.echo(f"note: {path} did not exist; started an empty ledger (add documents at /add)",
                   err=True)  # fmt: skip
    if host not in LOOPBACK:
        click.echo(
            f"warning: listening on {host}, not only this machine: anyone who can reach this "
            "port can read the ledger and add documents to it",
            err=True,
        )
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


commands: list[click.Command] = [serve]
