"""Whole-extraction throughput: report text → EventSet, on one core, gazetteer loaded.

Every report is read and extracted on its own (``read_report`` +
``extract``), as a batch of articles is processed. Four figures:

* **dense corpus** (at least 10 MB): the test reports (``tests/reports``) and
  the seed, repeated with variations so that no two reports are identical
  (each copy shifts the report date, renumbers the figures and shuffles the
  paragraph order). Nearly every sentence carries an event: the worst case;
* **news corpus**: the 906 real news articles (1.86 MB) of the public
  geoparsing corpora in ``../shared/eval/geoparse`` (LGL, GeoWebNews,
  TR-News), read in place when present: local and world news, a few events
  per article, a wide vocabulary of names met cold;
* **news at scale** (at least 10 MB): those articles, then variants of them
  (sentences after the first shuffled, figures renumbered, dates shifted)
  up to ``--news-mb``; the figure is over the whole run, the first pass
  included;
* **one large report**: the paragraphs of the dense corpus joined into a
  single report of ``--big-mb`` (default 4 MB; one context, one pass);
* **hostile text** (``--hostile-mb``, default 1 MB, 0 to skip): shapes no
  article has but a scraped page may, each at half the size and at the full
  size, so that the growth shows: a "Tags:" line of place names, capitalised
  names across sentence ends, one endless sentence of routes, a page of
  numbers. Extraction should take time proportional to the length (×2 for
  twice the text).

No part of extraction caches anything keyed by a sentence or a document, so
repeated sentences cost as much as new ones; the scanner's and gazetteer's
memos are per word and per name.

The gazetteer (and its scan automaton) is loaded and warmed up before timing.
BLAS/OpenMP threads are pinned to one.

Run::

    python benchmarks/extract_speed.py            # 10 MB dense, 10 MB news at scale
    python benchmarks/extract_speed.py --mb 2 --news-mb 2    # a quicker look
    python benchmarks/extract_speed.py --mb 1 --news-mb 2 --big-mb 50   # a 50 MB report
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's package, not an installed one

from geoconflict.extraction import extract, split_sentences  # noqa: E402
from geoconflict.gazetteer.index import Gazetteer  # noqa: E402
from geoconflict.text.report import read_report  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "geoparse"


def sources() -> list[tuple[str, date]]:
    """(body, report date) of every test report and the seed."""
    out = []
    for path in [ROOT / "seeds" / "000_84a8b2256f18f56d.txt", *sorted((ROOT / "tests" / "reports").glob("*.txt"))]:
        report = read_report(path)
        out.append((report.body, report.published))
    return out


def variant(body: str, published: date, rng: random.Random, *, by_sentence: bool = False) -> tuple[str, date]:
    """A new report from *body*: shifted date, renumbered figures, shuffled paragraphs (or sentences)."""
    if by_sentence:  # news articles are mostly one paragraph: keep the first sentence (title, dateline)
        pieces = [body[s.start:s.end] for s in split_sentences(body)]
        rest = pieces[1:]
        rng.shuffle(rest)
        text = " ".join(pieces[:1] + rest)
    else:
        paragraphs = body.split("\n\n")
        rng.shuffle(paragraphs)
        text = "\n\n".join(paragraphs)
    text = re.sub(r"\b\d{1,3}(?:,\d{3})*\b(?! ?(?:th|st|nd|rd)\b)(?!-)",
                  lambda m: f"{max(1, int(m.group(0).replace(',', '')) + rng.randint(-3, 9)):,}"
                  if not 1900 < int(m.group(0).replace(",", "")) < 2100 else m.group(0), text)
    return text, published + timedelta(days=rng.randint(0, 30))


def corpus(megabytes: float, seed: int = 4) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    base = sources()
    out, size = [], 0
    while size < megabytes * 1_000_000:
        body, published = variant(*rng.choice(base), rng)
        out.append((body, published))
        size += len(body.encode("utf-8"))
    return out


def news_at_scale(megabytes: float, seed: int = 4) -> list[tuple[str, date]]:
    """The news articles, then variants of them (sentences shuffled, figures renumbered) up to *megabytes*.

    Only the first pass over the 906 articles meets their place names cold;
    the variants reuse the vocabulary, as a large corpus of news does.
    """
    rng = random.Random(seed)
    base = news_corpus()
    out, size = list(base), sum(len(b.encode("utf-8")) for b, _ in base)
    while base and size < megabytes * 1_000_000:
        body, published = variant(*rng.choice(base), rng, by_sentence=True)
        out.append((body, published))
        size += len(body.encode("utf-8"))
    return out


def news_corpus() -> list[tuple[str, date]]:
    """The news articles of the public geoparsing corpora (``../shared/eval/geoparse``), when present.

    Real local and world news (LGL, GeoWebNews, TR-News): far fewer events per
    sentence than the dense corpus. They are read in place, never copied.
    """
    import xml.etree.ElementTree as ET

    out = []
    for name in ("lgl.xml", "GWN.xml", "TR-News.xml"):
        path = EVAL / name
        if path.is_file():
            out += [(t, date(2020, 1, 1)) for a in ET.parse(path).getroot().iter("article")
                    if (t := (a.findtext("text") or "").strip())]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="dense corpus size in MB (default 10)")
    parser.add_argument("--news-mb", type=float, default=10.0,
                        help="news at scale: the articles and their variants, in MB (default 10)")
    parser.add_argument("--big-mb", type=float, default=4.0,
                        help="one large report: the dense corpus's paragraphs joined, in MB (default 4)")
    parser.add_argument("--hostile-mb", type=float, default=1.0,
                        help="each hostile text at this size and at half of it, in MB (default 1; 0 skips)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    gaz = Gazetteer.default()
    extract(read_report(sources()[0][0], published="2024-08-14"), gazetteer=gaz)  # builds/loads the automaton
    load_s = time.perf_counter() - t0

    reports = corpus(args.mb)
    nbytes, wall, cpu, counts = _run(reports, gaz)
    scaled = news_at_scale(args.news_mb)
    news = scaled[:len(news_corpus())]
    news_bytes, news_wall, news_cpu, news_counts = _run(news, gaz)
    more_bytes, more_wall, more_cpu, more_counts = _run(scaled[len(news):], gaz)
    scaled_run = (news_bytes + more_bytes, news_wall + more_wall, news_cpu + more_cpu,
                  {k: news_counts[k] + more_counts[k] for k in news_counts})

    joined = reports if args.big_mb <= args.mb else corpus(args.big_mb)
    big = "\n\n".join(b for b, _ in joined)[:int(args.big_mb * 1e6)]
    big_bytes = len(big.encode("utf-8"))
    t1 = time.perf_counter()
    big_events = extract(read_report(big, published="2024-12-31"), gazetteer=gaz)
    big_wall = time.perf_counter() - t1

    print(f"gazetteer load + warm-up: {load_s:.2f} s")
    for label, n, (size, w, c, found) in (("dense corpus", len(reports), (nbytes, wall, cpu, counts)),
                                          ("news corpus", len(news), (news_bytes, news_wall, news_cpu, news_counts)),
                                          ("news at scale", len(scaled), scaled_run)):
        if not n:
            print(f"{label}: not found ({EVAL})")
            continue
        print(f"{label}: {n:,} reports, {size / 1e6:.2f} MB in {w:.1f} s wall ({c:.1f} s CPU) "
              f"-> {size / 1e6 / w:.2f} MB/s ({size / 1e6 / c:.2f} MB/s CPU), {n / w:,.0f} reports/s")
        print("  found: " + ", ".join(f"{v:,} {k}" for k, v in found.items()))
    print(f"one large report: {big_bytes / 1e6:.2f} MB in {big_wall:.1f} s -> {big_bytes / 1e6 / big_wall:.2f} MB/s "
          f"({len(big_events.mentions):,} mentions, {len(big_events.movements):,} movements after merging)")
    if args.hostile_mb > 0:
        _hostile(args.hostile_mb, gaz)


#: Text no article has but a scraped page may: name -> the unit repeated up to the size.
HOSTILE = {
    "'Tags:' line of place names": "Kursk Sudzha Korenevo Goma Kyiv Kharkiv Bakhmut Avdiivka ",
    "capitalised names across sentence ends": "Kursk Sudzha Korenevo Goma Kyiv. ",
    "one sentence of routes": "troops moved from Kursk to Sudzha and ",
    "a page of numbers": "1.5 27 3,400 12.75 2024 ",
}


def _hostile(megabytes: float, gaz: Gazetteer) -> None:
    """Time each :data:`HOSTILE` text at half of *megabytes* and at the whole, and print the growth."""
    for label, unit in HOSTILE.items():
        cpu = []
        for size in (megabytes / 2, megabytes):
            text = ("Tags: " if label.startswith("'Tags") else "") + unit * int(size * 1e6 / len(unit))
            t0 = time.process_time()
            extract(read_report(text, published="2024-08-14"), gazetteer=gaz)
            cpu.append(time.process_time() - t0)
        print(f"hostile, {label}: {megabytes / 2:g} MB in {cpu[0]:.2f} s CPU, {megabytes:g} MB in {cpu[1]:.2f} s "
              f"({megabytes / cpu[1]:.2f} MB/s CPU; x{cpu[1] / cpu[0]:.2f} for twice the text)")


def _run(reports: list[tuple[str, date]], gaz: Gazetteer) -> tuple[int, float, float, dict[str, int]]:
    """Extract every report on its own: (bytes, wall s, CPU s, records found by kind)."""
    nbytes = sum(len(b.encode("utf-8")) for b, _ in reports)
    counts = {"mentions": 0, "movements": 0, "claims": 0, "combats": 0, "events": 0}
    cpu0, t0 = time.process_time(), time.perf_counter()
    for body, published in reports:
        events = extract(read_report(body, published=published), gazetteer=gaz)
        for k in counts:
            counts[k] += len(getattr(events, k))
    return nbytes, time.perf_counter() - t0, time.process_time() - cpu0, counts


if __name__ == "__main__":
    main()
