"""Reading a GIAS file reports how far it has got, and a Cancel stops it cleanly (finding 11
of the second walk: 3 to 6 seconds with no sign of anything happening)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.services.container import AppServices
from desktop_app.services.errors import Cancelled

HEADER = "URN,EstablishmentName,LA (name),Postcode\r\n"


def _register(tmp_path: Path, schools: int) -> Path:
    path = tmp_path / "edubasealldata.csv"
    rows = "".join(f"{100000 + n},School {n},Leeds,LS1 1AA\r\n" for n in range(schools))
    path.write_bytes((HEADER + rows).encode("cp1252"))
    return path


def test_reading_a_large_file_reports_its_progress_through_the_file(
    services: AppServices, tmp_path: Path
) -> None:
    reports: list[tuple[int, str]] = []
    preview = services.directory.read_and_preview(
        _register(tmp_path, 9_000), lambda share, words: reports.append((share, words))
    )
    try:
        assert preview.file.report.rows == 9_000
    finally:
        preview.file.close()
    shares = [share for share, _ in reports]
    assert shares == sorted(shares) and shares[0] == 0 and shares[-1] == 92
    assert len(reports) >= 5  # one every 2,000 rows, and the start and the comparison
    assert ("Reading the schools in the file: 8,000 so far…") in [w for _, w in reports]
    assert 70 <= shares[-2] <= 90  # the last report of the reading is near its end


def test_a_cancel_while_reading_stops_it_and_keeps_nothing(
    services: AppServices, tmp_path: Path
) -> None:
    def cancel_halfway(share: int, _words: str) -> None:
        if share >= 40:
            raise Cancelled

    with pytest.raises(Cancelled):
        services.directory.read_and_preview(_register(tmp_path, 9_000), cancel_halfway)
    assert services.directory.source() is None  # the directory was never touched
