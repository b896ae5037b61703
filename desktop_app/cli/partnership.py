"""Command-line steps for the partnership at a glance and the partnership folder."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

from desktop_app.cli.common import Subcommands, needs_db, opened
from desktop_app.domain.partnership_glance import US, MatchDecision, OneSide
from desktop_app.services.container import AppServices


class _Steps:
    @staticmethod
    def _school_id(services: AppServices, urn: str) -> int:
        school = services.schools.by_urn(urn.strip())
        if school is None:
            raise LookupError(f"There is no school with URN {urn} in this file.")
        return school.id

    @staticmethod
    def _partnership_id(services: AppServices, school_id: int, name: str) -> int:
        found = [
            p
            for p in services.partnership_glance.partnerships(school_id)
            if p.name.casefold() == name.strip().casefold()
        ]
        if not found:
            raise LookupError(f"This school has no partnership called “{name}”.")
        return found[0].id

    def folder(self, args: argparse.Namespace) -> int:
        with opened(args.db) as services:
            service = services.partnership_folder
            if args.set is not None:
                service.choose_folder(args.set, check_at_start=args.check_at_start == "yes")
            elif args.check_at_start is not None:
                service.set_check_at_start(args.check_at_start == "yes")
            settings = service.settings()
        if settings.folder is None:
            print("No partnership folder chosen yet (use --set FOLDER).")
        else:
            at_start = "yes" if settings.check_at_start else "no"
            print(
                f"Partnership folder: {settings.folder}\nCheck for new files at start: {at_start}"
            )
        return 0

    def send(self, args: argparse.Namespace) -> int:
        with opened(args.db) as services:
            school_id = self._school_id(services, args.school)
            partnership = services.partners.get_partnership(
                self._partnership_id(services, school_id, args.partnership)
            )
            lines = services.partnership_folder.share_with(
                school_id, list(partnership.member_ids), datetime.now(UTC)
            )
        print("\n".join(lines))
        return 0

    def list_files(self, args: argparse.Namespace) -> int:
        with opened(args.db) as services:
            listing = services.partnership_folder.listing(self._school_id(services, args.school))
        files = listing.files if args.all else tuple(listing.new_files())
        print(f"{len(listing.new_files())} new file(s) in {listing.folder}")
        for f in files:
            print(f"{f.state.label}: {f.name}: {f.detail}")
        if listing.more_not_listed:
            print(f"{listing.more_not_listed} more files were not read.")
        return 0

    def import_files(self, args: argparse.Namespace) -> int:
        with opened(args.db) as services:
            listing = services.partnership_folder.listing(self._school_id(services, args.school))
            new = listing.new_files()
            if args.file:
                wanted = set(args.file)
                missing = wanted - {f.name for f in new}
                if missing:
                    raise LookupError(
                        "Not a new file for this school in the folder: "
                        + ", ".join(sorted(missing))
                    )
                new = [f for f in new if f.name in wanted]
            if not new:
                print("Nothing new to import.")
            for incoming in new:
                preview = services.partnership_folder.preview(incoming)
                print(f"{incoming.name}:")
                for line in services.partnership_folder.preview_lines(preview):
                    print(f"  {line}")
                if preview.can_apply:
                    message, _ = services.partnership_folder.apply(preview)
                    print(f"  {message}")
        return 0

    def glance(self, args: argparse.Namespace) -> int:
        with opened(args.db) as services:
            school_id = self._school_id(services, args.school)
            g = services.partnership_glance.glance(
                school_id,
                self._partnership_id(services, school_id, args.partnership),
                args.today or date.today(),
            )
        print(
            f"{g.partnership.name}: {len(g.members)} member schools, files received from "
            f"{g.members_with_files}. No joint review agreed yet."
        )
        print("Who gives to whom (dropped promises not counted):")
        for key, name in g.matrix.schools:
            given, received = g.matrix.given_by(key), g.matrix.received_by(key)
            joint = g.matrix.joint.get(key)
            who = f"{name} (us)" if key == US else name
            print(
                f"  {who}: gives {given.describe()}; receives {received.describe()}; "
                f"joint work {joint.describe() if joint else 'none'}"
            )
        ours = sum(o.side is OneSide.OURS for o in g.one_sided)
        print(f"Recorded by one side only: {ours} by us, {len(g.one_sided) - ours} by a member.")
        waiting = [m for m in g.matches if m.decision is MatchDecision.SUGGESTED]
        print(f"Suggested matches waiting for a decision: {len(waiting)}")
        for m in waiting:
            print(
                f"  --ours {m.ours.commitment_id} --theirs {m.theirs.commitment_id}: "
                f"“{m.ours.what}” / “{m.theirs.what}” ({g.name(m.theirs.partner_id)})"
            )
        return 0

    def match(self, args: argparse.Namespace) -> int:
        decision = {
            "confirm": MatchDecision.CONFIRMED,
            "reject": MatchDecision.REJECTED,
            "reconsider": None,
        }[args.decision]
        with opened(args.db) as services:
            school_id = self._school_id(services, args.school)
            edit = services.partnership_glance.decide(school_id, args.ours, args.theirs, decision)
        print(f"Saved: {edit.label}.")
        return 0


def add_commands(subs: Subcommands) -> None:
    steps = _Steps()

    folder = subs.add_parser(
        "partnership-folder", help="show or choose the folder the schools share through file sync"
    )
    needs_db(folder)
    folder.add_argument("--set", type=Path, help="the shared folder to use")
    folder.add_argument(
        "--check-at-start", choices=["yes", "no"], help="look for new files when the app starts"
    )
    folder.set_defaults(func=steps.folder)

    def school_and_partnership(sub: argparse.ArgumentParser, *, partnership: bool) -> None:
        needs_db(sub)
        sub.add_argument("--school", required=True, help="our school's URN")
        if partnership:
            sub.add_argument("--partnership", required=True, help="the partnership's name")

    send = subs.add_parser(
        "folder-send", help="save our share file for each member of a partnership in the folder"
    )
    school_and_partnership(send, partnership=True)
    send.set_defaults(func=steps.send)

    listing = subs.add_parser(
        "folder-list", help="list the new files in the partnership folder addressed to a school"
    )
    school_and_partnership(listing, partnership=False)
    listing.add_argument("--all", action="store_true", help="list every file, not only new ones")
    listing.set_defaults(func=steps.list_files)

    imp = subs.add_parser(
        "folder-import", help="import new files from the partnership folder, showing each preview"
    )
    school_and_partnership(imp, partnership=False)
    imp.add_argument(
        "--file", action="append", help="only this file (repeat for more); default: every new one"
    )
    imp.set_defaults(func=steps.import_files)

    glance = subs.add_parser(
        "partnership",
        help="one partnership at a glance: who gives to whom, one-sided promises, matches",
    )
    school_and_partnership(glance, partnership=True)
    glance.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    glance.set_defaults(func=steps.glance)

    match = subs.add_parser(
        "match", help="confirm or reject a suggested pair of promises (ids from 'partnership')"
    )
    school_and_partnership(match, partnership=False)
    match.add_argument("decision", choices=["confirm", "reject", "reconsider"])
    match.add_argument("--ours", type=int, required=True, help="our commitment's id")
    match.add_argument("--theirs", type=int, required=True, help="the member's commitment's id")
    match.set_defaults(func=steps.match)
