"""What partner schools have shared with us: their agreed levels and priorities, read-only."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.domain.exchange import ReceivedExchange


def describe(received: list[ReceivedExchange], strand_titles: dict[str, str]) -> str:
    """The shared parts as simple HTML; every value from a file is escaped."""
    if not received:
        return "<p>No partner school has shared a file with this school yet.</p>"
    parts = []
    for item in received:
        ex = item.exchange
        parts.append(
            f"<h3>{escape(ex.sender.name)} (URN {escape(ex.sender.urn)})</h3>"
            f"<p>File made {ex.created_at:%d %B %Y at %H:%M}.</p>"
        )
        if ex.agreed:
            rows = "".join(
                f"<tr><td>{escape(strand_titles.get(s, s))}</td><td>{level.label}</td></tr>"
                for s, level in ex.agreed.levels
            )
            parts.append(
                f"<p>Agreed levels for the partnership (“{escape(ex.agreed.title)}”, "
                f"{ex.agreed.held_on:%d %B %Y}):</p><table>{rows}</table>"
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
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What partners have shared"))
        self.setAccessibleName(self.windowTitle())
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("What partner schools have shared"))
        self.text.setOpenLinks(False)
        self.text.setHtml(describe(received, strand_titles))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        for box_button in buttons.buttons():  # screen readers (issue 6)
            box_button.setAccessibleName(box_button.text().replace("&", ""))
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 45, em * 35)
