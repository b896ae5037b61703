"""Screenshot the main screens in a real window, for the README and for looking at.

Run under a display, e.g.:  xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py
Options: --size 1366x768 (window size), --font-scale 1.5 (simulate large system fonts).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.none_refcount_guard import protect_none  # noqa: E402
from desktop_app.services.changes import Changes, Topic  # noqa: E402
from desktop_app.services.container import AppServices, open_services  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def seed_meeting(services: AppServices) -> None:
    """Three governors' views of the first strands, one disagreement, one agreed level."""
    from desktop_app.domain.levels import Level
    from desktop_app.domain.moderation import RaterRole

    school = services.schools.list_schools()[0]
    round_id = services.assessment.rounds(school.id)[0].id
    jpd, talent = "joint-practice-development", "talent-identification"
    people = [
        ("Amira Shah", RaterRole.CHAIR_OF_GOVERNORS, Level.EMBEDDING, Level.DEVELOPING),
        ("Tom Ellis", RaterRole.GOVERNOR, Level.BEGINNING, Level.DEVELOPING),
        ("Rhian Price", RaterRole.PARTNER_REVIEWER, Level.DEVELOPING, Level.EMBEDDING),
    ]
    for name, role, first, second in people:
        rater, _ = services.moderation.add_rater(school.id, name, role)
        services.moderation.record_rating(
            round_id, jpd, rater.id, first, f"{name.split()[0]}'s notes from the visits"
        )
        services.moderation.record_rating(round_id, talent, rater.id, second)
    services.moderation.agree_level(
        round_id,
        talent,
        Level.DEVELOPING,
        "Two of three saw talent spotted in pairs of schools, not yet across all.",
        "Full governing board",
    )


def show_partnership(app: QApplication, window: MainWindow, out: Path, suffix: str) -> None:
    """A cluster of eight schools with their files imported (tools/partnership_sample.py):
    the page's first tab, then its suggested matches."""
    sys.path.insert(0, str(ROOT / "tools"))
    from partnership_sample import build_partnership

    from desktop_app.ui.pages.partnership_page import PartnershipPage

    services = window.ctx.services
    school_id, _ = build_partnership(
        services, members=8, per_member=60, own_per_member=12, today=window.today
    )
    window.select(school_id, None)
    window.show_page("partnership")
    page = window.page("partnership")
    assert isinstance(page, PartnershipPage)
    settle(app, 800)
    window.grab().save(str(out / f"partnership{suffix}.png"))
    page.tabs.setCurrentIndex(1)
    page.select_match_row(0)
    settle(app)
    window.grab().save(str(out / f"partnership-matches{suffix}.png"))
    print(f"saved partnership{suffix}.png and partnership-matches{suffix}.png")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--font-scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--pages", default="welcome,overview,assessment")
    parser.add_argument("--high-contrast", action="store_true")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    protect_none()
    app = QApplication(sys.argv)
    if args.font_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
    if args.high_contrast:
        from desktop_app.ui.theme import apply_theme

        apply_theme(True, app)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        services = open_services(Path(folder) / "shots.sqlite3")
        window = MainWindow(services, today=date(2026, 11, 23))
        window.resize(width, height)
        window.show()
        settle(app)
        window.finish_start()  # already done if the window painted while settling
        wanted = args.pages.split(",")
        if "welcome" in wanted:
            window.grab().save(str(args.out / f"welcome{args.suffix}.png"))
        window.open_sample()
        if {"moderation", "presentation"} & set(wanted):
            seed_meeting(services)
            window.ctx.notify(Changes.of(Topic.RATINGS))
        for key in wanted:
            if key == "welcome":
                continue
            if key == "partnership":
                show_partnership(app, window, args.out, args.suffix)
                continue
            if key == "presentation":
                shown = window.meeting.present()
                settle(app)
                if shown is not None:
                    # Without a window manager Xvfb ignores full screen: size it by hand.
                    shown.resize(width, height)
                    settle(app)
                    shown.grab().save(str(args.out / f"{key}{args.suffix}.png"))
                    shown.close()
                print(f"saved {key}{args.suffix}.png")
                continue
            if key.startswith("plan-"):  # the plan page's impact and monitoring tabs
                window.show_page("plan")
                plan_page = window.page("plan")
                plan_page.impact_tabs.setCurrentIndex(0 if key == "plan-impact" else 1)  # type: ignore[attr-defined]
                settle(app)
                window.grab().save(str(args.out / f"{key}{args.suffix}.png"))
                print(f"saved {key}{args.suffix}.png")
                continue
            window.show_page(key)
            settle(app)
            window.grab().save(str(args.out / f"{key}{args.suffix}.png"))
            print(f"saved {key}{args.suffix}.png")
        window.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
