"""What a freshly started window has loaded: the first page's code, not the other pages',
nor libraries only a later action needs (a fresh process, as sys.modules is per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop_app.ui.navigation import PAGE_SPECS

_PROBE = """
import json, linecache, sys
sys.path.insert(0, sys.argv[1])
from desktop_app.app import main
code = main(["--db", sys.argv[2], "--exit-when-ready"])
feature = sys.modules["PySide6.support.feature"]
print(json.dumps({
    "code": code,
    "modules": sorted(sys.modules),
    "sources_kept": [f for f in linecache.cache if "desktop_app" in f],
    "uses_pyside": {
        name: feature.pyside_feature_dict.get(name)
        for name in ("desktop_app.ui.main_window", "desktop_app.domain.levels")
    },
}))
"""

#: Loaded only when something needs them: PDFs, OpenSSL (checksums and new references,
#: about 4 MiB), reading CSV files, the GIAS and partner dialogs, and the joint-review code
#: (the overview asks for it only for a school that keeps an agreed partnership profile).
_LATER = (
    "reportlab",
    "desktop_app.services.joint_review_service",
    "desktop_app.storage.repositories.joint_reviews",
    "desktop_app.domain.joint_review",
    "desktop_app.reports",
    "_hashlib",
    "hashlib",
    "secrets",
    "csv",
    "desktop_app.ui.dialogs",
    "desktop_app.ui.models.partner_table_model",
    "desktop_app.ui.models.commitment_table_model",
)


def _run(probe: str, sample_db: Path, tmp_path: Path) -> Any:
    """The probe's last line of output, as JSON, from a fresh interpreter on the sample."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", probe, str(root), str(sample_db)],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PARTNERSHIP_COMPASS_DATA": str(tmp_path / "data"),
        },
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_started_window_has_loaded_only_what_its_first_page_needs(
    sample_db: Path, tmp_path: Path
) -> None:
    found = _run(_PROBE, sample_db, tmp_path)
    assert found["code"] == 0
    modules = set(found["modules"])
    assert "desktop_app.ui.pages.overview_page" in modules  # the page on screen
    not_shown = [spec.page_class.split(":")[0] for spec in PAGE_SPECS if spec.key != "overview"]
    assert not modules & set(not_shown)
    loaded_later = [m for m in modules if any(m == p or m.startswith(p + ".") for p in _LATER)]
    assert loaded_later == []
    # PySide6 still tells which modules use it, without keeping a copy of their source.
    assert found["sources_kept"] == []
    assert found["uses_pyside"] == {
        "desktop_app.ui.main_window": 0,
        "desktop_app.domain.levels": -1,
    }


_PAGES_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
from desktop_app.ui.main_window import MainWindow
from desktop_app.services.container import open_services
app = QApplication([])
window = MainWindow(open_services(sys.argv[2], backup_on_close=False))
window.show()
app.processEvents()
window.finish_start()
for key in ("partners", "commitments", "assessment"):
    window.show_page(key)
    app.processEvents()
window.close()
print(json.dumps(sorted(sys.modules)))
"""

#: Still not loaded once the partner, commitments and self-assessment pages are shown:
#: the GIAS file reader (only an import reads a file) and the joint-review code (only a
#: school with an agreed partnership profile, or a joint review, needs it).
_NOT_FOR_THESE_PAGES = (
    "csv",
    "desktop_app.services.gias_import",
    "desktop_app.services.joint_review_service",
    "desktop_app.storage.repositories.joint_reviews",
    "desktop_app.domain.joint_review",
)


def test_the_busiest_pages_load_only_what_they_show(sample_db: Path, tmp_path: Path) -> None:
    modules = set(_run(_PAGES_PROBE, sample_db, tmp_path))
    assert "desktop_app.ui.pages.partner_register_tab" in modules  # the pages were shown
    assert "desktop_app.services.directory_service" in modules  # closed partners asked
    assert not modules & set(_NOT_FOR_THESE_PAGES)
