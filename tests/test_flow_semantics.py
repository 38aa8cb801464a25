"""Flows an analyst can trust (issue 11): a series holds like with like, only
statements that cannot both be true conflict — a one-day count is not a point
of the cumulative series, "more than X" agrees with anything from X up, a part
never conflicts with its whole, a city's count is a sub-flow of its country's —
through the library, `marsad flows` and `/api/flows`; and property tests."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert
from support import store_with

from marsad.api import create_app
from marsad.cli import main
from marsad.flows import FlowFigure, build_flow, build_flows
from marsad.store import Store
from marsad.store.schema import documents, figures

DAY = "2022-09-27"


def figure(value: int | None, *, doc: int, low: int | None = None, high: int | None = None, qualifier: str = "exact",
           start: str | None = None, end: str | None = DAY, kind: str = "total", place: str | None = None,
           part_of: int | None = None, destination: str = "GE", evidence: str = "") -> dict[str, Any]:
    low = value if low is None and qualifier != "at_most" else low
    high = value if high is None and qualifier not in ("at_least",) else high
    return {"doc": doc, "value": value, "low": low, "high": high, "qualifier": qualifier, "period_start": start,
            "period_end": end, "kind": kind, "destination_place": place, "part_of": part_of,
            "destination": destination, "evidence": evidence or f"{value} people arrived"}


def store_of(folder: Path, figs: list[dict[str, Any]]) -> str:
    """A store holding these figures, one outlet per document (ids in list order, from 1)."""
    db = str(folder / "f.db")
    now = datetime.now(timezone.utc)
    with Store(db) as store, store.engine.begin() as conn:
        for doc in sorted({f["doc"] for f in figs}):
            conn.execute(insert(documents).values(id=doc, content_hash=f"{doc:064d}", source="test", text="t",
                                                  version=1, language="en", published=DAY, ingested_at=now,
                                                  outlet=f"outlet{doc}.example"))
        for n, f in enumerate(figs, 1):
            conn.execute(insert(figures).values(
                id=n, document_id=f["doc"], extractor_version="t", active=True, start=n, end=n + 1,
                evidence=f["evidence"], value=f["value"], low=f["low"], high=f["high"], qualifier=f["qualifier"],
                unit="people", kind=f["kind"], per="day" if f["kind"] == "rate" else None, movement="arrived",
                group="people", nationality="RU", origin="RU", destination=f["destination"],
                destination_place=f["destination_place"], period_start=f["period_start"],
                period_end=f["period_end"], source_type="government", rule=[], confidence=0.9, created_at=now,
                part_of=f["part_of"]))
    return db


def conflicts_everywhere(db: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, int, int]:
    """Conflicts counted by the library, by `marsad flows --format json` and by /api/flows."""
    with Store(db) as store:
        library = sum(len(s.conflicts) for f in build_flows(store.flow_rows()) for s in f.series)
    assert main(["flows", "--db", db, "--format", "json"]) == 0
    cli = sum(len(s["conflicts"]) for f in json.loads(capsys.readouterr().out) for s in f["series"])
    app = create_app(db, token="")
    with TestClient(app) as client:
        items = client.get("/api/flows", params={"detail": True}).json()["items"]
    app.state.store.close()
    api = sum(len(s["conflicts"]) for f in items for s in f["series"])
    return library, cli, api


def test_a_one_day_count_is_not_a_point_of_the_cumulative_series(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = store_of(tmp_path, [figure(7000, doc=1, start=DAY, evidence="7,000 in the past 24 hours"),
                             figure(200_000, doc=2, evidence="200,000 since the mobilisation"),
                             figure(6000, doc=3, start="2022-09-21", end="2022-09-27", evidence="6,000 this week")])
    assert conflicts_everywhere(db, capsys) == (0, 0, 0)
    with Store(db) as store:
        (flow,) = build_flows(store.flow_rows())
    assert {(s.window, s.since) for s in flow.series} == {("day", None), ("cumulative", None), ("short", "2022-09-21")}
    assert flow.summary()["latest_total"]["value"] == 200_000


def test_more_than_x_agrees_with_anything_from_x_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = store_of(tmp_path, [figure(270_000, doc=1, qualifier="at_least", evidence="more than 270,000"),
                             figure(272_338, doc=2, evidence="272,338 refugees")])
    assert conflicts_everywhere(db, capsys) == (0, 0, 0)


def test_more_than_x_still_conflicts_with_less_than_x(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = store_of(tmp_path, [figure(270_000, doc=1, qualifier="at_least"), figure(250_000, doc=2)])
    assert conflicts_everywhere(db, capsys) == (1, 1, 1)


def test_a_part_never_conflicts_with_its_whole_nor_its_siblings(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = store_of(tmp_path, [figure(8933, doc=1), figure(859, doc=1, part_of=1), figure(91, doc=2, part_of=1)])
    assert conflicts_everywhere(db, capsys) == (0, 0, 0)


def test_a_city_is_a_sub_flow_not_a_rival(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = store_of(tmp_path, [figure(100_000, doc=1, destination="IT"),
                             figure(6800, doc=2, destination="IT", place="Lampedusa")])
    assert conflicts_everywhere(db, capsys) == (0, 0, 0)
    with Store(db) as store:
        (flow,) = build_flows(store.flow_rows())
    assert {s.place for s in flow.series} == {None, "Lampedusa"}
    assert flow.summary()["latest_total"]["value"] == 100_000


def test_one_article_giving_two_numbers_is_not_a_contradiction(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = store_of(tmp_path, [figure(100_938, doc=1), figure(48_295, doc=1), figure(52_000, doc=2)])
    assert conflicts_everywhere(db, capsys) == (2, 2, 2)  # 52,000 (another document) against each, not 1 against 2
    with Store(db) as store:
        (flow,) = build_flows(store.flow_rows())
    pairs = [{a.representative.value, b.representative.value} for s in flow.series for a, b in s.conflicts]
    assert all(52_000 in pair for pair in pairs)


@pytest.mark.parametrize("text, language", [
    ("Officials said on Monday that 8,933 people had been evacuated from Kherson, among them 859 children.", "en"),
    ("قالت السلطات يوم الاثنين إنه تم إجلاء 8933 شخصا من خيرسون، بينهم 859 طفلا.", "ar"),
    ("Les autorités ont annoncé lundi que 8 933 personnes avaient été évacuées de Kherson, dont 859 enfants.", "fr"),
    ("Die Behörden teilten am Montag mit, 8933 Menschen seien aus Cherson evakuiert worden, darunter 859 Kinder.", "de"),
    ("Власти сообщили в понедельник, что из Херсона эвакуированы 8933 человека, среди них 859 детей.", "ru"),
    ("У понеділок влада повідомила, що з Херсона евакуйовано 8933 особи, серед них 859 дітей.", "uk"),
])
def test_the_extractor_records_a_subgroup_and_flows_keep_it_apart(tmp_path: Path, text: str, language: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = store_with(tmp_path, [{"id": "k", "language": language, "published": "2022-11-14", "text": text}])
    with Store(db) as store:
        rows = {r["value"]: r for r in store.figures()}
        assert rows[859]["part_of"] == rows[8933]["id"] and rows[8933]["part_of"] is None
    assert conflicts_everywhere(db, capsys) == (0, 0, 0)


def test_a_larger_number_after_among_them_is_not_a_part() -> None:
    from marsad import extract

    found = extract("Some 900 people were evacuated on Monday, including 8,933 from Kherson last week.",
                    language="en", published="2022-11-14")
    assert all(f.part_of is None for f in found)


# -- properties ---------------------------------------------------------------------


def flow_figure(n: int, value: int, qualifier: str, end: date, doc: int, part_of: int | None = None) -> FlowFigure:
    low, high = (value, None) if qualifier == "at_least" else (None, value) if qualifier == "at_most" else (value, value)
    return FlowFigure(n, doc, f"outlet:{doc}", None, None, None, value, low, high, qualifier, "people", "total", None,
                      "arrived", "RU", "GE", None, None, None, end.isoformat(), None, None, "", None, part_of=part_of)


def conflicts(figs: list[FlowFigure]) -> list[tuple[set[int], set[int]]]:
    flow = build_flow(("arrived", "RU", "GE", None), figs)
    return [({f.id for f in a.figures}, {f.id for f in b.figures}) for s in flow.series for a, b in s.conflicts]


statements = st.lists(st.tuples(st.integers(1, 10**6), st.sampled_from(["exact", "approx", "at_least", "at_most"]),
                                st.integers(0, 3), st.integers(1, 6)), min_size=1, max_size=25)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**6), statements)
def test_mutually_compatible_figures_never_conflict(anchor: int, raw: list[tuple[int, str, int, int]]) -> None:
    # every statement allows `anchor`: "about", "more than", "up to" around one true number
    figs = []
    for n, (_, qualifier, day, doc) in enumerate(raw, 1):
        value = {"exact": anchor, "approx": round(anchor * 1.05), "at_least": anchor // 2,
                 "at_most": anchor * 2}[qualifier]
        figs.append(flow_figure(n, value, qualifier, date(2024, 3, 1) + timedelta(days=day), doc))
    assert conflicts(figs) == []


@settings(max_examples=200, deadline=None)
@given(statements)
def test_parts_never_conflict_with_their_whole(raw: list[tuple[int, str, int, int]]) -> None:
    whole = flow_figure(1, 10**7, "exact", date(2024, 3, 1), 1)
    figs = [whole] + [flow_figure(n, value, qualifier, date(2024, 3, 1) + timedelta(days=day), doc,
                                  part_of=1 if n % 2 else None)
                      for n, (value, qualifier, day, doc) in enumerate(raw, 2)]
    parts = {f.id for f in figs if f.part_of == 1}
    for a, b in conflicts(figs):
        assert not ({1} & (a | b) and parts & (a | b))


@settings(max_examples=100, deadline=None)
@given(statements, st.randoms(use_true_random=False))
def test_flows_do_not_depend_on_the_order_of_figures(raw: list[tuple[int, str, int, int]],
                                                     rnd: random.Random) -> None:
    figs = [flow_figure(n, value, qualifier, date(2024, 3, 1) + timedelta(days=day), doc)
            for n, (value, qualifier, day, doc) in enumerate(raw, 1)]
    shuffled = list(figs)
    rnd.shuffle(shuffled)

    def shape(fs: list[FlowFigure]) -> tuple:
        flow = build_flow(("arrived", "RU", "GE", None), fs)
        return (sorted(sorted(f.id for f in c.figures) for s in flow.series for c in s.clusters),
                sorted(sorted((sorted(f.id for f in a.figures), sorted(f.id for f in b.figures)))
                       for s in flow.series for a, b in s.conflicts), flow.summary())

    assert shape(figs) == shape(shuffled)
