"""Share with partner / import from partner, through the real services and two real files."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from exchange_helpers import ALDER, BIRCH, SECRET, every_row, setup_alder, setup_birch, share_file

from desktop_app.cli import build_parser, run_command
from desktop_app.domain.exchange import ExchangeFileError, checksum_of
from desktop_app.domain.exchange_decode import decode_exchange
from desktop_app.domain.levels import Level
from desktop_app.domain.partners import Direction
from desktop_app.domain.rag import WorkStatus
from desktop_app.domain.text_search import fold
from desktop_app.frameworks.loader import FrameworkCatalogue
from desktop_app.services.container import AppServices, open_services
from desktop_app.services.exchange_service import ImportState


@pytest.fixture
def alder(
    tmp_path: Path, catalogue: FrameworkCatalogue, blank_file: Callable[[Path], Path]
) -> Iterator[AppServices]:
    s = open_services(blank_file(tmp_path / "alder.sqlite3"), catalogue, backup_on_close=False)
    setup_alder(s)
    yield s
    s.close()


def test_share_holds_only_what_the_partner_may_see(alder: AppServices, tmp_path: Path) -> None:
    out = share_file(alder, tmp_path / "for-birch.json")
    raw = out.read_bytes()
    assert SECRET.encode() not in raw
    assert b"Cedar" not in raw and b"100003" not in raw
    assert b"Our self-review" not in raw and b"leading" not in raw  # not the shared scope
    exchange, _ = decode_exchange(raw)
    assert exchange.sender.urn == ALDER and exchange.recipient.urn == BIRCH
    assert exchange.agreed is not None
    assert dict(exchange.agreed.levels) == {
        "joint-practice-development": Level.EMBEDDING,
        "mentoring-and-coaching": Level.DEVELOPING,
    }
    assert [p.title for p in exchange.priorities] == ["Coaching across both schools"]
    assert sorted(c.what for c in exchange.commitments) == [
        "Birch shares its reading programme",
        "Host two coaching days",
        "Joint moderation of writing",
    ]
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def _searchable(services: AppServices) -> bool:
    """Every commitment carries its folded text, which the commitments screen searches."""
    rows = services._store.db.execute(
        "SELECT what, owner, what_folded, owner_folded FROM commitments"
    ).fetchall()
    return bool(rows) and all((fold(w), fold(o)) == (wf, of) for w, o, wf, of in rows)


def test_import_flips_directions_and_adds_the_partner(
    alder: AppServices, birch: AppServices, tmp_path: Path
) -> None:
    out = share_file(alder, tmp_path / "for-birch.json")
    preview = birch.exchange.preview_file(out)
    assert preview.state is ImportState.NEW and preview.partner is None
    assert preview.new_commitments == 3
    assert any("Alder Primary will be added" in line for line in preview.lines())
    message, changes = birch.exchange.apply_import(preview)
    assert "Alder Primary" in message and changes.topics

    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    partners = birch.partners.list_partners()
    assert [(p.name, p.urn) for p in partners] == [("Alder Primary", ALDER)]
    got = {c.what: c for c in birch.commitments.list_for_school(school.id)}
    assert got["Host two coaching days"].direction is Direction.WE_RECEIVE
    assert got["Birch shares its reading programme"].direction is Direction.WE_GIVE
    assert got["Joint moderation of writing"].direction is Direction.JOINT
    assert all(c.partner_ids == (partners[0].id,) for c in got.values())
    received = birch.exchange.received(school.id)
    assert len(received) == 1 and received[0].exchange.agreed is not None
    assert _searchable(birch)


def test_same_file_twice_changes_nothing(
    alder: AppServices, birch: AppServices, tmp_path: Path
) -> None:
    out = share_file(alder, tmp_path / "for-birch.json")
    birch.exchange.apply_import(birch.exchange.preview_file(out))
    before, writes = every_row(birch), birch._store.write_count
    again = birch.exchange.preview_file(out)
    assert again.state is ImportState.SAME and not again.can_apply
    message, changes = birch.exchange.apply_import(again)
    assert "changes nothing" in message and not changes.topics
    assert every_row(birch) == before and birch._store.write_count == writes


def test_newer_file_updates_their_part_and_older_is_ignored(
    alder: AppServices, birch: AppServices, tmp_path: Path
) -> None:
    first = share_file(alder, tmp_path / "first.json")
    birch.exchange.apply_import(birch.exchange.preview_file(first))
    school_id = alder.schools.by_urn(ALDER).id  # type: ignore[union-attr]
    host = next(c for c in alder.commitments.list_for_school(school_id) if "Host" in c.what)
    reading = next(c for c in alder.commitments.list_for_school(school_id) if "reading" in c.what)
    alder.commitments.set_status(host.id, WorkStatus.DONE)
    alder.commitments.remove(reading.id)
    partner_id = alder.exchange._partner_by_urn(BIRCH).id  # type: ignore[union-attr]
    second = tmp_path / "second.json"
    alder.exchange.share(school_id, partner_id, second, now=datetime.now(UTC) + timedelta(hours=1))

    preview = birch.exchange.preview_file(second)
    assert preview.state is ImportState.NEWER
    assert (preview.new_commitments, preview.updated_commitments) == (0, 2)
    assert preview.withdrawn_commitments == 1
    birch.exchange.apply_import(preview)
    birch_school = birch.schools.by_urn(BIRCH).id  # type: ignore[union-attr]
    got = {c.what: c for c in birch.commitments.list_for_school(birch_school)}
    assert got["Host two coaching days"].status is WorkStatus.DONE
    assert "Birch shares its reading programme" not in got
    assert len(got) == 2  # updated in place, not duplicated
    assert _searchable(birch)

    before = every_row(birch)
    old = birch.exchange.preview_file(first)
    assert old.state is ImportState.OLDER
    birch.exchange.apply_import(old)
    assert every_row(birch) == before


def _tamper(path: Path, change: str) -> bytes:
    doc = json.loads(path.read_text(encoding="utf-8"))
    if change == "edit":
        doc["payload"]["commitments"][0]["what"] = "Something else entirely"
    elif change == "edit-and-rehash-wrongly":
        doc["payload"]["to"]["urn"] = "100009"
    elif change == "newer-format":
        doc["format_version"] = 99
    elif change == "unknown-field":
        doc["payload"]["commitments"][0]["extra"] = 1
        doc["checksum"]["value"] = checksum_of(doc["payload"])
    elif change == "wrong-school":
        doc["payload"]["to"]["urn"] = "100009"
        doc["checksum"]["value"] = checksum_of(doc["payload"])
    elif change == "bad-date":
        doc["payload"]["commitments"][0]["due"] = "2026-02-30"
        doc["checksum"]["value"] = checksum_of(doc["payload"])
    return json.dumps(doc).encode("utf-8")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("edit", "checksum"),
        ("edit-and-rehash-wrongly", "checksum"),
        ("newer-format", "newer version"),
        ("unknown-field", "expected form"),
        ("wrong-school", "not a school in this file"),
        ("bad-date", "not a date"),
        ("truncated", "cut short"),
        ("empty", "empty"),
        ("not-json", "not a text file"),
    ],
)
def test_bad_files_get_a_clear_message_and_change_nothing(
    alder: AppServices, birch: AppServices, tmp_path: Path, change: str, words: str
) -> None:
    good = share_file(alder, tmp_path / "good.json")
    if change == "truncated":
        data = good.read_bytes()[: len(good.read_bytes()) // 2]
    elif change == "empty":
        data = b""
    elif change == "not-json":
        data = b"\xff\xfe\x00garbage"
    else:
        data = _tamper(good, change)
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    before = every_row(birch)
    with pytest.raises(ExchangeFileError, match=words) as caught:
        birch.exchange.preview_file(bad)
    assert "Nothing was changed" in str(caught.value)
    assert every_row(birch) == before


def test_failure_part_way_through_the_merge_rolls_everything_back(
    alder: AppServices, birch: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = share_file(alder, tmp_path / "for-birch.json")
    preview = birch.exchange.preview_file(out)
    before = every_row(birch)

    # The commitments are written by then: keeping the file as the partner's newest fails.
    def fail_after_writing(*args: object) -> None:
        assert birch._store.db.conn.in_transaction
        assert birch._store.commitments.count(birch.schools.by_urn(BIRCH).id) == 3  # type: ignore[union-attr]
        raise ValueError("disk said no")

    monkeypatch.setattr(birch._store.exchange, "save", fail_after_writing)
    with pytest.raises(ExchangeFileError, match="Nothing was changed"):
        birch.exchange.apply_import(preview)
    assert every_row(birch) == before


def test_command_line_share_and_import(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    alder_db, birch_db = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for db, setup in ((alder_db, setup_alder), (birch_db, setup_birch)):
        services = open_services(db)
        setup(services)
        services.close()
    out = tmp_path / "cli.json"
    parser = build_parser()
    args = ["share", "--db", str(alder_db), "--school", ALDER, "--partner", BIRCH]
    assert run_command(parser.parse_args([*args, "--out", str(out)])) == 0
    assert "Nothing marked confidential" in capsys.readouterr().out
    imp = ["import-share", "--db", str(birch_db), "--file", str(out)]
    assert run_command(parser.parse_args(imp)) == 0
    assert "Imported what Alder Primary shared" in capsys.readouterr().out
    assert run_command(parser.parse_args(imp)) == 0
    assert "changes nothing" in capsys.readouterr().out
    out.write_bytes(out.read_bytes()[:100])
    assert run_command(parser.parse_args(imp)) == 1
    assert "cut short" in capsys.readouterr().err
    bad = ["share", "--db", str(alder_db), "--school", ALDER, "--partner", "999999"]
    assert run_command(parser.parse_args([*bad, "--out", str(out)])) == 1
    assert "no partner school with URN 999999" in capsys.readouterr().err


def test_export_json_includes_what_partners_shared(
    alder: AppServices, birch: AppServices, tmp_path: Path
) -> None:

    out = share_file(alder, tmp_path / "for-birch.json")
    birch.exchange.apply_import(birch.exchange.preview_file(out))
    exported = birch.json_export.everything()
    (school,) = exported["schools"]
    (received,) = school["received_from_partners"]
    assert received["file"]["from"]["urn"] == ALDER
    assert len(received["checksum"]) == 64
    json.dumps(exported)  # plain JSON all the way down


def _hostile_file(alder: AppServices, tmp_path: Path, hostile: str) -> Path:
    from desktop_app.domain.exchange import EXCHANGE_FORMAT

    good = json.loads(share_file(alder, tmp_path / "good.json").read_text(encoding="utf-8"))
    payload = good["payload"]
    payload["from"]["name"] = hostile[:200]
    payload["commitments"][0]["what"] = hostile * 10
    doc = {
        "format": EXCHANGE_FORMAT,
        "format_version": 1,
        "checksum": {"algorithm": "sha256", "value": checksum_of(payload)},
        "payload": payload,
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_hostile_text_is_stored_as_plain_text(
    alder: AppServices, birch: AppServices, tmp_path: Path
) -> None:
    hostile = "'); DROP TABLE commitments; -- <img src=x onerror=alert(1)> 🙂"
    path = _hostile_file(alder, tmp_path, hostile)
    birch.exchange.apply_import(birch.exchange.preview_file(path))
    school = birch.schools.by_urn(BIRCH)
    assert school is not None
    whats = [c.what for c in birch.commitments.list_for_school(school.id)]
    assert any(w.startswith("'); DROP TABLE commitments;") for w in whats)
    assert birch.partners.list_partners()[0].name.startswith("'); DROP TABLE")


@pytest.mark.parametrize("mark", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_bidirectional_overrides_are_refused_like_control_characters(
    alder: AppServices, birch: AppServices, tmp_path: Path, mark: str
) -> None:
    path = _hostile_file(alder, tmp_path, f"Coaching visit {mark}tisiv gnihcaoc")
    before = every_row(birch)
    with pytest.raises(ExchangeFileError, match="control characters"):
        birch.exchange.preview_file(path)
    assert every_row(birch) == before


def test_marks_in_our_own_text_are_left_out_of_what_we_send(
    alder: AppServices, birch: AppServices, tmp_path: Path
) -> None:
    """A partner refuses a file holding a bidirectional mark, so the sender never writes one."""
    school = alder.schools.by_urn(ALDER)
    assert school is not None
    first = alder.commitments.list_for_school(school.id)[0]
    marked = replace(first.details, what="Coaching \u202evisit\u2069 days\x07")
    alder.commitments.update(first.id, marked)
    path = share_file(alder, tmp_path / "marked.json")
    birch.exchange.apply_import(birch.exchange.preview_file(path))
    birch_school = birch.schools.by_urn(BIRCH)
    assert birch_school is not None
    whats = [c.what for c in birch.commitments.list_for_school(birch_school.id)]
    assert "Coaching visit days" in whats


def test_sharing_back_does_not_return_the_partners_own_promises(
    alder: AppServices, birch: AppServices, tmp_path: Path
) -> None:
    """Alder shares with Birch; Birch shares back: Alder must not import copies of its own."""
    birch.exchange.apply_import(birch.exchange.preview_file(share_file(alder, tmp_path / "a.json")))
    alder_school = alder.schools.by_urn(ALDER)
    assert alder_school is not None
    before = sorted(c.what for c in alder.commitments.list_for_school(alder_school.id))

    back = tmp_path / "b.json"
    birch.exchange.share_by_urn(BIRCH, ALDER, back)
    exchange, _ = decode_exchange(back.read_bytes())
    assert exchange.commitments == ()
    alder.exchange.apply_import(alder.exchange.preview_file(back))
    after = sorted(c.what for c in alder.commitments.list_for_school(alder_school.id))
    assert after == before
