"""Numbers that compare, measure or count something else are not figures
(ANNOTATION.md), in every language folder that states them."""

from __future__ import annotations

import pytest

from marsad import extract


@pytest.mark.parametrize("language, text", [
    ("en", "One in three Syrians has fled the country since the war began."),
    ("en", "Arrivals on the islands were 3,109 more than last year, the ministry said."),
    ("en", "Asylum applications rose by 4,200 compared with the same period last year."),
    ("en", "Displaced families of five share a single tent in the camp where refugees arrived."),
    ("en", "The number of refugees who arrived has grown three times, to a level 4 times higher."),
    ("en", "Some 300 protesters marched on the border crossing where refugees arrive."),
    ("en", "About 120 aid trucks crossed into Gaza on Sunday as families fled south."),
    ("en", "The camp, where displaced people arrive, has a capacity of 5,000."),
    ("ar", "فر واحد من كل ثلاثة سوريين من البلاد منذ بداية الحرب."),
    ("ar", "ارتفع عدد الوافدين بزيادة 3109 عن العام الماضي."),
    ("ar", "دخلت 120 شاحنة مساعدات إلى القطاع بينما فرت العائلات جنوبا."),
    ("ar", "نزحت عائلة مكونة من 7 أفراد إلى المخيم."),
    ("ar", "شارك 300 متظاهر في مسيرة قرب المعبر الذي وصل إليه اللاجئون."),
])
def test_not_a_figure(language: str, text: str) -> None:
    assert extract(text, published="2024-03-14", language=language) == []


@pytest.mark.parametrize("language, text, value", [
    ("en", "More than 5,000 people fled to Chad last week, more than in any week this year.", 5000),
    ("en", "Tens of thousands more than reported on Saturday crossed into Poland.", None),
    ("ar", "فر أكثر من 5 آلاف شخص إلى تشاد الأسبوع الماضي.", 5000),
])
def test_a_comparison_word_before_the_number_is_its_qualifier_not_a_veto(language: str, text: str, value) -> None:
    (f,) = extract(text, published="2024-03-14", language=language)
    assert f.low == value or value is None
