"""Swapping what partners have agreed, by file: "Share with partner..." and "Import from partner...".

Sharing writes only what the partner may see: the levels agreed for the partnership as a
whole, the plan's priorities that are not marked confidential, and the commitments involving
that partner that are not marked confidential (no evidence, no notes, no other partners).

Importing checks the whole file first (domain/exchange.py), then previews, then merges in
one transaction: the same file twice changes nothing; a newer file from the same partner
replaces their part; what they promised us becomes a commitment we receive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from desktop_app.domain.dates import date_text, moment_text
from desktop_app.domain.directory import DirectorySchool
from desktop_app.domain.exchange import (
    MAX_FILE_BYTES,
    Exchange,
    ExchangeFileError,
    ReceivedExchange,
    SchoolRef,
    SharedCommitment,
    SharedPriority,
    SharedRound,
    encode_exchange,
)
from desktop_app.domain.exchange_decode import ReadShare, decode_share
from desktop_app.domain.partners import PartnerSchool, PartnerSchoolDetails
from desktop_app.domain.review import RoundScope, RoundStatus
from desktop_app.domain.school import School
from desktop_app.services.assessment_service import AssessmentService
from desktop_app.services.changes import Changes, Edit, Topic
from desktop_app.services.commitment_service import CommitmentService
from desktop_app.services.partner_service import PartnerService
from desktop_app.services.plan_service import PlanService
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import check_file_to_read, write_private


class ImportState(Enum):
    NEW = "new"  # nothing from this partner yet
    NEWER = "newer"  # replaces an older file from them
    SAME = "same"  # this very file was imported before
    OLDER = "older"  # a newer file from them is already in


@dataclass(frozen=True)
class ImportPreview:
    exchange: Exchange
    checksum: str
    school: School
    partner: PartnerSchool | None  # None: the partner school will be added
    state: ImportState
    new_commitments: int
    updated_commitments: int
    withdrawn_commitments: int
    unknown_strands: tuple[str, ...]
    # The sender as the school directory knows it, when it is not yet a partner school.
    directory_school: DirectorySchool | None = None
    # The payload as the checksum covers it, kept from reading the file so the import
    # stores it as it came instead of encoding it again.
    payload_text: str | None = None

    @property
    def can_apply(self) -> bool:
        return self.state in (ImportState.NEW, ImportState.NEWER)

    def lines(self) -> list[str]:
        ex = self.exchange
        made = moment_text(ex.created_at)
        lines = [f"From {ex.sender.name} (URN {ex.sender.urn}) to {self.school.name}, made {made}."]
        if self.state is ImportState.SAME:
            return [
                *lines,
                "This file has been imported already: importing it again changes nothing.",
            ]
        if self.state is ImportState.OLDER:
            return [*lines, "A newer file from this partner is already imported: nothing to do."]
        if self.partner is None:
            lines.append(f"{ex.sender.name} will be added to your partner schools.")
            known = self.directory_school
            if known is not None:
                lines.append(f"In the school directory: {known.name}, {known.describe()}.")
        if ex.agreed:
            lines.append(
                f"Agreed levels for the partnership: {len(ex.agreed.levels)} strands "
                f"(“{ex.agreed.title}”, {date_text(ex.agreed.held_on)})."
            )
        lines.append(f"Priorities: {len(ex.priorities)}.")
        lines.append(
            f"Commitments: {self.new_commitments} new, {self.updated_commitments} updated, "
            f"{self.withdrawn_commitments} no longer shared."
        )
        if self.unknown_strands:
            lines.append(
                "Strands this version does not know will be left off commitments: "
                + ", ".join(self.unknown_strands[:5])
            )
        return lines


@dataclass(frozen=True)
class ShareSummary:
    path: Path
    partner_name: str
    levels: int
    priorities: int
    commitments: int

    @property
    def message(self) -> str:
        return (
            f"Saved a file for {self.partner_name}: {self.levels} agreed levels, "
            f"{self.priorities} priorities and {self.commitments} commitments. "
            "Nothing marked confidential was included."
        )


def read_exchange_bytes(path: Path) -> bytes:
    check_file_to_read(path, "partner's file")
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ExchangeFileError(
            f"“{Path(path).name}” cannot be read ({exc.strerror or exc}). Nothing was changed."
        ) from None


class ExchangeService:
    def __init__(
        self,
        store: Store,
        assessment: AssessmentService,
        plans: PlanService,
        partners: PartnerService,
        commitments: CommitmentService,
    ) -> None:
        self._store = store
        self._assessment = assessment
        self._plans = plans
        self._partners = partners
        self._commitments = commitments

    # Sharing -----------------------------------------------------------------------

    def _partner_by_urn(self, urn: str) -> PartnerSchool | None:
        # A URN is unique among partner schools, removed ones included: one indexed look-up,
        # not the whole register (which may hold every school in England) for each file.
        return self._partners.by_urn(urn)

    def build_exchange(self, school_id: int, partner_id: int, now: datetime) -> Exchange:
        school = self._store.schools.get(school_id)
        partner = self._partners.get(partner_id)
        if not partner.urn:
            raise ValueError(
                f"Add {partner.name}'s URN first: the file is addressed to the school's URN."
            )
        agreed = None
        rounds = self._assessment.rounds(school_id)
        shared_round = next(
            (
                r
                for r in rounds
                if r.scope is RoundScope.PARTNERSHIP and r.status is RoundStatus.AGREED
            ),
            None,
        )
        if shared_round is not None:
            levels = self._assessment.judgements(shared_round.id)
            agreed = SharedRound(
                shared_round.title,
                shared_round.held_on,
                shared_round.framework_id,
                shared_round.framework_edition,
                tuple((s, j.level) for s, j in sorted(levels.items()) if j.level is not None),
            )
        priorities: tuple[SharedPriority, ...] = ()
        plans = [p for r in rounds if (p := self._plans.approved(r.id))]
        plans = plans or [p for r in rounds if (p := self._plans.current(r.id))]
        if plans:
            priorities = tuple(
                SharedPriority(p.title, p.strand_ids, p.target_level)
                for p in plans[0].priorities
                if not p.confidential
            )
        # Commitments that arrived in this partner's own files are theirs: sending them back
        # would make the partner import copies of its own promises.
        theirs = set(self._store.exchange.commitment_refs(school_id, partner.urn).values())
        commitments = tuple(
            SharedCommitment(
                c.id, c.direction, c.what, c.strand_ids, c.owner, c.start, c.due, c.review, c.status
            )
            for c in self._commitments.list_for_school(school_id)
            if partner_id in c.partner_ids and not c.confidential and c.id not in theirs
        )
        return Exchange(
            SchoolRef(school.urn, school.name),
            SchoolRef(partner.urn, partner.name),
            now,
            agreed,
            priorities,
            commitments,
        )

    def share(
        self, school_id: int, partner_id: int, out: Path, now: datetime | None = None
    ) -> ShareSummary:
        exchange = self.build_exchange(school_id, partner_id, now or datetime.now(UTC))
        write_private(Path(out), encode_exchange(exchange))
        return ShareSummary(
            Path(out),
            exchange.recipient.name,
            len(exchange.agreed.levels) if exchange.agreed else 0,
            len(exchange.priorities),
            len(exchange.commitments),
        )

    def share_by_urn(self, school_urn: str, partner_urn: str, out: Path) -> ShareSummary:
        school = self._store.schools.by_urn(school_urn.strip())
        if school is None:
            raise LookupError(f"There is no school with URN {school_urn} in this file.")
        partner = self._partner_by_urn(partner_urn.strip())
        if partner is None:
            raise LookupError(f"There is no partner school with URN {partner_urn} in this file.")
        return self.share(school.id, partner.id, out)

    # Importing ---------------------------------------------------------------------

    def received(self, school_id: int) -> list[ReceivedExchange]:
        """What each partner has shared with this school (newest file from each)."""
        return self._store.exchange.for_school(school_id)

    @staticmethod
    def read_file(path: Path) -> ReadShare:
        """Read and check a partner file (the exchange, its checksum and its payload). Touches
        nothing in the open file, so it may run in the background; preview_decoded() follows
        on its thread."""
        return decode_share(read_exchange_bytes(path))

    def preview_file(self, path: Path) -> ImportPreview:
        return self.preview_decoded(*self.read_file(path))

    def preview_bytes(self, data: bytes) -> ImportPreview:
        return self.preview_decoded(*decode_share(data))

    def _known_strands(self) -> frozenset[str]:
        return frozenset(s.id for fw in self._assessment.catalogue.frameworks for s in fw.strands())

    def preview_decoded(
        self, exchange: Exchange, checksum: str, payload_text: str | None = None
    ) -> ImportPreview:
        school = self._store.schools.by_urn(exchange.recipient.urn)
        if school is None:
            raise ExchangeFileError(
                f"This partner file is addressed to URN {exchange.recipient.urn}, which is not "
                "a school in this file. Nothing was changed."
            )
        latest = self._store.exchange.latest_stamp(school.id, exchange.sender.urn)
        if latest is None:
            state = ImportState.NEW
        elif latest[1] == checksum:
            state = ImportState.SAME
        elif exchange.created_at > latest[0]:
            state = ImportState.NEWER
        else:
            state = ImportState.OLDER
        refs = self._store.exchange.commitment_refs(school.id, exchange.sender.urn)
        incoming = {c.ref for c in exchange.commitments}
        known = self._known_strands()
        unknown = {s for c in exchange.commitments for s in c.strand_ids if s not in known}
        return ImportPreview(
            exchange,
            checksum,
            school,
            self._partner_by_urn(exchange.sender.urn),
            state,
            len(incoming - set(refs)),
            len(incoming & set(refs)),
            len(set(refs) - incoming),
            tuple(sorted(unknown)),
            self._store.directory.get(exchange.sender.urn),
            payload_text,
        )

    def apply_import(self, preview: ImportPreview) -> tuple[str, Changes]:
        """Merge the previewed file; returns a message for the user and what changed."""
        if not preview.can_apply:
            return preview.lines()[-1], Changes.of()
        ex = preview.exchange
        try:
            with self._store.transaction():
                # Checked again inside the transaction, so two imports cannot interleave.
                latest = self._store.exchange.latest_stamp(preview.school.id, ex.sender.urn)
                if latest is not None and latest[0] >= ex.created_at:
                    return "A file as new as this one is already imported.", Changes.of()
                partner = self._ensure_partner(ex.sender)
                # The file was checked in full when it was read (exchange_decode), and the
                # preview holds it unchanged: its commitments go in without a second check.
                self._store.exchange.merge_commitments(
                    preview.school.id, partner.id, ex, self._known_strands()
                )
                self._store.exchange.save(
                    preview.school.id, partner.id, ex, preview.checksum, preview.payload_text
                )
        except (ValueError, LookupError) as exc:
            if isinstance(exc, ExchangeFileError):
                raise
            raise ExchangeFileError(
                f"This partner file could not be imported ({exc}). Nothing was changed."
            ) from None
        message = f"Imported what {ex.sender.name} shared with {preview.school.name}."
        return message, Changes.of(Topic.EXCHANGE, Topic.COMMITMENTS, Topic.PARTNERS)

    def forget_last_import(self, school_id: int, partner_urn: str) -> Edit:
        """Forget the newest file imported from this partner, so the next file from them is
        taken whatever its date (the way out of a bad or wrongly dated file). What it brought
        stays; a later file from the partner updates it as usual."""
        with self._store.transaction():
            row = self._store.exchange.forget(school_id, partner_urn.strip())
        if row is None:
            raise LookupError(f"Nothing has been imported from URN {partner_urn[:20]}.")
        return self._forgotten_edit(school_id, row)

    def _forgotten_edit(self, school_id: int, row: dict[str, object]) -> Edit:
        urn = str(row["partner_urn"])

        def reverse() -> Edit:
            with self._store.transaction():
                self._store.exchange.put_back(row)

            def redo() -> Edit:
                with self._store.transaction():
                    self._store.exchange.forget(school_id, urn)
                return self._forgotten_edit(school_id, row)

            return Edit("forget a partner's last file", Changes.of(Topic.EXCHANGE), redo)

        return Edit("forget a partner's last file", Changes.of(Topic.EXCHANGE), reverse)

    def _ensure_partner(self, sender: SchoolRef) -> PartnerSchool:
        existing = self._partner_by_urn(sender.urn)
        if existing is not None:
            return existing
        known = self._store.directory.get(sender.urn)
        details = (
            known.partner_details()
            if known is not None
            else PartnerSchoolDetails(name=sender.name or f"School {sender.urn}", urn=sender.urn)
        )
        partner, _ = self._partners.create_partner(details)
        return partner
