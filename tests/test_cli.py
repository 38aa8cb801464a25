"""The command line: extract in JSONL and table form, eval, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.figure import ANNOTATION_FIELDS

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[1] / "marsad" / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_jsonl_uses_exactly_the_annotation_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--format", "jsonl", str(FIXTURES / "articles.jsonl"))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    assert all(list(r) == list(ANNOTATION_FIELDS) for r in rows)
    assert [r["doc"] for r in rows] == ["fx-ar-1", "fx-ar-1", "fx-en-1"]


def test_extract_corpus_document_and_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--format", "jsonl", "--provenance", str(EXAMPLES / "article-ar.txt"))
    rows = [json.loads(line) for line in out.splitlines()]
    text = (EXAMPLES / "article-ar.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert code == 0 and rows and all(r["doc"] == "example-ar" for r in rows)
    for r in rows:
        assert r["rule"] and text[r["start"]:r["end"]].strip()


def test_extract_plain_text_from_stdin_with_options() -> None:
    proc = subprocess.run([sys.executable, "-m", "marsad.cli", "extract", "-", "--published", "2024-01-02",
                           "--language", "en", "--format", "jsonl"],
                          input="About 3,000 people fled to Chad yesterday.", capture_output=True, text=True, check=True)
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (row["value"], row["destination"], row["period_start"]) == (3000, "TD", "2024-01-01")


def test_extract_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", "--format", "table", str(EXAMPLES / "article-en.txt"))
    assert code == 0 and "movement figures" in out and "4,500" in out


def test_eval_prints_scores_per_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eval", "--json", str(FIXTURES / "gold.jsonl"), str(FIXTURES / "articles.jsonl"))
    scores = json.loads(out)
    assert code == 0 and set(scores) >= {"ar", "en", "all"}
    assert scores["all"]["matched"] == 3 and scores["all"]["figures_gold"] == 3
    assert scores["ar"]["destination"] == 1.0


def test_bad_input_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path / "missing.txt"))
    assert code == 2 and "E101" in err and "missing.txt" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ok"}\n{not json\n', encoding="utf-8")
    code, _, err = run(capsys, "extract", "--format", "jsonl", str(bad))
    assert code == 2 and "E102" in err and "bad.jsonl:2" in err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("latin-1"))
    code, _, err = run(capsys, "extract", str(latin))
    assert code == 2 and "E104" in err


def test_unsupported_language_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("id: x\nlanguage: xx\npublished: 2024-01-01\n---\ntext", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(doc))
    assert code == 2 and "E105" in err


def _mixed_languages(tmp_path: Path) -> Path:
    """Somali and an Amharic-labelled article before an English one marsad reads."""
    rows = [{"id": "so-1", "text": "Qaramada Midoobay ayaa sheegtay in 3,000 qoys ay ka barakaceen guryahooda "
                                   "toddobaadkii hore sababo la xiriira dagaallada.", "published": "2024-03-14"},
            {"id": "am-1", "text": "ከ500 ሺህ በላይ ሰዎች ተፈናቅለዋል", "published": "2024-03-14", "language": "am"},
            {"id": "en-1", "text": "Some 1,200 refugees a day arrived in Chad last week, UNHCR said.",
             "published": "2024-03-14", "language": "en"}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_extract_reports_a_language_without_data_and_goes_on(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(_mixed_languages(tmp_path)))
    assert code == 0
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["en-1"]
    assert "so-1: E105 no extractor for 'so'" in err and "am-1: E105 no extractor for 'am'" in err


def test_ingest_stores_a_language_without_data_unread_and_counts_it(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    code, out, _ = run(capsys, "ingest", str(_mixed_languages(tmp_path)), "--db", db, "--quiet")
    assert code == 0 and "3 new" in out and "figures: 1" in out
    assert "no extractor for 'so': 1 document, 'am': 1 document" in out or \
        "no extractor for 'am': 1 document, 'so': 1 document" in out
    code, out, _ = run(capsys, "figures", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["language"] for line in out.splitlines()] == ["en"]
    from marsad.store import Store

    assert sorted(d["language"] for d in Store(db).documents()) == ["am", "en", "so"]


def test_ingest_figures_review_reextract_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    code, out, _ = run(capsys, "ingest", str(FIXTURES / "articles.jsonl"), "--db", db, "--quiet")
    assert code == 0 and "3 new" in out and "figures: 3" in out
    code, out, _ = run(capsys, "figures", "--db", db, "--format", "jsonl", "--country", "TD")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["destination"] == "TD" and row["decision"] is None
    code, out, _ = run(capsys, "review", str(row["id"]), "--decision", "corrected", "--set", "low=1100",
                       "--reviewer", "amal", "--db", db)
    assert code == 0 and "recorded" in out
    code, out, _ = run(capsys, "reextract", "--db", db, "--force")
    assert code == 0 and "reviews kept 1, orphaned 0" in out
    code, out, _ = run(capsys, "figures", "--db", db, "--format", "csv", "--status", "corrected")
    assert out.splitlines()[0].startswith("id,") and len(out.splitlines()) == 2
    code, _, err = run(capsys, "review", "999", "--decision", "confirmed", "--reviewer", "x", "--db", db)
    assert code == 2 and "E304" in err
