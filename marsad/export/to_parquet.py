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

    schema = arrow_schema(run.what)
    data = {n: [parquet_cell(r.get(n), n) for r in rows] for n in schema.names}
    pq.write_table(pa.table(data, schema=schema), out)


def arrow_schema(what: str) -> Any:
    """The typed columns of an export (the Spark job writes the same)."""
    import pyarrow as pa

    return pa.schema([pa.field(n, pa.int64() if n in INTEGERS else pa.date32() if n in DATES else
                               pa.bool_() if n in BOOLEANS else pa.string()) for n in COLUMNS[what]])


def parquet_cell(value: Any, name: str) -> Any:
    """A value as its Parquet column holds it."""
    if value is None or name in INTEGERS or name in BOOLEANS:
        return value
    if name in DATES:
        return as_date(value, name)
    return str(value)
