"""Origin and destination of a figure from places, prepositions and verbs.

"فر ما يقرب من 50 ألف روسي إلى جورجيا": إلى + a country is the destination;
"من" is the origin; "في" hosts; a bare country after an arrival verb is where
they arrived ("دخلوا منغوليا"), after a departure verb where they left;
"البلاد" refers back to the country that speaks; a nationality implies the
origin of those who fled or arrived, and the destination of those who return.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.lexicon import Match
from marsad.places import country_names
from marsad.sentence import Sentence
from marsad.stages.movement import Movement
from marsad.stages.quantities import Quantity

PLACE_WINDOW = 18
ARRIVING = {"arrived", "hosted", "waiting", "asylum", "returned"}
LEAVING = {"departed", "fled", "evacuated", "displaced"}
ORIGIN_FROM_NATIONALITY = {"fled", "arrived", "hosted", "waiting", "asylum", "evacuated", "displaced"}


@dataclass
class Geography:
    nationality: str | None = None
    group: str | None = None
    origin: str | None = None
    origin_place: str | None = None
    destination: str | None = None
    destination_place: str | None = None
    origin_region: bool = False  # the origin place is a region of its country (not a city)
    rules: list[str] = field(default_factory=list)

    def set(self, side: str, payload: dict, rule: str) -> None:
        if payload.get("place"):
            if getattr(self, f"{side}_place") is None:
                setattr(self, f"{side}_place", payload["place"])
                self.rules.append(rule)
                self.origin_region = self.origin_region or (side == "origin" and payload.get("kind") == "region")
            if payload.get("iso") and getattr(self, side) is None:
                setattr(self, side, payload["iso"])
        elif payload.get("iso") and getattr(self, side) is None:
            setattr(self, side, payload["iso"])
            self.rules.append(rule)


CLITIC_ROLES = {"ب": "in", "بال": "in", "وب": "in", "وبال": "in", "فبال": "in", "ل": "to", "لل": "to", "ول": "to", "ولل": "to"}


def _role(sent: Sentence, place: Match, mv: Movement) -> str | None:
    """to / from / in / via / object, from the words just before the place."""
    if place.clitic in CLITIC_ROLES:
        return CLITIC_ROLES[place.clitic]
    case = _case_role(sent, place)
    if case is not None:
        return case
    start = place.i
    for back in (3, 2, 1):  # "from the town of Derna", "في محافظة الحديدة": step over the longest place-type words
        kind = next((m for m in sent.at.get(place.i - back, ()) if m.j == place.i and m.is_("PLACETYPE")), None)
        if kind is not None:
            start = kind.i
            break
    for back in (1, 2) if not sent.lex.settings.get("prepositions_after") else ():
        for m in sent.at.get(start - back, ()):
            if m.j == start:
                for role in ("to", "from", "in", "via"):
                    if m.is_(f"PREP.{role}"):
                        return role
    if sent.lex.settings.get("prepositions_after"):  # "میانمار سے", "بنگلہ دیش میں": the postposition follows
        for m in sent.at.get(place.j, ()):
            for role in ("to", "from", "in", "via"):
                if m.is_(f"PREP.{role}"):
                    return role
    if mv.trigger is not None and 0 <= place.i - mv.trigger.j <= 1:
        return "object"
    if place.j + 1 < len(sent.tokens) and sent.tokens[place.j].text in ("(", "-") \
            and sent.tokens[place.j + 1].kind == "num" and place.i > 0:
        return "object"  # "Polen (1,5 Millionen)", "Германия - 922 тысячи": the list item's own country
    if sent.lex.settings.get("verb_final"):  # "بنگلہ دیش پہنچے": the place right before a verb is where it goes
        verb = next((m for m in sent.at.get(place.j, ()) if m.is_("MOVE")), None)
        if verb is not None:
            return "to" if verb.concept in ("MOVE.arrived", "MOVE.returned") else "from"
    if mv.trigger is not None and not sent.lex.settings.get("speaker_after_verb"):
        auxiliaries = set(sent.lex.settings.get("auxiliaries", ()))
        k = place.j
        while k < mv.trigger.i and sent.tokens[k].text in auxiliaries:
            k += 1
        if k == mv.trigger.i:
            return "subject"  # "Pakistan has deported …", "Germany received …": the country acts
    return None


def _case_role(sent: Sentence, place: Match) -> str | None:
    """The role a case suffix gives (language.yaml `case_suffixes`): on a name
    made with it ("Polonyaya"), after an apostrophe ("Türkiye'ye",
    "Lübnan'dan"), or at the end of a word such as "ülkelerine" (to their countries)."""
    payload = place.entry.payload
    if isinstance(payload, dict) and payload.get("case"):
        return payload["case"]
    roles = sent.lex.settings.get("suffix_roles")
    if not roles:
        return None
    tokens = sent.tokens
    if place.j + 1 < len(tokens) and tokens[place.j].text == "'" and tokens[place.j].start == tokens[place.j - 1].end:
        return roles.get(tokens[place.j + 1].text)
    if place.is_("PLACE"):
        return None
    word = tokens[place.j - 1].text
    stem = len(place.entry.form.rstrip("*").split()[-1]) if place.entry.form.endswith("*") else len(word)
    # a one-letter suffix (-a, -e) only past the end of a stem form: "ülke" itself ends in e
    found = [s for s in roles if word.endswith(s) and (len(s) >= 2 or len(word) - len(s) >= stem)]
    return roles[max(found, key=len)] if found else None


def _owner(p: Match, quantities: list[Quantity], sent: Sentence) -> Quantity | None:
    """The figure a place belongs to: the nearest one to its left; a place
    before the first figure is shared by all ("وصل إلى أرمينيا أكثر من 53 ألف"); a place right
    before a figure is that figure's ("Polonyaya 453 bin, Macaristana 116 bin"), and so is one
    with its figure in brackets ("Polen (1,5 Millionen)")."""
    adjacent = [q for q in quantities if q.i == p.j or (q.i == p.j + 1 and sent.tokens[p.j].text == "(")]
    if adjacent:
        return adjacent[0]
    left = [q for q in quantities if q.j <= p.i]
    return left[-1] if left else None


def _places_for(sent: Sentence, q: Quantity, mv: Movement, others: list[Quantity]) -> list[Match]:
    """Places in the clause of q that belong to q."""
    anchors = [(q.i, q.j)] + ([(mv.trigger.i, mv.trigger.j)] if mv.trigger else [])
    # "تدفقوا ... منذ الإعلان عن التعبئة للقتال في أوكرانيا": past a "since"
    # after the figure, places belong to the event, not to the movement
    last = max(a[1] for a in anchors)
    since = sent.having("TIME.since") + sent.having("TIME.since_start")  # "desde el comienzo de la invasión de Rusia"
    cut = min((m.i for m in since if m.i >= last and not sent.concept_at(m.j, "PLACE")),
              default=len(sent.tokens))  # "з України" (from Ukraine) is a place, not a "since"
    events = _since_clauses_before(sent, q)
    out = []
    for p in sent.having("PLACE") + sent.having("DEICTIC") + sent.having("BORDER"):
        if (mv.demonym is not None and mv.demonym.i == p.i) or p.i >= cut:
            continue
        if any(a <= p.i < b for a, b in events):
            continue  # "Since the war began in Sudan, 844,000 ... crossed into Chad": Sudan is where the war is
        if min(sent.distance(a, (p.i, p.j)) for a in anchors) > PLACE_WINDOW:
            continue
        owner = _owner(p, others, sent)
        if owner is not None and owner is not q:
            continue
        out.append(p)
    return out


def _since_clauses_before(sent: Sentence, q: Quantity) -> list[tuple[int, int]]:
    """Token spans of "since ..." and "before the war ..." clauses that end, at a comma, before the figure."""
    spans = []
    for m in sent.having("TIME.since") + sent.having("TIME.before_war"):  # "قبل اندلاع الأزمة في السودان، 588 ألف"
        if m.j > q.i:
            continue
        end = next((k for k in range(m.j, q.i) if sent.tokens[k].text in (",", "،")), None)
        if end is not None:
            spans.append((m.j, end))
    return spans


def attach_places(sent: Sentence, q: Quantity, mv: Movement, others: list[Quantity],
                  speakers: list[str], doc_country: str | None) -> Geography:
    geo = Geography()
    lex = sent.lex.code
    if mv.demonym is not None:
        geo.nationality = mv.demonym.entry.payload["iso"]
        geo.group = mv.demonym.entry.payload["group"]
        geo.rules.append(f"{lex}.{mv.demonym.entry.rule}")
    abroad = bool(sent.having("ABROAD"))  # "نزحوا داخليا وعبر الحدود", "inside Sudan and abroad": no one destination
    internal = bool(sent.having("INTERNAL")) and not abroad
    places = _places_for(sent, q, mv, others)
    compound = {id(m) for p in places if p.is_("BORDER") for m in _border_names(sent, p)}
    places = [p for p in places if id(p) not in compound]  # "the Sudan-Chad border": the border's, not a place's
    borders = [p for p in places if p.is_("BORDER")]
    places = [p for p in places if not p.is_("BORDER") or not any(  # "الحدود" matched as ال + "حدود" too: one border
        b is not p and b.i <= p.i < b.j and (b.j - b.i, -b.i) > (p.j - p.i, -p.i) for b in borders)]
    places = [p for k, p in enumerate(places) if not p.is_("BORDER") or not any(
        b.is_("BORDER") and (b.i, b.j) == (p.i, p.j) for b in places[:k])]
    # a border goes last: "über die österreichisch-ungarische Grenze ins Burgenland" needs the destination first;
    # so does a crossing point ("crossed the Torkham border into Afghanistan": the country named decides)
    roles = {id(p): _role(sent, p, mv) for p in places}
    later = [p for p in places if p.is_("BORDER") or roles[id(p)] == "via"
             or (p.is_("PLACE") and p.entry.payload.get("kind") == "crossing")]
    for p in [p for p in places if not any(p is x for x in later)] + later:
        role = roles[id(p)]
        if p.is_("DEICTIC"):
            _deictic(geo, p, role, mv, speakers or ([doc_country] if doc_country else []), lex)
            continue
        if p.is_("BORDER"):
            _border(sent, geo, p, mv, lex)
            continue
        payload = p.entry.payload
        rule = f"{lex}.{p.entry.rule}:{role}"
        if role == "to" or (role == "object" and mv.movement in ARRIVING):
            geo.set("destination", payload, rule)
        elif role == "from" or (role == "object" and mv.movement in LEAVING):
            geo.set("origin", payload, rule)
        elif role == "in":
            if mv.movement in ("fled", "evacuated") and mv.trigger is not None and p.i > mv.trigger.i \
                    and not _causes_place(sent, mv.trigger, p):
                geo.set("destination", payload, rule)  # "fled ... found shelter in Cox's Bazar"
            elif mv.movement in ("displaced", "fled", "evacuated"):
                geo.set("origin", payload, rule)
                if internal or mv.movement == "displaced" and mv.kind == "stock":
                    geo.set("destination", payload, rule)
            else:
                geo.set("destination", payload, rule)
        elif role == "subject" and payload.get("place") is None:
            if mv.movement in ("returned", "evacuated", "departed"):
                geo.set("origin", payload, rule)  # the state that deports or evacuates them
            elif mv.movement in HOSTING:
                geo.set("destination", payload, rule)
        elif role == "via" and payload.get("place"):
            geo.set("destination", payload, rule)
    _defaults(geo, mv, internal, abroad)
    return geo


CAUSE_REACH = 6  # tokens from a cause to the place it happens in ("fleeing violence and persecution in Rakhine")


def _causes_place(sent: Sentence, trigger: Match, p: Match) -> bool:
    """Whether `p` is where the cause of the flight is, not where they fled to: the first
    place after a cause word that follows the verb ("fleeing violence in Rakhine State";
    not "fleeing fighting in Sudan, seeking refuge in Chad")."""
    for c in sent.having("CAUSE"):
        if trigger.j <= c.i < p.i and p.i - c.j <= CAUSE_REACH and not any(
                c.j <= o.i < p.i for o in sent.having("PLACE") if o is not p):
            return True
    return False


def _deictic(geo: Geography, p: Match, role: str | None, mv: Movement, countries: list[str], lex: str) -> None:
    rule = f"{lex}.{p.entry.rule}"
    country = countries[0] if countries else None
    if len(countries) > 1 and mv.movement in HOSTING and p.concept in ("DEICTIC.country", "DEICTIC.home"):
        # "قالت جورجيا وكازاخستان إن ... تدفقوا إلى بلادهم": two destinations at once
        names = country_names("en")
        geo.destination_place = geo.destination_place or "; ".join(names.get(c, c) for c in countries)
        geo.rules.append(f"{rule}:several")
        return
    if p.concept == "DEICTIC.neighbours":
        if geo.destination_place is None and role in ("to", "object", None):
            geo.destination_place = "neighbouring countries"
            geo.rules.append(rule)
    elif p.concept == "DEICTIC.home":
        home = geo.nationality or country
        if mv.movement == "returned" and role in ("to", "object", None) and home:
            geo.set("destination", {"iso": home}, rule)
    elif p.concept == "DEICTIC.country" and country:
        side = "origin" if role == "from" or (role == "object" and mv.movement in LEAVING) else "destination"
        geo.set(side, {"iso": country}, rule)


def _border(sent: Sentence, geo: Geography, p: Match, mv: Movement, lex: str) -> None:
    """"تنتظر عبور الحدود الجورجية", "وصل 450 مهاجرا إلى السواحل الإيطالية": the
    border, coast or territory named by a demonym is where they go."""
    if _border_names(sent, p):
        _border_between(sent, geo, p, mv, lex)
        return
    for m in sent.at.get(p.j, ()):
        if m.is_("DEMONYM") and mv.movement in ("waiting", "arrived", "fled", "returned", "asylum"):
            # with a destination named elsewhere ("الحدود السودانية إلى دول الجوار") the border is the one they left
            side = "origin" if geo.destination or geo.destination_place else "destination"
            geo.set(side, {"iso": m.entry.payload["iso"]}, f"{lex}.{p.entry.rule}+{m.entry.rule}")
            return
    _border_between(sent, geo, p, mv, lex)


def _border_between(sent: Sentence, geo: Geography, p: Match, mv: Movement, lex: str) -> None:
    """"über die österreichisch-ungarische Grenze ins Burgenland", "на российско-грузинской границе",
    "українсько-польський кордон": a border between two countries named before it; the one
    they reach is the destination, the other the origin (the first named is left when none is known)."""
    names = _border_names(sent, p)
    countries = list(dict.fromkeys(m.entry.payload["iso"] for m in names))
    if len(countries) != 2 or mv.movement not in ("waiting", "arrived", "fled", "returned", "asylum", "hosted"):
        return
    rule = f"{lex}.{p.entry.rule}:between"
    if geo.nationality in countries and mv.movement != "returned" and geo.origin in (None, geo.nationality):
        # "Sudanese refugees stranded on the Sudan-Chad border": on the far side from their own country
        geo.set("origin", {"iso": geo.nationality}, rule)
        geo.set("destination", {"iso": next(c for c in countries if c != geo.nationality)}, rule)
    elif geo.destination in countries:
        geo.set("origin", {"iso": next(c for c in countries if c != geo.destination)}, rule)
    elif geo.origin in countries:
        geo.set("destination", {"iso": next(c for c in countries if c != geo.origin)}, rule)
    else:
        geo.set("origin", {"iso": countries[0]}, rule)
        geo.set("destination", {"iso": countries[1]}, rule)


def _border_names(sent: Sentence, p: Match) -> list[Match]:
    """The two countries a border is between, named just before it by adjectives
    ("российско-грузинской границе") or names ("the Sudan-Chad border")."""
    names: list[Match] = []
    for k in range(max(0, p.i - 4), p.i):
        names += [m for m in sent.at.get(k, ()) if m.j <= p.i and (m.is_("DEMONYM") or (
            m.is_("PLACE") and m.entry.payload.get("iso") and not m.entry.payload.get("place")))]
    after = [m for m in sent.at.get(p.j, ()) if m.is_("DEMONYM")]  # "الحدود السودانية التشادية"
    if after:
        after += [m for m in sent.at.get(after[0].j, ()) if m.is_("DEMONYM")]
        if len({m.entry.payload["iso"] for m in after}) == 2:
            return after
    if len({m.entry.payload["iso"] for m in names}) != 2:
        return []
    first = min(m.i for m in names)
    linked = all(sent.tokens[k].text in LINKS or any(k in range(m.i, m.j) for m in names) for k in range(first, p.i))
    return names if linked else []


LINKS = {"-", "–", "—", "/"}

HOSTING = {"arrived", "asylum", "hosted", "waiting"}


def _defaults(geo: Geography, mv: Movement, internal: bool, abroad: bool = False) -> None:
    """What the sentence implies; what only the document says is the frame's (stages/frame.py)."""
    if geo.nationality:
        if geo.origin is None and mv.movement in ORIGIN_FROM_NATIONALITY:
            geo.origin = geo.nationality
            geo.rules.append("default.origin_from_nationality")
        if geo.destination is None and mv.movement == "returned":
            geo.destination = geo.nationality
            geo.rules.append("default.return_home")
    if mv.movement == "displaced" and not abroad:
        if geo.destination is None and geo.destination_place is None and geo.origin:
            geo.destination = geo.origin  # displaced within their country unless a place abroad is named
            geo.rules.append("default.displaced_within")
        elif geo.origin is None and geo.origin_place is None and geo.destination:
            geo.origin = geo.destination  # "displaced to the north of Lebanon": from within it too
            geo.rules.append("default.displaced_within")
    if mv.noun is not None and mv.noun.concept == "NOUN.displaced" and mv.movement in HOSTING | {"fled"} \
            and geo.origin is None and geo.destination:
        geo.origin = geo.destination  # "150,000 displaced people arrived in El Fasher": they moved inside their country
        geo.rules.append("default.displaced_arrive_within")
    airlift = mv.trigger is not None and mv.trigger.is_("MOVE.evacuated.abroad")  # "aus Kabul ausgeflogen"
    if mv.movement in ("fled", "evacuated") and geo.origin_place and geo.origin and not airlift \
            and geo.destination is None and geo.destination_place is None:
        geo.destination = geo.origin  # "fled Rafah", "evacuated from Derna": inside the country unless a place abroad is named
        geo.rules.append("default.left_a_place_within")
    if mv.movement == "evacuated" and geo.origin_region and geo.origin and geo.destination in (None, geo.origin) \
            and geo.destination_place is None or mv.movement == "evacuated" and internal:
        # "эвакуированы из Курской области": evacuated from a region of a country, within it, its nationals
        # (from a city, "aus Kabul ausgeflogen", they may well go abroad)
        geo.destination = geo.destination or geo.origin
        geo.nationality = geo.nationality or geo.origin
        geo.rules.append("default.evacuated_within")
    generic = mv.noun is None or mv.noun.concept in ("NOUN.person", "UNIT.household", "NOUN.displaced")
    within = any(r in geo.rules for r in ("default.displaced_arrive_within", "default.left_a_place_within"))
    home = geo.origin if mv.movement == "displaced" or within else geo.destination if mv.movement == "returned" else None
    if geo.nationality is None and generic and home:
        # people displaced in their country, or returning to it, are its nationals
        geo.nationality = home
        geo.rules.append("default.nationality_of_home")
    if internal and (geo.origin or geo.destination):
        geo.origin = geo.origin or geo.destination
        geo.destination = geo.destination or geo.origin
        geo.rules.append("default.internal")
