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
