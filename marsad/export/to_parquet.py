"""Apache Parquet (pyarrow), with typed columns."""

from __future__ import annotations

from typing import Any, BinaryIO

from marsad.export import exporter
from marsad.export.to_tabular import columns

INTEGERS = {"id", "document_id", "value", "low", "high", "independent_origins"}


@exporter("parquet")
def write_parquet(rows: list[dict[str, Any]], what: str, out: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(what)
    data = {n: [parquet_cell(r.get(n), n) for r in rows] for n in schema.names}
    pq.write_table(pa.table(data, schema=schema), out)


def arrow_schema(what: str) -> Any:
    """The typed columns of an export (the Spark job writes the same)."""
    import pyarrow as pa

    return pa.schema([pa.field(n, pa.int64() if n in INTEGERS else pa.bool_() if n == "conflict" else pa.string())
                      for n in columns(what)])


def parquet_cell(value: Any, name: str) -> Any:
    """A value as its Parquet column holds it."""
    if value is None or name in INTEGERS or name == "conflict":
        return value
    return str(value)
