"""French extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_french_total_with_since_and_source() -> None:
    (f,) = extract("Quelque 45 000 Soudanais sont arrivés au Tchad depuis le 15 avril, a annoncé le HCR mardi.",
                   published="2023-05-09", language="fr")
    assert (f.value, f.qualifier, f.movement, f.nationality, f.destination, f.source_type) == (
        45000, "approx", "arrived", "SD", "TD", "un_agency")
    assert (f.period_start, f.period_end) == ("2023-04-15", "2023-05-09")


def test_french_vague_and_rate() -> None:
    found = extract("Des milliers de personnes ont fui. Environ 2 000 réfugiés arrivent chaque jour en Moldavie.",
                    published="2022-03-01", language="fr")
    assert [(f.low, f.high, f.qualifier, f.kind) for f in found] == [(1000, 9999, "vague", "total"), (2000, 2000, "approx", "rate")]


def test_french_deaths_are_not_figures() -> None:
    assert extract("Le séisme a causé la mort de plus de 22 300 personnes.", language="fr") == []
