"""Baseline for bench/startup.py: the smallest PySide6 program that opens a window and paints once."""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class _QuitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"first paint at {time.time():.6f}", flush=True)  # as the app reports it
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QLabel("Hello")
quitter = _QuitOnPaint()
window.installEventFilter(quitter)
window.resize(1280, 820)
window.show()
sys.exit(app.exec())
