"""JSON files: telling one from its first bytes, and loading one with messages that say where it is broken."""

from __future__ import annotations

import json
import os
from typing import Any

from geoconflict.errors import FormatError

__all__ = ["load_json", "starts_with_brace"]

_SNIFF_BYTES = 64  # read from the start of a file to see whether it opens with "{"


def starts_with_brace(path: str | os.PathLike[str]) -> bool:
    """Whether a file's first character, after a byte-order mark and white space, is ``{``."""
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def load_json(path: str | os.PathLike[str]) -> Any:
    """The parsed content of a UTF-8 JSON file (a byte-order mark is allowed).

    Raises
    ------
    FormatError
        For bytes that are not UTF-8 or text that is not JSON, saying where.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bad.geojson"
    >>> _ = path.write_text('{"type": "FeatureCollection",}', encoding="utf-8")
    >>> load_json(path)
    Traceback (most recent call last):
    ...
    geoconflict.errors.FormatError: ...bad.geojson: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 30
    """
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return json.load(fh)
    except UnicodeDecodeError as exc:
        raise FormatError(f"not valid UTF-8 at byte {exc.start} (GeoJSON must be UTF-8)", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                          path=str(path)) from None
    except RecursionError:
        raise FormatError("nested too deeply to read (arrays or objects thousands of levels deep); "
                          "no GeoJSON needs that", path=str(path)) from None
