"""What the PyInstaller bundle leaves out, and why: used by partnership_compass.spec.

Kept apart from the spec so tests can check the rules against Linux, Windows and macOS
paths (tests/packaging/), since only a Linux bundle can be built here.

A TOC entry is (dest, src, kind): dest is the path inside the bundle, e.g.
  Linux/macOS: PySide6/Qt/plugins/platforms/libqxcb.so, PySide6/Qt/translations/qt_de.qm
  Windows:     PySide6/plugins/platforms/qwindows.dll,  PySide6/translations/qt_de.qm
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

Entry = tuple[str, str, str]

# Python modules that are never used by the app, but that something may import optionally.
# tests/packaging checks that the app's own code imports none of them.
EXCLUDED_MODULES: list[str] = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    "test",
    "pytest",
    "hypothesis",
    "mypy",
    "IPython",
    "numpy",
    # The app never touches the network, so Python's TLS layer (and OpenSSL's libssl) can go.
    # urllib and http.client, which ReportLab imports, treat a missing ssl module as optional.
    "ssl",
    "_ssl",
    # Pillow comes with ReportLab and pikepdf. Keep its core (PNG/JPEG for PDF images); leave out
    # its Tk bridge and AVIF support (a 5 MB library).
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    # pikepdf only needs lxml.etree; lxml's hook would otherwise take every submodule (about 4 MB).
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    # An interactive-console nicety that links libreadline and libtinfo.
    "readline",
    # Qt modules the app does not use. PySide6-Essentials ships several of them; none is imported,
    # but listing them keeps a stray optional import from dragging in tens of megabytes.
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtStateMachine",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtCharts",
    "PySide6.QtGraphs",
]

# QtSvg renders the icon and SVG charts (ReportLab drawings shown on screen). ReportLab and pikepdf
# are runtime dependencies in pyproject.toml and are imported lazily; listing them here keeps the
# bundle complete whichever command or page first imports them.
HIDDEN_IMPORTS: list[str] = ["PySide6.QtSvg", "PySide6.QtSvgWidgets", "reportlab", "pikepdf"]

# Qt plugins: keep only the categories the app needs. A category not listed is dropped whole;
# within a listed one, only the named plugins are kept (None keeps them all).
#   platforms: xcb (X11, and Wayland sessions through XWayland), offscreen (headless smoke
#     tests), windows, cocoa, minimal. Leaving out the Wayland plugin saves its client libraries.
#   imageformats: svg, ico (Windows icon), jpeg, icns (macOS); PNG is built into QtGui.
#   iconengines: the SVG icon engine (the window icon is an SVG).
#   platformthemes: the XDG desktop portal (native file dialogs on GNOME/KDE, through D-Bus).
#     The GTK3 theme plugin is left out: it would bundle half a GTK stack (cairo, pango,
#     harfbuzz) that then clashes with the system's own GTK.
#   platforminputcontexts: compose keys and IBus, for typing accents (Welsh ŵ, ŷ).
#   styles: Windows 11 / Vista styles.
#   printsupport: Windows' and macOS's own printer plugins. The Linux CUPS plugin is left out:
#     it drags in GnuTLS and Kerberos (about 8 MB), and reports are PDFs, printed from a viewer.
#   xcbglintegrations: used by xcb when a widget asks for OpenGL; small, so kept to be safe.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa", "qminimal"},
    "imageformats": {"qsvg", "qico", "qjpeg", "qicns"},
    "iconengines": None,
    "platformthemes": {"qxdgdesktopportal"},
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "styles": None,
    "printsupport": {"windowsprintersupport", "cocoaprintersupport"},
    "xcbglintegrations": None,
}

_PLUGIN = re.compile(r"^PySide6/(?:Qt/)?plugins/(?P<category>[^/]+)/(?P<file>[^/]+)$")
_TRANSLATIONS = re.compile(r"^PySide6/(?:Qt/)?translations(?:/|$)")


def plugin_name(file_name: str) -> str:
    """libqxcb.so -> qxcb; qwindows.dll -> qwindows; libqcocoa.dylib -> qcocoa."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str) -> bool:
    """Whether one file (its path inside the bundle) belongs in the bundle."""
    path = dest.replace("\\", "/")
    file_name = path.rsplit("/", 1)[-1]
    # The .icns goes into the macOS .app's own Resources folder; bundles need svg/png/ico.
    if path.startswith("resources/icons/") and file_name.endswith(".icns"):
        return False
    # Qt's own translations (about 14 MB): the app's text is English only.
    if _TRANSLATIONS.match(path):
        return False
    plugin = _PLUGIN.match(path)
    if plugin:
        wanted = KEEP_PLUGINS.get(plugin["category"], set())
        return wanted is None or plugin_name(plugin["file"]) in wanted
    # Windows: Mesa's software OpenGL (about 20 MB) is only a fallback for OpenGL windows
    # (QOpenGLWidget, Qt Quick) on machines without a GPU driver; the app draws with widgets.
    return file_name.lower() != "opengl32sw.dll"


def library_key(name: str) -> str:
    """How a shared library is matched between a TOC entry and another library's imports."""
    return PurePosixPath(name.replace("\\", "/")).name.lower()


def orphaned_libraries(
    dropped_sources: Iterable[str],
    binaries: Iterable[Entry],
    imports_of: Callable[[str], Iterable[str]],
) -> set[str]:
    """Library keys bundled only because a dropped file linked them.

    PyInstaller resolves binary dependencies before the spec can drop plugins, so the GTK
    theme's cairo and pango, or the CUPS plugin's GnuTLS and Kerberos, would stay behind.
    A library goes only if a dropped file needed it and no kept file (other than such
    candidates) does. Anything loaded at run time by name (ctypes, dlopen) is in neither
    set, and so stays. imports_of(src) gives the names a binary links against.
    """
    binaries = list(binaries)
    by_key = {library_key(dest): src for dest, src, kind in binaries if kind == "BINARY"}

    def closure(roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            for name in imports_of(stack.pop()):
                key = library_key(name)
                if key in by_key and key not in seen:
                    seen.add(key)
                    stack.append(by_key[key])
        return seen

    candidates = closure(dropped_sources)
    roots = [src for dest, src, _ in binaries if library_key(dest) not in candidates]
    return candidates - closure(roots)


def without_dangling_links(entries: list[Entry], kept_dests: set[str]) -> list[Entry]:
    """Drop SYMLINK entries (PyInstaller's top-level links to Qt libraries on Linux) whose
    target is no longer in the bundle."""
    result = []
    for dest, target, kind in entries:
        if kind == "SYMLINK":
            parent = posixpath.dirname(dest.replace("\\", "/"))
            resolved = posixpath.normpath(posixpath.join(parent, target.replace("\\", "/")))
            if resolved not in kept_dests:
                continue
        result.append((dest, target, kind))
    return result
