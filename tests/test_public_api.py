"""The public surface is small and pinned."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import marsad
from marsad.figure import ANNOTATION_FIELDS, Figure


def test_all_is_pinned() -> None:
    assert sorted(marsad.__all__) == ["ANNOTATION_FIELDS", "EXTRACTOR_VERSION", "Figure", "extract"]


def test_figure_has_the_annotation_fields_and_provenance() -> None:
    names = {f.name for f in dataclasses.fields(Figure)}
    assert set(ANNOTATION_FIELDS) <= names
    assert {"start", "end", "rule", "confidence"} <= names


def test_import_does_no_work() -> None:
    # lexicons load on first use, not at import
    code = "import marsad, marsad.lexicon as l; print(l.load_lexicon.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_empty_and_blank_text_give_no_figures() -> None:
    assert marsad.extract("") == [] and marsad.extract("   \n ") == []
