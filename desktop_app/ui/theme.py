"""The high-contrast theme: a palette plus a small stylesheet for thick, visible focus.

Colours are white and yellow on black (contrast ratios above 15:1). Sizes in the
stylesheet are in em, so they follow the system font size; no font size is fixed here.
The choice is kept in the app settings (read with type=bool: INI files hand back strings).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QCommonStyle,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

BLACK = QColor("#000000")
WHITE = QColor("#ffffff")
YELLOW = QColor("#ffff00")
GREY = QColor("#c0c0c0")
CYAN = QColor("#00ffff")

# Every focusable control gets a thick yellow border when focused, so keyboard users can
# always see where they are. Buttons need their own border and padding once styled.
HIGH_CONTRAST_STYLESHEET = """
QPushButton, QToolButton {
    border: 2px solid #ffffff; border-radius: 0.2em; padding: 0.25em 0.8em;
    background: #000000; color: #ffffff;
}
QPushButton:disabled, QToolButton:disabled { border-style: dashed; color: #c0c0c0; }
QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus,
QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus, QListView:focus,
QTreeView:focus, QTableView:focus, QCheckBox:focus, QRadioButton:focus,
QDateEdit:focus, QTabBar::tab:focus {
    border: 3px solid #ffff00;
}
QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QListView, QTreeView,
QTableView { border: 1px solid #ffffff; }
QToolTip { color: #000000; background: #ffff00; border: 1px solid #000000; }
QCheckBox::indicator, QRadioButton::indicator {
    width: 0.9em; height: 0.9em; border: 2px solid #ffffff; background: #000000;
}
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: #ffff00; }
QCheckBox::indicator:disabled { border-style: dashed; }
"""


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, BLACK),
        (roles.WindowText, WHITE),
        (roles.Base, BLACK),
        (roles.AlternateBase, QColor("#1a1a1a")),
        (roles.Text, WHITE),
        (roles.Button, BLACK),
        (roles.ButtonText, WHITE),
        (roles.BrightText, YELLOW),
        (roles.Highlight, YELLOW),
        (roles.HighlightedText, BLACK),
        (roles.ToolTipBase, YELLOW),
        (roles.ToolTipText, BLACK),
        (roles.PlaceholderText, GREY),
        (roles.Link, CYAN),
        (roles.LinkVisited, CYAN),
        (roles.Mid, WHITE),
        (roles.Dark, WHITE),
        (roles.Light, WHITE),
        (roles.Shadow, WHITE),
    ):
        palette.setColor(role, colour)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, GREY)
    return palette


class VisibleFocusStyle(QProxyStyle):
    """The platform style, plus a thick focus outline in the highlight colour.

    Fusion and the Windows styles mark a focused button with a faint line; keyboard users
    need to see where they are at a glance, in every theme.
    """

    _OUTLINED = (
        QStyle.PrimitiveElement.PE_PanelButtonCommand,
        QStyle.PrimitiveElement.PE_FrameLineEdit,
        QStyle.PrimitiveElement.PE_FrameFocusRect,
    )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        # Called for every cell a table paints: the element is checked before the state,
        # since reading a style option's flags from Python costs more than the check.
        if element not in self._OUTLINED:
            return
        if element is QStyle.PrimitiveElement.PE_FrameFocusRect or (
            option.state & QStyle.StateFlag.State_HasFocus
        ):
            width = max(2, option.fontMetrics.height() // 8)  # as focus_outline_width
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), width)
            painter.setPen(pen)
            painter.setBrush(QColor(0, 0, 0, 0))
            inset = width // 2 + 1
            painter.drawRect(option.rect.adjusted(inset, inset, -inset, -inset))
            painter.restore()


def cell_style() -> QStyle:
    """The platform style without the Python focus outline, for views that paint many cells.

    Each of the focus style's drawPrimitive calls runs Python, and a table makes one for every
    cell it paints: about 140 for a screenful, a third of the repaint. Views drawn with this
    style outline themselves when focused instead (`widgets.outlined_views`). A new one for
    each view: PySide ends a widget's style with the widget, so one shared style would be
    gone with the first view closed.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    current = app.style()
    base = current.baseStyle() if isinstance(current, QProxyStyle) else current
    return QStyleFactory.create(base.name()) or QCommonStyle()


def focus_outline_width(widget: QWidget) -> int:
    """As thick as the focus style draws it: an eighth of a line, at least 2 pixels."""
    return max(2, widget.fontMetrics().height() // 8)


def install_visible_focus(app: QApplication | None = None) -> None:
    """Wrap the application's style once so focus is always visible."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication) or isinstance(app.style(), VisibleFocusStyle):
        return
    style = VisibleFocusStyle(app.style().name())
    _Original.focus_style = style  # keep a Python reference alive for the app's lifetime
    app.setStyle(style)


class _Original:
    """The palette and stylesheet before the theme was first applied, to switch back."""

    palette: QPalette | None = None
    stylesheet = ""
    focus_style: QProxyStyle | None = None


def apply_theme(high_contrast: bool, app: QApplication | None = None) -> None:
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return
    if _Original.palette is None:
        _Original.palette = QPalette(app.palette())
        _Original.stylesheet = app.styleSheet()
    if high_contrast:
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(_Original.stylesheet + HIGH_CONTRAST_STYLESHEET)
    else:
        app.setPalette(_Original.palette)
        app.setStyleSheet(_Original.stylesheet)
