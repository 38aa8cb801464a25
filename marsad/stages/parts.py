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


TRAILING = 2  # tokens between a part's number and a marker after it ("800 ألف منهم", "300 of them")
SHARED = ("nationality", "origin", "destination")  # what a part leaves open is its whole's


def mark_parts(sent: Sentence, figures: list[tuple[Quantity, Figure]], earlier: Figure | None = None) -> None:
    """`earlier`: the last figure of the sentences before, the whole of a sentence that opens
    with a marker ("De ellos, 2,2 millones han llegado a Polonia", "Davon seien 230.000 …")."""
    for marker in sent.having("PART"):
        words = " ".join(t.text for t in sent.tokens[marker.i:marker.j])
        before = [(q, f) for q, f in figures if q.j <= marker.i]
        after = [(q, f) for q, f in figures if q.i >= marker.j]
        if not before and after and earlier is not None and marker.i <= 1:
            for _, part in after:
                _mark(part, earlier, f"{sent.lex.code}.{marker.concept}:{words}:sentence-before")
            continue
        if before and not after and len(before) > 1 and marker.i - before[-1][0].j <= TRAILING:
            # "تستضيف نحو مليوني سوري، أقل من 800 ألف منهم مسجلون": the marker follows the part
            _mark(before[-1][1], before[-2][1], f"{sent.lex.code}.{marker.concept}:{words}")
            continue
        if not before or not after:
            continue
        whole = before[-1][1]
        for _, part in after:
            if part.part_of is not None or not _fits_in(part, whole):
                break
            _mark(part, whole, f"{sent.lex.code}.{marker.concept}:{words}")


def _mark(part: Figure, whole: Figure, rule: str) -> None:
    if part.part_of is not None or not _fits_in(part, whole):
        return
    part.part_of = whole.start
    part.rule.append(rule)
    for name in SHARED:
        if getattr(part, name) is None and getattr(whole, name) is not None:
            setattr(part, name, getattr(whole, name))
            part.rule.append(f"part.{name}")


def _fits_in(part: Figure, whole: Figure) -> bool:
    """A part is no larger than its whole, of the same unit (bounds where no value is given)."""
    small = part.value if part.value is not None else part.low
    big = whole.value if whole.value is not None else whole.high
    return part.unit == whole.unit and small is not None and (big is None or small <= big)
