"""The theory of the case per review round: its sentences and the links between strands."""

from __future__ import annotations

from desktop_app.domain.theory import StrandLink, TheoryOfTheCase
from desktop_app.storage.sql import Database


class TheoryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, round_id: int) -> TheoryOfTheCase:
        row = self._db.execute(
            "SELECT summary FROM theories_of_the_case WHERE round_id = ?", [round_id]
        ).fetchone()
        links = tuple(
            StrandLink(r["supporting"], r["supported"])
            for r in self._db.query(
                "SELECT supporting, supported FROM strand_links WHERE round_id = ?"
                " ORDER BY position, supporting, supported",
                [round_id],
            )
        )
        return TheoryOfTheCase(str(row[0]) if row else "", links)

    def save(self, round_id: int, theory: TheoryOfTheCase) -> None:
        """Replace the round's theory with this one (links keep the order given)."""
        self._db.execute(
            "INSERT INTO theories_of_the_case (round_id, summary) VALUES (?, ?)"
            " ON CONFLICT (round_id) DO UPDATE SET summary = excluded.summary",
            [round_id, theory.summary],
        )
        self._db.execute("DELETE FROM strand_links WHERE round_id = ?", [round_id])
        for position, link in enumerate(theory.links):
            self._db.execute(
                "INSERT INTO strand_links (round_id, supporting, supported, position)"
                " VALUES (?, ?, ?, ?)",
                [round_id, link.supporting, link.supported, position],
            )
