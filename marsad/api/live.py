"""Flows kept current for the API: a review decision rebuilds only the flows
and destinations it touches; new or re-extracted figures rebuild everything."""

from __future__ import annotations

from typing import Any

from marsad.flows import FLOW_KEY, Flow, build_flows, by_destination
from marsad.geo import country_anchor
from marsad.store import Store


def brief(point: dict[str, Any] | None) -> dict[str, Any] | None:
    """A latest value as the overview shows it: number, qualifier, date, independent sources."""
    if not point:
        return None
    return {k: point.get(k) for k in ("value", "low", "high", "qualifier", "unit", "period_start", "period_end",
                                      "independent_origins")}


def arrow(flow: Flow) -> dict[str, Any] | None:
    """A map arrow for a flow between two known countries, sized by its latest
    total or stock; it runs from capital to capital where they are known, else
    from or to the country's centre (`from_kind`, `to_kind` say which)."""
    s = flow.summary()
    a, b = country_anchor(flow.origin), country_anchor(flow.destination)
    point = s["latest_total"] or s["latest_stock"]
    if not (a and b and a[0] != b[0] and point):
        return None
    return {"origin": flow.origin, "destination": flow.destination, "movement": flow.movement,
            "nationality": flow.nationality, "volume": point["value"] or point["high"] or point["low"],
            "from": a[0], "to": b[0], "from_kind": a[1], "to_kind": b[1],
            "latest_total": brief(s["latest_total"]), "latest_daily_rate": brief(s["latest_daily_rate"]),
            "latest_stock": brief(s["latest_stock"]), "sources": s["independent_sources"],
            "conflicts": s["conflicts"]}


def destination(flow: Flow) -> dict[str, Any] | None:
    """A destination's latest total, daily rate and stock."""
    if not flow.destination:
        return None
    s = flow.summary()
    anchor = country_anchor(flow.destination)
    return {"destination": flow.destination, "movement": flow.movement, "latest_total": brief(s["latest_total"]),
            "latest_daily_rate": brief(s["latest_daily_rate"]), "latest_stock": brief(s["latest_stock"]),
            "sources": s["independent_sources"], "point": anchor[0] if anchor else None}


class LiveFlows:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.state: tuple | None = None
        self.flows: dict[tuple, Flow] = {}
        self.destinations: dict[tuple, Flow] = {}
        self.arrows: dict[tuple, dict[str, Any] | None] = {}  # summaries, kept per flow
        self.dest_rows: dict[tuple, dict[str, Any] | None] = {}

    def refresh(self, state: tuple | None = None) -> bool:
        """Bring flows up to the store (at `state`, read here when not given); True when anything changed."""
        state = state if state is not None else self.store.state()
        if state == self.state:
            return False
        if self.state is None or state[0] != self.state[0]:
            rows = list(self.store.flow_rows())
            self.flows = {_key(f): f for f in build_flows(iter(rows))}
            self.destinations = {(f.destination, f.movement): f for f in by_destination(rows)}
            self.arrows = {k: arrow(f) for k, f in self.flows.items()}
            self.dest_rows = {k: destination(f) for k, f in self.destinations.items()}
        else:
            for key in self.store.reviewed_since(self.state[1]):
                self._rebuild(tuple(key[name] for name in FLOW_KEY))
        self.state = state
        return True

    def _rebuild(self, key: tuple) -> None:
        rebuilt = list(build_flows(self.store.flow_rows(where=dict(zip(FLOW_KEY, key)))))
        self.flows.pop(key, None)
        self.arrows.pop(key, None)
        for flow in rebuilt:
            self.flows[_key(flow)] = flow
            self.arrows[_key(flow)] = arrow(flow)
        movement, dest = key[0], key[2]
        rows = list(self.store.flow_rows(where={"movement": movement, "destination": dest}))
        self.destinations.pop((dest, movement), None)
        self.dest_rows.pop((dest, movement), None)
        for flow in by_destination(rows):
            self.destinations[(flow.destination, flow.movement)] = flow
            self.dest_rows[(flow.destination, flow.movement)] = destination(flow)


def _key(flow: Flow) -> tuple:
    return tuple(getattr(flow, name) for name in FLOW_KEY)
