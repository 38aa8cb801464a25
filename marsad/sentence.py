"""A sentence with its tokens and lexicon matches, and token geometry."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

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
        commas = sum(1 for t in self.tokens[lo:hi] if t.text in SOFT_BREAKS)
        return (hi - lo) - self.unspaced_share * self.unspaced[lo:hi].count(True) + COMMA_COST * commas

    # A letter of a script written without spaces (一 Han character) weighs half a word.
    unspaced_share = 0.5

    @cached_property
    def unspaced(self) -> list[bool]:
        return [len(t.text) == 1 and UNSPACED_RE.match(t.text) is not None for t in self.tokens]
