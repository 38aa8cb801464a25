"""Alert rules over the flows of `marsad.flows`, each firing once per change.

Rules (the `[[alert]]` entries of the sources file), each optionally limited
to a country (origin, destination or nationality), a movement and a kind:

- new_flow: a flow (movement, origin, destination, nationality) appears;
- new_conflict: two clusters of one series and one day that cannot both be
  true (`marsad.flows.in_conflict`) appear;
- threshold: a point of a series (a cluster: the same figure from many
  outlets is one point) is at or above `above`;
- jump: a point of a total or rate series is at least `factor` times the
  point before it in the same series.

Every change a rule sees has an identity (rule, flow, series, day, …) kept in
`alert_marks`: an alert is stored only for an identity not seen before, so a
change fires once, not once per poll. A rule's first run marks what the store
already holds without firing (a new rule does not flood the desk with history);
after that only flows that got new figures are looked at (`watch_meta` keeps
the last figure id evaluated). Each alert is stored with the figures behind it
and queued for the configured webhook and email (`marsad.watch.deliver`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select, update

from marsad.flows import Cluster, Flow, Series, build_flows
from marsad.store import Store
from marsad.store.schema import alert_deliveries, alert_marks, alerts, figures, watch_meta
from marsad.watch.config import AlertRule, WatchConfig
from marsad.watch.state import now

CURSOR = "alerts.figure_id"


@dataclass
class Change:
    """What a rule saw: its identity, the alert text and the figures behind it."""

    identity: tuple[Any, ...]
    message: str
    flow: Flow
    figures: list[int]
    value: int | None = None
    previous: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.identity, default=str).encode("utf-8")).hexdigest()


def evaluate(store: Store, config: WatchConfig) -> list[int]:
    """Run the rules: first runs mark what is there, then new figures' flows fire. Returns new alert ids."""
    if not config.alerts:
        return []
    top = _max_figure(store)
    meta = _meta(store)
    fresh = [r for r in config.alerts if _rule_id(r) not in meta]
    fired: list[int] = []
    if fresh:
        for flow in build_flows(store.flow_rows()):
            for rule in fresh:
                _record(store, config, rule, flow, fire=False)
    cursor = int(meta.get(CURSOR, top))
    old = [r for r in config.alerts if _rule_id(r) in meta]
    if old and top > cursor:
        for flow in _touched_flows(store, cursor, top):
            for rule in old:
                fired.extend(_record(store, config, rule, flow, fire=True))
    _set_meta(store, {CURSOR: str(top), **{_rule_id(r): "1" for r in fresh}})
    return fired


def _rule_id(rule: AlertRule) -> str:
    body = json.dumps([rule.rule, rule.country, rule.movement, rule.kind, rule.above, rule.factor, rule.name])
    return "rule." + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def _record(store: Store, config: WatchConfig, rule: AlertRule, flow: Flow, fire: bool) -> list[int]:
    if not _matches(rule, flow):
        return []
    out = []
    for change in CHANGES[rule.rule](rule, flow):
        alert_id = _store_change(store, config, rule, change, fire)
        if alert_id is not None:
            out.append(alert_id)
    return out


def _matches(rule: AlertRule, flow: Flow) -> bool:
    return ((rule.movement is None or flow.movement == rule.movement)
            and (rule.country is None or rule.country in (flow.origin, flow.destination, flow.nationality)))


def _name(flow: Flow) -> str:
    nationality = f" ({flow.nationality})" if flow.nationality else ""
    return f"{flow.movement or '?'} {flow.origin or '?'} → {flow.destination or '?'}{nationality}"


def _flow_key(flow: Flow) -> list[str | None]:
    return [flow.movement, flow.origin, flow.destination, flow.nationality]


def _series_of(rule: AlertRule, flow: Flow, kinds: tuple[str, ...]) -> Iterator[Series]:
    for s in flow.series:
        if s.kind in kinds and (rule.kind is None or s.kind == rule.kind):
            yield s


def _amount(c: Cluster) -> int | None:
    rep = c.representative
    return next((v for v in (rep.value, rep.low, rep.high) if v is not None), None)


def _skey(s: Series) -> list[Any]:
    return [s.kind, s.unit, s.per, s.window, s.since, s.place, s.part]


def _point(c: Cluster) -> dict[str, Any]:
    d = c.as_dict()
    return {k: d[k] for k in ("value", "low", "high", "qualifier", "period_start", "period_end", "independent_origins",
                              "outlets", "sources", "evidence", "figures")}


def new_flow(rule: AlertRule, flow: Flow) -> Iterator[Change]:
    ids = sorted(f.id for f in flow.figures())
    yield Change([rule.rule, _flow_key(flow)], f"new flow: {_name(flow)}", flow, ids[:50],
                 details={"summary": {k: v for k, v in flow.summary().items() if k in
                                      ("first_report", "last_report", "independent_sources", "figures")}})


def new_conflict(rule: AlertRule, flow: Flow) -> Iterator[Change]:
    for s in _series_of(rule, flow, ("total", "rate", "stock")):
        for a, b in s.conflicts:
            sides = sorted((a, b), key=lambda c: min(f.id for f in c.figures))
            day = a.representative.period_end
            ident = [rule.rule, _flow_key(flow), _skey(s), day, [min(f.id for f in c.figures) for c in sides]]
            va, vb = (_amount(c) for c in sides)
            yield Change(ident, f"new conflict: {_name(flow)} on {day}: {va:,} vs {vb:,} ({s.kind})", flow,
                         [f.id for c in sides for f in c.figures], va, vb,
                         {"series": _skey(s), "day": day, "sides": [_point(c) for c in sides]})


def threshold(rule: AlertRule, flow: Flow) -> Iterator[Change]:
    for s in _series_of(rule, flow, ("total", "rate", "stock")):
        for c in s.clusters:
            amount = _amount(c)
            day = c.representative.period_end or c.representative.published
            if amount is None or amount < (rule.above or 0):
                continue
            yield Change([rule.rule, rule.name, _flow_key(flow), _skey(s), day], f"{_name(flow)}: {amount:,} "
                         f"({s.kind}{'/' + s.per if s.per else ''}) on {day}, at or above {rule.above:,}", flow,
                         [f.id for f in c.figures], amount, None,
                         {"series": _skey(s), "day": day, "above": rule.above, "point": _point(c)})


def jump(rule: AlertRule, flow: Flow) -> Iterator[Change]:
    for s in _series_of(rule, flow, ("total", "rate")):
        dated = sorted((c for c in s.clusters if c.representative.period_end and _amount(c)),
                       key=lambda c: c.representative.period_end)  # type: ignore[arg-type,return-value]
        for before, after in itertools.pairwise(dated):
            old, new = _amount(before) or 0, _amount(after) or 0
            if before.representative.period_end == after.representative.period_end or new < (rule.factor or 0) * old:
                continue
            day = after.representative.period_end
            yield Change([rule.rule, rule.name, _flow_key(flow), _skey(s), day, before.representative.period_end],
                         f"{_name(flow)}: {new:,} on {day}, {new / old:.1f}× the {old:,} of "
                         f"{before.representative.period_end} ({s.kind}{'/' + s.per if s.per else ''})", flow,
                         [f.id for f in before.figures + after.figures], new, old,
                         {"series": _skey(s), "day": day, "before_day": before.representative.period_end,
                          "factor": rule.factor, "before": _point(before), "after": _point(after)})


CHANGES = {"new_flow": new_flow, "new_conflict": new_conflict, "threshold": threshold, "jump": jump}


def _store_change(store: Store, config: WatchConfig, rule: AlertRule, change: Change, fire: bool) -> int | None:
    """The alert and its mark in one transaction; None when the change was seen before (or not firing)."""
    with store.engine.begin() as conn:
        if conn.execute(select(alert_marks.c.id).where(alert_marks.c.key == change.key)).first():
            return None
        alert_id = None
        if fire:
            flow = change.flow
            alert_id = conn.execute(insert(alerts).values(
                rule=rule.name, kind=rule.rule, message=change.message, movement=flow.movement, origin=flow.origin,
                destination=flow.destination, nationality=flow.nationality, value=change.value,
                previous=change.previous, figures=change.figures, details=change.details,
                created_at=now())).inserted_primary_key[0]
            for channel, target in _targets(config):
                conn.execute(insert(alert_deliveries).values(alert_id=alert_id, channel=channel, target=target,
                                                             status="pending", attempts=0, next_at=now()))
        conn.execute(insert(alert_marks).values(key=change.key, alert_id=alert_id, at=now()))
        return alert_id


def _targets(config: WatchConfig) -> list[tuple[str, str]]:
    out = []
    if config.webhook:
        out.append(("webhook", config.webhook.url))
    if config.email:
        out.append(("email", ", ".join(config.email.to)))
    return out


def _touched_flows(store: Store, after: int, top: int) -> Iterator[Flow]:
    """The flows of the figures stored after figure `after` (up to `top`), each built in full."""
    q = (select(figures.c.movement, figures.c.origin, figures.c.destination, figures.c.nationality).distinct()
         .where(figures.c.id > after, figures.c.id <= top, figures.c.active))
    with store.engine.connect() as conn:
        keys = [dict(r) for r in conn.execute(q).mappings()]
    for key in keys:
        yield from build_flows(store.flow_rows(where=key))


def _max_figure(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(figures.c.id), 0))).scalar_one())


def _meta(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {r.key: r.value for r in conn.execute(select(watch_meta))}


def _set_meta(store: Store, values: dict[str, str]) -> None:
    with store.engine.begin() as conn:
        for key, value in values.items():
            if not conn.execute(update(watch_meta).where(watch_meta.c.key == key).values(value=value)).rowcount:
                conn.execute(insert(watch_meta).values(key=key, value=value))


def list_alerts(store: Store, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Stored alerts, newest first, each with its deliveries."""
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(alerts).order_by(alerts.c.id.desc()).limit(limit)
                                              .offset(offset)).mappings()]
        ids = [r["id"] for r in rows]
        sent: dict[int, list[dict[str, Any]]] = {}
        if ids:
            for d in conn.execute(select(alert_deliveries).where(alert_deliveries.c.alert_id.in_(ids))
                                  .order_by(alert_deliveries.c.id)).mappings():
                sent.setdefault(d["alert_id"], []).append(
                    {k: d[k] for k in ("channel", "target", "status", "attempts", "last_error", "sent_at")})
    for row in rows:
        row["deliveries"] = sent.get(row["id"], [])
    return rows
