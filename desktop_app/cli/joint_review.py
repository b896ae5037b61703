"""Command-line steps of a joint partnership review (README, "Joint partnership review")
and forgetting a partner's last file."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop_app.cli.common import Subcommands, needs_db, opened
from desktop_app.domain.levels import Confidence, Level
from desktop_app.services.container import AppServices

Command = Callable[[argparse.Namespace], int]


def _school_id(services: AppServices, urn: str) -> int:
    school = services.schools.by_urn(urn.strip())
    if school is None:
        raise LookupError(f"There is no school with URN {urn[:20]} in this file.")
    return school.id


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text[:20]}” is not a date (YYYY-MM-DD)") from None


def add_commands(subs: Subcommands) -> None:
    def add(name: str, help_text: str, fn: Command) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = subs.add_parser(name, help=help_text)
        needs_db(sub)
        sub.set_defaults(func=fn)
        return sub

    start = add("joint-start", "start a joint review of a partnership as its lead school", _start)
    start.add_argument("--school", required=True, metavar="URN", help="our (lead) school's URN")
    start.add_argument(
        "--partnership", required=True, help="the partnership's name in the register"
    )
    start.add_argument("--title", required=True, help="the review's title")
    start.add_argument("--date", type=_date, required=True, help="when it is held (YYYY-MM-DD)")
    start.add_argument("--strands", default="", help="comma-separated strand ids (default: all)")

    lst = add("joint-list", "list joint reviews, requests to rate and agreed statements", _list)
    lst.add_argument("--school", required=True, metavar="URN", help="our school's URN")

    req = add("joint-requests", "write the rating request files for every member school", _requests)
    req.add_argument("--round", type=int, required=True, help="the joint review's round id")
    req.add_argument("--out", type=Path, required=True, help="the folder to write them into")
    req.add_argument("--reply-by", type=_date, help="the date to reply by (YYYY-MM-DD)")

    imp = add("joint-import", "import a rating request, rating file or joint statement", _import)
    source = imp.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", type=Path, help="one file")
    source.add_argument("--folder", type=Path, help="every .json file in a folder, together")

    rate = add("joint-rate", "record our own rating of one strand of the partnership", _rate)
    whose = rate.add_mutually_exclusive_group(required=True)
    whose.add_argument("--request", type=int, help="the request's id (a member school)")
    whose.add_argument("--round", type=int, help="the joint review's round id (the lead school)")
    rate.add_argument("--strand", required=True, help="the strand id")
    rate.add_argument("--level", required=True, help="beginning, developing, embedding, leading")
    rate.add_argument("--summary", default="", help="a short evidence summary")
    rate.add_argument("--confidence", choices=[c.value for c in Confidence])

    ret = add("joint-return", "write our ratings to send back to the lead school", _return)
    ret.add_argument("--request", type=int, required=True, help="the request's id")
    ret.add_argument("--out", type=Path, required=True, help="the file to write")

    agree = add("joint-agree", "record a strand's joint level, or mark the review agreed", _agree)
    agree.add_argument("--round", type=int, required=True, help="the joint review's round id")
    agree.add_argument("--strand", help="the strand id")
    agree.add_argument("--level", help="the joint level agreed")
    agree.add_argument("--rationale", default="", help="why, for the record")
    agree.add_argument("--agreed-by", default="", help="who agreed it")
    agree.add_argument("--close", action="store_true", help="mark the whole review agreed")

    st = add(
        "joint-statement", "write the joint statement file for every member school", _statement
    )
    st.add_argument("--round", type=int, required=True, help="the joint review's round id")
    st.add_argument("--out", type=Path, required=True, help="the folder to write them into")

    forget = add(
        "forget-import",
        "forget the last file imported from a partner (to recover from a bad one)",
        _forget,
    )
    forget.add_argument("--school", required=True, metavar="URN", help="our school's URN")
    forget.add_argument("--partner", required=True, metavar="URN", help="the partner's URN")


def _start(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        school_id = _school_id(services, args.school)
        found = [
            p
            for p in services.partners.list_partnerships(school_id)
            if p.name.casefold() == args.partnership.strip().casefold()
        ]
        if not found:
            raise LookupError(f"There is no partnership called “{args.partnership[:60]}”.")
        strands = tuple(s.strip() for s in args.strands.split(",") if s.strip())
        round_, _ = services.joint_reviews.start(
            school_id, found[0].id, args.title, args.date, services.catalogue.latest(), strands
        )
        review = services.joint_reviews.review(round_.id)
        assert review is not None
    print(
        f"Started joint review round {round_.id} of {review.partnership_name} with "
        f"{len(review.members)} member schools and {len(review.strand_ids)} strands."
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        school_id = _school_id(services, args.school)
        for round_ in services.assessment.rounds(school_id):
            review = services.joint_reviews.review(round_.id)
            if review is None:
                continue
            back = sum(1 for m in review.members if m.returned_at)
            print(
                f"joint review round {round_.id}: {review.partnership_name}, “{round_.title}”, "
                f"{back} of {len(review.members)} schools' ratings in, {round_.status.label.lower()}"
            )
        for received in services.joint_ratings.requests(school_id):
            request = received.request
            print(
                f"request {received.id}: from {request.sender.name} for "
                f"{request.review.partnership}, {len(received.ratings)} of "
                f"{len(request.strand_ids)} strands rated"
            )
        for profile in services.joint_reviews.school_profiles(school_id):
            print(f"{profile.statement.review.partnership}: {profile.headline}")
    return 0


def _requests(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        written = services.joint_reviews.send_requests(args.round, args.out, args.reply_by)
    print(f"Wrote {len(written)} rating request files into {args.out}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        imports = services.joint_imports
        if args.file is not None:
            preview = imports.preview_file(args.file)
            for line in preview.lines:
                print(line)
            if preview.can_apply:
                print(imports.apply(preview)[0])
            return 0
        folder = imports.preview_folder(args.folder)
        for line in folder.lines():
            print(line)
        messages, _ = imports.apply_folder(folder)
    print(f"Imported {len(messages)} files; {len(folder.refused)} refused (nothing from them).")
    return 1 if folder.refused else 0


def _rate(args: argparse.Namespace) -> int:
    level = Level.from_key(args.level)
    confidence = Confidence(args.confidence) if args.confidence else None
    with opened(args.db) as services:
        if args.request is not None:
            services.joint_ratings.rate(args.request, args.strand, level, args.summary, confidence)
        else:
            services.joint_reviews.rate_as_lead(
                args.round, args.strand, level, args.summary, confidence
            )
    print(f"Recorded {level.label} for {args.strand}.")
    return 0


def _return(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        services.joint_ratings.write_return(args.request, args.out)
    print(f"Wrote our ratings to {args.out}: send it to the lead school.")
    return 0


def _agree(args: argparse.Namespace) -> int:
    from desktop_app.domain.review import RoundStatus

    with opened(args.db) as services:
        if args.strand:
            if not args.level:
                raise ValueError("Give the joint level with --level.")
            services.moderation.agree_level(
                args.round, args.strand, Level.from_key(args.level), args.rationale, args.agreed_by
            )
            print(f"Agreed {args.strand}.")
        if args.close:
            problems = services.joint_reviews.statement_problems(args.round)
            waiting = [p for p in problems if "Mark the round" not in p]
            if waiting:
                raise ValueError(" ".join(waiting))
            services.assessment.set_status(args.round, RoundStatus.AGREED)
            print("The joint review is marked agreed.")
    return 0


def _statement(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        written = services.joint_reviews.send_statement(args.round, args.out)
    print(f"Wrote the joint statement for {len(written)} member schools into {args.out}.")
    return 0


def _forget(args: argparse.Namespace) -> int:
    with opened(args.db) as services:
        school_id = _school_id(services, args.school)
        services.exchange.forget_last_import(school_id, args.partner)
    print(
        f"Forgot the last file from URN {args.partner}: the next file from that school will be "
        "imported whatever its date."
    )
    return 0
