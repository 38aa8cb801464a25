"""Language resources: one folder per language, data files only.

A folder holds `language.yaml` (settings), any number of concept files
(`*.yaml`: concept id -> surface forms), `numbers.yaml` (number words),
`places.tsv` (gazetteer) and `demonyms.tsv`. Everything is compiled once, on
first use, into a :class:`~marsad.lexicon.Lexicon`.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).parent


def available_languages() -> list[str]:
    """Codes of the language folders that ship a `language.yaml`."""
    return list(_discover())


@lru_cache(maxsize=1)
def _discover() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if (p / "language.yaml").is_file()))


def unread_line(counts: dict[str, int]) -> str:
    """"no extractor for 'so': 3 documents, 'am': 1 document": what was stored or skipped unread."""
    parts = [f"{code!r}: {n} document{'s' if n != 1 else ''}" for code, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    return "no extractor for " + ", ".join(parts)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a data TSV (header line, `#` comment lines skipped); [] when absent."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
