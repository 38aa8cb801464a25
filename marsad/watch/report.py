"""`marsad watch --status` and `marsad alerts` on a terminal or as JSON lines."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from marsad.watch.deliver import alert_json


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "never"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def print_status(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            print(json.dumps(alert_json({k: row.get(k) for k in STATUS_FIELDS}), ensure_ascii=False))
        return
    from marsad.terminal import print_table

    def cells(r: dict[str, Any]) -> list[str]:
        problem = f"\n{r['last_error']}" if r.get("last_error") else ""
        return [r["name"], f"{_when(r.get('last_poll_at'))}\n{r.get('last_status') or '-'}",
                _when(r.get("last_new_at")), f"{r.get('errors') or 0} in a row{problem}",
                f"{r['figures_week']}\n{_count(r['new_week'], 'new article')}", _when(r.get("next_poll_at"))]

    print_table(_count(len(rows), "watched source"), [("source", "text"), ("last poll", "number"),
                ("last new article", "number"), ("errors", "wide"), ("figures this week", "number"),
                ("next poll", "number")], map(cells, rows))


STATUS_FIELDS = ("name", "url", "last_poll_at", "last_status", "last_error", "errors", "next_poll_at", "last_new_at",
                 "polls_week", "new_week", "figures_week", "errors_week")


def print_alerts(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            print(json.dumps(alert_json(row), ensure_ascii=False))
        return
    from marsad.terminal import print_table

    def cells(r: dict[str, Any]) -> list[str]:
        sent = ", ".join(f"{d['channel']} {d['status']}" for d in r["deliveries"]) or "-"
        return [str(r["id"]), _when(r["created_at"]), f"{r['rule']}\n[{r['kind']}]", r["message"],
                " ".join(f"#{i}" for i in r["figures"][:12]), sent]

    print_table(_count(len(rows), "alert"), [("id", "number"), ("when", "number"), ("rule", "text"), ("alert", "wide"),
                ("figures", "text"), ("delivered", "text")], map(cells, rows))
