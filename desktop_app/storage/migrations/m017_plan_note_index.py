"""Progress notes indexed by the action they are about and their date, so the plan page can
list one action's notes (or one priority's actions' notes) newest first a page at a time
without walking every note of a trust's plan (ten thousand), and deleting an action finds
the notes whose link it clears without a scan of them all."""

from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m017_index_plan_notes_by_action(db: Database) -> None:
    db.execute("CREATE INDEX idx_plan_notes_action ON plan_notes(action_id, written_on)")
