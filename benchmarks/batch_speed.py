"""Corpus throughput of ``geoconflict.extract_many``: 1 worker, 2 worker processes, a 2-worker Dask LocalCluster.

Builds a corpus of report files (real news articles, then variants of the seed
and the test reports, no two identical; see :func:`build_corpus`) up to
``--mb`` megabytes, then times each configuration from a fresh start (worker start-up and
gazetteer loading included) and prints MB/s and the speed-up over 1 worker.

Usage (from the repository root, after ``pip install -e ".[dev]" "dask[distributed]"``)::

    python benchmarks/batch_speed.py --mb 50          # the issue's figure
    python benchmarks/batch_speed.py --mb 1           # a quick look
    python benchmarks/batch_speed.py --mb 10 --configs 1,2   # no Dask

Each row also gives CPU seconds: this process's (``RUSAGE_SELF``, user +
system) and its finished children's (``RUSAGE_CHILDREN``: the worker processes
and the forkserver; Dask's worker processes are grandchildren of the nanny
processes, which are children, so they count too), and the total per 10 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
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


CONFIGS = ("1", "2", "dask")


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _with_forkserver_stopped(extract_many, *args, **kwargs):
    """Run ``extract_many`` and stop the forkserver after it, so its CPU and its workers' count as children's.

    The pool's workers are children of the forkserver, which outlives the pool;
    only once it is waited for does their CPU time reach ``RUSAGE_CHILDREN``.
    ``ForkServer._stop`` is private (CPython's tests use it).
    """
    from multiprocessing import forkserver

    try:
        return extract_many(*args, progress=False, **kwargs)
    finally:
        forkserver._forkserver._stop()


def timed(label: str, run, size: int, base: float | None) -> float:
    """Run *run* once and print wall time, MB/s, CPU seconds and the speed-up over *base*; return the wall time."""
    own0, children0 = _cpu()
    t = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - t
    own1, children1 = _cpu()
    own, children = own1 - own0, children1 - children0
    rate = size / 1e6 / seconds
    speed = f", ×{base / seconds:.2f} vs 1 worker" if base else ""
    print(f"{label:28s} {seconds:8.1f} s  {rate:6.3f} MB/s  CPU {own:6.1f} s parent + {children:6.1f} s children = "
          f"{(own + children) / (size / 1e7):5.2f} s per 10 MB  ({len(result.inputs):,} reports, "
          f"{len(result.failures)} failed){speed}", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in megabytes")
    parser.add_argument("--configs", default=",".join(CONFIGS),
                        help="comma-separated configurations to run, of " + ", ".join(CONFIGS) +
                             " (1 worker, 2 worker processes, Dask LocalCluster); the speed-up needs 1")
    parser.add_argument("--skip-dask", action="store_true", help="leave out the dask configuration")
    args = parser.parse_args()
    configs = [c for c in args.configs.split(",") if not (args.skip_dask and c == "dask")]
    if unknown := set(configs) - set(CONFIGS):
        parser.error(f"--configs: unknown {', '.join(sorted(unknown))}")

    from geoconflict.batch import extract_many

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files, size = build_corpus(folder, args.mb)
        os.sync()  # the new files reach the disk before the timed runs, not during them
        print(f"corpus: {files:,} reports, {size / 1e6:.1f} MB")
        one = None
        if "1" in configs:
            one = timed("1 worker (in process)", lambda: extract_many([folder], progress=False), size, None)
        if "2" in configs:
            timed("2 worker processes", lambda: _with_forkserver_stopped(extract_many, [folder], workers=2), size, one)
        if "dask" in configs:
            from distributed import Client, LocalCluster

            def on_cluster():
                with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, Client(cluster) as client:
                    return extract_many([folder], client=client, progress=False)

            timed("Dask LocalCluster, 2 workers", on_cluster, size, one)


if __name__ == "__main__":
    main()
