"""Snapshot what extraction finds on a fixed corpus, to check that a speed-up changes nothing.

The corpus is the benchmark's dense corpus (``benchmarks/extract_speed.py``,
1 MB by default) plus the news articles of ``../shared/eval/geoparse`` when
present. Each report's records are written as one line of JSON (its GeoJSON
FeatureCollection); ``--compare`` lists the reports whose records differ from
an earlier snapshot.

Run::

    python tools/extract_snapshot.py /tmp/before.jsonl
    # ... change the code ...
    python tools/extract_snapshot.py /tmp/after.jsonl --compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))  # this checkout's package, not an installed one

import extract_speed

from geoconflict.extraction import extract
from geoconflict.gazetteer import Gazetteer
from geoconflict.model.io import to_feature_collection
from geoconflict.text.report import read_report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=1.0, help="size of the dense corpus (default 1 MB)")
    parser.add_argument("--compare", type=Path, help="an earlier snapshot to compare with")
    args = parser.parse_args()
    gaz = Gazetteer.default()
    reports = extract_speed.corpus(args.mb) + extract_speed.news_corpus()
    with args.out.open("w", encoding="utf-8") as fh:
        for body, published in reports:
            events = extract(read_report(body, published=published), gazetteer=gaz)
            fh.write(json.dumps(to_feature_collection(events), sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(reports):,} reports -> {args.out}")
    if args.compare:
        old = args.compare.read_text(encoding="utf-8").split("\n")
        new = args.out.read_text(encoding="utf-8").split("\n")
        differ = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
        if len(old) != len(new):
            print(f"different report counts: {len(old)} before, {len(new)} now")
        print(f"{len(differ)} of {len(new)} reports differ" + (f": first {differ[:20]}" if differ else ""))
        return 1 if differ or len(old) != len(new) else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
