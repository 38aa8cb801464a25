"""Decide whether a number counts people on the move, and how.

For each quantity: the counted noun right after it (people, refugees,
households, cars, a demonym — or casualties, soldiers, sites, which rule it
out), the nearest movement trigger in its clause, blockers (killed,
arrested, troops) that sit closer than the trigger, plans and fears (modal),
and the kind: rate ("يوميا", "a day"), stock (hosted, waiting, a refugee or
displaced noun with no verb) or total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.lexicon import Entry, Match
from marsad.sentence import Sentence
from marsad.stages.quantities import Quantity

WINDOW = 14  # farthest trigger, in weighted tokens (a language may set its own: trigger_window)
VERB_OVER_NOUN = 8  # a verb this near decides over a refugee/displaced noun
NOUN_WINDOW = 4
STOCK_MOVES = {"hosted", "waiting"}
# A refugee or displaced noun with no verb is a stock of that movement.
NOUN_MOVES = {"NOUN.refugee": "hosted", "NOUN.displaced": "displaced", "NOUN.returnee": "returned",
              "NOUN.asylum_seeker": "asylum"}
PREPOSITION_CLITICS = {"ب", "بال", "ل", "لل", "ك", "كال", "وب", "وبال", "ول", "ولل", "فب", "فل", "وك"}


@dataclass
class Movement:
    movement: str
    kind: str
    per: str | None
    unit: str
    noun: Match | None
    demonym: Match | None
    trigger: Match | None
    rules: list[str] = field(default_factory=list)
    confidence: float = 0.5


def _demonym_here(sent: Sentence, dem: Match, noun: Match | None) -> bool:
    """A demonym that is also its country's name ("روسيا": Russia, or Russian in the
    accusative) is the demonym only after an accusative noun ("78 ألفا و742 مواطنا روسيا");
    "لاجئ أوكرانيا" are Ukraine's refugees, the country they left."""
    if not dem.entry.payload.get("accusative"):
        return True
    return noun is not None and sent.tokens[noun.j - 1].text.endswith("ا")


def _noun_after(sent: Sentence, q: Quantity) -> tuple[Match | None, Match | None, str | None]:
    """(counted noun, demonym, reason to reject) in the words after q."""
    noun = demonym = None
    k, seen = q.j, 0
    while k < len(sent.tokens) and seen < NOUN_WINDOW:
        tok = sent.tokens[k]
        found = sent.at.get(k, [])
        bad = next((m for m in found if (m.is_("NOT") and not m.is_("NOT.population")) or m.is_("MEASURE")), None)
        if bad is not None and bad.entry.form in ("%",) and noun is None:
            return None, None, bad.entry.rule
        if tok.text in ("-", ".") and k == q.j:
            k += 1  # "a 10-year-old": the compound goes on; "200 тыс. россиян": an abbreviated scale
            continue
        if tok.kind == "punct" and tok.text not in "[]\"'":
            break
        person = next((m for m in found if m.is_("NOUN") or m.is_("UNIT")), None)
        dem = next((m for m in found if m.is_("DEMONYM") and _demonym_here(sent, m, noun)), None)
        if bad is not None and noun is None and demonym is None and person is None:
            return None, None, bad.entry.rule
        if any(m.clitic in PREPOSITION_CLITICS for m in found):
            break  # "للبلدان المجاورة": a preposition starts, the noun is over
        if person is not None and noun is None:
            noun = person
            k = person.j
            seen += 1
            continue
        if dem is not None and demonym is None:
            demonym = dem
            k = dem.j
            seen += 1
            continue
        if tok.text in sent.lex.settings.get("noun_skip", ()) or tok.text in "[]\"'":
            k += 1
            continue
        if noun is not None or demonym is not None:
            break
        # an unknown word right after the number: not a counted noun here
        break
    return noun, demonym, None


def _vetoed(sent: Sentence, q: Quantity) -> str | None:
    """Numbers that compare rather than count: "one in three", "3,109 more than
    last year", "بزيادة 3109 عن العام الماضي" (ANNOTATION.md: ratios and
    differences between periods are not figures)."""
    for m in sent.having("RATIO"):
        if q.j <= m.i <= q.j + 2 and m.j < len(sent.tokens) and \
                (sent.tokens[m.j].kind == "num" or sent.concept_at(m.j, "NUM")):
            return "veto.ratio"
    compared = [m for m in sent.having("COMPARE") if q.j <= m.i <= q.j + 2
                and not any(t.kind == "punct" for t in sent.tokens[q.j:m.i])]
    diff = [m for m in sent.having("DIFF") if m.j <= q.i and q.i - m.j <= 2]
    if compared or diff:
        for k in range(q.j, min(q.j + 10, len(sent.tokens))):
            if sent.concept_at(k, "TIME.last") or sent.concept_at(k, "TIME.same_period") \
                    or sent.concept_at(k, "COMPARE.period") or sent.concept_at(k, "TIME.unit.year"):
                return "veto.difference"
    return None


def _counted_clause_verb(sent: Sentence, q: Quantity) -> Match | None:
    """"The number of migrants who crossed into Ceuta since January, up to November,
    reached 398" (COUNT.of): the number is the count the clause after "the number of"
    describes, however long that clause; its movement verb is the figure's."""
    for count in sent.having("COUNT.of"):
        if count.j > q.i:
            continue
        verbs = [m for m in sent.having("MOVE") if count.j <= m.i < q.i]
        others = [k for k in range(count.j, q.i) if sent.tokens[k].kind == "num"]
        if verbs and not others:  # no other number between: the count is this one
            return verbs[0]
    return None


def _clause_noun(sent: Sentence, q: Quantity) -> Match | None:
    """"عدد النازحين داخليًا في السودان بلغ 10,916,305": the noun before."""
    best, best_d = None, float("inf")
    for prefix in NOUN_MOVES:
        for m in sent.having(prefix):
            if m.j <= q.i:
                d = sent.distance((q.i, q.j), (m.i, m.j))
                if d < best_d and d <= VERB_OVER_NOUN:
                    best, best_d = m, d
    return best


_COMPLETE_PERIOD = ("TIME.this", "TIME.last", "TIME.yesterday", "TIME.today", "RATE")


def _before_is_measure(sent: Sentence, q: Quantity) -> str | None:
    for back in (1, 2, 3):
        for m in sent.at.get(q.i - back, ()):
            if m.is_("TIME.unit") and any(x.j >= m.i and x.is_(p) for p in _COMPLETE_PERIOD for x in sent.at.get(m.i - 1, ())):
                continue  # "رواں ماہ ایک لاکھ", "last week 3,000", "chaque année des milliers": a complete period, the number counts
            # "الأيام العشرة" (the ten days); but "за 72 часа более 30 тысяч": the unit closes another number
            # and "in den Wochen zwischen 424": a qualifier or range word stands between
            unit = m.is_("TIME.unit") and not (m.i > 0 and sent.tokens[m.i - 1].kind == "num") \
                and sent.concept_at(q.i, "QUAL") is None and sent.concept_at(q.i, "RANGE") is None
            if m.j == q.i and (m.is_("MEASURE.ordinal") or m.is_("MEASURE.money") or m.is_("NOT.population")
                               or (m.is_("MONTH") or unit) and _date_like(q) or m.is_("NOT.capacity")
                               or m.is_("MEASURE.size")):
                return m.entry.rule  # "الأيام العشرة", "طاقته الاستيعابية 400 شخص", "families of five", "aged 12"
            if m.j == q.i + 1 and m.is_("MEASURE.size") and sent.concept_at(q.i, "RANGE.from"):
                return m.entry.rule  # "مكونة من 7 أفراد": the size's "من" was read as a range's start
    if q.i > 0 and sent.tokens[q.i - 1].text in {"/", "#", "\\"}:
        return "punct-before"
    before = sent.tokens[q.i - 1] if q.i > 0 else None
    if before is not None and before.kind == "word" and before.end == sent.tokens[q.i].start and before.text.isascii():
        return "code"  # "A400M", "KW30": digits inside a name or code

    if q.j + 1 < len(sent.tokens) and sent.tokens[q.j].text in {":", "/", "\\"} and sent.tokens[q.j + 1].kind == "num":
        return "clock-or-date"  # "11:30", "14/9/2023", "14\\9\\2023"
    if sent.concept_at(q.j, "MONTH"):
        return "date"
    if q.i >= 2 and sent.tokens[q.i - 1].text == "." and sent.concept_at(q.i - 2, "MONTH"):
        return "date"  # "on Feb. 24"
    if q.j + 1 < len(sent.tokens) and sent.tokens[q.j].text in sent.lex.settings.get("date_connectors", ()) \
            and sent.concept_at(q.j + 1, "MONTH"):
        return "date"  # "24 de febrero", "15. März"
    return None


def _date_like(q: Quantity) -> bool:
    """A number after a month or a time unit that can be a day, a count of days or a year
    ("Feb 24", "الأيام العشرة", "مهر ۱۴۰۳"); "5 Nisan Cuma günü 1.200 göçmen" is a count."""
    return q.value is None or q.value < 100 or 1300 <= q.value <= 2100


def _is_year(q: Quantity, noun: Match | None) -> bool:
    return (q.value is not None and q.qualifier == "exact" and 1900 <= q.value <= 2100
            and not q.word_number and len(q.rules) == 1 and noun is None)


def _nearest(sent: Sentence, q: Quantity, prefix: str) -> tuple[Match | None, float]:
    best, best_d = None, float("inf")
    for m in sent.having(prefix):
        if q.i <= m.i < q.j:
            continue
        d = sent.distance((q.i, q.j), (m.i, m.j))
        if m.i >= q.j:
            d -= 0.5  # "98 ألف روسي دخلوا": the verb after the subject wins a tie
        if d < best_d:
            best, best_d = m, d
    return best, best_d


def _nearest_other(sent: Sentence, q: Quantity, noun_move: Match) -> tuple[Match | None, float]:
    best, best_d = None, float("inf")
    for m in sent.having("MOVE"):
        if m.i == noun_move.i or q.i <= m.i < q.j:
            continue
        d = sent.distance((q.i, q.j), (m.i, m.j)) - (0.5 if m.i >= q.j else 0)
        if d < best_d:
            best, best_d = m, d
    return best, best_d


BLOCKERS = ("NOT.casualty", "NOT.arrest", "NOT.military")


def _blocker(sent: Sentence, q: Quantity) -> tuple[Match | None, float]:
    """The nearest word that makes a number count something else (killed,
    arrested, troops)."""
    best: tuple[Match | None, float] = (None, float("inf"))
    for prefix in BLOCKERS:
        m, d = _nearest(sent, q, prefix)
        if d < best[1]:
            best = (m, d)
    return best


def _dates_a_month(sent: Sentence, k: int) -> bool:
    """Whether token k introduces a month name: "of", "in", "since", "until", a number."""
    return sent.tokens[k].kind == "num" or sent.tokens[k].text in sent.lex.settings.get("of_words", ()) \
        or any(sent.concept_at(k, c) for c in ("TIME.since", "TIME.during", "TIME.until", "PREP.in"))


def _modal_near(sent: Sentence, q: Quantity, trigger: Match | None) -> Match | None:
    spans = [(q.i, q.j)] + ([(trigger.i, trigger.j)] if trigger else [])
    lo = min(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    if sent.lex.settings.get("verb_final") and trigger is not None and trigger.j >= q.j:
        hi = trigger.j + 3  # "ڈی پورٹ کیا جائے گا": the future marker follows the verb
    for m in sent.having("MODAL"):
        if sent.concept_at(m.i, "MONTH") and (m.j < len(sent.tokens) and sent.tokens[m.j].kind == "num"
                                              or m.i > 0 and _dates_a_month(sent, m.i - 1)):
            continue  # "May 6", "since May", "the third week of May" are dates
        if lo - 3 <= m.i < hi and not (q.i <= m.i < q.j):
            return m
        if lo - 8 <= m.i < lo and all(t.kind != "punct" for t in sent.tokens[m.j:lo]) \
                and not any(x.is_("MOVE") or x.is_("SAY") for k in range(m.j, lo) for x in sent.at.get(k, ())):
            return m  # "on pourrait en effet atteindre la barre des 35 000 réfugiés": the modal governs the clause
    return None


def _border_crossed(sent: Sentence, q: Quantity) -> Match | None:
    """A border "across" which ("über die Grenze", "через границу") the counted people go."""
    for border in sent.having("BORDER"):
        if border.i > q.j and sent.distance((q.i, q.j), (border.i, border.j)) <= WINDOW and any(
                sent.concept_at(k, "PREP.via") for k in range(max(q.j, border.i - 6), border.i)):
            return border
    return None


def _cause_near(sent: Sentence, q: Quantity, trigger: Match) -> Match | None:
    """A war, a disaster or persecution in the clause of the figure or its verb (CAUSE)."""
    for m in sent.having("CAUSE"):
        if min(sent.distance((q.i, q.j), (m.i, m.j)), sent.distance((trigger.i, trigger.j), (m.i, m.j))) <= WINDOW:
            return m
    return None


def _internal_near(sent: Sentence, q: Quantity, trigger: Match) -> Match | None:
    """"inside the country" (INTERNAL) in the clause of the figure and near it or its verb."""
    for m in sent.having("INTERNAL"):
        if min(sent.distance((q.i, q.j), (m.i, m.j)), sent.distance((trigger.i, trigger.j), (m.i, m.j))) <= 4:
            return m
    return None


def _is_period_not_rate(sent: Sentence, rate: Match) -> bool:
    """"a week ago", "in a year", "في العام الماضي", "in the year 2024": a time, not a rate."""
    after = rate.j
    if any(sent.concept_at(after, c) for c in ("TIME.ago", "TIME.last", "TIME.this")):
        return True
    if after < len(sent.tokens) and sent.tokens[after].text.isdigit() and len(sent.tokens[after].text) == 4:
        return True
    return any(m.j == rate.i and (m.is_("TIME.during") or m.is_("TIME.since")) for m in sent.at.get(rate.i - 1, ()))


def _still(sent: Sentence, trigger: Match | None) -> Match | None:
    """"تاحال بے گھر", "still displaced": a state word just before the trigger, or one that
    holds it ("auf der Flucht", on the run), makes a stock."""
    if trigger is None:
        return None
    return next((m for m in sent.having("STATE.still")
                 if 0 <= trigger.i - m.j <= 1 or m.i <= trigger.i and trigger.j <= m.j), None)


KIND_WINDOW = 5  # tokens between a clause's kind word and the number or the verb


def _clause_kind(sent: Sentence, q: Quantity, trigger: Match | None, kind: str) -> Match | None:
    """A word of the clause that makes the count a total ("a total of", "so far",
    "إجمالي") or a stock ("there are", "currently", "لا يزال") against what the
    counted noun or the verb alone would give (KIND.* in movement.yaml)."""
    wanted = "KIND.total" if kind == "stock" else "KIND.stock"
    anchors = [(q.i, q.j)] + ([(trigger.i, trigger.j)] if trigger is not None else [])
    for m in sent.having(wanted):
        if any(-KIND_WINDOW <= a - m.j <= KIND_WINDOW or 0 <= m.i - b <= KIND_WINDOW for a, b in anchors) \
                and min(sent.distance(a, (m.i, m.j)) for a in anchors) < float("inf"):
            return m
    return None


def _carries_cargo(sent: Sentence, vehicle: Match) -> bool:
    """A cargo word (aid, food, fuel) within a few words of the vehicles, in their clause."""
    return any(abs(m.i - vehicle.j) <= 5 or abs(vehicle.i - m.j) <= 3 for m in sent.having("NOT.cargo")
               if sent.distance((vehicle.i, vehicle.j), (m.i, m.j)) < float("inf"))


def _kind(sent: Sentence, q: Quantity, movement: str, from_noun: bool) -> tuple[str, str | None, str | None]:
    for k in list(range(q.j, min(q.j + 10, len(sent.tokens)))) + list(range(max(0, q.i - 3), q.i)):
        rate = sent.concept_at(k, "RATE")
        if rate is not None and _is_period_not_rate(sent, rate):
            continue
        if rate is not None and (rate.i >= q.j or rate.j >= q.i - 1) and sent.distance((q.i, q.j), (rate.i, rate.j)) < 12:
            return "rate", rate.concept.split(".")[1], rate.entry.rule  # "5,000 a day"; "täglich mehr als 10.000"
    if movement in STOCK_MOVES or from_noun:
        return "stock", None, None
    return "total", None, None


def attach_movement(sent: Sentence, q: Quantity) -> Movement | None:
    """The movement a quantity counts, or None when it is not a figure."""
    if _before_is_measure(sent, q) or _vetoed(sent, q):
        return None
    noun, demonym, reject = _noun_after(sent, q)
    if reject is not None or _is_year(q, noun) and demonym is None:
        return None
    if q.value is not None and q.value < 10 and noun is None:
        return None  # "أحد المصدرين", "one of": a small number needs its noun
    trigger, dist = _nearest(sent, q, "MOVE")
    if trigger is not None and noun is not None and trigger.i == noun.i:
        # "65 000 demandeurs d'asile arrivés en RDC": the counted noun names a movement, the verb says what they did
        verb, verb_d = _nearest_other(sent, q, trigger)
        if verb is not None and verb_d <= VERB_OVER_NOUN:
            trigger, dist = verb, verb_d
    blocker, block_d = _blocker(sent, q)
    lex = sent.lex.code
    rules = list(q.rules)
    from_noun = False
    noun_move = NOUN_MOVES.get(noun.concept) if noun is not None else None
    window = sent.lex.settings.get("trigger_window", WINDOW)  # verb-final languages put the verb farther
    if trigger is None or dist > window:
        counted = _counted_clause_verb(sent, q)
        if counted is not None:  # "عدد المهاجرين الذين تسللوا إلى سبتة منذ …، وإلى غاية نونبر، بلغ 398"
            trigger, dist = counted, 0
            rules.append(f"{lex}.COUNT.of")
    if noun_move is None and (trigger is None or dist > window):
        noun = _clause_noun(sent, q) or noun
        noun_move = NOUN_MOVES.get(noun.concept) if noun is not None else None

    if noun_move and (trigger is None or dist > VERB_OVER_NOUN):
        movement, from_noun = noun_move, noun_move != "returned"
        rules.append(f"{lex}.{noun.entry.rule}:noun-movement")  # type: ignore[union-attr]
        trigger = None
        crossing = _border_crossed(sent, q) if movement == "hosted" else None
        if crossing is not None:  # "14 Flüchtlinge über die österreichisch-ungarische Grenze": they crossed, they arrived
            movement, from_noun = "arrived", False
            rules.append(f"{lex}.{crossing.entry.rule}:crossed")
    elif trigger is not None and dist <= window:
        if blocker is not None and block_d < dist:
            return None
        movement = trigger.concept.split(".")[1]
        rules.append(f"{lex}.{trigger.entry.rule}")
        if movement == "departed" and noun is not None and noun.concept == "NOUN.refugee":
            movement = "fled"  # "غادر 2.2 مليون لاجئ أوكرانيا": refugees who left have fled
            rules.append("refugees-who-left-fled")
        elif movement == "departed" and (cause := _cause_near(sent, q, trigger)) is not None:
            movement = "fled"  # "покинули страну из-за войны": leaving because of war is flight
            rules.append(f"{lex}.{cause.entry.rule}:left-for-a-cause-fled")
        if movement == "fled" and (inside := _internal_near(sent, q, trigger)) is not None:
            movement = "displaced"  # "im Land auf der Flucht": fleeing inside the country is displacement
            rules.append(f"{lex}.{inside.entry.rule}:fled-inside-displaced")
    else:
        return None
    if _modal_near(sent, q, trigger):
        return None
    if demonym is None:  # "عدد اللاجئين السوريين ... بلغ 3.1 مليون": the group named before
        before = _clause_noun(sent, q)
        demonym = sent.concept_at(before.j, "DEMONYM") if before is not None else None
    kind, per, rate_rule = _kind(sent, q, movement, from_noun)
    if rate_rule:
        rules.append(f"{lex}.{rate_rule}")
    elif kind == "total" and (still := _still(sent, trigger)) is not None:
        kind = "stock"
        rules.append(f"{lex}.{still.entry.rule}")
    elif kind == "stock" and from_noun and noun is not None and noun.is_("NOUN.displaced") \
            and sent.concept_at(noun.j, "PREP.from") is not None:
        kind = "total"  # "100 ألف نازح من الجنوب", "40,000 displaced from Khan Younis": a count of who left a place
        rules.append(f"{lex}.{noun.entry.rule}:displaced-from")
    elif (clause := _clause_kind(sent, q, trigger, kind)) is not None:
        kind = clause.concept.split(".")[1]  # "a total of 100,000 displaced" / "there are 3,000 returnees in"
        rules.append(f"{lex}.{clause.entry.rule}")
    unit = "people"
    if noun is not None and noun.is_("UNIT"):
        unit = "households" if noun.concept == "UNIT.household" else "vehicles"
        if unit == "vehicles" and movement == "waiting":
            kind = "stock"
        if unit == "vehicles" and _carries_cargo(sent, noun):
            return None  # "diez camiones cargados con alimentos": aid trucks carry no one who moves
    if noun is not None:
        rules.append(f"{lex}.{noun.entry.rule}")
    confidence = 0.55 + (0.15 if noun or demonym else 0) + (0.15 if trigger and dist <= 4 else 0)
    return Movement(movement, kind, per, unit, noun, demonym, trigger, rules, round(min(confidence, 0.95), 2))


def _bullet_item(sent: Sentence, q: Quantity) -> Match | None:
    """"- 9 тисяч осіб — на території можливих бойових дій": a bullet item that opens
    with its figure and has no verb of its own goes on with the figure before the list."""
    if len(sent.tokens) < 2 or sent.tokens[0].text not in BULLETS or q.i > 2 or sent.having("MOVE"):
        return None
    return Match(Entry("ANAPHOR.bullet", sent.tokens[0].text), 0, 1)


def opens_with_part(sent: Sentence, q: Quantity) -> Match | None:
    """"Davon seien 230.000 Flüchtlinge …", "Серед них – 484 тисячі чоловіків": a sentence that
    opens with a part word (PART) counts parts of the figure before it."""
    return next((m for m in sent.having("PART") if m.i <= 1 and m.j <= q.i), None)


def inherit_movement(sent: Sentence, q: Quantity, previous: str | None) -> Movement | None:
    """"ارتفع العدد إلى نحو عشرة آلاف يوميا", "the number has grown to some
    10,000 per day": a number that refers back takes the movement before it."""
    if previous is None or _before_is_measure(sent, q):
        return None
    anaphor, dist = _nearest(sent, q, "ANAPHOR.number")
    bullet = _bullet_item(sent, q) or opens_with_part(sent, q)
    if bullet is None and (anaphor is None or dist > 10 or anaphor.i > q.i):
        return None
    if bullet is not None:
        anaphor, dist = bullet, 0.0
    noun, demonym, reject = _noun_after(sent, q)
    blocker, block_d = _blocker(sent, q)
    if reject is not None or (blocker is not None and block_d < dist) or _modal_near(sent, q, None) \
            or _is_year(q, noun):
        return None  # "en 2022 fueron 248.283": the year is no count
    kind, per, rate_rule = _kind(sent, q, previous, False)
    rules = list(q.rules) + [f"{sent.lex.code}.{anaphor.entry.rule}:inherits"] + ([f"{sent.lex.code}.{rate_rule}"] if rate_rule else [])
    unit = "households" if noun is not None and noun.concept == "UNIT.household" else "people"
    return Movement(previous, kind, per, unit, noun, demonym, None, rules, 0.5)


def _outside_brackets(tokens: list) -> list:
    out, depth = [], 0
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        if depth <= 0 and t.text != ")":
            out.append(t)
        depth = max(depth, 0)
    return out


def is_elliptic(sent: Sentence, q: Quantity) -> bool:
    """A list item that leaves its verb out: "112 тысяч - в Словении", "Polen (1,5 Millionen)",
    "370 (KW5)", "… – 1,771 мільйона осіб"."""
    tokens = sent.tokens
    after = tokens[q.j].text if q.j < len(tokens) else ""
    before = tokens[q.i - 1].text if q.i > 0 else ""
    if after == "(" or (before == "(" and sent.concept_at(q.i - 1, "PLACE") is None and q.i >= 2
                        and any(m.is_("PLACE") and m.j == q.i - 1 for k in range(max(0, q.i - 4), q.i - 1)
                                for m in sent.at.get(k, ()))):
        return True
    k = q.j + (1 if after == "-" else 0)
    if after == "-" and (sent.concept_at(k, "PLACE") or (sent.concept_at(k, "PREP") and sent.concept_at(k + 1, "PLACE"))):
        return True
    return before == "-" and (q.j == len(tokens) or after in {",", ")", "."} or sent.concept_at(q.j, "NOUN") is not None
                              or sent.concept_at(q.j, "UNIT") is not None)  # "… — 20 автомобілів у пункті"


def continue_list(sent: Sentence, q: Quantity, other: Quantity, other_mv: Movement) -> Movement | None:
    """"486 ألف لاجئ سوري في لبنان، و516 ألفا في الأردن"; "328.667 venezolanos,
    57.222 ecuatorianos y 25.344 chinos cruzaron": a number in a list (joined by
    "and" or a comma) with a figure, and no verb of its own, counts the same movement."""
    and_words = tuple(sent.lex.settings.get("and_words", ()))
    lo, hi = (other.j, q.i) if other.j <= q.i else (q.j, other.i)
    between = _outside_brackets(sent.tokens[lo:hi])  # "424 (KW2), 370 (KW5)": a note in brackets is no separator
    joined = (bool(and_words) and (sent.tokens[q.i].text.startswith(and_words) or sent.tokens[other.i].text.startswith(and_words)
                                   or any(t.text in and_words for t in between[-2:])))
    by_comma = not joined and any(t.text == "," for t in between) and len(between) <= 4
    elliptic = is_elliptic(sent, q)
    if not (joined or by_comma or elliptic) or len(between) > (16 if elliptic else 10):
        return None
    if sent.distance((other.i, other.j), (q.i, q.j)) == float("inf") and not (elliptic and ";" not in (t.text for t in between)):
        return None  # "…, а за весь час війни – 1,771 мільйона осіб": an elliptic figure goes on past "but"
    if any(m.i >= lo and m.j <= hi for m in sent.having("MOVE")) or _before_is_measure(sent, q):
        return None
    if any(q.i - 3 <= m.i < q.i or lo <= m.i < hi for prefix in BLOCKERS for m in sent.having(prefix)):
        return None  # "قتل 40 شخصا، و300 آخرين": not a list of movers
    noun, demonym, reject = _noun_after(sent, q)
    if reject is not None or (q.value is not None and q.value < 10 and noun is None) or _is_year(q, noun):
        return None
    if by_comma and noun is None and demonym is None and not elliptic \
            and not any(m.is_("PLACE") for k in range(lo, hi) for m in sent.at.get(k, ())):
        # a comma alone joins a list of counted things ("328.667 venezolanos, 57.222 ecuatorianos")
        # or of places with their figures ("Polonyaya 453 bin, Macaristana 116 bin")
        return None
    if noun is not None and noun.is_("UNIT") != (other_mv.unit != "people"):
        return None
    unit = other_mv.unit if noun is None else ("households" if noun.concept == "UNIT.household" else
                                               "vehicles" if noun.concept == "UNIT.vehicle" else "people")
    rules = list(q.rules) + [f"{sent.lex.code}.list-continues:{other_mv.movement}"]
    return Movement(other_mv.movement, other_mv.kind, other_mv.per, unit, noun, demonym if demonym else
                    (other_mv.demonym if noun is None else None), other_mv.trigger, rules,
                    round(max(other_mv.confidence - 0.1, 0.3), 2))


def _place_follows(sent: Sentence, k: int) -> bool:
    """A preposition of place and a place right after token k ("580.000 en Rumanía", "3 000 au Tchad")."""
    prep = next((m for m in sent.at.get(k, ()) if m.is_("PREP.in") or m.is_("PREP.to")), None)
    if prep is None:
        return False
    return any(m.is_("PLACE") for b in (0, 1, 2) for m in sent.at.get(prep.j + b, ()))


def elliptic_item(sent: Sentence, q: Quantity, other: Quantity, other_mv: Movement) -> Movement | None:
    """"2,2 millones han llegado a Polonia (…), a los que hay que sumar casi 580.000 en
    Rumanía", "1 200 migrants sont arrivés, dont 300 dimanche": a number with only a place
    after it, or after a part word, later in the sentence of a figure, counts what that
    figure counts (the verb is elided)."""
    part = any(m.j == q.i for m in sent.having("PART"))
    if other.j > q.i or not (part or _place_follows(sent, q.j)) or _before_is_measure(sent, q):
        return None
    if sent.distance((other.i, other.j), (q.i, q.j)) == float("inf"):
        return None
    if any(other.j <= m.i < q.i for m in sent.having("MOVE")):
        return None  # a verb of its own stands between: not an elided one
    if any(q.i - 3 <= m.i < q.j + 3 for prefix in BLOCKERS for m in sent.having(prefix)):
        return None
    noun, demonym, reject = _noun_after(sent, q)
    if reject is not None or (noun is not None and not part) or q.value is not None and q.value < 10 and noun is None \
            or _is_year(q, noun):
        return None
    unit = other_mv.unit if noun is None else ("households" if noun.concept == "UNIT.household" else
                                               "vehicles" if noun.concept == "UNIT.vehicle" else "people")
    rules = list(q.rules) + [f"{sent.lex.code}.elliptic:{other_mv.movement}"]
    return Movement(other_mv.movement, other_mv.kind, other_mv.per, unit, noun, demonym or other_mv.demonym,
                    other_mv.trigger, rules, round(max(other_mv.confidence - 0.15, 0.3), 2))


# Characters that open a list item on its own line ("- Octubre 2024: 40.223 personas").
BULLETS = "-•*·▪"


def list_item(sent: Sentence, q: Quantity, heading: Match) -> Movement | None:
    """"Desglose de deportaciones / - Octubre 2024: 40.223 personas": a bullet item with
    a number of people and no verb counts the movement its list's heading names."""
    if _before_is_measure(sent, q) or any(m.is_(b) for b in BLOCKERS for m in sent.matches):
        return None
    noun, demonym, reject = _noun_after(sent, q)
    if reject is not None or (noun is None and demonym is None) or _is_year(q, noun):
        return None
    movement = heading.concept.split(".")[1]
    unit = "people" if noun is None or not noun.is_("UNIT") else \
        "households" if noun.concept == "UNIT.household" else "vehicles"
    kind, per, rate_rule = _kind(sent, q, movement, False)
    rules = list(q.rules) + [f"{sent.lex.code}.list-item:{heading.entry.rule}"] + ([rate_rule] if rate_rule else [])
    return Movement(movement, kind, per, unit, noun, demonym, None, rules, 0.5)
