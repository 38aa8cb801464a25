"""The columns of each export, their types and what they mean (the xlsx
workbook's "about" sheet lists these descriptions)."""

from __future__ import annotations

FIGURE_COLUMNS = ("id", "document_id", "article", "url", "outlet", "language", "published", "value", "low", "high",
                  "qualifier", "unit", "kind", "per", "movement", "group", "nationality", "nationality_name", "origin",
                  "origin_name", "origin_place", "destination", "destination_name", "destination_place",
                  "period_start", "period_end", "source", "source_type", "review", "evidence")
FLOW_COLUMNS = ("movement", "origin", "origin_name", "destination", "destination_name", "nationality",
                "nationality_name", "kind", "unit", "per", "window", "since", "place", "part", "value", "low", "high", "qualifier", "period_start",
                "period_end", "independent_origins", "outlets", "sources", "figures", "conflict", "evidence")
LATEST = (("total", "latest total"), ("daily_rate", "latest daily rate"), ("stock", "latest stock"))
LATEST_COLUMNS = (("movement", "origin", "origin_name", "destination", "destination_name", "nationality",
                   "nationality_name")
                  + tuple(f"{part}{suffix}" for part, _ in LATEST
                          for suffix in ("", "_low", "_high", "_qualifier", "_unit", "_date", "_sources", "_figures"))
                  + ("first_report", "last_report", "independent_sources", "figures", "conflicts"))
COLUMNS = {"figures": FIGURE_COLUMNS, "flows": FLOW_COLUMNS, "latest": LATEST_COLUMNS}

INTEGERS = frozenset({"id", "document_id", "value", "low", "high", "independent_origins", "independent_sources",
                      "conflicts"}
                     | {f"{part}{suffix}" for part, _ in LATEST for suffix in ("", "_low", "_high", "_sources")})
DATES = frozenset({"published", "period_start", "period_end", "first_report", "last_report", "since"}
                  | {f"{part}_date" for part, _ in LATEST})
BOOLEANS = frozenset({"conflict"})

_HELP = {
    "id": "figure id in the store", "document_id": "document id in the store",
    "article": "the article's own id (from the input: corpus id, JSONL id)", "url": "the article's URL",
    "outlet": "who published the article", "language": "the article's language (ISO 639-1)",
    "published": "the article's publication date",
    "value": "the stated number (empty when the text gives only bounds)", "low": "lower bound the wording implies",
    "high": "upper bound the wording implies",
    "qualifier": "exact, approx, at_least, at_most, range or vague", "unit": "people, households or vehicles",
    "kind": "total (over a period), rate (per day, week …) or stock (present at one moment)",
    "per": "a rate's period", "movement": "fled, displaced, evacuated, arrived, departed, returned, waiting, asylum, "
                                          "hosted",
    "group": "who moved, as the text puts it", "nationality": "ISO 3166-1 alpha-2 of the group",
    "origin": "ISO 3166-1 alpha-2 of the country they left", "origin_place": "a place they left",
    "destination": "ISO 3166-1 alpha-2 of the country they reached or are hosted in",
    "destination_place": "a place they reached", "period_start": "the day the count starts from",
    "period_end": "the day the count runs to or holds on", "source": "who states the figure",
    "source_type": "government, un_agency, ngo, media, witness, other or unknown",
    "review": "unreviewed, confirmed or corrected (rejected figures are left out; corrections are applied)",
    "evidence": "the sentence that states the figure",
    "independent_origins": "independent origins of the point (a reprinted wire story counts once)",
    "outlets": "outlets that report the point", "sources": "who states the point",
    "figures": "ids of the figures behind the row", "conflict": "true when another point of the same day disagrees",
    "first_report": "the flow's first report", "last_report": "the flow's last report",
    "independent_sources": "independent origins over the whole flow",
    "conflicts": "pairs of same-day points that cannot both be true",
    "window": "for totals: day (one day's count), short (a week or less) or cumulative",
    "since": "for cumulative totals: the day the count starts from",
    "place": "a place inside the country (a sub-flow), else empty for the whole country",
    "part": "the subgroup of a series of parts (children …), empty for whole groups",
}
for _code in ("nationality", "origin", "destination"):
    _HELP[f"{_code}_name"] = f"the {_code} country's English name (CLDR)"
for _part, _name in LATEST:
    _HELP[_part] = f"{_name}: the stated number, else its lower bound, else its upper bound (sum this column)"
    _HELP[f"{_part}_low"] = f"{_name}: lower bound"
    _HELP[f"{_part}_high"] = f"{_name}: upper bound"
    _HELP[f"{_part}_qualifier"] = f"{_name}: exact, approx, at_least, at_most, range or vague"
    _HELP[f"{_part}_unit"] = f"{_name}: people; households or vehicles only where the flow counts no people"
    _HELP[f"{_part}_date"] = f"{_name}: the day it holds on (period end)"
    _HELP[f"{_part}_sources"] = f"{_name}: independent sources that state it"
    _HELP[f"{_part}_figures"] = f"{_name}: ids of the figures that state it"


def describe(name: str) -> str:
    """What an export column holds."""
    return _HELP[name]
