"""Hostile text, Welsh letters, long text, passwords and safe writing."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from desktop_app.domain.audience import Audience
from desktop_app.domain.plan import ActionDraft, PriorityDraft
from desktop_app.domain.reflection import ReflectionScope
from desktop_app.domain.review import JudgementChanges
from desktop_app.reports.text import markup
from desktop_app.services.pdf_export_service import PdfExportService
from tests.reports.conftest import TODAY, Planted
from tests.reports.pdf_text import flat, pages_text

HOSTILE = (
    '<font size=40>BIG</font> & <b>bold</b> <img src="x"/> < > "quotes" '
    "<para> &amp; &#169; \x00\x07 ✅🏫 <a href='javascript:x'>link</a>"
)
write_pdf = PdfExportService.write  # render and save, as the window and command line do
WELSH = "Ysgol Gynradd Cwm Tawe: ŵ ŷ Ŵ Ŷ â ê î ô û ẁ ẃ ẅ"


def _snap(planted: Planted, audience: Audience = Audience.FULL):  # type: ignore[no-untyped-def]
    s = planted.services
    partner = planted.partner_id if audience is Audience.PARTNER else None
    return s.pdf_export.snapshot(planted.school_id, audience, TODAY, partner_id=partner)


def test_markup_escapes_and_keeps_line_breaks() -> None:
    assert markup("a < b & c\nnext") == "a &lt; b &amp; c<br/>next"
    assert markup("<font size=40>x</font>") == "&lt;font size=40&gt;x&lt;/font&gt;"
    assert markup("bell\x07 and nul\x00") == "bell and nul"
    assert markup(None) == ""
    # The embedded font has no emoji: they are left out rather than printed as empty boxes;
    # a letter from a script it lacks shows as one replacement mark.
    assert markup("Done ✅🏫, ŵ ✓") == 'Done <font name="CompassSymbols">✅🏫</font>, ŵ ✓'
    assert markup("学校 ok") == "\ufffd ok"


# The plan's audiences; the partnership statement (test_partnership_pdf.py) has no plan.
PLAN_AUDIENCES = (Audience.FULL, Audience.GOVERNORS, Audience.PARTNER)


@pytest.mark.parametrize("audience", PLAN_AUDIENCES)
def test_hostile_text_everywhere_renders_literally(
    planted: Planted, tmp_path: Path, audience: Audience
) -> None:
    s = planted.services
    plan = s.plans.get(planted.plan_id)
    s.plans.update_priority(
        plan.priorities[0].id,
        PriorityDraft(HOSTILE[:190], HOSTILE, plan.priorities[0].strand_ids, None, HOSTILE),
    )
    s.plans.add_action(
        plan.priorities[0].id,
        ActionDraft(
            HOSTILE, HOSTILE[:150], None, date(2026, 1, 1), HOSTILE, HOSTILE, HOSTILE[:150]
        ),
    )
    s.assessment.change_judgement(
        planted.round_id,
        "joint-practice-development",
        JudgementChanges.of(evidence=HOSTILE, next_step=HOSTILE),
    )
    s.reflections.save_answer(planted.school_id, ReflectionScope.SCHOOL, "vision-1", HOSTILE)
    out = tmp_path / "hostile.pdf"
    write_pdf(_snap(planted, audience), out)
    text = flat(out)
    assert "<font size=40>BIG</font>" in text
    assert "<img src=" in text
    assert "&amp;" in text
    for page in PdfReader(str(out)).pages:
        # No 40-point text was injected: our largest style is the 24-point title.
        content = page.get_contents().get_data()
        assert b" 40 Tf" not in content
        # The only links are our own contents entries (GoTo); no injected URI or script.
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A", {})
            assert action.get("/S") in (None, "/GoTo"), action


def test_welsh_letters_survive_extraction(planted: Planted, tmp_path: Path) -> None:
    s = planted.services
    plan = s.plans.get(planted.plan_id)
    s.plans.update_priority(
        plan.priorities[0].id,
        replace(plan.priorities[0].as_draft(), title="Datblygu ymarfer ar y cyd: ŵ ŷ", why=WELSH),
    )
    for audience in PLAN_AUDIENCES:
        out = tmp_path / f"{audience.value}.pdf"
        write_pdf(_snap(planted, audience), out)
        text = flat(out)
        if audience is not Audience.GOVERNORS:
            assert WELSH in text, audience
        assert "ŵ ŷ" in text, audience


def test_very_long_evidence_splits_across_pages_without_loss(
    planted: Planted, tmp_path: Path
) -> None:
    words = " ".join(f"word{n}" for n in range(2000))
    planted.services.assessment.change_judgement(
        planted.round_id, "talent-identification", JudgementChanges.of(evidence=words)
    )
    out = tmp_path / "long.pdf"
    write_pdf(_snap(planted), out)
    text = flat(out)
    assert "word0 " in text and "word1000 " in text and "word1999" in text


def test_password_protection_is_aes_256_and_needs_the_password(
    planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "locked.pdf"
    result = write_pdf(_snap(planted, Audience.GOVERNORS), out, password="corr3ct horse")
    assert result.encrypted
    reader = PdfReader(str(out))
    assert reader.is_encrypted
    assert not reader.decrypt("wrong password")
    assert "Governors' summary" in flat(out, "corr3ct horse")
    with pikepdf.open(out, password="corr3ct horse") as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.bits == 256
        assert pdf.encryption.stream_method.name.lower() == "aesv3"
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)


def test_short_password_is_refused_before_anything_is_written(
    planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(ValueError, match="at least 6 characters"):
        write_pdf(_snap(planted), out, password="abc")
    assert not out.exists() and not (tmp_path / "x.pdf.part").exists()


def test_writes_through_a_part_file_and_replaces_the_old_pdf(
    planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"old")
    seen: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        seen.append((Path(src).name, Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_pdf(_snap(planted), out)
    assert seen == [("plan.pdf.part", "plan.pdf")]
    assert out.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "plan.pdf.part").exists()


def test_a_pdf_open_in_another_program_gives_a_clear_message(
    planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"the copy open in a viewer")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    snap = _snap(planted)
    with monkeypatch.context() as patch, pytest.raises(ValueError, match="another program"):
        patch.setattr(os, "replace", locked)
        write_pdf(snap, out)
    assert out.read_bytes() == b"the copy open in a viewer"
    assert not (tmp_path / "plan.pdf.part").exists()


def test_missing_folder_is_reported(planted: Planted, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        write_pdf(_snap(planted), tmp_path / "nowhere" / "plan.pdf")


def test_approved_plan_shows_the_sign_off_block(planted: Planted, tmp_path: Path) -> None:
    from desktop_app.domain.plan import SignOff

    planted.services.plans.sign_off(
        planted.plan_id, SignOff(date(2026, 11, 20), "FGB 2026/11 item 7", "Dr Siân Ŵyn"), TODAY
    )
    out = tmp_path / "full.pdf"
    write_pdf(_snap(planted), out)
    text = flat(out)
    assert "FGB 2026/11 item 7" in text and "Dr Siân Ŵyn" in text
    assert "Date of approval 20 Nov 2026" in text
    gov = tmp_path / "gov.pdf"
    write_pdf(_snap(planted, Audience.GOVERNORS), gov)
    assert "approved 20 Nov 2026" in flat(gov)
    assert len(pages_text(gov)) <= 2
