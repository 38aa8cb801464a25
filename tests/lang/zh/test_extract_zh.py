"""Chinese extraction behaviour, on sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad import extract
from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.stages.quantities import parse_quantity
from marsad.tokens import tokenize


def figures(text: str, published: str = "2023-05-10") -> list[dict]:
    return [f.annotation() for f in extract(text, published=published, language="zh")]


def number(text: str) -> tuple[int | None, int | None, str] | None:
    lex = load_lexicon("zh")
    q = parse_quantity(lex, tokenize(normalize(text)), 0)
    return (q.low, q.high, q.qualifier) if q else None


@pytest.mark.parametrize(("text", "expected"), [
    ("三万", 30000), ("两千五百", 2500), ("一百二十万", 1200000), ("十五", 15), ("三万五千", 35000),
    ("一千零五", 1005), ("两千五百万", 25000000), ("一亿两千万", 120000000), ("十多万", 100000),
    ("8.9万", 89000), ("12万3538", 123538), ("７万３０００", 73000), ("54.9万", 549000), ("８，６３１", 8631),
    ("百万", 1000000), ("兩千五百", 2500), ("3億", 300000000),
])
def test_chinese_numerals_digits_and_scales(text: str, expected: int) -> None:
    got = number(text)
    assert got is not None and got[0] == expected, f"{text} -> {got}"


@pytest.mark.parametrize(("text", "low", "high", "qualifier"), [
    ("逾5000", 5000, None, "at_least"), ("超过3万", 30000, None, "at_least"), ("约400", 400, 400, "approx"),
    ("近2万", 20000, 20000, "approx"), ("数千", 1000, 9999, "vague"), ("上万", 10000, 99999, "vague"),
    ("数以万计", 10000, 99999, "vague"), ("数十万", 100000, 999999, "vague"), ("50多万", 500000, 500000, "exact"),
    ("千余", 1000, 1000, "exact"), ("2000多", 2000, None, "at_least"),
])
def test_qualifiers_and_vague_amounts(text: str, low: int, high: int | None, qualifier: str) -> None:
    assert number(text) == (low, high, qualifier)


def test_lone_numeral_characters_are_words_not_numbers() -> None:
    assert figures("百姓纷纷逃离家园。一些居民返回了村庄。") == []


def test_evacuation_with_households_in_traditional_script() -> None:
    found = figures("颱風來襲前，當局已撤離逾8萬人，相當於2萬3000多個家庭。")
    assert [(f["low"], f["unit"], f["movement"], f["qualifier"]) for f in found] == [
        (80000, "people", "evacuated", "at_least"), (23000, "households", "evacuated", "at_least")]


def test_refugees_fled_to_a_neighbour_named_in_either_script() -> None:
    (f,) = figures("联合国难民署星期二表示，约有4500名苏丹难民上周逃往乍得。")
    assert (f["value"], f["qualifier"], f["movement"], f["destination"], f["nationality"]) == (
        4500, "approx", "fled", "TD", "SD")
    assert f["source_type"] == "un_agency"
    (g,) = figures("聯合國難民署表示，約有4500名蘇丹難民逃往查德。")  # Taiwan: 查德 for Chad
    assert (g["value"], g["destination"], g["nationality"]) == (4500, "TD", "SD")


def test_displaced_since_a_full_date() -> None:
    (f,) = figures("国际移民组织5月8日说，自2023年4月15日冲突爆发以来，已有超过十万人流离失所。")
    assert (f["low"], f["high"], f["qualifier"], f["movement"]) == (100000, None, "at_least", "displaced")
    assert (f["period_start"], f["period_end"]) == ("2023-04-15", "2023-05-08")  # said on 8 May: the count's end


def test_day_of_month_last_week_and_this_month() -> None:
    (f,) = figures("8日有1200人越过边境进入邻国。", published="2024-03-12")
    assert (f["value"], f["period_start"], f["period_end"]) == (1200, "2024-03-08", "2024-03-08")
    (g,) = figures("当局说，上周有3000人抵达这座城市。", published="2024-03-12")
    assert (g["value"], g["movement"], g["period_start"], g["period_end"]) == (3000, "arrived", "2024-03-04", "2024-03-10")
    (h,) = figures("本月已有600名难民返回家乡。", published="2024-03-12")
    assert (h["value"], h["movement"], h["period_start"]) == (600, "returned", "2024-03-01")


def test_year_written_before_the_month() -> None:
    (f,) = figures("2022年12月5日至今，已有超过1万人逃离该市。", published="2023-02-01")
    assert (f["low"], f["period_start"]) == (10000, "2022-12-05")


def test_rate_per_day() -> None:
    (f,) = figures("每天约有2000人抵达边境口岸。")
    assert (f["value"], f["kind"], f["per"]) == (2000, "rate", "day")


def test_casualties_troops_money_dates_and_orders_are_not_figures() -> None:
    text = ("地震造成250人死亡、365人受伤。俄方将征召30万预备役人员。该机构需要2亿美元援助。"
            "10月9日，警方逮捕了200人。军方要求5万居民撤离。每8人中就有一名儿童。")
    assert figures(text) == []


def test_demonym_from_the_country_name() -> None:
    (f,) = figures("约2万名叙利亚人在过去一周返回了叙利亚。")
    assert (f["value"], f["nationality"], f["movement"]) == (20000, "SY", "returned")


def test_country_inside_a_longer_name_is_not_matched() -> None:
    (f,) = figures("约3000名索马里难民抵达也门。")  # 马里 (Mali) is inside 索马里 (Somalia)
    assert (f["nationality"], f["destination"]) == ("SO", "YE")


def test_a_shelter_is_a_place_not_a_hosting_verb() -> None:
    assert figures("另有15人留在收容所附近的学校里。") == []


def test_the_list_comma_separates_casualties_from_evacuees() -> None:
    (f,) = figures("洪水造成12人死亡、3000多人被紧急疏散。")
    assert (f["low"], f["qualifier"], f["movement"]) == (3000, "at_least", "evacuated")


def test_a_part_after_its_whole() -> None:
    whole, part = extract("已有5000人被紧急疏散，其中包括1200名儿童。", published="2024-03-12", language="zh")
    assert (whole.value, part.value, part.part_of) == (5000, 1200, whole.start)


def test_the_speaker_before_a_date_and_the_verb() -> None:
    (f,) = figures("联合国难民署3月5日表示，约有2000名难民抵达乍得。", published="2024-03-06")
    assert (f["value"], f["source_type"], f["destination"]) == (2000, "un_agency", "TD")


def test_a_latin_gloss_in_brackets_does_not_push_the_verb_away() -> None:
    (f,) = figures("已有超过1500人从东部山区的卡拉镇（Kala Town）和米尔村（Mir Village）逃离。")
    assert (f["low"], f["movement"]) == (1500, "fled")


def test_chinese_provinces_frame_an_evacuation_inside_china() -> None:
    (f,) = extract("据应急管理部统计，台风造成广东、福建两省12万人紧急转移。", published="2024-07-20", language="zh")
    assert (f.value, f.movement, f.nationality, f.origin, f.destination) == (120000, "evacuated", "CN", "CN", "CN")


def test_chinese_side_by_side_clauses_with_one_verb_count_the_same_refugees() -> None:
    _, second = extract("联合国难民署表示，有3万名叙利亚难民前往约旦，2万人前往黎巴嫩。", published="2024-07-20", language="zh")
    assert (second.value, second.movement, second.nationality, second.origin, second.destination) == (
        20000, "fled", "SY", "SY", "LB")


def test_chinese_span_of_two_full_dates_joined_by_zhi() -> None:
    (f,) = extract("据统计，2024年3月1日至2024年3月31日期间，共有1.2万名难民抵达希腊。", published="2024-04-05", language="zh")
    assert (f.value, f.period_start, f.period_end) == (12000, "2024-03-01", "2024-03-31")
