"""Excel workbook (openpyxl): the rows with a bold frozen header, an
autofilter, counts as numbers with thousands separators and days as dates;
a second sheet, "about", describes every column and the run. Text is written
as string cells, never formulas (and neutralised as in CSV, so that copying it
into another sheet is safe too)."""

from __future__ import annotations

from typing import Any, BinaryIO

from marsad.export import ExportRun, exporter, neutralise
from marsad.export.columns import COLUMNS, DATES, INTEGERS, describe
from marsad.export.to_parquet import as_date

WIDE = {"evidence": 80, "url": 40, "outlets": 30, "sources": 30, "group": 24, "source": 28}


@exporter("xlsx")
def write_xlsx(rows: list[dict[str, Any]], run: ExportRun, out: BinaryIO) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _data_sheet(book, rows, run)
    _about_sheet(book, run)
    book.save(out)


def _data_sheet(book: Any, rows: list[dict[str, Any]], run: ExportRun) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    names = COLUMNS[run.what]
    sheet = book.create_sheet(run.what)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{len(rows) + 1}"
    for i, name in enumerate(names, 1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDE.get(name, max(12, len(name) + 2))
    bold = Font(bold=True)
    sheet.append([_cell(sheet, name, None, bold) for name in names])
    for row in rows:
        sheet.append([_typed(sheet, name, row.get(name)) for name in names])


def _cell(sheet: Any, value: Any, number_format: str | None = None, font: Any = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=neutralise(value))
    if isinstance(value, str):
        cell.data_type = "s"  # a string, whatever it starts with
    if number_format:
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell


def _typed(sheet: Any, name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in INTEGERS:
        return _cell(sheet, int(value), "#,##0")
    if name in DATES:
        return _cell(sheet, as_date(value, name), "yyyy-mm-dd")
    return value if isinstance(value, (bool, int, float)) else _cell(sheet, str(value))


def _about_sheet(book: Any, run: ExportRun) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("about")
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    bold = Font(bold=True)
    sheet.append([_cell(sheet, "marsad export", font=bold)])
    for key, value in run.facts.items():
        sheet.append([_cell(sheet, str(key)), _cell(sheet, str(value))])
    sheet.append([])
    sheet.append([_cell(sheet, "column", font=bold), _cell(sheet, "what it holds", font=bold)])
    for name in COLUMNS[run.what]:
        sheet.append([name, describe(name)])
