"""Schema migrations, applied in the order the modules are imported below.

Never edit a migration that has shipped: add a new module instead. Each module registers
its functions on MIGRATIONS with the @MIGRATIONS() decorator.
"""

from desktop_app.storage.migrations.registry import MIGRATIONS

# Import order is migration order.
from desktop_app.storage.migrations import m001_core  # noqa: E402, F401  isort: skip
from desktop_app.storage.migrations import m002_partners  # noqa: E402, F401  isort: skip
from desktop_app.storage.migrations import m003_plans  # noqa: E402, F401  isort: skip
from desktop_app.storage.migrations import m004_views  # noqa: E402, F401  isort: skip
from desktop_app.storage.migrations import m005_exchange  # noqa: E402, F401  isort: skip

__all__ = ["MIGRATIONS"]
