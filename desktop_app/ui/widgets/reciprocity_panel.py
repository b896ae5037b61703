"""What our school gives one partner against what it receives: trust needs both ways."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.audience import confidential_marked
from desktop_app.domain.dates import date_text
from desktop_app.domain.partners import Commitment, PartnerSchool
from desktop_app.domain.reciprocity import Reciprocity
from desktop_app.ui.models.rag_colours import rag_background, rag_foreground, rag_text


def _item(c: Commitment, today: date) -> QListWidgetItem:
    rag = c.rag(today)
    due = f", due {date_text(c.due)}" if c.due else ""
    what = confidential_marked(" ".join(c.what.split()), c.confidential)
    item = QListWidgetItem(f"{what}  [{c.status.label}{due}; {rag_text(rag)}]")
    tip = c.what[:2000]
    item.setToolTip(
        f"{tip}\n\nConfidential: never shared with partners." if c.confidential else tip
    )
    background, foreground = rag_background(rag), rag_foreground(rag)
    if background is not None and foreground is not None:
        item.setBackground(background)
        item.setForeground(foreground)
    return item


class ReciprocityPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Give and receive with this partner")
        self.title = QLabel("Choose a partner school to see what flows each way.")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # school names are user text
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.balance = QLabel()
        self.balance.setAccessibleName("Balance")
        self.balance.setWordWrap(True)
        self.give_label = QLabel()
        self.receive_label = QLabel()
        self.joint_label = QLabel()
        self.give = QListWidget()
        self.give.setAccessibleName("What we give")
        self.receive = QListWidget()
        self.receive.setAccessibleName("What we receive")
        self.joint = QListWidget()
        self.joint.setAccessibleName("Joint work")
        for label, widget in (
            (self.give_label, self.give),
            (self.receive_label, self.receive),
            (self.joint_label, self.joint),
        ):
            label.setBuddy(widget)
            widget.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.give_label, 0, 0)
        grid.addWidget(self.receive_label, 0, 1)
        grid.addWidget(self.give, 1, 0)
        grid.addWidget(self.receive, 1, 1)
        grid.addWidget(self.joint_label, 2, 0, 1, 2)
        grid.addWidget(self.joint, 3, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.balance)
        layout.addLayout(grid, 1)
        self.show_reciprocity(None, None, date.today())

    def show_reciprocity(
        self, partner: PartnerSchool | None, r: Reciprocity | None, today: date
    ) -> None:
        if partner is None or r is None:
            self.title.setText("Choose a partner school to see what flows each way.")
            self.balance.setText("")
            r = Reciprocity(0, (), (), ())
        else:
            self.title.setText(f"Give and receive with {partner.display_name}")
            self.balance.setText(
                f"{r.balance}: we give {len(r.we_give)}, we receive {len(r.we_receive)}, "
                f"joint work {len(r.joint)} (dropped commitments not counted)."
            )
        for label, widget, text, items in (
            (self.give_label, self.give, "What we &give", r.we_give),
            (self.receive_label, self.receive, "&What we receive", r.we_receive),
            (self.joint_label, self.joint, "&Joint work", r.joint),
        ):
            label.setText(f"{text} ({len(items)})")
            widget.clear()
            for c in items:
                widget.addItem(_item(c, today))
