"""One registry of PDF audiences: every audience has its rules and its renderer, and the
command line and the export dialog offer exactly the audiences the registry holds."""

from __future__ import annotations

import argparse

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.cli import build_parser
from desktop_app.domain.audience import AUDIENCES, Audience
from desktop_app.reports.renderers import RENDERERS, renderer_for
from desktop_app.ui.export_pdf import ExportPdfDialog


def test_every_audience_has_rules_and_a_renderer_for_it() -> None:
    assert set(AUDIENCES) == set(Audience) == set(RENDERERS)
    for audience in Audience:
        assert renderer_for(audience).audience is audience


def test_the_command_line_offers_the_registry() -> None:
    parser = build_parser()
    subs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    pdf = subs.choices["export-pdf"]
    option = next(a for a in pdf._actions if "--audience" in a.option_strings)
    assert option.choices == [audience.value for audience in AUDIENCES]
    assert option.help is not None and "Governors' summary" in option.help


def test_the_dialog_offers_the_registry_with_a_mnemonic_each(qtbot: QtBot) -> None:
    dialog = ExportPdfDialog([])
    qtbot.addWidget(dialog)
    assert list(dialog.audiences) == list(AUDIENCES)
    for audience, button in dialog.audiences.items():
        assert button.accessibleName() == audience.label
        assert button.text().count("&") == 1
    mnemonics = [b.text()[b.text().index("&") + 1].lower() for b in dialog.audiences.values()]
    assert len(set(mnemonics)) == len(mnemonics)


@pytest.mark.parametrize(
    ("audience", "partner", "name"),
    [
        (Audience.FULL, "", "Meadow View Primary improvement plan.pdf"),
        (Audience.GOVERNORS, "", "Meadow View Primary governors summary.pdf"),
        (Audience.PARTNER, "St Ann's C/E", "Meadow View Primary for St Anns CE.pdf"),
        (Audience.PARTNERSHIP, "", "Meadow View Primary partnership statement.pdf"),
    ],
)
def test_file_names_carry_each_audience_s_words(
    audience: Audience, partner: str, name: str
) -> None:
    assert audience.rules.file_name("Meadow View Primary", partner) == name


def test_only_the_full_plan_has_the_minutes_and_each_filter_has_one_audience() -> None:
    assert [a for a, r in AUDIENCES.items() if r.for_one_partner] == [Audience.PARTNER]
    assert [a for a, r in AUDIENCES.items() if r.moderation] == [Audience.FULL]
    assert [a for a, r in AUDIENCES.items() if r.joint_statement] == [Audience.PARTNERSHIP]
