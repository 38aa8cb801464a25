"""HXL: CSV with a hashtag row, the tags analysts on HDX expect.

Counts go in numeric columns by what they count: #affected+refugees,
+idps (displaced within their country), +displaced, +returnees, each +ind
(people) or +hh (households); vehicles in #indicator+vehicles+num.
"""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO

from marsad.export import exporter, neutralise

COUNTS = [("refugees_ind", "#affected+refugees+ind"), ("idps_ind", "#affected+idps+ind"),
          ("displaced_ind", "#affected+displaced+ind"), ("returnees_ind", "#affected+returnees+ind"),
          ("refugees_hh", "#affected+refugees+hh"), ("idps_hh", "#affected+idps+hh"),
          ("displaced_hh", "#affected+displaced+hh"), ("returnees_hh", "#affected+returnees+hh"),
          ("vehicles", "#indicator+vehicles+num")]
CONTEXT = [("min", "#affected+min+num"), ("max", "#affected+max+num"),
           ("origin", "#country+code+origin"), ("destination", "#country+code+dest"),
           ("nationality", "#country+code+nationality"), ("movement", "#indicator+movement"),
           ("kind", "#indicator+kind"), ("per", "#indicator+per"), ("qualifier", "#indicator+qualifier"),
           ("period_start", "#date+start"), ("period_end", "#date+end"), ("published", "#date+reported"),
           ("source", "#meta+source"), ("url", "#meta+url"), ("evidence", "#description+evidence")]


def _column(row: dict[str, Any]) -> str:
    if row.get("unit") == "vehicles":
        return "vehicles"
    movement = row.get("movement")
    internal = movement == "displaced" and row.get("origin") and row.get("origin") == row.get("destination")
    group = ("idps" if internal else "returnees" if movement == "returned" else
             "refugees" if movement in ("fled", "hosted", "asylum") else "displaced")
    return f"{group}_{'hh' if row.get('unit') == 'households' else 'ind'}"


@exporter("hxl")
def write_hxl(rows: list[dict[str, Any]], what: str, out: BinaryIO) -> None:
    names = [n for n, _ in COUNTS + CONTEXT]
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
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
    text.detach()
