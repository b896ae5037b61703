"""Progress over time: compare two rounds of a school, and each strand's trend."""

from __future__ import annotations

from desktop_app.domain.progress import ComparisonRow, StrandTrend, compare_rounds, strand_trends
from desktop_app.domain.review import ReviewRound, RoundScope
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.storage.store import Store


class ProgressService:
    def __init__(self, store: Store, assessment: AssessmentService) -> None:
        self._store = store
        self._assessment = assessment

    def compare(self, round_a: int, round_b: int) -> list[ComparisonRow]:
        a = self._store.rounds.get(round_a)
        b = self._store.rounds.get(round_b)
        if a.school_id != b.school_id:
            raise ValueError("Both rounds must belong to the same school.")
        return compare_rounds(
            self._assessment.framework_for(a),
            self._store.rounds.judgements(a.id),
            self._assessment.framework_for(b),
            self._store.rounds.judgements(b.id),
        )

    def rounds_oldest_first(self, school_id: int, scope: RoundScope) -> list[ReviewRound]:
        rounds = [r for r in self._store.rounds.for_school(school_id) if r.scope is scope]
        return list(reversed(rounds))

    def trends(
        self, school_id: int, scope: RoundScope
    ) -> tuple[list[ReviewRound], list[StrandTrend]]:
        """Rounds of one scope only: a school's own maturity and the partnership's differ."""
        rounds = self.rounds_oldest_first(school_id, scope)
        data = [
            (self._assessment.framework_for(r), self._store.rounds.judgements(r.id)) for r in rounds
        ]
        return rounds, strand_trends(data)
