"""The network guard works, and no app module imports networking."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest
from no_network import NetworkUsed

APP = Path(__file__).resolve().parent.parent / "desktop_app"
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "ftplib",
    "smtplib",
    "requests",
    "httpx",
    "aiohttp",
    "xmlrpc",
    "PySide6.QtNetwork",
    "PySide6.QtWebSockets",
}


def test_guard_refuses_every_way_out() -> None:
    with pytest.raises(NetworkUsed, match="offline"):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkUsed):
        s.connect(("127.0.0.1", 9))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s, pytest.raises(NetworkUsed):
        s.connect_ex(("127.0.0.1", 9))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s, pytest.raises(NetworkUsed):
        s.connect("/tmp/nothing-here")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_app_module_imports_networking() -> None:
    offenders = {}
    for path in APP.rglob("*.py"):
        bad = {
            name
            for name in _imports(path)
            if any(name == m or name.startswith(m + ".") for m in NETWORK_MODULES)
        }
        if bad:
            offenders[str(path.relative_to(APP))] = sorted(bad)
    assert not offenders, f"networking imported by: {offenders}"
