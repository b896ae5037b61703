"""Partnership Compass: offline self-review and partnership planning for English schools."""

__version__ = "0.1.0"
APP_NAME = "Partnership Compass"
