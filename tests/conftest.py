"""Shared fixtures: where the optional annotated corpus lives."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """../shared/corpus/dev, or a clean skip where a fresh clone has none."""
    if not (SHARED_CORPUS / "gold.jsonl").is_file():
        pytest.skip("../shared/corpus/dev is absent (a fresh clone has no shared corpus)")
    return SHARED_CORPUS
