"""The quality gate: the extractor may not fall below the committed floors
(quality/baseline.json) on ../shared/corpus/dev. Skips where it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.evaluate import FIELDS
from marsad.quality import evaluate_corpus

BASELINE = json.loads((Path(__file__).resolve().parents[1] / "quality" / "baseline.json").read_text())


@pytest.fixture(scope="module")
def scores(dev_corpus: Path) -> dict:
    return evaluate_corpus(dev_corpus, only={"ar-0000"})


@pytest.mark.parametrize("language", [k for k in BASELINE if not k.startswith("_") and "-" not in k])
def test_language_stays_above_its_floor(scores: dict, language: str) -> None:
    floors, s = BASELINE[language], scores[language]
    assert s.f1 >= floors["f1"], f"{language}: F1 {s.f1:.3f} < floor {floors['f1']}"
    assert s.record_f1 >= floors.get("record_f1", 0.0), f"{language}: record F1 {s.record_f1:.3f} < floor"
    for field in FIELDS:
        if field in floors:
            got = s.accuracy(field)
            assert got is not None and got >= floors[field], f"{language}: {field} {got} < floor {floors[field]}"


def test_the_founding_report_yields_exactly_its_figures(scores: dict) -> None:
    s, expect = scores["ar-0000"], BASELINE["ar-0000"]
    assert (s.gold, s.predicted, s.tp) == (expect["figures"], expect["figures"], expect["matched"])
