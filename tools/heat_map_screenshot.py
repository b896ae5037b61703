"""Screenshot the joint review's heat map in a real window, for the README.

Builds a lead and four member schools in a temporary folder, runs the review through real
files up to the comparison, and grabs the Joint partnership review window.
Run under a display:  xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/heat_map_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.domain.levels import Confidence, Level  # noqa: E402
from desktop_app.domain.partners import (  # noqa: E402
    PartnerSchoolDetails,
    PartnershipDetails,
    PartnershipType,
)
from desktop_app.domain.school import SchoolDetails  # noqa: E402
from desktop_app.services.container import open_services  # noqa: E402
from desktop_app.ui.dialogs.joint_review_dialog import JointReviewDialog  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402

MEMBERS = [
    ("100002", "Birch Academy", [3, 3, 2, 3, 2, 3, 3, 2, 2, 1, 2, 2]),
    ("100003", "Cedar Infant School", [1, 2, 2, 2, 2, 3, 4, 2, 2, 2, 1, 2]),
    ("100004", "Ysgol Bryn Dŵr", [2, 3, 2, 2, 3, 3, 3, 3, 2, 2, 2, 3]),
    ("100005", "St Hilda's CE Primary", [2, 2, 1, 2, 2, 4, 3, 2, 3, 2, 2, 2]),
]
LEAD = [2, 3, 2, 2, 2, 3, 3, 2, 2, 2, 2, 2]


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    out = ROOT / "docs" / "screenshots" / "joint-heat-map.png"
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lead = open_services(folder / "lead.sqlite3")
        school, _ = lead.schools.create_school(SchoolDetails("Alder Primary", "100001", "Primary"))
        ids = [
            lead.partners.create_partner(PartnerSchoolDetails(name, urn))[0].id
            for urn, name, _ in MEMBERS
        ]
        partnership, _ = lead.partners.create_partnership(
            school.id, PartnershipDetails("Riverside Cluster", PartnershipType.CLUSTER, tuple(ids))
        )
        framework = lead.catalogue.latest()
        round_, _ = lead.joint_reviews.start(
            school.id, partnership.id, "Joint review 2027", date(2027, 3, 12), framework
        )
        strands = [s.id for s in framework.strands()]
        for strand, level in zip(strands, LEAD, strict=True):
            lead.joint_reviews.rate_as_lead(
                round_.id, strand, Level(level), "Seen in our joint lesson study.", Confidence.HIGH
            )
        requests = lead.joint_reviews.send_requests(round_.id, folder)
        for urn, name, levels in MEMBERS:
            member = open_services(folder / f"{urn}.sqlite3", lead.catalogue)
            member_school, _ = member.schools.create_school(SchoolDetails(name, urn, "Primary"))
            request = next(p for p in requests if urn in p.name)
            member.joint_imports.apply(member.joint_imports.preview_file(request))
            (received,) = member.joint_ratings.requests(member_school.id)
            for strand, level in zip(strands, levels, strict=True):
                member.joint_ratings.rate(
                    received.id,
                    strand,
                    Level(level),
                    f"{name}: two staff coached across schools this year; "
                    "impact checked at the spring peer review.",
                    Confidence.MEDIUM,
                )
            member.joint_ratings.write_return(received.id, folder / f"ratings-{urn}.json")
            member.close()
        returns = folder / "returns"
        returns.mkdir()
        for path in folder.glob("ratings-*.json"):
            path.rename(returns / path.name)
        lead.joint_imports.apply_folder(lead.joint_imports.preview_folder(returns))
        window = MainWindow(lead, today=date(2027, 3, 12))
        window.resize(1600, 950)
        window.show()
        settle()
        window.ctx.select(school.id, round_.id)
        dialog = JointReviewDialog(window.ctx, round_.id, window)
        dialog.resize(1600, 860)
        dialog.show()
        dialog.table.selectionModel().select(
            dialog.model.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        settle(800)
        out.parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(out))
        print(f"saved {out}")
        dialog.close()
        window.close()
        lead.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
