"""Every input format, written by the tests: text, corpus document, HTML in
windows-1256, JSON, JSONL, CSV, RSS, Atom, a WARC built here, and a URL on
loopback; and bad input that is reported while ingest goes on."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from pathlib import Path

import pytest

from marsad.ingest import Failure, RawArticle, read_sources

AR = "قالت المفوضية يوم الاثنين إن نحو 12 ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر، وإن الأعداد ترتفع يوميا."
EN = "Some 1,200 refugees a day arrived in Chad last week, UNHCR said on Monday, as fighting spread in Darfur."
HTML_AR = f'<html><head><meta charset="windows-1256"><title>لاجئون</title></head><body><nav>القائمة</nav><article><p>{AR}</p></article></body></html>'
HTML_EN = f"<!doctype html><html><head><title>Refugees</title></head><body><article><h1>Refugees</h1><p>{EN}</p></article></body></html>"


def read(*paths: Path | str, **kw: int) -> tuple[list[RawArticle], list[Failure]]:
    items = list(read_sources([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, Failure)]


def test_text_markdown_and_corpus_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\n" + EN, encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"id: doc-7\nlanguage: ar\npublished: 2024-03-11\n---\n{AR}", encoding="utf-8")
    arts, fails = read(tmp_path)
    assert not fails and len(arts) == 3
    doc = next(a for a in arts if a.external_id == "doc-7")
    assert (doc.language, doc.published, doc.text) == ("ar", "2024-03-11", AR)


def test_html_in_windows_1256(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML_AR.encode("cp1256"))
    (art,), _ = read(path)
    assert AR in art.text and "القائمة" not in art.text
    assert art.encoding and art.encoding.replace("-", "").lower() in ("windows1256", "cp1256")


@pytest.mark.parametrize("encoding", ["utf-16", "iso-8859-6", "koi8-r"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = ("По данным МВД, около 98 тысяч россиян въехали в страну с момента объявления мобилизации. " * 3
            if encoding == "koi8-r" else AR * 3)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    (art,), _ = read(path)
    assert art.text.strip() == text.strip()


def test_json_jsonl_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"id": 1, "text": EN, "published": "2024-03-11"}]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "x", "text": AR, "language": "ar"}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    (tmp_path / "c.csv").write_text(f'id,title,body,date\n9,T,"{EN}",2024-03-12T10:00:00\n', encoding="utf-8")
    arts, fails = read(tmp_path)
    assert not fails
    assert sorted(a.external_id for a in arts) == ["1", "9", "x"]
    assert next(a for a in arts if a.external_id == "9").published == "2024-03-12"


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Refugees</title><link>https://example.org/1</link><description>{EN}</description>
<pubDate>Mon, 11 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>لاجئون</title><link href="https://example.org/2"/><id>urn:2</id><updated>2024-03-11T10:00:00Z</updated>
<content type="html">&lt;p&gt;{AR}&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "b.xml").write_text(ATOM, encoding="utf-8")
    arts, fails = read(tmp_path)
    assert not fails and len(arts) == 2
    assert {a.url for a in arts} == {"https://example.org/1", "https://example.org/2"}
    assert all(a.published == "2024-03-11" for a in arts) and any(AR in a.text for a in arts)


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1256")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
    return out.getvalue()


def test_warc_built_here(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([("https://example.org/ar", HTML_AR.encode("cp1256")),
                            ("https://example.org/en", HTML_EN.encode("cp1256"))]))
    arts, fails = read(path)
    assert not fails and [a.url for a in arts] == ["https://example.org/ar", "https://example.org/en"]
    assert AR in arts[0].text


def test_url_on_loopback_and_unreachable_url(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML_EN, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):  # type: ignore[no-untyped-def]
            super().__init__(*a, directory=str(tmp_path), **kw)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        arts, fails = read(f"http://127.0.0.1:{port}/page.html", f"http://127.0.0.1:{port}/missing.html")
    finally:
        server.shutdown()
        server.server_close()
    assert len(arts) == 1 and EN in arts[0].text and arts[0].url.endswith("/page.html")
    assert len(fails) == 1 and "cannot fetch" in fails[0].reason


def test_bad_inputs_are_reported_with_path_and_reason(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_text(EN * 100, encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"text": ', encoding="utf-8")
    (tmp_path / "broken.jsonl").write_text('{"text": "x"\n', encoding="utf-8")
    full = _warc([("https://example.org/en", HTML_EN.encode())])
    (tmp_path / "cut.warc.gz").write_bytes(full[: len(full) // 2])
    (tmp_path / "nocol.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "broken.rss").write_text("<rss><channel><item>", encoding="utf-8")
    arts, fails = read(tmp_path, max_bytes=4000)
    assert [a.source for a in arts] == [str(tmp_path / "ok.txt")]
    reasons = {Path(f.source.split("#")[0]).name: f.reason for f in fails}
    assert "binary" in reasons["binary.txt"] and reasons["empty.txt"] == "empty"
    assert "size limit" in reasons["big.txt"] and "malformed JSON" in reasons["broken.json"]
    assert "malformed JSON" in reasons["broken.jsonl"] and "truncated" in reasons["cut.warc.gz"]
    assert "column" in reasons["nocol.csv"] and "feed" in reasons["broken.rss"]


def test_gzip_helper_is_not_mistaken_for_text(tmp_path: Path) -> None:
    (tmp_path / "x.warc.gz").write_bytes(gzip.compress(b"not a warc at all"))
    arts, fails = read(tmp_path)
    assert not arts and len(fails) == 1
