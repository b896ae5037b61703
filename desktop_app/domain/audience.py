"""Who a PDF is for: what it may contain follows from this (partners never see what is confidential)."""

from __future__ import annotations

from enum import Enum


class Audience(Enum):
    FULL = "full"
    GOVERNORS = "governors"
    PARTNER = "partner"
    PARTNERSHIP = "partnership"  # the agreed joint statement, for every member school

    @property
    def label(self) -> str:
        return {
            Audience.FULL: "Full plan (internal)",
            Audience.GOVERNORS: "Governors' summary",
            Audience.PARTNER: "Partner version",
            Audience.PARTNERSHIP: "Partnership statement",
        }[self]
