"""The per-source function both engines share: articles with their figures,
failures for what cannot be read, streaming through large web archives."""

from __future__ import annotations

import io
import json
from multiprocessing import get_context
from pathlib import Path

import pytest

from marsad.ingest import source as source_module
from marsad.ingest.limits import Limits
from marsad.ingest.readers import Failure
from marsad.ingest.source import source_documents
from marsad.store import NewDocument

EN = "Some 1,200 refugees arrived in Chad last week, UNHCR said on Monday."
HTML = "<!doctype html><html><head><title>Chad</title></head><body><article><p>{}</p></article></body></html>"


def write_warc(path: Path, pages: list[tuple[str, str]], cut: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    last = 0
    for url, text in pages:
        last = out.tell()
        body = HTML.format(text).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
    data = out.getvalue()
    path.write_bytes(data[:(last + len(data)) // 2] if cut else data)  # cut: the last record ends half way


def test_documents_come_with_their_figures_and_failures_in_order(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": EN, "language": "en"}, "not an object", {"id": "b", "text": "No numbers here."}]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    items = list(source_documents(str(path)))
    assert [type(i).__name__ for i in items] == ["NewDocument", "Failure", "NewDocument", "Failure"]
    first = items[0]
    assert isinstance(first, NewDocument) and [f.value for f in first.figures or []] == [1200]
    assert first.figures[0].destination == "TD" and items[2].figures == []  # type: ignore[union-attr]
    assert items[1].source == f"{path}#2" and "malformed JSON" in items[3].reason  # type: ignore[union-attr]


def test_a_record_the_extractor_cannot_take_is_a_failure_not_a_crash(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"text": t, "language": "en"}) for t in (EN, "poison " + EN, EN + " Again.")),
                    encoding="utf-8")
    real = source_module.extract

    def fragile(text: str, **kw: object) -> list:  # type: ignore[type-arg]
        if text.startswith("poison"):
            raise RecursionError("too deep")
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(source_module, "extract", fragile)
    items = list(source_documents(str(path)))
    assert [type(i).__name__ for i in items] == ["NewDocument", "Failure", "NewDocument"]
    assert items[1].reason == "extraction failed: RecursionError: too deep"  # type: ignore[union-attr]


def test_a_pool_as_mapper_gives_the_same_documents(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"{EN} Report {n}.", "language": "en"}) for n in range(30)),
                    encoding="utf-8")
    alone = list(source_documents(str(path)))
    with get_context("fork").Pool(2) as pool:
        pooled = list(source_documents(str(path), mapper=pool.imap))
    assert [(d.source, d.hash, len(d.figures or [])) for d in pooled] == \
        [(d.source, d.hash, len(d.figures or [])) for d in alone]  # type: ignore[union-attr]


def test_keep_drops_articles_before_extraction(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"id": n, "text": f"{EN} {n}"}) for n in range(5)), encoding="utf-8")
    items = list(source_documents(str(path), keep=lambda arts: [a for a in arts if a.external_id in ("1", "3")]))
    assert [d.external_id for d in items] == ["1", "3"]  # type: ignore[union-attr]


def test_a_web_archive_larger_than_max_bytes_streams_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://example.org/{n}", f"{EN} Story {n}. " + "Filler words. " * 300) for n in range(40)])
    assert path.stat().st_size > 4000
    docs = list(source_documents(str(path), Limits(max_bytes=8000)))
    assert len(docs) == 40 and all(isinstance(d, NewDocument) for d in docs)
    assert docs[7].url == "https://example.org/7"  # type: ignore[union-attr]
    big = tmp_path / "big.warc.gz"
    write_warc(big, [("https://example.org/big", EN + " Filler words." * 2000)])
    (failure,) = source_documents(str(big), Limits(max_bytes=8000))
    assert isinstance(failure, Failure) and "size limit" in failure.reason


def test_a_cut_web_archive_keeps_what_was_whole_and_says_it_is_truncated(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, [(f"https://example.org/{n}", f"{EN} Story {n}.") for n in range(3)], cut=True)
    items = list(source_documents(str(path)))
    assert sum(isinstance(i, NewDocument) for i in items) == 2
    assert isinstance(items[-1], Failure) and "truncated" in items[-1].reason


def test_counts_past_64_bits_are_dropped_and_billions_are_stored(tmp_path: Path, db_url: str) -> None:
    from marsad.ingest import ingest
    from marsad.store import Store

    path = tmp_path / "big.jsonl"
    texts = ["The UN said 9,000,000,000,000,000,000,000 refugees fled to Chad.",
             "نحو 5 مليار لاجئ فروا إلى تشاد"]
    path.write_text("\n".join(json.dumps({"text": t}) for t in texts), encoding="utf-8")
    (huge, billions) = source_documents(str(path))
    assert huge.figures == [] and [f.value for f in billions.figures] == [5_000_000_000]  # type: ignore[union-attr]
    with Store(db_url) as store:
        assert ingest(store, [str(path)], progress=False).new == 2
        assert [f["value"] for f in store.figures()] == [5_000_000_000]
