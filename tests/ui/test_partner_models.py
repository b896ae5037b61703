"""The partner, partnership and commitment item models: qtmodeltester plus behaviour."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.partners import (
    Commitment,
    Depth,
    Direction,
    PartnerSchool,
    Partnership,
    PartnershipType,
    SystemLeadershipRole,
)
from desktop_app.domain.rag import WorkStatus
from desktop_app.ui.models.commitment_table_model import (
    DUE_COLUMN,
    PAGE_ROWS,
    RAG_COLUMN,
    WHAT_COLUMN,
    CommitmentTableModel,
)
from desktop_app.ui.models.partner_table_model import PartnerTableModel
from desktop_app.ui.models.partnership_table_model import PartnershipTableModel

TODAY = date(2026, 3, 10)
NAMES = {1: "Ashfield Primary", 2: "Brook Lane", 3: "Ysgol Bro Dŵr"}
TITLES = {"joint-practice-development": "Joint practice development"}


def _commitments() -> list[Commitment]:
    return [
        Commitment(
            1,
            1,
            Direction.WE_GIVE,
            "Maths coaching",
            (1,),
            ("joint-practice-development",),
            "Mrs Patel",
            due=date(2026, 3, 1),
            status=WorkStatus.AGREED,
        ),
        Commitment(
            2,
            1,
            Direction.WE_RECEIVE,
            "Writing moderation",
            (2,),
            (),
            "Mr Shah",
            due=date(2026, 3, 15),
            status=WorkStatus.IN_PROGRESS,
        ),
        Commitment(
            3,
            1,
            Direction.JOINT,
            "Joint enquiry",
            (1, 3),
            ("joint-practice-development",),
            "Mrs Patel",
            status=WorkStatus.DONE,
            confidential=True,
        ),
        Commitment(
            4, 1, Direction.WE_GIVE, "Dropped idea", (3,), (), "", status=WorkStatus.DROPPED
        ),
    ]


def _loaded() -> CommitmentTableModel:
    model = CommitmentTableModel()
    model.set_commitments(_commitments(), NAMES, TITLES, TODAY)
    return model


def test_partner_model_passes_modeltester(qapp: QApplication, qtmodeltester: ModelTester) -> None:
    model = PartnerTableModel()
    qtmodeltester.check(model)
    model.set_partners(
        [
            PartnerSchool(1, "Ashfield", "107942", contact_name="Mr Lee", contact_email="l@a.org"),
            PartnerSchool(2, "Brook Lane"),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "Ashfield"
    assert model.data(model.index(0, 7), Qt.ItemDataRole.ToolTipRole) == "Mr Lee <l@a.org>"
    assert model.row_of(2) == 1 and model.row_of(9) is None


def test_partnership_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = PartnershipTableModel()
    qtmodeltester.check(model)
    model.set_partnerships(
        [
            Partnership(
                1,
                1,
                "North trio",
                PartnershipType.PEER_REVIEW_TRIO,
                (1, 2, 99),
                start=date(2025, 9, 1),
                depth=Depth.DEEP,
                roles=(SystemLeadershipRole.SLE,),
            )
        ],
        NAMES,
    )
    qtmodeltester.check(model)
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells[:4] == [
        "North trio",
        "Peer-review trio",
        "Deep",
        "Ashfield Primary, Brook Lane, (unknown school)",
    ]
    assert cells[4] == "1 Sept 2025"
    assert "Specialist Leader of Education (SLE)" in cells[6]


def test_commitment_model_of_a_list_in_memory_passes_modeltester(
    qtmodeltester: ModelTester,
) -> None:
    model = _loaded()
    qtmodeltester.check(model)
    model.sort(DUE_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_commitments([], NAMES, TITLES, TODAY)
    qtmodeltester.check(model)


def test_rag_cell_has_words_and_colour() -> None:
    model = _loaded()
    late = model.index(0, RAG_COLUMN)
    # Short words in the cell; the full reason in its tooltip and for screen readers.
    assert model.data(late) == "Red: 9 days late"
    assert model.data(late, Qt.ItemDataRole.ToolTipRole) == "Red: overdue by 9 days"
    assert model.data(late, Qt.ItemDataRole.AccessibleTextRole) == "Red: overdue by 9 days"
    assert model.data(late, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, RAG_COLUMN)) == "Amber: 5 days left"
    assert model.data(model.index(2, RAG_COLUMN)) == "Green: done"
    dropped = model.index(3, RAG_COLUMN)
    assert model.data(dropped) == "— dropped"
    assert model.data(dropped, Qt.ItemDataRole.BackgroundRole) is None
    confidential = model.index(2, WHAT_COLUMN)
    assert model.data(confidential) == "[Confidential] Joint enquiry"
    assert (
        model.data(model.index(2, 4), Qt.ItemDataRole.ToolTipRole) == "Joint practice development"
    )
    assert "never shared" in model.data(confidential, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(2, 3)) == "Ashfield Primary, Ysgol Bro Dŵr"


def test_a_list_in_memory_sorts_by_the_domains_rule() -> None:
    model = _loaded()
    ids = lambda: [model.id_at(r) for r in range(model.rowCount())]  # noqa: E731
    assert ids() == [1, 2, 3, 4]  # red, amber, green, none
    model.sort(WHAT_COLUMN, Qt.SortOrder.AscendingOrder)
    assert ids() == [4, 3, 1, 2]
    model.sort(WHAT_COLUMN, Qt.SortOrder.DescendingOrder)
    assert ids() == [2, 1, 3, 4]
    # a reload keeps the chosen order
    model.set_commitments(_commitments(), NAMES, TITLES, TODAY)
    assert ids() == [2, 1, 3, 4]


def test_hostile_names_are_shown_as_plain_text(qtbot: QtBot) -> None:
    from desktop_app.domain.reciprocity import Reciprocity
    from desktop_app.ui.widgets.reciprocity_panel import ReciprocityPanel

    hostile = PartnerSchool(1, "<img src=x> <b>St Mary’s</b> & Dŵr")
    c = Commitment(1, 1, Direction.WE_GIVE, "<i>coaching</i>\n" + "x" * 5000, (1,))
    panel = ReciprocityPanel()
    qtbot.addWidget(panel)
    panel.show_reciprocity(hostile, Reciprocity(1, (c,), (), ()), TODAY)
    assert panel.title.textFormat() == Qt.TextFormat.PlainText
    assert panel.title.text() == "Give and receive with <img src=x> <b>St Mary’s</b> & Dŵr"
    assert panel.give.item(0).text().startswith("<i>coaching</i> xxx")
    assert len(panel.give.item(0).toolTip()) <= 2000
    model = CommitmentTableModel()
    model.set_commitments([c], {1: hostile.name}, TITLES, TODAY)
    assert model.data(model.index(0, 3)) == hostile.name
    assert model.data(model.index(0, WHAT_COLUMN)).startswith("<i>coaching</i> xxx")


def test_the_partner_panel_marks_confidential_commitments(qtbot: QtBot) -> None:
    from desktop_app.domain.reciprocity import Reciprocity
    from desktop_app.ui.widgets.reciprocity_panel import ReciprocityPanel

    partner = PartnerSchool(1, "Ashfield Primary")
    secret = Commitment(1, 1, Direction.WE_GIVE, "Maths coaching", (1,), confidential=True)
    shared = Commitment(2, 1, Direction.WE_RECEIVE, "Reading programme", (1,))
    panel = ReciprocityPanel()
    qtbot.addWidget(panel)
    panel.show_reciprocity(partner, Reciprocity(1, (secret,), (shared,), ()), TODAY)
    assert panel.give.item(0).text().startswith("[Confidential] Maths coaching  [")
    assert "never shared with partners" in panel.give.item(0).toolTip()
    assert panel.receive.item(0).text().startswith("Reading programme  [")
    assert "Confidential" not in panel.receive.item(0).toolTip()


def test_partner_model_sorting_keeps_indexes_to_the_same_schools(
    qtmodeltester: ModelTester,
) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = PartnerTableModel()
    model.set_partners(
        [PartnerSchool(1, "Ashfield", "300002"), PartnerSchool(2, "Brook Lane", "300001")]
        + [PartnerSchool(n, f"School {n:03d}", f"{400000 + n}") for n in range(3, 300)]
    )
    kept = QPersistentModelIndex(model.index(1, 2))  # Brook Lane
    model.sort(1, Qt.SortOrder.AscendingOrder)  # by URN: Brook Lane first
    assert model.data(model.index(0, 0)) == "Brook Lane"
    assert (kept.row(), kept.column()) == (0, 2)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.id_at(kept.row()) == 2 and model.row_of(2) == 297  # before Ashfield
    assert model.all_ids()[0] == 299
    qtmodeltester.check(model)


def test_partner_model_keeps_ids_too_big_for_four_bytes(qtmodeltester: ModelTester) -> None:
    big = 2**40  # SQLite's row numbers go up to 2**63: the packed ids widen when one does
    model = PartnerTableModel()
    model.set_partners([PartnerSchool(1, "Ashfield"), PartnerSchool(3, "Cedar")])
    model.apply_changes([PartnerSchool(big, "Brook Lane")], set())
    assert [model.id_at(row) for row in range(model.rowCount())] == [1, big, 3]
    assert model.row_of(big) == 1 and model.data(model.index(1, 0)) == "Brook Lane"
    qtmodeltester.check(model)
    model.set_partners([PartnerSchool(big + 1, "Zenith"), PartnerSchool(2, "Alder")])
    assert model.ids() == [big + 1, 2] and list(model.all_ids()) == [big + 1, 2]
    model.set_matching({big + 1})
    assert model.ids() == [big + 1]
    qtmodeltester.check(model)


def test_commitment_rows_scrolled_far_away_are_let_go() -> None:
    many = [
        Commitment(n, 1, Direction.WE_GIVE, f"Promise {n}", (1,), (), "") for n in range(1, 1001)
    ]
    model = CommitmentTableModel()
    model.set_commitments(many, NAMES, TITLES, TODAY)
    for row in range(0, 1000, PAGE_ROWS):  # scrolled through every page
        model.data(model.index(row, WHAT_COLUMN))
    read = model.rows_fetched
    assert read == 1000
    model.data(model.index(999, WHAT_COLUMN))  # the last pages are kept
    model.data(model.index(1000 - 4 * PAGE_ROWS, WHAT_COLUMN))
    assert model.rows_fetched == read
    model.data(model.index(0, WHAT_COLUMN))  # the first, ten pages back, is read again
    assert model.rows_fetched == read + PAGE_ROWS


def test_partner_model_finds_rows_with_and_without_a_search(qtbot: QtBot) -> None:
    model = PartnerTableModel()
    model.set_partners([PartnerSchool(n, f"School {n:03d}") for n in range(1, 301)])
    qtbot.waitUntil(lambda: model.places_made == 2)  # made when idle, one table for both
    assert model.row_of(150) == 149
    model.set_matching({10, 150})
    assert model.row_of(150) == 1 and model.row_of(20) is None
    model.set_matching(None)
    assert model.row_of(20) == 19
    model.apply_changes([PartnerSchool(150, "Aardvark Academy")], {20})
    assert model.row_of(150) == 0 and model.row_of(1) == 1 and model.row_of(20) is None
    assert model.row_of(300) == 298 and model.id_at(298) == 300
