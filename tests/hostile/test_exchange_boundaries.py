"""Hand-made exchange files at the boundary: URNs, control characters, dates in the future,
and the way out of a bad file (forgetting a partner's last import)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from exchange_helpers import ALDER, BIRCH, setup_alder, setup_birch

from desktop_app.cli import build_parser, run_command
from desktop_app.domain.exchange import ExchangeFileError, checksum_of
from desktop_app.domain.school import is_urn
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.exchange_service import ImportState


@pytest.fixture
def pair(
    tmp_path: Path, catalogue: FrameworkCatalogue
) -> Iterator[tuple[AppServices, AppServices]]:
    alder = open_services(tmp_path / "alder.sqlite3", catalogue)
    birch = open_services(tmp_path / "birch.sqlite3", catalogue)
    setup_alder(alder)
    setup_birch(birch)
    yield alder, birch
    alder.close()
    birch.close()


def _document(alder: AppServices, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    out = tmp_path / "share.json"
    alder.exchange.share_by_urn(ALDER, BIRCH, out)
    return json.loads(out.read_text("utf-8"))  # type: ignore[no-any-return]


def _bytes(doc: dict) -> bytes:  # type: ignore[type-arg]
    doc["checksum"]["value"] = checksum_of(doc["payload"])
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    "urn", ["100777\n", "100777 ", "١٠٠٧٧٧", "１００７７７", "100 777", "10077"]
)
def test_urns_are_exactly_six_ascii_digits(urn: str) -> None:
    assert not is_urn(urn)


@pytest.mark.parametrize("urn", ["100777\n", "١٠٠٧٧٧"])
def test_a_near_urn_is_refused_before_anything_is_written(
    pair: tuple[AppServices, AppServices], tmp_path: Path, urn: str
) -> None:
    alder, birch = pair
    doc = _document(alder, tmp_path)
    doc["payload"]["from"]["urn"] = urn
    with pytest.raises(ExchangeFileError, match="six-digit URN"):
        birch.exchange.preview_bytes(_bytes(doc))


@pytest.mark.parametrize("text", ["a\x1bb", "a\x85b", "a\x9bb", "a\x00b", "a\x7fb"])
def test_control_characters_are_refused(
    pair: tuple[AppServices, AppServices], tmp_path: Path, text: str
) -> None:
    alder, birch = pair
    doc = _document(alder, tmp_path)
    doc["payload"]["commitments"][0]["what"] = text
    with pytest.raises(ExchangeFileError, match="control characters"):
        birch.exchange.preview_bytes(_bytes(doc))
    doc = _document(alder, tmp_path)
    doc["payload"]["from"]["name"] = "Alder\nPrimary"  # a name is one line
    with pytest.raises(ExchangeFileError, match="control characters"):
        birch.exchange.preview_bytes(_bytes(doc))


def test_a_file_from_the_future_is_refused_plainly(
    pair: tuple[AppServices, AppServices], tmp_path: Path
) -> None:
    alder, birch = pair
    doc = _document(alder, tmp_path)
    doc["payload"]["created_at"] = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    with pytest.raises(ExchangeFileError, match="more than a day from now"):
        birch.exchange.preview_bytes(_bytes(doc))
    doc["payload"]["created_at"] = (datetime.now(UTC) + timedelta(hours=20)).isoformat()
    assert birch.exchange.preview_bytes(_bytes(doc)).can_apply  # a slow clock is fine


def test_forgetting_a_partners_last_file_lets_genuine_files_in(
    pair: tuple[AppServices, AppServices], tmp_path: Path
) -> None:
    alder, birch = pair
    doc = _document(alder, tmp_path)
    genuine = _bytes(json.loads(json.dumps(doc)))
    doc["payload"]["created_at"] = (datetime.now(UTC) + timedelta(hours=23)).isoformat()
    birch.exchange.apply_import(birch.exchange.preview_bytes(_bytes(doc)))
    assert birch.exchange.preview_bytes(genuine).state is ImportState.OLDER
    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    edit = birch.exchange.forget_last_import(school.id, ALDER)
    assert birch.exchange.preview_bytes(genuine).state is ImportState.NEW
    redo = edit.reverse()
    assert birch.exchange.preview_bytes(genuine).state is ImportState.OLDER
    redo.reverse()
    preview = birch.exchange.preview_bytes(genuine)
    assert preview.state is ImportState.NEW
    birch.exchange.apply_import(preview)
    # The commitments the bad file brought were updated, not doubled.
    assert len(birch.commitments.list_for_school(school.id)) == 3


def test_forget_import_on_the_command_line(
    pair: tuple[AppServices, AppServices], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alder, birch = pair
    doc = _document(alder, tmp_path)
    birch.exchange.apply_import(birch.exchange.preview_bytes(_bytes(doc)))
    db = birch.db_path
    birch.close_without_backup()
    parser = build_parser()
    args = parser.parse_args(
        ["forget-import", "--db", str(db), "--school", BIRCH, "--partner", ALDER]
    )
    assert run_command(args) == 0
    assert "Forgot the last file" in capsys.readouterr().out
    assert run_command(args) == 1  # nothing left to forget: one plain line
    err = capsys.readouterr().err
    assert "Nothing has been imported" in err and "Traceback" not in err
    birch._store = open_services(db)._store  # the fixture closes it again
