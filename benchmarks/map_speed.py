"""Map speed: geoconflict.render + save_html against GeoDataFrame.explore on the same data.

Run from the repository root::

    python benchmarks/map_speed.py               # 100,000 events and 100,000 movements
    python benchmarks/map_speed.py --n 20000     # smaller
    python benchmarks/map_speed.py --browser     # also time the offline page in headless Chromium
    python benchmarks/map_speed.py --kinds claims --n 2000   # 2,000 rival claims on one region
    python benchmarks/map_speed.py --table-rows 100000       # an ACLED-layout CSV file → HTML
    python benchmarks/map_speed.py --table-rows 100000 --sides geoconflict,explore --repeat 3

With ``--table-rows N`` each side starts from the same generated ACLED-layout CSV
file of N rows and is timed from reading it to the written page: geoconflict
(``read_table`` + ``render`` + ``save_html``; the table's events stay columns),
geoconflict with records (the same, but every row made a record first, as
``render`` did before it drew tables from their columns), and
``pandas.read_csv`` + ``GeoDataFrame.explore()``.

Each measurement runs in its own process, so its peak memory (``ru_maxrss``) is
its own. Both sides start from the same records, built in that process before
the clock starts: geoconflict from the EventSet, ``explore()`` from the
GeoDataFrame the EventSet gives (``to_geodataframe()``, built before timing and
reported separately). Timed: making the map and writing the HTML file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPES = ("shelling", "air strike", "battle", "drone strike", "protest", "arrest")
ACTORS = ("Russian armed forces", "Ukrainian forces", "unidentified armed group", "police")


def make_claims(n: int):
    """``n`` territorial claims on one region, each a stated extent inside it: every claim rivals every other."""
    import numpy as np
    from shapely.geometry import Point, box

    from geoconflict.model import Place, Provenance, TerritorialClaim
    from geoconflict.model.eventset import EventSet

    rng = np.random.default_rng(20240814)
    region = Place("Region 1", kind="admin1", lat=48.5, lon=37.5, country_code="UA",
                   geometry=box(36.0, 47.5, 39.0, 49.5))
    lat, lon = rng.uniform(47.7, 49.3, n), rng.uniform(36.2, 38.8, n)
    return EventSet([
        TerritorialClaim(ACTORS[i % 2], areas=(region,), settlements=int(i % 90) + 1, area_km2_stated=float(i % 900 + 10),
                         geometry=Point(float(lon[i]), float(lat[i])).buffer(0.05), derivation="stated_area",
                         approximate=True, as_of=date(2024, 1, 1) + timedelta(days=i % 365),
                         provenance=Provenance(source=f"report-{i % 500}.txt", reported_by="a ministry",
                                               quote=f"Forces control {i % 90 + 1} settlements in Region 1."))
        for i in range(n)
    ])


def make_events(n: int, *, kind: str):
    """``n`` events, movements or claims with places, actors, quotes and dates, reproducibly."""
    import numpy as np

    from geoconflict.model import Event, Movement, Place, Provenance
    from geoconflict.model.eventset import EventSet

    if kind == "claims":
        return make_claims(n)

    rng = np.random.default_rng(20240814)
    lat = rng.uniform(44.5, 56.0, n)
    lon = rng.uniform(22.0, 45.0, n)
    day0 = date(2024, 1, 1)
    days = rng.integers(0, 365, n)
    kinds = rng.integers(0, len(TYPES), n)
    actors = rng.integers(0, len(ACTORS), n)
    places = [
        Place(f"Place {i}", kind="populated_place", lat=float(lat[i]), lon=float(lon[i]), country_code="UA",
              admin1=f"Region {i % 40}")
        for i in range(n)
    ]
    records = []
    if kind == "events":
        for i in range(n):
            d = day0 + timedelta(days=int(days[i]))
            records.append(Event(
                TYPES[kinds[i]], places[i], actors=(ACTORS[actors[i]],),
                description=f"{TYPES[kinds[i]].capitalize()} reported near Place {i}",
                fatalities=int(i % 7),
                provenance=Provenance(source=f"report-{i % 500}.txt", reported_by="local authorities",
                                      quote=f"Local authorities said {TYPES[kinds[i]]} hit Place {i} on {d}.",
                                      report_date=d + timedelta(days=1), event_date=d, date_precision="day"),
            ))
    else:
        order = rng.permutation(n)
        for i in range(n):
            d = day0 + timedelta(days=int(days[i]))
            records.append(Movement(
                ACTORS[actors[i]], places[i], places[int(order[i])], unit=f"unit {i % 300}",
                status=("reported", "claimed", "confirmed", "unconfirmed", "denied")[i % 5],
                provenance=Provenance(source=f"report-{i % 500}.txt", reported_by="a ministry",
                                      quote=f"Units moved from Place {i} to Place {int(order[i])}.",
                                      report_date=d, event_date=d, date_precision="day"),
            ))
    return EventSet(records)


#: ACLED's columns that the generated table fills (the reader needs these).
ACLED_HEADER = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "admin3", "location",
                "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
#: (event type, sub-event type, share of rows); the territory rows become claims.
ACLED_KINDS = (("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.55),
               ("Explosions/Remote violence", "Air/drone strike", 0.2), ("Battles", "Armed clash", 0.15),
               ("Protests", "Peaceful protest", 0.05), ("Battles", "Non-state actor overtakes territory", 0.02),
               ("Battles", "Government regains territory", 0.03))
ACLED_SITES = 6_000


def make_acled_csv(path: Path, rows: int) -> None:
    """An ACLED-layout CSV of ``rows`` rows: repeated sites, a distinct note per row, a few territory rows."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(20240814)
    site = rng.integers(0, ACLED_SITES, rows)
    kind = rng.choice(len(ACLED_KINDS), rows, p=[k[2] for k in ACLED_KINDS])
    side = rng.integers(0, 2, rows)
    day = pd.Timestamp("2022-02-24") + pd.to_timedelta(rng.integers(0, 1200, rows), unit="D")
    site_lat = rng.uniform(44.5, 52.3, ACLED_SITES).round(4)
    site_lon = rng.uniform(22.2, 40.2, ACLED_SITES).round(4)
    names = np.array([f"Site {k}" for k in range(ACLED_SITES)], dtype=object)
    actors = np.array(["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"], dtype=object)
    fatalities = rng.integers(0, 4, rows) * (rng.random(rows) < 0.3)
    frame = pd.DataFrame({
        "event_id_cnty": [f"UKR{i}" for i in range(rows)],
        "event_date": day.strftime("%Y-%m-%d"),
        "time_precision": rng.integers(1, 4, rows),
        "event_type": [ACLED_KINDS[k][0] for k in kind],
        "sub_event_type": [ACLED_KINDS[k][1] for k in kind],
        "actor1": actors[side],
        "assoc_actor_1": "",
        "actor2": np.where(rng.random(rows) < 0.5, actors[1 - side], ""),
        "assoc_actor_2": "",
        "country": "Ukraine",
        "admin1": [f"Oblast {k % 24}" for k in site],
        "admin2": [f"Raion {k % 130}" for k in site],
        "admin3": "",
        "location": names[site],
        "latitude": site_lat[site],
        "longitude": site_lon[site],
        "geo_precision": rng.choice([1, 2, 3], rows, p=[0.8, 0.15, 0.05]),
        "source": rng.choice(["Ministry of Defence", "Regional administration", "Local media; Telegram"], rows),
        "notes": [f"On {d}, forces of side {s + 1} struck {names[k]} ({fatalities[i]} reported killed; note {i})."
                  for i, (d, s, k) in enumerate(zip(day.strftime("%d %B %Y"), side, site, strict=True))],
        "fatalities": fatalities,
    }, columns=ACLED_HEADER)
    frame.to_csv(path, index=False)


#: The sides of ``--table-rows``: to a map, and to a GeoPackage.
#: ``gpkg`` is ``table_to_geopackage`` (read in chunks while a second process lets GDAL write);
#: ``gpkg-whole`` is ``read_table`` + ``write_geopackage`` in one process (the path before session 13).
TABLE_SIDES = ("geoconflict", "records", "explore", "gpkg", "gpkg-whole", "to_file")
_GPKG_SIDES = ("gpkg", "gpkg-whole", "to_file")


def measure_table(side: str, path: str, out: str) -> dict:
    """One table measurement in this process: the CSV file to the written page (or GeoPackage)."""
    import warnings

    warnings.simplefilter("ignore")
    # each side imports what it uses, before the clock: the whole process (timed by
    # _whole_process) then holds no import the side does not need (geoconflict's map
    # needs neither geopandas nor pyogrio)
    if side in ("explore", "to_file"):
        import geopandas as gpd
        import pandas as pd
        if side == "explore":
            import folium  # noqa: F401
    else:
        from geoconflict import read_table
        if side == "gpkg":
            from geoconflict.readers.streamgpkg import table_to_geopackage
        elif side == "gpkg-whole":
            from geoconflict.model.io import write_geopackage
        else:
            from geoconflict.maps.offline import save_html
            from geoconflict.maps.render import render

    usage = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    deferred = streamed = None
    if side in ("explore", "to_file"):
        frame = pd.read_csv(path)
        geo = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["longitude"], frame["latitude"]),
                               crs="EPSG:4326")
        if side == "explore":
            geo.explore().save(out)
        else:
            geo.to_file(out, driver="GPKG", engine="pyogrio")
    elif side == "gpkg":
        streamed = table_to_geopackage(path, out, progress=False).streamed
    else:
        events = read_table(path, format="acled").events
        if side == "records":
            _ = events.events  # every row a record first (render's path before issue 18)
        if side == "gpkg-whole":
            write_geopackage(events, out, progress=False)
        else:
            save_html(render(events), out, offline=True)
        deferred = events.is_deferred
    seconds = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "side": side,
        "rows": sum(1 for _ in open(path, encoding="utf-8")) - 1,
        "seconds": round(seconds, 2),
        "cpu_s": round((after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime), 2),
        "child_cpu_s": round(children.ru_utime + children.ru_stime, 2),  # table_to_geopackage's GDAL process
        "peak_mb": round(after.ru_maxrss / 1024, 0),
        "file_mb": round(os.path.getsize(out) / 1e6, 2),
        "still_deferred": deferred,
        "streamed": streamed,
    }


def _whole_process(side: str, path: str, out: str) -> dict:
    """:func:`measure_table` in a child process, with its wall time and peak RSS as ``/usr/bin/time -v`` sees them."""
    command = [sys.executable, __file__, "--table-one", side, path, out]
    timed = os.path.exists("/usr/bin/time")
    done = subprocess.run((["/usr/bin/time", "-v"] if timed else []) + command, capture_output=True, text=True,
                          check=True)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    for line in done.stderr.splitlines() if timed else []:
        line = line.strip()
        if line.startswith("Maximum resident set size"):
            row["process_peak_mb"] = round(int(line.rsplit(" ", 1)[1]) / 1024)
        elif line.startswith(("User time (seconds)", "System time (seconds)")):
            row["process_cpu_s"] = round(row.get("process_cpu_s", 0.0) + float(line.rsplit(" ", 1)[1]), 2)
        elif line.startswith("Elapsed (wall clock)"):
            clock = [float(x) for x in line.rsplit(" ", 1)[1].split(":")]
            row["process_wall_s"] = round(sum(v * 60 ** k for k, v in enumerate(reversed(clock))), 2)
    return row


def table_runs(rows: int, keep: str | None, *, csv: str | None = None, sides: tuple[str, ...] = TABLE_SIDES,
               browser: bool = False, repeat: int = 1) -> None:
    """The ``--table-rows`` comparison: each side in its own process, on the same CSV file.

    With *repeat* > 1 the sides run in turn that many times (the load of a shared
    machine changes during a run); the summary compares the medians.
    """
    if not _explore_available():
        sides = tuple(s for s in sides if s != "explore")
    if keep:
        os.makedirs(keep, exist_ok=True)
    print(json.dumps({"load_average": os.getloadavg(), "cores": os.cpu_count()}), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = csv or os.path.join(tmp, f"acled-{rows}.csv")
        if csv is None:
            make_acled_csv(Path(path), rows)
        runs: dict[str, list[dict]] = {side: [] for side in sides}
        for _ in range(repeat):
            for side in sides:
                suffix = "gpkg" if side in _GPKG_SIDES else "html"
                out = os.path.join(keep or tmp, f"table-{rows}-{side}.{suffix}")
                if os.path.exists(out):
                    os.unlink(out)
                row = _whole_process(side, path, out)
                if browser and side == "geoconflict":
                    row.update(browser_time(out))
                runs[side].append(row)
                print(json.dumps(row), flush=True)
    print(json.dumps({"load_average": os.getloadavg()}), flush=True)
    _compare(rows, {side: _median_row(found) for side, found in runs.items()}, repeat)


def _compare(rows: int, by: dict[str, dict], repeat: int) -> None:
    """One line per pair of sides: how much faster, in less memory, and the files' sizes."""
    medians = f" (medians of {repeat} runs)" if repeat > 1 else ""
    for ours, peers in (("geoconflict", ("records", "explore")), ("gpkg", ("to_file", "gpkg-whole")),
                        ("gpkg-whole", ("to_file",))):
        mine = by.get(ours)
        for side in peers:
            theirs = by.get(side)
            if mine is None or theirs is None:
                continue
            wall = theirs.get("process_wall_s", theirs["seconds"]) / mine.get("process_wall_s", mine["seconds"])
            peak = mine.get("process_peak_mb", mine["peak_mb"]) / theirs.get("process_peak_mb", theirs["peak_mb"])
            cpu = theirs.get("process_cpu_s", theirs["cpu_s"]) / mine.get("process_cpu_s", mine["cpu_s"])
            print(f"{rows:,} rows, {ours} vs {side}{medians}: "
                  f"{wall:.1f}x faster (whole process; whole-process CPU {cpu:.1f}x; timed CPU "
                  f"{theirs['cpu_s'] / mine['cpu_s']:.1f}x), peak memory {peak:.2f}x theirs, file "
                  f"{mine['file_mb'] / theirs['file_mb']:.2f}x theirs ({mine['file_mb']:.1f} vs {theirs['file_mb']:.1f} MB)")


def _median_row(rows: list[dict]) -> dict:
    """Each numeric measure's median over the runs of one side."""
    import statistics

    out = dict(rows[0])
    for key, value in rows[0].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            out[key] = statistics.median(r[key] for r in rows)
    return out


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(side: str, kind: str, n: int, out: str) -> dict:
    """One measurement in this process."""
    import warnings

    warnings.simplefilter("ignore")
    events = make_events(n, kind=kind)
    prepared = {}
    if side == "explore":
        t = time.perf_counter()
        frame = getattr(events, kind).to_geodataframe()
        prepared["to_geodataframe_s"] = round(time.perf_counter() - t, 2)
    import folium  # noqa: F401 - imported before the clock on both sides

    import geoconflict.maps.render  # noqa: F401
    baseline = _rss_mb()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    if side == "explore":
        m = frame.explore()
        m.save(out)
    else:
        from geoconflict.maps.offline import save_html
        from geoconflict.maps.render import render

        save_html(render(events), out, offline=True)
    seconds = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    peak = after.ru_maxrss / 1024
    return {
        "side": side,
        "kind": kind,
        "n": n,
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "peak_mb": round(peak, 0),
        "baseline_mb": round(baseline, 0),
        "work_peak_mb": round(peak - baseline, 0),
        "file_mb": round(os.path.getsize(out) / 1e6, 2),
        **prepared,
    }


def browser_time(path: str) -> dict:
    """How soon the offline page is interactive in headless Chromium (every request blocked)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch_chromium, open_offline

    with sync_playwright() as p:
        browser = launch_chromium(p)
        results, drawn = [], []
        for _ in range(3):
            t = time.perf_counter()
            page, log = open_offline(browser, Path(path), timeout_ms=120_000)
            page.wait_for_selector(".gc-map[data-gc-ready] .leaflet-control-layers-overlays label", timeout=120_000)
            results.append(time.perf_counter() - t)
            page.wait_for_selector(".gc-map[data-gc-drawn]", timeout=60_000)
            drawn.append(int(page.locator(".gc-map").get_attribute("data-gc-drawn")))
            assert not log.blocked and not log.page_errors, (log.blocked[:3], log.page_errors[:3])
            pans = _pan_frames(page)
            page.context.close()
        browser.close()
    # wall: Playwright's clock, new browser context to layers listed; drawn: the page's own
    # clock, navigation start to the first frame painted with the data on it
    return {"open_to_layers_listed_s": [round(r, 2) for r in results], "drawn_ms": drawn, **pans}


#: A scripted pan: steps of this many pixels, one per animation frame, at the first zoom of each event drawn.
PAN_STEP_PX, PAN_STEPS, PAN_ZOOM = (40, 10), 30, 9


def _pan_frames(page) -> dict:
    """Frame times (ms) while the map pans step by step at :data:`PAN_ZOOM` (each step redraws the canvas)."""
    from tests.browser import map_key

    key = map_key(page)
    page.evaluate(f"() => {{ const m = window['{key}']; m.setView(m.getCenter(), {PAN_ZOOM}, {{animate: false}}); }}")
    times = page.evaluate(f"""() => new Promise(done => {{
        const m = window['{key}'], times = []; let last = performance.now(), k = 0;
        function step() {{
          const now = performance.now(); times.push(now - last); last = now;
          if (k++ < {PAN_STEPS}) {{ m.panBy({list(PAN_STEP_PX)}, {{animate: false}}); requestAnimationFrame(step); }}
          else {{ done(times.slice(1)); }}
        }}
        requestAnimationFrame(step);
    }})""")
    times.sort()
    return {"pan_frame_ms_median": round(times[len(times) // 2]), "pan_frame_ms_max": round(times[-1])}


def _explore_available() -> bool:
    """Whether ``GeoDataFrame.explore`` can run here (it needs matplotlib and mapclassify too)."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("folium", "matplotlib", "mapclassify"))


def _summary(by: dict, kind: str) -> str:
    """One line comparing the runs of ``kind`` (geoconflict's alone when explore did not run)."""
    cold, ours = by[("geoconflict (cold)", kind)], by[("geoconflict", kind)]
    theirs = by.get(("explore", kind))
    if theirs is None:
        return (f"{kind}: geoconflict {ours['seconds']:.2f} s ({cold['seconds']:.2f} s with a cold basemap "
                f"cache; CPU {ours['cpu_s']:.2f} s), work peak memory {ours['work_peak_mb']:.0f} MB, "
                f"file {ours['file_mb']:.1f} MB (explore() not run: matplotlib or mapclassify missing)")
    return (
        f"{kind}: {theirs['seconds'] / ours['seconds']:.1f}x faster "
        f"({theirs['seconds'] / cold['seconds']:.1f}x with a cold basemap cache; CPU time "
        f"{theirs['cpu_s'] / ours['cpu_s']:.1f}x), "
        f"work peak memory {ours['work_peak_mb']:.0f} vs {theirs['work_peak_mb']:.0f} MB "
        f"(process peak {ours['peak_mb']:.0f} vs {theirs['peak_mb']:.0f} MB), "
        f"file {ours['file_mb']:.1f} vs {theirs['file_mb']:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--kinds", default="events,movements")
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--table-rows", type=int, help="map an ACLED-layout CSV of this many rows")
    parser.add_argument("--keep", help="with --table-rows: write the pages into this directory")
    parser.add_argument("--csv", help="with --table-rows: use this ACLED-layout CSV instead of generating one")
    parser.add_argument("--sides", default=",".join(TABLE_SIDES),
                        help=f"with --table-rows: the sides to run (of {', '.join(TABLE_SIDES)})")
    parser.add_argument("--repeat", type=int, default=1,
                        help="with --table-rows: run the sides in turn this many times (medians compared)")
    parser.add_argument("--one", nargs=3, metavar=("SIDE", "KIND", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--table-one", nargs=3, metavar=("SIDE", "CSV", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.table_one:
        print(json.dumps(measure_table(*args.table_one)))
        return
    if args.table_rows:
        table_runs(args.table_rows, args.keep, csv=args.csv, sides=tuple(args.sides.split(",")), browser=args.browser,
                   repeat=args.repeat)
        return
    if args.one:
        print(json.dumps(measure(args.one[0], args.one[1], args.n, args.one[2])))
        return
    from geoconflict.maps.offline import asset_dir, fetch_assets

    fetch_assets()  # the npm tarballs are a one-time download, not part of any run
    runs = [("geoconflict", "geoconflict (cold)"), ("geoconflict", "geoconflict")]
    if _explore_available():
        runs.append(("explore", "explore"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds.split(","):
            # "geoconflict (cold)": an empty basemap cache (a new XDG cache directory), so the
            # Natural Earth outlines are simplified in the run; "geoconflict": the cache warm
            for side, label in runs:
                out = os.path.join(tmp, f"{side}-{kind}.html")
                env = dict(os.environ)
                if label.endswith("(cold)"):
                    env["GEOCONFLICT_ASSET_DIR"] = str(asset_dir())
                    env["XDG_CACHE_HOME"] = os.path.join(tmp, f"cache-{kind}")
                done = subprocess.run(
                    [sys.executable, __file__, "--n", str(args.n), "--one", side, kind, out],
                    capture_output=True, text=True, check=True, env=env,
                )
                row = {"run": label, **json.loads(done.stdout.strip().splitlines()[-1])}
                if label == "geoconflict" and kind == "events" and args.browser:
                    row.update(browser_time(out))
                rows.append(row)
                print(json.dumps(row), flush=True)
    by = {(r["run"], r["kind"]): r for r in rows}
    for kind in args.kinds.split(","):
        print(_summary(by, kind))


if __name__ == "__main__":
    main()
