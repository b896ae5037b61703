"""The rules that decide what goes into the PyInstaller bundle (packaging/bundle_filter.py).

Only a Linux bundle can be built here, so the Windows and macOS layouts are checked by path.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

LINUX_KEPT = [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libicudata.so.73",
    "resources/fonts/DejaVuSans.ttf",
    "resources/frameworks/hargreaves-2012.json",
    "resources/icons/partnership-compass.svg",
    "resources/icons/partnership-compass.ico",
]
LINUX_LEFT_OUT = [
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "resources/icons/partnership-compass.icns",
]
WINDOWS_KEPT = [
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/plugins/imageformats/qico.dll",
    "PySide6/plugins/iconengines/qsvgicon.dll",
    "PySide6/Qt6Core.dll",
    "PySide6/Qt6Widgets.dll",
    "PySide6/icuuc.dll",
]
WINDOWS_LEFT_OUT = [
    "PySide6\\translations\\qtbase_fr.qm",
    "PySide6/translations/qtwebengine_locales/en-GB.pak",
    "PySide6/plugins/platforms/qdirect2d.dll",
    "PySide6/plugins/imageformats/qwebp.dll",
    "PySide6/plugins/networkinformation/qnetworklistmanager.dll",
    "PySide6/plugins/tls/qschannelbackend.dll",
    "PySide6/opengl32sw.dll",
]
MAC_KEPT = [
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/printsupport/libcocoaprintersupport.dylib",
]


@pytest.mark.parametrize("dest", LINUX_KEPT + WINDOWS_KEPT + MAC_KEPT)
def test_what_the_app_needs_is_kept(bundle_filter: ModuleType, dest: str) -> None:
    assert bundle_filter.keep(dest)


@pytest.mark.parametrize("dest", LINUX_LEFT_OUT + WINDOWS_LEFT_OUT)
def test_what_the_app_does_not_use_is_left_out(bundle_filter: ModuleType, dest: str) -> None:
    assert not bundle_filter.keep(dest)


def test_installed_qt_plugins_are_cut_to_the_needed_few(bundle_filter: ModuleType) -> None:
    """Against the PySide6 actually installed: every category is decided, and only a few stay."""
    import PySide6

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    if not plugins.is_dir():
        plugins = Path(PySide6.__file__).parent / "plugins"
    prefix = "PySide6/Qt/plugins" if plugins.parent.name == "Qt" else "PySide6/plugins"
    found = [p for p in plugins.rglob("*") if p.is_file()]
    kept = {
        bundle_filter.plugin_name(p.name)
        for p in found
        if bundle_filter.keep(f"{prefix}/{p.relative_to(plugins).as_posix()}")
    }
    assert len(found) > 30
    assert {"qoffscreen", "qsvgicon", "qsvg"} <= kept
    assert len(kept) <= 16, sorted(kept)
    assert not {name for name in kept if "wayland" in name or "gtk" in name or "qml" in name}


def test_libraries_only_dropped_plugins_needed_go_too(bundle_filter: ModuleType) -> None:
    links = {
        "/src/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2", "libQt6Gui.so.6"],
        "/src/libcairo.so.2": ["libpixman-1.so.0", "libX11.so.6"],
        "/src/libqxcb.so": ["libX11.so.6", "libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libglib-2.0.so.0"],
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/src/libpixman-1.so.0", "BINARY"),
        ("libX11.so.6", "/src/libX11.so.6", "BINARY"),
        ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
        # Loaded by name at run time (ctypes): nothing links it, so it must stay.
        ("libdlopened.so.1", "/src/libdlopened.so.1", "BINARY"),
    ]
    orphans = bundle_filter.orphaned_libraries(
        ["/src/libqgtk3.so"], binaries, lambda src: links.get(src, [])
    )
    assert orphans == {"libcairo.so.2", "libpixman-1.so.0"}


def test_windows_library_names_match_whatever_their_case(bundle_filter: ModuleType) -> None:
    binaries = [("PySide6\\Qt6Network.dll", "C:\\x\\Qt6Network.dll", "BINARY")]
    orphans = bundle_filter.orphaned_libraries(
        ["C:\\x\\qtls.dll"], binaries, lambda src: ["QT6NETWORK.DLL"] if "qtls" in src else []
    )
    assert orphans == {"qt6network.dll"}


def test_links_to_removed_libraries_are_dropped(bundle_filter: ModuleType) -> None:
    entries = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "SYMLINK"),
        ("resources/fonts/DejaVuSans.ttf", "/src/DejaVuSans.ttf", "DATA"),
    ]
    kept = {"PySide6/Qt/lib/libQt6Core.so.6", "resources/fonts/DejaVuSans.ttf"}
    assert [dest for dest, _, _ in bundle_filter.without_dangling_links(entries, kept)] == [
        "libQt6Core.so.6",
        "resources/fonts/DejaVuSans.ttf",
    ]


def _modules_imported_by_the_app() -> dict[str, str]:
    """Every module the app's own code imports (at any depth in a function), with where."""
    import ast

    root = Path(__file__).resolve().parents[2]
    found: dict[str, str] = {}
    for source in sorted((root / "desktop_app").rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                found.setdefault(name, f"{source.relative_to(root)}:{node.lineno}")
    return found


def test_the_app_imports_nothing_the_bundle_leaves_out(bundle_filter: ModuleType) -> None:
    """A page importing, say, QtNetwork or ssl would work from source and fail in the bundle."""
    imported = _modules_imported_by_the_app()
    assert "PySide6.QtWidgets" in imported  # the walk does see the app's imports
    excluded = set(bundle_filter.EXCLUDED_MODULES)
    clashes = {
        name: where
        for name, where in imported.items()
        if any(name == ex or name.startswith(ex + ".") for ex in excluded)
    }
    assert not clashes, (
        f"imports that the spec excludes (see packaging/bundle_filter.py): {clashes}"
    )
