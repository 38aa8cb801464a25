"""Dates resolved against the publication date."""

from __future__ import annotations

import pytest

from marsad import extract


@pytest.mark.parametrize("sentence, published, start, end", [
    # a weekday is the one on or before publication, never the week before
    ("وصل 500 لاجئ إلى أرمينيا يوم الثلاثاء.", "2023-09-26", "2023-09-26", "2023-09-26"),
    ("وصل 500 لاجئ إلى أرمينيا يوم الأحد.", "2023-09-26", "2023-09-24", "2023-09-24"),
    ("دخل 3000 روسي إلى منغوليا منذ 21 سبتمبر الماضي.", "2022-09-25", "2022-09-21", "2022-09-25"),
    ("عاد 20 ألف أفغاني من إيران خلال حزيران.", "2025-07-03", "2025-06-01", "2025-06-30"),
    ("نزحت 900 أسرة يمنية خلال العام الفائت.", "2024-01-08", "2023-01-01", "2023-12-31"),
    ("دخل 70 ألف شخص إلى جورجيا خلال الأيام العشرة الأخيرة.", "2022-09-27", "2022-09-17", "2022-09-27"),
    ("وصل 1900 مهاجر إلى لامبيدوزا أمس الأول.", "2023-09-13", "2023-09-11", "2023-09-11"),
    ("More than 5,000 people arrived in Italy in 2022.", "2023-03-01", "2022-01-01", "2022-12-31"),
    ("About 9,000 refugees entered Chad since August 25, 2017.", "2018-08-24", "2017-08-25", "2018-08-24"),
    ("Some 7,000 migrants arrived in Lampedusa yesterday.", "2023-09-14", "2023-09-13", "2023-09-13"),
])
def test_period(sentence: str, published: str, start: str, end: str) -> None:
    (f,) = extract(sentence, published=published)
    assert (f.period_start, f.period_end) == (start, end)


def test_first_months_of_the_war_count_from_the_start_the_text_gives() -> None:
    text = ("بدأت الحرب في 24 فبراير. وخلال الأشهر الأربعة الأولى من الحرب، فر 50 ألف روسي إلى جورجيا.")
    (f,) = extract(text, published="2022-09-27", language="ar")
    assert (f.period_start, f.period_end) == ("2022-02-24", "2022-06-24")


def test_unknown_publication_date_leaves_relative_dates_open() -> None:
    (f,) = extract("وصل 500 لاجئ إلى أرمينيا يوم الثلاثاء.", published=None, language="ar")
    assert f.period_start is None and f.period_end is None


def test_since_the_war_began_takes_the_start_the_text_gives() -> None:
    text = ("اندلع النزاع الحالي في السودان في 15 أبريل 2023. "
            "وقالت المنظمة إن 8 ملايين شخص نزحوا منذ اندلاع الحرب.")
    (f,) = extract(text, published="2024-10-15", language="ar")
    assert (f.period_start, f.period_end) == ("2023-04-15", "2024-10-15")
