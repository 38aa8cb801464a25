"""Hostile input through `marsad ingest` (issue 12): every good document is
stored, every bad one is a `failures` row with its path (and line or record)
and reason, the run goes on and exits 1; on SQLite and on PostgreSQL."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from marsad.cli import main
from marsad.store import Store
from marsad.store.schema import documents, failures

EN = "Some 1,200 refugees a day arrived in Chad last week, UNHCR said on Monday, as fighting spread in Darfur."
AR = "قالت المفوضية إن نحو 12 ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر."
HTML = ("<!doctype html><html><head><title>Refugees {n}</title></head>"
        "<body><article><p>{text}</p></article></body></html>")


def _ingest(capsys: pytest.CaptureFixture[str], db: str, *sources: str) -> tuple[int, str]:
    code = main(["ingest", *sources, "--db", db, "--quiet"])
    return code, capsys.readouterr().err


def _stored(db: str) -> tuple[list[dict], dict[str, str]]:  # type: ignore[type-arg]
    with Store(db) as store, store.engine.connect() as conn:
        docs = [dict(r) for r in conn.execute(select(documents.c.source, documents.c.text, documents.c.url,
                                                     documents.c.title)).mappings()]
        fails = {r.source: r.reason for r in conn.execute(select(failures.c.source, failures.c.reason))}
    return docs, fails


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        body = html.encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
    return out.getvalue()


def test_bad_records_in_jsonl_and_csv_cost_only_themselves(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            db_url: str) -> None:
    lines = [json.dumps({"id": "a", "text": EN}),
             '{"id": "b", "text": "Lone \\udc80 surrogate: ' + EN + '"}',
             json.dumps({"id": "c", "text": AR, "url": 7}),
             json.dumps({"id": "d", "text": EN + " (2)", "title": ["x"]}),
             "[" * 200_000,
             json.dumps({"id": "e", "text": "NUL\u0000 inside: " + EN + " (3)", "outlet": "Wire\u0000"}),
             '{"id": "f", "text": ',
             json.dumps({"id": "g", "text": AR + " 2", "language": "not a code"}),
             json.dumps({"id": "h", "text": EN + " (4)"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    long_article = (EN + " ") * 1500  # 160 kB: over the csv module's default cell limit, a real long article
    (tmp_path / "long.csv").write_text(f'id,text\n1,"{long_article}"\n2,"{AR}"\n', encoding="utf-8")
    code, err = _ingest(capsys, db_url, str(tmp_path / "feed.jsonl"), str(tmp_path / "long.csv"))
    docs, fails = _stored(db_url)
    assert code == 1
    feed = str(tmp_path / "feed.jsonl")
    assert sorted(d["source"] for d in docs if d["source"].startswith(feed)) == [f"{feed}#{n}" for n in (1, 2, 6, 9)]
    texts = {d["source"]: d["text"] for d in docs}
    assert texts[f"{feed}#2"].startswith("Lone \ufffd surrogate") and "\x00" not in texts[f"{feed}#6"]
    assert next(d for d in docs if d["source"] == f"{feed}#6")  # stored on PostgreSQL too (NUL removed)
    assert "'url' must be a string" in fails[f"{feed}#3"] and "'title' must be a string" in fails[f"{feed}#4"]
    assert "max_depth" in fails[f"{feed}#5"] and "malformed JSON on line 7" in fails[f"{feed}#7"]
    assert "language" in fails[f"{feed}#8"]
    assert texts[f"{tmp_path / 'long.csv'}#1"].strip() == long_article.strip()
    assert f"{tmp_path / 'long.csv'}#2" in texts
    assert f"{feed}#5" in err


def test_a_long_text_or_field_is_reported_with_the_setting(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_MAX_TEXT_CHARS", "5000")
    (tmp_path / "a.jsonl").write_text("\n".join([json.dumps({"text": EN * 100}), json.dumps({"text": EN}),
                                                 json.dumps({"text": AR, "title": "t" * 3000})]), encoding="utf-8")
    db = str(tmp_path / "m.db")
    code, _ = _ingest(capsys, db, str(tmp_path / "a.jsonl"))
    docs, fails = _stored(db)
    assert code == 1 and len(docs) == 1
    source = str(tmp_path / "a.jsonl")
    assert "max_text_chars" in fails[f"{source}#1"] and "max_field_chars" in fails[f"{source}#3"]


def test_folder_with_unreadable_parts_and_bad_links(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    top = tmp_path / "news"
    (top / "sub").mkdir(parents=True)
    (top / "locked").mkdir()
    (top / "a.txt").write_text(EN, encoding="utf-8")
    (top / "sub" / "b.txt").write_text(AR, encoding="utf-8")
    (top / "secret.txt").write_text(EN + " secret", encoding="utf-8")
    (top / "locked" / "c.txt").write_text(EN + " locked", encoding="utf-8")
    (top / "dangling.txt").symlink_to(top / "gone.txt")
    (top / "loop1.txt").symlink_to(top / "loop2.txt")
    (top / "loop2.txt").symlink_to(top / "loop1.txt")
    (top / "sub" / "up").symlink_to(top)  # a folder link back up the tree
    # root reads every file whatever its mode: refuse these two as the kernel would for another user
    real_open, real_scandir = Path.open, os.scandir

    def open_(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_)
    monkeypatch.setattr(os, "scandir", scandir)
    code, _ = _ingest(capsys, db_url, str(top))
    docs, fails = _stored(db_url)
    assert code == 1
    assert sorted(Path(d["source"]).name for d in docs) == ["a.txt", "b.txt"]
    assert "Permission denied" in fails[str(top / "secret.txt")]
    assert "cannot read folder" in fails[str(top / "locked")]
    assert "broken symbolic link" in fails[str(top / "dangling.txt")]
    assert fails[str(top / "loop1.txt")] == "symbolic link loop"
    assert "loop" in fails[str(top / "sub" / "up")]


def test_web_archives_truncated_or_bombs(capsys: pytest.CaptureFixture[str], tmp_path: Path, db_url: str) -> None:
    pages = [(f"https://example.org/{n}", HTML.format(n=n, text=f"{EN} ({n})")) for n in range(3)]
    whole = _warc(pages)
    two = len(_warc(pages[:2]))
    (tmp_path / "cut.warc.gz").write_bytes(whole[: two + (len(whole) - two) // 2])  # cut inside the third record
    (tmp_path / "ok.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": AR}).encode()))
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b"\n" * 60_000_000))
    code, _ = _ingest(capsys, db_url, str(tmp_path))
    docs, fails = _stored(db_url)
    assert code == 1
    assert sorted(d["url"] for d in docs if d["url"]) == ["https://example.org/0", "https://example.org/1"]
    assert any(d["source"].startswith(str(tmp_path / "ok.jsonl.gz")) for d in docs)
    assert "after 2 HTML records" in fails[str(tmp_path / "cut.warc.gz")]
    assert "cannot decompress" in fails[str(tmp_path / "bomb.jsonl.gz")]


def _bomb(path: Path) -> None:
    """A 1 MB .warc.gz: one record header, then about a gigabyte of zeros."""
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/bomb\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: 1000000000\r\n\r\n"
            b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(head)
        block = b"\0" * (1 << 20)
        for _ in range(1000):
            out.write(block)


def test_a_gzip_bomb_stays_small_in_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.warc.gz"
    _bomb(bomb)
    assert bomb.stat().st_size < 1_100_000
    # VmHWM is this process's own peak: ru_maxrss would count the forking pytest's memory too
    probe = ("import re, sys; from marsad.cli import main; code = main(sys.argv[1:]); "
             "print(code, re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))")
    env = dict(os.environ, MARSAD_MAX_UNPACKED_BYTES=str(256 * 1024 * 1024))
    done = subprocess.run([sys.executable, "-c", probe, "ingest", str(bomb), "--db", str(tmp_path / "m.db"), "--quiet"],
                          capture_output=True, text=True, timeout=300, check=False, env=env)
    code, peak_kb = done.stdout.split()[-2:]
    assert code == "1" and "max_unpacked_bytes" in done.stderr, done.stderr
    assert int(peak_kb) < 500 * 1024, f"peak {int(peak_kb) // 1024} MB"


class _Trickle(http.server.BaseHTTPRequestHandler):
    """Answers 200 at once, then one byte every tenth of a second, for ever."""

    def do_GET(self) -> None:
        if self.path == "/page":
            body = HTML.format(n=1, text=EN).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(600):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


def test_a_trickling_url_is_cut_at_the_time_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_FETCH_SECONDS", "2")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    started = time.monotonic()
    try:
        code, _ = _ingest(capsys, db_url, f"{base}/slow", f"{base}/page")
    finally:
        server.shutdown()
        server.server_close()
    elapsed = time.monotonic() - started
    docs, fails = _stored(db_url)
    assert code == 1 and elapsed < 30
    assert [d["url"] for d in docs] == [f"{base}/page"]
    assert "fetch_seconds" in fails[f"{base}/slow"]


def test_a_number_of_thousands_of_digits_costs_only_its_line(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join(['{"id": ' + "9" * 5000 + ', "text": "x"}', json.dumps({"text": EN})]),
                                      encoding="utf-8")
    db = str(tmp_path / "m.db")
    code, _ = _ingest(capsys, db, str(tmp_path / "a.jsonl"))
    docs, fails = _stored(db)
    assert code == 1 and len(docs) == 1 and "digits" in fails[f"{tmp_path / 'a.jsonl'}#1"]
