from __future__ import annotations

import pytest

from desktop_app.domain.framework import Framework
from desktop_app.frameworks.loader import FrameworkCatalogue


@pytest.fixture
def catalogue_2012(catalogue: FrameworkCatalogue) -> Framework:
    return catalogue.get("hargreaves-maturity", "2012")
