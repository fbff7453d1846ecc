"""Write ``geoconflict/data/acled_names.tsv``: the English names of first-level units named after their seat.

Rule 2 of :mod:`geoconflict.model.acled_names`. GeoNames names many first-level
units in the local form of their capital's name ("Ḩalab", "Moskva", "Ţarābulus",
"Kaluzhskaya oblast'") and the capital itself in its English form ("Aleppo",
"Moscow", "Tripoli", "Kaluga"), which is the form ACLED writes for the unit. A unit
takes its seat's name (the gazetteer's ``seat`` column: GeoNames' PPLA, else PPLC)
when

* the seat's name is a primary or alternate name of the unit (not only a derived
  one: a renamed city's new name is derived, "Dnipro" of "Dnipropetrovsk Oblast"),
* the unit's own name, without its descriptor, is a name of the seat (the unit is
  named after it: not "Cantabria" after Santander, nor "Lara" after Barquisimeto),
  or is a Russian adjective ("Kaluzhskaya" of Kaluga, which text writes with its word),
* the unit's name has no descriptor, or only an adjective before it: "Vinnytsia Oblast"
  keeps its own, newer spelling ("Vinnytsia", not GeoNames' older "Vinnytsya" of the city),
* and the two names differ once folded.

Only the embedded gazetteer is read: nothing from ACLED's data. The file is small
(a line per unit) and ``tests/test_acled_names.py`` checks it is what this tool
writes from the current gazetteer.

Run from the repository root::

    python tools/build_acled_names.py            # writes geoconflict/data/acled_names.tsv
    python tools/build_acled_names.py --check    # exit 1 when the file differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geoconflict as gc
from geoconflict.gazetteer.candidates import ADMIN1, DERIVED_NAME, POPULATED_PLACE
from geoconflict.model import Place
from geoconflict.model.acled_names import ENGLISH_NAMES_FILE, RUSSIAN_ADJECTIVE, bare_name
from geoconflict.text.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geoconflict" / "data" / ENGLISH_NAMES_FILE
HEADER = (
    "# English names of first-level units named after their seat, for the ACLED export"
    " (geoconflict.model.acled_names, rule 2).\n"
    "# Written by tools/build_acled_names.py from the embedded gazetteer (GeoNames' names). Columns: ISO country"
    " code, the unit's gazetteer name, its seat's name.\n"
)


def english_names(gaz: gc.Gazetteer) -> list[tuple[str, str, str]]:
    """(country code, unit name, seat name) of every first-level unit that takes its seat's name, sorted."""
    out = set()
    for row in range(len(gaz)):
        if gaz._kind_list[row] != ADMIN1:
            continue
        unit = gaz.place(row)
        bare = bare_name(unit.name)
        adjective = bool(RUSSIAN_ADJECTIVE.search(bare))
        if bare != unit.name and not adjective:
            continue
        seat = gaz.seat(unit)
        if seat is None or fold(seat.name) == fold(bare) or not _named(gaz, row, seat.name):
            continue
        if adjective or _named(gaz, _seat_row(gaz, seat), bare):
            out.add((unit.country_code or "", unit.name, seat.name))
    return sorted(out)


def _named(gaz: gc.Gazetteer, row: int | None, name: str) -> bool:
    """Whether *name* is a primary or alternate name of gazetteer row *row*."""
    rows, flags = gaz._rows(fold(name))
    return any(r == row and f != DERIVED_NAME for r, f in zip(rows, flags, strict=True))


def _seat_row(gaz: gc.Gazetteer, seat: Place) -> int | None:
    """The gazetteer row of the populated place *seat*."""
    rows, _ = gaz._rows(fold(seat.name))
    return next((r for r in rows if gaz._kind_list[r] == POPULATED_PLACE and gaz.place(r) == seat), None)


def render(rows: list[tuple[str, str, str]]) -> str:
    return HEADER + "".join(f"{cc}\t{unit}\t{seat}\n" for cc, unit, seat in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it")
    args = parser.parse_args()
    text = render(english_names(gc.Gazetteer.default()))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)} is {'current' if same else 'out of date'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - HEADER.count(chr(10))} units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
