"""Flows over articles from several outlets, in Arabic and English: the same
figure reprinted, translated and rounded is one cluster; a contradicting
figure for the same day is a conflict; other days make the series; a review
changes the flow."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.flows import build_flows, by_destination
from marsad.store import Store
from support import store_with

ARTICLES = [
    # one AFP story, reprinted by two outlets, and its Arabic translation by a third
    {"id": "afp-en-1", "url": "https://daily.example/a", "outlet": "daily.example", "language": "en", "published": "2024-03-12",
     "text": "ANKARA (AFP) - Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1."},
    {"id": "afp-en-2", "url": "https://herald.example/b", "outlet": "herald.example", "language": "en", "published": "2024-03-12",
     "text": "ANKARA, Turkey (AFP) - Turkish officials said on Tuesday that about 40,000 Syrians had crossed into Turkey since March 1, as fighting continued."},
    {"id": "afp-ar", "url": "https://akhbar.example/c", "outlet": "akhbar.example", "language": "ar", "published": "2024-03-12",
     "text": "أنقرة (فرانس برس) - قالت تركيا يوم الثلاثاء إن نحو 40 ألف سوري دخلوا البلاد منذ الأول من مارس."},
    # an independent report, rounded differently
    {"id": "local-ar", "url": "https://watan.example/d", "outlet": "watan.example", "language": "ar", "published": "2024-03-12",
     "text": "أعلنت وزارة الداخلية التركية الثلاثاء أن 39 ألفا و800 سوري دخلوا تركيا منذ مطلع مارس."},
    # a contradicting figure for the same period
    {"id": "ngo-en", "url": "https://ngo.example/e", "outlet": "ngo.example", "language": "en", "published": "2024-03-12",
     "text": "A rights group said on Tuesday that 65,000 Syrians had entered Turkey since March 1."},
    # a later total and two daily rates on different days: a series, not a conflict
    {"id": "later-en", "url": "https://daily.example/f", "outlet": "daily.example", "language": "en", "published": "2024-03-20",
     "text": "Turkey said on Wednesday that some 52,000 Syrians had entered the country since March 1."},
    {"id": "rate-1", "url": "https://daily.example/g", "outlet": "daily.example", "language": "en", "published": "2024-03-05",
     "text": "Officials said on Tuesday that 2,000 Syrians a day were crossing into Turkey."},
    {"id": "rate-2", "url": "https://watan.example/h", "outlet": "watan.example", "language": "ar", "published": "2024-03-19",
     "text": "وقال مسؤولون أتراك الثلاثاء إن نحو أربعة آلاف سوري يدخلون تركيا يوميا."},
]


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store(store_with(tmp_path, ARTICLES)) as opened:
        yield opened


def _flow(store: Store):  # type: ignore[no-untyped-def]
    flows = [f for f in build_flows(store.flow_rows()) if (f.movement, f.origin, f.destination) == ("arrived", "SY", "TR")]
    assert len(flows) == 1, [(f.movement, f.origin, f.destination, f.nationality) for f in build_flows(store.flow_rows())]
    return flows[0]


def test_same_fact_from_many_outlets_is_one_cluster_with_its_origins(store: Store) -> None:
    flow = _flow(store)
    totals = next(s for s in flow.series if s.kind == "total")
    march_12 = [c for c in totals.clusters if c.representative.period_end == "2024-03-12"]
    agreed = max(march_12, key=lambda c: len(c.figures))
    assert len(agreed.figures) == 4  # three AFP copies (two languages) and the independent 39,800
    assert agreed.origins == {"wire:afp", "outlet:watan.example"}  # a reprinted wire story is one origin
    assert agreed.representative.value == 39800  # exact beats "about"
    assert {c.representative.period_end for c in totals.clusters} >= {"2024-03-12", "2024-03-20"}


def test_contradiction_on_the_same_day_is_a_conflict_and_other_days_a_series(store: Store) -> None:
    flow = _flow(store)
    totals = next(s for s in flow.series if s.kind == "total")
    (pair,) = totals.conflicts
    assert {pair[0].representative.value, pair[1].representative.value} == {39800, 65000}
    rates = next(s for s in flow.series if s.kind == "rate")
    assert [c.representative.value for c in sorted(rates.clusters, key=lambda c: c.representative.period_end)] == [2000, 4000]
    assert rates.conflicts == []
    summary = flow.summary()
    assert summary["latest_total"]["value"] == 52000 and summary["latest_daily_rate"]["value"] == 4000
    assert summary["first_report"] == "2024-03-05" and summary["last_report"] == "2024-03-20"
    assert summary["independent_sources"] == 4 and summary["conflicts"] == 1


def test_a_review_changes_the_flow(store: Store) -> None:
    flow = _flow(store)
    totals = next(s for s in flow.series if s.kind == "total")
    contradicting = next(f for c in totals.clusters for f in c.figures if f.value == 65000)
    store.review(contradicting.id, "rejected", "amal", "the group counted entries, not people")
    assert _flow(store).summary()["conflicts"] == 0
    latest = next(f for c in totals.clusters for f in c.figures if f.value == 52000)
    store.review(latest.id, "corrected", "amal", corrections={"value": 53000, "low": 53000, "high": 53000})
    assert _flow(store).summary()["latest_total"]["value"] == 53000


def test_per_destination_summary(store: Store) -> None:
    (turkey,) = [f for f in by_destination(store.flow_rows()) if f.destination == "TR" and f.movement == "arrived"]
    assert turkey.summary()["latest_total"]["value"] == 52000
