"""The scorer follows ANNOTATION.md: open bounds reach one order of magnitude,
approx widens by 10%, ties in one sentence go to the same bounds, then the same
qualifier, then document order; record F1 counts only whole records."""

from __future__ import annotations

from marsad.evaluate import compatible, match, score

SENT = "Officials said 5,000 people fled on Monday and 7,000 more arrived later."


def fig(**kw):  # type: ignore[no-untyped-def]
    base = {"evidence": SENT, "unit": "people", "kind": "total", "qualifier": "exact",
            "value": None, "low": None, "high": None}
    base.update(kw)
    return base


def test_an_open_lower_bound_reaches_one_order_of_magnitude() -> None:
    more_than = fig(low=5000, qualifier="at_least")
    assert compatible(more_than, fig(value=49_000, low=49_000, high=49_000))
    assert not compatible(more_than, fig(value=60_000, low=60_000, high=60_000))


def test_an_open_upper_bound_reaches_down_one_order_of_magnitude() -> None:
    up_to = fig(high=6000, qualifier="at_most")
    assert compatible(up_to, fig(value=700, low=700, high=700))
    assert not compatible(up_to, fig(value=500, low=500, high=500))


def test_approx_widens_by_a_tenth_on_either_side() -> None:
    about = fig(value=1000, low=1000, high=1000, qualifier="approx")
    assert compatible(about, fig(value=1090, low=1090, high=1090))
    assert not compatible(about, fig(value=1200, low=1200, high=1200))


def test_ties_in_one_sentence_go_to_the_same_bounds_first() -> None:
    golds = [fig(value=7000, low=7000, high=7000, qualifier="approx"), fig(value=6500, low=6500, high=6500)]
    preds = [fig(value=6500, low=6500, high=6500)]
    assert match(preds, golds) == [(0, 1)]


def test_ties_then_go_to_the_same_qualifier() -> None:
    golds = [fig(low=5000, high=6000, qualifier="range"), fig(low=5000, high=6000, qualifier="approx")]
    preds = [fig(low=5000, high=6000, qualifier="approx")]
    assert match(preds, golds) == [(0, 1)]


def test_record_f1_counts_only_records_with_every_field_right() -> None:
    golds = {"d": [fig(value=5000, low=5000, high=5000, movement="fled", origin="SY"),
                   fig(value=7000, low=7000, high=7000, movement="arrived")]}
    preds = {"d": [fig(value=5000, low=5000, high=5000, movement="fled", origin="SY"),
                   fig(value=7000, low=7000, high=7000, movement="fled")]}
    s = score(golds, preds, {"d": "en"})["en"]
    assert (s.tp, s.records) == (2, 1)
    assert s.f1 == 1.0 and s.record_f1 == 0.5
    assert s.as_dict()["record_f1"] == 0.5
