"""`marsad reextract` in place (issue 12): twice gives the same figures with
the same ids; a decision orphaned by one extractor returns to its figure when
the next finds the span again; documents of this version are skipped."""

from __future__ import annotations

import pytest

from marsad import extract
from marsad.cli import main
from marsad.store import NewDocument, Store
from support import store_with

AR = ("قالت المفوضية يوم الاثنين إن نحو 12 ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر. "
      "وأضافت أن ما بين ألفين وثلاثة آلاف شخص يصلون يوميا.")
EN = "Some 1,200 refugees a day arrived in Chad last week, UNHCR said on Monday."
ARTICLES = [{"id": "a", "language": "ar", "published": "2024-03-14", "text": AR},
            {"id": "e", "language": "en", "published": "2024-03-14", "text": EN}]


def _ids(db: str) -> list[tuple[int, int, int]]:
    with Store(db) as store:
        return sorted((f["id"], f["start"], f["end"]) for f in store.figures())


def _rows(db: str) -> int:
    from sqlalchemy import func, select

    from marsad.store.schema import figures

    with Store(db) as store, store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(figures)).scalar_one()


def test_reextract_twice_keeps_the_count_and_the_ids(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Regression: each reextract added a full copy of every figure with new ids (185 -> 370 -> 555)."""
    db = store_with(tmp_path, ARTICLES)
    before, rows = _ids(db), _rows(db)
    assert len(before) == 3
    for _ in range(2):
        assert main(["reextract", "--db", db, "--force"]) == 0
        assert _ids(db) == before and _rows(db) == rows
    assert main(["reextract", "--db", db]) == 0
    assert "re-extracted 0 documents" in capsys.readouterr().out.splitlines()[-1] and _ids(db) == before


def _doc(text: str, language: str) -> NewDocument:
    return NewDocument(text, "test", None, None, None, language, "2024-03-14", "utf-8",
                       extract(text, published="2024-03-14", language=language), "1")


def test_an_orphaned_decision_returns_when_its_span_does(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_documents([_doc(AR, "ar")])
        first, second = store.figures()
        store.review(second["id"], "corrected", "amal", corrections={"low": 2500})
        found = extract(AR, published="2024-03-14", language="ar")
        # an extractor that misses the second figure orphans its decision ...
        assert store.replace_figures(first["document_id"], [f for f in found if f.value == 12000], "2") == (1, 0, 1)
        assert [r["figure_id"] for r in store.orphaned_reviews()] == [second["id"]]
        assert [f["id"] for f in store.figures()] == [first["id"]]
        # ... the next finds the span again: the decision is back on the same figure
        assert store.replace_figures(first["document_id"], found, "3") == (2, 1, 0)
        assert not store.orphaned_reviews()
        back = store.figures(figure_id=second["id"])[0]
        assert back["decision"] == "corrected" and back["extractor_version"] == "3" and back["active"]


def test_reextract_changes_the_api_cache_key(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_documents([_doc(EN, "en")])
        before = store.state()
        doc_id = store.figures()[0]["document_id"]
        store.replace_figures(doc_id, extract(EN, published="2024-03-14", language="en"), "2")
        assert store.state() != before
