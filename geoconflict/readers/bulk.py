"""Building a million records fast: constructors without re-checks, the garbage collector paused.

The readers validate whole columns first (:mod:`geoconflict.readers.columns`),
then build each record with :func:`unchecked`, which skips the record class's
own ``__post_init__`` checks. While they do, :func:`no_gc` keeps the cyclic
garbage collector from walking the growing heap of new records again and again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import MISSING, fields
from typing import Any, TypeVar

__all__ = ["maker", "no_gc", "unchecked"]

T = TypeVar("T")

_MAKERS: dict[type, Callable[..., Any]] = {}


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived records are built or gathered.

    Hundreds of thousands of new objects would trigger full collections, each
    over all of them, for records that hold no reference cycles.

    Examples
    --------
    >>> import gc
    >>> with no_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def unchecked(cls: type[T], **values: Any) -> T:
    """A frozen dataclass instance built without running its ``__post_init__`` checks.

    Only for values already validated column-wise exactly as the class would
    (enums as members, blank text as None, dates as :class:`datetime.date`,
    counts as non-negative ``int``).  The test suite rebuilds every record a
    reader returns through the checking constructor and compares.

    Examples
    --------
    >>> from geoconflict.model import Provenance
    >>> unchecked(Provenance, source="BNS") == Provenance(source="BNS")
    True
    """
    made: T = maker(cls)(**values)
    return made


def maker(cls: type[T]) -> Callable[..., T]:
    """The keyword-only constructor :func:`unchecked` uses for *cls* (made once, then cached).

    It sets every field in declaration order, each to its keyword or its
    default, with ``object.__setattr__`` (the way a frozen dataclass's own
    ``__init__`` does), so instances share their attribute layout.
    """
    found = _MAKERS.get(cls)
    if found is None:
        names, defaults = [], {}
        for f in fields(cls):  # type: ignore[arg-type]  # cls is a dataclass; type[T] cannot say so
            if f.name == "_":
                continue
            names.append(f.name)
            if f.default is not MISSING:
                defaults[f.name] = f.default
            elif f.default_factory is not MISSING:
                defaults[f.name] = f.default_factory()
            else:
                defaults[f.name] = None
        params = ", ".join(f"{n}=_d_{n}" for n in names)
        body = "".join(f"    _set(obj, {n!r}, {n})\n" for n in names)
        source = f"def make(*, {params}):\n    obj = _new(_cls)\n{body}    return obj\n"
        scope = {"_new": object.__new__, "_set": object.__setattr__, "_cls": cls,
                 **{f"_d_{n}": v for n, v in defaults.items()}}
        exec(compile(source, f"<unchecked {cls.__name__}>", "exec"), scope)  # field names are identifiers
        found = _MAKERS[cls] = scope["make"]
    return found
