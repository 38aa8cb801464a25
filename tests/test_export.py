"""Exports open with the libraries their users use: pyarrow for Parquet,
openpyxl for xlsx, libhxl for HXL, the geojson package's validator."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.export import EXPORTERS, export
from marsad.store import Store
from support import store_with

ARTICLES = [
    {"id": "a", "outlet": "one.example", "language": "en", "published": "2024-03-12",
     "text": "Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1."},
    {"id": "b", "outlet": "two.example", "language": "ar", "published": "2024-03-12",
     "text": "ونزحت 350 أسرة يمنية داخليا في محافظة مأرب خلال الأسبوع الماضي. وتستضيف الأردن نحو 650 ألف لاجئ سوري."},
    {"id": "c", "outlet": "three.example", "language": "en", "published": "2024-03-12",
     "text": "Officials said 250 cars were waiting at the border crossing into Georgia on Tuesday."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with Store(store_with(tmp_path_factory.mktemp("export"), ARTICLES)) as opened:
        yield opened


def _export(store: Store, what: str, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, what, fmt, out)
    return out.getvalue()


def test_every_format_is_registered() -> None:
    _export.__call__  # noqa: B018
    from marsad.export import to_geojson, to_hxl, to_parquet, to_tabular, to_xlsx  # noqa: F401

    assert set(EXPORTERS) == {"csv", "jsonl", "geojson", "hxl", "parquet", "xlsx"}


@pytest.mark.parametrize("what", ["figures", "flows"])
def test_parquet_opens_with_pyarrow(store: Store, what: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "x.parquet"
    path.write_bytes(_export(store, what, "parquet"))
    table = pq.read_table(path)
    assert table.num_rows == 4 and "value" in table.column_names
    assert str(table.schema.field("value").type) == "int64"


@pytest.mark.parametrize("what", ["figures", "flows"])
def test_xlsx_opens_with_openpyxl(store: Store, what: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "x.xlsx"
    path.write_bytes(_export(store, what, "xlsx"))
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] in ("id", "movement") and len(rows) == 5


@pytest.mark.parametrize("what", ["figures", "flows"])
def test_hxl_parses_with_libhxl_and_counts_are_numeric(store: Store, what: str) -> None:
    import hxl

    with io.BytesIO(_export(store, what, "hxl")) as stream:
        source = hxl.data(stream, hxl.InputOptions(allow_local=True))
        tags = {c.display_tag for c in source.columns}
        rows = list(source)
    assert {"#affected+refugees+ind", "#affected+idps+hh", "#country+code+origin", "#country+code+dest",
            "#date+start", "#date+end", "#date+reported", "#meta+source", "#meta+url"} <= tags
    assert len(rows) == 4
    idps = [r.get("#affected+idps+hh") for r in rows if r.get("#affected+idps+hh")]
    refugees = [r.get("#affected+refugees+ind") for r in rows if r.get("#affected+refugees+ind")]
    assert idps == ["350"] and refugees == ["650000"]
    for row in rows:
        for tag in ("#affected+refugees+ind", "#affected+displaced+ind", "#affected+idps+hh", "#indicator+vehicles+num"):
            value = row.get(tag)
            assert value in (None, "") or str(value).isdigit()


@pytest.mark.parametrize("what", ["figures", "flows"])
def test_geojson_is_valid_with_lines_between_countries(store: Store, what: str) -> None:
    import geojson

    collection = geojson.loads(_export(store, what, "geojson").decode("utf-8"))
    assert collection.is_valid, collection.errors()
    kinds = {f["geometry"]["type"] for f in collection["features"] if f["geometry"]}
    assert "LineString" in kinds  # Syria -> Turkey, Syria -> Jordan
    line = next(f for f in collection["features"] if f["geometry"] and f["geometry"]["type"] == "LineString"
                and f["properties"]["destination"] == "TR")
    assert line["geometry"]["coordinates"][0] != line["geometry"]["coordinates"][1]


def test_csv_and_jsonl(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "figures", "csv").decode("utf-8"))))
    assert len(rows) == 4 and {r["review"] for r in rows} == {"unreviewed"}
    lines = _export(store, "flows", "jsonl").decode("utf-8").splitlines()
    assert len(lines) == 4 and all("independent_origins" in json.loads(line) for line in lines)


def test_export_and_flows_commands(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(store.url).replace("sqlite:///", "")
    assert main(["export", "--db", db, "--what", "flows", "--format", "parquet"]) == 2
    assert "E305" in capsys.readouterr().err
    out = tmp_path / "f.xlsx"
    assert main(["export", "--db", db, "--what", "flows", "--format", "xlsx", "--output", str(out)]) == 0
    assert out.stat().st_size > 0
    assert main(["flows", "--db", db, "--format", "json"]) == 0
    flows = json.loads(capsys.readouterr().out)
    assert any(f["destination"] == "TR" and f["latest_total"]["value"] == 40000 for f in flows)
    assert main(["flows", "--db", db, "--by", "destination"]) == 0


FORMULAS = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "@SUM(1,1)",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Figures whose evidence, outlet and source start with a formula (issue 12)."""
    articles = [{"id": f"f{n}", "outlet": formula, "language": "en", "published": "2024-03-12",
                 "text": f"{formula} Turkey said on Tuesday that about {40 + n},000 Syrians had crossed into the "
                         f"country since March 1."} for n, formula in enumerate(FORMULAS)]
    with Store(store_with(tmp_path_factory.mktemp("formulas"), articles)) as opened:
        yield opened


def _formula_cells(cells: list[object]) -> list[object]:
    return [c for c in cells if isinstance(c, str) and c.startswith(("=", "+", "-", "@", "\t", "\r"))]


@pytest.mark.parametrize("fmt", ["csv", "hxl"])
def test_csv_and_hxl_neutralise_formulas(hostile_store: Store, fmt: str) -> None:
    rows = list(csv.reader(io.StringIO(_export(hostile_store, "figures", fmt).decode("utf-8"), newline="")))
    evidence = [c for row in rows for c in row if "Syrians had crossed" in c]
    assert len(evidence) == len(FORMULAS) and all(c.startswith("'") for c in evidence if "cmd|" in c)
    assert not _formula_cells([c for row in rows for c in row])


def test_xlsx_holds_formulas_as_text_only(hostile_store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "x.xlsx"
    path.write_bytes(_export(hostile_store, "figures", "xlsx"))
    sheet = load_workbook(path).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not _formula_cells([c.value for c in cells])
    assert any(isinstance(c.value, str) and c.value.startswith("'=cmd|") for c in cells)
    assert any(isinstance(c.value, int) and c.value >= 40_000 for c in cells)  # counts stay numbers
