"""Presentation mode: a separate full-screen window for the projector in a board meeting.

Large type (twice the system font), high contrast, one strand per screen, and only the
keyboard: Left/Right move, 1-4 propose a level, Enter agrees it (through the same undoable
command as the Moderation page), N shows or hides personal notes, E exports the decisions,
Escape leaves. A projector is public, so notes start hidden.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop_app.domain.framework import Framework, descriptor_wording_note
from desktop_app.domain.levels import Level
from desktop_app.domain.moderation import StrandModeration
from desktop_app.domain.review import RoundStatus, StrandJudgement
from desktop_app.services.changes import Changes, Topic
from desktop_app.ui.context import UiContext
from desktop_app.ui.decisions_export import export_decisions
from desktop_app.ui.presentation.slides import (
    FONT_SCALE,
    StrandSlide,
    SummarySlide,
    apply_type,
    big_label,
    type_factor,
)
from desktop_app.ui.theme import high_contrast_palette

KEYS_HELP = "← →  move     1–4  propose a level     Enter  agree     N  notes     Esc  leave"


class PresentationWindow(QWidget):
    closed = Signal()

    def __init__(
        self,
        ctx: UiContext,
        round_id: int,
        start_strand: str | None = None,
    ) -> None:
        # A separate top-level window without a parent: Qt activates it (and gives it the
        # keyboard) like any other window. MeetingMenu closes it with the main window.
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.round_id = round_id
        self.index = 0
        self.proposed: Level | None = None
        self.show_notes = False
        self._items: list[StrandModeration] = []
        self._judgements: dict[str, StrandJudgement] = {}
        service = ctx.services.assessment
        round_ = service.get_round(round_id)
        self._framework: Framework = service.framework_for(round_)
        self._scope = round_.scope
        self._wording_note = descriptor_wording_note(self._framework, round_.scope)
        self.setWindowTitle(f"Presentation: {round_.title}")
        self.setAccessibleName("Presentation mode")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setPalette(high_contrast_palette())
        self.setAutoFillBackground(True)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        self.setFont(font)  # for anything not built by big_label (message boxes excepted)

        self._type = 1.0  # share of the full presentation type the screen has room for
        self.strand_slide = StrandSlide()
        self.summary_slide = SummarySlide()
        self.slides = QStackedWidget()
        self.slides.addWidget(self.strand_slide)
        self.slides.addWidget(self.summary_slide)
        self.status = big_label("", 0.7, bold=True)
        self.status.setAccessibleName("Message")
        self.help = big_label(KEYS_HELP, 0.7)
        col = QVBoxLayout(self)
        margin = self.fontMetrics().height()
        col.setContentsMargins(margin, margin, margin, margin)
        col.addWidget(self.slides, 1)
        col.addWidget(self.status)
        col.addWidget(self.help)

        ctx.listen(self, self._on_ctx_changed)
        self._reload()
        ids = [i.strand_id for i in self._items]
        if start_strand in ids:
            self.index = ids.index(start_strand)
        self._show()

    # Data --------------------------------------------------------------------

    def _reload(self) -> None:
        self._items = self.ctx.services.moderation.summary(self.round_id)
        self._judgements = self.ctx.services.assessment.judgements(self.round_id)

    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.touches(Topic.RATINGS, Topic.JUDGEMENTS, Topic.ROUNDS):
            self._reload()
            self._show()

    @property
    def on_summary(self) -> bool:
        return self.index >= len(self._items)

    def current(self) -> StrandModeration | None:
        return None if self.on_summary else self._items[self.index]

    # Showing -----------------------------------------------------------------

    def _show(self) -> None:
        item = self.current()
        if item is None:
            lines = self.ctx.services.moderation.decisions(self.round_id)
            self.summary_slide.show_decisions(lines)
            apply_type(self.summary_slide, self._type)  # its rows are new labels
            self.slides.setCurrentWidget(self.summary_slide)
            return
        strand = self._framework.strand(item.strand_id)
        dimension = self._framework.dimension_of(item.strand_id)
        position = f"Strand {self.index + 1} of {len(self._items)}  ·  {dimension.title}"
        self.strand_slide.show_strand(
            strand,
            item,
            self._judgements.get(item.strand_id),
            position,
            self.proposed,
            self.show_notes,
            self._scope,
            self._wording_note,
        )
        self.slides.setCurrentWidget(self.strand_slide)
        self.setAccessibleDescription(f"{position}: {strand.title}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_type(self.height())

    def fit_type(self, height: int) -> None:
        """Make the type as large as a screen this tall has room for (up to the full size)."""
        factor = type_factor(height)
        if factor != self._type:
            self._type = factor
            apply_type(self, factor)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # Keys --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.ctx.undo_stack.undo()
            undone = self.ctx.undo_stack.redoText()
            self._say(f"Undone: {undone}. Ctrl+Shift+Z does it again." if undone else "")
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.ctx.undo_stack.redo()
            self._say("Redone.")
        elif key == Qt.Key.Key_Escape:
            self.close()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.step(-1)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4 and not self.on_summary:
            self.proposed = Level(key - Qt.Key.Key_0)
            self._say(f"{self.proposed.label} proposed: press Enter to agree it.")
            self._show()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.agree()
        elif key == Qt.Key.Key_N:
            self.show_notes = not self.show_notes
            self._say("Personal notes shown." if self.show_notes else "Personal notes hidden.")
            self._show()
        elif key == Qt.Key.Key_E and self.on_summary:
            self.export()
        else:
            super().keyPressEvent(event)

    def step(self, delta: int) -> None:
        new = max(0, min(len(self._items), self.index + delta))
        if new != self.index:
            self.index = new
            self.proposed = None
            self._say("")
            self._show()

    def agree(self) -> None:
        item = self.current()
        if item is None:
            return
        if self.proposed is None:
            self._say("Press 1 to 4 to propose a level first.")
            return
        round_ = self.ctx.services.assessment.get_round(self.round_id)
        if round_.status is RoundStatus.AGREED:
            self._say("This round is agreed and locked: reopen it as a draft to change levels.")
            return
        level = self.proposed
        decision = item.decision
        rationale, agreed_by = (decision.rationale, decision.agreed_by) if decision else ("", "")
        service = self.ctx.services.moderation
        agree = partial(service.agree_level, self.round_id, item.strand_id, level)
        if self.ctx.save(self, partial(agree, rationale, agreed_by)) is not None:
            self.proposed = None
            self._say(f"Agreed: {level.label} for {item.strand_title}. (Ctrl+Z undoes it.)")
            self._show()

    def export(self) -> Path | None:
        written, message = export_decisions(self.ctx, self, self.round_id)
        if message:
            self._say(message)
        return written

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.forget(self)
        self.closed.emit()
        super().closeEvent(event)


def open_presentation(
    ctx: UiContext, parent: QWidget, start_strand: str | None = None
) -> QWidget | None:
    """Show presentation mode full screen for the open round (None if there is no round)."""
    if ctx.round_id is None:
        return None
    window = PresentationWindow(ctx, ctx.round_id, start_strand)
    screen = parent.screen() if parent is not None else None
    if screen is not None:
        # Sized for the screen before it is shown: at the full size its smallest width could
        # be wider than a small projector with large fonts.
        window.fit_type(screen.geometry().height())
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.closed.connect(parent.activateWindow)
    window.showFullScreen()
    window.activateWindow()
    window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return window
