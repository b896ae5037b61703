"""The partner, partnership and commitment item models: qtmodeltester plus behaviour."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.domain.commitment_filter import CommitmentFilter
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
    RAG_COLUMN,
    WHAT_COLUMN,
    CommitmentFilterProxy,
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


def _loaded() -> tuple[CommitmentTableModel, CommitmentFilterProxy]:
    model = CommitmentTableModel()
    model.set_commitments(_commitments(), NAMES, TITLES, TODAY)
    proxy = CommitmentFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_partner_names(NAMES)
    return model, proxy


def test_partner_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
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
    assert cells[4] == "01 Sep 2025"
    assert "Specialist Leader of Education (SLE)" in cells[6]


def test_commitment_model_and_proxy_pass_modeltester(qtmodeltester: ModelTester) -> None:
    model, proxy = _loaded()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(CommitmentFilter(TODAY, partner_id=1))
    qtmodeltester.check(proxy)
    proxy.sort(DUE_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    model.set_commitments([], NAMES, TITLES, TODAY)
    proxy.source_reloaded()
    qtmodeltester.check(proxy)


def test_rag_cell_has_words_and_colour() -> None:
    model, _ = _loaded()
    late = model.index(0, RAG_COLUMN)
    assert model.data(late) == "Red: overdue by 9 days"
    assert model.data(late, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, RAG_COLUMN)) == "Amber: due in 5 days"
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


def _ids(proxy: CommitmentFilterProxy) -> list[int]:
    return [proxy.commitment_at(r).id for r in range(proxy.rowCount())]


def test_filters_and_search() -> None:
    _, proxy = _loaded()
    assert _ids(proxy) == [1, 2, 3, 4]
    cases = {
        CommitmentFilter(TODAY, partner_id=3): [3, 4],
        CommitmentFilter(TODAY, strand_id="joint-practice-development"): [1, 3],
        CommitmentFilter(TODAY, status=WorkStatus.IN_PROGRESS): [2],
        CommitmentFilter(TODAY, owner="Mrs Patel"): [1, 3],
        CommitmentFilter(TODAY, overdue=True): [1],
        CommitmentFilter(TODAY, due_soon=True): [2],
        CommitmentFilter(TODAY, direction=Direction.JOINT): [3],
        CommitmentFilter(TODAY, text="dŵr"): [3, 4],
        CommitmentFilter(TODAY, text="MODERATION"): [2],
        CommitmentFilter(TODAY, text="nothing like this"): [],
    }
    for f, expected in cases.items():
        proxy.set_filter(f)
        assert _ids(proxy) == expected, f
    proxy.set_filter(None)
    assert proxy.rowCount() == 4


def test_sorting_is_done_in_the_source_and_keeps_the_filter() -> None:
    model, proxy = _loaded()
    proxy.sort(RAG_COLUMN, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy) == [1, 2, 3, 4]  # red, amber, green, none
    proxy.sort(WHAT_COLUMN, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy) == [4, 3, 1, 2]
    proxy.set_filter(CommitmentFilter(TODAY, owner="Mrs Patel"))
    proxy.sort(WHAT_COLUMN, Qt.SortOrder.DescendingOrder)
    assert _ids(proxy) == [1, 3]
    # a reload keeps the chosen order
    model.set_commitments(_commitments(), NAMES, TITLES, TODAY)
    proxy.source_reloaded()
    assert _ids(proxy) == [1, 3]


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
