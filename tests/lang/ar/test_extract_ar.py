"""Arabic extraction behaviour, on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def one(text: str, published: str = "2024-03-14") -> dict:
    figures = [f.annotation() for f in extract(text, published=published, language="ar")]
    assert len(figures) == 1, figures
    return figures[0]


def test_approximate_total_with_source_destination_and_statement_day() -> None:
    f = one("وقالت تركيا يوم الثلاثاء إن نحو 40 ألف سوري دخلوا البلاد منذ مطلع الشهر.", "2024-03-14")
    assert (f["value"], f["qualifier"], f["kind"], f["movement"]) == (40000, "approx", "total", "arrived")
    assert (f["nationality"], f["origin"], f["destination"]) == ("SY", "SY", "TR")
    assert f["source_type"] == "government"
    assert f["period_start"] == "2024-03-01" and f["period_end"] == "2024-03-12"  # Tuesday on or before the Thursday


def test_rate_per_day_with_range() -> None:
    f = one("وأضاف المتحدث أن ما بين 3 آلاف و4 آلاف شخص يعبرون يوميا إلى مولدوفا.")
    assert (f["low"], f["high"], f["qualifier"], f["kind"], f["per"]) == (3000, 4000, "range", "rate", "day")
    assert f["destination"] == "MD"


def test_shared_context_gives_two_figures() -> None:
    figures = extract("فر أكثر من 30 ألف أفغاني إلى باكستان و 12 ألفا آخرين إلى إيران خلال الشهر الماضي.",
                      published="2024-03-14", language="ar")
    assert [(f.value, f.destination, f.nationality) for f in figures] == [(30000, "PK", "AF"), (12000, "IR", "AF")]
    assert figures[0].period_start == "2024-02-01" and figures[1].period_end == "2024-02-29"


def test_households_and_internal_displacement() -> None:
    f = one("رصدت المنظمة الدولية للهجرة نزوح 420 أسرة داخليا في محافظة الحديدة.")
    assert (f["unit"], f["movement"], f["source_type"]) == ("households", "displaced", "un_agency")
    assert f["origin"] == f["destination"] == "YE"


def test_hosted_refugees_are_a_stock() -> None:
    f = one("وتستضيف الأردن حاليا نحو 650 ألف لاجئ سوري مسجل.")
    assert (f["kind"], f["movement"], f["destination"], f["nationality"]) == ("stock", "hosted", "JO", "SY")


def test_cars_waiting_at_the_border() -> None:
    f = one("وقال مسؤول إن حوالي 3200 سيارة تنتظر عبور الحدود الفنلندية.")
    assert (f["unit"], f["kind"], f["movement"], f["destination"]) == ("vehicles", "stock", "waiting", "FI")


def test_words_the_number_refers_back_to_the_figure_before() -> None:
    text = "وصل 4 آلاف مهاجر إلى جزيرة لامبيدوزا يوم الاثنين. وارتفع العدد إلى نحو ستة آلاف يوميا."
    figures = extract(text, published="2024-03-14", language="ar")
    assert [(f.value, f.kind, f.movement, f.destination) for f in figures] == [
        (4000, "total", "arrived", "IT"), (6000, "rate", "arrived", "IT")]


def test_not_movement_numbers_are_left_out() -> None:
    text = ("قُتل 45 شخصا وأصيب 120 آخرون. واعتقلت الشرطة 300 متظاهر. واستدعت روسيا 300 ألف جندي احتياط. "
            "وقال الشاب البالغ من العمر 24 عاما إنه سار 5 كيلومترات. وتحتاج الوكالة إلى 250 مليون دولار. "
            "وارتفعت الطلبات بنسبة 80 بالمئة في عام 2023.")
    assert extract(text, published="2024-03-14", language="ar") == []


def test_plans_and_forecasts_are_not_figures() -> None:
    text = "وأعلنت الحكومة أنها تستعد لاستقبال 50 ألف لاجئ. وقد يضطر 200 ألف شخص إلى الفرار في الأشهر المقبلة."
    assert extract(text, published="2024-03-14", language="ar") == []


def test_untranslated_fragment_and_stray_quotes() -> None:
    f = one("“منذ يومين، من 2000 إلى 2500 [Ukrainians] وصلوا إلى بولندا كل يوم")
    assert (f["low"], f["high"], f["nationality"], f["destination"], f["kind"]) == (2000, 2500, "UA", "PL", "rate")
    assert f["period_end"] == "2024-03-12"


def test_yesterday_is_a_one_day_total() -> None:
    f = one("ووصل أمس الأربعاء 1500 لاجئ إلى أرمينيا.")
    assert f["period_start"] == f["period_end"] == "2024-03-13"
    assert f["kind"] == "total"


def test_every_figure_names_its_rules() -> None:
    f = extract("فر نحو 5 آلاف شخص من مدينة الفاشر.", published="2024-03-14", language="ar")[0]
    assert any("MOVE.fled" in r for r in f.rule) and any("QUAL.approx" in r for r in f.rule)
    assert f.origin == "SD" and f.origin_place == "El Fasher"


def test_a_list_of_countries_continues_the_figure_before() -> None:
    text = "وأحصت المفوضية 300 ألف لاجئ سوداني في تشاد، و250 ألفا في مصر، وحوالى 90 ألفا في إثيوبيا."
    figures = extract(text, published="2024-03-14", language="ar")
    assert [(f.value, f.qualifier, f.kind, f.movement, f.destination, f.nationality) for f in figures] == [
        (300000, "exact", "stock", "hosted", "TD", "SD"), (250000, "exact", "stock", "hosted", "EG", "SD"),
        (90000, "approx", "stock", "hosted", "ET", "SD")]


def test_thousands_with_the_article_is_vague() -> None:
    f = one("ويفر الآلاف من سكان المدينة نحو الحدود.")
    assert (f["low"], f["high"], f["qualifier"], f["movement"]) == (1000, 9999, "vague", "fled")


def test_ordinal_day_and_coast_named_by_an_adjective() -> None:
    f = one("نزح أكثر من 1.5 مليون شخص من منازلهم في قطاع غزة منذ السابع من أكتوبر، وفق الأمم المتحدة.", "2023-11-10")
    assert (f["period_start"], f["origin"], f["source_type"]) == ("2023-10-07", "PS", "un_agency")
    g = one("وصل 450 مهاجرا إلى السواحل الإيطالية خلال 24 ساعة.", "2024-02-01")
    assert (g["destination"], g["period_start"], g["period_end"]) == ("IT", "2024-01-31", "2024-02-01")


def test_group_named_before_the_number() -> None:
    f = one("ارتفع عدد اللاجئين السوريين في تركيا إلى 3.6 مليون لاجئ.", "2024-02-01")
    assert (f["nationality"], f["destination"], f["kind"]) == ("SY", "TR", "stock")


def test_per_cent_written_with_clitics_is_not_a_hundred() -> None:
    # regression: "بالمئة" was read as ب + ال + مئة, giving figures of 75 and 100
    figures = extract("وأفادت الأمم المتحدة بأن نحو 1.7 مليون فلسطيني نزحوا في قطاع غزة، أي ما يعادل 75 بالمئة من السكان.",
                      published="2024-02-14", language="ar")
    assert [f.value for f in figures] == [1700000]


def test_crossing_to_the_neighbours_is_flight() -> None:
    f = one("وقالت المنظمة إن 2,100,000 شخص عبروا الحدود السودانية إلى دول الجوار.", "2024-03-14")
    assert (f["movement"], f["destination"], f["destination_place"]) == ("fled", None, "neighbouring countries")


def test_according_to_with_the_preposition_attached() -> None:
    # "وفقا للأمم المتحدة": the ل of "according to" is a clitic on the speaker
    (f,) = [x for x in extract("وفقا للأمم المتحدة، فر 12 ألف شخص إلى تشاد الأسبوع الماضي.",
                                  published="2024-03-14", language="ar")]
    assert f.source_type == "un_agency"
    (g,) = extract("عاد 8 آلاف لاجئ إلى بلادهم، وفقا لبيانات المديرية العامة للأمن العام.",
                   published="2024-03-14", language="ar")
    assert g.source_type == "government"
