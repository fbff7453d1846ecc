"""CPU time of the event side alone: everything ``extract`` does after ``read_document``, and the ACLED rows.

The whole-pipeline figures (``acled_notes.py``, ``extract_speed.py``) mix the event side with reading the
document (sentences, places, dates), which is most of a note's time; this times only what follows, per note,
over the ACLED notes (``../shared/eval/acled/dev.jsonl``, read in place: nothing of it is kept). Each pass reads
every note's document afresh (untimed) and times the event side on it; the best of ``--passes`` is printed.

Run from the repository root, with a checkout's package first on the path (it calls the private steps of
:mod:`geoconflict.extraction.assemble`, so run it against another checkout only if those are the same)::

    PYTHONPATH=$PWD python benchmarks/event_side.py --data ../shared/eval/acled/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from geoconflict.extraction import assemble
from geoconflict.extraction.claims import CombatIndex
from geoconflict.extraction.document import Document, read_document
from geoconflict.extraction.sources import Speakers
from geoconflict.gazetteer.index import Gazetteer
from geoconflict.model.acled import acled_rows
from geoconflict.model.eventset import EventSet
from geoconflict.text.report import read_report

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT.parent / "shared" / "eval" / "acled" / "dev.jsonl"


def event_side(doc: Document) -> list[dict[str, Any]]:
    """What :func:`~geoconflict.extraction.assemble.extract` does after reading *doc*, and the ACLED rows."""
    ordered = doc.sentences + ([doc.title] if doc.title is not None else [])
    for s in ordered:
        doc.sources.note_outlets(s.start, s.end)
    speakers = Speakers(doc.sources, ordered)
    moved, fought, located = assemble._events(doc, ordered, speakers)
    claimed = assemble._claims(doc, speakers, CombatIndex(fought))
    events = EventSet([*assemble._mentions(doc), *assemble.merge_movements(moved),
                       *assemble._merge_same(claimed, assemble._claim_key),
                       *assemble._merge_same(fought, assemble._combat_key),
                       *assemble._merge_same(located, assemble._event_key)])
    return list(acled_rows(events))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ACLED, help="the ACLED notes (JSON lines)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes (the best is printed)")
    args = parser.parse_args()
    notes = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    gazetteer = Gazetteer.default()
    reports = [read_report(n["text"], published=n["date"]) for n in notes]
    for report in reports:  # warm: every name met once
        event_side(read_document(report, gazetteer))
    best = float("inf")
    for _ in range(args.passes):
        spent = 0.0
        for report in reports:
            doc = read_document(report, gazetteer)
            start = time.process_time()
            event_side(doc)
            spent += time.process_time() - start
        best = min(best, spent)
    print(f"event side: {best / len(notes) * 1e6:,.1f} µs a note CPU (best of {args.passes} passes, "
          f"{len(notes):,} notes)")


if __name__ == "__main__":
    main()
