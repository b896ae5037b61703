"""Commitments' folded text made again now that folding makes curly apostrophes straight
(text_search.fold), so "St Mary's" typed finds "St Mary’s" pasted from a word processor
in commitments saved before, as it does in those saved after."""

from desktop_app.domain.text_search import fold_quickly
from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m018_fold_curly_apostrophes(db: Database) -> None:
    rows = db.execute(
        "SELECT id, what, owner FROM commitments"
        " WHERE instr(what || owner, '’') > 0 OR instr(what || owner, '‘') > 0"
    ).fetchall()
    db.conn.executemany(
        "UPDATE commitments SET what_folded = ?, owner_folded = ? WHERE id = ?",
        [(fold_quickly(what), fold_quickly(owner), cid) for cid, what, owner in rows],
    )
