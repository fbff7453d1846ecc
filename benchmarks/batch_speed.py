"""Corpus throughput of ``geoconflict.extract_many``: 1 worker, 2 worker processes, a 2-worker Dask LocalCluster.

Builds a corpus of report files from the seed report (each copy with its own
title and figures, so no two files are identical) up to ``--mb`` megabytes,
then times each configuration from a fresh start (worker start-up and
gazetteer loading included) and prints MB/s and the speed-up over 1 worker.

Usage (from the repository root, after ``pip install -e ".[dev]" "dask[distributed]"``)::

    python benchmarks/batch_speed.py --mb 50          # the issue's figure (about an hour on 2 cores)
    python benchmarks/batch_speed.py --mb 1           # a quick look
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_84a8b2256f18f56d.txt"


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Write numbered variants of the seed into *folder*; return (files, bytes)."""
    text = SEED.read_text(encoding="utf-8")
    target = int(megabytes * 1_000_000)
    written = files = 0
    while written < target:
        n = files + 1
        variant = re.sub(r"\b28 settlements\b", f"{20 + n % 40} settlements", text)
        variant = re.sub(r"\b74 settlements\b", f"{60 + n % 30} settlements", variant)
        variant = variant.replace("1,000 square kilometers", f"{900 + n % 300:,} square kilometers")
        path = folder / f"report_{n:06d}.txt"
        path.write_text(variant, encoding="utf-8")
        written += path.stat().st_size
        files += 1
    return files, written


def timed(label: str, run, size: int, base: float | None) -> float:
    t = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - t
    rate = size / 1e6 / seconds
    speed = f", ×{base / seconds:.2f} vs 1 worker" if base else ""
    print(f"{label:28s} {seconds:8.1f} s  {rate:6.3f} MB/s  ({len(result.inputs):,} reports, "
          f"{len(result.failures)} failed){speed}", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in megabytes")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()

    from geoconflict.batch import extract_many

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files, size = build_corpus(folder, args.mb)
        print(f"corpus: {files:,} reports, {size / 1e6:.1f} MB")
        one = timed("1 worker (in process)", lambda: extract_many([folder], progress=False), size, None)
        timed("2 worker processes", lambda: extract_many([folder], workers=2, progress=False), size, one)
        if not args.skip_dask:
            from distributed import Client, LocalCluster

            def on_cluster():
                with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, Client(cluster) as client:
                    return extract_many([folder], client=client, progress=False)

            timed("Dask LocalCluster, 2 workers", on_cluster, size, one)


if __name__ == "__main__":
    main()
