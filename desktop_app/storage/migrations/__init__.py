"""Schema migrations, applied in the order the modules are imported below.

Never edit a migration that has shipped: add a new module instead. Each module registers
its functions on MIGRATIONS with the @MIGRATIONS() decorator.
"""

from desktop_app.storage.migrations.registry import MIGRATIONS

# Import order is migration order.
from desktop_app.storage.migrations import m001_core  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m002_partners  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m003_plans  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m004_views  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m005_exchange  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m007_school_directory  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m008_joint_reviews  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m009_promise_matches  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m010_strand_links  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m011_impact  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m006_ratings  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m012_scale_indexes  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m013_lean_shared_commitments  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m014_commitment_window  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m015_strand_links  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m017_plan_note_index  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m018_fold_apostrophes  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m019_commitments_in_file_order  # noqa: F401  isort: skip
from desktop_app.storage.migrations import m020_partner_names_folded  # noqa: F401  isort: skip

__all__ = ["MIGRATIONS"]
