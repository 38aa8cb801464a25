"""Urdu extraction behaviour, on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def figures(text: str, published: str = "2024-11-06") -> list[dict]:
    return [f.annotation() for f in extract(text, published=published, language="ur")]


def test_returns_to_afghanistan_with_postpositions_and_a_list() -> None:
    text = "محکمہ داخلہ کے مطابق پیر کو چمن کے راستے 3 ہزار 120 افغان باشندے اپنے وطن واپس گئے۔"
    (f,) = figures(text)
    assert (f["value"], f["movement"], f["kind"], f["nationality"], f["destination"]) == (3120, "returned", "total", "AF", "AF")
    assert (f["period_start"], f["period_end"], f["source_type"]) == ("2024-11-04", "2024-11-04", "government")
    found = figures("گزشتہ روز 2 ہزار 410 افغان شہریوں کو واپس افغانستان بھیج دیا گیا جن میں 900 مرد، 700 خواتین اور 810 بچے شامل ہیں۔")
    assert [f["value"] for f in found] == [2410, 900, 700, 810]
    assert {f["movement"] for f in found} == {"returned"}


def test_fled_from_one_country_to_another() -> None:
    (f,) = figures("اقوام متحدہ نے کہا کہ رواں ماہ تقریباً 12 ہزار روہنگیا میانمار سے فرار ہو کر بنگلہ دیش پہنچے ہیں۔")
    assert (f["value"], f["qualifier"], f["movement"], f["nationality"]) == (12000, "approx", "fled", "MM")
    assert (f["origin"], f["destination"], f["source_type"], f["period_start"]) == ("MM", "BD", "un_agency", "2024-11-01")


def test_still_homeless_is_a_stock_and_became_homeless_a_total() -> None:
    (stock,) = figures("بلوچستان میں دو لاکھ سے زائد سیلاب متاثرین تاحال بے گھر ہیں۔")
    assert (stock["low"], stock["high"], stock["kind"], stock["movement"]) == (200000, None, "stock", "displaced")
    (total,) = figures("سندھ میں بارشوں کے باعث 45 ہزار افراد بے گھر ہو گئے۔")
    assert (total["value"], total["kind"], total["movement"], total["destination"]) == (45000, "total", "displaced", "PK")


def test_hosted_in_camps() -> None:
    (f,) = figures("سندھ میں 6 ہزار 500 متاثرین ریلیف کیمپوں میں مقیم ہیں۔")
    assert (f["value"], f["movement"], f["kind"]) == (6500, "hosted", "stock")


def test_future_deportation_is_not_a_figure() -> None:
    assert figures("کل 800 افغان مہاجرین کو طورخم سے ڈی پورٹ کیا جائے گا۔") == []
    assert figures("کل 800 افغان مہاجرین کو طورخم سے ڈی پورٹ کیاجائےگا۔") == []


def test_casualties_damage_and_arrests_are_not_figures() -> None:
    text = ("سیلاب سے 120 افراد جاں بحق اور 300 زخمی ہوئے۔ بارشوں سے 4 ہزار گھروں کو نقصان پہنچا۔ "
            "پولیس نے 250 افغان شہریوں کو حراست میں لے لیا۔ متاثرین میں 5 ہزار خیمے تقسیم کیے گئے۔")
    assert figures(text) == []


def test_sentences_end_at_the_urdu_full_stop_without_a_space() -> None:
    found = figures("اب تک 700 پاکستانی لبنان سے وطن واپس آئے۔پنجاب میں 90 افراد ہلاک ہوئے۔")
    assert [(f["value"], f["movement"]) for f in found] == [(700, "returned")]


def test_according_to_details_or_sources_names_no_speaker() -> None:
    (f,) = figures("تفصیلات کے مطابق بلوچستان کے 40 ہزار متاثرین تاحال بے گھر ہیں۔")
    assert (f["source"], f["source_type"]) == (None, "unknown")
    (g,) = figures("ذرائع نے کہا کہ پنجاب کے 12 ہزار سیلاب متاثرین تاحال بے گھر ہیں۔")
    assert (g["source"], g["source_type"]) == (None, "unknown")


def test_a_place_in_the_genitive_is_where_the_displaced_are() -> None:
    (f,) = figures("سندھ کے 25 ہزار سیلاب متاثرین تاحال بے گھر ہیں۔")
    assert (f["origin"], f["destination"], f["kind"]) == ("PK", "PK", "stock")


def test_men_women_and_children_among_them_are_parts() -> None:
    found = extract("گزشتہ روز 4ہزار12 افغان باشندے اپنے وطن واپس گئےجن میں 1200 مرد، 1300 خواتین اور 1512 بچے شامل تھے۔",
                    published="2024-11-06", language="ur")
    assert [f.value for f in found] == [4012, 1200, 1300, 1512]
    assert [f.part_of for f in found[1:]] == [found[0].start] * 3
