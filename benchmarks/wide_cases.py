"""Share of the reports of ``tests/test_events_wide.py`` whose main event has each field right, by style and type
(the reports the rules were made on, and those written after them).

Run from the repository root: ``PYTHONPATH=$PWD python benchmarks/wide_cases.py`` (a Markdown table on stdout).
``--module tests.test_events_beyond`` scores another module's ``CASES`` and ``HELD_OUT`` (or its ``CASES`` alone) the same way, admin-1 by
polygon as that module's test does (the event's point and the true point in one admin-1 polygon of the basemap).
"""

from __future__ import annotations

import argparse
import collections
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geoconflict import extract, read_report
from geoconflict.model.acled import acled_rows
from tests.acled_cases import admin1_code, near
from tests.test_events_wide import Case

#: The module whose cases are scored by default (admin-1 by name, as its test does).
WIDE = "tests.test_events_wide"
FIELDS = ("event_type", "sub_event_type", "place", "admin1", "actors", "fatalities")


def right(case: Case, *, admin1_by_polygon: bool = False) -> dict[str, bool]:
    """Which fields of *case*'s main event (first ACLED row) match the analyst's answer (admin-1 by name, or
    *admin1_by_polygon*)."""
    row = next(iter(acled_rows(extract(read_report(case.text, published=case.published)))), None)
    if row is None:
        return dict.fromkeys(FIELDS, False)
    return {"event_type": row["event_type"] == case.event_type,
            "sub_event_type": row["sub_event_type"] == case.sub_event_type,
            "place": row["country"] == case.country and near(row, *case.point),
            "admin1": (admin1_code(*case.point) == admin1_code(row["latitude"], row["longitude"])
                       if admin1_by_polygon else row["admin1"] == case.admin1),
            "actors": (row["actor1"], row["actor2"]) == (case.actor1, case.actor2),
            "fatalities": row["fatalities"] == case.fatalities}


def table(cases: list[Case], *, admin1_by_polygon: bool = False) -> None:
    """Print the Markdown table of *cases*: all, by style, by event type."""
    by: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for case in cases:
        ok = right(case, admin1_by_polygon=admin1_by_polygon)
        ok["all six"] = all(ok.values())
        for key in ("all cases", f"style {case.style}", f"type {case.event_type}"):
            by[key]["n"] += 1
            by[key].update(f for f, v in ok.items() if v)
    print("| | cases | type | subtype | place ≤25 km | admin-1 | actors | fatalities | all six |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key in sorted(by, key=lambda k: (k != "all cases", k)):
        c = by[key]
        shares = " | ".join(f"{100 * c[f] / c['n']:.0f}" for f in (*FIELDS, "all six"))
        print(f"| {key} | {c['n']} | {shares} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", default=WIDE, help=f"the test module of the cases (default {WIDE})")
    module = parser.parse_args().module
    cases = importlib.import_module(module)
    by_polygon = module != WIDE
    held_out = getattr(cases, "HELD_OUT", None)
    if held_out is None:  # one list of cases: all held out when the module says so (tests/test_events_unseen.py)
        print("The reports (no rule was made on them):\n" if getattr(cases, "ALL_HELD_OUT", False) else "The reports:\n")
        table(cases.CASES, admin1_by_polygon=by_polygon)
        return
    print("The reports the rules were made on (CASES):\n")
    table(cases.CASES, admin1_by_polygon=by_polygon)
    print("\nReports written after the rules (HELD_OUT):\n")
    table(held_out, admin1_by_polygon=by_polygon)


if __name__ == "__main__":
    main()
