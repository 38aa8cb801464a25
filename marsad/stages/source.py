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
from marsad.tokens import UNSPACED_RE

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
    via: bool = False  # named after "according to": a speaker's own verb, if the sentence has one, comes first
    scope: tuple[int, int] | None = None  # the brackets a statement stands in: it speaks for their figures only


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
            if t.text in comps or (t.text in STOP_PUNCT and t.text not in QUOTES and not _glued(sent, k)) \
                    or t.kind == "num" or sent.concept_at(k, "NUM") \
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
    while verb > 0 and (_in_time_expression(sent, verb - 1) or _chained(sent, verb - 1)):
        verb -= 1  # "国际移民组织5月2日表示", "公署28日发布公报称": a date or "issued a communiqué" before the verb
    k = verb
    longest = MAX_SPEAKER * (2 if verb > 0 and UNSPACED_RE.match(sent.tokens[verb - 1].text) else 1)  # letters, not words
    while k > 0 and verb - k < longest:
        t = sent.tokens[k - 1]
        if t.text in comps or (t.text in STOP_PUNCT and t.text not in "()" and not _glued(sent, k - 1)) or t.kind == "num":
            break
        k -= 1
    if k < verb and " ".join(x.text for x in sent.tokens[k:say.i]) not in settings.get("pronouns", ()):
        return k, verb
    if settings.get("verb_final"):
        return say.j, say.j  # "ذرائع نے کہا کہ": the speaker never follows the verb; a pronoun names no one
    k = say.j  # "said UNHCR spokesperson Andrej Mahecic"
    while k < len(sent.tokens) and k - say.j < MAX_SPEAKER and sent.tokens[k].text not in comps \
            and (sent.tokens[k].text not in STOP_PUNCT or sent.tokens[k].text in QUOTES or _glued(sent, k)):
        k += 1
    return say.j, k


def _glued(sent: Sentence, k: int) -> bool:
    """A hyphen or an elision apostrophe inside a name ("UN-Organisation",
    "Smith-Jones", "l'OIM") joins its words rather than ending the speaker."""
    tokens = sent.tokens
    t = tokens[k]
    return t.text in ("-", "'") and 0 < k < len(tokens) - 1 and tokens[k - 1].end == t.start \
        and (t.text == "-" or t.end == tokens[k + 1].start)


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
    if comma is not None and 0 < comma <= MAX_SPEAKER:
        # "TASS'ın haberine göre Bağdasaryan, … belirtti": the medium before "göre" relays, the name speaks
        cited = [m.j for m in sent.having("SAY.according_to") if m.j < comma]
        return (max(cited, default=0), comma) if max(cited, default=0) < comma else None
    number = next((k for k, t in enumerate(tokens[:say.i]) if t.kind == "num"), None)
    if number and number <= PREFIX_WORDS and any(m.is_("ORG") for k in range(number) for m in sent.at.get(k, ())):
        return 0, number  # "BM 874 bin mültecinin … geçtiğini duyurdu": the subject before the number
    return None


TIME_CONCEPTS = ("TIME", "MONTH", "WEEKDAY")


def _chained(sent: Sentence, k: int) -> bool:
    """Token k belongs to a statement word or a document word written right
    before another statement word ("发布公报称": issued a communiqué saying)."""
    return any(m.i <= k < m.j and (m.is_("SAY") or m.is_("ORG.anaphor")) for i in range(max(0, k - 3), k + 1)
               for m in sent.at.get(i, ()))


def _in_time_expression(sent: Sentence, k: int) -> bool:
    """Token k is part of a date or time word ("2日", "5月", "星期一")."""
    if any(sent.concept_at(k, c) for c in TIME_CONCEPTS):
        return True
    return sent.tokens[k].kind == "num" and any(sent.concept_at(k + 1, c) for c in TIME_CONCEPTS)


# When a speaker's words name several kinds ("وكالة حرس الحدود", "UNHCR
# spokesperson"), the more specific kind wins.
PRIORITY = ("un_agency", "government", "ngo", "media", "witness")
NEXT_TO = 3  # an organisation right before a verb whose other side names no one ("الأمم المتحدة وثقت عودة")
NEAR = 10  # how far from a statement word a speaker's organisation is looked for ("Un rapport du FSB …, évoque")
PREFIX_WORDS = 6  # "UNHCR:", "المفوضية:", "UN:" open a headline or a line with the speaker
UNCLASSIFIED = ":unclassified"


def classify(sent: Sentence, lo: int, hi: int, before: Callable[[], Source | None]) -> tuple[str, str] | None:
    """The kind of the speaker in tokens lo..hi and the rule that says so; an
    anaphor ("the agency", "الوكالة") takes the kind of the source before only
    when no organisation of its own is named."""
    found: dict[str, str] = {}
    anaphor: Match | None = None
    inside = lo
    for k in range(lo, hi):
        here = sent.at.get(k, ())
        refers = next((m for m in here if m.is_("ORG.anaphor")), None)
        if refers is not None or k < inside:  # "المنظمة", "la agencia": the one named before, though "منظمة" is a kind
            anaphor = anaphor or refers
            inside = max(inside, refers.j if refers is not None else inside)
            continue
        for m in here:
            if m.is_("ORG"):  # a reporter of the outlet is media (ORG.reporter)
                kind = m.concept.split(".")[1]
                found.setdefault("media" if kind == "reporter" else kind, f"{sent.lex.code}.{m.entry.rule}")
            elif m.is_("PLACE") and m.entry.payload.get("place") is None:
                found.setdefault("government", f"{sent.lex.code}.{m.entry.rule}:speaks")
    for kind in PRIORITY:
        if kind in found:
            return kind, found[kind]
    last = before() if anaphor is not None else None
    if anaphor is not None and last is not None and last.type != "other":
        return last.type, f"{sent.lex.code}.{anaphor.entry.rule}"
    return None


def _org_near(sent: Sentence, say: Match, reach: int = NEAR) -> Match | None:
    """The organisation nearest a statement word in its clause, when the words
    the word order gives name none ("Un rapport du FSB (…), révélé lundi, évoque",
    "Wie die Bundeswehr auf Twitter mitteilte")."""
    stops = set(sent.lex.settings.get("complementizers", ())) | {";", '"', "«", "»", "“", "”"}
    statements = {k for m in sent.having("SAY") if m is not say for k in range(m.i, m.j)}
    left = sent.lex.settings.get("verb_final") or not sent.lex.settings.get("speaker_after_verb")
    sides = [range(say.i - 1, max(say.i - 1 - reach, -1), -1), range(say.j, min(say.j + reach, len(sent.tokens)))]
    if left and not say.is_("SAY.according_to"):
        # "BM 874 bin mültecinin … geçtiğini duyurdu", "X: وزارت مهاجرین … گفته است": the subject opens the clause
        opens = max((k + 1 for k in range(say.i) if sent.tokens[k].text == ":"), default=0)
        if not any(sent.tokens[k].text in stops or k in sent.breaks or k in statements for k in range(opens, say.i)):
            sides.insert(0, range(opens, min(opens + PREFIX_WORDS, say.i)))
    for side in sides if left else sides[::-1]:
        for k in side:
            if sent.tokens[k].text in stops or k in sent.breaks or k in statements:
                break  # another statement's speaker ("قال فلان بحسب وكالة أنباء") is not this one's
            org = _org_at(sent, k)
            if org is not None:
                return org
    return None


def _org_at(sent: Sentence, k: int) -> Match | None:
    """An organisation (not an anaphor) that covers token k."""
    for i in range(max(0, k - 4), k + 1):
        for m in sent.at.get(i, ()):
            if m.is_("ORG") and not m.is_("ORG.anaphor") and not m.is_("ORG.witness") and m.i <= k < m.j:
                return m
    return None


def _name_end(sent: Sentence, text: str, org: Match) -> int:
    """Where an organisation's name ends: the words that name it go on
    ("Ministry of the Interior of Kazakhstan", "UNHCR's representative in Chad")."""
    connectors = set(sent.lex.settings.get("of_words", ())) | {"'", "s", "-", "the", "for"}
    k = org.j
    while k < len(sent.tokens) and k - org.j < 5:
        tok = sent.tokens[k]
        named = any(m.is_("ORG") or m.is_("PLACE") or m.is_("DEMONYM") for m in sent.at.get(k, ()))
        capital = text[tok.start:tok.start + 1].isupper()
        if not (named or capital or tok.text in connectors) or tok.kind == "num":
            break
        k += 1
    while k > org.j and sent.tokens[k - 1].text in connectors:
        k -= 1
    return k


def _names_no_one(sent: Sentence, words: str) -> bool:
    """A pronoun, a clitic or a lone article is no source ("selon l'", "він")."""
    pronouns = set(sent.lex.settings.get("pronouns", ()))
    core = words.strip(" '\"’«»“”-,.:")
    if all(len(w) <= 3 and w.islower() for w in core.split()):
        return True  # "las", "l'", "it": short lower-case words of a cased script ("UN", "OIM", "AP" are names)
    return core.lower() in pronouns or (len(core) <= 2 and core.isalpha() and core.isascii())


def colon_prefix(sent: Sentence, text: str) -> Source | None:
    """"UNHCR: 5,000 flee", "المفوضية: ...": a line that opens with an
    organisation and a colon states what that organisation says."""
    tokens = sent.tokens
    colon = next((k for k, t in enumerate(tokens[:PREFIX_WORDS + 1]) if t.text == ":"), None)
    if colon is None or colon == 0 or any(t.kind == "num" for t in tokens[:colon]):
        return None
    orgs = [m for k in range(colon) for m in sent.at.get(k, ()) if m.is_("ORG") and not m.is_("ORG.anaphor")]
    if not orgs:
        return None
    kind = classify(sent, 0, colon, lambda: None)
    if kind is None or kind[0] == "media":
        return None  # "خبرگزاری توانا:", "Reuters:": a credit line, not who states the figures
    words = text[tokens[0].start:tokens[colon - 1].end]
    return Source(words, kind[0], f"{sent.lex.code}.source.colon_prefix", 0, _speaking_countries(sent, 0, colon))
def _apposition_end(sent: Sentence, hi: int) -> int:
    """"وقال ج. بيامباسورين، وهو قائد حاجز تفتيش، إن": read on to the
    complementiser to find who the speaker is."""
    comps = set(sent.lex.settings.get("complementizers", ()))
    k = hi
    while k < len(sent.tokens) and k - hi < MAX_SPEAKER + 4:
        t = sent.tokens[k]
        if t.text in comps or t.kind == "num" or t.text in {'"', ":", ";"}:
            # an apposition is fenced by commas; "بر اساس گزارش روزنامه X، حکومت پاکستان …" is the report's content
            return k if t.text in comps and sent.tokens[k - 1].text == "," else hi
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
    prefix = colon_prefix(sent, text)
    found: list[Source] = [prefix] if prefix is not None else []
    covered = -1
    for say in _statement_words(sent):
        if say.i < covered or _is_event(sent, say):
            continue  # "According to estimates": a statement word inside a speaker's words
        lo, hi = _speaker_span(sent, say)
        covered = max(hi, say.j)
        source = _statement_source(sent, text, say, lo, hi, before)
        if source is not None:
            source.scope = next(((a, b) for a, b in sent.brackets if a < say.i < b), None)
            found.append(source)
    return found


def _statement_words(sent: Sentence) -> list[Match]:
    """One statement match per position, "according to" before a verb of the
    same words ("citing", "nach Angaben": the speaker follows)."""
    best: dict[int, Match] = {}
    for m in sent.having("SAY"):
        if m.i not in best or (m.is_("SAY.according_to") and not best[m.i].is_("SAY.according_to")):
            best[m.i] = m
    return [best[i] for i in sorted(best)]


def _statement_source(sent: Sentence, text: str, say: Match, lo: int, hi: int,
                      before: Callable[[], Source | None]) -> Source | None:
    """Who makes one statement: the organisation the speaker's words name, else
    one named next to the statement word, else (a pronoun, "وأضاف") the source
    before; a person or body the lexicon does not know keeps its words and
    takes its kind from the source before or, later, from the document frame."""
    words = text[sent.tokens[lo].start:sent.tokens[hi - 1].end] if hi > lo else None
    if words is not None and _names_no_one(sent, words):
        words, hi = None, lo
    wide = _apposition_end(sent, hi) if hi > lo else hi
    kind = classify(sent, lo, wide, before)
    # a name the lexicons do not know looks only next to the verb ("الأمم المتحدة وثقت عودة …")
    if kind is None and (org := _org_near(sent, say, NEAR if words is None else NEXT_TO)) is not None:
        kind = classify(sent, org.i, org.j, before)
        if words is None:
            lo, hi = org.i, _name_end(sent, text, org)
            words = text[sent.tokens[lo].start:sent.tokens[hi - 1].end]
    countries = _speaking_countries(sent, lo, wide)
    last = before() if kind is None or words is None else None
    if kind is None and words is None:
        return Source(last.text, last.type, "source.carried", say.i, last.countries) if last else None
    if kind is None:  # a speaker whose kind nothing tells is of unknown kind until the frame says
        type_ = last.type if last is not None and last.type != "other" else "unknown"
        return Source(words, type_, f"{sent.lex.code}.{say.entry.rule}{UNCLASSIFIED}", say.i, countries)
    if words is None and last is not None:
        words = last.text
    return Source(words, kind[0], kind[1], say.i, countries, say.is_("SAY.according_to"))


def pick_source(sources: list[Source], at: int) -> Source | None:
    """The source of a figure at token `at` among its sentence's statements:
    the last one before it (else the first); a medium that only relays ("according
    to TASS, the spokeswoman said") yields to the speaker it relays."""
    if not sources:
        return None
    # "2,2 millones (2,3 millones según la Guardia Fronteriza), a los que …": a statement in brackets is theirs
    sources = [s for s in sources if s.scope is None or s.scope[0] <= at < s.scope[1]] or sources
    before = [s for s in sources if s.start < at]
    chosen = before[-1] if before else sources[0]
    if chosen.via:  # "BMMYK temsilcisi, resmi kayıtlara göre … dedi": who says it, not whose records
        speakers = [s for s in sources if not s.via and s.text is not None and s.rule != "source.carried"]
        chosen = speakers[0] if speakers else chosen
    known = [s for s in sources if s.type not in ("media", "other", "unknown") and not s.rule.endswith(UNCLASSIFIED)]
    if chosen.type == "media":
        relayed = [s for s in sources if s.type != "media"]
        return (known or relayed or [chosen])[0]
    if chosen.rule.endswith(UNCLASSIFIED):  # "据民政部 … 初步统计": the words before the verb name no kind, "据" does
        return (known or [chosen])[0]
    return chosen


def main_source(sources: list[Source]) -> tuple[str, str] | None:
    """The document's main source (text, type): the kind of speaker its
    statements name most (a headline's "UNHCR:" counts twice, a medium half), ties
    to the one named first, and the first words that named it."""
    weight: dict[str, float] = {}
    first: dict[str, str] = {}
    for s in sources:
        if s.text is None or s.type in ("other", "unknown") or s.rule == "source.carried" or s.rule.endswith(UNCLASSIFIED) \
                or ".ORG.reporter:" in s.rule:
            continue  # the outlet's own reporter speaks for their sentence, not for the report
        # a medium that relays weighs half a speaker ("据新华社消息，据民政部统计")
        weight[s.type] = weight.get(s.type, 0) + (2 if s.rule.endswith("source.colon_prefix") else 1) \
            * (0.5 if s.type == "media" else 1)
        first.setdefault(s.type, s.text)
    if not weight:
        return None
    best = max(weight, key=lambda t: (weight[t], -list(first).index(t)))
    return first[best], best
