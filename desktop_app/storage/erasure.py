"""Really removing a school: its rows deleted with overwriting, and the log folded away."""

from __future__ import annotations

import sqlite3
import time

from desktop_app.storage.store import Store

_CHECKPOINT_TRIES = 20


def erase_school(store: Store, school_id: int) -> None:
    """Delete the school and everything that hangs off it (ON DELETE CASCADE), in one
    transaction, with secure_delete so freed pages are zeroed rather than left readable.
    When it was the last school, the shared partner register is deleted as well."""
    db = store.db
    db.execute("PRAGMA secure_delete = ON")
    try:
        with store.transaction():
            if not db.execute("SELECT 1 FROM schools WHERE id = ?", [school_id]).fetchone():
                raise LookupError("That school is no longer in this file.")
            if store.settings.get("last_school_id") == str(school_id):
                db.execute("DELETE FROM settings WHERE key IN ('last_school_id', 'last_round_id')")
            db.execute("DELETE FROM schools WHERE id = ?", [school_id])
            if not db.execute("SELECT 1 FROM schools LIMIT 1").fetchone():
                # The partner register (with contact names and emails) is shared by every
                # school in the file; with the last school gone, it goes too.
                db.execute("DELETE FROM partner_schools")
    finally:
        db.execute("PRAGMA secure_delete = OFF")
    fold_log_away(store)


def fold_log_away(store: Store) -> bool:
    """Copy the write-ahead log into the file and empty it, so old page images (which still
    hold deleted text) are gone. A background backup reading at that moment can delay it."""
    for _ in range(_CHECKPOINT_TRIES):
        try:
            busy = store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.OperationalError:
            busy = 1
        if not busy:
            return True
        time.sleep(0.05)
    return False
