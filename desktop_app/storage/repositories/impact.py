"""Measures and measurements, published figures, the monitoring schedule and visits.

Deleted rows are re-inserted with their old ids on undo, so ids stay stable for the undo stack.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from desktop_app.domain.impact import Measure, MeasureDraft, Measurement, PupilGroup, Unit
from desktop_app.domain.monitoring import (
    Assignment,
    AssignmentDraft,
    Focus,
    FocusKind,
    Frequency,
    Visit,
    VisitDraft,
)
from desktop_app.domain.published_data import PublishedFigure
from desktop_app.storage.sql import Database


def _measurement(row: Any) -> Measurement:
    return Measurement(
        id=row["id"],
        measure_id=row["measure_id"],
        taken_on=date.fromisoformat(row["taken_on"]),
        value=float(row["value"]),
        note=row["note"],
        source=row["source"],
    )


def _draft(row: Any) -> MeasureDraft:
    return MeasureDraft(
        what=row["what"],
        group=PupilGroup(row["pupil_group"]),
        group_detail=row["group_detail"],
        unit=Unit(row["unit"]),
        higher_is_better=bool(row["higher_is_better"]),
        baseline=float(row["baseline"]),
        baseline_on=date.fromisoformat(row["baseline_on"]),
        target=float(row["target"]),
        target_on=date.fromisoformat(row["target_on"]),
        shareable=bool(row["shareable"]),
        published_column=row["published_column"],
    )


def _draft_values(d: MeasureDraft) -> list[object]:
    """Columns what, pupil_group, group_detail, unit, higher_is_better, baseline,
    baseline_on, target, target_on, shareable, published_column."""
    return [
        d.what,
        d.group.value,
        d.group_detail,
        d.unit.value,
        int(d.higher_is_better),
        d.baseline,
        d.baseline_on.isoformat(),
        d.target,
        d.target_on.isoformat(),
        int(d.shareable),
        d.published_column,
    ]


_MEASURE_COLUMNS = (
    "what, pupil_group, group_detail, unit, higher_is_better, baseline, baseline_on, target,"
    " target_on, shareable, published_column"
)


class ImpactRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # Measures -----------------------------------------------------------------

    def measures_for_plan(self, plan_id: int) -> tuple[Measure, ...]:
        """In the order of the plan's priorities, then as added."""
        rows = list(
            self._db.query(
                "SELECT m.* FROM impact_measures m JOIN plan_priorities p ON p.id = m.priority_id"
                " WHERE p.plan_id = ? ORDER BY p.position, p.id, m.position, m.id",
                [plan_id],
            )
        )
        return self._assemble(rows)

    def measures_for_priorities(self, priority_ids: tuple[int, ...]) -> tuple[Measure, ...]:
        marks = ",".join("?" * len(priority_ids))
        rows = list(
            self._db.query(
                f"SELECT * FROM impact_measures WHERE priority_id IN ({marks})"
                " ORDER BY priority_id, position, id",
                list(priority_ids),
            )
        )
        return self._assemble(rows)

    def measure(self, measure_id: int) -> Measure:
        rows = list(self._db.query("SELECT * FROM impact_measures WHERE id = ?", [measure_id]))
        if not rows:
            raise LookupError(f"No measure with id {measure_id}")
        return self._assemble(rows)[0]

    def _assemble(self, rows: list[Any]) -> tuple[Measure, ...]:
        if not rows:
            return ()
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        by_measure: dict[int, list[Measurement]] = {i: [] for i in ids}
        for r in self._db.query(
            f"SELECT * FROM impact_measurements WHERE measure_id IN ({marks})"
            " ORDER BY taken_on, id",
            ids,
        ):
            by_measure[r["measure_id"]].append(_measurement(r))
        return tuple(
            Measure(r["id"], r["priority_id"], r["position"], _draft(r), tuple(by_measure[r["id"]]))
            for r in rows
        )

    def add_measure(
        self,
        priority_id: int,
        draft: MeasureDraft,
        *,
        position: int | None = None,
        measure_id: int | None = None,
    ) -> int:
        if position is None:
            row = self._db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM impact_measures WHERE priority_id = ?",
                [priority_id],
            ).fetchone()
            position = int(row[0])
        cursor = self._db.execute(
            f"INSERT INTO impact_measures (id, priority_id, position, {_MEASURE_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [measure_id, priority_id, position, *_draft_values(draft)],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_measure(self, measure_id: int, draft: MeasureDraft) -> None:
        sets = ", ".join(f"{c.strip()} = ?" for c in _MEASURE_COLUMNS.split(","))
        self._db.execute(
            f"UPDATE impact_measures SET {sets} WHERE id = ?", [*_draft_values(draft), measure_id]
        )

    def delete_measure(self, measure_id: int) -> None:
        self._db.execute("DELETE FROM impact_measures WHERE id = ?", [measure_id])

    def put_back(self, measures: tuple[Measure, ...]) -> None:
        """Re-insert measures (and their measurements) with their old ids."""
        for m in measures:
            self.add_measure(m.priority_id, m.draft, position=m.position, measure_id=m.id)
            for x in m.measurements:
                self.add_measurement(m.id, x.taken_on, x.value, x.note, x.source, x.id)

    # Measurements -------------------------------------------------------------

    def add_measurement(
        self,
        measure_id: int,
        taken_on: date,
        value: float,
        note: str = "",
        source: str = "",
        measurement_id: int | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO impact_measurements (id, measure_id, taken_on, value, note, source)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [measurement_id, measure_id, taken_on.isoformat(), value, note, source],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def measurement(self, measurement_id: int) -> Measurement:
        rows = list(
            self._db.query("SELECT * FROM impact_measurements WHERE id = ?", [measurement_id])
        )
        if not rows:
            raise LookupError(f"No measurement with id {measurement_id}")
        return _measurement(rows[0])

    def delete_measurement(self, measurement_id: int) -> None:
        self._db.execute("DELETE FROM impact_measurements WHERE id = ?", [measurement_id])

    def plan_id_of_measure(self, measure_id: int) -> int:
        row = self._db.execute(
            "SELECT p.plan_id FROM impact_measures m JOIN plan_priorities p"
            " ON p.id = m.priority_id WHERE m.id = ?",
            [measure_id],
        ).fetchone()
        if row is None:
            raise LookupError(f"No measure with id {measure_id}")
        return int(row[0])

    # Published figures --------------------------------------------------------

    def published(self, urns: tuple[str, ...] | None = None) -> tuple[PublishedFigure, ...]:
        sql = "SELECT * FROM published_results"
        params: list[object] = []
        if urns is not None:
            sql += f" WHERE urn IN ({','.join('?' * len(urns))})"
            params = list(urns)
        sql += " ORDER BY urn, academic_year, column_name"
        return tuple(
            PublishedFigure(
                r["urn"],
                r["school_name"],
                r["key_stage"],
                r["academic_year"],
                r["column_name"],
                None if r["value"] is None else float(r["value"]),
                r["raw"],
            )
            for r in self._db.query(sql, params)
        )

    def save_published(self, figure: PublishedFigure) -> None:
        self._db.execute(
            "INSERT INTO published_results (urn, academic_year, column_name, key_stage,"
            " school_name, value, raw) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (urn, academic_year, column_name) DO UPDATE SET"
            " key_stage = excluded.key_stage, school_name = excluded.school_name,"
            " value = excluded.value, raw = excluded.raw",
            [
                figure.urn,
                figure.academic_year,
                figure.column,
                figure.key_stage,
                figure.school_name,
                figure.value,
                figure.raw,
            ],
        )

    def delete_published_many(self, keys: Iterable[tuple[str, str, str]]) -> None:
        """Remove figures by (urn, academic year, column): one statement for them all."""
        self._db.conn.executemany(
            "DELETE FROM published_results WHERE urn = ? AND academic_year = ? AND column_name = ?",
            keys,
        )

    # Monitoring schedule ------------------------------------------------------

    def assignments(self, plan_id: int) -> tuple[Assignment, ...]:
        return tuple(
            Assignment(
                r["id"],
                r["plan_id"],
                AssignmentDraft(
                    r["governor"],
                    r["priority_id"],
                    r["action_id"],
                    Frequency(r["frequency"]),
                    date.fromisoformat(r["next_on"]),
                ),
            )
            for r in self._db.query(
                "SELECT * FROM monitoring_assignments WHERE plan_id = ? ORDER BY next_on, id",
                [plan_id],
            )
        )

    def assignment(self, assignment_id: int) -> Assignment:
        row = self._db.execute(
            "SELECT plan_id FROM monitoring_assignments WHERE id = ?", [assignment_id]
        ).fetchone()
        if row is None:
            raise LookupError(f"No monitoring with id {assignment_id}")
        return next(a for a in self.assignments(int(row[0])) if a.id == assignment_id)

    def add_assignment(
        self, plan_id: int, d: AssignmentDraft, *, assignment_id: int | None = None
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO monitoring_assignments (id, plan_id, governor, priority_id, action_id,"
            " frequency, next_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                assignment_id,
                plan_id,
                d.governor,
                d.priority_id,
                d.action_id,
                d.frequency.value,
                d.next_on.isoformat(),
            ],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_assignment(self, assignment_id: int, d: AssignmentDraft) -> None:
        self._db.execute(
            "UPDATE monitoring_assignments SET governor = ?, priority_id = ?, action_id = ?,"
            " frequency = ?, next_on = ? WHERE id = ?",
            [
                d.governor,
                d.priority_id,
                d.action_id,
                d.frequency.value,
                d.next_on.isoformat(),
                assignment_id,
            ],
        )

    def delete_assignment(self, assignment_id: int) -> None:
        self._db.execute("DELETE FROM monitoring_assignments WHERE id = ?", [assignment_id])

    def assignments_for(
        self, priority_ids: tuple[int, ...], action_ids: tuple[int, ...]
    ) -> tuple[Assignment, ...]:
        """Monitoring of these priorities or actions (what goes when they are deleted)."""
        p_marks, a_marks = ",".join("?" * len(priority_ids)), ",".join("?" * len(action_ids))
        rows = self._db.execute(
            "SELECT id, plan_id FROM monitoring_assignments"
            f" WHERE priority_id IN ({p_marks}) OR action_id IN ({a_marks})",
            [*priority_ids, *action_ids],
        ).fetchall()
        ids = {int(r[0]) for r in rows}
        plans = {int(r[1]) for r in rows}
        return tuple(a for pid in sorted(plans) for a in self.assignments(pid) if a.id in ids)

    # Visits -------------------------------------------------------------------

    def visits(self, round_id: int) -> tuple[Visit, ...]:
        """Newest first."""
        return tuple(
            Visit(
                r["id"],
                r["round_id"],
                VisitDraft(
                    date.fromisoformat(r["visited_on"]),
                    r["governor"],
                    Focus(FocusKind(r["focus_kind"]), r["focus_ref"], r["focus_title"]),
                    r["saw"],
                    r["questions"],
                    r["follow_up"],
                ),
                r["follow_up_action_id"],
            )
            for r in self._db.query(
                "SELECT * FROM monitoring_visits WHERE round_id = ?"
                " ORDER BY visited_on DESC, id DESC",
                [round_id],
            )
        )

    def visit(self, visit_id: int) -> Visit:
        row = self._db.execute(
            "SELECT round_id FROM monitoring_visits WHERE id = ?", [visit_id]
        ).fetchone()
        if row is None:
            raise LookupError(f"No visit with id {visit_id}")
        return next(v for v in self.visits(int(row[0])) if v.id == visit_id)

    def add_visit(
        self,
        round_id: int,
        d: VisitDraft,
        follow_up_action_id: int | None = None,
        *,
        visit_id: int | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO monitoring_visits (id, round_id, visited_on, governor, focus_kind,"
            " focus_ref, focus_title, saw, questions, follow_up, follow_up_action_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                visit_id,
                round_id,
                d.visited_on.isoformat(),
                d.governor,
                d.focus.kind.value,
                d.focus.ref,
                d.focus.title,
                d.saw,
                d.questions,
                d.follow_up,
                follow_up_action_id,
            ],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def delete_visit(self, visit_id: int) -> None:
        self._db.execute("DELETE FROM monitoring_visits WHERE id = ?", [visit_id])

    def link_follow_up(self, visit_id: int, action_id: int | None) -> None:
        self._db.execute(
            "UPDATE monitoring_visits SET follow_up_action_id = ? WHERE id = ?",
            [action_id, visit_id],
        )
