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


def test_ukrainian_registered_displaced_people_are_a_stock() -> None:
    (f,) = extract("Станом на 1 травня в Україні зареєстровано 4,6 млн внутрішньо переміщених осіб.",
                   published="2024-05-02", language="uk")
    assert (f.value, f.movement, f.kind) == (4600000, "displaced", "stock")


def test_ukrainian_leaving_is_flight_only_for_a_cause() -> None:
    (fled,) = extract("Через обстріли з міста виїхали понад 2 тисячі мешканців.", language="uk")
    (left,) = extract("З Німеччини виїхали 40 тисяч людей, які приїхали з України.", language="uk")
    assert (fled.movement, left.movement, left.origin) == ("fled", "departed", "DE")


def test_ukrainian_pronoun_is_never_the_source() -> None:
    found = extract("Із села евакуювали 300 людей, повідомив голова ОВА. "
                    "За тиждень звідти виїхало ще 450 осіб через обстріли, зазначив він.", published="2022-09-27", language="uk")
    assert [f.source for f in found] == ["голова ОВА", "голова ОВА"]
    assert found[1].source_type == "government"


def test_ukrainian_compound_number_without_and() -> None:
    (f,) = extract("З-за кордону в Україну повернулися 2 мільйони 300 тисяч українців.", published="2022-06-01", language="uk")
    assert (f.value, f.movement, f.destination) == (2300000, "returned", "UA")


def test_ukrainian_elliptic_figure_after_but() -> None:
    found = extract("Вчора з Румунії до України прибули 12 тисяч осіб, а за весь час війни – 900 тисяч осіб.",
                    published="2022-06-02", language="uk")
    assert [(f.value, f.movement) for f in found] == [(12000, "arrived"), (900000, "arrived")]


def test_ukrainian_change_between_two_counts() -> None:
    found = extract("Кількість тих, хто в'їхав в Україну, зросла з 200 тисяч до 215 тисяч.", published="2025-10-19",
                    language="uk")
    assert [(f.value, f.qualifier, f.movement) for f in found] == [(200000, "exact", "arrived"), (215000, "exact", "arrived")]
