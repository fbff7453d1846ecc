"""Files written whole or not at all: a temporary file beside the target, renamed over it at the end.

Every writer of the package (exports, maps, caches, gazetteer supplements, npm
tarballs) goes through :func:`replacing`, so an error or a Ctrl-C at any moment
leaves the previous file and no stray temporary file. Only a process killed
outright (SIGKILL, a power cut) can leave one; caches that live on, such as the
online geocoder's, remove those with :func:`sweep` when they open.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from geoconflict.errors import OutputError

__all__ = ["STALE_SECONDS", "replacing", "sweep", "temporary_for"]

#: A temporary file of :func:`replacing` older than this (seconds) was left by a killed process.
STALE_SECONDS = 3600
_TOKEN_BYTES = 8  # random bytes in a temporary file's name (16 hex digits)
#: The names :func:`temporary_for` gives: ``.<name>.<16 hex digits>.tmp<suffix>``.
_TEMPORARY = re.compile(rf"^\..+\.[0-9a-f]{{{2 * _TOKEN_BYTES}}}\.tmp(\.[^.]*)?$")


def temporary_for(path: str | os.PathLike[str]) -> Path:
    """A fresh temporary name beside *path* (hidden, random, with *path*'s suffix, so tools that add one do not).

    Examples
    --------
    >>> name = temporary_for("/data/out.gpkg").name
    >>> name.startswith(".out.gpkg.") and name.endswith(".tmp.gpkg") and bool(_TEMPORARY.match(name))
    True
    """
    path = Path(path)
    return path.with_name(f".{path.name}.{secrets.token_hex(_TOKEN_BYTES)}.tmp{path.suffix}")


def sweep(directory: str | os.PathLike[str], *, older_than: float = STALE_SECONDS,
          also: Iterable[str] = ()) -> list[Path]:
    """Remove the temporary files of :func:`replacing` that killed processes left in *directory*.

    Only files named as :func:`temporary_for` names them (and those matching
    the glob patterns *also*, an older naming) and not modified for
    *older_than* seconds are removed, so a write in progress in another
    process keeps its file. A missing folder has nothing to sweep.

    Returns
    -------
    list of Path
        The files removed.

    Examples
    --------
    >>> import os, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> left = temporary_for(folder / "cache.json")
    >>> _ = left.write_text("{", encoding="utf-8")
    >>> os.utime(left, (0, 0))  # modified long ago
    >>> [p == left for p in sweep(folder)], list(folder.iterdir())
    ([True], [])
    """
    folder = Path(directory)
    if not folder.is_dir():
        return []
    found = {p for p in folder.glob(".*.tmp*") if _TEMPORARY.match(p.name)}
    for pattern in also:
        found.update(folder.glob(pattern))
    now, removed = time.time(), []
    for path in sorted(found):
        try:
            if now - path.stat().st_mtime > older_than and path.is_file():
                path.unlink()
                removed.append(path)
        except OSError:  # another process removed or renamed it first
            continue
    return removed


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside *path*, renamed over *path* when the block ends without an error.

    On any error (Ctrl-C included) the temporary file is removed and *path*
    keeps what it held. The folder must exist.

    Raises
    ------
    OutputError
        When the folder does not exist or cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with replacing(target) as tmp:
    ...     _ = tmp.write_text("complete", encoding="utf-8")
    >>> target.read_text(encoding="utf-8"), sorted(p.name for p in target.parent.iterdir())
    ('complete', ['out.txt'])
    """
    path = Path(path)
    tmp = temporary_for(path)  # named before it is made, so that a Ctrl-C at any moment after can remove it
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        os.close(fd)
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: could not be written: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
