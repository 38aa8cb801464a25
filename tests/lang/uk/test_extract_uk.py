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


def test_ukrainian_bullet_items_go_on_with_the_list() -> None:
    found = extract("Станом на 1 травня 2024 року в Україну повернулися 40 тисяч осіб. З них:\n"
                    "- 25 тисяч — до Київщини;\n- 15 тисяч осіб — до інших областей.", published="2024-06-01", language="uk")
    assert [(f.value, f.movement, f.period_end) for f in found] == [
        (40000, "returned", "2024-05-01"), (25000, "returned", "2024-05-01"), (15000, "returned", "2024-05-01")]


def test_ukrainian_day_range_in_the_lead_sentence() -> None:
    found = extract("Із 4 по 10 травня пасажиропотік через кордон зріс. За даними ДПСУ, в Україну в'їхали 120 тисяч осіб.",
                    published="2025-05-12", language="uk")
    assert [(f.value, f.period_start, f.period_end) for f in found] == [(120000, "2025-05-04", "2025-05-10")]


def test_ukrainian_past_week_and_past_day() -> None:
    week, day = extract("За останній тиждень із Донеччини евакуйовано 900 осіб. До Польщі за добу прибуло 8 тисяч біженців.",
                        published="2025-11-13", language="uk")
    assert (week.period_start, week.period_end) == ("2025-11-06", "2025-11-13")
    assert (day.period_start, day.period_end, day.destination) == ("2025-11-12", "2025-11-12", "PL")


def test_ukrainian_evacuated_from_a_region_stay_in_the_country() -> None:
    (f,) = extract("З Донеччини евакуйовано понад 1200 осіб.", published="2025-11-13", language="uk")
    assert (f.origin, f.destination, f.nationality, f.origin_place) == ("UA", "UA", "UA", "Donetsk Oblast")


def test_ukrainian_border_between_two_countries() -> None:
    (f,) = extract("Вчора українсько-польський кордон перетнули 21 тисяча українців.", published="2022-06-02", language="uk")
    assert (f.origin, f.destination, f.nationality) == ("UA", "PL", "UA")


def test_ukrainian_elliptic_queue_after_a_dash_counts_vehicles() -> None:
    buses, cars = extract("На кордоні з Польщею у черзі стоять 40 автобусів, а на кордоні з Молдовою — 15 автомобілів.",
                          published="2023-06-20", language="uk")
    assert [(f.value, f.unit, f.movement, f.kind) for f in (buses, cars)] == [
        (40, "vehicles", "waiting", "stock"), (15, "vehicles", "waiting", "stock")]


def test_ukrainian_passenger_cars_are_vehicles() -> None:
    (f,) = extract("У черзі на кордоні стоять 60 легкових автомобілів.", published="2023-06-20", language="uk")
    assert (f.value, f.unit) == (60, "vehicles")


def test_ukrainian_people_refusing_to_evacuate_are_no_figure() -> None:
    assert extract("Близько 300 людей відмовляються евакуюватися.", published="2023-06-20", language="uk") == []


def test_ukrainian_regions_name_the_country_of_people_displaced_there() -> None:
    (f,) = extract("Через постійні обстріли росіян на Харківщині та Сумщині триває евакуація. "
                   "Вже 1 200 осіб залишили свої домівки.", published="2023-06-20", language="uk")
    assert (f.movement, f.nationality, f.origin, f.destination) == ("displaced", "UA", "UA", "UA")
