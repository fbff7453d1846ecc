"""Ranking the places one name may be: match, kind, population and the query's hints, memoised.

:func:`ranked` is what every look-up goes through: the rows a name may be,
best first, each with its rounded score and the reason for it, kept per
gazetteer (the data never changes). The weights are those of
:mod:`~geoconflict.gazetteer.candidates`.

Examples
--------
>>> from geoconflict.gazetteer import Gazetteer
>>> gaz = Gazetteer.default()
>>> row, score, reason = ranked(gaz, "Kursk region", limit=1)[0]
>>> gaz.place(row).kind.value, reason.split(";")[1]
('admin1', " 'region' suggests admin1")
"""

from __future__ import annotations

from functools import cache

from geoconflict.errors import InvalidInputError
from geoconflict.gazetteer.candidates import (
    DESCRIPTOR_BONUS,
    DESCRIPTOR_PENALTY,
    KIND_CODE,
    KINDS,
    MATCH_LABEL,
    MATCH_SCORE,
    NEAR_BONUS,
    NEAR_SCALE_KM,
    POPULATED_PLACE,
    SCORE_DECIMALS,
    check_name,
    kind_code,
    near_point,
)
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.gazetteer.table import MEMO_SIZE, GazetteerTable
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import ParsedQuery, parse_query

__all__ = ["Ranked", "country_code", "rank", "ranked", "score_name"]

#: a ranked candidate: gazetteer row, score (rounded to 3 places), why
Ranked = tuple[int, float, str]
#: a ``near=`` hint as given
Near = Place | tuple[float, float]
#: abbreviations are at most this long ("W. Va.", "Calif.")
MAX_ABBREVIATION_LENGTH = 8
_MATCH = MATCH_SCORE.tolist()


def ranked(gaz: GazetteerTable, name: str, *, kind: PlaceKind | str | None = None, country: str | None = None,
           near: Near | None = None, limit: int = 10) -> list[Ranked]:
    """:func:`rank`, memoised per gazetteer (at most ``MEMO_SIZE`` answers, then it starts afresh)."""
    memo_key: tuple[object, ...] | None
    try:
        memo_key = (name, kind, country, near, limit)
        hit = gaz._memo.get(memo_key)
    except TypeError:  # an unhashable hint
        memo_key, hit = None, None
    if hit is not None:
        return hit
    out = rank(gaz, name, kind=kind, country=country, near=near, limit=limit)
    if memo_key is not None:
        if len(gaz._memo) >= MEMO_SIZE:
            gaz._memo.clear()
        gaz._memo[memo_key] = out
    return out


def rank(gaz: GazetteerTable, name: str, *, kind: PlaceKind | str | None = None, country: str | None = None,
         near: Near | None = None, limit: int = 10) -> list[Ranked]:
    """The *limit* best places *name* may be, best first (equal scores: the lower row first).

    Parameters
    ----------
    gaz : GazetteerTable
        The gazetteer.
    name, kind, country, near, limit
        As :meth:`Gazetteer.search <geoconflict.gazetteer.index.Gazetteer.search>` takes them.

    Returns
    -------
    list of (int, float, str)
        ``(row, score, reason)``: the score rounded to 3 decimals; the reason
        how the name matched, then the place's kind (and population) and country.
    """
    rows, score, how = score_name(gaz, name, kind=kind, country=country, near=near)
    out = []
    for i in sorted(range(len(rows)), key=score.__getitem__, reverse=True)[: max(int(limit), 0)]:
        r = rows[i]
        k = gaz._kind_list[r]
        detail = KINDS[k].value
        if k == POPULATED_PLACE:
            pop = gaz._pop.item(r)
            if pop > 0:
                detail += f" of {pop:,}"
        cc = gaz._cc_codes[gaz._cc_list[r]]
        out.append((r, round(score[i], SCORE_DECIMALS), f"{how[i]}; {detail} in {cc}" if cc else f"{how[i]}; {detail}"))
    return out


def country_code(gaz: GazetteerTable, country: str) -> str:
    """The ISO code of a ``country=`` hint: a code, or the name of a country."""
    if isinstance(country, str) and len(country.strip()) == 2 and country.strip().upper() in gaz._country_rows:
        return country.strip().upper()
    hits = ranked(gaz, country, kind=PlaceKind.COUNTRY, limit=1) if isinstance(country, str) else []
    if not hits:
        raise InvalidInputError(f"unknown country {country!r}: give an ISO 3166-1 alpha-2 code or a country name",
                                field="country", value=country)
    return gaz._cc_codes[gaz._cc_list[hits[0][0]]]


#: one key looked up: rows, their match flags, hinted, a bonus per row or None. *hinted*: the key is
#: the name without its descriptor (True), with it (False), or an abbreviation (None).
_Lookup = tuple[list[int], list[int], bool | None, list[float] | None]


def score_name(gaz: GazetteerTable, name: str, *, kind: PlaceKind | str | None, country: str | None,
               near: Near | None) -> tuple[list[int], list[float], list[str]]:
    """Each place *name* may be, once, with its best score and how it matched.

    Plain Python over the few matching rows: for the handful of
    candidates a name has, numpy's per-call overhead would dominate (and
    so does Python's per-call overhead here: the loops are written out).

    Returns
    -------
    rows : list of int
        Gazetteer rows, ascending.
    scores : list of float
        The best score of each row (unrounded).
    reasons : list of str
        How each row's best score matched.
    """
    text = check_name(name)
    pq = parse_query(text)
    want_kind = kind_code(kind) if kind is not None else None
    want_cc = gaz._cc_of_code[country_code(gaz, country)] if country is not None else None
    near_pt = near_point(near) if near is not None else None
    hint = KIND_CODE[PlaceKind(pq.kind)] if pq.kind is not None else None  # the kind the descriptor implies
    described = pq.key != pq.full
    kinds, ccs, importance = gaz._kind_list, gaz._cc_list, gaz._importance_list
    best: dict[int, tuple[float, int, bool | None]] = {}
    for rows, flags, hinted, extra in _lookups(gaz, text, pq):
        bonus = _kind_bonus(hint, hinted, described) if hint is not None else None
        near_bonus = _near_bonus(gaz, near_pt, rows) if near_pt is not None else None
        for i, (r, f) in enumerate(zip(rows, flags)):
            k = kinds[r]
            if (want_kind is not None and k != want_kind) or (want_cc is not None and ccs[r] != want_cc):
                continue
            sc = _MATCH[f] + importance[r]
            if bonus is not None:  # (a bonus of 0.0 added changes nothing: x + 0.0 == x)
                sc += bonus[k]
            if extra is not None:
                sc += extra[i]
            if near_bonus is not None:
                sc += near_bonus[i]
            old = best.get(r)
            if old is None or sc > old[0]:
                best[r] = (sc, f, hinted)
    rows_out = sorted(best)
    how = []
    for r in rows_out:
        _, f, hinted = best[r]
        w = (f"abbreviation {text!r}" if hinted is None
             else f"{MATCH_LABEL[f]} {(pq.key if hinted else pq.full)!r}")
        how.append(f"{w}; '{pq.descriptor}' suggests {pq.kind}" if pq.kind is not None and hinted is not None else w)
    return rows_out, [best[r][0] for r in rows_out], how


@cache
def _kind_bonus(hint: int, hinted: bool | None, described: bool) -> tuple[float, ...]:
    """The bonus of each kind code for a name whose descriptor implies kind *hint* (see _Lookup for *hinted*).

    A descriptor that is part of the place's own name ("Henry County",
    "Kansas City") says the kind as much as one added to a name.
    """
    if hinted:
        return tuple(DESCRIPTOR_BONUS if k == hint else DESCRIPTOR_PENALTY for k in range(len(KINDS)))
    return tuple(DESCRIPTOR_BONUS if k == hint and described else 0.0 for k in range(len(KINDS)))


def _lookups(gaz: GazetteerTable, text: str, pq: ParsedQuery) -> list[_Lookup]:
    """The keys a query is looked up under: the full name, the name without its descriptor, an abbreviation.

    An abbreviation may have a descriptor after it ("NJ state", "Pa. county").
    """
    out: list[_Lookup] = [(*gaz._rows(pq.full), False, None)]
    if pq.key != pq.full:
        out.append((*gaz._rows(pq.key), True, None))
    abbreviated = gaz._abbreviation_rows(text) if len(text) <= MAX_ABBREVIATION_LENGTH else []
    if not abbreviated and pq.descriptor is not None and text.lower().endswith(" " + pq.descriptor):
        bare = text[: -len(pq.descriptor) - 1].rstrip()
        abbreviated = gaz._abbreviation_rows(bare) if len(bare) <= MAX_ABBREVIATION_LENGTH else []
    if abbreviated:
        out.append(([a[0] for a in abbreviated], [a[1] for a in abbreviated], None, [a[2] for a in abbreviated]))
    return out


def _near_bonus(gaz: GazetteerTable, point: tuple[float, float], rows: list[int]) -> list[float]:
    """The ``near=`` bonus of each row."""
    d = haversine_km(point[0], point[1], gaz._lat[rows], gaz._lon[rows])
    bonus: list[float] = (NEAR_BONUS / (1.0 + d / NEAR_SCALE_KM)).tolist()
    return bonus
