"""The watch's routes: sources' status and the alerts (read-only, like the other reads)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query

from marsad.api.guard import MAX_ID
from marsad.store import Store


def add_watch_routes(app: FastAPI, store: Store) -> None:
    from marsad.watch.alerts import list_alerts
    from marsad.watch.deliver import alert_json
    from marsad.watch.report import STATUS_FIELDS
    from marsad.watch.state import WatchState

    @app.get("/api/watch", summary="Watched sources: last poll and answer, last new article, errors, figures this week")
    def watch_status() -> dict[str, Any]:
        rows = WatchState(store).status()
        return {"items": [alert_json({k: r.get(k) for k in STATUS_FIELDS}) for r in rows]}

    @app.get("/api/alerts", summary="Alerts raised by marsad watch, newest first, with their figures and deliveries")
    def get_alerts(limit: int = Query(50, ge=1, le=500),
                   offset: int = Query(0, ge=0, le=MAX_ID)) -> dict[str, Any]:
        rows = list_alerts(store, limit + 1, offset)
        return {"items": [alert_json(r) for r in rows[:limit]], "next": offset + limit if len(rows) > limit else None}
