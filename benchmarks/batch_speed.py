"""Corpus throughput of ``geoconflict.extract_many``: 1 worker, 2 worker processes, a 2-worker Dask LocalCluster.

Builds a corpus of report files (real news articles, then variants of the seed
and the test reports, no two identical; see :func:`build_corpus`) up to
``--mb`` megabytes, then times each configuration, each run in a fresh Python process (imports,
worker start-up and gazetteer loading included), and prints MB/s and the
speed-up over 1 worker. ``--repeat N`` runs the configurations N times,
interleaved (every other round in reverse order), and compares each one's
fastest run: on this shared 2-core VM, identical runs vary by 10 % and more,
and a 2-worker run that follows a long single-core one is often slower.

Usage (from the repository root, after ``pip install -e ".[dev]" "dask[distributed]"``)::

    python benchmarks/batch_speed.py --mb 50 --repeat 3   # the issue's figure
    python benchmarks/batch_speed.py --mb 1           # a quick look
    python benchmarks/batch_speed.py --mb 10 --configs 1,2   # no Dask
    python benchmarks/batch_speed.py --exports 10000  # 10,000 reports → GeoPackage and GeoJSON (issue 18)
    python benchmarks/batch_speed.py --exports 10000 --detail full,simplified,point --texts table,inline  # layouts
    python benchmarks/batch_speed.py --exports 10000 --corpus news --texts table,inline  # news-length reports
    python benchmarks/batch_speed.py --exports 10000 --mentions columns,features  # GeoJSON's mentions both ways

With ``--exports N`` the corpus is its first N reports (``--corpus news``: N news-length
reports, the news articles and then variants of them), extracted once by 2 worker
processes and written as a GeoPackage and as GeoJSON, in one fresh process run
under ``/usr/bin/time -v``: its wall time and peak memory, each file's size and
write time, and how many progress updates reached standard error during the
extraction and during each write.

Each row also gives CPU seconds: the timed process's (``RUSAGE_SELF``, user +
system) and its finished children's (``RUSAGE_CHILDREN``: the worker processes
and the forkserver; Dask's worker processes are grandchildren of the nanny
processes, which are children, so they count too), and the total per 10 MB.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_speed  # the benchmark corpora


def build_corpus(folder: Path, megabytes: float, *, max_files: int | None = None) -> tuple[int, int]:
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
        if written >= target or files == max_files:
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


def run_one(config: str, folder: Path) -> dict:
    """Time one configuration over *folder* in this process; what :func:`timed` reads back."""
    from geoconflict.batch import extract_many

    if config == "1":
        def run():
            return extract_many([folder], progress=False)
    elif config == "2":
        def run():
            return _with_forkserver_stopped(extract_many, [folder], workers=2)
    else:
        from distributed import Client, LocalCluster

        def run():
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                return extract_many([folder], client=client, progress=False)
    own0, children0 = _cpu()
    t = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - t
    own1, children1 = _cpu()
    return {"seconds": seconds, "own": own1 - own0, "children": children1 - children0,
            "inputs": len(result.inputs), "failed": len(result.failures)}


LABELS = {"1": "1 worker (in process)", "2": "2 worker processes", "dask": "Dask LocalCluster, 2 workers"}


def timed(config: str, folder: Path, size: int) -> float:
    """Run *config* over *folder* in a fresh Python process; print and return its wall time.

    A fresh process for every run: each starts cold (imports, gazetteer,
    name memos), as a user's first call does, and no run inherits another's
    warm state or garbage.
    """
    out = subprocess.run([sys.executable, __file__, "--run", config, "--folder", str(folder)],
                         check=True, capture_output=True, text=True).stdout
    row = json.loads(out.strip().splitlines()[-1])
    seconds, own, children = row["seconds"], row["own"], row["children"]
    print(f"{LABELS[config]:28s} {seconds:8.1f} s  {size / 1e6 / seconds:6.3f} MB/s  CPU {own:6.1f} s parent + "
          f"{children:6.1f} s children = {(own + children) / (size / 1e7):5.2f} s per 10 MB  "
          f"({row['inputs']:,} reports, {row['failed']} failed)", flush=True)
    return seconds


#: The corpora of ``--exports``: the throughput corpus (the news articles, then variants of the seed and the
#: test reports, mostly shorter than an article), or news at news length (the articles, then variants of them).
EXPORT_CORPORA = ("variants", "news")
#: Bytes per report above the news articles' average (2.05 kB): enough text for *reports* variants of them.
_NEWS_BYTES_PER_REPORT = 4_000


def build_reports(folder: Path, reports: int, corpus: str = "variants") -> tuple[int, int]:
    """The first *reports* reports of *corpus* (:data:`EXPORT_CORPORA`), written into *folder*; (files, bytes).

    ``variants``: :func:`build_corpus`'s. ``news``: the 904 news articles of the public geoparsing
    corpora, read in place, then variants of them (``extract_speed.news_at_scale``: an article's
    sentences after the first shuffled, its figures renumbered, its date shifted), each one article
    long: every report is one real article's text, never pieces of several.
    """
    if corpus == "variants":
        return build_corpus(folder, megabytes=reports * 0.02, max_files=reports)  # 20 kB: above any report's length
    articles = extract_speed.news_at_scale(reports * _NEWS_BYTES_PER_REPORT / 1e6)[:reports]
    if not articles:
        raise SystemExit("--corpus news: the news articles (../shared/eval/geoparse) are not here")
    written = 0
    for number, (body, published) in enumerate(articles, start=1):
        path = folder / f"report_{number:06d}.txt"
        path.write_text(f"Date: {published.isoformat()}\n\n{body}\n", encoding="utf-8")
        written += path.stat().st_size
    return len(articles), written


def export_one(folder: Path, out: Path, detail: str = "full", texts: str = "table", mentions: str = "columns") -> dict:
    """Extract *folder* (2 workers) and write it as ``out.gpkg`` and ``out.geojson``, progress bars on.

    *detail*, *texts* and *mentions* (GeoJSON's only) may each list several values, comma-separated: the
    records, extracted once, are then written in each layout in turn (sizes and write times by layout;
    a GeoJSON whose mentions are features is ``geojson_features``).
    """
    from geoconflict.batch import extract_many
    from geoconflict.model.io import write_geojson, write_geopackage

    t = time.perf_counter()
    result = extract_many([folder], workers=2, progress=True)
    row: dict = {"extract_s": round(time.perf_counter() - t, 1), "records": len(result.events)}
    for layout_detail in detail.split(","):
        for layout_texts in texts.split(","):
            layout = row if (layout_detail, layout_texts) == ("full", "table") else \
                row.setdefault(f"{layout_detail}/{layout_texts}", {})
            writers = [("gpkg", functools.partial(write_geopackage, detail=layout_detail, texts=layout_texts))]
            writers += [("geojson" + ("" if layout_mentions == "columns" else f"_{layout_mentions}"),
                         functools.partial(write_geojson, detail=layout_detail, texts=layout_texts,
                                           mentions=layout_mentions)) for layout_mentions in mentions.split(",")]
            for name, writer in writers:
                path = out.with_suffix("." + name.split("_")[0])
                t = time.perf_counter()
                writer(result.events, path, progress=True)
                layout[name] = {"write_s": round(time.perf_counter() - t, 1), "mb": round(path.stat().st_size / 1e6, 1)}
                print(f"PHASE {name} written", file=sys.stderr, flush=True)
    return row


def exports(reports: int, detail: str = "full", texts: str = "table", corpus: str = "variants",
            mentions: str = "columns") -> None:
    """The ``--exports`` figure: one process, extraction and both files, measured whole."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, size = build_reports(folder, reports, corpus)
        print(f"corpus ({corpus}): {files:,} reports, {size / 1e6:.1f} MB ({size / files / 1e3:.1f} kB each on average)")
        done = subprocess.run(["/usr/bin/time", "-v", sys.executable, __file__, "--export-one", str(folder),
                               str(Path(tmp) / "out"), "--detail", detail, "--texts", texts, "--mentions", mentions],
                              capture_output=True, check=True)
        row = json.loads(done.stdout.decode().strip().splitlines()[-1])
        stderr = done.stderr.decode()  # as bytes: text mode would turn tqdm's carriage returns into newlines
        phases = re.split(r"PHASE \w+ written", stderr)  # extraction + GeoPackage, then GeoJSON, then time's
        row["progress_updates"] = [part.count("\r") for part in phases[:2]]
        for line in stderr.splitlines():
            if "Maximum resident set size" in line:
                row["peak_mb"] = round(int(line.rsplit(" ", 1)[1]) / 1024)
            elif "Elapsed (wall clock)" in line:
                row["wall"] = line.rsplit(" ", 1)[1]
        print(json.dumps(row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in megabytes")
    parser.add_argument("--configs", default=",".join(CONFIGS),
                        help="comma-separated configurations to run, of " + ", ".join(CONFIGS) +
                             " (1 worker, 2 worker processes, Dask LocalCluster); the speed-up needs 1")
    parser.add_argument("--skip-dask", action="store_true", help="leave out the dask configuration")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of the configurations, interleaved; the summary takes each one's fastest run")
    parser.add_argument("--run", choices=CONFIGS, help=argparse.SUPPRESS)  # one timed run, in a fresh process
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--exports", type=int, metavar="N",
                        help="N reports extracted and written as GeoPackage and GeoJSON, measured whole")
    parser.add_argument("--detail", default="full",
                        help="--exports: the polygons written (as geoconflict extract --detail: full, simplified, "
                             "point); several, comma-separated, write the records extracted once in each")
    parser.add_argument("--texts", default="table",
                        help="--exports: quotes and reasons once in a text table (table) or in every record "
                             "(inline); several, comma-separated, as --detail")
    parser.add_argument("--mentions", default="columns",
                        help="--exports: a GeoJSON's mentions as columns in a member of the collection (columns) or "
                             "one feature each (features); several, comma-separated, as --detail")
    parser.add_argument("--corpus", choices=EXPORT_CORPORA, default="variants",
                        help="--exports: the throughput corpus's first N reports (variants: the news articles, then "
                             "variants of the seed and test reports, mostly shorter than an article) or N news-length "
                             "reports (news: the articles, then variants of them, each one article long)")
    parser.add_argument("--export-one", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_one:
        print(json.dumps(export_one(*args.export_one, detail=args.detail, texts=args.texts, mentions=args.mentions)))
        return
    if args.exports:
        exports(args.exports, args.detail, args.texts, args.corpus, args.mentions)
        return
    if args.run:
        print(json.dumps(run_one(args.run, args.folder)))
        return
    configs = [c for c in args.configs.split(",") if not (args.skip_dask and c == "dask")]
    if unknown := set(configs) - set(CONFIGS):
        parser.error(f"--configs: unknown {', '.join(sorted(unknown))}")
    if args.repeat < 1:
        parser.error("--repeat: at least 1")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files, size = build_corpus(folder, args.mb)
        os.sync()  # the new files reach the disk before the timed runs, not during them
        print(f"corpus: {files:,} reports, {size / 1e6:.1f} MB")
        runs: dict[str, list[float]] = {c: [] for c in configs}
        for round_ in range(args.repeat):  # every other round in reverse, so no configuration always follows another
            for config in configs if round_ % 2 == 0 else configs[::-1]:
                runs[config].append(timed(config, folder, size))
    print("fastest of", args.repeat, "run" + "s" * (args.repeat > 1), "each:")
    for config, seconds in runs.items():
        speed = f"  ×{min(runs['1']) / min(seconds):.2f} vs 1 worker" if config != "1" and "1" in runs else ""
        ratios = ""
        if config != "1" and "1" in runs and args.repeat > 1:
            ratios = " (round by round: " + ", ".join(f"×{a / b:.2f}" for a, b in zip(runs["1"], seconds)) + ")"
        print(f"  {LABELS[config]:28s} {min(seconds):8.1f} s  {size / 1e6 / min(seconds):6.3f} MB/s{speed}{ratios}")


if __name__ == "__main__":
    main()
