"""Make any attempt to open a network connection fail loudly (the app must never use one).

Used by tests/conftest.py for the whole test run, and by child processes that tests start.
Patches the Python socket layer: connect, connect_ex, create_connection and name lookup.
Qt's own C++ code does not go through Python sockets; tests/test_no_network_code.py checks
separately that no module of the app imports networking at all.
"""

from __future__ import annotations

import socket
from typing import Any, NoReturn

MESSAGE = (
    "A test tried to open a network connection ({what}: {target!r}). Partnership Compass "
    "must work entirely offline; find the code that reached for the network and remove it."
)


class NetworkUsed(RuntimeError):
    pass


def _refuse(what: str, target: object) -> NoReturn:
    raise NetworkUsed(MESSAGE.format(what=what, target=target))


_originals: dict[str, Any] = {}


def install() -> None:
    if _originals:
        return
    _originals.update(
        connect=socket.socket.connect,
        connect_ex=socket.socket.connect_ex,
        create_connection=socket.create_connection,
        getaddrinfo=socket.getaddrinfo,
    )

    def connect(self: socket.socket, address: Any) -> None:
        _refuse("socket.connect", address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        _refuse("socket.connect_ex", address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        _refuse("socket.create_connection", address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> list[Any]:
        _refuse("socket.getaddrinfo", host)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.create_connection = create_connection  # type: ignore[assignment]
    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]


def uninstall() -> None:
    if not _originals:
        return
    socket.socket.connect = _originals["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _originals["connect_ex"]  # type: ignore[method-assign]
    socket.create_connection = _originals["create_connection"]
    socket.getaddrinfo = _originals["getaddrinfo"]
    _originals.clear()
