"""Use cases for impact on pupils: measures, measurements and published performance data.

Measures are part of the plan, so they change only in a draft version; measurements record
monitoring, so they may be added to an approved version too (as progress notes may).
Every change returns an Edit.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.domain.impact import Measure, MeasureDraft, Measurement, clean_measurement
from desktop_app.domain.plan import PlanLocked
from desktop_app.domain.published_data import PublishedFigure, clean_academic_year, results_date
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.gias_import import ImportFileError
from desktop_app.services.performance_import import (
    MAX_FILE_BYTES,
    ParsedResults,
    PerformancePreview,
    build_preview,
    parse_performance_csv,
)
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import PathProblem, check_file_to_read

_PLANS = Changes.of(Topic.PLANS, Topic.PLAN_IMPACT)


class ImpactService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # Reading ----------------------------------------------------------------

    def measures(self, plan_id: int) -> tuple[Measure, ...]:
        return self._store.impact.measures_for_plan(plan_id)

    def measure(self, measure_id: int) -> Measure:
        return self._store.impact.measure(measure_id)

    def published(self, urns: tuple[str, ...] | None = None) -> tuple[PublishedFigure, ...]:
        return self._store.impact.published(urns)

    def latest_published(self, school_id: int) -> dict[str, tuple[float, date]]:
        """Our school's newest published figure in each column, with the date it is recorded
        against, so a new measure can take its baseline from the published results."""
        urn = self._store.schools.get(school_id).urn
        latest: dict[str, tuple[float, date]] = {}
        for f in self._store.impact.published((urn,)):  # oldest year first
            if f.value is not None:
                latest[f.column] = (f.value, results_date(f.academic_year))
        return latest

    # Measures ---------------------------------------------------------------

    def add_measure(self, priority_id: int, draft: MeasureDraft) -> tuple[Measure, Edit]:
        self._editable(self._store.plans.plan_id_of_priority(priority_id))
        clean = draft.validated()
        with self._store.transaction():
            measure_id = self._store.impact.add_measure(priority_id, clean)
        edit = Edit("add measure", _PLANS, lambda: self.delete_measure(measure_id))
        return self._store.impact.measure(measure_id), edit

    def update_measure(self, measure_id: int, draft: MeasureDraft) -> Edit:
        self._editable(self._store.impact.plan_id_of_measure(measure_id))
        before = self._store.impact.measure(measure_id).draft
        clean = draft.validated()
        with self._store.transaction():
            self._store.impact.update_measure(measure_id, clean)
        return Edit("edit measure", _PLANS, lambda: self.update_measure(measure_id, before))

    def delete_measure(self, measure_id: int) -> Edit:
        """Its measurements go with it; undo puts both back with the same ids."""
        self._editable(self._store.impact.plan_id_of_measure(measure_id))
        measure = self._store.impact.measure(measure_id)
        with self._store.transaction():
            self._store.impact.delete_measure(measure_id)
        return Edit("delete measure", _PLANS, lambda: self._restore_measure(measure))

    def _restore_measure(self, measure: Measure) -> Edit:
        self._editable(self._store.plans.plan_id_of_priority(measure.priority_id))
        with self._store.transaction():
            self._store.impact.put_back((measure,))
        return Edit("delete measure", _PLANS, lambda: self.delete_measure(measure.id))

    # Measurements -----------------------------------------------------------

    def add_measurement(
        self, measure_id: int, taken_on: date, value: float, today: date, note: str = ""
    ) -> tuple[Measurement, Edit]:
        measure = self._store.impact.measure(measure_id)
        clean_note = clean_measurement(value, taken_on, note, measure.unit, today)
        with self._store.transaction():
            new_id = self._store.impact.add_measurement(
                measure_id, taken_on, float(value), clean_note
            )
        edit = Edit("add measurement", _PLANS, lambda: self.delete_measurement(new_id))
        return self._store.impact.measurement(new_id), edit

    def delete_measurement(self, measurement_id: int) -> Edit:
        gone = self._store.impact.measurement(measurement_id)
        with self._store.transaction():
            self._store.impact.delete_measurement(measurement_id)
        return Edit("delete measurement", _PLANS, lambda: self._restore_measurement(gone))

    def _restore_measurement(self, m: Measurement) -> Edit:
        with self._store.transaction():
            self._store.impact.add_measurement(
                m.measure_id, m.taken_on, m.value, m.note, m.source, m.id
            )
        return Edit("delete measurement", _PLANS, lambda: self.delete_measurement(m.id))

    # Published performance data ---------------------------------------------

    def preview_published(
        self, path: Path, academic_year: str, school_id: int, *, partners: bool = False
    ) -> PerformancePreview:
        """Read the file and say what importing it would add; writes nothing."""
        year = clean_academic_year(academic_year)
        try:
            check_file_to_read(path, "CSV file")
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ImportFileError("This file is too large to be a performance data download.")
            data = path.read_bytes()
        except PathProblem as exc:
            raise ImportFileError(str(exc)) from None
        except OSError as exc:
            raise ImportFileError(
                f"“{path.name}” cannot be read ({exc.strerror or exc})."
            ) from None
        return self.preview_published_bytes(path.name, data, year, school_id, partners=partners)

    def preview_published_bytes(
        self, file_name: str, data: bytes, academic_year: str, school_id: int, *, partners: bool
    ) -> PerformancePreview:
        year = clean_academic_year(academic_year)
        wanted = self.wanted_urns(school_id, partners=partners)
        parsed = parse_performance_csv(data, year, wanted)
        return self.preview_parsed(file_name, parsed, school_id, wanted)

    def wanted_urns(self, school_id: int, *, partners: bool) -> list[str]:
        """Our school's URN, then (if asked) every current partner school's."""
        school = self._store.schools.get(school_id)
        wanted = [school.urn]
        if partners:
            live = self._store.partners.urns(include_removed=False)
            wanted += sorted(live - {school.urn})
        return wanted

    def preview_parsed(
        self, file_name: str, parsed: ParsedResults, school_id: int, wanted: list[str]
    ) -> PerformancePreview:
        """Sort an already parsed file (parsing can run off the GUI thread; this cannot)."""
        school = self._store.schools.get(school_id)
        year = parsed.academic_year
        stored = {(f.urn, f.academic_year, f.column): f for f in self._store.impact.published()}
        measures: list[Measure] = []
        for round_ in self._store.rounds.for_school(school_id):
            versions = self._store.plans.version_list(round_.id)
            if versions:
                measures += [
                    m
                    for m in self._store.impact.measures_for_plan(versions[0].id)
                    if m.draft.published_column
                ]
        return build_preview(file_name, parsed, year, wanted, stored, {school.urn: tuple(measures)})

    def apply_published(self, preview: PerformancePreview) -> Edit:
        """Write what the preview showed, all or nothing."""
        label = f"import published results from {preview.file_name}"
        with self._store.transaction():
            stored = {(f.urn, f.academic_year, f.column): f for f in self._store.impact.published()}
            before = tuple(
                stored.get((f.urn, f.academic_year, f.column)) or f
                for f in (*preview.added, *preview.changed)
            )
            # A set: undo asks of every figure whether it was new (a national file with the
            # partners' rows can add tens of thousands).
            was_new = frozenset(
                (f.urn, f.academic_year, f.column)
                for f in preview.added
                if (f.urn, f.academic_year, f.column) not in stored
            )
            for figure in (*preview.added, *preview.changed):
                self._store.impact.save_published(figure)
            replaced: list[Measurement] = []
            added: list[int] = []
            when = results_date(preview.academic_year)
            for u in preview.measurements:
                assert u.figure.value is not None
                if u.existing_id is not None:
                    replaced.append(self._store.impact.measurement(u.existing_id))
                    self._store.impact.delete_measurement(u.existing_id)
                added.append(
                    self._store.impact.add_measurement(
                        u.measure.id, when, u.figure.value, "", u.source, u.existing_id
                    )
                )

        def undo() -> Edit:
            with self._store.transaction():
                self._store.impact.delete_published_many(was_new)
                for figure in before:
                    if (figure.urn, figure.academic_year, figure.column) not in was_new:
                        self._store.impact.save_published(figure)
                for measurement_id in added:
                    self._store.impact.delete_measurement(measurement_id)
                for m in replaced:
                    self._store.impact.add_measurement(
                        m.measure_id, m.taken_on, m.value, m.note, m.source, m.id
                    )
            return Edit(label, _PLANS, lambda: self.apply_published(preview))

        return Edit(label, _PLANS, undo)

    # -------------------------------------------------------------------------

    def _editable(self, plan_id: int) -> None:
        if self._store.plans.version_of(plan_id).is_locked:
            raise PlanLocked()
