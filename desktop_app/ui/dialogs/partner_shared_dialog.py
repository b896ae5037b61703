"""What partner schools have shared with us: their agreed levels and priorities, read-only."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import date_text, moment_text
from desktop_app.domain.exchange import ReceivedExchange
from desktop_app.ui.widgets.form_helpers import name_buttons
from desktop_app.ui.widgets.shrinking_combo import name_list


def describe(received: list[ReceivedExchange], strand_titles: dict[str, str]) -> str:
    """The shared parts as simple HTML; every value from a file is escaped."""
    if not received:
        return "<p>No partner school has shared a file with this school yet.</p>"
    parts = []
    for item in received:
        ex = item.exchange
        parts.append(
            f"<h3>{escape(ex.sender.name)} (URN {escape(ex.sender.urn)})</h3>"
            f"<p>File made {moment_text(ex.created_at)}.</p>"
        )
        if ex.agreed:
            rows = "".join(
                f"<tr><td>{escape(strand_titles.get(s, s))}</td><td>{level.label}</td></tr>"
                for s, level in ex.agreed.levels
            )
            parts.append(
                f"<p>Agreed levels for the partnership (“{escape(ex.agreed.title)}”, "
                f"{date_text(ex.agreed.held_on)}):</p><table>{rows}</table>"
            )
        else:
            parts.append("<p>No agreed levels for the partnership yet.</p>")
        if ex.priorities:
            items = "".join(
                f"<li>{escape(p.title)}"
                + (f" (aiming for {p.target_level.label})" if p.target_level else "")
                + "</li>"
                for p in ex.priorities
            )
            parts.append(f"<p>Their priorities:</p><ul>{items}</ul>")
    return "".join(parts)


class PartnerSharedDialog(QDialog):
    def __init__(
        self,
        received: list[ReceivedExchange],
        strand_titles: dict[str, str],
        parent: QWidget | None = None,
        forget: Callable[[str], list[ReceivedExchange] | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._titles = strand_titles
        self._forget = forget
        self.setWindowTitle(self.tr("What partners have shared"))
        self.setAccessibleName(self.windowTitle())
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("What partner schools have shared"))
        self.text.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        # The way out of a bad file (a wrong clock, say): the next file from them is taken
        # whatever its date.
        self.partner = name_list()
        self.partner.setAccessibleName(self.tr("Partner school whose last file to forget"))
        self.forget = QPushButton(self.tr("&Forget their last file…"))
        self.forget.setAccessibleName(self.tr("Forget this partner's last file"))
        self.forget.clicked.connect(self._on_forget_clicked)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Recover from a bad file:")))
        row.addWidget(self.partner, 1)
        row.addWidget(self.forget)
        if forget is not None:
            layout.addLayout(row)
        self._fill(received)
        layout.addWidget(name_buttons(buttons))
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 45, em * 35)

    def _fill(self, received: list[ReceivedExchange]) -> None:
        self.text.setHtml(describe(received, self._titles))
        self.partner.clear()
        for item in received:
            sender = item.exchange.sender
            self.partner.addItem(f"{sender.name} ({sender.urn})", sender.urn)
        self.forget.setEnabled(bool(received))

    def _on_forget_clicked(self) -> None:
        urn = self.partner.currentData()
        if urn is None or self._forget is None:
            return
        received = self._forget(urn)
        if received is not None:
            self._fill(received)
