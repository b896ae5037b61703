"""Load the scripts in packaging/ by path: a `packaging` package would shadow PyPI's `packaging`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    module_name = f"_compass_packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bundle_filter() -> ModuleType:
    return load_packaging_module("bundle_filter")


@pytest.fixture(scope="session")
def build_installer() -> ModuleType:
    return load_packaging_module("build_installer")
