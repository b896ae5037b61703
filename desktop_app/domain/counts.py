"""Counts in words: "1 review round", "1,047 schools".

Every number a person reads with a noun goes through counted(), so a count of one is never
"1 review rounds" and a large count always has its thousands separator ("5,641", not "5641"),
on screen, in a PDF and in a message alike.
"""

from __future__ import annotations


def number(n: int) -> str:
    """A whole number as a person reads it: "5,641"."""
    return f"{n:,}"


def counted(n: int, word: str, plural: str | None = None) -> str:
    """n and the word in the right number: counted(1, "school") is "1 school",
    counted(1047, "school") "1,047 schools", counted(2, "person", "people") "2 people"."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def are(n: int, singular: str = "is", plural: str = "are") -> str:
    """The verb that agrees with a count: f"{counted(n, 'strand')} {are(n)} below target"."""
    return singular if n == 1 else plural
