"""Names vulture cannot see being used (`make test` runs vulture with this file).

Only what the code reaches indirectly belongs here: enum members read from saved data or
listed by iterating the enum, attributes a library reads, and a reference kept to stop Qt
destroying an object. Qt and ReportLab overrides and the migrations are ignored by name and
decorator in pyproject.toml ([tool.vulture]).
"""
# ruff: noqa: B018, F821  (bare names and attributes are how a vulture whitelist is written)

from desktop_app.domain.directory import DirectorySchool
from desktop_app.domain.levels import Confidence
from desktop_app.domain.moderation import RaterRole
from desktop_app.ui.theme import _Original

# Enum members: stored as their values and offered by iterating the enum.
Confidence.MEDIUM
RaterRole.HEADTEACHER
RaterRole.CLERK
RaterRole.STAFF_MEMBER
RaterRole.OTHER

# Read by ReportLab: rl_config.useA85, a flowable's keepWithNext, and the ToUnicode map
# writer it calls through ttfonts.makeToUnicodeCMap.
_.useA85
_.keepWithNext
_.makeToUnicodeCMap

# Kept from the GIAS file with the other directory fields (stored and exported).
DirectorySchool.opened_on

# Holds the focus style so Python does not free it while Qt uses it.
_Original.focus_style

# Read by Qt when it paints the cell (long_table._MiddleElided).
_.textElideMode
