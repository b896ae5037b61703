"""PyInstaller runtime hook: on a Linux Wayland desktop, start straight on X11 (XWayland).

The bundle leaves out Qt's Wayland plugin (see bundle_filter.py). Qt would try it first in a
Wayland session, print "Could not find the Qt platform plugin", then fall back to xcb anyway.
Choosing xcb up front skips the failed attempt and the alarming message; a user's own
QT_QPA_PLATFORM still wins.
"""

import os
import sys

if sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ:
    if os.environ.get("XDG_SESSION_TYPE") == "wayland" or os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
