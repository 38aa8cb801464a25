"""The store readable as it is (issue 11): `current_figures` has reviews applied,
rejected and superseded rows out, and column names that are not SQL keywords;
`flows_latest` has one row per flow — on SQLite and PostgreSQL, after a
re-extraction, and with an old store's bad correction in it."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text, update

from marsad.export import figure_rows
from marsad.flows import build_flows
from marsad.ingest import ingest
from marsad.pipeline import EXTRACTOR_VERSION, extract
from marsad.store import Store
from marsad.store.schema import reviews

ARTICLES = [
    {"id": "a", "outlet": "one.example", "language": "en", "published": "2024-03-12",
     "text": "Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1."},
    {"id": "b", "outlet": "two.example", "language": "en", "published": "2022-09-27",
     "text": "Georgia said on Tuesday that 10,000 Russians had arrived since September 21. "
             "Kazakhstan said 98,000 Russians had entered the country in the same period."},
    {"id": "c", "outlet": "three.example", "language": "en", "published": "2024-03-19",
     "text": "Officials said on Tuesday that 2,000 Syrians a day were crossing into Turkey."},
]


def filled(db: str, tmp_path: Path) -> Store:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    store = Store(db)
    ingest(store, [str(path)], progress=False)
    return store


def rows(store: Store, sql: str) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql)).mappings()]


def reextract(store: Store) -> None:
    for doc in store.documents():
        store.replace_figures(doc["id"], extract(doc["text"], published=doc["published"], language=doc["language"]),
                              EXTRACTOR_VERSION)


def test_current_figures_agree_with_the_exports_after_reviews_and_a_reextraction(db_url: str,
                                                                                 tmp_path: Path) -> None:
    with filled(db_url, tmp_path) as store:
        by_value = {r["value"]: r["id"] for r in store.figures()}
        store.review(by_value[10000], "corrected", "amal", None, {"value": "12,000", "destination": "Géorgie"})
        store.review(by_value[98000], "rejected", "amal")
        reextract(store)
        current = rows(store, "SELECT * FROM current_figures ORDER BY figure_id")
        assert len(rows(store, "SELECT id FROM figures")) == len(current) + 1  # replaced in place; the rejected one
        assert len(current) == len(figure_rows(store))
        corrected = next(r for r in current if r["review"] == "corrected")
        assert (corrected["value"], corrected["destination"], corrected["group_name"]) == (12000, "GE", "Russians")
        assert 98000 not in {r["value"] for r in current}
        assert {"span_start", "span_end", "group_name", "story_id"} <= set(current[0])
        assert not {"group", "start", "end"} & set(current[0])


def test_flows_latest_has_one_row_per_flow(db_url: str, tmp_path: Path) -> None:
    with filled(db_url, tmp_path) as store:
        latest = rows(store, "SELECT * FROM flows_latest")
        flows = list(build_flows(store.flow_rows()))
        assert len(latest) == len(flows)
        keys = {(r["movement"], r["origin"], r["destination"], r["nationality"]) for r in latest}
        assert keys == {(f.movement, f.origin, f.destination, f.nationality) for f in flows}
        turkey = next(r for r in latest if r["destination"] == "TR" and r["latest_kind"] == "total")
        assert turkey["latest_value"] == 40000 and turkey["figures"] == 2


def test_the_views_survive_a_bad_correction_of_an_old_store(db_url: str, tmp_path: Path) -> None:
    with filled(db_url, tmp_path) as store:
        fid = store.figures()[0]["id"]
        review_id = store.review(fid, "corrected", "old", None, {"value": 40000})
        with store.engine.begin() as conn:
            conn.execute(update(reviews).where(reviews.c.id == review_id).values(corrections={"value": "abc"}))
        current = rows(store, f"SELECT value FROM current_figures WHERE figure_id = {fid}")
        assert current == [{"value": 40000}]
        assert rows(store, "SELECT COUNT(*) AS n FROM flows_latest")[0]["n"] > 0
