"""Arabic demonyms whose accusative is the country's own name ("روسيا", "سوريا")."""

from __future__ import annotations

from marsad import extract


def test_the_accusative_demonym_after_an_accusative_noun_names_the_people() -> None:
    (f,) = extract("ودخل 5 آلاف و300 مواطنا سوريا إلى الأردن خلال الأسبوع الماضي.", published="2024-03-14",
                   language="ar")
    assert f.nationality == "SY"


def test_the_same_word_after_a_noun_in_construct_is_the_country_left() -> None:
    (f,) = extract("وقالت المفوضية إن مليون لاجئ سوريا غادروا منذ بدء الحرب.", published="2024-03-14", language="ar")
    assert f.nationality is None and f.origin == "SY"


def test_the_iom_keeps_its_whole_name_as_a_source() -> None:
    (f,) = extract("قالت المنظمة الدولية للهجرة يوم الأربعاء إن 40 ألف شخص نزحوا في دارفور.", published="2024-03-14",
                   language="ar")
    assert f.source == "المنظمة الدولية للهجرة"
