"""The reference date of a text whose publication date is unknown.

Relative dates ("on Tuesday", "last week") resolve against the publication
date. When a caller does not know it, the URL often carries it
(".../2022/09/27/story"), and a dateline or the first absolute date of the text
("GENEVA, 6 July 2023 —") is the next best reference. Each figure then names
where its reference came from (`reference.url`, `reference.text`).
"""

from __future__ import annotations

import re
from datetime import date

from marsad.lexicon import Lexicon
from marsad.sentence import Sentence
from marsad.stages.period import PeriodFinder
from marsad.tokens import tokenize

URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
URL_DATE_LOOSE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)")
FAR = date(2100, 12, 31)  # a reference far enough ahead that only stated years resolve before it
HEAD_CHARS = 400


def from_url(url: str | None) -> date | None:
    if not url:
        return None
    for pattern in (URL_DATE_LOOSE, URL_DATE):
        for m in pattern.finditer(url):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def from_text(norm: str, lex: Lexicon) -> date | None:
    """The first date with a stated year near the start of the text (a dateline)."""
    head = norm[:HEAD_CHARS]
    tokens = tokenize(head, 0, len(head))
    sent = Sentence(lex, 0, len(head), tokens, [m for found in lex.table(tokens) for m in found])
    for expr in PeriodFinder(lex, tokens, sent.at, FAR).find():
        if expr.rule == "period.date" and expr.start.year < FAR.year - 1:
            return expr.start
    return None


def reference_date(norm: str, lex: Lexicon, url: str | None) -> tuple[date | None, str | None]:
    """(reference date, rule id) for a text with no publication date."""
    found = from_url(url)
    if found is not None:
        return found, "reference.url"
    found = from_text(norm, lex)
    return (found, "reference.text") if found is not None else (None, None)
