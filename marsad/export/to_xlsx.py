"""Excel workbook (openpyxl): one sheet, a header row, frozen. Text is
written as string cells, never formulas (and neutralised as in CSV, so that
copying it into another sheet is safe too); counts stay numbers."""

from __future__ import annotations

from typing import Any, BinaryIO

from marsad.export import exporter, neutralise
from marsad.export.to_tabular import columns


@exporter("xlsx")
def write_xlsx(rows: list[dict[str, Any]], what: str, out: BinaryIO) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(what)
    sheet.freeze_panes = "A2"
    names = columns(what)
    sheet.append(list(names))
    for row in rows:
        sheet.append([_cell(sheet, row.get(n)) for n in names])
    book.save(out)


def _cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, (list, dict)):
        value = str(value)
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=neutralise(value))
    cell.data_type = "s"  # a string, whatever it starts with
    return cell
