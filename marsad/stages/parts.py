"""Parts of a figure named in the same sentence.

"8,933 people were evacuated, among them 859 children": after a PART word
(`parts.yaml` of each language folder: among them, including, بينهم, dont,
darunter, среди них …) the figures that follow in the sentence are subgroups
of the figure before the word, as long as none is larger than it. Each part
records the offset of its whole (`Figure.part_of`), so flows never set a part
against its whole.
"""

from __future__ import annotations

from marsad.figure import Figure
from marsad.sentence import Sentence
from marsad.stages.quantities import Quantity


def mark_parts(sent: Sentence, figures: list[tuple[Quantity, Figure]]) -> None:
    for marker in sent.having("PART"):
        before = [(q, f) for q, f in figures if q.j <= marker.i]
        after = [(q, f) for q, f in figures if q.i >= marker.j]
        if not before or not after:
            continue
        whole = before[-1][1]
        for _, part in after:
            if part.part_of is not None or not _fits_in(part, whole):
                break
            part.part_of = whole.start
            words = " ".join(t.text for t in sent.tokens[marker.i:marker.j])
            part.rule.append(f"{sent.lex.code}.{marker.concept}:{words}")


def _fits_in(part: Figure, whole: Figure) -> bool:
    """A part is no larger than its whole, of the same unit (bounds where no value is given)."""
    small = part.value if part.value is not None else part.low
    big = whole.value if whole.value is not None else whole.high
    return part.unit == whole.unit and small is not None and (big is None or small <= big)
