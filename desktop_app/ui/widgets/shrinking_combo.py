"""A drop-down list that is comfortably wide when there is room and narrower when there is not."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.ui.widgets.wheel_safe import DropDown


class ShrinkingCombo(DropDown):
    """Shows `comfortable` characters when the window has room, down to `narrowest` when not.

    On a projector at 1024x768, or with large fonts, a row of long choices must not push the
    window wider than the screen. The whole text stays in the list and in the tooltip; only
    the closed box is cut short.
    """

    def __init__(self, comfortable: int, narrowest: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._narrowest = min(narrowest, comfortable)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(comfortable)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # Qt measures the minimum contents length in widths of "x"; take off the difference.
        spare = self.minimumContentsLength() - self._narrowest
        narrower = self.fontMetrics().horizontalAdvance("x") * spare
        return QSize(max(hint.width() - narrower, 0), hint.height())


def name_list() -> ShrinkingCombo:
    """A drop-down of names (partner schools, partnerships, trusts, people): as wide as a
    usual name, never as wide as the longest. A 200-character partner name made the Export
    PDF dialog wider than the screen, with Cancel off its edge; the full name is in the list.
    """
    return ShrinkingCombo(40, 16)
