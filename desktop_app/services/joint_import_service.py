"""Importing the joint-review kinds of exchange file: a rating request (on a member's side),
a rating return (on the lead's), a joint statement (on a member's). One file or a whole
folder; the same strictness as a share file: everything checked before anything is used,
a preview, one transaction, the same file twice changes nothing, an older file never
replaces a newer one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.domain.dates import date_text, moment_text
from desktop_app.domain.exchange import ExchangeFileError
from desktop_app.domain.joint_decode import JointFile, decode_joint
from desktop_app.domain.joint_review import JointStatement, RatingRequest, RatingReturn
from desktop_app.domain.review import RoundStatus
from desktop_app.domain.school import School
from desktop_app.services.changes import Changes, Topic
from desktop_app.services.exchange_service import ImportState, read_exchange_bytes
from desktop_app.services.joint_files import checked_folder
from desktop_app.services.joint_review_service import JointReviewService, utc_now
from desktop_app.storage.store import Store

IMPORT_CHANGES = Changes.of(Topic.EXCHANGE, Topic.RATINGS, Topic.ROUNDS)
#: A folder may hold other files; only these are read, and at most this many.
MAX_FOLDER_FILES = 500


@dataclass(frozen=True)
class JointPreview:
    """What importing one joint-review file would do, before anything is written."""

    file: JointFile
    checksum: str
    school: School
    state: ImportState
    lines: tuple[str, ...]
    round_id: int | None = None  # the lead's joint review a rating return belongs to

    @property
    def can_apply(self) -> bool:
        return self.state in (ImportState.NEW, ImportState.NEWER)


@dataclass(frozen=True)
class FolderRead:
    """A folder's files read and checked, before the open database is consulted."""

    read: tuple[tuple[Path, tuple[JointFile, str]], ...]
    refused: tuple[tuple[Path, str], ...]


@dataclass(frozen=True)
class FolderPreview:
    ready: tuple[tuple[Path, JointPreview], ...]
    refused: tuple[tuple[Path, str], ...]

    def lines(self) -> list[str]:
        lines = [f"{p.name}: {' '.join(preview.lines)}" for p, preview in self.ready]
        lines += [f"{p.name}: {reason}" for p, reason in self.refused]
        return lines


def _state(existing: tuple[datetime, str] | None, made: datetime, checksum: str) -> ImportState:
    if existing is None:
        return ImportState.NEW
    if existing[1] == checksum:
        return ImportState.SAME
    return ImportState.NEWER if made > existing[0] else ImportState.OLDER


_STATE_LINES = {
    ImportState.SAME: "This file has been imported already: importing it again changes nothing.",
    ImportState.OLDER: "A newer file from this school is already imported: nothing to do.",
}


class JointImportService:
    def __init__(
        self,
        store: Store,
        reviews: JointReviewService,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._store = store
        self._reviews = reviews
        self._clock = clock

    @staticmethod
    def read_file(path: Path) -> tuple[JointFile, str]:
        """Read and check one file; touches nothing in the open database (may run off the
        GUI thread)."""
        return decode_joint(read_exchange_bytes(path))

    def preview_file(self, path: Path) -> JointPreview:
        return self.preview(*self.read_file(path))

    def preview(self, file: JointFile, checksum: str) -> JointPreview:
        school = self._store.schools.by_urn(file.recipient.urn)
        if school is None:
            raise ExchangeFileError(
                f"This file is addressed to URN {file.recipient.urn}, which is not a school "
                "in this file. Nothing was changed."
            )
        made = moment_text(file.created_at)
        head = f"From {file.sender.name} (URN {file.sender.urn}) to {school.name}, made {made}."
        if isinstance(file, RatingRequest):
            return self._preview_request(file, checksum, school, head)
        if isinstance(file, RatingReturn):
            return self._preview_return(file, checksum, school, head)
        return self._preview_statement(file, checksum, school, head)

    def _preview_request(
        self, file: RatingRequest, checksum: str, school: School, head: str
    ) -> JointPreview:
        existing = self._store.joint_reviews.request_for(school.id, file.review.ref)
        state = _state(
            (existing.request.created_at, existing.checksum) if existing else None,
            file.created_at,
            checksum,
        )
        body = (
            f"A request to rate {file.review.partnership} (“{file.review.title}”): "
            f"{len(file.strand_ids)} strands, {len(file.members)} member schools. "
            "Your own review rounds are not changed."
        )
        return JointPreview(file, checksum, school, state, (head, _STATE_LINES.get(state, body)))

    def _preview_return(
        self, file: RatingReturn, checksum: str, school: School, head: str
    ) -> JointPreview:
        round_id = self._store.joint_reviews.round_for_ref(file.review_ref)
        review = self._reviews.review(round_id) if round_id is not None else None
        if review is None or round_id is None:
            raise ExchangeFileError(
                "These ratings answer a joint review that is not in this file. Nothing was changed."
            )
        round_ = self._store.rounds.get(round_id)
        if round_.school_id != school.id:
            raise ExchangeFileError(
                "These ratings belong to another school's joint review. Nothing was changed."
            )
        if review.member(file.sender.urn) is None or file.sender.urn == school.urn:
            raise ExchangeFileError(
                f"{file.sender.name} is not a member school of this joint review. "
                "Nothing was changed."
            )
        asked = set(review.strand_ids)
        extra = [r.strand_id for r in file.ratings if r.strand_id not in asked]
        if extra:
            raise ExchangeFileError(
                f"These ratings include a strand the review did not ask for ({extra[0]}). "
                "Nothing was changed."
            )
        state = _state(
            self._store.joint_reviews.return_state(round_id, file.sender.urn),
            file.created_at,
            checksum,
        )
        if state in (ImportState.NEW, ImportState.NEWER) and round_.status is RoundStatus.AGREED:
            raise ExchangeFileError(
                "This joint review has been agreed, so its ratings are locked. Reopen the round "
                "as a draft to take in late ratings. Nothing was changed."
            )
        body = f"Ratings of {len(file.ratings)} of {len(asked)} strands for “{round_.title}”" + (
            " (replacing the school's earlier ratings)." if state is ImportState.NEWER else "."
        )
        lines = (head, _STATE_LINES.get(state, body))
        return JointPreview(file, checksum, school, state, lines, round_id)

    def _preview_statement(
        self, file: JointStatement, checksum: str, school: School, head: str
    ) -> JointPreview:
        state = _state(
            self._store.joint_reviews.statement_state(school.id, file.review.ref),
            file.created_at,
            checksum,
        )
        when = date_text(file.agreed_on)
        body = (
            f"The joint statement of {file.review.partnership}, agreed with "
            f"{len(file.members)} schools on {when}: {len(file.strands)} strands and "
            f"{len(file.commitments)} joint commitments."
        )
        return JointPreview(file, checksum, school, state, (head, _STATE_LINES.get(state, body)))

    # Applying ---------------------------------------------------------------------------

    def apply(self, preview: JointPreview) -> tuple[str, Changes]:
        if not preview.can_apply:
            return preview.lines[-1], Changes.of()
        with self._store.transaction():
            message = self._apply_one(preview)
        return message, IMPORT_CHANGES

    def _apply_one(self, preview: JointPreview) -> str:
        """Inside the caller's transaction; checked again there so imports cannot interleave."""
        file, school = preview.file, preview.school
        repo = self._store.joint_reviews
        if isinstance(file, RatingRequest):
            existing = repo.request_for(school.id, file.review.ref)
            if existing and existing.request.created_at >= file.created_at:
                return "A request as new as this one is already imported."
            repo.save_request(school.id, file, preview.checksum)
            return f"{file.sender.name}'s request is ready to rate under Joint review ratings."
        if isinstance(file, RatingReturn):
            assert preview.round_id is not None
            state = repo.return_state(preview.round_id, file.sender.urn)
            if state and state[0] >= file.created_at:
                return "Ratings as new as these are already imported."
            self._reviews.store_ratings(
                preview.round_id, file.sender.urn, file.created_at, preview.checksum, file.ratings
            )
            return f"Imported {file.sender.name}'s ratings ({len(file.ratings)} strands)."
        state = repo.statement_state(school.id, file.review.ref)
        if state and state[0] >= file.created_at:
            return "A joint statement as new as this one is already imported."
        repo.save_statement(
            school.id, self._partnership_for(school.id, file), file, preview.checksum
        )
        return f"Stored the joint statement of {file.review.partnership}."

    def _partnership_for(self, school_id: int, statement: JointStatement) -> int | None:
        """The partnership in this school's register the statement is about: the one whose
        member schools overlap the statement's members most (the lead among them)."""
        urns = {m.urn for m in statement.members}
        best: tuple[int, int] | None = None
        for partnership in self._store.partnerships.for_school(school_id):
            member_urns = {self._store.partners.get(p).urn for p in partnership.member_ids}
            if statement.sender.urn not in member_urns:
                continue
            overlap = len(member_urns & urns)
            if best is None or overlap > best[0]:
                best = (overlap, partnership.id)
        return best[1] if best else None

    # Folders ----------------------------------------------------------------------------

    @staticmethod
    def read_folder(folder: Path) -> FolderRead:
        """Read and check every .json file in the folder; touches nothing in the open
        database, so it may run off the GUI thread (preview_read() follows on the GUI's)."""
        folder = checked_folder(folder)
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        if len(paths) > MAX_FOLDER_FILES:
            raise ValueError(
                f"{folder} holds more than {MAX_FOLDER_FILES} files: choose a smaller folder."
            )
        read, refused = [], []
        for path in paths:
            try:
                read.append((path, JointImportService.read_file(path)))
            except ExchangeFileError as exc:
                refused.append((path, str(exc)))
        return FolderRead(tuple(read), tuple(refused))

    def preview_read(self, folder: FolderRead) -> FolderPreview:
        """What importing the files read from a folder would do; nothing is written."""
        ready, refused = [], list(folder.refused)
        for path, (file, checksum) in folder.read:
            try:
                ready.append((path, self.preview(file, checksum)))
            except ExchangeFileError as exc:
                refused.append((path, str(exc)))
        return FolderPreview(tuple(ready), tuple(sorted(refused)))

    def preview_folder(self, folder: Path) -> FolderPreview:
        """Every .json file in the folder, checked and previewed; nothing is written."""
        return self.preview_read(self.read_folder(folder))

    def apply_folder(self, preview: FolderPreview) -> tuple[list[str], Changes]:
        """Every ready file in one transaction: all of them, or on any failure none."""
        messages = []
        with self._store.transaction():
            for path, item in preview.ready:
                if item.can_apply:
                    messages.append(f"{path.name}: {self._apply_one(item)}")
        return messages, IMPORT_CHANGES if messages else Changes.of()
