"""Tables for the terminal that fit: numbers and their qualifiers are never
cut (their columns do not wrap), text columns wrap instead, and cell text is
never read as rich markup (a source type such as `[un_agency]` is shown)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

PIPE_WIDTH = 170  # a log or a pipe gets the full table, not 80 columns (unless COLUMNS says)


def number_text(point: dict[str, Any] | Any | None) -> str:
    """A figure's or a latest value's number with its qualifier: '40,000 approx', '10,000–99,999 vague'."""
    if point is None:
        return "-"
    get = point.get if isinstance(point, dict) else lambda name: getattr(point, name, None)
    value, low, high, qualifier = get("value"), get("low"), get("high"), get("qualifier") or "exact"
    if value is not None:
        number = f"{value:,}"
    elif qualifier == "at_least" and low is not None:
        number = f"{low:,}"
    elif qualifier == "at_most" and high is not None:
        number = f"{high:,}"
    else:
        number = f"{low:,}" if low is not None else "…"
        number += "–" + (f"{high:,}" if high is not None else "…")
    unit = get("unit")
    number += f" {unit}" if unit and unit != "people" else ""
    return number if qualifier in ("exact", "range") else f"{number} {qualifier}"


def print_table(title: str, columns: Sequence[tuple[str, str]], rows: Iterable[Sequence[Any]],
                width: int | None = None) -> None:
    """`columns` are (heading, "number" | "text" | "wide"): a number column (numbers, dates)
    is never wrapped or cut, text columns share the rest and wrap; cells are
    plain strings (never markup)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), box=box.SIMPLE_HEAD, padding=(0, 1), collapse_padding=True, show_lines=True)
    for name, kind in columns:
        if kind == "number":
            table.add_column(Text(name), no_wrap=True, overflow="ignore")
        else:  # "text", or "wide" for a column that gets twice the room
            table.add_column(Text(name), overflow="fold", ratio=2 if kind == "wide" else 1)
    for row in rows:
        table.add_row(*(Text("" if cell is None else str(cell)) for cell in row))
    columns_env = os.environ.get("COLUMNS", "")
    width = width or (int(columns_env) if columns_env.isdigit() else None if sys.stdout.isatty() else PIPE_WIDTH)
    console = Console(width=width, highlight=False)
    console.print(table)
