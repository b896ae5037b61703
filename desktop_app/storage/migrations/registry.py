"""The single migration set every module registers on."""

from sqlite_utils import Migrations

MIGRATIONS = Migrations("partnership_compass")
