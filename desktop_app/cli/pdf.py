"""export-pdf: a PDF for one audience (the audiences and their choices: domain/audience.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import CommandError, Subcommands, needs_db, opened
from desktop_app.domain.audience import AUDIENCES


def add_command(subs: Subcommands) -> None:
    pdf = subs.add_parser("export-pdf", help="write the plan as a PDF for one audience")
    needs_db(pdf)
    pdf.add_argument("--school", required=True, metavar="URN", help="our school's URN")
    pdf.add_argument(
        "--audience",
        required=True,
        choices=[audience.value for audience in AUDIENCES],
        help="who the PDF is for: "
        + ", ".join(f"{audience.value} ({rules.label})" for audience, rules in AUDIENCES.items()),
    )
    pdf.add_argument("--partner", metavar="URN", help="the partner school (partner version)")
    pdf.add_argument("--round", type=int, metavar="ID", help="review round id (default: newest)")
    pdf.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="protect the PDF with the password on the first line of FILE (UTF-8)",
    )
    pdf.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    pdf.set_defaults(func=_cmd_export_pdf)


def _read_password_file(path: Path) -> str:
    from desktop_app.domain.passwords import MAX_PASSWORD_FILE_BYTES, password_from_file
    from desktop_app.services.files import check_file_to_read

    check_file_to_read(path, "password file")
    with path.open("rb") as handle:
        data = handle.read(MAX_PASSWORD_FILE_BYTES + 1)  # enough to tell that it is too long
    return password_from_file(data, path.name)


def _cmd_export_pdf(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop_app.domain.audience import Audience

    audience = Audience(args.audience)
    if audience.rules.for_one_partner and not args.partner:
        raise CommandError(f"The {audience.label.lower()} needs --partner URN.")
    password = None if args.password_file is None else _read_password_file(args.password_file)
    with opened(args.db) as services:
        school = services.schools.by_urn(args.school)
        if school is None:
            raise CommandError(f"There is no school with URN {args.school} in {args.db.name}.")
        partner_id = services.pdf_export.partner_by_urn(args.partner) if args.partner else None
        result = services.pdf_export.export(
            school.id,
            audience,
            args.out,
            date.today(),
            round_id=args.round,
            partner_id=partner_id,
            password=password,
        )
    locked = ", password protected" if result.encrypted else ""
    print(f"Wrote {result.path} ({audience.label}, {result.pages} pages{locked}).")
    return 0
