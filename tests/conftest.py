"""Shared test fixtures: paths to the bundled corpus (a copy of ../shared/corpus with its MANIFESTs)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
AKN = DATA / "akn"
TEXTS = DATA / "texts"
DRAFTS = ROOT / "drafts"


@pytest.fixture
def akn_file():
    """Path of a corpus AKN file by name: ``akn_file("leos-3articles-v1.xml")``."""

    def get(name: str) -> str:
        path = AKN / name
        assert path.exists(), f"corpus file missing: {path}"
        return str(path)

    return get
