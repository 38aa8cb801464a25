"""Excel workbook (openpyxl): one sheet, a header row, frozen."""

from __future__ import annotations

from typing import Any, BinaryIO

from marsad.export import exporter
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
        sheet.append([row.get(n) if not isinstance(row.get(n), (list, dict)) else str(row.get(n)) for n in names])
    book.save(out)
