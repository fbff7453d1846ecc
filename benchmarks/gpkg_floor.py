"""The floor of a table's GeoPackage: what GDAL alone costs to write the events layer's rows.

Run from the repository root::

    python benchmarks/gpkg_floor.py --csv acled-1M.csv          # (map_speed.py --table-rows N --keep DIR makes one)
    python benchmarks/gpkg_floor.py --csv acled-1M.csv --repeat 3

``write_geopackage`` hands GDAL the events of a table as Arrow record batches
(``pyogrio.write_arrow``). Here those very batches are kept (an Arrow IPC file,
made once by reading the CSV with ``read_table`` and writing its GeoPackage),
then each variant runs in a process of its own and times ``pyogrio.write_arrow``
of the ready batches alone, memory-mapped, into a new GeoPackage:

* ``geoconflict``: the settings ``GeoPackageWriter.write_coded`` uses (journal and
  sync off, SQLite's page cache at ``gpkg.BUILD_CACHE_KIB``), GDAL's R-tree;
* ``gdal-defaults``: GDAL's own SQLite settings (what ``GeoDataFrame.to_file`` gets);
* ``no-rtree``: geoconflict's settings without the spatial index (not a file
  geoconflict writes: QGIS wants the index; it says what the R-tree costs).

Each line gives the process's wall and CPU seconds for the write alone (user and
system), its peak memory, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VARIANTS = ("geoconflict", "gdal-defaults", "no-rtree")


def keep_batches(csv: str, arrow: str) -> int:
    """Read *csv* and write its GeoPackage, keeping the events' Arrow batches GDAL is handed in *arrow*."""
    import warnings

    import pyarrow as pa
    import pyogrio

    from geoconflict import read_table
    from geoconflict.model.io import write_geopackage

    warnings.simplefilter("ignore")
    real = pyogrio.write_arrow
    rows = 0

    def keeping(reader, path, **options):
        nonlocal rows
        if options.get("layer") != "events":
            return real(reader, path, **options)
        with pa.OSFile(arrow, "wb") as sink, pa.ipc.new_file(sink, reader.schema) as out:
            for batch in reader:
                out.write_batch(batch)
                rows += batch.num_rows
        return None

    pyogrio.write_arrow = keeping
    with tempfile.TemporaryDirectory() as tmp:
        write_geopackage(read_table(csv, format="acled").events, Path(tmp) / "kept.gpkg", progress=False)
    return rows


def write_once(variant: str, arrow: str, out: str) -> dict:
    """``pyogrio.write_arrow`` of the kept batches into *out*, in this process: its wall, CPU and peak."""
    import pyarrow as pa
    import pyogrio

    from geoconflict.model import gpkg

    source = pa.ipc.open_file(pa.memory_map(arrow))
    table = pa.Table.from_batches([source.get_batch(i) for i in range(source.num_record_batches)])
    if variant != "gdal-defaults":
        pyogrio.set_gdal_config_options(gpkg._GDAL_BUILD_OPTIONS)
    layer_options = {"SPATIAL_INDEX": "NO"} if variant == "no-rtree" else {}
    before, t = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    pyogrio.write_arrow(table, out, layer="events", driver="GPKG", geometry_name="wkb_geometry",
                        geometry_type="Unknown", crs="EPSG:4326", layer_options=layer_options)
    wall, after = time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF)
    return {"variant": variant, "rows": table.num_rows, "wall_s": round(wall, 2),
            "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2),
            "user_s": round(after.ru_utime - before.ru_utime, 2), "sys_s": round(after.ru_stime - before.ru_stime, 2),
            "peak_mb": round(after.ru_maxrss / 1024), "file_mb": round(os.path.getsize(out) / 1e6, 1),
            "load": round(os.getloadavg()[0], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", required=True, help="an ACLED-layout CSV (map_speed.py makes one)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--one", nargs=3, metavar=("VARIANT", "ARROW", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(write_once(*args.one)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        arrow = os.path.join(tmp, "events.arrow")
        print(json.dumps({"kept_rows": keep_batches(args.csv, arrow), "load": os.getloadavg()[0]}), flush=True)
        runs: dict[str, list[dict]] = {v: [] for v in args.variants.split(",")}
        for _ in range(args.repeat):
            for variant in runs:
                out = os.path.join(tmp, f"{variant}.gpkg")
                done = subprocess.run([sys.executable, __file__, "--csv", args.csv, "--one", variant, arrow, out],
                                      capture_output=True, text=True, check=True)
                os.unlink(out)
                runs[variant].append(json.loads(done.stdout.strip().splitlines()[-1]))
                print(json.dumps(runs[variant][-1]), flush=True)
    for variant, rows in runs.items():
        print(f"{variant}: median of {len(rows)}: wall {statistics.median(r['wall_s'] for r in rows):.2f} s, "
              f"CPU {statistics.median(r['cpu_s'] for r in rows):.2f} s "
              f"(system {statistics.median(r['sys_s'] for r in rows):.2f}), "
              f"peak {statistics.median(r['peak_mb'] for r in rows):.0f} MB")


if __name__ == "__main__":
    main()
