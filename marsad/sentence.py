"""A sentence with its tokens and lexicon matches, and token geometry."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

from marsad.lexicon import Lexicon, Match
from marsad.tokens import UNSPACED_RE, Token

COMMA_COST = 3
HARD_BREAKS = {";", "?", "!"}
SOFT_BREAKS = {",", "(", ")"}


@dataclass
class Sentence:
    lex: Lexicon
    start: int
    end: int
    tokens: list[Token]
    matches: list[Match] = field(default_factory=list)
    table: list[list[Match]] = field(default_factory=list)  # longest matches at each token
    _having: dict[str, list[Match]] = field(default_factory=dict, repr=False)

    @cached_property
    def at(self) -> dict[int, list[Match]]:
        index: dict[int, list[Match]] = {}
        for m in self.matches:
            index.setdefault(m.i, []).append(m)
        return index

    @cached_property
    def breaks(self) -> list[int]:
        """Token indices that open a new clause."""
        words = set(self.lex.settings.get("clause_breaks", ()))
        return [k for k, t in enumerate(self.tokens) if t.text in HARD_BREAKS or t.text in words]

    @cached_property
    def brackets(self) -> list[tuple[int, int]]:
        """(open, one past close) of each bracketed run of tokens."""
        return _brackets(self.tokens)

    def concept_at(self, k: int, prefix: str) -> Match | None:
        for m in self.at.get(k, ()):
            if m.is_(prefix):
                return m
        return None

    def having(self, prefix: str) -> list[Match]:
        """Matches of a concept (or its sub-concepts), in text order."""
        found = self._having.get(prefix)
        if found is None:
            found = self._having[prefix] = [m for m in self.matches if m.is_(prefix)]
        return found

    def distance(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        """Tokens between two spans, commas weigh more; a clause break is infinite."""
        lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
        if hi < lo:
            return 0
        if any(lo <= k < hi for k in self.breaks):
            return float("inf")
        return self._cost_before[hi] - self._cost_before[lo]

    @cached_property
    def _cost_before(self) -> list[float]:
        """Running cost of the tokens: a word 1, a comma or bracket 1 + COMMA_COST, a letter
        of a script written without spaces (一 Han character) half a word, and a gloss in
        another script in brackets inside such text ("拉法（Rafah）") or an acronym in brackets ("(WFP)") nothing."""
        costs = [1 + COMMA_COST if t.text in SOFT_BREAKS else 0.5 if _unspaced(t.text) else 1.0 for t in self.tokens]
        unspaced = any(_unspaced(t.text) for t in self.tokens)
        for lo, hi in _brackets(self.tokens):
            inner = self.tokens[lo + 1:hi - 1]
            if unspaced and not any(_unspaced(t.text) for t in inner) or _acronym(inner):
                costs[lo:hi] = [0.0] * (hi - lo)
        return list(accumulate(costs, initial=0.0))


def _unspaced(text: str) -> bool:
    return len(text) == 1 and UNSPACED_RE.match(text) is not None


def _acronym(inner: list[Token]) -> bool:
    """"laut dem Welternährungsprogramm (WFP)": one short name in brackets glosses the word before it."""
    return len(inner) == 1 and inner[0].kind == "word" and len(inner[0].text) <= 8


def _brackets(tokens: list[Token]) -> list[tuple[int, int]]:
    """(open, one past close) of each bracketed run of tokens."""
    spans, opened = [], None
    for k, t in enumerate(tokens):
        if t.text == "(":
            opened = k
        elif t.text == ")" and opened is not None:
            spans.append((opened, k + 1))
            opened = None
    return spans
