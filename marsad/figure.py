"""The Figure record: the fields of ANNOTATION.md plus provenance."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Field names and order of ANNOTATION.md, as the JSON output uses them.
ANNOTATION_FIELDS = (
    "doc", "evidence", "value", "low", "high", "qualifier", "unit", "kind", "per",
    "movement", "group", "nationality", "origin", "origin_place", "destination",
    "destination_place", "period_start", "period_end", "source", "source_type",
)


@dataclass
class Figure:
    """One movement figure found in a text.

    `start`/`end` are character offsets of the number phrase in the input,
    `evidence` is its sentence, `rule` lists the lexicon entries and patterns
    that produced it, so a wrong figure can be traced in one step.
    """

    evidence: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    unit: str = "people"
    kind: str = "total"
    per: str | None = None
    movement: str | None = None
    group: str | None = None
    nationality: str | None = None
    origin: str | None = None
    origin_place: str | None = None
    destination: str | None = None
    destination_place: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    source: str | None = None
    source_type: str = "unknown"
    start: int = 0
    end: int = 0
    rule: list[str] = field(default_factory=list)
    confidence: float = 0.5
    doc: str | None = None
    part_of: int | None = None  # offset (start) of the figure this one is a subgroup of, in the same sentence

    def annotation(self) -> dict[str, Any]:
        """The figure as ANNOTATION.md spells it (field names and order)."""
        data = asdict(self)
        return {name: data[name] for name in ANNOTATION_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        """Annotation fields followed by offsets, rule and confidence."""
        out = self.annotation()
        out.update(start=self.start, end=self.end, rule=list(self.rule), confidence=self.confidence,
                   part_of=self.part_of)
        return out
