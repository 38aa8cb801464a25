"""`marsad watch`: poll each source on its interval, ingest what is new, run
the alert rules, deliver the alerts. Everything it knows is in the store, so a
watch stopped at any moment (even SIGKILL) and started again goes on where it
was: sources are polled when their next poll is due, URLs already fetched are
not fetched again, alerts already fired do not fire again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.ingest.limits import Limits
from marsad.store import Store
from marsad.watch.alerts import evaluate
from marsad.watch.config import SourceSpec, WatchConfig
from marsad.watch.deliver import deliver_pending
from marsad.watch.fetch import Fetcher
from marsad.watch.poll import poll_source
from marsad.watch.state import Poll, WatchState, now

IDLE_STEP = 30.0  # seconds slept at most between two looks at the schedule


@dataclass
class Round:
    """What one round of polls did."""

    polls: list[Poll] = field(default_factory=list)
    alerts: list[int] = field(default_factory=list)
    delivered: int = 0
    undelivered: int = 0

    def line(self) -> str:
        new = sum(p.new for p in self.polls)
        errors = sum(p.status == "error" for p in self.polls)
        unchanged = sum(p.status == "304" for p in self.polls)
        return (f"watch: {len(self.polls)} sources polled ({unchanged} unchanged, {errors} failed); "
                f"documents: {new} new, {sum(p.seen for p in self.polls)} seen, "
                f"{sum(p.failed for p in self.polls)} failed; figures: {sum(p.figures for p in self.polls)}; "
                f"alerts: {len(self.alerts)} new, {self.delivered} delivered, {self.undelivered} not delivered")


class Watcher:
    def __init__(self, config: WatchConfig, store: Store, fetcher: Fetcher | None = None,
                 limits: Limits | None = None) -> None:
        """`limits`: the readers' limits of `marsad ingest` (settings max_bytes, max_text_chars …)."""
        self.config, self.store, self.limits = config, store, limits or Limits()
        self.fetcher = fetcher or Fetcher(config.timeout, config.retries, config.host_delay,
                                          max_bytes=self.limits.max_bytes)
        self.state = WatchState(store)
        evaluate(store, config)  # a rule's first run marks what the store holds already

    def close(self) -> None:
        self.fetcher.close()

    def round(self, sources: list[SourceSpec] | None = None) -> Round:
        """Poll the given sources (default: every one) once, then alerts and deliveries."""
        done = Round()
        for spec in self.config.sources if sources is None else sources:
            done.polls.append(poll_source(spec, self.config, self.fetcher, self.store, self.limits))
        done.alerts = evaluate(self.store, self.config)
        done.delivered, done.undelivered = deliver_pending(self.store, self.config, self.config.timeout)
        return done

    def due(self) -> list[SourceSpec]:
        """Sources never polled or whose next poll has come, the longest waiting first."""
        at = now()
        waiting = []
        for spec in self.config.sources:
            known = self.state.source(spec.name)
            nxt = known["next_poll_at"] if known else None
            if nxt is None or nxt <= at:
                waiting.append((nxt or at, spec))
        return [spec for _, spec in sorted(waiting, key=lambda w: w[0])]

    def seconds_to_next(self) -> float:
        at = now()
        times = [(k["next_poll_at"] - at).total_seconds() if k and k["next_poll_at"] else 0.0
                 for k in map(self.state.source, (s.name for s in self.config.sources))]
        return max(min(times, default=IDLE_STEP), 0.0)

    def run(self, stop: threading.Event, report: Callable[[Round], None] = lambda r: None) -> None:
        """Poll due sources until `stop` is set; a pending delivery is retried even when nothing is due."""
        while not stop.is_set():
            due = self.due()
            if due:
                report(self.round(due))
            else:
                deliver_pending(self.store, self.config, self.config.timeout)
            stop.wait(min(self.seconds_to_next(), IDLE_STEP))
