"""Ukrainian extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_ukrainian_decimal_million_and_origin() -> None:
    (f,) = extract("До Румунії прибули 1,2 мільйона біженців з України, повідомила прикордонна служба.",
                   published="2022-06-02", language="uk")
    assert (f.value, f.movement, f.origin, f.destination, f.source_type) == (1200000, "arrived", "UA", "RO", "government")


def test_ukrainian_evacuation_with_spaced_thousands() -> None:
    (f,) = extract("З громад району евакуйовано 4 512 осіб.", published="2022-09-27", language="uk")
    assert (f.value, f.movement) == (4512, "evacuated")
