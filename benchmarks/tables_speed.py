"""How fast, and in how much memory, an ACLED-layout CSV becomes events.

Generates a synthetic table in ACLED's export layout (all 31 codebook columns,
~30,000 distinct locations, dates over three years, notes of ~200 characters,
1% territory rows that become claims), then reads it with
``geoconflict.read_table`` in a fresh process and reports the wall time and the
process's peak resident memory (VmHWM) and CPU time (on a machine whose cores
are busy with other work, wall time exceeds CPU time).

Usage (from the repository root)::

    python benchmarks/tables_speed.py                 # 1,000,000 rows
    python benchmarks/tables_speed.py --rows 200000 --keep /tmp/acled.csv
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


_READ = """
import json, sys, time
t, cpu = time.perf_counter(), time.process_time()
import geoconflict as gc
table = gc.read_table(sys.argv[1])
elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
# VmHWM: this process's peak resident memory (ru_maxrss would include the parent's, inherited at fork)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mb": peak / 1024,
                  "events": len(table.events.events), "claims": len(table.events.claims),
                  "skipped": len(table.skipped_rows)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None, help="write (or reuse) the table here")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.keep or Path(folder.name) / "acled.csv"
    if not path.exists():
        t = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {args.rows:,} rows, {path.stat().st_size / 1e6:,.0f} MB in {time.perf_counter() - t:.1f} s")
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", _READ, str(path)], check=True, capture_output=True, text=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"read_table: {result['seconds']:.1f} s wall, {result['cpu']:.1f} s CPU, peak RSS {result['peak_mb']:,.0f} MB, "
              f"{result['events']:,} events + {result['claims']:,} claims, {result['skipped']} skipped")
    folder.cleanup()


if __name__ == "__main__":
    main()
