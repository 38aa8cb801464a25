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


def test_since_an_event_takes_the_date_the_text_gives_it_anywhere() -> None:
    text = ("The earthquake of 6 February destroyed whole towns in the south. "
            "Since the earthquake, 45,000 people have fled to the coast, officials said.")
    (f,) = extract(text, published="2023-03-01", language="en")
    assert (f.period_start, f.period_end) == ("2023-02-06", "2023-03-01")
    assert "frame.period_start:EVENT.earthquake" in f.rule


def test_arabic_since_the_mobilisation_dated_in_another_sentence() -> None:
    text = ("أعلن الرئيس التعبئة الجزئية في 21 سبتمبر. "
            "وقالت السلطات إن 30 ألف شخص عبروا الحدود منذ الإعلان عن التعبئة.")
    (f,) = extract(text, published="2022-09-30", language="ar")
    assert (f.period_start, f.period_end) == ("2022-09-21", "2022-09-30")


def test_one_unit_ago_without_a_number() -> None:
    (f,) = extract("About 360,000 people have fled the city since the order a week ago, the agency said on Monday.",
                   published="2024-05-13", language="en")
    assert f.period_start == "2024-05-06"
    (g,) = extract("فر نحو 20 ألف شخص من المدينة منذ صدور الأمر قبل أسبوع.", published="2024-05-13", language="ar")
    assert g.period_start == "2024-05-06"


def test_a_time_in_the_reported_clause_is_not_when_it_was_said() -> None:
    (f,) = extract('The minister added that "yesterday more than 7,000 people arrived in the country".',
                   published="2022-10-04", language="en")
    assert (f.period_start, f.period_end) == ("2022-10-03", "2022-10-03")
    (g,) = extract('وأضاف الوزير أنه "أمس الاثنين وصل أكثر من سبعة آلاف شخص إلى البلاد".',
                   published="2022-10-04", language="ar")
    assert (g.period_start, g.period_end) == ("2022-10-03", "2022-10-03")


def test_a_month_inside_a_since_clause_starts_the_count() -> None:
    (f,) = extract("Since the fighting began in Sudan in April 2023, more than 600,000 Sudanese have crossed into Chad.",
                   published="2025-06-03", language="en")
    assert (f.period_start, f.period_end) == ("2023-04-01", "2025-06-03")
    (g,) = extract("منذ اندلاع القتال في السودان في أبريل 2023، عبر أكثر من 600 ألف سوداني إلى تشاد.",
                   published="2025-06-03", language="ar")
    assert (g.period_start, g.period_end) == ("2023-04-01", "2025-06-03")


@pytest.mark.parametrize("sentence, language, published, start, end", [
    ("During the third week of May, 4,000 refugees arrived in Chad.", "en", "2024-06-10", "2024-05-15", "2024-05-21"),
    ("نزح 1130 شخصا خلال الأسبوع الثالث من تموز.", "ar", "2024-07-31", "2024-07-15", "2024-07-21"),
    ("Over the weekend, 3,000 migrants arrived in Italy.", "en", "2023-09-13", "2023-09-09", "2023-09-10"),
    ("وصل 2000 مهاجر إلى إيطاليا في نهاية الأسبوع.", "ar", "2023-09-11", "2023-09-09", "2023-09-10"),
    ("Some 5,000 people fled to Chad from 3 to 9 March.", "en", "2024-03-14", "2024-03-03", "2024-03-09"),
    ("Some 5,000 people fled to Chad between 3 and 9 March.", "en", "2024-03-14", "2024-03-03", "2024-03-09"),
    ("نزح 1130 شخصا بين 16 و23 تموز.", "ar", "2024-07-31", "2024-07-16", "2024-07-23"),
    ("More than 2,000 people fled to Chad since May, the agency said.", "en", "2024-06-10", "2024-05-01", "2024-06-10"),
])
def test_weeks_weekends_and_day_ranges(sentence: str, language: str, published: str, start: str, end: str) -> None:
    (f,) = extract(sentence, published=published, language=language)
    assert (f.period_start, f.period_end) == (start, end)


def test_without_a_publication_date_the_url_gives_the_reference() -> None:
    (f,) = extract("About 3,000 people fled to Chad on Tuesday.", language="en",
                   url="https://example.org/news/2023/09/28/chad-refugees")
    assert f.period_end == "2023-09-26" and "reference.url" in f.rule


def test_without_a_publication_date_the_dateline_gives_the_reference() -> None:
    (f,) = extract("GENEVA, 6 July 2023 - About 3,000 people fled to Chad on Tuesday, UNHCR said.", language="en")
    assert f.period_end == "2023-07-04" and "reference.text" in f.rule
    (g,) = extract("جنيف في 6 يوليو 2023 - فر نحو 3 آلاف شخص إلى تشاد يوم الثلاثاء.", language="ar")
    assert g.period_end == "2023-07-04" and "reference.text" in g.rule


def test_a_stated_publication_date_wins_over_the_url() -> None:
    (f,) = extract("About 3,000 people fled to Chad on Tuesday.", language="en", published="2024-03-14",
                   url="https://example.org/2023/09/28/chad")
    assert f.period_end == "2024-03-12" and not any(r.startswith("reference.") for r in f.rule)


def test_last_n_days_with_the_ordinal_marker_and_since_the_year_n() -> None:
    from marsad import extract
    (f,) = extract("ولفتت الوزارة إلى دخول 41 ألف شخص إلى أرمينيا خلال الأيام الـ 7 الأخيرة.",
                   published="2023-05-20", language="ar")
    assert (f.period_start, f.period_end) == ("2023-05-13", "2023-05-20")
    (f,) = extract("غادر نحو مليون شخص البلاد منذ عام 2019، بحسب الأمم المتحدة.", published="2023-05-20", language="ar")
    assert f.period_start == "2019-01-01"
    (f,) = extract("Some 900,000 people have left since the year 2019, the UN said.", published="2023-05-20",
                   language="en")
    assert f.period_start == "2019-01-01"


def test_since_a_named_weekday_and_a_statement_date_after_the_figure() -> None:
    from marsad import extract
    (f,) = extract("وصل أكثر من 900 مهاجر إلى الجزيرة منذ يوم السبت الماضي، حسبما ذكرت وكالة «رويترز» أمس.",
                   published="2024-06-13", language="ar")
    assert (f.period_start, f.period_end) == ("2024-06-08", "2024-06-12")
    (f,) = extract("Some 300 people crossed into Chad since Saturday, UNHCR said on Wednesday.",
                   published="2024-06-13", language="en")
    assert (f.period_start, f.period_end) == ("2024-06-08", "2024-06-12")


def test_the_same_period_is_the_one_of_the_figure_before_in_the_sentence() -> None:
    from marsad import extract
    first, second = extract("دخل 30 ألف شخص إلى أرمينيا خلال الأيام الـ 7 الأخيرة، فيما عاد 12 ألفا إلى أذربيجان "
                            "خلال نفس الفترة.", published="2023-05-20", language="ar")
    assert (second.period_start, second.period_end) == (first.period_start, first.period_end) == ("2023-05-13", "2023-05-20")
    first, second = extract("Some 30,000 people entered Armenia in the past 7 days, while 12,000 left over the same "
                            "period.", published="2023-05-20", language="en")
    assert (second.period_start, second.period_end) == ("2023-05-13", "2023-05-20")


def test_a_day_before_the_statement_verb_is_when_it_was_said() -> None:
    from marsad import extract
    text = ("Hungary's police on Monday said more than 40,000 people had crossed into Hungary "
            "in the days since Russia invaded Ukraine on 24 February.")
    (f,) = extract(text, published="2022-03-01", language="en")
    assert (f.period_start, f.period_end) == ("2022-02-24", "2022-02-28")


def test_a_date_then_until_a_date_is_one_span() -> None:
    from marsad import extract
    (f,) = extract("رصدت المنظمة نزوح 35 أسرة خلال الفترة من 24 ديسمبر وحتى 30 ديسمبر.", published="2024-01-03",
                   language="ar")
    assert (f.period_start, f.period_end) == ("2023-12-24", "2023-12-30")
    (f,) = extract("About 2,100 people were displaced from 24 December until 30 December, the IOM said.",
                   published="2024-01-03", language="en")
    assert (f.period_start, f.period_end) == ("2023-12-24", "2023-12-30")


def test_coordinated_figures_share_a_whole_period() -> None:
    from marsad import extract
    text = ("From January to March 2023, 80,000 people applied for asylum in Germany. "
            "The office also said there were 70,000 first applications and 6,000 follow-up applications.")
    figs = extract(text, published="2023-04-11", language="en")
    assert [(f.period_start, f.period_end) for f in figs] == [("2023-01-01", "2023-03-31")] * 3


def test_lunar_hijri_dates_with_and_without_the_year() -> None:
    from marsad import extract
    (f,) = extract("وأعلنت الوزارة وصول 4500 لاجئ إلى المملكة يوم 15 رمضان 1445 هـ.", published="2024-04-01",
                   language="ar")
    assert f.period_start == f.period_end == "2024-03-25"
    (f,) = extract("عاد 2000 شخص إلى اليمن في 3 شوال.", published="2024-04-20", language="ar")
    assert f.period_start == "2024-04-12"  # 3 Shawwal 1445, the latest on or before publication


def test_a_span_in_a_later_clause_does_not_date_the_figure_before_it() -> None:
    from marsad import extract
    (f,) = extract("وتستضيف الأردن نحو 600 ألف لاجئ سوري، فيما تزايدت الضغوط على الخدمات خلال السنوات الماضية.",
                   published="2023-02-18", language="ar")
    assert f.period_end == "2023-02-18"
    (f,) = extract("Since March, 600,000 people have arrived in Jordan, while prices rose.", published="2023-06-18",
                   language="en")
    assert f.period_start == "2023-03-01"


def test_on_the_day_named_by_a_weekday_after_its_noun_and_a_complementizer() -> None:
    from marsad import extract
    (f,) = extract("ووفق التقرير، فإن يوم الثلاثاء شهد وصول 480 مهاجرا إلى جزيرة لامبيدوزا.", published="2023-10-11",
                   language="ar")
    assert (f.period_start, f.period_end) == ("2023-10-10", "2023-10-10")


def test_the_nth_week_or_month_of_the_year() -> None:
    from marsad import extract
    (f,) = extract("نزحت 40 أسرة خلال الأسبوع الثاني من العام الجاري، بحسب المنظمة.", published="2024-01-20",
                   language="ar")
    assert (f.period_start, f.period_end) == ("2024-01-08", "2024-01-14")
    (f,) = extract("وصل 900 مهاجر خلال الشهر الأول من العام الجاري.", published="2024-03-20", language="ar")
    assert (f.period_start, f.period_end) == ("2024-01-01", "2024-01-31")


def test_a_number_that_refers_back_takes_the_verb_of_its_own_sentence_and_its_own_span() -> None:
    from marsad import extract
    text = ("Fighting forces thousands to flee. "
            "About 2,000 people crossed into Chad on Monday, officials said, bringing the total since the "
            "beginning of the month to 15,000.")
    figs = extract(text, published="2024-05-22", language="en")
    total = next(f for f in figs if f.value == 15000)
    assert (total.movement, total.destination) == ("arrived", "TD")
    assert (total.period_start, total.period_end) == ("2024-05-01", "2024-05-22")


def test_a_figure_counted_since_a_dated_event_keeps_that_start_after_a_figure_of_last_week() -> None:
    from marsad import extract
    text = ("قالت المنظمة إن 8 ملايين شخص نزحوا منذ اندلاع القتال في 15 أبريل من العام الماضي. "
            "وعبر نحو 12 ألف شخص إلى تشاد الأسبوع الماضي. "
            "وقالت وزارة الخارجية المصرية إن 450 ألف سوداني دخلوا مصر منذ بدء النزاع.")
    last = extract(text, published="2024-03-14", language="ar")[-1]
    assert (last.value, last.period_start) == (450000, "2023-04-15")


def test_an_ap_style_month_abbreviation_is_a_date_not_a_figure() -> None:
    from marsad import extract
    (f,) = extract("About 31,000 people have crossed into Armenia since Sept. 23, the government said on Friday.",
                   published="2023-10-06", language="en")
    assert (f.value, f.period_start, f.period_end) == (31000, "2023-09-23", "2023-10-06")


def test_so_far_this_year_opens_the_year() -> None:
    from marsad import extract
    (f,) = extract("Nearly 90,000 migrants have reached Spain by sea so far this year, officials said.",
                   published="2023-09-18", language="en")
    assert (f.period_start, f.period_end) == ("2023-01-01", "2023-09-18")
