"""German extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_german_compound_nouns_and_spaced_thousands() -> None:
    (f,) = extract("Wie das Bundesinnenministerium am Freitag mitteilte, hat die Bundespolizei seit Beginn des Krieges "
                   "253 157 Kriegsflüchtlinge aus der Ukraine festgestellt.",
                   published="2022-03-25", language="de")
    assert (f.value, f.movement, f.origin, f.source_type) == (253157, "arrived", "UA", "government")


def test_german_vague_and_approx() -> None:
    found = extract("Zehntausende Menschen sind geflohen. Rund 7000 Flüchtlinge kamen am Freitag in Berlin an.",
                    published="2022-03-26", language="de")
    assert [(f.low, f.high, f.qualifier) for f in found] == [(10000, 99999, "vague"), (7000, 7000, "approx")]
    assert found[1].period_start == found[1].period_end == "2022-03-25"


def test_german_deaths_are_not_figures() -> None:
    assert extract("Bei dem Angriff wurden 40 Menschen getötet und 120 verletzt.", language="de") == []
