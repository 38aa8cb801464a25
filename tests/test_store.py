"""The store, on SQLite and on a real PostgreSQL server: ingest once,
versions of a URL, review decisions that survive re-extraction, filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import extract
from marsad.errors import MarsadError
from marsad.ingest import ingest
from marsad.store import NewDocument, Store

AR = ("قالت المفوضية يوم الاثنين إن نحو 12 ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر. "
      "وأضافت أن ما بين ألفين وثلاثة آلاف شخص يصلون يوميا.")
EN = "Some 1,200 refugees a day arrived in Chad last week, UNHCR said on Monday. Police arrested 40 people."


def _doc(text: str, language: str, url: str | None = None, published: str = "2024-03-14") -> NewDocument:
    return NewDocument(text, "test", url, None, None, language, published, "utf-8",
                       extract(text, published=published, language=language), "1")


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    with Store(db_url) as opened:
        yield opened


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "ar.txt").write_text(f"id: a1\nlanguage: ar\npublished: 2024-03-14\n---\n{AR}", encoding="utf-8")
    (folder / "en.txt").write_text(f"id: e1\nlanguage: en\npublished: 2024-03-14\n---\n{EN}", encoding="utf-8")
    return folder


def test_ingest_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    first = ingest(store, [str(corpus)], progress=False)
    second = ingest(store, [str(corpus)], progress=False)
    assert (first.new, first.seen, first.figures) == (2, 0, 3)
    assert (second.new, second.seen, second.figures) == (0, 2, 0)
    assert store.counts()["documents"] == 2 and store.counts()["figures"] == 3


def test_same_url_with_new_content_is_a_new_version(store: Store) -> None:
    assert store.add_documents([_doc(EN, "en", "https://example.org/a")])[0] == 1
    assert store.add_documents([_doc(EN + " Update.", "en", "https://example.org/a")])[0] == 1
    versions = sorted((d["version"], d["supersedes"]) for d in store.documents())
    assert versions[0] == (1, None) and versions[1][0] == 2 and versions[1][1] is not None


def test_review_decisions_follow_their_figure_across_reextraction(store: Store) -> None:
    store.add_documents([_doc(AR, "ar")])
    rows = store.figures()
    assert len(rows) == 2
    store.review(rows[0]["id"], "confirmed", "amal", "checked against the source")
    store.review(rows[1]["id"], "corrected", "amal", corrections={"low": 2500, "destination": "TR"})
    doc_id = rows[0]["document_id"]
    # a newer extractor finds the first figure again, the second not at all
    kept_only = [f for f in extract(AR, published="2024-03-14", language="ar") if f.value == 12000]
    figures, kept, lost = store.replace_figures(doc_id, kept_only, "2")
    assert (figures, kept, lost) == (1, 1, 1)
    (row,) = store.figures()
    assert row["decision"] == "confirmed" and row["extractor_version"] == "2" and row["id"] == rows[0]["id"]
    (orphan,) = store.orphaned_reviews()
    assert orphan["decision"] == "corrected" and orphan["corrections"] == {"low": 2500, "destination": "TR"}


def test_review_rejects_bad_decisions(store: Store) -> None:
    store.add_documents([_doc(EN, "en")])
    fid = store.figures()[0]["id"]
    with pytest.raises(MarsadError, match="E302"):
        store.review(fid, "maybe", "x")
    with pytest.raises(MarsadError, match="E303"):
        store.review(fid, "corrected", "x", corrections={"text": "no"})
    with pytest.raises(MarsadError, match="E304"):
        store.review(10**6, "confirmed", "x")


def test_figure_filters(store: Store) -> None:
    store.add_documents([_doc(AR, "ar"), _doc(EN, "en")])
    assert {r["destination"] for r in store.figures(country="TR")} == {"TR"}
    assert [r["per"] for r in store.figures(language="en")] == ["day"]
    assert len(store.figures(movement="arrived")) == 3
    assert store.figures(source_type="un_agency", since="2024-03-01", until="2024-03-31")
    assert store.figures(until="2000-01-01") == []
    fid = store.figures(language="en")[0]["id"]
    store.review(fid, "rejected", "amal")
    assert [r["id"] for r in store.figures(status="rejected")] == [fid]
    assert len(store.figures(status="unreviewed")) == 2


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_text("hello, I am not SQLite " * 100)
    with pytest.raises(MarsadError, match="E301"):
        Store(str(bad))
