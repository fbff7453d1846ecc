"""Corpus throughput of ``geoconflict.extract_many``: 1 worker, 2 worker processes, a 2-worker Dask LocalCluster.

Builds a corpus of report files (real news articles, then variants of the seed
and the test reports, no two identical; see :func:`build_corpus`) up to
``--mb`` megabytes, then times each configuration from a fresh start (worker start-up and
gazetteer loading included) and prints MB/s and the speed-up over 1 worker.

Usage (from the repository root, after ``pip install -e ".[dev]" "dask[distributed]"``)::

    python benchmarks/batch_speed.py --mb 50          # the issue's figure
    python benchmarks/batch_speed.py --mb 1           # a quick look
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_speed  # the benchmark corpora


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Write report files into *folder* up to *megabytes*; return (files, bytes).

    The reports are the 904 news articles of the public geoparsing corpora
    (when ``../shared/eval/geoparse`` is present) and then variants of the
    seed and the test reports (``extract_speed.corpus``: shifted dates,
    renumbered figures, shuffled paragraphs), each with a ``Date:`` line.
    """
    target = int(megabytes * 1_000_000)
    news = extract_speed.news_corpus()
    dense = extract_speed.corpus(max(0.0, megabytes - sum(len(b.encode("utf-8")) for b, _ in news) / 1e6) + 0.1)
    written = files = 0
    for body, published in [*news, *dense]:
        if written >= target:
            break
        files += 1
        path = folder / f"report_{files:06d}.txt"
        path.write_text(f"Date: {published.isoformat()}\n\n{body}\n", encoding="utf-8")
        written += path.stat().st_size
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
