"""Starting the app must not load ReportLab or pikepdf: they load on the first export."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import desktop_app.app, desktop_app.cli
from desktop_app.services.container import open_services
import desktop_app.ui.main_window
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pikepdf'))
print(','.join(loaded))
"""


def test_start_up_imports_neither_reportlab_nor_pikepdf() -> None:
    env_python = sys.executable
    result = subprocess.run(
        [env_python, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
