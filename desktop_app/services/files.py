"""The checks every path the user gives goes through, for the window and the command line.

They live in storage (storage/user_files.py); re-exported here so the layers above talk
only to services.
"""

from desktop_app.storage.user_files import (
    DiskFull,
    PathProblem,
    ReadOnlyPlace,
    check_file_to_read,
    check_file_to_write,
)

__all__ = [
    "DiskFull",
    "PathProblem",
    "ReadOnlyPlace",
    "check_file_to_read",
    "check_file_to_write",
]
