"""GDAL writing Arrow batches into a GeoPackage, and the child process that does it while its parent reads on.

pyogrio holds the GIL through ``write_arrow``, so in one process nothing else
runs while GDAL writes. :func:`geoconflict.readers.acledstream.write_acled_geopackage`
therefore starts this module as a process of its own (``python -m
geoconflict._gpkgchild PATH``: spawned, never forked, so it works alike on
Linux, macOS and Windows and never re-runs the caller's script) and streams it
each layer as Arrow IPC on its standard input, one layer after another. It
imports nothing of the package but this module (its start, about 0.5 s, is
pyogrio's and pyarrow's imports)::

    <layer name>\\n<an Arrow IPC stream of the layer's record batches>
    <layer name>\\n<…>
    \\n                                   (an empty line: the end)

For each, GDAL writes the layer whole into the GeoPackage *PATH*
(:func:`write_layer`: its rows, feature count, extent and R-tree), pulling each
batch from the pipe as it needs it; the parent, blocked
only when the pipe is full, meanwhile reads, validates and codes the next rows.
Once every layer is written and GDAL has closed the file, the process writes
:data:`DONE` on its standard output (the parent goes on with the file while
this process ends). Any failure is written to standard error, and the process
exits with :data:`FAILED`; the parent raises it as an
:class:`~geoconflict.errors.OutputError` and removes the unfinished file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, BinaryIO

__all__ = ["BUILD_CACHE_KIB", "DONE", "FAILED", "GDAL_BUILD_OPTIONS", "LAYER_ENCODING", "PAGE_BYTES", "SRS_ID",
           "WKB_COLUMN", "serve", "write_layer"]

#: The exit status of a write that failed (its reason on standard error).
FAILED = 3
#: The line written on standard output once the file is complete and closed.
DONE = b"done\n"
#: How a layer's name is written before its stream.
LAYER_ENCODING = "utf-8"
#: The spatial reference system id of every layer (EPSG:4326, as GDAL registers it).
SRS_ID = 4326
#: The geometry column of the batches GDAL is handed (GeoArrow WKB).
WKB_COLUMN = "wkb_geometry"
#: SQLite's page cache while a layer is written, KiB: GDAL's R-tree of a million points, copied into the file
#: at the end, re-read evicted pages from disk with SQLite's default 2 MB (measured, 950,000 points: 620,000
#: page writes and 520,000 reads → 100,000 and none; GDAL's write 5.5 → 4.2 CPU s; peak memory +80 to +130 MB).
BUILD_CACHE_KIB = 131_072
#: SQLite's page size, bytes, of a GeoPackage GDAL creates here (SQLite's default is 4,096): GDAL's write of the
#: 949,871 events of a 1M-row table 6.9 -> 6.6 CPU s (medians of 4 runs each, load 11-14); an R-tree's nodes are the
#: same (SQLite sizes them by the page only below 1,292 bytes). Set when the file is made; a file GDAL appends to keeps its own.
PAGE_BYTES = 8192
#: GDAL's SQLite settings while it writes a layer of a temporary file (renamed over the target only when complete).
GDAL_BUILD_OPTIONS = {"OGR_SQLITE_JOURNAL": "OFF", "OGR_SQLITE_SYNCHRONOUS": "OFF",
                      "OGR_SQLITE_PRAGMA": f"page_size={PAGE_BYTES},cache_size=-{BUILD_CACHE_KIB}"}


def write_layer(path: Path, layer: str, batches: Any) -> None:
    """GDAL writes a new *layer* of the GeoPackage *path* (made if missing) whole from *batches* (an Arrow
    record batch reader: :func:`geoconflict.model.gpkg.coded_schema`'s columns), its R-tree included, with
    :data:`GDAL_BUILD_OPTIONS`; GDAL's own settings again afterwards."""
    import pyogrio

    before = {name: pyogrio.get_gdal_config_option(name) for name in GDAL_BUILD_OPTIONS}
    pyogrio.set_gdal_config_options(GDAL_BUILD_OPTIONS)
    try:
        pyogrio.write_arrow(batches, path, layer=layer, driver="GPKG", geometry_name=WKB_COLUMN,
                            geometry_type="Unknown", crs=f"EPSG:{SRS_ID}", append=Path(path).exists())
    finally:
        pyogrio.set_gdal_config_options(before)


def serve(path: Path, source: BinaryIO) -> list[tuple[str, int]]:
    """Write every layer *source* streams (see the module docs) into the GeoPackage *path*; each layer's
    name and rows, in order."""
    import pyarrow as pa

    written = []
    while layer := source.readline().decode(LAYER_ENCODING).rstrip("\n"):
        stream = pa.ipc.open_stream(source)
        rows = 0

        def counted(stream=stream):
            nonlocal rows
            for batch in stream:
                rows += batch.num_rows
                yield batch

        write_layer(path, layer, pa.RecordBatchReader.from_batches(stream.schema, counted()))
        written.append((layer, rows))
    return written


def main(argv: list[str]) -> int:
    """``python -m geoconflict._gpkgchild PATH``: :func:`serve` standard input into *PATH*, then :data:`DONE`."""
    try:
        serve(Path(argv[0]), sys.stdin.buffer)
    # Deliberately broad: whatever GDAL, pyarrow or the pipe raised is reported to the parent, which raises it.
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return FAILED
    sys.stdout.buffer.write(DONE)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
