"""Country points for maps and GeoJSON: countryinfo's country coordinates."""

from __future__ import annotations

from functools import lru_cache

# Where countryinfo has no coordinates (its data leaves a few territories empty).
_EXTRA = {"PS": (31.9, 35.2), "XK": (42.6, 20.9)}


@lru_cache(maxsize=512)
def country_point(iso2: str | None) -> tuple[float, float] | None:
    """(longitude, latitude) of a country, or None when unknown."""
    if not iso2:
        return None
    if iso2 in _EXTRA:
        lat, lon = _EXTRA[iso2]
        return lon, lat
    from countryinfo import CountryInfo

    try:
        latlng = CountryInfo(iso2).latlng()
    except Exception:  # countryinfo raises its own error for codes it does not know
        return None
    if not latlng or len(latlng) != 2:
        return None
    return float(latlng[1]), float(latlng[0])


@lru_cache(maxsize=512)
def country_anchor(iso2: str | None) -> tuple[tuple[float, float], str] | None:
    """Where a map arrow starts or ends for a country: its capital when
    countryinfo knows it ("capital"), else its centre ("centroid")."""
    if not iso2:
        return None
    from countryinfo import CountryInfo

    try:
        latlng = CountryInfo(iso2).capital_latlng()
    except Exception:  # countryinfo raises its own error for codes or fields it lacks
        latlng = None
    if latlng and len(latlng) == 2:
        return (float(latlng[1]), float(latlng[0])), "capital"
    point = country_point(iso2)
    return (point, "centroid") if point else None
