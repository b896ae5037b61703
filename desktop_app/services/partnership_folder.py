"""The partnership folder: a folder the schools already share through their own file sync.

The app writes the files it sends there and lists the files in it that are addressed to
one of our schools; the user imports the ones they accept, each after its preview. There
is no server: the schools' own sync (OneDrive, SharePoint, Google Drive, a network share)
moves the files. The database itself never goes there (folder_location.py).

Reading the folder touches no database (read_folder), so it can run in the background;
sorting the files into new, already imported and not for us (classify) is quick and uses
the open file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from desktop_app.domain.dates import moment_text
from desktop_app.domain.exchange import (
    KIND_JOINT_STATEMENT,
    KIND_RATING_REQUEST,
    KIND_RATING_RETURN,
    MAX_FILE_BYTES,
    Exchange,
    ExchangeFileError,
    encode_exchange,
)
from desktop_app.domain.joint_decode import JointFile
from desktop_app.domain.joint_review import RatingRequest, RatingReturn
from desktop_app.services.changes import Changes
from desktop_app.services.exchange_service import ExchangeService, ImportPreview
from desktop_app.services.folder_location import (
    MARKER_NAME,
    MARKER_TEXT,
    PARTNERSHIP_FOLDER_KEY,
    REASON,
    is_within,
)
from desktop_app.services.joint_import_service import JointImportService, JointPreview
from desktop_app.storage.store import Store
from desktop_app.storage.user_files import PathProblem, write_private

CHECK_AT_START_KEY = "partnership_folder_check_at_start"

#: A synced folder can collect thousands of files; listing stops here and says so.
MAX_LISTED = 2_000
_NAME = re.compile(r"^[^/\\:*?\"<>|\x00-\x1f]{1,150}$")


class FolderError(ValueError):
    """Why the partnership folder cannot be used; str() is the message for the user."""


def folder_problem(folder: Path, *, for_writing: bool) -> str | None:
    """What is wrong with this folder, in plain words, or None if it can be used."""
    shown = f"“{folder}”"
    if folder.is_symlink() and not folder.exists():
        return (
            f"{shown} is a link to a folder that no longer exists. Check that your file sync "
            "is set up on this computer, or choose the folder again."
        )
    if not folder.exists():
        return (
            f"There is no folder at {shown}. It may have been moved or renamed, or your file "
            "sync may not have finished setting it up. Choose the folder again."
        )
    if not folder.is_dir():
        return f"{shown} is a file, not a folder. Choose the folder that holds the shared files."
    if not os.access(folder, os.R_OK | os.X_OK):
        return f"This computer's account may not open {shown}. Ask whoever set up the sharing."
    if for_writing and not os.access(folder, os.W_OK):
        return (
            f"{shown} is read-only for you, so files cannot be saved there. Ask whoever set "
            "up the sharing for permission to add files, or choose another folder."
        )
    return None


class IncomingState(Enum):
    NEW = "new"  # addressed to one of our schools, not imported yet (or newer than the last)
    IMPORTED = "imported"  # this file, or a newer one from the same school, is already in
    NOT_FOR_US = "not_for_us"  # addressed to another school
    FROM_US = "from_us"  # one of the files we sent
    UNREADABLE = "unreadable"  # damaged, too large, or not a file this version reads

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    IncomingState.NEW: "New",
    IncomingState.IMPORTED: "Already imported",
    IncomingState.NOT_FOR_US: "For another school",
    IncomingState.FROM_US: "Sent by us",
    IncomingState.UNREADABLE: "Cannot be read",
}


@dataclass(frozen=True)
class FolderFile:
    """One file read from the folder: a share file, a joint-review file, or the reason it
    could not be read."""

    path: Path
    exchange: Exchange | None
    checksum: str
    problem: str = ""
    joint: JointFile | None = None
    payload_text: str | None = None  # a share file's payload as its checksum covers it


@dataclass(frozen=True)
class IncomingFile:
    path: Path
    state: IncomingState
    detail: str  # what kind of file, who sent it, to whom, when; or why it cannot be read
    exchange: Exchange | None = None
    checksum: str = ""
    joint: JointPreview | None = None  # a joint-review file's preview, worked out on listing
    payload_text: str | None = None

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class FolderListing:
    folder: Path
    files: tuple[IncomingFile, ...]
    more_not_listed: int = 0

    def new_files(self) -> list[IncomingFile]:
        return [f for f in self.files if f.state is IncomingState.NEW]


@dataclass(frozen=True)
class FolderSettings:
    folder: Path | None
    check_at_start: bool


def _decoded(path: Path, data: bytes) -> FolderFile:
    """A share file or one of the joint-review kinds, each checked by its own reader."""
    from desktop_app.domain.exchange_decode import read_kind
    from desktop_app.domain.joint_decode import decode_joint

    _kind, share = read_kind(data)
    if share is not None:
        return FolderFile(path, share.exchange, share.checksum, payload_text=share.payload_text)
    joint, checksum = decode_joint(data)
    return FolderFile(path, None, checksum, joint=joint)


def read_folder(folder: Path) -> tuple[list[FolderFile], int]:
    """Every partner file in the folder, decoded (no database; safe in the background).
    Returns the files and how many more were left unread beyond MAX_LISTED."""
    problem = folder_problem(folder, for_writing=False)
    if problem:
        raise FolderError(problem)
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.name.lower().endswith(".json") and not entry.name.startswith(".")
        )
    except OSError as exc:
        raise FolderError(f"“{folder}” could not be read ({exc.strerror or exc}).") from None
    found = []
    for name in names[:MAX_LISTED]:
        path = folder / name
        try:
            if not path.is_file():
                continue
            with open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            found.append(_decoded(path, data))
        except ExchangeFileError as exc:
            found.append(FolderFile(path, None, "", str(exc)))
        except OSError as exc:
            found.append(FolderFile(path, None, "", f"It cannot be read ({exc.strerror or exc})."))
    return found, max(0, len(names) - MAX_LISTED)


class PartnershipFolderService:
    def __init__(self, store: Store, exchange: ExchangeService, joint: JointImportService) -> None:
        self._store = store
        self._exchange = exchange
        self._joint = joint

    # The setting ---------------------------------------------------------------------

    def settings(self) -> FolderSettings:
        folder = self._store.settings.get(PARTNERSHIP_FOLDER_KEY)
        check = self._store.settings.get(CHECK_AT_START_KEY) == "1"
        return FolderSettings(Path(folder) if folder else None, check)

    def choose_folder(self, folder: Path, *, check_at_start: bool = False) -> FolderSettings:
        """Name the partnership folder. Refused, with the reason, when it holds (or is held
        by) this database or its backups, or cannot be written to."""
        folder = Path(os.path.abspath(folder))
        problem = folder_problem(folder, for_writing=True)
        if problem:
            raise FolderError(problem)
        db_path = self._store.path
        if is_within(db_path, folder) or is_within(db_path.parent / "backups", folder):
            raise FolderError(
                f"“{folder}” holds this database ({db_path.name}) or its backups. "
                f"{REASON} Choose a folder that only holds the files the schools send."
            )
        if is_within(folder, db_path.parent / "backups"):
            raise FolderError(
                "That folder is where this file's backups are kept; backups hold everything, "
                "confidential notes included. Choose a folder of its own for the shared files."
            )
        try:
            marker = folder / MARKER_NAME
            if not marker.exists():
                write_private(marker, MARKER_TEXT.encode("utf-8"))
        except (OSError, PathProblem) as exc:
            raise FolderError(
                f"Nothing could be saved in “{folder}” ({getattr(exc, 'strerror', None) or exc}). "
                "Check that you may add files there, or choose another folder."
            ) from None
        with self._store.transaction(counts_as_change=False):
            self._store.settings.set(PARTNERSHIP_FOLDER_KEY, str(folder))
            self._store.settings.set(CHECK_AT_START_KEY, "1" if check_at_start else "0")
        return self.settings()

    def set_check_at_start(self, check: bool) -> None:
        with self._store.transaction(counts_as_change=False):
            self._store.settings.set(CHECK_AT_START_KEY, "1" if check else "0")

    def folder(self) -> Path:
        """The chosen folder, checked: raises FolderError with what to do when it is unusable."""
        folder = self.settings().folder
        if folder is None:
            raise FolderError("No partnership folder has been chosen yet.")
        return folder

    # Outgoing ------------------------------------------------------------------------

    def write(self, name: str, data: bytes) -> Path:
        """Save one outgoing file (any kind) in the partnership folder under `name`, whole
        or not at all; a file of the same name is replaced (the newer file supersedes it)."""
        if not _NAME.match(name) or name.startswith(".") or name in (MARKER_NAME, "..", "."):
            raise FolderError(f"“{name[:60]}” cannot be used as a file name.")
        folder = self.folder()
        problem = folder_problem(folder, for_writing=True)
        if problem:
            raise FolderError(problem)
        path = folder / name
        try:
            write_private(path, data)
        except PathProblem as exc:  # a full disk, a read-only folder: it says which, plainly
            raise FolderError(str(exc)) from None
        return path

    def share_with(self, school_id: int, partner_ids: list[int], now: datetime) -> list[str]:
        """Write our share file for each of these partners into the folder; returns one line
        per partner saying what was written (or why not: a partner without a URN)."""
        school = self._store.schools.get(school_id)
        lines = []
        for partner_id in partner_ids:
            partner = self._store.partners.get(partner_id)
            if not partner.urn:
                lines.append(f"{partner.name}: not sent (add the school's URN first).")
                continue
            exchange = self._exchange.build_exchange(school_id, partner_id, now)
            self.write(f"share {school.urn} to {partner.urn}.json", encode_exchange(exchange))
            lines.append(
                f"{partner.name}: {len(exchange.commitments)} commitments, "
                f"{len(exchange.priorities)} priorities"
                + (", our agreed levels" if exchange.agreed else "")
                + "."
            )
        return lines

    # Incoming ------------------------------------------------------------------------

    def classify(self, school_id: int, files: list[FolderFile], more: int = 0) -> FolderListing:
        """Sort the folder's files for one of our schools: new, imported, not for us."""
        school = self._store.schools.get(school_id)
        imported = self._store.partnership_promises.imported_files(school_id)
        listed = []
        for f in files:
            if f.joint is not None:
                listed.append(self._classify_joint(school.urn, f, f.joint))
                continue
            ex = f.exchange
            if ex is None:
                listed.append(IncomingFile(f.path, IncomingState.UNREADABLE, f.problem))
                continue
            made = moment_text(ex.created_at.astimezone())
            detail = f"From {ex.sender.name} (URN {ex.sender.urn}) to {ex.recipient.name}, {made}"
            if ex.sender.urn == school.urn:
                state = IncomingState.FROM_US
            elif ex.recipient.urn != school.urn:
                state = IncomingState.NOT_FOR_US
            else:
                before = imported.get(ex.sender.urn)
                fresh = before is None or (before[0] != f.checksum and ex.created_at > before[1])
                state = IncomingState.NEW if fresh else IncomingState.IMPORTED
            listed.append(
                IncomingFile(f.path, state, detail, ex, f.checksum, payload_text=f.payload_text)
            )
        return FolderListing(self.folder(), tuple(listed), more)

    def _classify_joint(self, our_urn: str, f: FolderFile, file: JointFile) -> IncomingFile:
        from desktop_app.domain.exchange_decode import kind_name

        made = moment_text(file.created_at.astimezone())
        if isinstance(file, RatingRequest):
            kind = KIND_RATING_REQUEST
        elif isinstance(file, RatingReturn):
            kind = KIND_RATING_RETURN
        else:
            kind = KIND_JOINT_STATEMENT
        what = kind_name(kind).capitalize()
        detail = (
            f"{what}, from {file.sender.name} (URN {file.sender.urn}) to "
            f"{file.recipient.name}, {made}"
        )
        if file.sender.urn == our_urn:
            return IncomingFile(f.path, IncomingState.FROM_US, detail)
        if file.recipient.urn != our_urn:
            return IncomingFile(f.path, IncomingState.NOT_FOR_US, detail)
        try:
            preview = self._joint.preview(file, f.checksum)
        except ExchangeFileError as exc:
            return IncomingFile(f.path, IncomingState.UNREADABLE, f"{detail}. {exc}")
        state = IncomingState.NEW if preview.can_apply else IncomingState.IMPORTED
        return IncomingFile(f.path, state, detail, checksum=f.checksum, joint=preview)

    def listing(self, school_id: int) -> FolderListing:
        """read_folder and classify in one go (the command line; tests)."""
        files, more = read_folder(self.folder())
        return self.classify(school_id, files, more)

    def preview(self, incoming: IncomingFile) -> ImportPreview | JointPreview:
        """The same preview as importing the file by hand, for a file listed in the folder."""
        if incoming.joint is not None:
            return incoming.joint
        if incoming.exchange is None:
            raise FolderError(incoming.detail)
        return self._exchange.preview_decoded(
            incoming.exchange, incoming.checksum, incoming.payload_text
        )

    @staticmethod
    def preview_lines(preview: ImportPreview | JointPreview) -> list[str]:
        return list(preview.lines) if isinstance(preview, JointPreview) else preview.lines()

    def apply(self, preview: ImportPreview | JointPreview) -> tuple[str, Changes]:
        """Import a previewed file of either kind, in one transaction."""
        if isinstance(preview, JointPreview):
            return self._joint.apply(preview)
        return self._exchange.apply_import(preview)
