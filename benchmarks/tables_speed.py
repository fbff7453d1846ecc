"""How fast, and in how much memory, an ACLED-layout CSV becomes events.

Generates a synthetic table in ACLED's export layout (all 31 codebook columns,
~30,000 distinct locations, dates over three years, notes of ~200 characters,
1% territory rows that become claims), then, each in a fresh process, reads it
with ``geoconflict.read_table`` (``read``: validated as columns, the records
not made yet), makes the records too (``records``), or the events'
GeoDataFrame from the columns (``frame``); and, for comparison, reads it with
the peers: ``pandas.read_csv`` and a GeoDataFrame of its points (``pandas``),
``geopandas.read_file`` through pyogrio/GDAL (``pyogrio``). Each
reports the wall time, the CPU time (on a machine whose cores are busy with
other work, wall time exceeds CPU time) and the process's peak resident memory
(VmHWM).

Usage (from the repository root)::

    python benchmarks/tables_speed.py                 # 1,000,000 rows
    python benchmarks/tables_speed.py --rows 200000 --keep /tmp/acled.csv --steps read,records
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
).split(",")

TYPES = [
    ("Political violence", "Battles", "Armed clash"),
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Strategic developments", "Strategic developments", "Other"),
    ("Demonstrations", "Protests", "Peaceful protest"),
]
TERRITORY = ("Political violence", "Battles", "Government regains territory")
ACTORS = ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", "Wagner Group",
          "Civilians (Ukraine)", "Protesters (Ukraine)", "Unidentified Armed Group (Ukraine)"]
SOURCES = ["Ukrainska Pravda", "Meduza", "Kommersant; Ukrainska Pravda", "Ministry of Defence of Ukraine",
           "Russian Ministry of Defence", "Suspilne", "Telegram; Twitter", "Reuters"]


def generate(path: Path, rows: int, *, seed: int = 0) -> None:
    """Write a synthetic ACLED-layout CSV of *rows* rows."""
    rng = np.random.default_rng(seed)
    n_loc = 30_000
    loc_lat = rng.uniform(44.5, 52.3, n_loc).round(4)
    loc_lon = rng.uniform(22.2, 40.2, n_loc).round(4)
    loc = rng.integers(0, n_loc, rows)
    kind = rng.integers(0, len(TYPES), rows)
    territory = rng.random(rows) < 0.01
    disorder = np.array([t[0] for t in TYPES], dtype=object)[kind]
    etype = np.array([t[1] for t in TYPES], dtype=object)[kind]
    subtype = np.array([t[2] for t in TYPES], dtype=object)[kind]
    disorder[territory], etype[territory], subtype[territory] = TERRITORY
    dates = pd.date_range("2022-02-24", "2024-12-31").strftime("%Y-%m-%d").to_numpy()
    date = dates[rng.integers(0, len(dates), rows)]
    actors = np.array(ACTORS, dtype=object)
    a1 = actors[rng.integers(0, 2, rows)]
    a2 = actors[rng.integers(0, len(ACTORS), rows)]
    a2[rng.random(rows) < 0.3] = ""
    words = np.array("forces clashed near the village of after shelling reported by local officials "
                     "drone strike damaged infrastructure no casualties were reported in the area".split())
    note_words = words[rng.integers(0, len(words), (rows, 30))]
    notes = [f"On {d}, " + " ".join(w) + "." for d, w in zip(date, note_words)]
    frame = pd.DataFrame({
        "event_id_cnty": [f"UKR{i}" for i in range(rows)],
        "event_date": date,
        "year": [d[:4] for d in date],
        "time_precision": rng.choice([1, 1, 1, 2, 3], rows),
        "disorder_type": disorder,
        "event_type": etype,
        "sub_event_type": subtype,
        "actor1": a1,
        "assoc_actor_1": np.where(rng.random(rows) < 0.1, "Azov; 95th Brigade", ""),
        "inter1": "State forces",
        "actor2": a2,
        "assoc_actor_2": "",
        "inter2": np.where(a2 == "", "", "State forces"),
        "interaction": "State forces-State forces",
        "civilian_targeting": "",
        "iso": 804,
        "region": "Europe",
        "country": "Ukraine",
        "admin1": [f"Oblast {i % 24}" for i in loc],
        "admin2": [f"Raion {i % 900}" for i in loc],
        "admin3": [f"Hromada {i % 5000}" for i in loc],
        "location": [f"Settlement {i}" for i in loc],
        "latitude": loc_lat[loc],
        "longitude": loc_lon[loc],
        "geo_precision": rng.choice([1, 1, 2, 3], rows),
        "source": np.array(SOURCES, dtype=object)[rng.integers(0, len(SOURCES), rows)],
        "source_scale": "National",
        "notes": notes,
        "fatalities": rng.choice([0, 0, 0, 1, 2, 5], rows),
        "tags": "",
        "timestamp": 1725000000,
    }, columns=HEADER)
    frame.to_csv(path, index=False)


# Each measure runs in a fresh process, so that its peak resident memory is its own.
_STEPS = {
    # geoconflict: the table validated as columns (records not made yet, where the reader defers them)
    "read": "table = gc.read_table(path); n = len(table.events.__dict__.get('events', ())) or table.rows",
    # ... then every record made (the EventSet's lists, as a map or an export asks for them)
    "records": "table = gc.read_table(path); n = len(table.events.events) + len(table.events.claims)",
    # ... or the events' GeoDataFrame, made from the columns
    "frame": "table = gc.read_table(path); n = len(table.to_frame())",
    # peers: pandas' reader and a GeoDataFrame of points; GDAL's CSV driver through pyogrio
    "pandas": ("import pandas as pd, geopandas as gpd; df = pd.read_csv(path, low_memory=False); "
               "frame = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.longitude, df.latitude), "
               "crs='EPSG:4326'); n = len(frame)"),
    "pyogrio": ("import geopandas as gpd; frame = gpd.read_file(path, engine='pyogrio', "
                "X_POSSIBLE_NAMES='longitude', Y_POSSIBLE_NAMES='latitude'); n = len(frame)"),
}
_MEASURE = """
import json, sys, time
path = sys.argv[1]
t, cpu = time.perf_counter(), time.process_time()
import geoconflict as gc
{step}
elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
# VmHWM: this process's peak resident memory (/usr/bin/time -v's "maximum resident set size";
# ru_maxrss would include the parent's, inherited at fork)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "peak_mb": peak / 1024, "rows": n}}))
"""


def measure(step: str, path: Path) -> dict[str, float]:
    """Run one of :data:`_STEPS` on *path* in a fresh process: wall and CPU seconds, peak MB, rows."""
    code = _MEASURE.format(step=_STEPS[step])
    # run outside the checkout, so that PYTHONPATH says which geoconflict is measured (the current
    # directory would come first on sys.path of ``python -c``)
    out = subprocess.run([sys.executable, "-c", code, str(path.resolve())], check=True, capture_output=True,
                         text=True, cwd=tempfile.gettempdir())
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None, help="write (or reuse) the table here")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--steps", default=",".join(_STEPS), help=f"comma-separated, of {', '.join(_STEPS)}")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.keep or Path(folder.name) / "acled.csv"
    if not path.exists():
        t = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {args.rows:,} rows, {path.stat().st_size / 1e6:,.0f} MB in {time.perf_counter() - t:.1f} s")
    for _ in range(args.repeat):
        for step in args.steps.split(","):
            r = measure(step, path)
            print(f"{step:8} {r['seconds']:6.1f} s wall {r['cpu']:6.1f} s CPU  peak RSS {r['peak_mb']:7,.0f} MB  "
                  f"{int(r['rows']):,} rows", flush=True)
    folder.cleanup()


if __name__ == "__main__":
    main()
