"""The document frame: facts a report states once and its figures share.

A news report names its crisis country, its host country, the start of the
events it counts and its main source once or twice, then gives figures whose
sentences leave some of that open ("وصل 7 آلاف شخص أمس" in a story about
Russians entering Kazakhstan). The frame is read in one pass over the figures
the sentences produced: what they state (not what a default guessed) is
counted, and a figure whose sentence leaves a role or its source open takes the frame's value, with a lower confidence and a rule id
that names it (`frame.origin`, `frame.destination`, `frame.period_start`,
`frame.source`, `frame.nationality`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from marsad.figure import Figure

HOSTING = {"arrived", "asylum", "hosted", "waiting"}
CROSSING = HOSTING | {"fled"}
SPANS = ("period.last_n", "period.first_n", "period.ago")  # "in the last 11 days": a span, not a start the report counts from
FRAME_CONFIDENCE = 0.8  # a field taken from the frame is less sure than one the sentence states


@dataclass
class Frame:
    crisis: str | None = None       # the country people leave (the most stated origin)
    host: str | None = None         # the country they reach (the most stated destination of arrivals)
    home: str | None = None         # the stated country of people displaced inside it or returning to it
    returned_from: str | None = None  # where returnees come back from
    source: tuple[str, str] | None = None  # the document's main source (text, type)
    count_start: date | None = None  # the day the document's cumulative counts start from
    report: tuple[date, date] | None = None  # the span a report the text names covers
    count_event: str | None = None  # the event (EVENT.war, ...) count_start is the date of, if it is one


def _top(counts: Counter, exclude: Iterable[str | None] = ()) -> str | None:
    skip = set(exclude)
    return next((k for k, _ in counts.most_common() if k not in skip), None)


def _dominant(counts: Counter, exclude: Iterable[str | None] = ()) -> str | None:
    """The country named more than once and at least twice as often as any
    other (one story's other country, not one of several hosts or a passing mention)."""
    ranked = [(k, n) for k, n in counts.most_common() if k not in set(exclude)]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _stated(fig: Figure, name: str) -> bool:
    """Whether the sentence itself set the field (not a default or the frame)."""
    return getattr(fig, name) is not None and not any(r.startswith(f"frame.{name}") for r in fig.rule)


def _count_start(figures: list[Figure], crisis_start: date | None) -> date | None:
    """The start the document's totals count from: the day of the event the text
    dates ("the war that broke out on 15 April"), else the start its sentences
    give most often after "since"."""
    if crisis_start is not None:
        return crisis_start
    starts = Counter(f.period_start for f in figures if f.kind == "total" and f.period_start
                     and any(r.endswith(":since") and not r.startswith(SPANS) for r in f.rule))
    return date.fromisoformat(starts.most_common(1)[0][0]) if starts else None


def build_frame(figures: list[Figure], mentioned: Counter, crisis_start: date | None = None,
                report: tuple[date, date] | None = None, stated_source: tuple[str, str] | None = None) -> Frame:
    """The frame of one document from the figures its sentences gave, the
    countries it names (`mentioned`, for documents whose figures name none) and
    the main source its statements name (`stated_source`, stages/source.py)."""
    origins, hosts, homes, back_from = Counter(), Counter(), Counter(), Counter()
    for f in figures:
        if f.movement == "displaced" and _stated(f, "origin"):
            homes[f.origin] += 1
        elif f.movement == "returned":
            if _stated(f, "destination"):
                homes[f.destination] += 1
            if _stated(f, "origin") and f.origin != f.destination:
                back_from[f.origin] += 1
        else:
            if _stated(f, "origin") and f.origin != f.destination:
                origins[f.origin] += 1
            if f.movement in CROSSING and _stated(f, "destination") and f.destination != f.origin:
                hosts[f.destination] += 1
    crisis = _top(origins) or _top(homes)
    host = _top(hosts, exclude=[crisis])
    if crisis is None and host is None:
        # no figure names a country: the one the document names most is where
        # arrivals arrive and where the displaced are (the roles follow each figure's movement)
        crisis = host = _top(mentioned)
    elif host is None:
        host = _top(mentioned, exclude=[crisis])
    source = stated_source  # read from the document's statements (stages/source.py main_source)
    home = _top(homes)
    returned_from = _top(back_from) or (_dominant(mentioned, exclude=[home]) if home and any(
        f.movement == "returned" for f in figures) else None)
    return Frame(crisis=crisis, host=host, home=home, returned_from=returned_from,
                 source=source, count_start=_count_start(figures, crisis_start), report=report)


def apply_frame(frame: Frame, figures: list[Figure]) -> None:
    """Fill what each figure's sentence left open from the frame."""
    for f in figures:
        before = len(f.rule)
        _fill_roles(frame, f)
        _fill_source(frame, f)
        _fill_count_start(frame, f)
        _fill_report_end(frame, f)
        if len(f.rule) > before:
            f.confidence = min(f.confidence, FRAME_CONFIDENCE)


def _set(f: Figure, name: str, value: object, rule: str) -> None:
    setattr(f, name, value)
    f.rule.append(rule)


def _nationals_entering_return(frame: Frame, f: Figure) -> None:
    """ANNOTATION.md: nationals entering their own country returned, whatever
    the verb ("Syrians crossed into Syria from Lebanon"); others arrived."""
    if f.movement != "arrived" or f.nationality is None or f.destination != f.nationality:
        return
    if f.destination_place and not any(r.endswith(":via") for r in f.rule):
        return  # a town they reach ("arriving in Goris") leaves the text's own verb; a crossing does not
    if not any(r.endswith((":to", ":object", ":in", ":via")) and ".PLACE" in r for r in f.rule):
        return  # only a destination the sentence names ("into Syria"), not "the country" or a default
    f.movement = "returned"
    f.rule.append("frame.nationals_entering_returned")
    if f.origin == f.nationality and "default.origin_from_nationality" in f.rule:
        f.origin = None
        f.rule.remove("default.origin_from_nationality")
    back_from = frame.returned_from or (frame.crisis if frame.crisis != f.destination else None)
    if f.origin is None and back_from:
        _set(f, "origin", back_from, "frame.origin")


def _nationals_leaving_return(frame: Frame, f: Figure) -> None:
    """In a report of returns home ("Syrians returning from Lebanon"), nationals who
    leave the host ("500,000 Syrians left Lebanon") returned to their country."""
    if f.movement != "departed" or f.nationality is None or f.nationality != frame.home \
            or f.origin in (None, f.nationality) or f.destination not in (None, f.nationality):
        return
    f.movement = "returned"
    f.rule.append("frame.nationals_leaving_returned")
    if f.destination is None:
        _set(f, "destination", f.nationality, "frame.destination")


def _fill_roles(frame: Frame, f: Figure) -> None:
    _nationals_entering_return(frame, f)
    if f.movement == "displaced":
        home = frame.home or frame.crisis
        if f.origin is None and f.destination is None and home:
            _set(f, "origin", home, "frame.origin")
            if f.destination_place is None:
                _set(f, "destination", home, "frame.destination")
    elif f.movement == "returned":
        if f.destination is None and frame.home and f.nationality in (None, frame.home):
            _set(f, "destination", frame.home, "frame.destination")
        abroad = any(r.endswith(":from-abroad") for r in f.rule)  # "aus dem Ausland": from anywhere, no one origin
        if f.origin is None and not abroad and frame.returned_from and frame.returned_from != f.destination:
            _set(f, "origin", frame.returned_from, "frame.origin")
    elif f.movement == "departed" and f.origin is None and frame.host and frame.host != f.destination:
        _set(f, "origin", frame.host, "frame.origin")  # in a report of arrivals in X, those who "left" left X
    elif f.movement in ("fled", "evacuated") and f.origin is None and f.destination is None \
            and f.destination_place is None and frame.crisis and frame.crisis == frame.host:
        # a report whose people move inside one country ("800,000 have fled Rafah"): within it, its nationals
        _set(f, "origin", frame.crisis, "frame.origin:within")
        _set(f, "destination", frame.crisis, "frame.destination:within")
        if f.nationality is None and f.group in (None, "people", "households"):
            _set(f, "nationality", frame.crisis, "frame.nationality")
    elif f.movement in CROSSING | {"evacuated"}:
        if f.origin is None and frame.crisis and frame.crisis not in (f.destination, frame.host) \
                and (f.nationality in (None, frame.crisis)):
            _set(f, "origin", frame.crisis, "frame.origin")
        if f.movement in HOSTING and f.destination is None and _open_place(f.destination_place) \
                and frame.host and frame.host not in (f.origin, f.nationality):
            _set(f, "destination", frame.host, "frame.destination")
    _nationals_leaving_return(frame, f)
    if f.group == "displaced people" and f.movement in HOSTING and f.origin is None and f.destination:
        _set(f, "origin", f.destination, "frame.origin:displaced_within")  # displaced people arriving move inside
    within = f.origin is not None and f.origin == f.destination and (
        f.group == "displaced people" or f.movement == "evacuated")  # evacuated inside their country
    home = f.origin if f.movement == "displaced" or within else f.destination if f.movement == "returned" else None
    if f.nationality is None and home and f.group in (None, "people", "households", "displaced people", "returnees"):
        _set(f, "nationality", home, "frame.nationality")  # displaced in, or returning to, their own country


def _open_place(place: str | None) -> bool:
    """No place, or one in no country ("across the English Channel", "in the Mediterranean"):
    the country is still open; several countries or "neighbouring countries" close it."""
    return place is None or (place != "neighbouring countries" and ";" not in place)


def _fill_source(frame: Frame, f: Figure) -> None:
    if frame.source is None:
        return
    if f.source is None:
        f.source, f.source_type = frame.source
        f.rule.append("frame.source")
    elif f.source_type in ("other", "unknown"):
        f.source_type = frame.source[1]  # a person the lexicon does not know speaks for the report's source
        f.rule.append("frame.source_type")


def _fill_count_start(frame: Frame, f: Figure) -> None:
    """A total whose sentence gives no start counts from the document's start
    ("Poland has received 1.43 million people" in a report of arrivals since the invasion)."""
    if f.kind != "total" or f.period_start is not None or frame.count_start is None \
            or "period.unresolved_span" in f.rule or any(
                r.startswith("period.since_undated:") and frame.count_event not in (None, r.split(":", 1)[1])
                for r in f.rule):  # "since the mobilisation" (never dated) is not "since the war" (dated)
        return
    if f.period_end is not None and date.fromisoformat(f.period_end) < frame.count_start:
        return
    _set(f, "period_start", frame.count_start.isoformat(), "frame.period_start")


def _fill_report_end(frame: Frame, f: Figure) -> None:
    """A figure whose sentence gives no end holds on the last day of the report the
    text names ("a report on 1-30 November"), not on the day the text was published."""
    if frame.report is None or f.period_end is None or not any(
            r in ("period.end_published", "period.end_statement") for r in f.rule):
        return
    end = frame.report[1]
    if end < date.fromisoformat(f.period_end) and (f.period_start is None or date.fromisoformat(f.period_start) <= end):
        _set(f, "period_end", end.isoformat(), "frame.period_end:report")
