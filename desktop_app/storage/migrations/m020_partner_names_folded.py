"""Partner schools' names folded for searching (accents removed, curly apostrophes made
straight, case folded), kept in the name index, so the partner finder in the commitment
dialog matches without calling Python for every school.

The finder walks the live schools by name until it has a pick list's worth of matches: a
word that matches nothing walks the whole register. Folding each name in a registered
SQLite function on the way took about 120 ms with the national register (50,000 schools);
reading a stored folded name from the table, about 50 ms (a row looked up for each school);
reading it and the URN from the name index itself, which the walk follows anyway, about
13 ms. The index replaces m012's, whose columns it starts with, so the register's order by
name (ids_in_order, all) reads it as quickly and a write updates one index, not two.
"""

from desktop_app.domain.text_search import fold_quickly
from desktop_app.storage.migrations.registry import MIGRATIONS
from desktop_app.storage.sql import Database


@MIGRATIONS()
def m020_add_partner_names_folded(db: Database) -> None:
    db.execute("ALTER TABLE partner_schools ADD COLUMN name_folded TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, name FROM partner_schools").fetchall()
    db.conn.executemany(
        "UPDATE partner_schools SET name_folded = ? WHERE id = ?",
        [(fold_quickly(name), partner_id) for partner_id, name in rows],
    )
    db.execute("DROP INDEX idx_partner_schools_live_name")
    db.execute(
        "CREATE INDEX idx_partner_schools_live_name_search"
        " ON partner_schools(removed_at, name COLLATE NOCASE, id, name_folded, urn)"
    )
