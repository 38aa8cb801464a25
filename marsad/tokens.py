"""Tokens and sentences over normalised text, with offsets into the input."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.normalize import IGNORABLE

# A number: digit groups joined by separators (98,000 · 98.000 · 98 000 ·
# 2ر2, where the letter ra stands for the Arabic decimal sign).
_NUMBER = r"\d+(?:(?:[.,']|ر|\s(?=\d{3}(?!\d)))\d+)*"
# Scripts written without spaces between words (Han, kana): each of their
# letters is a token of its own, and the lexicon matches runs of them.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
UNSPACED_RE = re.compile(f"[{UNSPACED}]")
_LETTER = rf"[^\W\d_{UNSPACED}]"
_WORD = (rf"[{UNSPACED}]|{_LETTER}[^\W\d_{IGNORABLE}{UNSPACED}]*(?:[{IGNORABLE}]+{_LETTER}+)*[{IGNORABLE}]*"
         rf"|[{IGNORABLE}]+")
_MARK = re.compile(f"[{IGNORABLE}]")
_TOKEN_RE = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>[^\w\s])")
# Sentence ends: . ! ? ; and line breaks; a full stop needs space after it so
# that "1.43" stays whole. The Urdu full stop "۔" is never a decimal point; the
# ideographic full stop 。 and ! ? before Han need no space after them.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[;۔])\s*|(?<=。)\s*|(?<=[!?])(?=[" + UNSPACED + "])")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # lookup form (normalised, ignorable marks removed)
    start: int
    end: int
    kind: str  # "num", "word" or "punct"


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `norm[start:end]` with absolute offsets."""
    stop = len(norm) if end is None else end
    tokens = []
    marked = _MARK.search(norm, start, stop) is not None
    for m in _TOKEN_RE.finditer(norm, start, stop):
        kind = m.lastgroup or "punct"
        text = m.group()
        if kind == "word" and marked:
            text = _MARK.sub("", text)  # already normalised: drop marks only
            if not text:
                continue
        tokens.append(Token(text, m.start(), m.end(), kind))
    return tokens


def split_sentences(norm: str, abbreviations: frozenset[str] = frozenset(),
                    ordinal_followers: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, trimmed of surrounding space; a full
    stop after a lone letter or a listed abbreviation ("200 тыс. россиян") goes on,
    and so does an ordinal's ("am 21. September", "in der 20. Kalenderwoche")
    when the next word is one of `ordinal_followers`."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(norm):
        if m.start() > pos and norm[m.start() - 1] == "." and (
                _is_abbreviation(norm, pos, m.start())
                or (abbreviations and _word_before(norm, m.start() - 1) in abbreviations)
                or (ordinal_followers and _is_ordinal(norm, m.start() - 1, m.end(), ordinal_followers))):
            continue
        _append_trimmed(norm, pos, m.start(), spans)
        pos = m.end()
    _append_trimmed(norm, pos, len(norm), spans)
    return spans


_ORDINAL = re.compile(r"(?<![\d.,])\d{1,2}$")
_NEXT_WORD = re.compile(r"[^\W\d_]+")


def _is_ordinal(norm: str, dot: int, after: int, followers: frozenset[str]) -> bool:
    """"21. September": a one- or two-digit number, its full stop, then a listed word."""
    if not _ORDINAL.search(norm, max(0, dot - 3), dot):
        return False
    nxt = _NEXT_WORD.match(norm, after)
    return nxt is not None and nxt.group() in followers


def _word_before(norm: str, dot: int) -> str:
    k = dot
    while k > 0 and norm[k - 1].isalpha():
        k -= 1
    return norm[k:dot]


def _is_abbreviation(norm: str, start: int, end: int) -> bool:
    """A full stop after a lone letter ("J. Smith", "ج. بيامباسورين")."""
    if end - start < 2:
        return False
    before = norm[max(start, end - 3):end - 1]
    return before[-1:].isalpha() and (len(before) == 1 or not before[-2].isalnum())


def _append_trimmed(norm: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = norm[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
