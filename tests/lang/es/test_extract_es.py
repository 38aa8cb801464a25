"""Spanish extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_spanish_numbers_and_destinations() -> None:
    (f,) = extract("Más de 3,5 millones de venezolanos han llegado a Colombia desde 2015, según ACNUR.",
                   published="2024-03-14", language="es")
    assert (f.value, f.qualifier, f.movement, f.nationality, f.destination, f.source_type) == (
        3500000, "at_least", "arrived", "VE", "CO", "un_agency")
    assert f.period_start == "2015-01-01"


def test_spanish_rate_and_dates() -> None:
    (f,) = extract("Unas 2.000 personas cruzan cada día la frontera hacia Chile desde el 5 de marzo.",
                   published="2024-03-14", language="es")
    assert (f.value, f.qualifier, f.kind, f.per, f.period_start) == (2000, "approx", "rate", "day", "2024-03-05")


def test_spanish_deaths_are_not_figures() -> None:
    assert extract("Al menos 40 personas murieron y 300 soldados fueron movilizados.", language="es") == []


def test_a_list_whose_verb_comes_after_it() -> None:
    found = extract("El año pasado, 328.667 venezolanos, 57.222 ecuatorianos y 46.558 haitianos cruzaron la selva del Darién.",
                    published="2024-02-01", language="es")
    assert [(f.value, f.nationality, f.movement) for f in found] == [
        (328667, "VE", "arrived"), (57222, "EC", "arrived"), (46558, "HT", "arrived")]
