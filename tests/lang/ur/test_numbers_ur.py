"""Urdu numbers: Extended Arabic-Indic digits, ہزار / لاکھ / کروڑ written
one after another without "and", number words and qualifiers after the number."""

from __future__ import annotations

import pytest

from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.stages.quantities import find_quantities
from marsad.tokens import tokenize


def quantities(text: str) -> list[tuple[int | None, int | None, str]]:
    lex = load_lexicon("ur")
    return [(q.low, q.high, q.qualifier) for q in find_quantities(lex, tokenize(normalize(text)))]


@pytest.mark.parametrize("text, expected", [
    ("۴۵ ہزار", (45000, 45000, "exact")),
    ("۱۲۳۴۵ افراد", (12345, 12345, "exact")),
    ("دو لاکھ", (200000, 200000, "exact")),
    ("ایک لاکھ 56 ہزار 200", (156200, 156200, "exact")),
    ("8لاکھ 3 ہزار 910", (803910, 803910, "exact")),
    ("ایک ہزار 275", (1275, 1275, "exact")),
    ("4ہزار12", (4012, 4012, "exact")),
    ("2 کروڑ 40 لاکھ", (24000000, 24000000, "exact")),
    ("15 ہزار 3 سو 20", (15320, 15320, "exact")),
    ("تین سو", (300, 300, "exact")),
    ("ڈیڑھ لاکھ", (150000, 150000, "exact")),
    ("تقریباً 40 ہزار", (40000, 40000, "approx")),
    ("کم از کم 600", (600, None, "at_least")),
    ("دو لاکھ سے زائد", (200000, None, "at_least")),
    ("ہزاروں", (1000, 9999, "vague")),
    ("پانچ سے چھ ہزار", (5000, 6000, "range")),
])
def test_urdu_numbers(text: str, expected: tuple) -> None:
    assert quantities(text) == [expected]


def test_the_article_one_is_no_number_alone() -> None:
    assert quantities("ایک خصوصی پرواز") == []
