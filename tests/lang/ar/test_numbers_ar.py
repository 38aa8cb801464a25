"""The Arabic number grammar, on phrasings real reports use."""

from __future__ import annotations

import pytest

from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.stages.quantities import find_quantities
from marsad.tokens import tokenize


def quantities(text: str) -> list[tuple[int | None, int | None, str]]:
    lex = load_lexicon("ar")
    return [(q.low, q.high, q.qualifier) for q in find_quantities(lex, tokenize(normalize(text)))]


@pytest.mark.parametrize("text, expected", [
    ("98 ألف", (98000, 98000, "exact")),
    ("٩٨٬٠٠٠", (98000, 98000, "exact")),
    ("۹۸ ألف", (98000, 98000, "exact")),
    ("98.000 شخص", (98000, 98000, "exact")),
    ("4ر1 مليون", (1400000, 1400000, "exact")),
    ("1.43 مليون", (1430000, 1430000, "exact")),
    ("3 ملايين و138 ألف", (3138000, 3138000, "exact")),
    ("19 ألفا و400", (19400, 19400, "exact")),
    ("9 ملايين و258 ألفًا و273", (9258273, 9258273, "exact")),
    ("سبعمئة وخمسين", (750, 750, "exact")),
    ("مئتا ألف", (200000, 200000, "exact")),
    ("ألفان", (2000, 2000, "exact")),
    ("ألفين و500", (2500, 2500, "exact")),
    ("مليوني", (2000000, 2000000, "exact")),
    ("ربع مليون", (250000, 250000, "exact")),
    ("خمسة وعشرين ألفا", (25000, 25000, "exact")),
    ("حوالي 98 ألف", (98000, 98000, "approx")),
    ("ما يقرب من 50 ألف", (50000, 50000, "approx")),
    ("أكثر من 3000", (3000, None, "at_least")),
    ("ما لا يقل عن 200", (200, None, "at_least")),
    ("أقل من 800 ألف", (None, 800000, "at_most")),
    ("50 شخصًا على الأقل", (50, None, "at_least")),
    ("من 5000 إلى 6000", (5000, 6000, "range")),
    ("خمسة إلى سبعة آلاف", (5000, 7000, "range")),
    ("ما بين 10 آلاف و20 ألف", (10000, 20000, "range")),
    ("ما بين ألفين وثلاثة آلاف", (2000, 3000, "range")),
    ("عشرات الآلاف", (10000, 99999, "vague")),
    ("مئات الآلاف", (100000, 999999, "vague")),
    ("آلاف", (1000, 9999, "vague")),
])
def test_arabic_number_phrases(text: str, expected: tuple[int | None, int | None, str]) -> None:
    assert quantities(text)[0] == expected


def test_two_numbers_joined_by_and_stay_two_when_the_second_is_larger() -> None:
    # "10 آلاف و20 ألف" outside "بين" is a list, not 10,020,000 or 30,000
    assert quantities("نزح 10 آلاف و20 ألف") == [(10000, 10000, "exact"), (20000, 20000, "exact")]
