"""The rules for a PDF's password, shared by the export dialog, the command line and the export.

The upper limit keeps encryption quick: PDF password hashing works over the whole password
many times over, so a pasted megabyte would run for minutes.
"""

from __future__ import annotations

MIN_PASSWORD_LENGTH = 6
MAX_PASSWORD_LENGTH = 1024
# The longest file that can hold one allowed password: four bytes a character in UTF-8,
# a byte-order mark and a line ending.
MAX_PASSWORD_FILE_BYTES = 4 * MAX_PASSWORD_LENGTH + 3 + 2

_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


class PasswordError(ValueError):
    """A password, or a password file, that cannot be used; the message says why."""


def password_problem(password: str) -> str | None:
    """What is wrong with a password, in the user's words, or None if it will do."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Please choose a password of at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"A password can have at most {MAX_PASSWORD_LENGTH:,} characters."
    return None


def password_from_file(data: bytes, name: str) -> str:
    """The password on the first line of a password file's bytes (read at most
    MAX_PASSWORD_FILE_BYTES + 1 of them): UTF-8, with or without a byte-order mark."""
    if len(data) > MAX_PASSWORD_FILE_BYTES:
        raise PasswordError(
            f"The password file {name} is too long: a password can have at most "
            f"{MAX_PASSWORD_LENGTH:,} characters, on the first line of the file."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        saved_as = " (it is saved as UTF-16)" if data.startswith(_UTF16_MARKS) else ""
        raise PasswordError(
            f"The password file {name} is not UTF-8 text{saved_as}. Save it again as UTF-8 "
            "(in Notepad: Save as, Encoding: UTF-8) and try again."
        ) from None
    lines = text.splitlines()
    password = lines[0] if lines else ""
    if (problem := password_problem(password)) is not None:
        raise PasswordError(f"{problem} The password is read from the first line of {name}.")
    return password
