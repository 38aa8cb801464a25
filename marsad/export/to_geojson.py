"""GeoJSON: a line from origin to destination country (a point where only
one end is known), with the figure or flow as properties."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from marsad.export import ExportRun, exporter
from marsad.geo import country_point


def _geometry(row: dict[str, Any]) -> dict[str, Any] | None:
    a, b = country_point(row.get("origin")), country_point(row.get("destination"))
    if a and b and a != b:
        return {"type": "LineString", "coordinates": [list(a), list(b)]}
    point = b or a
    return {"type": "Point", "coordinates": list(point)} if point else None


@exporter("geojson")
def write_geojson(rows: list[dict[str, Any]], run: ExportRun, out: BinaryIO) -> None:
    features = [{"type": "Feature", "geometry": _geometry(row),
                 "properties": {k: v for k, v in row.items() if k != "evidence" or run.what == "figures"}}
                for row in rows]
    collection = {"type": "FeatureCollection", "features": features}
    out.write(json.dumps(collection, ensure_ascii=False, default=str).encode("utf-8"))
