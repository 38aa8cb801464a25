"""The ordered stages of extraction; each figure records the rules that made it.

text -> normalise -> sentences -> lexicon matches -> quantities ->
movement (is it a figure? which kind?) -> places -> period -> source.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from datetime import date, timedelta

from marsad.errors import MarsadError
from marsad.figure import Figure
from marsad.lang import available_languages
from marsad.language import detect_language
from marsad.lexicon import Lexicon, Match, load_lexicon
from marsad.normalize import normalize, safe_text
from marsad.schema import parse_date as schema_date
from marsad.sentence import Sentence
from marsad.stages.frame import apply_frame, build_frame
from marsad.stages.geography import attach_places
from marsad.stages.movement import (BULLETS, Movement, attach_movement, continue_list, elliptic_item, inherit_movement,
                                     is_elliptic, list_item, opens_with_part)
from marsad.stages.parts import mark_parts
from marsad.stages.period import PeriodFinder, TimeExpr
from marsad.stages.reference import reference_date
from marsad.stages.quantities import Quantity, find_quantities
from marsad.stages.source import Source, find_sources, main_source, pick_source
from marsad.tokens import split_sentences, tokenize

log = logging.getLogger("marsad")
_HAS_NUMBER = re.compile(r"\d")
MAX_SENTENCE_CHARS = 2000  # longer runs without punctuation are cut at spaces
CARRY_SENTENCES = 1
SOURCE_DEPTH = 3  # how far back an anaphoric source ("the agency") is looked for  # a source named this many sentences back still speaks
EXTRACTOR_VERSION = "1"


class _Doc:
    """One document: its sentences are tokenised and matched only when a
    stage asks for them, so text without movement costs a probe per sentence."""

    def __init__(self, text: str, norm: str, lex: Lexicon, pub: date | None) -> None:
        self.text, self.norm, self.lex, self.pub = text, norm, lex, pub
        self.spans = _chunks(self.norm, frozenset(lex.settings.get("abbreviations", ())),
                             frozenset(lex.settings.get("ordinal_followers", ())))
        self._sentences: dict[int, Sentence] = {}
        self._sources: dict[int, list[Source]] = {}
        self.starts = [start for start, _ in self.spans]
        self._countries: Counter | None = None
        self._events: dict[str, date] | None = None
        self._report: tuple[date, date] | None = None
        self.last_figure: Figure | None = None
        self.last_figure_at = -10

    def sentence(self, index: int) -> Sentence:
        if index not in self._sentences:
            start, end = self.spans[index]
            tokens = tokenize(self.norm, start, end)
            sent = Sentence(self.lex, start, end, tokens)
            sent.table = self.lex.table(tokens)
            sent.matches = [m for found in sent.table for m in found]
            self._sentences[index] = sent
        return self._sentences[index]

    def sources(self, index: int, depth: int = SOURCE_DEPTH) -> list[Source]:
        """Statements in sentence `index`; anaphors ("وأضافت الوكالة") resolve
        to the source before, looking back at most `depth` sentences deep."""
        if index < 0 or index >= len(self.spans):
            return []
        if index not in self._sources:
            memo: list[Source | None] = []

            def before() -> Source | None:
                if not memo:
                    memo.append(self.source_before(index, depth))
                return memo[0]

            self._sources[index] = find_sources(self.sentence(index), self.text, before)
        return self._sources[index]

    def source_before(self, index: int, depth: int = SOURCE_DEPTH) -> Source | None:
        if depth <= 0:
            return None
        for k in range(index - 1, max(index - 1 - depth, -1), -1):
            found = self.sources(k, depth - 1)
            if found:
                return found[-1]
        return None

    def stated_sources(self) -> list[Source]:
        """The statements of the document that name a speaker (an organisation
        or a country with a statement word; the headline's "UNHCR:"), in text
        order: what the document frame's main source is read from. Sentences
        are found by one pass over the text; only those are tokenised."""
        found = self.lex.concept_offsets(self.norm, ("SAY", "ORG", "COUNTRY"))
        say, named = (self._sentences_at(found["SAY"]), self._sentences_at(found["ORG"] + found["COUNTRY"]))
        headline = {0} & named
        return [s for k in sorted((say & named) | headline) for s in self.sources(k)]

    def _sentences_at(self, offsets: list[int]) -> set[int]:
        return {bisect_right(self.starts, at) - 1 for at in offsets} - {-1}

    @property
    def countries(self) -> Counter:
        """How often each country is named in the whole document."""
        if self._countries is None:
            self._countries = Counter(self.lex.place_counts(self.norm))
        return self._countries

    def event_start(self, concept: str) -> date | None:
        """"منذ بدء الحرب في 24 فبراير", "the earthquake of 6 February": the date
        the text gives an event (EVENT.war, EVENT.earthquake, ...) anywhere."""
        if self._events is None:
            self._events = self._dated_events()
        return self._events.get(concept)

    def crisis_start(self) -> date | None:
        """The date of the war, mobilisation, disaster or order the document counts
        from: one that a "since" clause names ("منذ اندلاع الحرب") and the text dates."""
        if self._events is None:
            self._events = self._dated_events()
        event = self.crisis_event()
        return self._events[event] if event else None

    def crisis_event(self) -> str | None:
        """The event (EVENT.war, EVENT.mobilisation, ...) of `crisis_start`."""
        if self._events is None:
            self._events = self._dated_events()
        named = {_since_event(sent) for sent in self._sentences.values()} - {None}
        dated = sorted((self._events[c], c) for c in named if c in self._events)
        return dated[0][1] if dated else None

    @property
    def war_start(self) -> date | None:
        return self.event_start("EVENT.war")

    def report_period(self) -> tuple[date, date] | None:
        """"تقرير عن الفترة الممتدة من 1 إلى 30 نوفمبر", "the report covering 1-30 November":
        the span a report that the text names covers."""
        if self._events is None:
            self._events = self._dated_events()
        return self._report

    def _dated_events(self) -> dict[str, date]:
        events: dict[str, date] = {}
        found = self.lex.concept_offsets(self.norm, ("EVENT", "REPORT"))  # no tokenising where neither is named
        named_at = sorted(found["EVENT"] + found["REPORT"])
        for k, (start, end) in enumerate(self.spans):
            if k not in self._sentences and not (any(ch.isdigit() for ch in self.norm[start:end])
                                                 and _any_between(named_at, start, end)):
                continue
            sent = self.sentence(k)
            report = self._report is None and bool(sent.having("REPORT"))
            named = [m for m in sent.matches if m.is_("EVENT")]
            if not (report or named) or self.pub is None:
                continue
            found = PeriodFinder(self.lex, sent.tokens, sent.at, self.pub).find()  # one reading for both
            if report:
                spans = [e for e in found if e.rule in REPORT_SPANS and e.start < e.end]
                self._report = (spans[0].start, spans[0].end) if spans else None
            exprs = [e for e in found if e.rule in EVENT_DATES]
            for m in named:
                if m.concept in events:
                    continue
                dated = [e for e in exprs if 0 <= e.i - m.j <= 6] or [e for e in exprs if 0 <= m.i - e.j <= 3]
                day = _day_of_event(sent, m, self.pub)
                if dated:  # "the war that began on 15 April", "أعلن في 21 سبتمبر قرار التعبئة"
                    events[m.concept] = dated[0].start
                elif day is not None:  # "the war, now in its ninth day"
                    events[m.concept] = day
        return events


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    k = bisect_right(offsets, start - 1)
    return k < len(offsets) and offsets[k] <= end


EVENT_DATES = ("period.date", "period.mid_month", "period.weekday")
REPORT_SPANS = ("period.date_range", "period.day_range", "period.month_range")


def _day_of_event(sent: Sentence, event: Match, pub: date | None) -> date | None:
    """"the ninth day of the war", "الحرب التي دخلت يومها التاسع", "اليوم الـ100 للحرب":
    the event's first day, counted back from the publication date."""
    if pub is None:
        return None
    for u in sent.having("TIME.unit.day"):
        if not (event.j <= u.i <= event.j + 7 or u.j <= event.i <= u.j + 3):
            continue
        n = _ordinal_at(sent, u.j) or _ordinal_before(sent, u.i)
        if n is not None and 1 <= n <= 3000:
            return pub - timedelta(days=n - 1)
    return None


def _ordinal_at(sent: Sentence, k: int) -> int | None:
    """An ordinal starting at token k: a word ("التاسع", "ninth") or a number after its marker ("الـ100")."""
    for m in sent.at.get(k, ()):
        if m.is_("NUM.ordinal") and isinstance(m.entry.payload, int):
            return m.entry.payload
    if k + 1 < len(sent.tokens) and sent.tokens[k + 1].kind == "num" and any(
            m.is_("MEASURE.ordinal") for m in sent.at.get(k, ())):
        return _small_int(sent.tokens[k + 1].text)
    if k < len(sent.tokens) and sent.tokens[k].kind == "num":  # "day 9 of the war"
        return _small_int(sent.tokens[k].text)
    return None


def _ordinal_before(sent: Sentence, k: int) -> int | None:
    """An ordinal ending before token k: "the ninth day", "its 100th day"."""
    for back in (1, 2):
        for m in sent.at.get(k - back, ()):
            if m.j == k and m.is_("NUM.ordinal") and isinstance(m.entry.payload, int):
                return m.entry.payload
    if k >= 2 and sent.tokens[k - 2].kind == "num" and any(m.is_("MEASURE.ordinal") for m in sent.at.get(k - 1, ())):
        return _small_int(sent.tokens[k - 2].text)
    return None


def _small_int(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 4 else None


def parse_date(value: object) -> date | None:
    """The publication date: None, a date, or an ISO date string; anything else is refused
    (FieldError E401) rather than silently dropping every period."""
    return None if value is None or value == "" else schema_date("published", value)


def _chunks(norm: str, abbreviations: frozenset[str] = frozenset(),
            ordinal_followers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    spans = []
    for start, end in split_sentences(norm, abbreviations, ordinal_followers):
        while end - start > MAX_SENTENCE_CHARS:
            cut = norm.rfind(" ", start, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            spans.append((start, cut))
            start = cut
        spans.append((start, end))
    return spans


def extract(text: str, *, published: object = None, language: str | None = None,
            url: str | None = None) -> list[Figure]:
    """Every movement figure in one news text (see ANNOTATION.md). Without a
    publication date, relative dates resolve against the date in `url` or the
    text's dateline (stages/reference.py)."""
    when = parse_date(published)
    if not isinstance(text, str) or not text.strip():
        return []
    text = safe_text(text)  # same length: offsets still point into the caller's text
    lang = language or detect_language(text)
    if lang not in available_languages():
        if language is None:
            return []  # a detected language marsad has no data for: nothing to read
        raise MarsadError("E105", f"language {lang!r} is not supported; marsad has {', '.join(available_languages())}")
    lex = load_lexicon(lang)
    norm = normalize(text)
    hits = lex.movement_at(norm)
    if not hits:
        return []  # nothing in the text moves: no figure, and no need to read further
    reference = None
    if when is None:
        when, reference = reference_date(norm, lex, url)
    doc = _Doc(text, norm, lex, when)
    starts = [s for s, _ in doc.spans]
    candidates = _with_list_items(doc, sorted({bisect_right(starts, h) - 1 for h in hits} - {-1}))
    figures: list[Figure] = []
    for index in candidates:
        start, end = doc.spans[index]
        if not _HAS_NUMBER.search(doc.norm, start, end) and not find_quantities(lex, doc.sentence(index).tokens,
                                                                                 doc.sentence(index).table):
            continue
        try:
            figures.extend(_sentence_figures(doc, index))
        except Exception:  # one odd sentence must not lose the document
            log.exception("marsad: sentence %d of a %s document skipped", index, lang)
    if figures:
        # the document's main source is read only when a figure's own sentence leaves its source open
        open_source = any(f.source is None or f.source_type in ("other", "unknown") for f in figures)
        stated = main_source(doc.stated_sources()) if open_source else None
        frame = build_frame(figures, doc.countries, doc.crisis_start(), doc.report_period(), stated_source=stated)
        frame.count_event = doc.crisis_event()
        apply_frame(frame, figures)
    if reference:
        for f in figures:
            f.rule.append(reference)
    return figures


def _lead_period(doc: _Doc, index: int) -> list[TimeExpr]:
    """"Із 11 по 17 жовтня пасажиропотік … збільшився. За даними ДПСУ, … зросла з 253 тисяч до 259 тисяч":
    a span of days that the sentence before states, with no figure of its own, frames the next one."""
    start, end = doc.spans[index]
    if index not in doc._sentences and sum(ch.isdigit() for ch in doc.norm[start:end]) < 2:
        return []  # a span of days has two numbers: no need to read a sentence without them
    sent = doc.sentence(index)
    spans = [e for e in PeriodFinder(doc.lex, sent.tokens, sent.at, doc.pub).find() if e.rule == "period.day_range"]
    return [TimeExpr(0, 0, e.start, e.end, "during", "period.lead_sentence") for e in spans[:1]]


def _is_item(doc: _Doc, index: int) -> bool:
    return doc.norm[doc.spans[index][0]] in BULLETS


def _with_list_items(doc: _Doc, candidates: list[int]) -> list[int]:
    """The bullet items after a sentence with movement ("Desglose de deportaciones" /
    "- Octubre 2024: 40.223 personas") are read too, though no movement word is in them."""
    out = set(candidates)
    for index in candidates:
        k = index + 1
        if k + 1 < len(doc.spans) and doc.norm[doc.spans[k][1] - 1] == ":" and _is_item(doc, k + 1):
            k += 1  # the list's head ("З них:", "Davon:") between the figure and its items
        while k < len(doc.spans) and _is_item(doc, k):
            out.add(k)
            k += 1
    return sorted(out)


def _list_heading(doc: _Doc, index: int) -> Match | None:
    """The movement word of the line that heads the bullet list `index` is in."""
    k = index - 1
    while k >= 0 and _is_item(doc, k):
        k -= 1
    if k < 0:
        return None
    moves = doc.sentence(k).having("MOVE")
    return moves[-1] if moves else None


def _sentence_figures(doc: _Doc, index: int) -> list[Figure]:
    sent = doc.sentence(index)
    quantities = find_quantities(doc.lex, sent.tokens, sent.table)
    if not quantities:
        return []
    movements: list[tuple[Quantity, Movement | None, bool]] = []
    for q in quantities:
        mv = attach_movement(sent, q)
        listed = [(other, other_mv) for other, other_mv, _ in movements if other_mv is not None]
        if mv is None and listed:  # the last figure of the list, past numbers that are none ("370 (KW5), 144")
            mv = continue_list(sent, q, *listed[-1])
        if mv is None and listed:  # "…, a los que hay que sumar casi 580.000 en Rumanía"
            mv = elliptic_item(sent, q, *listed[-1])
        if mv is None and _is_item(doc, index) and (heading := _list_heading(doc, index)) is not None:
            mv = list_item(sent, q, heading)
        if mv is not None and mv.trigger is None and doc.last_figure is not None and opens_with_part(sent, q):
            mv = None  # "Davon seien 230.000 Flüchtlinge": a part of the figure before, no stock of its own
        verb_before = [other_mv for _, other_mv in listed if other_mv.trigger is not None]
        inherited = mv is None and (bool(verb_before) or doc.last_figure is not None)
        if inherited:  # "4,500 crossed into Armenia …, bringing the total to 31,000": the verb's figure before it
            before = verb_before[-1].movement if verb_before else doc.last_figure.movement  # type: ignore[union-attr]
            mv = inherit_movement(sent, q, before)
        movements.append((q, mv, inherited))
    for k in range(len(movements) - 2, -1, -1):  # a list whose verb comes after it: "328.667 venezolanos, …, cruzaron"
        q, mv, inherited = movements[k]
        later_q, later_mv, _ = movements[k + 1]
        if mv is None and later_mv is not None:
            movements[k] = (q, continue_list(doc.sentence(index), q, later_q, later_mv), False)
    counted = [q for q, mv, _ in movements if mv is not None]
    if not counted:
        return []
    previous = doc.last_figure
    finder = PeriodFinder(doc.lex, sent.tokens, sent.at, doc.pub, _period_of(previous) if previous else None,
                          doc.war_start if sent.having("EVENT.war") else None)
    exprs = finder.find()
    if not exprs and index > 0 and doc.last_figure_at < index - 1:
        exprs = _lead_period(doc, index - 1)
    sources = doc.sources(index)
    figures: list[tuple[Quantity, Figure]] = []
    for q, mv, inherited in movements:
        if mv is None:
            continue
        fig = _figure(doc, index, q, mv, counted, sources, exprs)
        if inherited:
            with_verb = [f for other, f in figures if any(o is other and m is not None and m.trigger is not None
                                                          for o, m, _ in movements)]
            _inherit_fields(fig, with_verb[-1] if with_verb else doc.last_figure)  # type: ignore[arg-type]
        bullet = doc.norm[sent.start] in BULLETS  # a list item ("З них: - 1 тисяча …"): the list's period
        if not exprs and doc.last_figure is not None and index - doc.last_figure_at in ((1, 2) if bullet else (1,)) \
                and doc.last_figure.movement == fig.movement and doc.last_figure.kind == fig.kind \
                and (doc.last_figure.period_start or bullet) and "period.unresolved_span" not in fig.rule \
                and not any(r.startswith("frame.period_start:") for r in fig.rule):  # "منذ بدء النزاع": its own start
            # "The office also announced that there were 80,978 initial applications":
            # the report's period goes on into the next sentence
            fig.period_start, fig.period_end = doc.last_figure.period_start, doc.last_figure.period_end
            fig.rule.append("period.carried")
            if sent.having("TIME.since_then") and doc.last_figure.period_end:
                # "Seitdem reisten 80.000 zurück": from the date of the figure before to the report
                fig.period_start, fig.period_end = doc.last_figure.period_end, doc.pub.isoformat() if doc.pub else None
                fig.rule.append("period.since_then")
        if figures and any(m.i >= q.j for m in sent.having("TIME.same_period")):
            # "دخل 78 ألفا خلال الأيام العشرة الأخيرة، فيما عاد 62 ألفا خلال نفس الفترة": the figure before in the sentence
            fig.period_start, fig.period_end = figures[-1][1].period_start, figures[-1][1].period_end
            fig.rule.append("period.same_period:sentence")
        figures.append((q, fig))
        doc.last_figure, doc.last_figure_at = fig, index
    mark_parts(sent, figures, previous)
    _share_context(sent, figures)
    return [f for _, f in figures]


def _period_of(fig: Figure) -> tuple[date | None, date | None]:
    return (date.fromisoformat(fig.period_start) if fig.period_start else None,
            date.fromisoformat(fig.period_end) if fig.period_end else None)


def _inherit_fields(fig: Figure, previous: Figure) -> None:
    """"ارتفع العدد إلى ...": the same flow as the figure before, unless the
    sentence names its own places."""
    own = any(r.split(":")[-1] in ("to", "from", "in", "via", "object") for r in fig.rule)
    for name in ("nationality", "group", "origin", "origin_place", "destination", "destination_place"):
        if (not own or getattr(fig, name) in (None, "people")) and getattr(previous, name) is not None:
            setattr(fig, name, getattr(previous, name))


def _pick_source(doc: _Doc, index: int, q: Quantity, sources: list[Source]) -> Source | None:
    if sources:
        return pick_source(sources, q.i)
    sent = doc.sentence(index)
    quoted = sum(1 for t in sent.tokens if t.text == '"') % 2 == 1
    if quoted:  # a quote whose speaker the next sentence names
        ahead = doc.sources(index + 1)
        if ahead:
            return ahead[0]
    for back in range(1, CARRY_SENTENCES + 1):
        carried = doc.sources(index - back)
        if carried:
            last = pick_source(carried, len(doc.sentence(index - back).tokens))  # who speaks at its end
            return Source(last.text, last.type, "source.carried", -1, last.countries)  # type: ignore[union-attr]
    return None


def _figure(doc: _Doc, index: int, q: Quantity, mv: Movement,
            quantities: list[Quantity], sources: list[Source], exprs: list[TimeExpr]) -> Figure:
    sent = doc.sentence(index)
    source = _pick_source(doc, index, q, sources)
    speakers = source.countries if source else []
    doc_country = doc.countries.most_common(1)[0][0] if doc.countries else None
    geo = attach_places(sent, q, mv, quantities, speakers, doc_country)
    movement = mv.movement
    if movement == "arrived" and geo.destination_place == "neighbouring countries" and geo.destination is None:
        # "عبر 3 ملايين شخص الحدود إلى دول الجوار": crossing out to the neighbours is fleeing
        movement = "fled"
        geo.origin = geo.origin or doc_country
        geo.rules.append("default.crossing_to_neighbours_is_flight")
    if movement in ("arrived", "departed") and mv.noun is not None and mv.noun.is_("NOUN.returnee"):
        movement = "returned"  # "300 returnees crossed at Islam Qala": returnees who move return
        geo.rules.append("default.returnees_return")
    if movement == "fled" and mv.noun is not None and mv.noun.concept == "NOUN.displaced" \
            and geo.destination in (None, geo.origin) and geo.destination_place != "neighbouring countries":
        # "göç eden 1,1 milyon depremzede": displaced people on the move inside their country are displaced
        movement = "displaced"
        geo.rules.append(f"{doc.lex.code}.{mv.noun.entry.rule}:displaced-who-fled")
    if movement == "returned" and geo.origin is None and mv.noun is not None and mv.noun.concept == "NOUN.displaced" \
            and (home := geo.destination or geo.nationality):
        geo.origin = home  # "800.000 Binnenflüchtlinge kehrten zurück": internally displaced people return inside
        geo.rules.append(f"{doc.lex.code}.{mv.noun.entry.rule}:displaced-return-inside")
    elif movement == "returned" and geo.origin is None and (abroad := sent.having("ABROAD.from")):
        geo.rules.append(f"{doc.lex.code}.{abroad[0].entry.rule}:from-abroad")  # "280.000 Syrer aus dem Ausland"
    start, end, period_rules = _period(sent, q, mv, exprs, doc.pub)
    event = _since_event(sent) if start is None and mv.kind == "total" else None
    if event is not None and doc.event_start(event):
        start = doc.event_start(event)  # "منذ اندلاع الحرب", "since the quake": the date the text gives the event
        period_rules.append(f"frame.period_start:{event}")
    elif event is not None:
        period_rules.append(f"period.since_undated:{event}")  # counted from an event the text never dates
    if start is None and any(not any(e.i <= u.i < e.j for e in exprs) and not sent.concept_at(u.j, "TIME.since")
                             for u in sent.having("TIME.unit")):  # "in the days since": the since-clause's
        period_rules.append("period.unresolved_span")  # "in just over a month": not the document's count
    if mv.kind == "stock" and sent.having("TIME.before_war") and doc.war_start and not exprs:
        end = doc.war_start  # "Schon vor den Kämpfen gab es 3,7 Millionen Vertriebene": held when the war began
        period_rules.append("period.before_the_war")
    rules = mv.rules + geo.rules + period_rules + ([source.rule] if source else [])
    evidence = doc.text[sent.start:sent.end].rstrip(" .")
    return Figure(
        evidence=evidence, value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
        unit=mv.unit, kind=mv.kind, per=mv.per, movement=movement,
        group=geo.group or _group_of(mv), nationality=geo.nationality,
        origin=geo.origin, origin_place=geo.origin_place,
        destination=geo.destination, destination_place=geo.destination_place,
        period_start=start.isoformat() if start else None, period_end=end.isoformat() if end else None,
        source=source.text if source else None, source_type=source.type if source else "unknown",
        start=sent.tokens[q.i].start, end=sent.tokens[q.j - 1].end,
        rule=rules, confidence=mv.confidence,
    )


_NOUN_GROUPS = {"NOUN.refugee": "refugees", "NOUN.displaced": "displaced people", "NOUN.migrant": "migrants",
                "NOUN.returnee": "returnees", "NOUN.asylum_seeker": "asylum seekers",
                "UNIT.household": "households", "UNIT.vehicle": "vehicles"}


def _group_of(mv: Movement) -> str:
    return _NOUN_GROUPS.get(mv.noun.concept, "people") if mv.noun is not None else "people"


def _since_event(sent: Sentence) -> str | None:
    """The event a "since" clause names ("منذ بدء الحرب", "since the evacuation order"), if any."""
    for s in sent.having("TIME.since"):
        for w in sent.having("EVENT"):
            if 0 <= w.i - s.j <= 3:
                return w.concept
    for s in sent.having("TIME.since_after"):  # "depremden bu yana", "جنگ کے آغاز سے": the role word follows
        for w in sent.having("EVENT"):
            if 0 <= s.i - w.j <= 3:
                return w.concept
    return None


def _period(sent: Sentence, q: Quantity, mv: Movement, exprs: list[TimeExpr],
            pub: date | None) -> tuple[date | None, date | None, list[str]]:
    """(period_start, period_end, rules) of one figure."""
    says = sent.having("SAY")
    verb_final = sent.lex.settings.get("verb_final")  # "X کے مطابق پیر کو ...": a date after the statement is the content's
    start = end = statement = None
    rules: list[str] = []
    near = sorted(exprs, key=lambda e: (sent.distance((q.i, q.j), (e.i, e.j)), e.rule != "period.same_period"))
    reachable = [e for e in near if sent.distance((q.i, q.j), (e.i, e.j)) < float("inf")]
    if not reachable:
        # "98,000 entered since 21 September, while 64,000 left": a span in
        # the clause before holds for the whole sentence
        reachable = [e for e in near if e.role in ("since", "during") and e.j <= q.i]
    for e in reachable:
        if e.role == "point" and e.start == e.end and e.j <= q.i and not verb_final and any(
                s.j <= e.i and e.i - s.j <= 8 and not _reported_clause_between(sent, s.j, e.i) for s in says):
            statement = statement or e.end  # "قالت ... يوم الثلاثاء": when it was said
            continue
        if e.role == "point" and e.start == e.end and e.j <= q.i and any(0 <= s.i - e.j <= 1 and s.j <= q.i for s in says):
            statement = statement or e.end  # "border guards on Sunday said 156,000 had crossed": when it was said
            continue
        if e.role == "point" and e.start == e.end and e.i >= q.j and any(
                q.j <= s.i and s.j <= e.i and e.i - s.j <= 8 for s in says):
            statement = statement or e.end  # "300 arrived on Monday, officials said on Tuesday"
            continue
        if e.role == "since" and start is None:
            start = e.start
            rules.append(f"{e.rule}:since")  # a count from a start: the frame's count start (stages/frame.py)
            continue
        elif e.role == "until" and end is None:
            end = e.end
        elif e.role == "ago":
            if mv.kind == "rate" and end is None:
                end = e.start
            elif start is None:
                start = e.start
        elif start is None and end is None:
            if e.start == e.end == pub and e.role == "point" and e.rule in ("period.date", "period.today"):
                continue  # a dateline or "اليوم": the report's own day
            start, end = e.start, e.end
        elif start is None and e.role in ("during", "point") and e.start < e.end and end is not None and e.start <= end:
            start = e.start  # "so far this year", "حتى الآن هذا العام": the span opens what "so far" closes
        else:
            continue
        rules.append(e.rule)
    if end is None and (statement or pub):
        rules.append("period.end_statement" if statement else "period.end_published")  # the report's day, not the text's
    end = end or statement or pub
    if start and end and start > end:
        start = None
    if mv.kind == "stock":
        start = None
    return start, end, rules


def _reported_clause_between(sent: Sentence, a: int, b: int) -> bool:
    """"قال ... أنه أمس وصل": past a complementizer or an opening quote the
    time belongs to what is reported, not to when it was said."""
    comps = set(sent.lex.settings.get("complementizers", ()))
    texts = [sent.tokens[k].text for k in range(a, b)]
    if any(t in comps for t in texts):
        return True
    # an opening quote not closed before b: "said «the agency» yesterday" quotes a name, not what is reported
    return texts.count("«") > texts.count("»") or texts.count("“") > texts.count("”") or texts.count('"') % 2 == 1


def _verb_of(fig: Figure) -> str | None:
    """The rule id of the movement word that made a figure ("zh.MOVE.departed:前往")."""
    return next((r for r in fig.rule if ".MOVE." in r), None)


def _share_context(sent: Sentence, figures: list[tuple[Quantity, Figure]]) -> None:
    """"50 ألفا إلى جورجيا و40 ألفا آخرين إلى أرمينيا": coordinated figures
    share what only one of them states (qualifier, place, period start)."""
    and_words = set(sent.lex.settings.get("and_words", ()))
    for (q1, f1), (q2, f2) in zip(figures, figures[1:]):
        between = sent.tokens[q1.j:q2.i]
        joined = any(t.text in and_words for t in between) or sent.tokens[q2.i].text.startswith(tuple(and_words or ["\0"]))
        # "280万乌克兰难民前往俄罗斯,150万人前往波兰": clauses with one verb, side by side, count the same people
        parallel = not joined and _verb_of(f1) is not None and _verb_of(f1) == _verb_of(f2) \
            and any(t.text == "," for t in between) and sent.distance((q1.i, q1.j), (q2.i, q2.j)) < float("inf") \
            and not any(q1.j <= m.i < q2.i for m in sent.having("PART"))  # "…، منهم 6 آلاف روسي" is a part
        if parallel and f1.movement == "fled" and f2.movement == "departed" and f2.group in (None, "people"):
            f2.movement = "fled"  # the refugees who left fled; so did the next ones
            f2.rule.append("shared.movement")
        listed = joined or is_elliptic(sent, q2) or parallel  # "123 тысячи граждан Украины …, 112 тысяч - в Словении"
        if joined and f2.qualifier == "exact" and f1.qualifier == "approx" and q2.i - q1.j <= 6:
            f2.qualifier = "approx"
            f2.rule.append("shared.qualifier")
        for name in ("destination", "destination_place", "origin", "origin_place", "period_start",
                     "nationality", "group"):
            if name in ("origin_place", "period_start", "destination_place") and not joined \
                    or name in ("nationality", "group") and not listed:
                continue
            a, b = getattr(f1, name), getattr(f2, name)
            if a is None and b is not None and f1.movement == f2.movement and f2.part_of != f1.start:
                # (a whole does not take what only its part says: "588,000 refugees, among them 409,000 Sudanese")
                _share(f2, f1, name)
            elif b in (None, "people") and a is not None and f1.movement == f2.movement and name != "destination_place":
                _share(f1, f2, name)
        _share_crossing_point(f1, f2)


def _share(giver: Figure, taker: Figure, name: str) -> None:
    setattr(taker, name, getattr(giver, name))
    taker.rule.append(f"shared.{name}")
    if name == "period_start" and any(r in ("period.end_published", "period.end_statement") for r in taker.rule):
        taker.period_end = giver.period_end  # a period is shared whole: "from January to March, 80,978 … and 6,799"
        taker.rule.append("shared.period_end")


OPPOSITE = {("arrived", "departed"): ("destination", "origin"), ("departed", "arrived"): ("origin", "destination")}


def _share_crossing_point(f1: Figure, f2: Figure) -> None:
    """"98,000 Russians have entered Kazakhstan, while 64,000 left": the country one
    figure enters is the one the next leaves (and the other way round)."""
    sides = OPPOSITE.get((f1.movement, f2.movement))
    if sides is None:
        return
    mine, theirs = sides
    place = getattr(f1, mine)
    if place is not None and getattr(f2, theirs) is None and getattr(f2, mine) != place:
        setattr(f2, theirs, place)
        f2.rule.append(f"shared.{theirs}:opposite")
        if f2.nationality is None and f1.nationality and not any(".NOUN." in r or ".UNIT." in r for r in f2.rule):
            f2.nationality = f1.nationality  # "98,000 Russians entered …, while 64,000 left": the same people
            f2.rule.append("shared.nationality:opposite")
