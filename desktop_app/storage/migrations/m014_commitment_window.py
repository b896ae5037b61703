"""Commitments' text folded for searching and sorting (accents removed, case folded), so
the commitments screen searches and sorts in SQL without calling Python for every row."""

from desktop_app.domain.text_search import fold_quickly
from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m014_add_commitment_folded_text(db: Database) -> None:
    db.execute("ALTER TABLE commitments ADD COLUMN what_folded TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE commitments ADD COLUMN owner_folded TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, what, owner FROM commitments").fetchall()
    db.conn.executemany(
        "UPDATE commitments SET what_folded = ?, owner_folded = ? WHERE id = ?",
        [(fold_quickly(what), fold_quickly(owner), cid) for cid, what, owner in rows],
    )
