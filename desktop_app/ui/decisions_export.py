"""Save the decisions for the minutes: a save dialog, then the service writes the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.ui.context import UiContext

TEXT_FILTER = "Plain text (*.txt)"
CSV_FILTER = "CSV for a spreadsheet (*.csv)"


def with_suffix_for(name: str, chosen_filter: str) -> Path:
    """Add .csv or .txt when the user typed a bare name, following the chosen file type."""
    path = Path(name)
    if path.suffix.lower() in (".csv", ".txt"):
        return path
    return path.with_name(path.name + (".csv" if chosen_filter == CSV_FILTER else ".txt"))


def export_decisions(ctx: UiContext, parent: QWidget, round_id: int) -> tuple[Path | None, str]:
    """Ask where, write the file; returns the path written (None if cancelled) and a message."""
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        "Export the decisions for the minutes",
        str(Path.home() / "decisions.txt"),
        f"{TEXT_FILTER};;{CSV_FILTER}",
    )
    if not name:
        return None, ""
    try:
        written = ctx.services.moderation.export_decisions(round_id, with_suffix_for(name, chosen))
    except ValueError as exc:  # a refused path or a full disk, said plainly
        return None, f"Could not save the decisions. {exc}"
    return written, f"Decisions saved to {written}."
