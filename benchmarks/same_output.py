"""Prove that a speed change changed no output: dump every record extraction gives, then compare.

A speed change must leave every record as it was. This script runs
``extract(read_report(text, published=...))`` over

* every test report (``tests/reports``) and the seed,
* the 1,400 ACLED notes (``../shared/eval/acled/dev.jsonl``, read in place, when present;
  the dump holds records, not the notes' text),
* the news articles of ``../shared/eval/geoparse`` (when present),
* the first *--mb* of ``extract_speed.py``'s dense corpus, and one report of its
  paragraphs joined (*--big-mb*),
* ``extract_speed.py``'s hostile shapes (small),

and writes one line per document: every field of every record (recursively;
geometries as a hash of their WKB, floats by ``repr``) and the rows of its ACLED
export. ``--save FILE`` writes the dump; ``--check FILE`` writes a fresh one and
names the first documents that differ (exit status 1), so a change is kept only
when the dump is byte-identical.

Run from the repository root, with this checkout's package first on the path::

    PYTHONPATH=$PWD python benchmarks/same_output.py --save /tmp/before.jsonl
    # ... change the code ...
    PYTHONPATH=$PWD python benchmarks/same_output.py --check /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import extract_speed

from geoconflict.extraction import extract
from geoconflict.gazetteer.index import Gazetteer
from geoconflict.model.acled import acled_rows
from geoconflict.text.report import read_report

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT.parent / "shared" / "eval" / "acled" / "dev.jsonl"


def plain(value: Any) -> Any:
    """*value* as JSON-ready data: dataclasses field by field, geometries hashed, floats exact."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"~": type(value).__name__,
                **{f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if hasattr(value, "wkb") and hasattr(value, "geom_type"):  # a shapely geometry
        return {"~geom": value.geom_type, "wkb": hashlib.sha1(value.wkb).hexdigest()}
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return repr(value)


def documents(*, mb: float, big_mb: float) -> Iterator[tuple[str, str, Any]]:
    """(label, text, published) of every document the dump covers."""
    for path in [ROOT / "seeds" / "000_84a8b2256f18f56d.txt", *sorted((ROOT / "tests" / "reports").glob("*.txt"))]:
        yield path.name, str(path), None
    if ACLED.is_file():
        with ACLED.open(encoding="utf-8") as lines:
            for line in lines:
                note = json.loads(line)
                yield note["id"], note["text"], note["date"]
    for i, (body, published) in enumerate(extract_speed.news_corpus()):
        yield f"news {i}", body, published
    dense = extract_speed.corpus(mb)
    for i, (body, published) in enumerate(dense):
        yield f"dense {i}", body, published
    joined = "\n\n".join(b for b, _ in dense)[:int(big_mb * 1e6)]
    yield "one large report", joined, "2024-12-31"
    for label, unit in extract_speed.HOSTILE.items():
        yield f"hostile {label}", ("Tags: " if label.startswith("'Tags") else "") + unit * 400, "2024-08-14"


def dump_line(label: str, text: str, published: Any, gaz: Gazetteer) -> str:
    """One document's records and ACLED rows, as one JSON line."""
    source = Path(text) if published is None else text
    events = extract(read_report(source, published=published), gazetteer=gaz)
    return json.dumps({"doc": label, "records": [plain(r) for r in events],
                       "acled": [plain(row) for row in acled_rows(events)]},
                      ensure_ascii=False, sort_keys=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the dump to this file")
    group.add_argument("--check", type=Path, help="compare a fresh dump with this file")
    parser.add_argument("--mb", type=float, default=1.0, help="dense corpus in MB (default 1)")
    parser.add_argument("--big-mb", type=float, default=0.5, help="the joined report in MB (default 0.5)")
    args = parser.parse_args()
    gaz = Gazetteer.default()
    lines = [dump_line(*doc, gaz) for doc in documents(mb=args.mb, big_mb=args.big_mb)]
    if args.save:
        args.save.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines):,} documents dumped to {args.save}")
        return 0
    before = args.check.read_text(encoding="utf-8").split("\n")[:-1]  # not splitlines: notes hold U+2028
    differ = [json.loads(new)["doc"] for old, new in zip(before, lines) if old != new]
    if len(before) != len(lines):
        print(f"{len(before):,} documents before, {len(lines):,} now")
        return 1
    if differ:
        print(f"{len(differ):,} of {len(lines):,} documents differ, first: {differ[:5]}")
        return 1
    print(f"identical: {len(lines):,} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
