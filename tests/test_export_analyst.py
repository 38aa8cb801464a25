"""Exports an analyst can sum and open: `latest` has one row per flow (summed
by destination with pandas and with libhxl it counts each flow once), days
are dates in xlsx and date32 in Parquet, every figure row carries its article
id and URL, country names stand beside codes, CSV can start with a BOM, the
workbook has a filter, number formats, a frozen header and an "about" sheet."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.export import export
from marsad.store import Store
from support import store_with

ARTICLES = [
    {"id": "tr-1", "url": "https://one.example/a", "outlet": "one.example", "language": "en", "published": "2024-03-12",
     "text": "Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1."},
    {"id": "tr-2", "url": "https://two.example/b", "outlet": "two.example", "language": "en", "published": "2024-03-26",
     "text": "Turkey said on Tuesday that about 65,000 Syrians had crossed into the country since March 1."},
    {"id": "tr-3", "url": "https://three.example/c", "outlet": "three.example", "language": "en",
     "published": "2024-03-26", "text": "Turkey said on Tuesday that 12,000 Iraqis had crossed into the country "
                                        "since March 1."},
    {"id": "jo-1", "url": "https://four.example/d", "outlet": "four.example", "language": "ar",
     "published": "2024-03-12", "text": "وتستضيف الأردن نحو 650 ألف لاجئ سوري."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return store_with(tmp_path_factory.mktemp("analyst"), ARTICLES)


def _export(db: str, what: str, fmt: str, bom: bool = False) -> bytes:
    out = io.BytesIO()
    with Store(db) as store:
        export(store, what, fmt, out, bom=bom)
    return out.getvalue()


def _flows(db: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:  # type: ignore[type-arg]
    assert main(["flows", "--db", db, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _point(p: dict | None) -> int | None:  # type: ignore[type-arg]
    return None if not p else next(p[k] for k in ("value", "low", "high") if p[k] is not None)


def test_latest_sums_by_destination_once_per_flow(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    import hxl
    import pandas as pd

    flows = _flows(db, capsys)
    expected: dict[str, int] = {}
    for f in flows:
        if _point(f["latest_total"]) is not None:
            expected[f["destination"]] = expected.get(f["destination"], 0) + _point(f["latest_total"])
    assert expected["TR"] == 65_000 + 12_000  # not 40,000 + 65,000 + 12,000: one value per flow

    latest = pd.read_csv(io.BytesIO(_export(db, "latest", "csv")))
    assert len(latest) == len(flows) and not latest.duplicated(["movement", "origin", "destination"]).any()
    assert latest.groupby("destination")["total"].sum(min_count=1).dropna().astype(int).to_dict() == expected
    assert latest.set_index("destination").loc["JO", "stock"] == 650_000  # a stock is not a total
    series = pd.read_csv(io.BytesIO(_export(db, "flows", "csv")))
    assert len(series) > len(latest)  # the flows table has a row per point: it must not be summed

    source = hxl.data(io.BytesIO(_export(db, "latest", "hxl")), hxl.InputOptions(allow_local=True))
    sums: dict[str, int] = {}
    for row in source:
        value = row.get("#affected+total+num")
        if value not in (None, ""):
            sums[row.get("#country+code+dest")] = sums.get(row.get("#country+code+dest"), 0) + int(value)
    assert sums == expected


def test_figure_rows_carry_article_url_and_country_names(db: str) -> None:
    import pandas as pd

    figures = pd.read_csv(io.BytesIO(_export(db, "figures", "csv")))
    assert set(figures["article"]) == {"tr-1", "tr-2", "tr-3", "jo-1"}
    assert figures["url"].str.startswith("https://").all()
    syria = figures[figures["origin"] == "SY"]
    assert set(syria["origin_name"]) == {"Syria"} and "Türkiye" in set(figures["destination_name"])


def test_csv_byte_order_mark_is_an_option(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert not _export(db, "figures", "csv").startswith(b"\xef\xbb\xbf")
    out = tmp_path / "f.csv"
    assert main(["export", "--db", db, "--what", "figures", "--bom", "--output", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "لاجئ".encode() in data
    assert _export(db, "latest", "hxl", bom=True).startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("what", ["figures", "flows", "latest"])
def test_xlsx_has_dates_numbers_filter_and_an_about_sheet(db: str, what: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "x.xlsx"
    path.write_bytes(_export(db, what, "xlsx"))
    book = load_workbook(path)
    sheet = book[what]
    header = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert all(c.font.bold for c in sheet[1])
    date_column = header.index("period_end" if what != "latest" else "last_report") + 1
    cells = [sheet.cell(row=r, column=date_column) for r in range(2, sheet.max_row + 1)]
    assert cells and all(c.is_date and isinstance(c.value, datetime) for c in cells if c.value is not None)
    number_column = header.index("value" if what != "latest" else "total") + 1
    numbers = [sheet.cell(row=r, column=number_column) for r in range(2, sheet.max_row + 1)]
    assert any(isinstance(c.value, int) and c.number_format == "#,##0" for c in numbers)
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True) if row and row[0]}
    assert about["what"] == what and about["extractor"] and about["exported"] and about["filters"]
    assert all(about.get(name) for name in header)  # every column described


@pytest.mark.parametrize("what", ["figures", "flows", "latest"])
def test_parquet_days_are_date32(db: str, what: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "x.parquet"
    path.write_bytes(_export(db, what, "parquet"))
    table = pq.read_table(path)
    name = "period_end" if what != "latest" else "total_date"
    assert str(table.schema.field(name).type) == "date32[day]"
    assert date(2024, 3, 26) in table.column(name).to_pylist()
