"""Assemble a frozen snapshot for a PDF, then (possibly on another thread) render it.

snapshot() reads the database and must run on the thread that owns the connection; write()
only touches the snapshot and the file system, so the window runs it in the background.
ReportLab is imported only inside write(), so starting the app never loads it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.audience import Audience
from desktop_app.domain.framework import descriptor_wording_note
from desktop_app.domain.moderation import DecisionLine
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.reports.export import ExportResult, check_password
from desktop_app.reports.snapshot import Progress, ReportSnapshot, partner_safe
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import check_file_to_write, write_private

if TYPE_CHECKING:
    from desktop_app.services.moderation_service import ModerationService


def _busy_hint(out: Path) -> str:
    return (
        f"“{out}” could not be replaced: it is probably open in another program, such as a "
        "PDF viewer. Close it there and export again, or choose another name."
    )


class PdfExportService:
    def __init__(
        self, store: Store, assessment: AssessmentService, moderation: ModerationService
    ) -> None:
        self._store = store
        self._assessment = assessment
        self._moderation = moderation

    def default_round_id(self, school_id: int) -> int:
        rounds = self._store.rounds.for_school(school_id)
        if not rounds:
            raise LookupError("This school has no review round yet, so there is nothing to export.")
        return rounds[0].id

    def partner_by_urn(self, urn: str) -> int:
        partner = self._store.partners.by_urn(urn.strip())
        if partner is None:
            raise LookupError(f"There is no partner school with URN {urn.strip()} in this file.")
        return partner.id

    def snapshot(
        self,
        school_id: int,
        audience: Audience,
        today: date,
        *,
        round_id: int | None = None,
        partner_id: int | None = None,
        author: str = "",
    ) -> ReportSnapshot:
        if audience.rules.joint_statement:
            from desktop_app.services.partnership_pdf import partnership_snapshot

            return partnership_snapshot(
                self._store, self._assessment, school_id, today, round_id, author
            )
        school = self._store.schools.get(school_id)
        round_id = round_id if round_id is not None else self.default_round_id(school_id)
        round_ = self._store.rounds.get(round_id)
        if round_.school_id != school_id:
            raise ValueError("That review round belongs to another school.")
        framework = self._assessment.framework_for(round_)
        previous = self._store.rounds.previous(round_)
        rules = audience.rules
        versions = self._store.plans.versions(round_id)
        plan = versions[0] if versions else None
        if rules.approved_plan_first and plan is not None and not plan.is_locked:
            plan = next((p for p in versions if p.is_locked), plan)
        commitments = tuple(self._store.commitments.for_school(school_id))
        snap = ReportSnapshot(
            audience=audience,
            school=school,
            round=round_,
            framework_title=framework.title
            if framework.edition in framework.title
            else f"{framework.title}, {framework.edition} edition",
            profile=self._assessment.profile(round_id),
            judgements=self._store.rounds.judgements(round_id),
            plan=plan,
            today=today,
            commitments=commitments,
            partners=tuple(
                sorted(
                    self._store.partners.by_ids(p for c in commitments for p in c.partner_ids),
                    key=lambda p: (p.name.casefold(), p.id),
                )
            ),
            reflections=tuple(
                self._store.reflections.get(school_id, scope) for scope in ReflectionScope
            ),
            author=author or school.name,
            previous_round_title=previous.title if previous else None,
            moderated=self._moderated(round_id) if rules.moderation else (),
            wording_note=descriptor_wording_note(framework, round_.scope),
            theory=self._store.theories.get(round_id),
            measures=self._store.impact.measures_for_plan(plan.id) if plan else (),
            monitoring=self._store.impact.assignments(plan.id) if plan else (),
            visits=self._store.impact.visits(round_id),
        )
        if rules.for_one_partner:
            if partner_id is None:
                raise ValueError("Choose the partner school this version is for.")
            return partner_safe(snap, self._store.partners.get(partner_id))
        return snap

    def _moderated(self, round_id: int) -> tuple[DecisionLine, ...]:
        lines = self._moderation.decisions(round_id)
        return tuple(line for line in lines if line.moderated)

    @staticmethod
    def write(
        snapshot: ReportSnapshot,
        out: Path,
        *,
        password: str | None = None,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Render and save; safe to run off the GUI thread (no database access).

        The path is checked before the slow rendering; the file is written owner-only,
        all or nothing (a full disk leaves no partial PDF). progress() may raise (Cancelled,
        services/errors.py) to stop the export: it is never called once writing starts, so
        a stopped export has written nothing and an existing file of that name is untouched.
        """
        from desktop_app.reports.export import render_pdf

        out = check_file_to_write(Path(out), "PDF file")
        data, pages = render_pdf(snapshot, password=password, progress=progress)
        if progress:
            progress(98, "Saving the PDF…")  # the last moment Cancel stops the export
        write_private(out, data, busy_hint=_busy_hint(out))
        return ExportResult(out, pages, len(data), bool(password))

    def export(
        self,
        school_id: int,
        audience: Audience,
        out: Path,
        today: date,
        *,
        round_id: int | None = None,
        partner_id: int | None = None,
        password: str | None = None,
    ) -> ExportResult:
        """Snapshot and write in one go (the command line)."""
        check_password(password)
        snap = self.snapshot(school_id, audience, today, round_id=round_id, partner_id=partner_id)
        return self.write(snap, out, password=password)
