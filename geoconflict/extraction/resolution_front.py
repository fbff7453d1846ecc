"""Namesakes by the front: a village of a front-line region is its namesake on the line of contact.

Dozens of Ukrainian villages share a name, several of them in one oblast (Donetsk Oblast holds six
Hryhorivkas and seven Mykhailivkas, most at their hromada's centre in the codifier). A report that names
such a village and nothing nearer than its oblast ("shelled Hryhorivka, Donetsk"; "the SMM recorded
explosions near Orikhove") gives no other clue; a careful reader then takes the namesake where the war is.
In Donbas the fighting has run along the line of contact drawn by the ceasefire of February 2015 (the
"Minsk line", which the OSCE's monitors reported from until February 2022, and which the front of 2022
stayed close to in both oblasts): of a village's namesakes in the oblasts the line crosses, the one nearest
the line is the report's.

:func:`by_the_front` applies it after resolution, only where the report gives nothing better: the
mention is a village (not a town of :data:`FRONT_TOWN_POPULATION` or more, which is what its name means),
the report names no district and no other settlement (those choose by their own context), and the
report is dated after the line was drawn.

A village the gazetteer places only at its raion's centre (the codifier's settlements whose hromada's
centre has no point) is somewhere in that raion; where the raion meets the line, a report of the war is
about that stretch: :func:`by_the_front` then puts it at the point of the raion's stretch of the line
nearest the raion's centre, still flagged approximate. A raion meets the line where one of its settlements
with a point of its own lies within :data:`LINE_SLACK_KM` of it (:func:`raion_fronts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from geoconflict.extraction.resolution_common import search
from geoconflict.extraction.spans import Kind, Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place
from geoconflict.text.normalize import fold

__all__ = ["CONTACT_LINES", "DONBAS_2015", "FRONT_2022", "FRONT_2024", "FRONT_TOWN_POPULATION", "FRONT_UNITS",
           "KHARKIV_2024", "LINE_SLACK_KM", "ContactLine", "by_the_front",
           "line_distance_km", "lines_at", "raion_fronts"]

#: A populated place of this many people or more is what its name means: its village namesakes by the
#: line do not take its place.
FRONT_TOWN_POPULATION = 10_000
#: A namesake nearer the line by no more than this (km) leaves the mention where it was: both are by it.
LINE_SLACK_KM = 10.0
#: A village's namesakes in the line's country looked at (Ukraine's most shared names have about 80).
NAMESAKE_CANDIDATES = 200
#: The line is walked in steps of about this many km (its distance is to the nearest step).
LINE_STEP_KM = 2.0
#: The settlements with a point of their own looked at for the raions the line runs through (by population,
#: in the line's box widened by :data:`LINE_BOX_MARGIN_DEG`), and the raion centre's tolerance (degrees).
LINE_TOWNS = 5000
LINE_BOX_MARGIN_DEG = 0.2
AT_CENTRE_DEG = 1e-4
#: Raions of a name looked at for a raion's own point.
RAION_CANDIDATES = 10
#: What :meth:`Gazetteer.memo` keeps each gazetteer's raions on a line, raion centres and a name's namesakes
#: under; each keeps at most :data:`MEMO_SIZE` answers.
_RAION_FRONTS = "resolution_front.raion_fronts"
_RAION_CENTRES = "resolution_front.raion_centres"
_NAMESAKES = "resolution_front.namesakes"
MEMO_SIZE = 4096
#: Points whose distance to a line :func:`line_distance_km` remembers (a village's namesakes recur).
LINE_KM_KEPT = 1 << 14


@dataclass(frozen=True)
class ContactLine:
    """A line of contact between the sides of a war, and the first-level units it runs through.

    Parameters
    ----------
    name : str
        What the reason of a span placed by it says.
    country : str
        ISO alpha-2 code of the country it runs through.
    units : tuple of str
        The gazetteer's names of the first-level units it crosses: a village of one of them may be its
        namesake by the line.
    since : date
        When it was drawn: a report dated before says nothing of it.
    points : tuple of (lat, lon)
        Its course, settlement by settlement.
    until : date, optional
        When the front left it (None: it still holds).
    """

    name: str
    country: str
    units: tuple[str, ...]
    since: date
    points: tuple[tuple[float, float], ...]
    until: date | None = None

    def steps(self) -> tuple[np.ndarray, np.ndarray]:
        """Points along the line about :data:`LINE_STEP_KM` apart (latitudes, longitudes)."""
        lats: list[float] = []
        lons: list[float] = []
        for (a, b), (c, d) in zip(self.points, self.points[1:], strict=False):
            n = max(1, int(float(haversine_km(a, b, c, d)) / LINE_STEP_KM))
            lats.extend(np.linspace(a, c, n, endpoint=False))
            lons.extend(np.linspace(b, d, n, endpoint=False))
        lats.append(self.points[-1][0])
        lons.append(self.points[-1][1])
        return np.array(lats), np.array(lons)


#: The line of contact in Donbas from the ceasefire of 12 February 2015 to February 2022, south to north
#: and then east, through the settlements it ran by (on either side): Shyrokyne on the Sea of Azov,
#: Pavlopil, Hranitne, Novotroitske, Olenivka, Marinka, Krasnohorivka, Pisky, Avdiivka, Shumy, Zaitseve,
#: Svitlodarsk, Popasna, Zolote, Krymske, Shchastia, Stanytsia Luhanska, Krasna Talivka by the Russian border.
DONBAS_2015 = ContactLine(
    name="the line of contact in Donbas (February 2015)",
    country="UA",
    units=("Donetsk Oblast", "Luhansk Oblast"),
    since=date(2015, 2, 12),
    until=date(2022, 11, 11),
    points=((47.098, 37.818), (47.260, 37.781), (47.457, 37.868), (47.720, 37.570), (47.827, 37.660),
            (47.945, 37.505), (48.005, 37.507), (48.067, 37.666), (48.140, 37.750), (48.300, 37.930),
            (48.395, 38.029), (48.434, 38.223), (48.632, 38.371), (48.695, 38.515), (48.752, 38.792),
            (48.738, 39.230), (48.662, 39.484), (48.863, 39.847)),
)
#: The first-level units the front crossed from 2022: a village of one of them may be its namesake by the line.
FRONT_UNITS = ("Kharkiv Oblast", "Luhansk Oblast", "Donetsk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast")
#: The front from Russia's withdrawal from Kherson's right bank (11 November 2022) to spring 2024, north to south:
#: from the Russian border east of the Oskil by Synkivka, Kyslivka and Tabaivka, the Svatove–Kreminna road
#: (Novoselivske, Makiivka, Chervonopopivka), Bilohorivka and Spirne, Soledar, Bakhmut, Klishchiivka, Mayorsk,
#: Niu-York, Avdiivka, Krasnohorivka, Marinka, Vuhledar, Prechystivka, Staromaiorske, south of Hulyaipole, Mala
#: Tokmachka, Robotyne and Kamianske to the Kakhovka reservoir, then down the Dnipro by Enerhodar, Nova Kakhovka
#: and Kherson to the Kinburn spit. Bakhmut (May 2023), Robotyne (August 2023) and Avdiivka (February 2024)
#: changed hands on it; the line moved a few kilometres there, not more.
FRONT_2022 = ContactLine(
    name="the front line of November 2022 to spring 2024",
    country="UA",
    units=FRONT_UNITS,
    since=date(2022, 11, 12),
    until=date(2024, 5, 31),
    points=((50.02, 37.88), (49.80, 37.72), (49.64, 37.86), (49.55, 37.94), (49.45, 38.00), (49.30, 38.08),
            (49.17, 38.14), (49.07, 38.19), (48.98, 38.16), (48.926, 38.247), (48.80, 38.18), (48.692, 38.071),
            (48.594, 37.999), (48.53, 37.96), (48.42, 37.93), (48.33, 37.84), (48.19, 37.76), (48.14, 37.75),
            (48.07, 37.65), (48.005, 37.507), (47.945, 37.505), (47.87, 37.42), (47.78, 37.25), (47.73, 37.05),
            (47.78, 36.78), (47.70, 36.55), (47.58, 36.25), (47.53, 35.98), (47.45, 35.84), (47.50, 35.55),
            (47.539, 35.374), (47.46, 35.15), (47.52, 34.55), (47.25, 34.05), (46.80, 33.40), (46.75, 33.00),
            (46.63, 32.67), (46.52, 32.25), (46.50, 31.60)),
)
#: The front from summer 2024 on (the Russian advance on Pokrovsk, Kurakhove and Toretsk), north to south: the
#: border by Synkivka, the east of Kupiansk, Petropavlivka, east of Borova, Terny and Torske by Lyman, Siversk,
#: Chasiv Yar, Toretsk, Hrodivka, the south-east of Myrnohrad and Pokrovsk, west of Kurakhove, Velyka Novosilka,
#: Hulyaipole, then as :data:`FRONT_2022` from Mala Tokmachka to the sea.
FRONT_2024 = ContactLine(
    name="the front line from summer 2024",
    country="UA",
    units=FRONT_UNITS,
    since=date(2024, 6, 1),
    points=((50.00, 37.90), (49.80, 37.72), (49.71, 37.66), (49.66, 37.75), (49.50, 37.80), (49.38, 37.72),
            (49.20, 37.88), (49.08, 37.93), (49.02, 37.95), (48.95, 38.00), (48.865, 38.097), (48.75, 38.00),
            (48.588, 37.834), (48.395, 37.848), (48.35, 37.70), (48.33, 37.45), (48.33, 37.37), (48.30, 37.27),
            (48.25, 37.15), (48.06, 37.05), (47.98, 37.20), (47.90, 36.98), (47.843, 36.836), (47.70, 36.50),
            (47.62, 36.25), (47.53, 35.98), (47.45, 35.84), (47.50, 35.55), (47.539, 35.374), (47.46, 35.15),
            (47.52, 34.55), (47.25, 34.05), (46.80, 33.40), (46.75, 33.00), (46.63, 32.67), (46.52, 32.25),
            (46.50, 31.60)),
)
#: The front north of Kharkiv from Russia's offensive of 10 May 2024: the border by Hlyboke, Lyptsi, the
#: Vovcha valley to Vovchansk and the border beyond it.
KHARKIV_2024 = ContactLine(
    name="the front north of Kharkiv from May 2024",
    country="UA",
    units=("Kharkiv Oblast",),
    since=date(2024, 5, 10),
    points=((50.37, 36.28), (50.20, 36.42), (50.24, 36.65), (50.29, 36.94), (50.35, 37.15)),
)
#: The lines :func:`by_the_front` knows.
CONTACT_LINES = (DONBAS_2015, FRONT_2022, FRONT_2024, KHARKIV_2024)
_STEPS = {line.name: line.steps() for line in CONTACT_LINES}
#: (country, first-level unit) of every unit a line of :data:`CONTACT_LINES` crosses.
_FRONT_UNITS = frozenset((line.country, unit) for line in CONTACT_LINES for unit in line.units)


def line_distance_km(line: ContactLine, p: Place) -> float:
    """Kilometres from *p* to *line* (to the nearest of its :meth:`ContactLine.steps`, within about 1 km).

    Examples
    --------
    >>> from geoconflict.model import Place
    >>> pisky = Place("Pisky", kind="populated_place", lat=48.067, lon=37.666, country_code="UA")
    >>> line_distance_km(DONBAS_2015, pisky) < 1
    True
    """
    return _line_km(line.name, p.lat, p.lon)


@lru_cache(maxsize=LINE_KM_KEPT)
def _line_km(name: str, lat: float, lon: float) -> float:
    """Kilometres from (*lat*, *lon*) to the line named *name*: remembered by the point (the lines never change)."""
    lats, lons = _STEPS[name]
    return float(haversine_km(lat, lon, lats, lons).min())


def by_the_front(gaz: Gazetteer, spans: list[Span], published: date | None) -> None:
    """Move each village with namesakes in a front-line region to its namesake nearest the line.

    Parameters
    ----------
    gaz : Gazetteer
        Where the namesakes are searched.
    spans : list of Span
        The report's resolved spans; changed in place.
    published : date, optional
        The report's date: only the lines of contact of that day are used (all, when None).
    """
    if not any(x.place is not None and (x.place.country_code, x.place.admin1) in _FRONT_UNITS for x in spans):
        return  # (no place in a unit a line crosses: :func:`_crossing` finds none; most reports)
    lines = lines_at(published)
    if not lines:
        return
    for x in spans:
        crossed = _crossing(x, lines)
        if crossed and not _other_clues(x, spans):
            _to_the_line(gaz, x, crossed, spans)
            _to_the_raions_front(gaz, x, crossed)


def lines_at(day: date | None) -> tuple[ContactLine, ...]:
    """The lines of :data:`CONTACT_LINES` that held on *day* (all of them when *day* is None)."""
    return tuple(line for line in CONTACT_LINES if day is None or (
        line.since <= day and (line.until is None or day <= line.until)))


def _crossing(x: Span, lines: tuple[ContactLine, ...]) -> tuple[ContactLine, ...]:
    """The *lines* that run through the unit of *x*'s place, when it is a village (not a town of its own)."""
    p = x.place
    if p is None or p.kind is not Kind.POPULATED_PLACE or (p.population or 0) >= FRONT_TOWN_POPULATION:
        return ()
    return tuple(line for line in lines if p.country_code == line.country and p.admin1 in line.units)


def _other_clues(x: Span, spans: list[Span]) -> bool:
    """Whether the report names a district, or a settlement by another name than *x*'s (a city named as the region
    is not told apart from the city: "Donetsk" resolved to the city counts)."""
    own = x.folded
    for y in spans:
        q = y.place
        if q is None or y is x:
            continue
        if q.kind is Kind.ADMIN2:
            return True
        if q.kind is Kind.POPULATED_PLACE and y.folded != own:
            return True
    return False


def _front_km(lines: tuple[ContactLine, ...], p: Place) -> tuple[float, ContactLine]:
    """Kilometres from *p* to the nearest of *lines*, and that line."""
    return min(((line_distance_km(line, p), line) for line in lines), key=lambda pair: pair[0])


def _to_the_line(gaz: Gazetteer, x: Span, lines: tuple[ContactLine, ...], spans: list[Span]) -> None:
    """Put *x* at its namesake nearest *lines*, among those of its own unit when the report names that unit."""
    p = x.place
    assert p is not None
    units = {p.admin1} if x.fixed or _unit_named(p, spans) else {u for line in lines for u in line.units}
    name = fold(p.name)
    namesakes = [q for q in _namesakes(gaz, p.name, p.country_code) if q.admin1 in units and fold(q.name) == name]
    if len(namesakes) < 2 or any((q.population or 0) >= FRONT_TOWN_POPULATION for q in namesakes):
        return
    best = min(namesakes, key=lambda q: _front_km(lines, q)[0])
    (best_km, line), (own_km, _) = _front_km(lines, best), _front_km(lines, p)
    if own_km - best_km <= LINE_SLACK_KM:
        return
    x.candidates = (p, *(c for c in x.candidates if c != best))
    x.place = best
    x.reason = (f"{x.reason}; of its {len(namesakes)} namesakes in {' and '.join(sorted(u or '' for u in units))}, "
                f"the one nearest {line.name}")


def _namesakes(gaz: Gazetteer, name: str, country: str | None) -> tuple[Place, ...]:
    """The settlements *name* may be in *country* (of :data:`NAMESAKE_CANDIDATES`), kept with the gazetteer."""
    return gaz.remembered(_NAMESAKES, (name, country), lambda: tuple(c.place for c in search(
        gaz, name, limit=NAMESAKE_CANDIDATES, kind=Kind.POPULATED_PLACE, country=country)), size=MEMO_SIZE)


def _unit_named(p: Place, spans: list[Span]) -> bool:
    """Whether the report names *p*'s first-level unit as such."""
    return any(y.place is not None and y.place.kind is Kind.ADMIN1 and y.place.name == p.admin1 for y in spans)


def raion_fronts(gaz: Gazetteer, line: ContactLine) -> dict[tuple[str, str], np.ndarray]:
    """The raions *line* runs through ((first-level unit, raion) → the indices of its steps by the raion).

    A raion is by a step of the line where one of its settlements with a point of its own (of the
    :data:`LINE_TOWNS` most populous in the line's box) lies within :data:`LINE_SLACK_KM` of the step.
    Kept with the gazetteer (its data never changes).
    """
    memo = gaz.memo(_RAION_FRONTS)
    found = memo.get(line.name)
    if found is not None:
        return found
    lats, lons = _STEPS[line.name]
    box = (float(lats.min()) - LINE_BOX_MARGIN_DEG, float(lons.min()) - LINE_BOX_MARGIN_DEG,
           float(lats.max()) + LINE_BOX_MARGIN_DEG, float(lons.max()) + LINE_BOX_MARGIN_DEG)
    steps: dict[tuple[str, str], set[int]] = {}
    for q in gaz.largest_places(box, n=LINE_TOWNS):
        if q.approximate or q.country_code != line.country or q.admin1 not in line.units or not q.admin2:
            continue
        near = np.flatnonzero(haversine_km(q.lat, q.lon, lats, lons) <= LINE_SLACK_KM)
        if near.size:
            steps.setdefault((q.admin1, q.admin2), set()).update(near.tolist())
    found = memo[line.name] = {k: np.array(sorted(v)) for k, v in steps.items()}
    return found


def _to_the_raions_front(gaz: Gazetteer, x: Span, lines: tuple[ContactLine, ...]) -> None:
    """Put *x*, a village at its raion's centre, at the raion's stretch of *lines* nearest that centre."""
    p = x.place
    if p is None or not p.approximate or not p.admin1 or not p.admin2:
        return
    fronts = [(line, front) for line in lines
              if (front := raion_fronts(gaz, line).get((p.admin1, p.admin2))) is not None]
    if not fronts or not _at_raion_centre(gaz, p):
        return
    km, k, line = min((_nearest_step(p, line, front) for line, front in fronts), key=lambda found: found[0])
    if km <= LINE_SLACK_KM:
        return
    lats, lons = _STEPS[line.name]
    x.candidates = (p, *x.candidates)
    x.place = p.replace(lat=float(lats[k]), lon=float(lons[k]))
    x.reason = (f"{x.reason}; at {p.admin2}'s centre in the gazetteer (its hromada unplaced): placed where "
                f"{p.admin2} meets {line.name}, nearest its centre")


def _nearest_step(p: Place, line: ContactLine, front: np.ndarray) -> tuple[float, int, ContactLine]:
    """Kilometres from *p* to the nearest of *line*'s steps *front*, that step, and the line."""
    lats, lons = _STEPS[line.name]
    km = haversine_km(p.lat, p.lon, lats[front], lons[front])
    i = int(km.argmin())
    return float(km[i]), int(front[i]), line


def _at_raion_centre(gaz: Gazetteer, p: Place) -> bool:
    """Whether *p* lies at the point of its raion (the gazetteer knows no nearer point for it)."""
    centre = gaz.remembered(_RAION_CENTRES, (p.admin1, p.admin2, p.country_code), lambda: next(
        ((c.place.lat, c.place.lon) for c in search(gaz, p.admin2 or "", limit=RAION_CANDIDATES,
                                                    kind=Kind.ADMIN2, country=p.country_code)
         if c.place.name == p.admin2 and c.place.admin1 == p.admin1), None), size=MEMO_SIZE)
    return centre is not None and abs(centre[0] - p.lat) < AT_CENTRE_DEG and abs(centre[1] - p.lon) < AT_CENTRE_DEG
