"""Addresses on the public internet, for the requests Masthead makes to
addresses others chose (webhooks' receivers, pictures named in a
WordPress export): a name is resolved once, refused when any of its
addresses is not public (loopback, private, link-local, cloud metadata,
IPv4 hidden in IPv6), and the connection goes to the address checked, so
that the name cannot point elsewhere between the check and the request.
"""

import http.client
import ipaddress
import socket
import ssl
from typing import Any


class NotPublic(OSError):
    """The address may not be connected to: it is not on the public internet."""


def public_address(host: str, port: int, *, allow_private: bool = False) -> str:
    """The address to connect to for ``host``; NotPublic when any of its
    addresses is not public (unless ``allow_private``)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise NotPublic(f"{host} has no address")
    if not allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise NotPublic(f"{host} is at {address}, which is not a public address")
    return addresses[0]


def is_public_address(address: str) -> bool:
    """True for an address on the public internet.

    >>> is_public_address("93.184.215.14"), is_public_address("10.0.0.1")
    (True, False)
    >>> is_public_address("::1"), is_public_address("::ffff:127.0.0.1")
    (False, False)

    An IPv4 address inside IPv6 (mapped, 6to4, Teredo, NAT64) is judged as
    the IPv4 address it reaches:

    >>> is_public_address("2002:a00:1::"), is_public_address("64:ff9b::a00:1")
    (False, False)
    >>> is_public_address("64:ff9b::5db8:d70e")
    True
    """
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _LOCAL_NAT64:
            return False
        ip = (
            ip.ipv4_mapped
            or ip.sixtofour
            or (ip.teredo and ip.teredo[1])
            or (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
            or ip
        )
    return ip.is_global and not ip.is_multicast


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052: IPv4 in its last 32 bits
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215: local use


class PublicHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to public addresses only: ``connect`` resolves the
    host once, checks its addresses (``public_address``) and connects to
    the one checked. ``allow_private`` lifts the check."""

    def __init__(
        self, host: str, port: int | None = None, *, allow_private: bool = False, **kwargs: Any
    ):
        super().__init__(host, port, **kwargs)
        self.allow_private = allow_private

    def connect(self) -> None:
        address = public_address(self.host, self.port, allow_private=self.allow_private)
        self.sock = socket.create_connection((address, self.port), self.timeout)


class PublicHTTPSConnection(http.client.HTTPSConnection):
    """The same over TLS; the certificate is checked for the host's name."""

    def __init__(
        self, host: str, port: int | None = None, *, allow_private: bool = False, **kwargs: Any
    ):
        kwargs.setdefault("context", ssl.create_default_context())
        super().__init__(host, port, **kwargs)
        self.allow_private = allow_private

    def connect(self) -> None:
        address = public_address(self.host, self.port, allow_private=self.allow_private)
        sock = socket.create_connection((address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]
