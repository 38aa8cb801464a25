"""Resolve the period a figure covers against the publication date.

Time expressions are found over concept ids (TIME.*, WEEKDAY.*, MONTH.*):
"يوم الثلاثاء" is the Tuesday on or before publication, "منذ 21 سبتمبر"
starts a period, "خلال حزيران" spans a month, "الأيام العشرة الأخيرة" the last
ten days, "منذ أربعة إلى خمسة أيام" four days ago, "الأشهر الأربعة الأولى من
الحرب" four months from the war's start when the text states it. Only the
absolute part of a date is computed here; no guessing across languages.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.lexicon import Lexicon, Match
from marsad.stages.quantities import parse_quantity
from marsad.tokens import Token


TIME_STARTS = ("TIME", "WEEKDAY", "MONTH", "NUM", "QUAL", "RANGE")


@dataclass
class TimeExpr:
    i: int
    j: int
    start: date
    end: date
    role: str = "point"  # since, during, until, point
    rule: str = ""


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _shift_months(d: date, n: int) -> date:
    month = d.month - 1 + n
    year = d.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _latest(pub: date, month: int, day: int) -> date | None:
    """The date with this month and day that is on or before `pub`."""
    for year in (pub.year, pub.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= pub:
            return d
    return None


def _solar_hijri(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Solar Hijri one ("۳ مهر ۱۴۰۳", "18 میزان 1402")."""
    from persiantools.jdatetime import JalaliDate

    try:
        return JalaliDate(year, month, day).to_gregorian()
    except ValueError:
        return None


def _latest_solar_hijri(pub: date, month: int, day: int) -> date | None:
    """The Solar Hijri month and day that is on or before `pub`."""
    from persiantools.jdatetime import JalaliDate

    year = JalaliDate(pub).year
    for y in (year, year - 1):
        d = _solar_hijri(y, month, day)
        if d is not None and d <= pub:
            return d
    return None


def _other_calendar(month: Match) -> bool:
    return month.is_("MONTH.solar") or month.is_("MONTH.lunar")


def _lunar_hijri(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a lunar Hijri one ("15 رمضان 1445 هـ"), by the Umm al-Qura calendar."""
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def _latest_lunar_hijri(pub: date, month: int, day: int) -> date | None:
    """The lunar Hijri month and day that is on or before `pub`."""
    from hijridate import Gregorian

    year = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
    for y in (year, year - 1):
        d = _lunar_hijri(y, month, day)
        if d is not None and d <= pub:
            return d
    return None


def _int_at(lex: Lexicon, tokens: list[Token], k: int, table: list[list[Match]]) -> tuple[int, int] | None:
    """A whole number (or the low end of "أربعة إلى خمسة") at token k."""
    if k < 0 or k >= len(tokens) or (tokens[k].kind != "num" and not table[k]):
        return None
    q = parse_quantity(lex, tokens, k, table)
    if q is None or q.qualifier == "vague" or q.low is None:
        return None
    return q.low, q.j


def _day_on_or_before(pub: date, day: int) -> date | None:
    """Day `day` of the publication's month, or of the month before when that is still to come."""
    for first in (pub.replace(day=1), _shift_months(pub.replace(day=1), -1)):
        if day <= calendar.monthrange(first.year, first.month)[1] and first.replace(day=day) <= pub:
            return first.replace(day=day)
    return None


def _year_at(tokens: list[Token], k: int) -> int | None:
    if 0 <= k < len(tokens) and tokens[k].kind == "num" and tokens[k].text.isdigit():
        y = int(tokens[k].text)
        if 1950 <= y <= 2100:
            return y
    return None


class PeriodFinder:
    """Finds and resolves time expressions in one sentence."""

    def __init__(self, lex: Lexicon, tokens: list[Token], matches: dict[int, list[Match]], pub: date | None,
                 previous: tuple[date | None, date | None] | None = None, war_start: date | None = None):
        self.lex, self.tokens, self.at, self.pub = lex, tokens, matches, pub
        self.war_start = war_start  # the start the text gives its war, for "the first four months of the war"
        self.previous = previous  # the period of the figure before, for "the same period"
        self.table = [matches.get(k, []) for k in range(len(tokens))]

    def concept_at(self, k: int, prefix: str) -> Match | None:
        for m in self.at.get(k, ()):
            if m.is_(prefix):
                return m
        return None

    def ending_at(self, k: int, prefix: str) -> Match | None:
        """A match of `prefix` whose last token is just before token k."""
        for back in range(1, 7):  # multi-word phrases ("since the beginning of the")
            for m in self.at.get(k - back, ()):
                if m.j == k and m.is_(prefix):
                    return m
        return None

    def find(self) -> list[TimeExpr]:
        if self.pub is None:
            return []
        found: list[TimeExpr] = []
        k = 0
        while k < len(self.tokens):
            if self.tokens[k].kind != "num" and not any(m.entry.concept.startswith(TIME_STARTS) for m in self.table[k]):
                k += 1
                continue
            expr = self._expr_at(k)
            if expr is None:
                k += 1
                continue
            self._set_role(expr)
            if not self._dates_an_event(expr):
                found.append(expr)
            k = max(expr.j, k + 1)
        return self._join_date_ranges(found)

    _DATES = ("period.date", "period.month_year", "period.day_range")

    def _join_date_ranges(self, found: list[TimeExpr]) -> list[TimeExpr]:
        """"entre el 1 de octubre de 2024 y el 31 de marzo de 2025", "from 1 October to 31 March":
        two dates joined by "to" (or by "and" after "between") are one span."""
        out: list[TimeExpr] = []
        links = set(self.lex.settings.get("day_range_links", ()))
        and_words = set(self.lex.settings.get("and_words", ()))
        articles = set(self.lex.settings.get("date_articles", ()))
        for expr in found:
            prev = out[-1] if out else None
            if prev is not None and prev.rule in self._DATES and expr.rule in self._DATES and prev.start <= expr.end:
                gap = [t.text for t in self.tokens[prev.j:expr.i] if t.text not in articles]
                opened = any(self.concept_at(prev.i - b, "RANGE.between") for b in (1, 2))
                link = len(gap) == 1 and (gap[0] in links or (self.concept_at(prev.j, "RANGE.to") is not None
                                                             and (gap[0] not in and_words or opened)))
                link = link or (not gap and expr.role == "until" and prev.role != "until")  # "من 31 ديسمبر وحتى 6 يناير"
                if link:
                    out[-1] = TimeExpr(prev.i, expr.j, prev.start, expr.end, "during", "period.date_range")
                    continue
            out.append(expr)
        return out

    def _dates_an_event(self, expr: TimeExpr) -> bool:
        """"войны, которая началась в 2011 году": the date of an event the sentence names, not of its figures."""
        return any(self.concept_at(k, "EVENT.began") for k in range(max(0, expr.i - 2), expr.i))

    def _since_event(self, expr: TimeExpr) -> bool:
        """"Seit dem Sturz Assads im vergangenen Dezember": a date after "since" and its event starts the period."""
        for k in range(expr.i - 1, max(expr.i - 15, -1), -1):
            if (self.tokens[k].kind == "punct" and self.tokens[k].text != "-") or self.tokens[k].kind == "num":
                return False
            if self.concept_at(k, "TIME.since") or self.concept_at(k, "TIME.since_start"):
                return True
        return False

    def _set_role(self, expr: TimeExpr) -> None:
        if expr.rule in ("period.month", "period.last_month", "period.date", "period.mid_month") and self._since_event(expr):
            expr.role = "since"
            return
        if expr.rule == "period.day_range":
            if self.concept_at(expr.i - 1, "TIME") or self.concept_at(expr.i - 1, "PREP"):
                expr.i -= 1  # "с 3 по 9 марта": the "from" goes with the range
            return
        for back in (1, 2):
            k = expr.i - back
            for role in ("since", "during", "until"):
                m = self.concept_at(k, f"TIME.{role}")
                if m is not None and m.j < expr.i and self.concept_at(m.j, "PLACE"):
                    continue  # "До Польщі за добу": "to" a place, not "until"
                if m is not None and expr.i - 1 <= m.j <= expr.i and m.concept != "TIME.since_start":
                    expr.i = k
                    # "since the war began in April 2023": a bare "in" inside a since-clause dates the start
                    expr.role = "since" if role == "during" and m.j - m.i == 1 and self._since_before(k) else role
                    return
        j, case = self._case_after(expr.j)  # "28 Şubat'tan bu yana": past the case suffix
        for role in ("since", "until"):  # "یکم اپریل سے", "یکم اگست تک": the role word after the date
            m = self.concept_at(j, f"TIME.{role}_after")
            if m is not None:
                expr.role, expr.j = role, m.j
                return
        if case == "from":  # "24 Şubat'tan": the ablative alone starts the period
            expr.role, expr.j = "since", j
        if expr.role == "point" and expr.rule in ("period.date", "period.month_year", "period.year", "period.mid_month",
                                                  "period.month", "period.last_month"):
            # "منذ بدء روسيا عمليتها ... في 24 فبراير", "since X began on May 6"
            if self._since_before(expr.i):
                expr.role = "since"

    def _since_before(self, k: int) -> bool:
        for b in range(k - 1, max(k - 22, -1), -1):
            if self.tokens[b].text == ";":
                return False
            since = self.concept_at(b, "TIME.since") or self.concept_at(b, "TIME.since_start")  # "از آغاز جنگ در ۲۴ فبروری", "Seit Beginn der Kämpfe … Mitte April"
            if since is not None and not self._inside(b, "QUAL"):
                return True  # (not the "از" of "بیش از", "more than")
        return False

    def _inside(self, k: int, prefix: str) -> bool:
        return any(m.i <= k < m.j and m.is_(prefix) for b in range(max(0, k - 3), k + 1) for m in self.at.get(b, ()))

    def _case_after(self, j: int) -> tuple[int, str | None]:
        """The token past a case suffix written after an apostrophe ("Şubat'tan"), and the suffix's role."""
        roles = self.lex.settings.get("suffix_roles") or {}
        if j + 1 < len(self.tokens) and self.tokens[j].text == "'" and self.tokens[j + 1].text in roles:
            return j + 2, roles[self.tokens[j + 1].text]
        return j, None

    def _expr_at(self, k: int) -> TimeExpr | None:
        same = self.concept_at(k, "TIME.same_period")
        if same is not None and self.previous is not None:
            start, end = self.previous
            year = next((y for y in (_year_at(self.tokens, b) for b in range(max(0, k - 8), k)) if y), None)
            if year and start and end and start.year == end.year and year != start.year:
                start, end = start.replace(year=year), end.replace(year=year)  # "In 2022, ... in the same period"
            if start or end:
                return TimeExpr(same.i, same.j, start or end, end or start, "during", "period.same_period")  # type: ignore[arg-type]
        for reader in (self._week_number, self._week_of_month, self._weekend, self._day_range, self._date, self._weekday,
                       self._relative_day, self._units):
            expr = reader(k)
            if expr is not None:
                return expr
        return None

    # -- readers --------------------------------------------------------------
    def _date(self, k: int) -> TimeExpr | None:
        """24 فبراير · 21 سبتمبر الماضي · May 6 · August 25, 2017 · حزيران · 2022."""
        pub = self.pub
        assert pub is not None
        first = self.concept_at(k, "TIME.first") or self.concept_at(k, "NUM.ordinal")
        if first is not None and first.j + 1 < len(self.tokens) and self.concept_at(first.j, "PREP.from"):
            month = self.concept_at(first.j + 1, "MONTH")  # "الأول من مارس", "السابع من أكتوبر", "the first of March"
            if month is not None:
                return self._day_month(k, first.entry.payload if first.is_("NUM.ordinal") else 1, month)
        day = _int_at(self.lex, self.tokens, k, self.table)
        after = day[1] if day else k
        if day and after < len(self.tokens) and self.tokens[after].text in self.lex.settings.get("date_connectors", ()):
            after += 1  # "24 de febrero", "15. März"
        month = self.concept_at(after, "MONTH")
        if day and month and 1 <= day[0] <= 31:
            return self._day_month(k, day[0], month)
        day_of = self.concept_at(after, "TIME.day_of_month") if day and 1 <= day[0] <= 31 else None
        if day_of is not None:  # "21日": that day of the month, the latest on or before publication
            d = _day_on_or_before(pub, day[0])  # type: ignore[index]
            if d is not None:
                return TimeExpr(k, day_of.j, d, d, rule="period.day_of_month")
        month = self.concept_at(k, "MONTH")
        if month is not None and not _other_calendar(month):
            nxt = month.j + (1 if month.j < len(self.tokens) and self.tokens[month.j].text in ("/", ".") else 0)
            alt = self.concept_at(nxt, "MONTH")  # "أيلول/سبتمبر"
            end = alt.j if alt else (nxt if nxt < len(self.tokens) and self.tokens[nxt].kind == "num" else month.j)  # "Feb. 24"
            day = _int_at(self.lex, self.tokens, end, self.table)
            if day and 1 <= day[0] <= 31 and _year_at(self.tokens, day[1]) is None and self.tokens[end].text.isdigit() \
                    and len(self.tokens[end].text) <= 2:
                return self._day_month(k, day[0], month, end_tok=day[1])
            year = _year_at(self.tokens, end)
            month_no = int(month.concept.split(".")[1])
            span = self._month_range(k, end, month_no)
            if span is not None:
                return span
            if year:
                first = date(year, month_no, 1)
                return TimeExpr(k, end + 1, first, min(_month_end(first), pub), rule="period.month_year")
            first = _latest(pub, month_no, 1)
            mid = self.ending_at(k, "TIME.mid")
            if first is not None and mid is not None:  # "منذ منتصف ديسمبر", "since mid-December"
                middle = first.replace(day=15)
                return TimeExpr(mid.i, end, middle, middle, rule="period.mid_month")
            start_of = self.ending_at(k, "TIME.since_start")
            if first is not None and start_of is not None:  # "منذ مطلع مارس", "since the start of March"
                return TimeExpr(start_of.i, end, first, first, "since", rule="period.month_start")
            if first is not None and self._month_context(k):
                return TimeExpr(k, end, first, min(_month_end(first), pub), rule="period.month")
        year = _year_at(self.tokens, k)
        if year and self.concept_at(k + 1, "TIME.year_after") and self.concept_at(k + 2, "MONTH"):
            return None  # "2022年2月24日": read from the month, which takes the year before it
        if year and year <= pub.year and self._year_context(k):
            k = k - 1 if self.concept_at(k - 1, "TIME.unit.year") else k
            return TimeExpr(k, k + 1 + (1 if self.concept_at(k, "TIME.unit.year") else 0), date(year, 1, 1), min(date(year, 12, 31), pub), rule="period.year")
        return None

    def _week_of_month(self, k: int) -> TimeExpr | None:
        """"the third week of May", "الأسبوع الثالث من تموز": days 15 to 21."""
        ordinal = self.concept_at(k, "NUM.ordinal")
        week = self.concept_at(ordinal.j if ordinal else k, "TIME.unit.week")
        if week is None:
            return None
        if ordinal is None:
            ordinal = self.concept_at(week.j, "NUM.ordinal")
            if ordinal is None:
                return None
        end = max(week.j, ordinal.j)
        link = end if end < len(self.tokens) and (self.concept_at(end, "PREP.from")
                                                  or self.tokens[end].text in self.lex.settings.get("of_words", ())) else None
        month = self.concept_at(link + 1, "MONTH") if link is not None else None
        n = ordinal.entry.payload if isinstance(ordinal.entry.payload, int) else None
        if month is None or n is None or not 1 <= n <= 5 or self.pub is None:
            return None
        first = _latest(self.pub, int(month.concept.split(".")[1]), 1)
        if first is None:
            return None
        year = _year_at(self.tokens, month.j)
        first = first.replace(year=year) if year else first
        start = first + timedelta(days=7 * (n - 1))
        last = min(start + timedelta(days=6), _month_end(first), self.pub)
        return TimeExpr(k, month.j + (1 if year else 0), start, last, "during", "period.week_of_month")

    def _weekend(self, k: int) -> TimeExpr | None:
        """"at the weekend", "نهاية الأسبوع": the Saturday and Sunday on or before publication."""
        m = self.concept_at(k, "TIME.weekend")
        if m is None or self.pub is None:
            return None
        sunday = self.pub - timedelta(days=(self.pub.weekday() - 6) % 7)
        if sunday == self.pub and (self.ending_at(m.j + 1, "TIME.last") or self.concept_at(m.j, "TIME.last")):
            sunday -= timedelta(days=7)  # "last weekend" said on a Sunday: the one before
        return TimeExpr(k, m.j, sunday - timedelta(days=1), sunday, rule="period.weekend")

    def _day_of_month(self, k: int) -> int | None:
        tok = self.tokens[k] if 0 <= k < len(self.tokens) else None
        if tok is None or tok.kind != "num" or not tok.text.isdigit() or len(tok.text) > 2:
            return None
        return int(tok.text) if 1 <= int(tok.text) <= 31 else None

    def _day_range(self, k: int) -> TimeExpr | None:
        """"del 3 al 9 de marzo", "du 3 au 9 mars", "entre el 1 y el 7 de mayo", "3-9 March", "vom 3. bis
        9. März", "с 3 по 9 марта": one span of days."""
        opener = self.concept_at(k, "RANGE.from") or self.concept_at(k, "RANGE.between")
        start_tok = opener.j if opener is not None else k  # "from 3 to 9 March", "بين 16 و23 تموز"
        first = self._day_of_month(start_tok)
        if first is None or start_tok + 2 >= len(self.tokens):
            return None
        k, opened = start_tok, k
        k1 = k + 1
        if self.tokens[k1].text in self.lex.settings.get("date_connectors", ()):
            k1 += 1  # "vom 3. bis 9. März": the first day's full stop
        link = self.concept_at(k1, "RANGE.to")
        words = self.lex.settings.get("day_range_links", ())
        j = link.j if link is not None else k1 + 1 if k1 < len(self.tokens) and self.tokens[k1].text in words else None
        if j is None:
            return None
        if j < len(self.tokens) and self.tokens[j].text in self.lex.settings.get("date_articles", ()):
            j += 1  # "y el 7"
        last = self._day_of_month(j)
        if last is None or last <= first:
            return None
        after = j + 1
        if after < len(self.tokens) and self.tokens[after].text in self.lex.settings.get("date_connectors", ()):
            after += 1
        month = self.concept_at(after, "MONTH")
        if month is None:
            return None
        end = self._day_month(j, last, month)
        if end is None:
            return None
        return TimeExpr(opened, end.j, end.start.replace(day=first), end.end, "during", "period.day_range")

    def _month_range(self, k: int, end: int, first_month: int) -> TimeExpr | None:
        """"from January to March 2023", "من يناير إلى مارس 2023"."""
        link = self.concept_at(end, "RANGE.to")
        last = self.concept_at(link.j, "MONTH") if link is not None else None
        if last is None or _other_calendar(last):
            return None
        year = _year_at(self.tokens, last.j)
        if year is None:
            return None
        last_month = int(last.concept.split(".")[1])
        if last_month < first_month:
            return None
        first = date(year, first_month, 1)
        return TimeExpr(k, last.j + 1, first, _month_end(date(year, last_month, 1)), "during", "period.month_range")

    def _month_context(self, k: int) -> bool:
        """A month name alone is a date only after a time preposition."""
        return any(self.concept_at(k - b, p) for b in (1, 2) for p in ("TIME.since", "TIME.during", "TIME.until", "PREP.in")) \
            or self.ending_at(k, "TIME.since_start") is not None

    def _year_context(self, k: int) -> bool:
        after, case = self._case_after(k + 1)  # "2022 yılında", "2022'de"
        return any(self.concept_at(k - b, p) for b in (1, 2)
                   for p in ("TIME.unit.year", "TIME.since", "TIME.during", "PREP.in", "TIME.until")) \
            or case is not None or self.concept_at(after, "TIME.unit.year") is not None and bool(self.lex.settings.get("suffix_roles"))

    def _day_month(self, k: int, day: int, month: Match, end_tok: int | None = None) -> TimeExpr | None:
        assert self.pub is not None
        if _other_calendar(month):
            return self._hijri_day_month(k, day, month)
        month_no = int(month.concept.split(".")[1])
        j = end_tok if end_tok is not None else month.j
        if j < len(self.tokens) and self.tokens[j].text == "/" and self.concept_at(j + 1, "MONTH"):
            j = self.concept_at(j + 1, "MONTH").j  # type: ignore[union-attr]
        if j < len(self.tokens) and self.tokens[j].text == ",":
            j += 1 if _year_at(self.tokens, j + 1) else 0
        if j < len(self.tokens) and self.tokens[j].text in self.lex.settings.get("date_connectors", ()):
            j += 1 if _year_at(self.tokens, j + 1) else 0  # "1 de octubre de 2024"
        year = _year_at(self.tokens, j)
        if year is None and self.concept_at(k - 1, "TIME.year_after") and _year_at(self.tokens, k - 2):
            year, k, j = _year_at(self.tokens, k - 2), k - 2, j - 1  # "2022年2月24日": the year before the month
        try:
            d = date(year, month_no, day) if year else _latest(self.pub, month_no, day)
        except ValueError:
            return None
        if d is None:
            return None
        return TimeExpr(k, j + (1 if year else 0), d, d, rule="period.date")

    def _week_number(self, k: int) -> TimeExpr | None:
        """"KW30", "(KW 2)", "in der 20. Kalenderwoche": an ISO calendar week of the
        year of publication (or of the year before, when that week is still to come)."""
        assert self.pub is not None
        marker = self.concept_at(k, "TIME.week_number")
        if marker is not None:
            n, j = _int_at(self.lex, self.tokens, marker.j, self.table) or (None, marker.j)
        else:
            num = _int_at(self.lex, self.tokens, k, self.table)
            dot = num is not None and num[1] < len(self.tokens) and self.tokens[num[1]].text == "."
            marker = self.concept_at(num[1] + dot, "TIME.week_number") if num is not None else None
            if num is None or marker is None:
                return None
            n, j = num[0], marker.j
        if n is None or not 1 <= n <= 53:
            return None
        for year in (self.pub.year, self.pub.year - 1):
            try:
                monday = date.fromisocalendar(year, n, 1)
            except ValueError:
                continue
            if monday <= self.pub:
                return TimeExpr(k, j, monday, min(monday + timedelta(days=6), self.pub), rule="period.week_number")
        return None

    def _hijri_day_month(self, k: int, day: int, month: Match) -> TimeExpr | None:
        """"۲۷ مرداد", "۳ مهر ۱۴۰۳" (Solar Hijri, MONTH.solar.N), "15 رمضان 1445 هـ" (lunar Hijri,
        MONTH.lunar.N): a day of a Hijri month, as a Gregorian date; without a year, the latest one
        on or before publication."""
        assert self.pub is not None
        lunar = month.is_("MONTH.lunar")
        month_no = int(month.concept.split(".")[-1])
        j = month.j
        year = int(self.tokens[j].text) if j < len(self.tokens) and self.tokens[j].text.isdigit() \
            and 1300 <= int(self.tokens[j].text) <= 1500 else None
        if lunar:
            d = _lunar_hijri(year, month_no, day) if year else _latest_lunar_hijri(self.pub, month_no, day)
        else:
            d = _solar_hijri(year, month_no, day) if year else _latest_solar_hijri(self.pub, month_no, day)
        if d is None:
            return None
        end = j + (1 if year else 0)
        if year and end < len(self.tokens) and self.concept_at(end, "TIME.hijri_year"):
            end = self.concept_at(end, "TIME.hijri_year").j  # type: ignore[union-attr]  # "1445 هـ"
        return TimeExpr(k, end, d, d, rule="period.date")

    def _weekday(self, k: int) -> TimeExpr | None:
        m = self.concept_at(k, "WEEKDAY")
        if m is None or self.pub is None:
            return None
        wd = int(m.concept.split(".")[1])
        d = self.pub - timedelta(days=(self.pub.weekday() - wd) % 7)
        return TimeExpr(k, m.j, d, d, rule="period.weekday")

    def _relative_day(self, k: int) -> TimeExpr | None:
        assert self.pub is not None
        for concept, days in (("TIME.day_before_yesterday", 2), ("TIME.yesterday", 1), ("TIME.today", 0)):
            m = self.concept_at(k, concept)
            if m is not None:
                d = self.pub - timedelta(days=days)
                j = m.j
                wd = self.concept_at(j, "WEEKDAY")
                return TimeExpr(k, wd.j if wd else j, d, d, rule=f"period.{concept.split('.')[1]}")
        return None

    def _units(self, k: int) -> TimeExpr | None:
        """Spans counted in units: last 10 days, 4 days ago, first 4 months, last week."""
        assert self.pub is not None
        unit = self.concept_at(k, "TIME.unit")
        num = _int_at(self.lex, self.tokens, k, self.table)
        two = self.concept_at(k, "TIME.two")
        if two is not None:  # "منذ يومين", "خلال الشهرين الماضيين": a dual counts two
            unit, n, j0 = two, 2, k
        elif num and num[0] < 1000 and self.concept_at(num[1], "TIME.unit"):  # not "2023年", a year
            unit, n, j0 = self.concept_at(num[1], "TIME.unit"), num[0], num[1]
        elif unit is not None:
            marked = self.concept_at(unit.j, "MEASURE.ordinal") is not None  # "الأيام الـ 10 الأخيرة"
            after = _int_at(self.lex, self.tokens, unit.j + (1 if marked else 0), self.table)
            if after and after[0] >= 1000 and unit.concept == "TIME.unit.year":
                return None  # "منذ سنة 2015", "in the year 2015": a year, read at the number
            if unit.concept == "TIME.unit.day" and self.concept_at(unit.j, "WEEKDAY"):
                day = self._weekday(unit.j)  # "منذ يوم الأحد": since Sunday, not since a day ago
                if day is not None:
                    day.i = k
                return day
            n, j0 = (after[0], after[1] - 1) if after and after[0] < 1000 else (None, unit.i)
        else:
            return None
        assert unit is not None
        name = unit.concept.split(".")[-1]
        j = max(unit.j, j0 + 1)
        last = self.concept_at(j, "TIME.last") or (self.ending_at(k, "TIME.last") if n is None else None)
        first = self.concept_at(j, "TIME.first") or self.ending_at(k, "TIME.first")
        this = self.concept_at(j, "TIME.this") or self.ending_at(k, "TIME.this")
        since_start = self.ending_at(k, "TIME.since_start")
        ago = self.concept_at(j, "TIME.ago") or self.ending_at(k, "TIME.ago") or self.ending_at(k, "TIME.since")
        if n is not None and first is not None:
            return self._first_n(k, max(j, first.j), n, name)
        nth = self.concept_at(j, "NUM.ordinal") if n is None else None
        if nth is not None and isinstance(nth.entry.payload, int) and name in ("week", "month"):
            span = self._first_n(k, nth.j, nth.entry.payload, name)  # "الأسبوع الأول من العام": the n-th unit
            if span is not None:
                if nth.entry.payload > 1:
                    span.start = (_shift_months(span.start, nth.entry.payload - 1) if name == "month"
                                  else span.start + timedelta(days=7 * (nth.entry.payload - 1)))
                span.rule = "period.nth_unit"
                return span
        if n is not None and (last is not None or self.ending_at(k, "TIME.last") or self.ending_at(k, "TIME.during")):
            # "الأيام العشرة الأخيرة", "the past 48 hours", "خلال 24 ساعة": the last n units
            start = self._minus(n, name)
            return TimeExpr(k, last.j if last else j, start, self.pub, "during", "period.last_n")
        if n is not None and ago is not None:
            d = self._minus(n, name)
            return TimeExpr(k - (1 if ago.i < k else 0), max(j, ago.j), d, d, "ago", "period.ago")
        if n is None and last is not None and last.concept == "TIME.last.rolling":
            # "за останній тиждень", "за последнюю неделю": the seven days up to now, not the calendar week before
            return TimeExpr(k, max(j, last.j), self._minus(1, name), self.pub, "during", "period.last_n")
        if n is None and last is not None:
            return self._previous(k, last.j, name)
        if n is None and ago is not None:  # "a week ago", "قبل أسبوع", "منذ شهر": one unit back
            d = self._minus(1, name)
            return TimeExpr(k - (1 if ago.i < k else 0), max(j, ago.j), d, d, "ago", "period.ago")
        if n is None and since_start is not None:
            expr = self._current(since_start.i, j, name)
            if expr is not None:
                expr.role = "since"
            return expr
        if n is None and this is not None:
            return self._current(k, max(j, this.j), name)
        return None

    def _minus(self, n: int, unit: str) -> date:
        assert self.pub is not None
        days = {"day": 1, "week": 7, "hour": 1 / 24}.get(unit)
        if days is not None:
            return self.pub - timedelta(days=round(n * days))
        return _shift_months(self.pub, -n if unit == "month" else -12 * n)

    def _first_n(self, k: int, j: int, n: int, unit: str) -> TimeExpr | None:
        """"الأشهر الأربعة الأولى من الحرب", "the first six months of this year"."""
        anchor = None
        for b in range(j, min(j + 4, len(self.tokens))):
            if self.concept_at(b, "EVENT.war") and self.war_start:
                anchor, j = self.war_start, b + 1
                break
            if self.concept_at(b, "TIME.this") or self.concept_at(b, "TIME.unit.year"):
                assert self.pub is not None
                anchor, j = date(self.pub.year, 1, 1), b + 1
        if anchor is None:
            return None
        if unit == "month":
            end = _shift_months(anchor, n)
            end = end - timedelta(days=1) if anchor.day == 1 else end
        else:
            end = anchor + timedelta(days={"day": 1, "week": 7}.get(unit, 365) * n - 1)
        return TimeExpr(k, j, anchor, end, "during", "period.first_n")

    def _previous(self, k: int, j: int, unit: str) -> TimeExpr | None:
        assert self.pub is not None
        if unit == "week":
            monday = self.pub - timedelta(days=self.pub.weekday() + 7)
            return TimeExpr(k, j, monday, monday + timedelta(days=6), rule="period.last_week")
        if unit == "month":
            first = _shift_months(self.pub.replace(day=1), -1)
            return TimeExpr(k, j, first, _month_end(first), rule="period.last_month")
        if unit == "year":
            y = self.pub.year - 1
            return TimeExpr(k, j, date(y, 1, 1), date(y, 12, 31), rule="period.last_year")
        return None

    def _current(self, k: int, j: int, unit: str) -> TimeExpr | None:
        assert self.pub is not None
        starts = {"week": self.pub - timedelta(days=self.pub.weekday()),
                  "month": self.pub.replace(day=1), "year": date(self.pub.year, 1, 1)}
        if unit not in starts:
            return None
        return TimeExpr(k, j, starts[unit], self.pub, rule=f"period.this_{unit}")
