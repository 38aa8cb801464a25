"""Fetch the dashboard's front-end libraries from the npm registry into
marsad/api/static/vendor/, with their licences, so the dashboard and /docs
work offline (nothing is loaded from a CDN at run time).

    python scripts/vendor_js.py          # needs `npm` (it runs `npm pack`)

Each package is pinned below with the files taken from it; the script checks
the tarball's integrity (npm does) and writes VERSIONS.txt beside the files.
Run it again after changing a pin and commit what it writes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "marsad" / "api" / "static" / "vendor"
PACKAGES = {
    # name@version: (folder, files inside the package)
    "d3@7.9.2": ("d3", ["dist/d3.min.js", "LICENSE"]),  # d3-geo for the map, d3-scale/format under Plot
    "@observablehq/plot@0.6.17": ("plot", ["dist/plot.umd.min.js", "LICENSE"]),  # the time-series charts
    "swagger-ui-dist@5.35.0": ("swagger-ui", ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"]),
}


def fetch(spec: str, folder: str, files: list[str], work: Path) -> None:
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True, text=True)
    tarball = work / out.stdout.strip().splitlines()[-1]
    target = VENDOR / folder
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        for name in files:
            member = tar.extractfile(f"package/{name}")
            if member is None:
                raise SystemExit(f"{spec} has no {name}")
            (target / Path(name).name).write_bytes(member.read())
    print(f"{spec} -> {target.relative_to(VENDOR.parents[3])}", file=sys.stderr)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for spec, (folder, files) in PACKAGES.items():
            fetch(spec, folder, files, Path(tmp))
    (VENDOR / "VERSIONS.txt").write_text("".join(f"{spec}\n" for spec in PACKAGES), encoding="utf-8")


if __name__ == "__main__":
    main()
