"""Turkish extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract
from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.stages.quantities import parse_quantity
from marsad.tokens import tokenize


def _value(text: str) -> tuple[int | None, int | None, str]:
    lex = load_lexicon("tr")
    q = parse_quantity(lex, tokenize(normalize(text)), 0)
    assert q is not None, text
    return q.low, q.high, q.qualifier


def test_turkish_numbers_decimal_comma_bin_and_parts_without_and() -> None:
    assert _value("3,2 milyon") == (3200000, 3200000, "exact")
    assert _value("500 bin") == (500000, 500000, "exact")
    assert _value("1 milyon 250 bin") == (1250000, 1250000, "exact")
    assert _value("12 bin 408") == (12408, 12408, "exact")
    assert _value("40.300") == (40300, 40300, "exact")
    assert _value("binlerce") == (1000, 9999, "vague")


def test_turkish_more_than_after_the_number_with_a_case_ending() -> None:
    assert _value("20 binden fazla")[:2] == (20000, None)
    assert _value("300 bini aşkın")[:2] == (300000, None)
    assert _value("900'den fazla")[:2] == (900, None)


def test_apostrophe_case_endings_give_origin_and_destination() -> None:
    (f,) = extract("BMMYK'ya göre Suriye'den 3,2 milyon Suriyeli Türkiye'ye kaçtı.", published="2024-04-05", language="tr")
    assert (f.value, f.movement, f.nationality, f.origin, f.destination) == (3200000, "fled", "SY", "SY", "TR")


def test_glued_case_endings_without_apostrophe() -> None:
    (f,) = extract("Mart ayında 45 bin mülteci Ukraynadan Moldovaya geçti.", published="2024-04-05", language="tr")
    assert (f.value, f.origin, f.destination) == (45000, "UA", "MD")


def test_ablative_lubnan_is_the_origin_and_last_week_is_monday_to_sunday() -> None:
    (f,) = extract("Geçen hafta Lübnan'dan 500 bin kişi kaçtı.", published="2024-04-05", language="tr")
    assert (f.value, f.origin, f.period_start, f.period_end) == (500000, "LB", "2024-03-25", "2024-03-31")


def test_inflected_demonym_and_locative_host() -> None:
    (f,) = extract("Türkiye'de 2 milyon 900 bin Suriyeli yaşıyor.", published="2024-04-05", language="tr")
    assert (f.value, f.movement, f.nationality, f.destination) == (2900000, "hosted", "SY", "TR")


def test_date_with_weekday_and_dotted_capital_i() -> None:
    (f,) = extract("İRAN, 5 Nisan Cuma günü 1.200 Afgan göçmeni sınır dışı etti.", published="2024-04-08", language="tr")
    assert (f.value, f.movement, f.nationality, f.period_start, f.period_end) == (
        1200, "returned", "AF", "2024-04-05", "2024-04-05")


def test_casualties_and_arrests_are_not_figures() -> None:
    text = "Saldırılarda 120 kişi öldü. Operasyonda 300 düzensiz göçmen yakalandı."
    assert extract(text, published="2024-04-05", language="tr") == []


def test_percentage_before_the_number_is_not_a_figure() -> None:
    assert extract("Göçmenlerin yüzde 45'i Suriye'ye döndü.", published="2024-04-05", language="tr") == []


def test_a_list_of_places_with_their_figures_shares_the_verb_at_the_end() -> None:
    text = "Almanyaya 12 bin 500, Avusturyaya 4 bin 300 ve diğer ülkelere 2 bin mülteci geçti."
    found = {(f.value, f.destination) for f in extract(text, published="2024-04-05", language="tr")}
    assert {(12500, "DE"), (4300, "AT")} <= found


def test_since_after_the_date_and_its_suffix() -> None:
    (f,) = extract("10 Mart'tan bu yana 60 bin kişi evlerini terk etti.", published="2024-04-05", language="tr")
    assert (f.value, f.movement, f.period_start, f.period_end) == (60000, "displaced", "2024-03-10", "2024-04-05")


def test_provinces_and_obligations_are_not_figures() -> None:
    text = "Depremzedeler 40 ile taşındı. Sınırdan 3 bin kişinin geçmesi gerekirken kapı kapatıldı."
    assert extract(text, published="2024-04-05", language="tr") == []


def test_from_and_to_dates_by_their_case_suffixes() -> None:
    (f,) = extract("3 Mart'tan 9 Mart'a kadar 14 bin kişi Lübnan'dan Suriye'ye geçti.", published="2024-03-12", language="tr")
    assert (f.period_start, f.period_end) == ("2024-03-03", "2024-03-09")


def test_year_followed_by_its_unit_and_suffix() -> None:
    (f,) = extract("Yunanistan 2022 yılında 12 bin göçmeni Türkiye'ye geri itti.", published="2023-02-01", language="tr")
    assert (f.value, f.movement, f.period_start, f.period_end) == (12000, "returned", "2022-01-01", "2022-12-31")


def test_the_speaker_before_according_to_and_at_the_start_of_the_sentence() -> None:
    (f,) = extract("BMMYK'ya göre 40 bin Sudanlı Çad'a kaçtı.", published="2024-03-12", language="tr")
    assert f.source_type == "un_agency"
    (g,) = extract("İçişleri Bakanlığı, 2 bin 300 düzensiz göçmenin ülkelerine gönderildiğini açıkladı.",
                   published="2024-03-12", language="tr")
    assert (g.value, g.movement, g.source_type) == (2300, "returned", "government")


def test_exceeded_after_the_number_is_more_than() -> None:
    (f,) = extract("UNHCR'ye göre Ukrayna'dan kaçan mülteci sayısı 6 milyonu aştı.", published="2024-06-12", language="tr")
    assert (f.low, f.high, f.qualifier, f.movement, f.origin, f.source_type) == (6000000, None, "at_least", "fled", "UA",
                                                                                  "un_agency")


def test_turkish_disaster_victims_who_migrated_inside_the_country_are_displaced() -> None:
    (f,) = extract("Sel felaketinin ardından göç eden 30 bin afetzede başka illere ulaştı.",
                   published="2023-02-20", language="tr")
    assert (f.value, f.movement) == (30000, "displaced")


def test_turkish_since_the_dated_earthquake_with_the_role_word_after_counts_from_its_day() -> None:
    (f,) = extract("Kahramanmaraş merkezli depremler 6 Şubat'ta meydana geldi. Depremlerden bu yana 300 bin depremzede başka illere göç etti.", published="2023-03-01", language="tr")
    assert (f.value, f.period_start) == (300000, "2023-02-06")
    assert "frame.period_start:EVENT.earthquake" in f.rule
