"""Who states a figure, and what kind of source that is.

A statement verb or "according to" introduces the speaker: after the verb in
Arabic ("قالت كازاخستان إن"), before it in English ("UNHCR said"), after
"according to" in both. The first organisation word in the speaker's words
gives the type (un_agency, government, ngo, media, witness); a country that
speaks is its government. "وأضافت الوكالة" or a bare "وأضاف" refer back to
the last source named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.lexicon import Match
from marsad.sentence import Sentence

MAX_SPEAKER = 12
STOP_PUNCT = {",", ":", '"', "'", ";", ".", "(", ")", "-", "[", "]"}
QUOTES = {'"', "'"}  # a named report or body in quotes goes on after the verb


@dataclass
class Source:
    text: str | None
    type: str
    rule: str
    start: int = -1  # token index of the statement in its sentence
    countries: list[str] = field(default_factory=list)  # countries that speak ("قالت جورجيا وكازاخستان")


def _speaker_span(sent: Sentence, say: Match) -> tuple[int, int]:
    settings = sent.lex.settings
    if settings.get("verb_final"):
        span = _verb_final_speaker(sent, say)
        if span is not None:
            return span
    comps = set(settings.get("complementizers", ()))
    after = settings.get("speaker_after_verb", False) or say.is_("SAY.according_to")
    if after and sent.concept_at(say.j, "PREP") and not say.is_("SAY.according_to"):
        return say.j, say.j  # "وأشارت إلى أن": no name, the last speaker goes on
    if after:
        k = say.j
        while k < len(sent.tokens) and k - say.j < MAX_SPEAKER:
            t = sent.tokens[k]
            # "Smith-Jones", "l'OIM": a hyphen or an elision apostrophe inside a name goes on
            hyphen = t.text in ("-", "'") and 0 < k < len(sent.tokens) - 1 and sent.tokens[k - 1].end == t.start \
                and (t.text == "-" or t.end == sent.tokens[k + 1].start)
            if t.text in comps or (t.text in STOP_PUNCT and t.text not in QUOTES and not hyphen) or t.kind == "num" or sent.concept_at(k, "NUM") \
                    or sent.concept_at(k, "TIME") or sent.concept_at(k, "WEEKDAY") or sent.concept_at(k, "QUAL"):
                break
            k += 1
        words = " ".join(x.text for x in sent.tokens[say.j:k])
        if k > say.j and (words in settings.get("pronouns", ()) or sent.tokens[say.j].text in settings.get("pronouns", ())):
            return say.j, say.j  # "selon lui", "заявив він": a pronoun names no one, the last speaker goes on
        if k > say.j:
            return say.j, k
    verb = say.i
    auxiliaries = set(settings.get("auxiliaries", ()))
    while verb > 0 and sent.tokens[verb - 1].text in auxiliaries:
        verb -= 1
    while verb > 0 and _in_time_expression(sent, verb - 1):
        verb -= 1  # "国际移民组织5月2日表示": the date stands between the speaker and the verb
    k = verb
    while k > 0 and verb - k < MAX_SPEAKER:
        t = sent.tokens[k - 1]
        if t.text in comps or (t.text in STOP_PUNCT and t.text not in "()") or t.kind == "num":
            break
        k -= 1
    if k < verb and " ".join(x.text for x in sent.tokens[k:say.i]) not in settings.get("pronouns", ()):
        return k, verb
    if settings.get("verb_final"):
        return say.j, say.j  # "ذرائع نے کہا کہ": the speaker never follows the verb; a pronoun names no one
    k = say.j  # "said UNHCR spokesperson Andrej Mahecic"
    while k < len(sent.tokens) and k - say.j < MAX_SPEAKER and sent.tokens[k].text not in STOP_PUNCT | comps:
        k += 1
    return say.j, k


def _verb_final_speaker(sent: Sentence, say: Match) -> tuple[int, int] | None:
    """Verb-final languages (Turkish): "BMMYK'ya göre" names the speaker before
    "according to", a glued case suffix included; "BMMYK, ... açıkladı." names it
    at the start of the sentence, before the first comma."""
    tokens = sent.tokens
    if say.is_("SAY.according_to"):
        k = say.i
        while k > 0 and say.i - k < MAX_SPEAKER:
            t = tokens[k - 1]
            glued = t.text == "'" and k >= 2 and tokens[k - 2].end == t.start and t.end == tokens[k].start
            if (t.text in STOP_PUNCT and not glued) or t.kind == "num":
                break
            k -= 1
        return (k, say.i) if k < say.i else None
    if any(t.kind != "punct" for t in tokens[say.j:]):
        return None
    comma = next((k for k, t in enumerate(tokens[:say.i]) if t.text == ","), None)
    return (0, comma) if comma is not None and 0 < comma <= MAX_SPEAKER else None


TIME_CONCEPTS = ("TIME", "MONTH", "WEEKDAY")


def _in_time_expression(sent: Sentence, k: int) -> bool:
    """Token k is part of a date or time word ("2日", "5月", "星期一")."""
    if any(sent.concept_at(k, c) for c in TIME_CONCEPTS):
        return True
    return sent.tokens[k].kind == "num" and any(sent.concept_at(k + 1, c) for c in TIME_CONCEPTS)


# When a speaker's words name several kinds ("وكالة حرس الحدود", "UNHCR
# spokesperson"), the more specific kind wins.
PRIORITY = ("un_agency", "government", "ngo", "media", "witness")


def classify(sent: Sentence, lo: int, hi: int, before: Callable[[], Source | None]) -> tuple[str, str] | None:
    found: dict[str, str] = {}
    for k in range(lo, hi):
        for m in sent.at.get(k, ()):
            last = before() if m.is_("ORG.anaphor") else None
            if last is not None and last.type != "other":
                found.setdefault(last.type, f"{sent.lex.code}.{m.entry.rule}")
            elif m.is_("ORG") and not m.is_("ORG.anaphor"):
                found.setdefault(m.concept.split(".")[1], f"{sent.lex.code}.{m.entry.rule}")
            elif m.is_("PLACE") and m.entry.payload.get("place") is None:
                found.setdefault("government", f"{sent.lex.code}.{m.entry.rule}:speaks")
    for kind in PRIORITY:
        if kind in found:
            return kind, found[kind]
    return None


def _apposition_end(sent: Sentence, hi: int) -> int:
    """"وقال ج. بيامباسورين، وهو قائد حاجز تفتيش، إن": read on to the
    complementiser to find who the speaker is."""
    comps = set(sent.lex.settings.get("complementizers", ()))
    k = hi
    while k < len(sent.tokens) and k - hi < MAX_SPEAKER + 4:
        t = sent.tokens[k]
        if t.text in comps or t.kind == "num" or t.text in {'"', ":", ";"}:
            return k
        k += 1
    return hi


def _speaking_countries(sent: Sentence, lo: int, hi: int) -> list[str]:
    found: list[str] = []
    for k in range(lo, hi):
        for m in sent.at.get(k, ()):
            if ((m.is_("PLACE") and m.entry.payload.get("place") is None) or m.is_("DEMONYM")) \
                    and m.entry.payload["iso"] not in found:
                found.append(m.entry.payload["iso"])
                break
    return found


def _is_event(sent: Sentence, say: Match) -> bool:
    """"since the mobilisation was announced", "منذ أن أعلن بوتين": an event, not a statement."""
    if not say.is_("SAY.verb"):
        return False
    if say.i > 0 and sent.tokens[say.i - 1].text in sent.lex.settings.get("passive_markers", ()):
        return True
    for k in range(say.i - 1, max(say.i - 7, -1), -1):
        if sent.tokens[k].kind == "punct":
            return False
        if sent.concept_at(k, "TIME.since"):
            return True
    return False


def find_sources(sent: Sentence, text: str, before: Callable[[], Source | None]) -> list[Source]:
    """Every statement in the sentence with its speaker and type; `before()`
    gives the last source named earlier, asked for only when needed."""
    found: list[Source] = []
    covered = -1
    for say in sent.having("SAY"):
        if say.i < covered or _is_event(sent, say):
            continue  # "According to estimates": a statement word inside a speaker's words
        lo, hi = _speaker_span(sent, say)
        covered = max(hi, say.j)
        wide = _apposition_end(sent, hi) if hi > lo else hi
        country = _speaking_countries(sent, lo, wide)
        kind = classify(sent, lo, wide, before)
        if kind is None:
            last = before()
            if hi <= lo and last is not None:  # "وأضاف أن ..."
                found.append(Source(last.text, last.type, "source.carried", say.i, last.countries))
            elif hi > lo:
                # a person or "estimates": the kind of the last named source, if any
                words = text[sent.tokens[lo].start:sent.tokens[hi - 1].end]
                type_ = last.type if last is not None else "other"
                found.append(Source(words, type_, f"{sent.lex.code}.{say.entry.rule}:unclassified", say.i, country))
            continue
        type_, rule = kind
        words = text[sent.tokens[lo].start:sent.tokens[hi - 1].end] if hi > lo else None
        if words is None and before() is not None:
            words = before().text  # type: ignore[union-attr]
        found.append(Source(words, type_, rule, say.i, country))
    return found
