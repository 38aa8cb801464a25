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
