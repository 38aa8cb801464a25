"""Terminal output that fits: on 80 columns numbers and qualifiers are whole,
text wraps, rich markup in the data (`[un_agency]`) is shown; `marsad
--version`; `marsad serve` says where it listens and whether it takes writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.cli import main
from support import store_with

EXAMPLE = Path(__file__).resolve().parents[1] / "marsad" / "examples" / "article-ar.txt"
ARTICLES = [
    {"id": "jo", "outlet": "un.example", "language": "en", "published": "2024-03-12",
     "text": "About 650,000 Syrian refugees are hosted in Jordan, according to the UN refugee agency UNHCR."},
    {"id": "ge", "outlet": "news.example", "language": "en", "published": "2024-03-12",
     "text": "Officials said 5,500 cars were waiting at the border crossing into Georgia on Tuesday."},
]


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def _lines(out: str) -> list[str]:
    return [line.rstrip() for line in out.splitlines()]


def test_extract_table_fits_80_columns_with_whole_numbers(narrow: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "table", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert all(len(line) <= 80 for line in _lines(out))
    assert "600,000 at_least" in out and "12,000 approx" in out  # never "600,0… (at_l…"
    assert "[un_agency]" in out and "in example-ar" in out  # markup is not eaten


def test_flows_and_figures_tables_fit_and_show_every_latest(narrow: None, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = store_with(tmp_path, ARTICLES)
    assert main(["flows", "--db", db]) == 0
    out = capsys.readouterr().out
    assert all(len(line) <= 80 for line in _lines(out))
    assert re.search(r"latest total\s+latest daily rate\s+latest stock", out)
    assert "650,000 approx" in out and "5,500" in out and "2024-03-12" in out  # stocks have a column now
    assert main(["figures", "--db", db, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert all(len(line) <= 80 for line in _lines(out))
    assert "[un_agency]" in out and "650,000 approx" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and re.match(r"marsad \d+\.\d+\.\d+ \(extractor \S+\)", capsys.readouterr().out)


@pytest.mark.parametrize(("token", "state"), [("", "read-only"), ("s3cret", "writes enabled")])
def test_serve_prints_its_address_and_token_state(token: str, state: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import uvicorn

    monkeypatch.setenv("MARSAD_TOKEN", token)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)  # no server: only what it prints first
    assert main(["serve", "--db", str(tmp_path / "s.db"), "--port", "8123"]) == 0
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8123/" in out and "/docs" in out and state in out and "s3cret" not in out
