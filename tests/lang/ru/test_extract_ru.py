"""Russian extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_russian_abbreviated_thousands_and_demonym() -> None:
    (f,) = extract("В Грузию за сутки въехали около 8 тыс. россиян, сообщило МВД.", published="2022-09-28", language="ru")
    assert (f.value, f.qualifier, f.movement, f.nationality, f.destination, f.source_type) == (
        8000, "approx", "arrived", "RU", "GE", "government")


def test_russian_cars_waiting_and_not_movement() -> None:
    (f,) = extract("На границе стояли 2,5 тысячи автомобилей. Задержаны 300 человек.", published="2022-09-28", language="ru")
    assert (f.value, f.unit, f.kind, f.movement) == (2500, "vehicles", "stock", "waiting")


def test_russian_inflected_verbs_and_nouns() -> None:
    found = extract("Из приграничных районов эвакуировано более 20 тысяч жителей. "
                    "В пунктах временного размещения расположились 1200 человек.", published="2024-08-11", language="ru")
    assert [(f.value, f.movement, f.kind) for f in found] == [(20000, "evacuated", "total"), (1200, "hosted", "stock")]


def test_russian_scale_words_in_every_case() -> None:
    found = extract("На втором месте Германия с 900 тысячами беженцев, а Польшу выбрали около полутора миллионов беженцев.",
                    published="2023-04-02", language="ru")
    assert [f.value for f in found] == [900000, 1500000]


def test_russian_leaving_is_flight_only_for_a_cause() -> None:
    (fled,) = extract("Из-за обстрелов город покинули около 5 тысяч человек.", language="ru")
    (left,) = extract("Из Казахстана выехали 10 тыс. россиян.", language="ru")
    assert (fled.movement, left.movement, left.origin) == ("fled", "departed", "KZ")


def test_russian_elliptic_list_of_countries() -> None:
    found = extract("Более 80 тысяч граждан Украины получили защиту в Литве, 45 тысяч - в Латвии, более 60 тысяч - в Эстонии.",
                    published="2023-04-02", language="ru")
    assert [(f.value, f.movement, f.destination) for f in found] == [
        (80000, "hosted", "LT"), (45000, "hosted", "LV"), (60000, "hosted", "EE")]


def test_russian_count_after_hours_and_a_qualifier() -> None:
    (f,) = extract("За последние 48 часов более 12 тысяч человек переместились из Ливана в Сирию.",
                   published="2024-09-27", language="ru")
    assert (f.value, f.qualifier, f.origin, f.destination) == (12000, "at_least", "LB", "SY")


def test_russian_change_from_one_count_to_another_is_two_figures() -> None:
    found = extract("Число въехавших в Грузию россиян выросло с 40 тысяч до 55 тысяч.", published="2022-10-01", language="ru")
    assert [(f.value, f.qualifier) for f in found] == [(40000, "exact"), (55000, "exact")]


def test_russian_day_range_and_a_date_of_an_event() -> None:
    (f,) = extract("С 3 по 9 марта в Польшу въехали 300 тысяч беженцев.", published="2022-03-12", language="ru")
    assert (f.period_start, f.period_end) == ("2022-03-03", "2022-03-09")
    (g,) = extract("В Турции проживают 3 миллиона сирийцев, бежавших от войны, которая началась в 2011 году.",
                   published="2024-09-27", language="ru")
    assert (g.kind, g.period_end) == ("stock", "2024-09-27")


def test_russian_past_day_is_the_day_before_the_report() -> None:
    (f,) = extract("За сутки в Казахстан прибыли 9 тыс. россиян.", published="2022-10-04", language="ru")
    assert (f.period_start, f.period_end, f.destination) == ("2022-10-03", "2022-10-03", "KZ")


def test_russian_evacuated_from_a_region_stay_in_the_country() -> None:
    (f,) = extract("Из приграничных сел Белгородской области эвакуированы более 5 тысяч человек.", published="2024-08-11",
                   language="ru")
    assert (f.origin, f.destination, f.nationality) == ("RU", "RU", "RU")


def test_russian_border_between_two_countries() -> None:
    (f,) = extract("На российско-казахстанской границе стояли 2 тысячи автомобилей.", published="2022-09-26", language="ru")
    assert (f.unit, f.origin, f.destination) == ("vehicles", "RU", "KZ")


def test_russian_modal_governs_the_clause() -> None:
    assert extract("Власти могут в ближайшие недели принять до 20 тысяч беженцев.", language="ru") == []


def test_russian_ukrainian_oblasts_name_the_country_of_people_displaced_there() -> None:
    (f,) = extract("Из-за обстрелов россиян в Харьковской области и в Сумской области продолжается эвакуация. "
                   "Уже 1 200 человек покинули свои дома.", published="2023-06-20", language="ru")
    assert (f.movement, f.nationality, f.origin, f.destination) == ("displaced", "UA", "UA", "UA")


def test_russian_country_then_dash_then_figure_hosts_that_figure() -> None:
    (f,) = extract("Больше всего сирийцев приняла Турция. Следом идет Германия - 800 тысяч беженцев из Сирии.",
                   published="2023-04-02", language="ru")
    assert (f.value, f.movement, f.origin, f.destination) == (800000, "hosted", "SY", "DE")
