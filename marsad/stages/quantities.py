"""Find number phrases and read their bounds and qualifier.

Reads concept ids only (NUM.*, QUAL.*, RANGE.*), so the grammar is shared by
every language: "حوالي 98 ألف", "3 ملايين و138 ألف", "5,000-6,000",
"خمسة إلى سبعة آلاف", "عشرات الآلاف", "tens of thousands", "11.39 lakh".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.lexicon import Lexicon, Match
from marsad.tokens import Token


@dataclass
class Quantity:
    i: int  # first token (qualifier included)
    j: int  # one past the last token
    low: int | None
    high: int | None
    value: int | None
    qualifier: str
    rules: list[str] = field(default_factory=list)
    word_number: bool = False  # written in words, not digits


@dataclass
class _Number:
    value: float
    end: int
    rules: list[str]
    vague: tuple[int, int] | None = None
    last_scale: int = 1
    words: bool = False


Table = list[list[Match]]
QUANTITY_STARTS = ("NUM", "QUAL", "RANGE")
CHANGE_RULE = "quantity.change"  # "from 253,000 to 259,000": the first of two counts


def _concept(lex: Lexicon, tokens: list[Token], i: int, prefix: str, table: Table) -> Match | None:
    if i >= len(tokens):
        return None
    for m in table[i]:
        if m.is_(prefix):
            return m
    return None


def _digits(text: str, lex: Lexicon, scaled: bool) -> float | None:
    """Value of a digit token such as 98,000 · 98.000 · 1.43 · 2ر2 · 98 000."""
    for letter in lex.settings.get("decimal_letters", ()):
        if letter in text:  # "4ر1 مليون" is 1.4 million: the agencies write the fraction first
            whole, _, fraction = text.partition(letter)
            text = f"{fraction}.{whole}" if whole.isdigit() and fraction.isdigit() else text.replace(letter, ".")
    text = text.replace("'", ",")
    parts = re.split(r"[., ]", text)
    seps = re.findall(r"[., ]", text)
    if not seps:
        return float(parts[0])
    grouped = all(len(p) == 3 for p in parts[1:])
    if len(seps) == 1 and seps[0] in ".," and not (grouped and not scaled):
        return float(parts[0] + "." + parts[1])  # decimal: 1.43 مليون, 2,5 million
    if len(seps) == 1 and seps[0] == "." and grouped and not scaled:
        if not lex.settings.get("dot_groups_thousands"):
            return float(parts[0] + "." + parts[1])
    if not grouped:
        # 1.234.5 or 1,234.5: last separator is the decimal one
        return float("".join(parts[:-1]) + "." + parts[-1]) if len(parts[-1]) != 3 else None
    return float("".join(parts))


def _library_number(lex: Lexicon, tok: Token) -> int | None:
    """A whole number written as one word that the language folder leaves to text2num
    (`number_words: text2num`, words holding one of `number_word_roots`): German writes
    every number below a million as one word, too many to list."""
    if tok.kind != "word" or lex.settings.get("number_words") != "text2num":
        return None
    roots = lex.settings.get("number_word_roots", ())
    if not any(root in tok.text for root in roots):
        return None
    from text_to_num import text2num

    try:
        value = int(text2num(tok.text, lex.code))
    except ValueError:
        return None
    return value if value > 0 else None


def _parse_number(lex: Lexicon, tokens: list[Token], i: int, table: Table) -> _Number | None:
    """A number at token i: digits or words, with scale and compound parts."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    whole = _library_number(lex, tok) if not table[i] else None
    if whole is not None:  # "zweihundertfünfzigtausend": one word, read by text2num
        scale = _concept(lex, tokens, i + 1, "NUM.scale", table)
        rules = [f"{lex.code}.NUM.text2num"] + ([f"{lex.code}.{scale.entry.rule}"] if scale else [])
        value = whole * (scale.entry.payload if scale else 1)
        return _Number(value, scale.j if scale else i + 1, rules, last_scale=1000 if whole >= 1000 else 1, words=True)
    if tok.kind == "num":
        scale = _concept(lex, tokens, i + 1, "NUM.scale", table)
        value = _digits(tok.text, lex, scaled=scale is not None)
        if value is None:
            return None
        rules = [f"{lex.code}.NUM.digits"]
        if scale:
            value *= scale.entry.payload
            rules.append(f"{lex.code}.{scale.entry.rule}")
            num = _Number(value, scale.j, rules, last_scale=scale.entry.payload)
            return _compound(lex, tokens, num, table)
        return _Number(value, i + 1, rules)
    return _parse_words(lex, tokens, i, table)


def _parse_words(lex: Lexicon, tokens: list[Token], i: int, table: Table) -> _Number | None:
    vague = _concept(lex, tokens, i, "NUM.vague", table)
    if vague is not None:
        low, high = vague.entry.payload
        return _Number(low, vague.j, [f"{lex.code}.{vague.entry.rule}"], vague=(low, high), words=True)
    total, current, k, rules, last_scale = 0.0, 0.0, i, [], 1
    digit = 0.0  # the last unit word not yet multiplied ("两" in 两千, "五" in 五百)
    needs_scale = set(lex.settings.get("needs_scale", ()))
    pending_fraction = None
    # "الأشهر الأربعة", "والأربعين": the article and "and" go with numbers; prepositions do not
    number_clitics = {"", "ال"} | {c for w in lex.settings.get("and_words", ()) for c in (w, w + "ال")}
    while k < len(tokens):
        # "بالمئة" (per cent) is no ب + ال + مئة: a number word takes no preposition
        m = next((m for m in table[k] if m.is_("NUM") and m.clitic in number_clitics), None)
        if m is None:
            if tokens[k].text in lex.settings.get("and_words", ()) and current + total and k + 1 < len(tokens) \
                    and any(x.is_("NUM") for x in table[k + 1]):
                k += 1
                continue
            break
        role, payload = m.concept, m.entry.payload
        if k > i and m.clitic in lex.settings.get("and_words", ()) and total + current >= 1000:
            # "ألفين وثلاثة آلاف" is two numbers; "ألف وخمسمئة" is one
            nxt = _parse_words(lex, tokens, k, table)
            if nxt is None or nxt.value >= min(last_scale if total else current, total + current):
                break
        if role == "NUM.vague" and k > i:
            role = "NUM.scale"  # "ثلاثة آلاف": after a number, آلاف is a scale
            payload = next((x.entry.payload for x in table[k] if x.concept == "NUM.scale"), None)
            if payload is None:
                break
        if role == "NUM.add":
            current += payload
            digit = payload
            if payload >= 1000:  # the duals ألفين، مليونين close a group like a scale
                last_scale = 10 ** (len(str(int(payload))) - 1)
        elif role == "NUM.hundred":
            current = (current or 1) * 100
        elif role == "NUM.multiplier":  # 两千五百 = 2×1000 + 5×100: the unit word before, times this
            current += (digit or 1) * payload - digit
            digit = 0.0
        elif role == "NUM.fraction":
            pending_fraction = payload
        elif role == "NUM.scale":
            base = pending_fraction if pending_fraction is not None else (current or 1)
            total += base * payload
            current, pending_fraction, last_scale, digit = 0.0, None, payload, 0.0
        else:
            break
        rules.append(f"{lex.code}.{m.entry.rule}")
        k = m.j
    if k == i or (total == 0 and current == 0):
        return None
    if total == 0 and k == i + 1 and tokens[i].text in needs_scale:
        return None
    return _compound(lex, tokens, _Number(total + current, k, rules, last_scale=last_scale, words=True), table)


def _compound(lex: Lexicon, tokens: list[Token], num: _Number, table: Table) -> _Number:
    """"19 ألفا و400", "3 ملايين و138 ألف": add a smaller part after "و" (or
    right after the scale word where the language says so); "1 мільйон 60 тисяч":
    a smaller scaled part needs no "and" in any language."""
    k = num.end
    and_words = lex.settings.get("and_words", ())
    joined = k < len(tokens) and tokens[k].text in and_words
    # "12万3538", "ایک لاکھ 56 ہزار 200": languages that write the smaller part right after the scale word
    bare = not joined and lex.settings.get("compound_without_and") and k < len(tokens) and (
        tokens[k].kind == "num" or any(m.is_("NUM.add") for m in table[k]))
    # "پانصد و ۲۴", "five hundred and 24": hundreds in words, the rest in digits
    hundreds = joined and num.words and num.last_scale == 1 and num.value >= 100 and num.value % 100 == 0
    if (joined or bare) and (num.last_scale > 1 or hundreds):
        nxt = _parse_number(lex, tokens, k + (1 if joined else 0), table)
        if nxt and nxt.vague is None and nxt.value < (num.last_scale if num.last_scale > 1 else 100):
            return _Number(num.value + nxt.value, nxt.end, num.rules + [f"{lex.code}.NUM.compound"] + nxt.rules,
                           last_scale=min(num.last_scale, nxt.last_scale), words=num.words)
    if k < len(tokens) and tokens[k].kind == "num" and num.last_scale > 1 and not num.words:
        nxt = _parse_number(lex, tokens, k, table)
        if nxt and nxt.vague is None and 1 < nxt.last_scale < num.last_scale and nxt.value < num.last_scale:
            return _Number(num.value + nxt.value, nxt.end, num.rules + [f"{lex.code}.NUM.compound"] + nxt.rules,
                           last_scale=nxt.last_scale, words=False)
    return num


def _is_change(lex: Lexicon, tokens: list[Token], i: int, table: Table) -> bool:
    """"зросла з 253 тисяч до 259 тисяч", "выросло с 10 до 12 тысяч": a count
    that changed from one figure to another, not a range (CHANGE, then "from")."""
    if i < 2 or not any(m.is_("PREP.from") or m.is_("TIME.since") for m in table[i - 1]):
        return False
    return any(m.is_("CHANGE") for k in range(max(0, i - 3), i - 1) for m in table[k])


def parse_quantity(lex: Lexicon, tokens: list[Token], i: int, table: Table | None = None) -> Quantity | None:
    """The number phrase that starts at token i, if any."""
    if table is None:
        table = lex.table(tokens)
    k, qualifier, rules, between = i, None, [], False
    for _ in range(2):
        qual = _concept(lex, tokens, k, "QUAL", table)
        if qual is not None:
            qualifier = qual.concept.split(".", 1)[1]
            rules.append(f"{lex.code}.{qual.entry.rule}")
            k = qual.j
            continue
        opener = _concept(lex, tokens, k, "RANGE.between", table) or _concept(lex, tokens, k, "RANGE.from", table)
        if opener is not None and _parse_number(lex, tokens, opener.j, table):
            between = opener.concept == "RANGE.between"
            k = opener.j
        break
    first = _parse_number(lex, tokens, k, table)
    if first is None:
        return None
    rules += first.rules
    end = first.end
    second = None
    link = _concept(lex, tokens, end, "RANGE.to", table)
    if link is not None and not between and _is_change(lex, tokens, i, table):
        link = None  # two figures, the count before and after
        rules.append(CHANGE_RULE)
    if link is not None and (between or link.entry.form not in lex.settings.get("and_words", ())):
        second = _parse_number(lex, tokens, link.j, table)
    elif between and end < len(tokens) and tokens[end].text.startswith(tuple(lex.settings.get("and_words", ()))):
        second = _parse_number(lex, tokens, end, table)  # "ما بين ألفين وثلاثة آلاف"
    if second is not None and first.vague is None and second.vague is None:
        low = first.value
        if second.last_scale > 1 and first.last_scale == 1 and low * second.last_scale <= second.value:
            low *= second.last_scale  # "خمسة إلى سبعة آلاف", "five to six thousand"
        if second.value > low:
            rules += [f"{lex.code}.RANGE"] + second.rules
            q = Quantity(i, second.end, round(low), round(second.value), None, "range", rules,
                         first.words or second.words)
            return _post_qualifier(lex, tokens, q, table)
    if first.vague is not None:
        low, high = first.vague
        return Quantity(i, end, low, high, None, "vague", rules, True)
    value = round(first.value)
    if abs(first.value - value) > 1e-6 * max(1.0, first.value) or value <= 0:
        return None  # 2.5 people is not a count (8.2 × 10⁶ in floating point is not 8,199,999.99…)
    value = int(value)
    q = Quantity(i, end, value, value, value, qualifier or "exact", rules, first.words)
    return _post_qualifier(lex, tokens, q, table)


def _post_qualifier(lex: Lexicon, tokens: list[Token], q: Quantity, table: Table) -> Quantity:
    """"50 شخصًا على الأقل", "200 ألف نسمة تقريباً", "10,000 or more": a
    qualifier after the number (or after its noun) belongs to the phrase."""
    if q.qualifier == "exact" and q.j < len(tokens):
        qual = _concept(lex, tokens, q.j, "QUALPOST", table)
        if qual is not None:
            q.qualifier = qual.concept.split(".", 1)[1]
            q.rules.append(f"{lex.code}.{qual.entry.rule}")
            q.j = qual.j
        elif tokens[q.j].kind == "word" and (qual := _concept(lex, tokens, q.j + 1, "QUALPOST", table)) is not None:
            # after its noun: the qualifier counts, the span stays the number
            q.qualifier = qual.concept.split(".", 1)[1]
            q.rules.append(f"{lex.code}.{qual.entry.rule}:after-noun")
    return _set_bounds(q)


def _set_bounds(q: Quantity) -> Quantity:
    if q.qualifier == "at_least":
        q.low, q.high = q.value, None
    elif q.qualifier == "at_most":
        q.low, q.high = None, q.value
    return q


def find_quantities(lex: Lexicon, tokens: list[Token], table: Table | None = None) -> list[Quantity]:
    """Every number phrase in a sentence, left to right, not overlapping."""
    if table is None:
        table = lex.table(tokens)
    found, i = [], 0
    while i < len(tokens):
        if tokens[i].kind != "num" and not any(m.entry.concept.startswith(QUANTITY_STARTS) for m in table[i]) \
                and (table[i] or _library_number(lex, tokens[i]) is None):
            i += 1
            continue
        link = _concept(lex, tokens, i, "RANGE.to", table)
        if found and found[-1].j == i and CHANGE_RULE in found[-1].rules and link is not None:
            q = parse_quantity(lex, tokens, link.j, table)  # "… до 259 тисяч": the count it changed to, not "up to"
        else:
            q = parse_quantity(lex, tokens, i, table)
        if q is None:
            i += 1
            continue
        found.append(q)
        i = q.j
    return found
