"""Kind from the clause (issue 9.1): a word of the clause makes a count a total
or a stock against what the counted noun or the verb alone would give."""

from __future__ import annotations

from marsad import extract


def one(text: str, language: str):
    (f,) = extract(text, published="2024-03-14", language=language)
    return f


def test_a_refugee_noun_alone_is_a_stock_but_a_total_of_makes_a_count() -> None:
    assert one("The camp holds 12,000 refugees, the agency said.", "en").kind == "stock"
    f = one("The agency registered a total of 12,000 refugees in the camp so far.", "en")
    assert f.kind == "total" and any("KIND.total" in r for r in f.rule)


def test_there_are_and_currently_make_a_stock_of_a_verb_count() -> None:
    f = one("There are currently 40,000 people displaced in the province, officials said.", "en")
    assert f.kind == "stock" and any("KIND.stock" in r for r in f.rule)


def test_a_past_there_were_is_still_a_count() -> None:
    f = one("The office said there were 8,000 asylum applications in January.", "en")
    assert f.kind == "total"


def test_arabic_total_and_stock_from_the_clause() -> None:
    f = one("سجلت المنظمة إجمالي 25 ألف نازح في المحافظة.", "ar")
    assert f.kind == "total" and any("KIND.total" in r for r in f.rule)
    f = one("وقالت المنظمة إن 40 ألف شخص نزحوا ولا يزالون في المخيمات.", "ar")
    assert f.kind == "stock"


def test_displaced_from_a_place_are_a_count_not_a_stock() -> None:
    f = one("وسجلت المنظمة 60 ألف نازح من جنوب لبنان منذ بدء القصف.", "ar")
    assert f.kind == "total"
    assert one("The camp shelters 60,000 displaced people, the agency said.", "en").kind == "stock"
    assert one("The agency counted 60,000 displaced people from Khan Younis since Monday.", "en").kind == "total"


def test_the_number_of_people_a_long_clause_describes() -> None:
    f = one("وأعلنت الوزارة أن عدد المهاجرين الذين وصلوا إلى الجزر منذ بداية العام، ورغم سوء الأحوال الجوية "
            "وتشديد الرقابة على السواحل، بلغ 12 ألف شخص.", "ar")
    assert (f.value, f.movement, f.period_start) == (12000, "arrived", "2024-01-01")
    assert "ar.COUNT.of" in f.rule
    f = one("The number of migrants who crossed the Channel in small boats since January, despite the new rules "
            "and the bad weather, reached 21,000.", "en")
    assert (f.movement, f.period_start) == ("arrived", "2024-01-01")


def test_the_number_of_something_else_is_no_figure() -> None:
    assert extract("وأعلنت الوزارة أن عدد المدارس التي أعيد افتتاحها في المدينة منذ بداية العام بلغ 120 مدرسة.",
                   published="2024-03-14", language="ar") == []


def test_an_average_after_a_count_is_the_same_movement_per_day() -> None:
    figs = extract("وعبر نحو 9 آلاف شخص إلى أوغندا الأسبوع الماضي، بمعدل 1300 شخص يوميا.", published="2024-03-14",
                   language="ar")
    rate = figs[-1]
    assert (rate.value, rate.kind, rate.per, rate.movement, rate.destination) == (1300, "rate", "day", "arrived", "UG")
    figs = extract("About 9,000 people crossed into Uganda last week, at a rate of some 1,300 a day, the agency said.",
                   published="2024-03-14", language="en")
    assert (figs[-1].kind, figs[-1].movement, figs[-1].destination) == ("rate", "arrived", "UG")
