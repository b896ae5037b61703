"""Password files as a user's editor leaves them, and ones no editor should: a byte-order mark,
another encoding, a megabyte. Each gives a working PDF or one plain line, never a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from pypdf import PasswordType, PdfReader

from desktop_app.app import main
from desktop_app.domain.passwords import (
    MAX_PASSWORD_FILE_BYTES,
    MAX_PASSWORD_LENGTH,
    PasswordError,
    password_from_file,
)
from desktop_app.services.container import AppServices


@pytest.fixture
def db(sample_services: AppServices) -> Path:
    path = sample_services.db_path
    sample_services.close()
    return path


def _export(db: Path, password_file: Path, out: Path) -> int:
    return main(
        [
            "export-pdf",
            "--db",
            str(db),
            "--school",
            "999001",
            "--audience",
            "governors",
            "--password-file",
            str(password_file),
            "--out",
            str(out),
        ]
    )


def _opens_with(pdf: Path, password: str) -> bool:
    reader = PdfReader(str(pdf))
    return reader.is_encrypted and reader.decrypt(password) != PasswordType.NOT_DECRYPTED


@pytest.mark.parametrize(
    ("data", "password"),
    [
        (b"corr3ct horse\n", "corr3ct horse"),
        (codecs.BOM_UTF8 + "Brontë-Ŵyn 2026\r\n".encode(), "Brontë-Ŵyn 2026"),
        (codecs.BOM_UTF8 + b"no line ending", "no line ending"),
        (("é" * MAX_PASSWORD_LENGTH + "\r\nsecond line").encode(), "é" * MAX_PASSWORD_LENGTH),
    ],
    ids=["utf8", "utf8-bom-crlf", "bom-no-newline", "longest-allowed"],
)
def test_utf8_with_or_without_a_byte_order_mark_protects_the_pdf(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, password: str
) -> None:
    secret = tmp_path / "password.txt"
    secret.write_bytes(data)
    out = tmp_path / "governors.pdf"
    assert _export(db, secret, out) == 0, capsys.readouterr().err
    assert "password protected" in capsys.readouterr().out
    assert _opens_with(out, password)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("corr3ct horse\r\n".encode("utf-16"), "not UTF-8 text (it is saved as UTF-16)"),
        ("mot de passe été\n".encode("cp1252"), "not UTF-8 text"),
        (b"\xff\xd8\xff\xe0 a photo, not a password", "not UTF-8 text"),
        (b"x" * (MAX_PASSWORD_LENGTH + 1), "at most 1,024 characters"),
        (b"y" * 1_000_000, "too long"),
        (b"\n\nsecond line only", "at least 6 characters. The password is read from the first"),
        (b"", "at least 6 characters"),
    ],
    ids=["utf16", "cp1252", "binary", "1025-chars", "one-megabyte", "blank-first-line", "empty"],
)
def test_a_password_file_that_cannot_be_used_gets_one_plain_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    secret = tmp_path / "password.txt"
    secret.write_bytes(data)
    out = tmp_path / "governors.pdf"
    assert _export(db, secret, out) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err and captured.err.count("\n") == 1
    assert captured.out == ""
    assert not out.exists() and not out.with_name(out.name + ".part").exists()


def test_a_huge_password_file_is_not_read_in_full(tmp_path: Path) -> None:
    """Only enough bytes to know it is too long: a stray disk image costs nothing to refuse."""
    with pytest.raises(PasswordError, match="too long"):
        password_from_file(b"z" * (MAX_PASSWORD_FILE_BYTES + 1), "disk.img")
    longest = "€" * MAX_PASSWORD_LENGTH  # three bytes each in UTF-8
    data = codecs.BOM_UTF8 + longest.encode() + b"\r\n"
    assert len(data) <= MAX_PASSWORD_FILE_BYTES
    assert password_from_file(data, "password.txt") == longest


def test_the_byte_order_mark_is_not_part_of_the_password() -> None:
    assert password_from_file(codecs.BOM_UTF8 + b"corr3ct horse\r\n", "pw.txt") == "corr3ct horse"


def test_the_message_names_the_file() -> None:
    with pytest.raises(PasswordError, match=r"password file governors\.txt is not UTF-8"):
        password_from_file("été".encode("latin-1"), "governors.txt")
