"""The partnership folder tab: which folder the schools share, sending our files there, and
looking for new ones (now, or at every start)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.ui.context import UiContext
from desktop_app.ui.widgets.flow_layout import button_flow


class PartnershipFolderPanel(QWidget):
    def __init__(self, ctx: UiContext, members: Callable[[], list[int]]) -> None:
        super().__init__()
        self.ctx = ctx
        self._members = members  # the member schools our files go to
        # Underlined letters avoid the round bar's (School, Round) and the menus' (F, E, V, H).
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setAccessibleName("Partnership folder")
        self.choose_folder_button = QPushButton("&Browse for the folder…")
        self.choose_folder_button.setAccessibleName("Choose the partnership folder")
        self.choose_folder_button.clicked.connect(self._choose_folder)
        self.send_button = QPushButton("Se&nd our files to the members")
        self.send_button.setAccessibleName("Send our files to the member schools")
        self.send_button.clicked.connect(self._send_files)
        self.check_button = QPushButton("Chec&k for new files…")
        self.check_button.setAccessibleName("Check for new files")
        self.check_button.clicked.connect(self._check_files)
        self.at_start = QCheckBox("Check for new files when the app s&tarts")
        self.at_start.setAccessibleName("Check for new files when the app starts")
        self.at_start.toggled.connect(self._on_at_start_toggled)
        explain = QLabel(
            "For partnerships that outgrow passing files by hand: choose a folder your schools "
            "already share through their own file sync (OneDrive, SharePoint, Google Drive, a "
            "network share). The app saves the files it sends there and lists the new files "
            "addressed to your school; you see each one before it is imported. Your database "
            "stays in your own data folder: file sync and the database's locking do not mix."
        )
        explain.setWordWrap(True)
        buttons = button_flow((self.choose_folder_button, self.send_button, self.check_button))
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.at_start)
        layout.addStretch(1)
        self._can_send = False

    def refresh(self, *, can_send: bool) -> None:
        self._can_send = can_send
        settings = self.ctx.services.partnership_folder.settings()
        self.folder_label.setText(
            f"Partnership folder: {settings.folder}"
            if settings.folder
            else "No partnership folder chosen yet."
        )
        self.at_start.blockSignals(True)
        self.at_start.setChecked(settings.check_at_start)
        self.at_start.blockSignals(False)
        chosen = settings.folder is not None
        self.at_start.setEnabled(chosen)
        self.check_button.setEnabled(chosen and self.ctx.school_id is not None)
        self.send_button.setEnabled(chosen and can_send)

    def _choose_folder(self) -> None:
        from desktop_app.ui.partnership_folder_actions import choose_folder

        if choose_folder(self.ctx, self):
            self.refresh(can_send=self._can_send)

    def _send_files(self) -> None:
        from desktop_app.ui.partnership_folder_actions import send_files

        send_files(self.ctx, self, self._members())

    def _check_files(self) -> None:
        from desktop_app.ui.partnership_folder_actions import check_for_new_files

        check_for_new_files(self.ctx, self)

    def _on_at_start_toggled(self, checked: bool) -> None:
        self.ctx.services.partnership_folder.set_check_at_start(checked)
