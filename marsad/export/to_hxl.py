"""HXL: CSV with a hashtag row, the tags analysts on HDX expect.

Counts go in numeric columns by what they count: #affected+refugees,
+idps (displaced within their country), +displaced, +returnees, each +ind
(people) or +hh (households); vehicles in #indicator+vehicles+num. The
`latest` table (one row per flow) tags each latest value by what it is:
#affected+total+num, #affected+rate+daily+num, #affected+stock+num, with
their bounds, qualifier, date and sources.
"""

from __future__ import annotations

import csv
from typing import Any, BinaryIO

from marsad.export import ExportRun, exporter, neutralise
from marsad.export.to_tabular import text_stream

COUNTS = [("refugees_ind", "#affected+refugees+ind"), ("idps_ind", "#affected+idps+ind"),
          ("displaced_ind", "#affected+displaced+ind"), ("returnees_ind", "#affected+returnees+ind"),
          ("refugees_hh", "#affected+refugees+hh"), ("idps_hh", "#affected+idps+hh"),
          ("displaced_hh", "#affected+displaced+hh"), ("returnees_hh", "#affected+returnees+hh"),
          ("vehicles", "#indicator+vehicles+num")]
CONTEXT = [("min", "#affected+min+num"), ("max", "#affected+max+num"),
           ("origin", "#country+code+origin"), ("origin_name", "#country+name+origin"),
           ("destination", "#country+code+dest"), ("destination_name", "#country+name+dest"),
           ("nationality", "#country+code+nationality"), ("nationality_name", "#country+name+nationality"), ("movement", "#indicator+movement"),
           ("kind", "#indicator+kind"), ("per", "#indicator+per"), ("qualifier", "#indicator+qualifier"),
           ("period_start", "#date+start"), ("period_end", "#date+end"), ("published", "#date+reported"),
           ("source", "#meta+source"), ("article", "#meta+id"), ("url", "#meta+url"),
           ("evidence", "#description+evidence")]
_PARTS = {"total": "+total", "daily_rate": "+rate+daily", "stock": "+stock"}
LATEST_TAGS = ([("movement", "#indicator+movement")] + CONTEXT[2:8]
               + [(f"{part}{name}", tag.format(a=attrs)) for part, attrs in _PARTS.items() for name, tag in (
                   ("", "#affected{a}+num"), ("_low", "#affected{a}+min+num"), ("_high", "#affected{a}+max+num"),
                   ("_qualifier", "#indicator{a}+qualifier"), ("_unit", "#indicator{a}+unit"), ("_date", "#date{a}"),
                   ("_sources", "#meta{a}+sources+num"), ("_figures", "#meta{a}+figures"))]
               + [("first_report", "#date+reported+first"), ("last_report", "#date+reported+last"),
                  ("independent_sources", "#meta+sources+num"), ("conflicts", "#meta+conflicts+num"),
                  ("figures", "#meta+figures")])


def _column(row: dict[str, Any]) -> str:
    if row.get("unit") == "vehicles":
        return "vehicles"
    movement = row.get("movement")
    internal = movement == "displaced" and row.get("origin") and row.get("origin") == row.get("destination")
    group = ("idps" if internal else "returnees" if movement == "returned" else
             "refugees" if movement in ("fled", "hosted", "asylum") else "displaced")
    return f"{group}_{'hh' if row.get('unit') == 'households' else 'ind'}"


@exporter("hxl")
def write_hxl(rows: list[dict[str, Any]], run: ExportRun, out: BinaryIO) -> None:
    text = text_stream(out, run)
    if run.what == "latest":
        _write_tagged(rows, LATEST_TAGS, csv.writer(text))
    else:
        _write_counts(rows, run.what, csv.writer(text))
    text.detach()


def _write_tagged(rows: list[dict[str, Any]], tags: list[tuple[str, str]], writer: Any) -> None:
    writer.writerow([n for n, _ in tags])
    writer.writerow([tag for _, tag in tags])
    for row in rows:
        writer.writerow(["" if row.get(n) is None else neutralise(row.get(n)) for n, _ in tags])


def _write_counts(rows: list[dict[str, Any]], what: str, writer: Any) -> None:
    names = [n for n, _ in COUNTS + CONTEXT]
    writer.writerow(names)
    writer.writerow([tag for _, tag in COUNTS + CONTEXT])
    for row in rows:
        point = row.get("value") if row.get("value") is not None else row.get("low") if row.get("low") is not None else row.get("high")
        cells = {n: "" for n in names}
        cells[_column(row)] = "" if point is None else int(point)
        cells["min"] = "" if row.get("low") is None else int(row["low"])
        cells["max"] = "" if row.get("high") is None else int(row["high"])
        for name, _ in CONTEXT[2:]:
            if name not in ("min", "max"):
                cells[name] = "" if row.get(name) is None else row.get(name)
        cells["source"] = row.get("source") if what == "figures" else row.get("sources")
        writer.writerow([neutralise(cells[n]) for n in names])
