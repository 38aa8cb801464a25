"""A news corpus written at test time for the engine parity tests: JSONL files
and small WARC.gz files (warcio) with Arabic, English, Spanish, French, German
and Italian (no data folder) articles, figures that cluster and conflict,
articles without figures, the same article in two files from two outlets, a
URL whose content changed, a malformed record, a record that is not UTF-8,
a cut archive and very large numbers."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

TEMPLATES = {
    "en": "Some {n:,} Syrians crossed into Turkey since March 1, the UN refugee agency said on Tuesday.",
    "ar": "قالت المفوضية إن نحو {n} لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر.",
    "es": "Unos {n} venezolanos cruzaron a Colombia la semana pasada, según ACNUR.",
    "fr": "Quelque {n} réfugiés soudanais sont arrivés au Tchad la semaine dernière, selon le HCR.",
    "de": "Rund {n} Flüchtlinge aus der Ukraine sind in Polen angekommen, teilte das UNHCR am Montag mit.",
    "it": "Circa {n} rifugiati sono arrivati in Ciad la settimana scorsa, secondo le Nazioni Unite.",
}
QUIET = ["The parliament debated the budget on {day} and adjourned without a vote.",
         "Wheat prices rose for a third week, traders in the capital said on {day}."]
VALUES = [1200, 1250, 5000, 12000, 39800, 40000, 65000]
DAYS = ["2024-03-05", "2024-03-12", "2024-03-19"]
OUTLETS = ["daily.example", "herald.example", "akhbar.example", "watan.example"]
PARTS = "Some {n:,} refugees arrived in Chad on Monday, among them 859 children, UNHCR said."
HUGE = ["The UN said 9,000,000,000,000,000,000,000 refugees fled to Chad.", "نحو 5 مليار لاجئ فروا إلى تشاد"]
HTML = ('<!doctype html><html><head><meta charset="{charset}"><title>News {n}</title></head>'
        "<body><article><p>{text}</p></article></body></html>")


def articles(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for k in range(count):
        language = rng.choice(list(TEMPLATES))
        if rng.random() < 0.25:
            text = rng.choice(QUIET).format(day=rng.choice(["Monday", "Tuesday"])) + f" ({seed}-{k})"
            language = "en"
        else:
            text = TEMPLATES[language].format(n=rng.choice(VALUES)) + f" ({seed}-{k})"
        outlet = rng.choice(OUTLETS)
        out.append({"id": f"{seed}-{k}", "text": text, "published": rng.choice(DAYS), "outlet": outlet,
                    "url": f"https://{outlet}/{seed}/{k}"})
    return out


def write_jsonl(path: Path, rows: list[dict], broken: bool = False) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if broken:
        lines.insert(len(lines) // 2, '{"text": "a record cut in the middle')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], cut: bool = False) -> None:
    """pages: (url, body bytes, declared charset)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    last = 0
    for url, body, charset in pages:
        last = out.tell()
        headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
    data = out.getvalue()
    path.write_bytes(data[:(last + len(data)) // 2] if cut else data)


def page(n: int, text: str, charset: str = "utf-8") -> bytes:
    return HTML.format(charset=charset, n=n, text=text).encode(charset)


def build(folder: Path) -> list[Path]:
    """Write the corpus; returns its files (sources), sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    first, second = articles(150, 1), articles(150, 2)
    shared = dict(first[3], outlet="herald.example", url="https://herald.example/shared", id="shared")
    changed = dict(first[5], text=first[5]["text"] + " Officials updated the count later.")  # same URL, new content
    write_jsonl(folder / "a-news.jsonl", first + [{"id": "huge", "text": HUGE[0], "published": "2024-03-12"}],
                broken=True)
    extra = [{"id": "billions", "text": HUGE[1], "published": "2024-03-12"},
             {"id": "parts", "text": PARTS.format(n=2000), "outlet": "daily.example", "published": "2024-03-12"},
             {"id": "parts-2", "text": PARTS.format(n=2100) + " Again.", "outlet": "herald.example",
              "published": "2024-03-12"}]
    write_jsonl(folder / "b-news.jsonl", second + [shared, changed] + extra)
    for w in range(3):
        rows = articles(40, 10 + w)
        pages = [(r["url"], page(k, r["text"]), "utf-8") for k, r in enumerate(rows)]
        if w == 0:
            pages.append(("https://watan.example/copy", page(99, first[3]["text"]), "utf-8"))  # a third copy
            arabic = TEMPLATES["ar"].format(n=40000) + " (windows-1256)"
            pages.append(("https://akhbar.example/cp1256", page(98, arabic, "windows-1256"), "windows-1256"))
            pages.append(("https://bad.example/bytes", b"\xff\xfe\x00\x81 not text \x00\x00" * 40, "utf-8"))
        write_warc(folder / f"crawl-{w}.warc.gz", pages)
    write_warc(folder / "crawl-cut.warc.gz", [(r["url"], page(k, r["text"]), "utf-8")
                                              for k, r in enumerate(articles(6, 20))], cut=True)
    return sorted(p for p in folder.iterdir() if p.is_file())
