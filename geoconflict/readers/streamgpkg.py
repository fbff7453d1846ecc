"""An event table straight to a GeoPackage: read in chunks while a second process lets GDAL write.

``write_geopackage(read_table(path).events, target)`` reads and validates the
whole table, then GDAL writes it; pyogrio holds the GIL through GDAL's write, so
nothing of ours runs beside it. :func:`table_to_geopackage` does both at once
for an ACLED table pyarrow's parser reads (UTF-8, every record as wide as the
header): pyarrow's streaming reader gives :data:`CHUNK_ROWS` rows at a time,
each chunk is validated (:func:`~geoconflict.readers.acled.validate_frame`)
and coded, and its Arrow batch goes through a pipe to a child process
(:mod:`geoconflict._gpkgchild`) in which GDAL writes the events layer
while this process reads the next chunk; at most :data:`QUEUED_CHUNKS` chunks
wait, so memory stays bounded. While GDAL finishes the events, this process
writes the smaller layers (the territory rows' claims, the place table and the
text table) into a GeoPackage of their own; once the child has closed the file,
they are copied in with SQLite (:func:`~geoconflict.model.gpkgcopy.copy_layers`:
GDAL opening the big file again to add a layer cost 0.1-0.3 s a layer).

The file is the one the whole-table path writes (``tests/test_streamgpkg.py``
compares them table by table): each distinct place, provenance and list of
actors is made and converted once across the chunks (:class:`_Distinct`), in
the order the whole table gives them (first use in the file), so the place and
text tables' ids are the same.

Any chunk with a bad row, a record pyarrow cannot read as pandas would, or a
whole number a GeoPackage cannot hold sends the whole file down the
whole-table path (the child stopped, its unfinished file removed), which
reports exactly as :func:`~geoconflict.readers.tables.read_table` does. So
does a small file (under :data:`STREAM_MIN_BYTES`: a second process would
cost more than it saves) and any other format.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "acled.csv").write_text(
...     "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,location,"
...     "latitude,longitude,geo_precision\\n"
...     "X1,2024-08-06,1,Battles,Armed clash,Army,Sudzha,51.19,35.27,1\\n", encoding="utf-8")
>>> done = table_to_geopackage(folder / "acled.csv", folder / "acled.gpkg", progress=False)
>>> done.path.name, done.rows, done.streamed
('acled.gpkg', 1, False)
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from geoconflict._files import replacing, temporary_for
from geoconflict._gpkgchild import DONE, FAILED, LAYER_ENCODING, write_layer
from geoconflict.errors import InvalidInputError, OutputError
from geoconflict.model import Place, PlaceKind, Provenance, TerritorialClaim, frames, gpkg
from geoconflict.model.geopackage import (
    GPKG_CHUNK_ROWS,
    LAYERS,
    UNINDEXED,
    claim_layer,
    table_frames,
    write_geopackage,
)
from geoconflict.model.gpkgcopy import copy_layers
from geoconflict.model.placetable import PlaceTable, check_detail, check_texts
from geoconflict.readers.acled import (
    OPTIONAL,
    PLACE_FIELDS,
    PROVENANCE_FIELDS,
    REQUIRED,
    TEXT,
    AcledColumns,
    is_acled,
    validate_frame,
)
from geoconflict.readers.arrowcsv import NotArrowReadable, arrow_chunks
from geoconflict.readers.bulk import maker, no_gc
from geoconflict.readers.columns import Coded, groups
from geoconflict.readers.csvfile import arrow_readable, columns_by_name, require
from geoconflict.readers.problems import Problems, RowProblem, check_errors

__all__ = ["CHUNK_ROWS", "FIRST_CHUNK_ROWS", "QUEUED_CHUNKS", "STREAM_MIN_BYTES", "WORKERS", "TableExport", "table_to_geopackage"]

#: Rows read, validated and handed to GDAL at a time.
CHUNK_ROWS = 100_000
#: Rows of the first chunk (at least; the first of pyarrow's blocks, about 14,000 ACLED rows): GDAL starts writing
#: once they are coded.
FIRST_CHUNK_ROWS = 10_000
#: Chunks coded and waiting for the child at most (memory stays about this many chunks' Arrow batches).
QUEUED_CHUNKS = 2
#: Files smaller than this are written in one process (a second one's start, about 0.5 s, would not pay).
STREAM_MIN_BYTES = 32 << 20
#: The values of ``workers=``: this process alone, or this one and GDAL's.
WORKERS = (1, 2)
_EVENTS, _CLAIMS = LAYERS["event"], LAYERS["claim"]


@dataclass(frozen=True)
class TableExport:
    """What :func:`table_to_geopackage` wrote.

    Attributes
    ----------
    path : pathlib.Path
        The GeoPackage.
    rows : int
        Data rows in the table.
    problems : tuple of RowProblem
        The rows left out (``errors="skip"``), in file order.
    streamed : bool
        Whether the table was read in chunks while a second process wrote (else: one process, whole table).
    """

    path: Path
    rows: int
    problems: tuple[RowProblem, ...] = ()
    streamed: bool = False


def table_to_geopackage(source: str | os.PathLike[str], target: str | os.PathLike[str], *,
                        format: str | None = None, errors: str = "raise", encoding: str = "utf-8",
                        detail: str = "full", texts: str = "table", progress: bool | None = None,
                        chunk_rows: int = CHUNK_ROWS, workers: int | None = None) -> TableExport:
    """Write an event table's GeoPackage: the same file as ``write_geopackage(read_table(source).events, target)``.

    Parameters
    ----------
    source, target : path-like
        The table (any format :func:`~geoconflict.readers.tables.read_table` reads) and the GeoPackage,
        replaced once complete.
    format, errors, encoding
        As for :func:`~geoconflict.readers.tables.read_table`.
    detail, texts, progress
        As for :func:`~geoconflict.model.io.write_geopackage`.
    chunk_rows : int
        Rows read and handed to GDAL at a time when streamed.
    workers : {None, 1, 2}
        2: an ACLED table pyarrow reads is read in chunks while a second
        process lets GDAL write (see the module docs); 1: one process, the
        whole table read first. None (the default): 2 for an ACLED file of
        :data:`STREAM_MIN_BYTES` or more on a machine of several cores, else 1.

    Returns
    -------
    TableExport

    Raises
    ------
    FormatError
        A bad row with ``errors="raise"``, as :func:`~geoconflict.readers.tables.read_table` raises it.
    OutputError
        The GeoPackage could not be written (GDAL's error, or its process stopped); no file is left.
    """
    check_errors(errors)
    check_detail(detail)
    check_texts(texts)
    if workers is not None and workers not in WORKERS:
        raise InvalidInputError(f"workers: expected None, 1 or 2, got {workers!r}", field="workers", value=workers)
    if isinstance(chunk_rows, bool) or not isinstance(chunk_rows, int) or chunk_rows < 1:
        raise InvalidInputError(f"chunk_rows: expected a whole number above 0, got {chunk_rows!r}",
                                field="chunk_rows", value=chunk_rows)
    source, target = Path(source), Path(target)
    if _streams(source, format=format, encoding=encoding, workers=workers):
        with no_gc():
            done = _Streamed(source, target, PlaceTable(detail=detail, texts=texts), encoding=encoding,
                             chunk_rows=chunk_rows, progress=progress).run()
        if done is not None:
            return done
    from geoconflict.readers.tables import read_table

    table = read_table(source, format=format, errors=errors, encoding=encoding)
    write_geopackage(table.events, target, detail=detail, texts=texts, progress=progress)
    return TableExport(target, table.rows, table.problems)


def _streams(source: Path, *, format: str | None, encoding: str, workers: int | None) -> bool:
    """Whether *source* is read in chunks beside a GDAL process (see :func:`table_to_geopackage`'s *workers*)."""
    from geoconflict.readers.tables import detect_format

    if workers == 1 or not source.is_file():
        return False
    if workers is None and (source.stat().st_size < STREAM_MIN_BYTES or (os.cpu_count() or 1) < 2):
        return False
    return (format or detect_format(source, encoding=encoding)) == "acled"


class _ChildFailed(Exception):
    """The GDAL process failed (raised as :class:`OutputError` once the unfinished file is removed)."""


class _Fallback(Exception):
    """The file goes the whole-table way (a bad row, a record pyarrow cannot read, a number beyond int64)."""


class _Distinct:
    """The distinct values of one part (places, provenances, actor lists) across a table's chunks: each made and
    converted once, on first use, in file order, as the whole table's coding gives them; their columns kept as
    Arrow arrays, grown by each chunk's new values."""

    def __init__(self, convert: Callable[[Any], dict[str, Any]], kinds: dict[str, str]) -> None:
        self._convert, self._kinds = convert, kinds
        self._codes: dict[Hashable, int] = {}
        self.values: list[Any] = []
        self._arrow: dict[str, Any] = {}

    def code(self, acled: AcledColumns, codes: list[np.ndarray], keys: Callable[[np.ndarray], list[Any]],
             make: Callable[[Any, int], Any]) -> Coded:
        """The rows' values (all of them so far, None last) and codes: each distinct combination of *codes* on
        the good rows, keyed by ``keys(rows)`` (equal keys, equal values) and made by ``make(key, row)``."""
        good, n = acled.good, len(acled.frame)
        group, first = groups(*(c[good] for c in codes))
        rows = good[first]
        found = np.empty(len(first), dtype=np.int64)
        new: list[dict[str, Any]] = []
        for g, (key, row) in enumerate(zip(keys(rows), rows.tolist(), strict=True)):
            code = self._codes.get(key)
            if code is None:
                code = self._codes[key] = len(self.values)
                value = make(key, row)
                self.values.append(value)
                new.append(self._convert(value))
            found[g] = code
        if new:
            self._grow(new)
        coded = np.full(n, -1, dtype=np.int64)
        coded[good] = found[group]
        return _with_none(self.values), coded

    def _grow(self, new: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        for name in new[0]:
            cells = gpkg.arrow_column([cells[name] for cells in new], self._kinds[name])
            self._arrow[name] = pa.concat_arrays([self._arrow[name], cells]) if name in self._arrow else cells

    def shared(self, codes: np.ndarray) -> tuple[dict[str, Any], np.ndarray]:
        """The part's columns (Arrow arrays, one slot per value so far) and *codes*, as
        :func:`~geoconflict.model.gpkg.coded_batches` takes them."""
        return self._arrow, codes

    def floats(self, name: str) -> np.ndarray:
        """The column *name* of the values so far as float64 (NaN where missing)."""
        return self._arrow[name].to_numpy(zero_copy_only=False).astype(np.float64)


def _with_none(values: list[Any]) -> np.ndarray:
    out = np.empty(len(values) + 1, dtype=object)
    out[:-1] = values
    return out


class _Coder:
    """A table's chunks coded as one: the parts' distinct values across chunks, each chunk's event batch."""

    def __init__(self, table: PlaceTable) -> None:
        convert = frames.event_part_columns(table)
        kinds = frames.COLUMNS["event"]
        self.parts = {part: _Distinct(convert[part], kinds) for part in ("provenance", "place", "actors")}
        self.claim_provenances: dict[tuple[int, str | None], Provenance] = {}
        self._make_place, self._make_provenance = maker(Place), maker(Provenance)

    def _place(self, key: tuple[Any, ...], _: int) -> Place:
        return self._make_place(kind=PlaceKind.POPULATED_PLACE, **dict(zip(PLACE_FIELDS, key, strict=True)))

    def share(self, acled: AcledColumns) -> None:
        """Give the chunk's rows the table's places, provenances and actor lists (made here when new)."""
        acled.share("places", self.parts["place"].code(acled, [acled.name_col, *acled.place_codes()],
                                                       acled.place_fields, self._place))
        acled.share("provenances", self.parts["provenance"].code(
            acled, acled.provenance_codes(), acled.provenance_fields,
            lambda key, _: self._make_provenance(reason=acled.reason, **dict(zip(PROVENANCE_FIELDS, key, strict=True)))))
        actors = acled.actors_of()
        acled.share("actors", self.parts["actors"].code(acled, acled.actor_codes(), acled.actor_cells,
                                                        lambda _, row: actors(row)))

    def events(self, acled: AcledColumns) -> Any:
        """The Arrow record batch of the chunk's events (None for none); :class:`OverflowError` beyond int64."""
        columns = acled.event_columns()
        if not len(columns):
            return None
        kinds = frames.COLUMNS["event"]
        shared = {"provenance": self.parts["provenance"].shared(columns.provenances[1]),
                  "place": self.parts["place"].shared(columns.places[1]),
                  "actors": self.parts["actors"].shared(columns.actors[1])}
        codes = columns.places[1]
        lon, lat = (self.parts["place"].floats(c)[codes] for c in ("lon", "lat"))
        _, batches = gpkg.coded_batches(order=list(kinds), shared=shared, kinds=kinds, constants={"kind": "event"},
                                        columns={name: columns.columns[name] for name in kinds if name in columns.columns},
                                        points=(lon, lat), chunk=len(columns))
        return next(batches)


class _Child:
    """The GDAL process (:mod:`geoconflict._gpkgchild`) and the thread that feeds it: layers go in as
    Arrow IPC streams, at most :data:`QUEUED_CHUNKS` batches waiting."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._errors: IO[bytes] = tempfile.TemporaryFile()
        self._process = subprocess.Popen([sys.executable, "-m", "geoconflict._gpkgchild", str(path)],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
                                         env=_child_environment())
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=QUEUED_CHUNKS)
        self._failed: BaseException | None = None
        self._done = False
        self._thread = threading.Thread(target=self._feed, name="geoconflict-gpkg-feed", daemon=True)
        self._thread.start()

    def _feed(self) -> None:
        import pyarrow as pa

        pipe = self._process.stdin
        assert pipe is not None
        writer = None
        try:
            while (item := self._queue.get())[0] != "end":
                what, value = item
                if what == "layer":
                    pipe.write(value[0].encode(LAYER_ENCODING) + b"\n")
                    writer = pa.ipc.new_stream(pipe, value[1])
                elif what == "batch" and writer is not None:
                    writer.write_batch(value)
                elif writer is not None:  # "close": the layer's end of stream
                    writer.close()
                    writer = None
                pipe.flush()  # the child reads whole messages: none may wait in the buffer
            pipe.write(b"\n")
            pipe.close()
        except (OSError, ValueError) as exc:  # the child is gone (a broken pipe): finish() says why
            self._failed = exc

    def _put(self, what: str, value: Any = None) -> None:
        while self._thread.is_alive():
            try:
                self._queue.put((what, value), timeout=0.5)
                return
            except queue.Full:
                continue
        raise self._error()

    def layer(self, name: str, schema: Any) -> None:
        """Begin the layer *name* of *schema*'s columns."""
        self._put("layer", (name, schema))

    def batch(self, batch: Any) -> None:
        """A batch of the current layer's rows (waits while :data:`QUEUED_CHUNKS` are waiting)."""
        self._put("batch", batch)

    def close_layer(self) -> None:
        """End the current layer."""
        self._put("close")

    def end(self) -> None:
        """No more layers: wait until the thread has handed the child every batch (GDAL still writing the last)."""
        self._put("end")
        self._thread.join()

    def finish(self) -> None:
        """After :meth:`end`: wait for GDAL to write everything and close the file (the child says so, then
        ends: :meth:`stop` waits for that); :class:`_ChildFailed` if it could not."""
        assert self._process.stdout is not None
        if self._process.stdout.readline() != DONE or self._failed is not None:
            raise self._error()
        self._done = True

    def stop(self) -> None:
        """Wait for the child to end once it has said :data:`DONE`, else stop it (a failure or a fall-back):
        nothing more is written."""
        if not self._done and self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._thread.join(timeout=5)
        self._errors.close()

    def _error(self) -> _ChildFailed:
        status = self._process.wait()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        return _ChildFailed(said[-1] if said and status == FAILED else (
            f"its process stopped (exit status {status})" if status else f"its process stopped reading ({self._failed})"))


def _child_environment() -> dict[str, str]:
    """This process's environment, with the folder this very package was imported from first on the child's
    path (a script that put it on ``sys.path`` itself, or a source tree beside an installed copy)."""
    import geoconflict

    root = str(Path(geoconflict.__file__).resolve().parents[1])
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(p for p in (root, environment.get("PYTHONPATH")) if p)
    return environment


class _Streamed:
    """One table streamed to a GeoPackage (:func:`table_to_geopackage` with ``workers=2``)."""

    def __init__(self, source: Path, target: Path, table: PlaceTable, *, encoding: str, chunk_rows: int,
                 progress: bool | None) -> None:
        self.source, self.target, self.table = source, target, table
        self.encoding, self.chunk_rows, self.progress = encoding, chunk_rows, progress
        self.rows = 0

    def run(self) -> TableExport | None:
        """Write the GeoPackage; None (and no file) when the file must go the whole-table way."""
        try:
            with replacing(self.target) as tmp:
                tmp.unlink()  # GDAL makes the GeoPackage itself
                child = _Child(tmp)  # started first: its imports overlap the header's checks and the first chunk
                try:
                    self._write(tmp, child, self._chunks())
                finally:
                    child.stop()
        except _Fallback:
            return None
        except _ChildFailed as exc:
            raise OutputError(f"{self.target}: GDAL could not write the GeoPackage: {exc}") from None
        return TableExport(self.target, self.rows, (), streamed=True)

    def _chunks(self) -> Iterator[Any]:
        """The table's chunks as frames (:func:`~geoconflict.readers.arrowcsv.arrow_chunks`); :class:`_Fallback`
        for a file pyarrow's parser does not read."""
        readable = arrow_readable(self.source, encoding=self.encoding)
        if readable is None:
            raise _Fallback
        names, delimiter = readable
        found = columns_by_name(names)
        if not is_acled(found):
            raise _Fallback
        require(self.source, found, REQUIRED, "ACLED")
        columns = {c: found[c] for c in (*REQUIRED, *OPTIONAL) if c in found}
        return arrow_chunks(self.source, names, columns, text=set(TEXT), delimiter=delimiter, rows=self.chunk_rows,
                            first=min(FIRST_CHUNK_ROWS, self.chunk_rows))

    def _write(self, tmp: Path, child: _Child, chunks: Iterator[Any]) -> None:
        from tqdm import tqdm

        try:
            with tqdm(unit="row", desc=f"writing {self.target.name}", leave=False,
                      disable=None if self.progress is None else not self.progress) as bar:
                claims = self._events(child, chunks, bar)
        except OverflowError:  # a whole number beyond int64: the whole-table path names the row
            raise _Fallback from None
        small = temporary_for(tmp)  # the smaller layers, written while GDAL finishes the events, then copied in
        try:
            layers = self._small_layers(small, claims, child)
            child.finish()
            try:
                if layers:
                    copy_layers(small, tmp, layers)
            except sqlite3.Error as exc:
                raise OutputError(f"{self.target}: the claims, place and text tables could not be copied in: {exc}") from None
        finally:
            small.unlink(missing_ok=True)

    def _small_layers(self, path: Path, claims: list[Any], child: _Child) -> list[str]:
        """The claims layer, the place table and the text table written into the GeoPackage *path* (none: no file)
        while the child finishes the events; their names, in the whole-table writer's order. The place and text
        tables go first, through SQLite, which lets the thread feeding the child run; the claims once that thread
        is done (pyogrio holds the GIL while GDAL writes, which would hold up the child)."""
        tables = table_frames(self.table)
        if tables:
            with gpkg.GeoPackageWriter(path, unindexed=UNINDEXED) as out:
                for name, frame in tables:
                    out.append_frame(name, frame)
        child.end()
        if claims:
            import pyarrow as pa

            write_layer(path, _CLAIMS, pa.RecordBatchReader.from_batches(claims[0].schema, claims))
        return [_CLAIMS] * bool(claims) + [name for name, _ in tables]

    def _events(self, child: _Child, chunks: Iterator[Any], bar: Any) -> list[Any]:
        """Each chunk validated, coded and its events handed to the child; the Arrow batches of the claims of all
        chunks (each chunk's converted as it comes: the events' texts, the table's reason alone, come first)."""
        coder = _Coder(self.table)
        claims: list[Any] = []
        started = False
        try:
            for number, frame in enumerate(chunks):
                problems = Problems(self.source, np.arange(self.rows + 1, self.rows + len(frame) + 1))
                acled = validate_frame(frame, problems, reason=f"ACLED table {self.source.name}")
                if problems:
                    raise _Fallback
                coder.share(acled)
                batch = coder.events(acled)
                if batch is None and number == 0 and len(acled):
                    raise _Fallback  # the whole-table path codes no event part when no row is an event
                if batch is not None:
                    if not started:
                        child.layer(_EVENTS, batch.schema)
                        started = True
                    child.batch(batch)
                claims.extend(self._claims(acled.claims(provenances=coder.claim_provenances)))
                self.rows += len(frame)
                bar.update(len(frame))
        except NotArrowReadable:
            raise _Fallback from None
        if started:
            child.close_layer()
        elif not claims:
            raise _Fallback  # no row at all: the whole-table path's empty GeoPackage
        return claims

    def _claims(self, claims: list[TerritorialClaim]) -> list[Any]:
        """The Arrow batches of a chunk's claims (their places and texts entering the table)."""
        if not claims:
            return []
        layer = claim_layer(claims, self.table)
        if layer is None:  # a claim the columns cannot hold: the records' path names it
            raise _Fallback
        return list(gpkg.coded_batches(**layer, chunk=GPKG_CHUNK_ROWS)[1])
