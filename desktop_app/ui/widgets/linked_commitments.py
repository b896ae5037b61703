"""The commitments linked to one strand, shown on the self-assessment screen as evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.framework import Framework
from desktop_app.domain.partners import Commitment, CommitmentDetails, Direction
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.dialogs.commitment_dialog import CommitmentDialog
from desktop_app.ui.models.rag_colours import rag_background, rag_foreground, rag_text

COMMITMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkedCommitmentsList(QWidget):
    """Mount anywhere a strand is shown; call show_strand() when the strand changes."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self._school_id: int | None = None
        self._strand_id: str | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Commitments linked to this strand")
        self.list.setWordWrap(True)
        self.heading.setBuddy(self.list)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.setToolTip("Double-click or press Enter to edit a commitment.")
        self.empty = QLabel(
            "No commitments are linked to this strand yet. Linking what you give and receive "
            "with partners is evidence for your judgement."
        )
        self.empty.setWordWrap(True)
        self.add_button = QPushButton("Add a commitment for this strand…")
        self.add_button.setAccessibleName("Add a commitment for this strand")
        self.add_button.clicked.connect(self.add_commitment)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        ctx.changed.connect(self._on_ctx_changed)
        self.show_strand(None, None)

    def show_strand(self, school_id: int | None, strand_id: str | None) -> None:
        self._school_id, self._strand_id = school_id, strand_id
        self.reload()

    def commitments(self) -> list[Commitment]:
        if self._school_id is None or self._strand_id is None:
            return []
        return self.ctx.services.commitments.for_strand(self._school_id, self._strand_id)

    def reload(self) -> None:
        items = self.commitments()
        named = {p for c in items for p in c.partner_ids}
        names = {p.id: p.display_name for p in self.ctx.services.partners.by_ids(named)}
        today = self.today()
        self.list.clear()
        for c in items:
            self.list.addItem(self._item(c, names, today))
        self.heading.setText(f"&Commitments linked to this strand ({len(items)})")
        self.empty.setVisible(not items and self._strand_id is not None)
        self.list.setVisible(bool(items))
        lines = max(1, min(len(items), 6))
        self.list.setFixedHeight(self.fontMetrics().lineSpacing() * (lines * 2 + 1))
        self.add_button.setEnabled(self._school_id is not None and self._strand_id is not None)

    @staticmethod
    def _item(c: Commitment, names: dict[int, str], today: date) -> QListWidgetItem:
        rag = c.rag(today)
        partners = ", ".join(names.get(p, "(unknown school)") for p in c.partner_ids)
        arrow = {Direction.WE_GIVE: "We give", Direction.WE_RECEIVE: "We receive"}.get(
            c.direction, "Joint work"
        )
        what = " ".join(c.what.split())
        text = f"{arrow} – {partners}: {what}\n{c.status.label}; {rag_text(rag)}"
        if c.owner:
            text += f"; owner {c.owner}"
        item = QListWidgetItem(text)
        item.setData(COMMITMENT_ID_ROLE, c.id)
        item.setToolTip(c.evidence_of_impact[:2000] or c.what[:2000])
        background, foreground = rag_background(rag), rag_foreground(rag)
        if background is not None and foreground is not None:
            item.setBackground(background)
            item.setForeground(foreground)
        return item

    def _on_ctx_changed(self, changes: Changes) -> None:
        if self._strand_id is not None and changes.touches(Topic.COMMITMENTS, Topic.PARTNERS):
            self.reload()

    def _framework(self) -> Framework:
        services = self.ctx.services
        if self.ctx.round_id is not None:
            return services.assessment.framework_for(
                services.assessment.get_round(self.ctx.round_id)
            )
        return services.catalogue.latest()

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        services = self.ctx.services
        current = services.commitments.get(int(item.data(COMMITMENT_ID_ROLE)))
        dialog = CommitmentDialog(
            services.partners.list_partners(include_removed=True),
            self._framework(),
            self.today(),
            self,
            current,
            owners=services.commitments.owners(current.school_id),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.details is None:
            return
        new = dialog.details
        if new != current.details:
            self.ctx.save(self, lambda: services.commitments.update(current.id, new))

    def add_commitment(self) -> None:
        school_id, strand_id = self._school_id, self._strand_id
        if school_id is None or strand_id is None:
            return
        services = self.ctx.services
        dialog = CommitmentDialog(
            services.partners.list_partners(),
            self._framework(),
            self.today(),
            self,
            owners=services.commitments.owners(school_id),
            preset=CommitmentDetails(Direction.WE_GIVE, "", strand_ids=(strand_id,)),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.details is not None:
            details = dialog.details
            self.ctx.save_new(self, lambda: services.commitments.create(school_id, details))
