"""The same article twice is one origin (issue 11): saved as text and as HTML,
or re-published with a changed line, it is one story (MinHash/LSH at ingest)
and flows count it once; different articles stay different stories."""

from __future__ import annotations

import html
import json
from pathlib import Path

from marsad.flows import build_flows
from marsad.ingest import ingest
from marsad.store import Store
from marsad.store.stories import band_keys, signature

ARTICLES = {
    "tr": ("2024-03-12", "en", (
           "Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1.\n"
           "The interior ministry said most of them were women and children who had walked for days.\n"
           "Aid groups warned that the camps near the border were already full and asked for more tents.\n"
           "The United Nations refugee agency said it was sending teams to the border crossings.")),
    "ge": ("2022-09-27", "en", (
           "Georgia said on Tuesday that 10,000 Russians had arrived in the country since September 21.\n"
           "Queues of cars stretched for kilometres at the Upper Lars crossing, officials said.\n"
           "Many of the men said they were leaving to avoid being called up to fight in Ukraine.\n"
           "The interior ministry said the border would stay open and extra staff had been sent.")),
    "td": ("2023-07-11", "en", (
           "The UN said on Tuesday that 230,000 Sudanese refugees had arrived in Chad since April 15.\n"
           "Most of them crossed from West Darfur into the east of the country, the agency said.\n"
           "Food and water were running short in the settlements along the border, aid workers warned.")),
}


def as_document(key: str, text: str) -> str:
    published, language, _ = ARTICLES[key]
    return f"id: {key}\nurl: unknown\noutlet: unknown\nlanguage: {language}\npublished: {published}\n---\n{text}\n"


def as_html(key: str, text: str) -> str:
    published = ARTICLES[key][0]
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    return (f'<html><head><meta property="article:published_time" content="{published}">'
            f"<title>News</title></head><body><article>{paragraphs}</article>"
            "<footer>© Example News 2024</footer></body></html>")


def changed_line(text: str) -> str:
    lines = text.splitlines()
    lines[-1] = "This article was updated with more details from officials and aid groups."
    return "\n".join(lines)


def origins(db: str) -> dict[tuple, int]:
    with Store(db) as store:
        return {(f.movement, f.origin, f.destination, f.nationality): f.summary()["independent_sources"]
                for f in build_flows(store.flow_rows())}


def test_a_changed_line_keeps_the_signature_close() -> None:
    text = ARTICLES["tr"][2]
    assert signature(text).jaccard(signature(changed_line(text))) >= 0.4
    assert signature(text).jaccard(signature(ARTICLES["ge"][2])) < 0.2
    assert set(band_keys(signature(text))) & set(band_keys(signature(changed_line(text))))


def test_text_html_and_a_changed_line_are_one_story_and_one_origin(tmp_path: Path) -> None:
    once, thrice = tmp_path / "once", tmp_path / "thrice"
    once.mkdir()
    thrice.mkdir()
    for key, (_, _, text) in ARTICLES.items():
        (once / f"{key}.txt").write_text(as_document(key, text), encoding="utf-8")
        (thrice / f"{key}.txt").write_text(as_document(key, text), encoding="utf-8")
        (thrice / f"{key}.html").write_text(as_html(key, text), encoding="utf-8")
        (thrice / f"{key}-updated.txt").write_text(as_document(key, changed_line(text)), encoding="utf-8")
    dbs = {}
    for folder in (once, thrice):
        dbs[folder.name] = str(tmp_path / f"{folder.name}.db")
        with Store(dbs[folder.name]) as store:
            ingest(store, [str(folder)], progress=False)
    with Store(dbs["thrice"]) as store:
        docs = list(store.documents())
    assert len(docs) == 9 and len({d["story"] for d in docs}) == 3
    assert origins(dbs["once"]) and origins(dbs["thrice"]) == origins(dbs["once"])


def test_the_dev_corpus_as_text_html_and_changed_keeps_its_origins(dev_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for path in sorted((dev_corpus / "docs").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        meta = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
        published = meta.get("published", "").split("#")[0].strip()
        lines = body.rstrip().splitlines()
        lines[-1] += " (This story was updated.)"  # a changed line that states no new figure
        (folder / f"{path.stem}-updated.txt").write_text(head + "\n---\n" + "\n".join(lines), encoding="utf-8")
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip())
        (folder / f"{path.stem}.html").write_text(
            f'<html lang="{meta.get("language", "").strip()}"><head>'
            f'<meta property="article:published_time" content="{published}"><title>{path.stem}</title></head>'
            f"<body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    once, thrice = str(tmp_path / "once.db"), str(tmp_path / "thrice.db")
    with Store(once) as store:
        ingest(store, [str(dev_corpus / "docs")], progress=False)
        stories = {d["story"] for d in store.documents()}
    with Store(thrice) as store:
        ingest(store, [str(dev_corpus / "docs"), str(folder)], progress=False)
        assert {d["story"] for d in store.documents()} == stories
    before, after = origins(once), origins(thrice)
    shared = set(before) & set(after)
    assert shared and all(after[k] == before[k] for k in shared), json.dumps(
        {str(k): (before[k], after[k]) for k in shared if after[k] != before[k]})


def test_reports_from_one_template_with_other_numbers_are_other_stories(tmp_path: Path) -> None:
    lines = [f"Some {n},000 people fled to Chad last week, UNHCR said on Monday in its weekly update on Sudan."
             for n in (12, 23, 45)]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(k), "text": t, "language": "en", "published": "2024-03-14"})
                              for k, t in enumerate(lines + [lines[0] + " Aid groups asked for more help."])),
                    encoding="utf-8")
    with Store(str(tmp_path / "m.db")) as store:
        ingest(store, [str(path)], progress=False)
        stories = [d["story"] for d in store.documents()]
    assert stories == [1, 2, 3, 1]
