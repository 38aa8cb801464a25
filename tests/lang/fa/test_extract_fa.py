"""Persian (Iranian and Afghan) extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract
from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.stages.quantities import parse_quantity
from marsad.tokens import tokenize

ZWNJ = "\u200c"


def _value(text: str) -> int | None:
    q = parse_quantity(load_lexicon("fa"), tokenize(normalize(text)), 0)
    assert q is not None, text
    return q.value


def test_persian_digits_words_and_scales() -> None:
    assert _value("۵۰۰ هزار") == 500000
    assert _value("500 هزار") == 500000
    assert _value("٥٠٠ هزار") == 500000  # Arabic-Indic digits read the same
    assert _value("۲.۵ میلیون") == 2500000
    assert _value("۳ میلیون و ۴۰۰ هزار") == 3400000
    assert _value("یک میلیون و هشتصد هزار") == 1800000
    assert _value("سه هزار و 250") == 3250


def test_with_and_without_the_zero_width_non_joiner() -> None:
    joined = "۱۲ هزار افغانستانی از ایران بازگشته" + ZWNJ + "اند."
    bare = "۱۲ هزار افغانستانی از ایران بازگشتهاند."
    spaced = "۱۲ هزار افغانستانی از ایران بازگشته اند."
    for text in (joined, bare, spaced):
        (f,) = extract(text, published="2024-10-01", language="fa")
        assert (f.value, f.movement, f.nationality, f.origin, f.destination) == (12000, "returned", "AF", "IR", "AF"), text


def test_arabic_ya_and_kaf_in_persian_text() -> None:
    (f,) = extract("۸۰۰ خانواده افغان از پاكستان به كشور برگشتند.", published="2024-10-01", language="fa")
    assert (f.value, f.unit, f.movement, f.origin) == (800, "households", "returned", "PK")


def test_solar_hijri_date_with_year() -> None:
    (f,) = extract("در ۳ مهر ۱۴۰۳ حدود ۲ هزار مهاجر افغان از ایران اخراج شدند.", published="2024-10-01", language="fa")
    assert (f.value, f.qualifier, f.period_start, f.period_end) == (2000, "approx", "2024-09-24", "2024-09-24")


def test_afghan_month_name_without_year_resolves_before_publication() -> None:
    (f,) = extract("روز سه شنبه ۱۷ سنبله ۶۰۰ خانواده از پاکستان به افغانستان بازگشتند.",
                   published="2024-09-10", language="fa")
    assert (f.value, f.unit, f.period_start, f.destination) == (600, "households", "2024-09-07", "AF")


def test_dalw_is_the_eleventh_month() -> None:
    (f,) = extract("۵ دلو ۱۴۰۲ بیش از ۹۰۰ نفر از ایران به افغانستان بازگشتند.", published="2024-02-01", language="fa")
    assert (f.period_start, f.low, f.high) == ("2024-01-25", 900, None)


def test_iranian_asylum_seekers_in_germany() -> None:
    (f,) = extract("اداره مهاجرت آلمان اعلام کرد ۱۲۰۰ ایرانی در ماه مارس درخواست پناهندگی کردند.",
                   published="2023-04-10", language="fa")
    assert (f.value, f.movement, f.nationality, f.source_type) == (1200, "asylum", "IR", "government")


def test_casualties_are_not_figures() -> None:
    assert extract("در این حمله ۴۰ نفر کشته و ۱۲۰ نفر زخمی شدند.", published="2024-10-01", language="fa") == []


def test_hundreds_in_words_and_the_rest_in_digits() -> None:
    assert _value("ششصد و ۱۸") == 618


def test_a_verb_at_the_end_of_a_long_clause_still_counts() -> None:
    text = "۳۱۲ خانواده شامل یک هزار و ۴۰۰ نفر، از طریق گذرگاه مرزی دوغارون به کشور برگشتند."
    found = sorted((f.value, f.unit, f.movement) for f in extract(text, published="2024-10-01", language="fa"))
    assert found == [(312, "households", "returned"), (1400, "people", "returned")]


def test_migrants_deported_far_from_the_number_are_returns_not_a_stock() -> None:
    (f,) = extract("در یک روز ۴۱۰ مهاجر افغان از ایران به صورت «اجباری» اخراج شدند.", published="2024-10-01", language="fa")
    assert (f.value, f.movement, f.kind, f.origin) == (410, "returned", "total", "IR")


def test_from_the_borders_of_a_country_is_the_origin() -> None:
    (f,) = extract("بیش از ۳۰۰ هزار پناهجو از مرزهای سودان عبور کرده اند.", published="2024-10-01", language="fa")
    assert (f.low, f.origin) == (300000, "SD")


def test_on_a_date_is_a_point_and_a_year_of_an_era_is_no_figure() -> None:
    (f,) = extract("از آغاز جنگ در ۲۴ فبروری، ۹۰ هزار نفر به اوکرایین بازگشت کرده اند.", published="2022-04-14", language="fa")
    assert (f.value, f.period_start, f.period_end, f.destination) == (90000, "2022-02-24", "2022-04-14", "UA")
    assert extract("از آغاز سال ۲۰۲۵ میلادی تاکنون بازگشت ادامه دارد.", published="2025-08-01", language="fa") == []


def test_afghan_province_and_the_last_three_months() -> None:
    (f,) = extract("طی سه ماه گذشته ۱۲۰ هزار نفر در ولایت کندز بی‌جا شده‌اند.", published="2024-06-12", language="fa")
    assert (f.value, f.movement, f.origin_place, f.period_start, f.period_end) == (
        120000, "displaced", "Kunduz", "2024-03-12", "2024-06-12")


def test_persian_country_name_after_a_people_noun_is_their_nationality() -> None:
    (f,) = extract("روز گذشته ۸۰۰ مهاجر افغانستان از ایران به کشور بازگشتند.", published="2024-05-14", language="fa")
    assert (f.value, f.movement, f.nationality, f.origin, f.destination) == (800, "returned", "AF", "IR", "AF")


def test_persian_deportees_come_back_from_the_country_the_report_names() -> None:
    (f,) = extract("پاکستان روند اخراج مهاجران را سرعت بخشیده است. روز گذشته ۵۰۰۰ مهاجر افغان اخراج شدند. "
                   "پاکستان گفته است که این روند ادامه دارد.",
                   published="2025-04-06", language="fa")
    assert (f.movement, f.nationality, f.origin, f.destination) == ("returned", "AF", "PK", "AF")
