"""The child process that lets GDAL write a table's layers while its parent reads the next rows.

pyogrio holds the GIL through ``write_arrow``, so in one process nothing else
runs while GDAL writes. :func:`geoconflict.readers.acledstream.write_acled_geopackage`
therefore starts this module as a process of its own (``python -m
geoconflict.model.gpkgchild PATH``: spawned, never forked, so it works alike on
Linux, macOS and Windows and never re-runs the caller's script) and streams it
each layer as Arrow IPC on its standard input, one layer after another::

    <layer name>\\n<an Arrow IPC stream of the layer's record batches>
    <layer name>\\n<…>
    \\n                                   (an empty line: the end)

For each, GDAL writes the layer whole into the GeoPackage *PATH*
(:func:`geoconflict.model.gpkg.write_layer`: its rows, feature count, extent and
R-tree), pulling each batch from the pipe as it needs it; the parent, blocked
only when the pipe is full, meanwhile reads, validates and codes the next rows.
Any failure is written to standard error, and the process exits with
:data:`FAILED`; the parent raises it as an
:class:`~geoconflict.errors.OutputError` and removes the unfinished file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

__all__ = ["FAILED", "LAYER_ENCODING", "serve"]

#: The exit status of a write that failed (its reason on standard error).
FAILED = 3
#: How a layer's name is written before its stream.
LAYER_ENCODING = "utf-8"


def serve(path: Path, source: BinaryIO) -> list[tuple[str, int]]:
    """Write every layer *source* streams (see the module docs) into the GeoPackage *path*; each layer's
    name and rows, in order."""
    import pyarrow as pa

    from geoconflict.model.gpkg import write_layer

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
    """``python -m geoconflict.model.gpkgchild PATH``: :func:`serve` standard input into *PATH*."""
    try:
        serve(Path(argv[0]), sys.stdin.buffer)
    # Deliberately broad: whatever GDAL, pyarrow or the pipe raised is reported to the parent, which raises it.
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
