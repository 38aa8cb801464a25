"""The document frame: what a report states once is shared by the figures
whose sentences leave it open, with a rule id that names the frame."""

from __future__ import annotations

from marsad import extract


def figures(text: str, language: str, published: str = "2024-03-14") -> list:
    return extract(text, published=published, language=language)


def test_arrivals_take_the_host_the_report_states_not_the_country_they_left() -> None:
    text = ("Armenia said 12,000 Azerbaijanis have arrived in Armenia since Monday. "
            "Officials said another 3,000 people arrived on Wednesday.")
    first, second = figures(text, "en")
    assert (first.origin, first.destination) == ("AZ", "AM")
    assert (second.origin, second.destination) == ("AZ", "AM")
    assert "frame.destination" in second.rule and "frame.origin" in second.rule
    assert second.confidence < first.confidence or second.confidence <= 0.8


def test_a_report_with_no_stated_roles_sends_arrivals_to_the_country_it_names_most() -> None:
    text = ("Greece recorded a rise in crossings this week. The coastguard in Greece said 640 people arrived "
            "on the islands on Sunday.")
    (f,) = figures(text, "en")
    assert f.destination == "GR" and f.origin is None


def test_sources_left_open_take_the_reports_main_source() -> None:
    text = ("UNHCR said 40,000 refugees had fled to Chad. The rains have started in the east. "
            "Another 5,000 refugees crossed to Chad on Friday.")
    first, second = figures(text, "en")
    assert first.source_type == second.source_type == "un_agency"
    assert "frame.source" in second.rule


def test_returnees_are_not_sent_home_to_the_country_that_deports_them() -> None:
    text = "Germany deported 12,500 people last year, the interior ministry said."
    (f,) = figures(text, "en")
    assert f.movement == "returned" and f.destination != "DE"


def test_arabic_arrivals_take_the_stated_host() -> None:
    text = ("قالت السلطات التشادية إن 20 ألف سوداني وصلوا إلى تشاد منذ بداية الشهر. "
            "ووصل 1500 شخص آخرين يوم الأحد.")
    first, second = figures(text, "ar")
    assert (first.origin, first.destination) == ("SD", "TD")
    assert (second.origin, second.destination) == ("SD", "TD")
    assert "frame.origin" in second.rule


def test_arabic_displaced_in_the_reports_country() -> None:
    text = ("قالت الأمم المتحدة إن القتال في اليمن أجبر 3 آلاف أسرة على النزوح من الحديدة. "
            "ونزحت 400 أسرة أخرى خلال الأسبوع الماضي.")
    found = figures(text, "ar")
    assert [f.origin for f in found] == ["YE", "YE"]
    assert found[1].destination == "YE" and found[1].nationality == "YE"
    assert found[1].source_type == "un_agency"


def test_nationals_entering_their_own_country_returned() -> None:
    text = ("Lebanon's border agency said 9,000 Lebanese entered Syria on Monday. "
            "It said about 4,000 Syrians crossed into Syria through the Masnaa crossing on Tuesday.")
    first, second = figures(text, "en", published="2024-09-26")
    assert first.movement == "arrived" and (first.origin, first.destination) == ("LB", "SY")
    assert second.movement == "returned" and (second.origin, second.destination) == ("LB", "SY")
    assert "frame.nationals_entering_returned" in second.rule
    (f,) = figures("قالت السلطات إن نحو 3 آلاف سوري دخلوا إلى سوريا عبر معبر جديدة يابوس.", "ar")
    assert f.movement == "returned" and f.destination == "SY"


def test_a_place_in_a_since_clause_is_where_the_event_is() -> None:
    (f,) = figures("Since the fighting began in Sudan, more than 600,000 Sudanese have crossed into Chad.", "en")
    assert (f.origin, f.destination, f.movement) == ("SD", "TD", "arrived")


def test_displaced_people_arriving_in_a_town_moved_inside_their_country() -> None:
    (f,) = figures("About 20,000 displaced people have arrived in Kassala since Friday, the agency said.", "en")
    assert (f.origin, f.destination, f.nationality) == ("SD", "SD", "SD")
    assert "default.displaced_arrive_within" in f.rule


def test_fleeing_a_town_with_no_place_abroad_stays_inside_the_country() -> None:
    (f,) = figures("Nearly 90,000 people have fled Khan Younis in Gaza since Monday, UNRWA said.", "en")
    assert (f.origin, f.destination) == ("PS", "PS")
    (g,) = figures("فر نحو 40 ألف شخص من مدينة درنة الليبية منذ الأحد.", "ar")
    assert (g.origin, g.destination, g.nationality) == ("LY", "LY", "LY")


def test_those_who_left_in_a_report_of_arrivals_left_the_host() -> None:
    text = ("Georgia said 40,000 Russians had entered Georgia since the announcement, "
            "while 25,000 people left during the same days.")
    first, second = figures(text, "en")
    assert (first.origin, first.destination) == ("RU", "GE")
    assert second.movement == "departed" and second.origin == "GE"


def test_displaced_inside_and_abroad_at_once_have_no_single_destination() -> None:
    (f,) = figures("نزح نحو 3 ملايين شخص داخليا وعبر الحدود بسبب النزاع في السودان.", "ar")
    assert (f.movement, f.origin, f.destination) == ("displaced", "SD", None)
    (g,) = figures("About 3 million people have been displaced inside Sudan and across borders, IOM said.", "en")
    assert (g.origin, g.destination) == ("SD", None)


def test_a_speakers_adjective_names_the_country_of_the_country() -> None:
    # "وزارة الداخلية الكازاخية" speaks: "أراضي البلاد" is Kazakhstan, not the Russians' country
    (f,) = figures("أعلنت وزارة الداخلية الكازاخية عبور نحو 98 ألف روسي إلى أراضي البلاد.", "ar")
    assert (f.origin, f.destination, f.source_type) == ("RU", "KZ", "government")


def test_totals_without_a_start_count_from_the_event_the_report_counts_from() -> None:
    text = ("Romania said 310,000 people have entered the country since the invasion began on 24 February. "
            "The weather turned cold on the border. "
            "About 190,000 people have arrived in Hungary, its police said.")
    first, second = figures(text, "en", published="2022-03-12")
    assert first.period_start == second.period_start == "2022-02-24"
    assert "frame.period_start" in second.rule and "frame.period_start" not in first.rule


def test_an_episode_in_a_report_that_does_not_count_from_the_war_keeps_no_start() -> None:
    text = ("The war in the region broke out on 3 May 2023. "
            "About 40,000 people have arrived in the town of Adre, the agency said.")
    (f,) = figures(text, "en", published="2024-06-02")
    assert f.period_start is None


def test_a_span_the_sentence_names_is_not_replaced_by_the_documents_start() -> None:
    text = ("Since the war began in March 2023, 500,000 people have crossed into Chad, UNHCR said. "
            "Nearly 30,000 people have arrived in Chad in just over a month, UNHCR said.")
    first, second = figures(text, "en", published="2024-06-02")
    assert first.period_start == "2023-03-01"
    assert second.period_start is None and "period.unresolved_span" in second.rule


def test_arabic_totals_count_from_the_operation_the_report_dates() -> None:
    text = ("قالت السلطات المجرية إن 95 ألف شخص دخلوا المجر منذ بدء العملية العسكرية في 24 فبراير الماضي. "
            "وتشهد المعابر طوابير طويلة. وأضافت أن سلوفاكيا استقبلت 60 ألف شخص.")
    first, second = figures(text, "ar", published="2022-03-08")
    assert first.period_start == second.period_start == "2022-02-24"
    assert "frame.period_start" in second.rule


def test_the_day_of_the_war_dates_its_start() -> None:
    text = ("The UN said 90,000 people have fled their homes since the war began. "
            "The war, now in its 12th day, has destroyed whole districts.")
    (f,) = figures(text, "en", published="2024-05-20")
    assert f.period_start == "2024-05-09"


def test_arabic_day_of_the_war_and_a_date_before_the_event() -> None:
    text = "نزح 70 ألف شخص من منازلهم منذ اندلاع الحرب التي دخلت يومها العاشر، بحسب الأمم المتحدة."
    (f,) = figures(text, "ar", published="2024-05-20")
    assert f.period_start == "2024-05-11"
    text = ("قال الوزير إن 40 ألف شخص دخلوا البلاد منذ إعلان التعبئة. "
            "وكان الرئيس قد أعلن في 14 مارس الماضي قرار التعبئة الجزئية.")
    (f,) = figures(text, "ar", published="2024-04-02")
    assert f.period_start == "2024-03-14"


def test_people_returning_to_the_reports_home_are_its_nationals() -> None:
    text = ("Officials said 1,200 people returned to Afghanistan from Iran on Sunday. "
            "The weather was cold. Another 300 returnees crossed at Islam Qala on Monday.")
    first, second = figures(text, "en")
    assert first.nationality == second.nationality == "AF"
    assert second.destination == "AF" and "frame.nationality" in second.rule


def test_returnees_come_back_from_the_one_other_country_a_report_is_about() -> None:
    text = ("Pakistan has stepped up deportations. Police in Pakistan detained hundreds this week. "
            "Officials said 1,200 people returned to Afghanistan on Sunday.")
    (f,) = figures(text, "en")
    assert (f.origin, f.destination) == ("PK", "AF") and "frame.origin" in f.rule


def test_returnees_from_several_hosts_keep_no_origin() -> None:
    text = ("Syrians abroad are weighing a return. Turkey, Lebanon and Jordan host most of them. "
            "The UN said 80,000 refugees returned to Syria this month.")
    (f,) = figures(text, "en")
    assert f.destination == "SY" and f.origin is None


def test_arabic_returnees_take_the_other_country_of_the_report() -> None:
    text = "رحّلت السلطات الإيرانية آلاف الأفغان هذا الشهر. وقالت إيران إن الترحيل سيستمر. وعاد 3 آلاف شخص إلى أفغانستان أمس."
    (f,) = figures(text, "ar")
    assert (f.origin, f.destination, f.nationality) == ("IR", "AF", "AF")


def test_a_border_named_by_two_countries_puts_its_nationals_on_the_far_side() -> None:
    (f,) = figures("About 12,000 Venezuelans are waiting on the Venezuela-Colombia border, officials said.", "en")
    assert (f.nationality, f.origin, f.destination) == ("VE", "VE", "CO")
    assert "en.BORDER:border:between" in f.rule
    (f,) = figures("Officials said 2,000 people crossed the Poland-Ukraine border into Poland.", "en")
    assert (f.origin, f.destination) == ("UA", "PL")


def test_arabic_border_adjectives_put_nationals_on_the_far_side() -> None:
    (f,) = figures("قالت المفوضية إن 30 ألف لاجئ سوداني عالقون على الحدود السودانية التشادية.", "ar")
    assert (f.nationality, f.origin, f.destination) == ("SD", "SD", "TD")


def test_people_evacuated_in_a_report_about_one_country_stay_in_it_and_are_its_nationals() -> None:
    (f,) = figures("Floods hit northern Italy this week. Officials said 12,000 people were evacuated.", "en")
    assert (f.nationality, f.origin, f.destination) == ("IT", "IT", "IT")
    assert any(r.startswith("frame.origin") for r in f.rule) and "frame.nationality" in f.rule


def test_a_sea_crossed_leaves_the_country_of_arrival_to_the_frame() -> None:
    text = ("Italy's interior ministry said 3,000 migrants arrived in Italy this week. "
            "The weather was calm. On Sunday, 500 migrants arrived across the Mediterranean.")
    _, second = figures(text, "en")
    assert second.destination == "IT" and "frame.destination" in second.rule


def test_arabic_arrivals_by_sea_take_the_reports_host() -> None:
    text = ("وقالت وزارة الداخلية الإسبانية إن 4 آلاف مهاجر وصلوا إلى إسبانيا هذا الشهر. "
            "وكان البحر هادئا. ووصل 300 مهاجر عبر المحيط الأطلسي يوم الأحد.")
    _, second = figures(text, "ar")
    assert second.destination == "ES"


def test_the_country_one_figure_enters_is_the_one_the_next_leaves() -> None:
    first, second = figures("Armenia said 40,000 people have entered the country since Monday, while 9,000 left.", "en")
    assert (first.destination, second.origin) == ("AM", "AM") and "shared.origin:opposite" in second.rule
    first, second = figures("Georgia said 40,000 Russians have entered the country since Monday, while 9,000 left.",
                            "en")
    assert second.nationality == "RU"
    first, second = figures("وقال الوزير إن 50 ألف شخص وصلوا إلى جورجيا في حين غادر 12 ألفا.", "ar")
    assert (first.destination, second.origin) == ("GE", "GE")


def test_people_displaced_to_a_part_of_a_country_were_displaced_within_it() -> None:
    (f,) = figures("More than 60,000 people have been displaced to northern Mozambique, the IOM said.", "en")
    assert (f.origin, f.destination, f.nationality) == ("MZ", "MZ", "MZ")
    (f,) = figures("ونزح أكثر من 60 ألف شخص إلى شمال موزمبيق، بحسب المنظمة الدولية للهجرة.", "ar")
    assert (f.origin, f.destination) == ("MZ", "MZ")


def test_nationals_leaving_the_host_of_a_return_story_returned_home() -> None:
    text = ("UNHCR said 300,000 Syrians have returned to Syria from Turkey this year. "
            "The border posts were busy. Another 20,000 Syrians left Turkey in June.")
    _, second = figures(text, "en")
    assert (second.movement, second.origin, second.destination) == ("returned", "TR", "SY")
    assert "frame.nationals_leaving_returned" in second.rule


def test_nationals_leaving_a_country_outside_a_return_story_departed() -> None:
    (f,) = figures("Some 20,000 Syrians left Turkey for Europe in June.", "en")
    assert f.movement in ("departed", "fled")


def test_figures_without_an_end_hold_on_the_last_day_of_the_report_the_text_names() -> None:
    text = ("The IOM said on Monday that 2 million people have returned to their areas. "
            "Its report covers the period from 1 to 31 October. "
            "About 600,000 people remain displaced in camps, the agency said.")
    first, second = figures(text, "en", published="2024-11-20")
    assert first.period_end == second.period_end == "2024-10-31"
    assert "frame.period_end:report" in first.rule


def test_arabic_report_period_ends_the_counts_it_gives() -> None:
    text = ("أعلنت المنظمة أمس أن مليوني شخص عادوا إلى مناطقهم. "
            "وأوضحت المنظمة في تقرير عن الفترة الممتدة من 1 إلى 31 أكتوبر أن البيانات جمعت من 900 موقع.")
    (f,) = figures(text, "ar", published="2024-11-20")
    assert f.period_end == "2024-10-31"


def test_a_figure_with_its_own_date_keeps_it_after_a_report_period() -> None:
    text = ("The report covers the period from 1 to 31 October. "
            "On 12 November, 3,000 people arrived in Chad, UNHCR said.")
    (f,) = figures(text, "en", published="2024-11-20")
    assert f.period_end == "2024-11-12"


def test_displaced_people_arriving_in_a_place_of_the_report_move_inside_its_country() -> None:
    text = ("Fighting spread across North Kivu in Congo this week. "
            "About 30,000 displaced people have arrived in Kanyaruchinya, the agency said.")
    (f,) = figures(text, "en")
    assert (f.origin, f.destination, f.nationality) == ("CD", "CD", "CD")


def test_leaving_because_of_war_is_flight_and_the_place_of_the_violence_is_left() -> None:
    (f,) = figures("Some 12,000 people left Haiti because of the violence, the IOM said.", "en")
    assert f.movement == "fled" and f.origin == "HT"
    (f,) = figures("More than 5,000 Sudanese, fleeing fighting in Darfur, crossed into Chad last week.", "en")
    assert (f.origin, f.destination) == ("SD", "TD")
    (f,) = figures("غادر 3 آلاف شخص بلدة القصير بسبب القصف، بحسب الأمم المتحدة.", "ar")
    assert f.movement == "fled"
    (f,) = figures("فر نحو 8 آلاف شخص من القتال في جنوب السودان بحثا عن ملاذ في أوغندا، وفقا للمفوضية.", "ar")
    assert (f.origin, f.destination) == ("SS", "UG")  # the cause's place is left, the refuge reached


def test_flight_in_a_report_about_one_country_stays_inside_it() -> None:
    text = ("Heavy shelling hit Khan Younis in Gaza overnight. Aid groups in Gaza warned of hunger. "
            "The UN said 100,000 people have fled in the past week.")
    (f,) = figures(text, "en")
    assert (f.origin, f.destination, f.nationality) == ("PS", "PS", "PS")
    assert "frame.origin:within" in f.rule


def test_arabic_flight_in_a_report_about_one_country_stays_inside_it() -> None:
    text = "اشتد القصف على مدينة خان يونس في غزة. وحذرت منظمات الإغاثة في غزة من المجاعة. وقالت الأمم المتحدة إن 100 ألف شخص فروا خلال الأسبوع الماضي."
    (f,) = figures(text, "ar")
    assert (f.origin, f.destination) == ("PS", "PS")


def test_fleeing_ones_home_is_displacement_and_a_count_of_both_kinds_has_no_one_destination() -> None:
    (f,) = figures("Some 14,000 people fled their homes in Darfur last week, the IOM said.", "en")
    assert f.movement == "displaced" and f.origin == "SD"
    (f,) = figures("أعلنت المنظمة ارتفاع أعداد الفارين من منازلهم في السودان إلى 12 مليون شخص بين نازح ولاجئ.", "ar")
    assert (f.movement, f.origin, f.destination) == ("displaced", "SD", None)


def test_one_border_matched_twice_is_read_once() -> None:
    (f,) = figures("وقالت الوزارة إن هناك حوالي 3000 سيارة تنتظر عبور الحدود الأرمينية.", "ar")
    assert f.destination == "AM" and f.origin != "AM"
    assert sum(r.startswith("ar.BORDER") for r in f.rule) == 1


def test_since_an_event_the_text_never_dates_is_not_since_the_one_it_dates() -> None:
    text = ("Since the war began on 24 February, 4 million people have fled Ukraine, the UN said. "
            "Georgia said 30,000 Russians have entered the country since the mobilisation.")
    first, second = figures(text, "en", published="2022-09-27")
    assert first.period_start == "2022-02-24"
    assert second.period_start is None and "period.since_undated:EVENT.mobilisation" in second.rule


def test_a_span_of_the_last_days_is_not_the_start_a_report_counts_from() -> None:
    text = ("Some 5,000 migrants reached the Canaries in the last 11 days, officials said. "
            "The islands were busy. More than 20,000 migrants have now arrived in the islands.")
    first, second = figures(text, "en", published="2023-10-11")
    assert first.period_start == "2023-09-30" and second.period_start is None


def test_the_country_named_decides_over_the_crossing_point() -> None:
    (f,) = figures("On Monday, 9,000 people crossed the Torkham border into Afghanistan, officials said.", "en")
    assert f.destination == "AF"
    (f,) = figures("وعبر يوم الاثنين 9 آلاف شخص معبر طورخم إلى أفغانستان.", "ar")
    assert f.destination == "AF"
