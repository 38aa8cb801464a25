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
