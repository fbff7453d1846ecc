"""Imported by the forkserver that starts :func:`geoconflict.extract_many`'s worker processes.

Importing this module imports the extraction code, loads the default
gazetteer and builds its name automaton (about 1.5 s and 250 MB), so every
worker forked from the server starts with them, shared copy-on-write, instead
of building its own. Nothing here opens a file that a forked worker would then
share a read position with: the gazetteer's name hashes are a read-only memory
map; the polygon archives and pyproj's database are opened by each worker, on
its first extract.
"""

from __future__ import annotations

import geoconflict.batch
import geoconflict.extraction
import geoconflict.inputs
import geoconflict.readers
import geoconflict.text.report  # noqa: F401  (the modules above are imported for the workers)
from geoconflict.gazetteer import Gazetteer


def _warm() -> None:
    """Load the default gazetteer and build its name automaton, whatever goes wrong."""
    try:
        Gazetteer.default().scan("")
    # Deliberately broad: the forkserver must start whatever fails here (missing data, a broken
    # install); each worker then meets the error again in its own extract, which reports it.
    except Exception:
        pass


_warm()
