"""Which network addresses a fetch may reach: public ones only, unless the user allows private.

Checked on the addresses a host name resolves to, not on the name, so `localhost`, a name
pointing at 10.0.0.1 and an IPv4 address written inside IPv6 are all seen for what they are.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection

from claimledger.errors import InputError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOW_FLAG = "--allow-private"

# Special-purpose ranges Python's flags do not name (NAT64 and 6to4 embed an IPv4 address;
# the shared range is carrier-grade NAT, private in practice).
_EMBEDDING = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
_SHARED = ipaddress.ip_network("100.64.0.0/10")


def _embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _SIX_TO_FOUR:
        return address.sixtofour
    if any(address in net for net in _EMBEDDING):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_kind(address: Address) -> str | None:
    """Why an address is not public ('loopback', 'private', ...), None when it is public."""
    inner = _embedded_ipv4(address)
    if inner is not None:
        return address_kind(inner)
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private or address in _SHARED),
        ("site-local", isinstance(address, ipaddress.IPv6Address) and address.is_site_local),
    )
    for kind, hit in checks:
        if hit:
            return kind
    return None if address.is_global else "reserved"


def refusal(url: str, host: str, address: Address, kind: str) -> InputError:
    """The one message for a refused address: what it is and which flag allows it."""
    where = str(address) if host.strip("[]") == str(address) else f"{host} resolves to {address}"
    return InputError(
        url,
        f"cannot fetch: {where}, a {kind} address; claimledger fetches only public addresses "
        f"unless you pass {ALLOW_FLAG}",
    )


def resolve(
    url: str,
    host: str,
    port: int,
    *,
    allow_private: bool = False,
    trusted: Collection[str] = (),
) -> list[Address]:
    """The addresses to connect to for host:port, each checked; raises InputError when the
    name does not resolve or when any address it resolves to is not public (a name with one
    private answer among public ones is refused: which one a connect uses is not ours to
    choose). `trusted` lists addresses allowed although private."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"cannot fetch: cannot resolve host {host}") from exc
    addresses: list[Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not allow_private:
        for address in addresses:
            kind = address_kind(address)
            if kind is not None and str(address) not in trusted:
                raise refusal(url, host, address, kind)
    if not addresses:
        raise InputError(url, f"cannot fetch: cannot resolve host {host}")
    return addresses
