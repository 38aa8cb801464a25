"""Apache Parquet (pyarrow), with typed columns: counts int64, days date32."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, BinaryIO

from marsad.export import ExportRun, exporter
from marsad.export.columns import BOOLEANS, COLUMNS, DATES, INTEGERS

log = logging.getLogger("marsad.export")


def as_date(value: Any, name: str) -> date | None:
    """An ISO day as a date (a malformed one is logged and left empty, never guessed)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        log.warning("%s=%r is not an ISO date; left empty", name, value)
        return None


@exporter("parquet")
def write_parquet(rows: list[dict[str, Any]], run: ExportRun, out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = COLUMNS[run.what]
    fields = [pa.field(n, pa.int64() if n in INTEGERS else pa.date32() if n in DATES else
                       pa.bool_() if n in BOOLEANS else pa.string()) for n in names]
    data = {n: [_cell(r.get(n), n) for r in rows] for n in names}
    pq.write_table(pa.table(data, schema=pa.schema(fields)), out)


def _cell(value: Any, name: str) -> Any:
    if value is None or name in INTEGERS or name in BOOLEANS:
        return value
    if name in DATES:
        return as_date(value, name)
    return str(value)
