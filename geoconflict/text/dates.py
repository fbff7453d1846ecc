"""Dates in report prose, resolved against the report's publication date.

:func:`find_dates` returns every date expression of a text as a
:class:`DateMention`: its span, the date (or range) it means, how precise that
is, and what role it plays:

``at``
    a point in time ("August 12", "on Friday", "the previous day", "yesterday").
``start``
    when something began ("began on August 6", "since Monday").
``by``
    a state that holds by then ("by June 1").
``duration``
    something going on for a while ("for over a week"): the date is the
    earliest the stated duration reaches back to.
``future``
    an expectation, not an event date ("by the end of 2024" in a report of
    August 2024, "next week"); :attr:`DateMention.date` is the expected date
    but extraction never uses it as an event date.

Examples
--------
>>> from datetime import date
>>> d = date(2024, 8, 14)  # a Wednesday
>>> [(m.text, m.date.isoformat(), m.role, m.precision.value)
...  for m in find_dates("On Friday, and on August 12, and the previous day.", d)]
[('On Friday', '2024-08-09', 'at', 'day'), ('on August 12', '2024-08-12', 'at', 'day'), \
('the previous day', '2024-08-13', 'at', 'day')]
>>> m = find_dates("mobilization might be declared by the end of 2024", d)[0]
>>> m.role, m.date.isoformat()
('future', '2024-12-31')
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from geoconflict.lang.en import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from geoconflict.lang.trie import literal_trie
from geoconflict.model import DatePrecision
from geoconflict.text.date_rules import (
    COUNT_WORDS,
    UNIT_DAYS,
    Expression,
    Groups,
    find_expressions,
    find_expressions_reference,
)
from geoconflict.text.normalize import case_fold

__all__ = ["DateMention", "find_dates", "find_dates_reference", "resolve_date"]

_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(MONTHS, 1)} | {a.lower(): i for a, i in MONTH_ABBREVIATIONS.items()}
_WEEKDAY_NUMBER = {d.lower(): i for i, d in enumerate(WEEKDAYS)}
_UNIT_PRECISION = {"day": DatePrecision.DAY, "week": DatePrecision.WEEK, "month": DatePrecision.MONTH,
                   "year": DatePrecision.YEAR}
_LEAD_ROLE = {"since": "start", "from": "start", "by": "by", "as of": "by", "until": "by", "till": "by"}
#: a month/day without a year is in the future only this close to the report date, else last year's
_FUTURE_GRACE = timedelta(days=31)
#: a range longer than this many days is told to the month, else to the week
_WEEK_DAYS = 7

_START_VERB = re.compile(r"\b(?:began|begun|begin|begins|started|start|starts|launched|launch|erupted|broke out|"
                         r"commenced|opened)\b[^.;\n]{0,25}$", re.IGNORECASE)
# "may" only in lower case: "May" is the month ("fighting in late May and in mid-June")
_FUTURE_CUE = re.compile(r"\b(?:will|would|might|(?-i:may)|could|expected|expects|plans?|planned|intends?|"
                         r"aims?|hopes?|should|going to)\b[^.;\n]{0,60}$", re.IGNORECASE)
# A piece of each cue word (no regex can match without one of them, lower-cased, in the text).
_START_HINTS = ("beg", "start", "launch", "erupted", "broke out", "commenced", "opened")
_FUTURE_HINTS = ("will", "would", "might", "may", "could", "expect", "plan", "intend", "aim", "hope", "should",
                 "going to")
#: the hints as one regex each, searched in a window of the case fold (one scan instead of a test per hint:
#: ``tests/test_dates_fast.py`` holds it equal to :func:`_hinted_plain`)
_HINTS_FOUND = {hints: re.compile(literal_trie(hints)) for hints in (_START_HINTS, _FUTURE_HINTS)}
_START_HINT, _FUTURE_HINT = _HINTS_FOUND[_START_HINTS], _HINTS_FOUND[_FUTURE_HINTS]
#: the characters before a date searched for a cue, and how far before the date each cue regex can start
#: (its longest word and the ``{0,N}`` of its regex)
_CUE_WINDOW = 60
_START_REACH, _FUTURE_REACH = 9 + 25, 8 + 60
_CUT_WORD = re.compile(r"^\w+")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text.

    Attributes
    ----------
    start, end : int
        Span in the text.
    text : str
        The words (``"on August 12"``).
    date : date
        The day it means (the first day of a week, month or year range).
    end_date : date or None
        The last day of a range ("in August": August 31).
    precision : DatePrecision
    role : str
        ``at``, ``start``, ``by``, ``duration`` or ``future`` (see the module docs).
    """

    start: int
    end: int
    text: str
    date: datetime.date
    end_date: datetime.date | None  # (datetime.date: a bare "date" here would be the field above)
    precision: DatePrecision
    role: str


def find_dates(text: str, anchor: date) -> list[DateMention]:
    """Every date expression in *text*, resolved against *anchor* (the report date).

    Parameters
    ----------
    text : str
    anchor : date
        The report's publication date.

    Returns
    -------
    list of DateMention
        In text order, not overlapping (the longest expression wins).

    Examples
    --------
    >>> from datetime import date
    >>> m = find_dates("The operation began on August 6.", date(2024, 8, 14))[0]
    >>> m.text, m.date.isoformat(), m.role
    ('on August 6', '2024-08-06', 'start')
    >>> m = find_dates("advancing for over a week", date(2024, 8, 14))[0]
    >>> m.role, m.date.isoformat(), m.precision.value
    ('duration', '2024-08-07', 'week')
    """
    context = _Context(text, anchor)
    return _mentions(text, anchor, context, find_expressions(text, context.lower))


def find_dates_reference(text: str, anchor: date) -> list[DateMention]:
    """:func:`find_dates` done plainly: the expressions found by
    :func:`~geoconflict.text.date_rules.find_expressions_reference`, every one resolved before the overlapped are dropped.
    """
    return _mentions_reference(text, anchor, _Context(text, anchor), find_expressions_reference(text))


def _mentions(text: str, anchor: date, context: _Context, expressions: Iterator[Expression]) -> list[DateMention]:
    """The expressions resolved, with their roles, in text order; of overlapping ones the first, longest.

    One that is no date ("February 31") is passed over as if not found; one
    overlapped by an earlier, longer one is not resolved at all.
    """
    found = sorted(expressions, key=lambda e: (e[1], e[1] - e[2]))
    out: list[DateMention] = []
    last_end = -1
    for kind, start, end, g in found:
        if start < last_end:
            continue
        try:
            day, end_date, precision, role = _resolve(kind, g, anchor)
        except (ValueError, OverflowError, KeyError):
            continue  # "February 31", year 0: not a date
        out.append(DateMention(start, end, text[start:end], day, end_date, precision,
                               context.role(kind, role, day, start)))
        last_end = end
    return out


def _mentions_reference(text: str, anchor: date, context: _Context, expressions: Iterator[Expression]
                        ) -> list[DateMention]:
    """:func:`_mentions` done plainly: every expression resolved, then the overlapped ones dropped."""
    found: list[tuple[int, int, date, date | None, DatePrecision, str]] = []
    for kind, start, end, g in expressions:
        try:
            day, end_date, precision, role = _resolve(kind, g, anchor)
        except (ValueError, OverflowError, KeyError):
            continue  # "February 31", year 0: not a date
        found.append((start, end, day, end_date, precision, context.role(kind, role, day, start)))
    found.sort(key=lambda d: (d[0], d[0] - d[1]))
    out: list[DateMention] = []
    last_end = -1
    for start, end, day, end_date, precision, role in found:
        if start >= last_end:
            out.append(DateMention(start, end, text[start:end], day, end_date, precision, role))
            last_end = end
    return out


# ---------------------------------------------------------------------- what an expression means

#: the day (or first day) meant, the last day of a range, the precision, the role
_Resolved = tuple[date, date | None, DatePrecision, str]


def _resolve(kind: str, g: Groups, anchor: date) -> _Resolved:
    """What an expression of *kind* with groups *g* means, said on *anchor* (ValueError, KeyError: nothing)."""
    return _RESOLVERS[kind](g, anchor, (g.get("lead") or "").lower())


def _group(g: Groups, name: str) -> str:
    """A group the rule's regex always fills."""
    value = g[name]
    if value is None:  # pragma: no cover - the regexes fill it
        raise KeyError(name)
    return value


def _month(g: Groups, name: str = "mon") -> int:
    return _MONTH_NUMBER[_group(g, name).lower().rstrip(".")]


def _year_for(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest before the anchor (a month's grace for the future)."""
    try:
        candidate = date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    return anchor.year - 1 if candidate > anchor + _FUTURE_GRACE else anchor.year


#: How many (year, month) pairs keep their last day (a month's end is asked for each "May 2023").
_MONTH_ENDS_KEPT = 4096


@lru_cache(maxsize=_MONTH_ENDS_KEPT)
def _month_end(year: int, month: int) -> date:
    """The last day of *month* of *year* (``calendar.monthrange``), remembered: dates never change."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else COUNT_WORDS.get(word, 1)


def _iso(g: Groups, anchor: date, lead: str) -> _Resolved:
    day = date(int(_group(g, "y")), int(_group(g, "m")), int(_group(g, "d")))
    return day, None, DatePrecision.DAY, _LEAD_ROLE.get(lead, "at")


def _month_day(g: Groups, anchor: date, lead: str) -> _Resolved:
    month, day = _month(g), int(_group(g, "d"))
    year = int(y) if (y := g.get("y")) else _year_for(month, day, anchor)
    return date(year, month, day), None, DatePrecision.DAY, _LEAD_ROLE.get(lead, "at")


def _month_year(g: Groups, anchor: date, lead: str) -> _Resolved:
    month, year = _month(g), int(_group(g, "y"))
    return date(year, month, 1), _month_end(year, month), DatePrecision.MONTH, _LEAD_ROLE.get(lead, "at")


def _month_only(g: Groups, anchor: date, lead: str) -> _Resolved:
    month = _month(g)
    year = _year_for(month, 1, anchor)
    return date(year, month, 1), _month_end(year, month), DatePrecision.MONTH, _LEAD_ROLE.get(lead, "at")


def _year(g: Groups, anchor: date, lead: str) -> _Resolved:
    year = int(_group(g, "y"))
    return date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, _LEAD_ROLE.get(lead, "at")


def _end(g: Groups, anchor: date, lead: str) -> _Resolved:
    """"by the end of the month", "the middle of March 2023": a point of a range."""
    first, last = _edge_range(g, anchor)
    point = {"end": last, "middle": first + (last - first) / 2, "beginning": first, "start": first}[_group(g, "edge")]
    precision = DatePrecision.MONTH if (last - first).days > _WEEK_DAYS else DatePrecision.WEEK
    return point, None, precision, "by" if lead in ("by", "until", "before") else "at"


def _edge_range(g: Groups, anchor: date) -> tuple[date, date]:
    """The range whose end, middle or start an "end" expression means: a year, a month, this or next unit."""
    if y := g.get("y"):
        return date(int(y), 1, 1), date(int(y), 12, 31)
    if g.get("mon"):
        month = _month(g)
        year = int(y2) if (y2 := g.get("y2")) else _year_for(month, 1, anchor)
        return date(year, month, 1), _month_end(year, month)
    unit, later = _group(g, "unit"), g.get("this") == "next"
    if unit == "year":
        year = anchor.year + (1 if later else 0)
        return date(year, 1, 1), date(year, 12, 31)
    if unit == "month":
        first = (anchor.replace(day=1) + timedelta(days=32 if later else 0)).replace(day=1)
        return first, _month_end(first.year, first.month)
    first = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 if later else 0)
    return first, first + timedelta(days=6)


def _weekday(g: Groups, anchor: date, lead: str) -> _Resolved:
    wd = _WEEKDAY_NUMBER[_group(g, "wd").lower()]
    back = (anchor.weekday() - wd) % 7
    if lead == "next":
        day = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    elif lead == "last" and back == 0:
        day = anchor - timedelta(days=7)
    else:
        day = anchor - timedelta(days=back)
    return day, None, DatePrecision.DAY, _LEAD_ROLE.get(lead, "at")


def _relday(g: Groups, anchor: date, lead: str) -> _Resolved:
    rel = " ".join(_group(g, "rel").lower().split())
    if rel in ("tomorrow", "the next day", "the following day"):
        return anchor + timedelta(days=1), None, DatePrecision.DAY, "future" if rel == "tomorrow" else "at"
    if rel in ("overnight", "last night"):
        return anchor - timedelta(days=1), anchor, DatePrecision.DAY, "at"
    back = 0 if rel in ("today", "tonight") or rel.startswith("this ") else 1
    return anchor - timedelta(days=back), None, DatePrecision.DAY, "at"


def _ago(g: Groups, anchor: date, lead: str) -> _Resolved:
    unit = _group(g, "unit").lower().rstrip("s")
    days = _number(g["n"]) * UNIT_DAYS[unit]
    return anchor - timedelta(days=days), None, _UNIT_PRECISION[unit], "at"


def _for(g: Groups, anchor: date, lead: str) -> _Resolved:
    unit = _group(g, "unit").lower().rstrip("s")
    days = _number(g["n"]) * UNIT_DAYS[unit]
    return anchor - timedelta(days=days), anchor, _UNIT_PRECISION[unit], "duration"


def _relunit(g: Groups, anchor: date, lead: str) -> _Resolved:
    """"last week", "this month", "the past year", "next week"."""
    unit = _group(g, "unit").lower()
    which = " ".join(_group(g, "which").lower().split())
    if which in ("next", "the coming", "the following"):
        return anchor + timedelta(days=UNIT_DAYS[unit]), None, _UNIT_PRECISION[unit], "future"
    if which in ("this", "earlier this", "later this"):
        return _unit_start(unit, anchor), anchor, _UNIT_PRECISION[unit], "at"
    if which == "the past":
        return anchor - timedelta(days=UNIT_DAYS[unit]), anchor, _UNIT_PRECISION[unit], "duration"
    if unit == "week":
        first = anchor - timedelta(days=anchor.weekday() + 7)
        return first, first + timedelta(days=6), DatePrecision.WEEK, "at"
    if unit == "month":
        last = anchor.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last, DatePrecision.MONTH, "at"
    return date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), DatePrecision.YEAR, "at"


def _unit_start(unit: str, anchor: date) -> date:
    """The first day of the week, month or year *anchor* is in."""
    if unit == "week":
        return anchor - timedelta(days=anchor.weekday())
    if unit == "month":
        return anchor.replace(day=1)
    return anchor.replace(month=1, day=1)


_RESOLVERS: dict[str, Callable[[Groups, date, str], _Resolved]] = {
    "iso": _iso, "md": _month_day, "dm": _month_day, "my": _month_year, "month": _month_only, "year": _year,
    "end": _end, "weekday": _weekday, "relday": _relday, "ago": _ago, "for": _for, "relunit": _relunit,
}


# ---------------------------------------------------------------------- roles

class _Context:
    """The words around the dates of one text, for their roles ("began on August 6": start)."""

    def __init__(self, text: str, anchor: date) -> None:
        self.text, self.anchor = text, anchor
        self.lower = case_fold(text)

    def role(self, kind: str, role: str, day: date, start: int) -> str:
        """*role* revised by the words just before *start*: "began on August 6", "might be declared by..."."""
        if role == "at" and self._cue(_START_VERB, _START_HINT, _START_REACH, start):
            role = "start"
        if day > self.anchor and role != "duration":
            return "future"
        if role in ("at", "by") and kind != "relday" and self._cue(_FUTURE_CUE, _FUTURE_HINT, _FUTURE_REACH, start):
            return "future"
        return role

    def _cue(self, cue: re.Pattern[str], hint: re.Pattern[str], reach: int, start: int) -> bool:
        """Whether *cue* matches the _CUE_WINDOW characters before *start* (see _cue_window, _cue_start)."""
        if not hint.search(self.lower, max(0, start - _CUE_WINDOW), start):
            return False  # no cue word there: no need to search
        before = _cue_window(self.text, start)
        return cue.search(before, _cue_start(before, reach)) is not None


def _hinted_plain(lower: str, start: int, hints: tuple[str, ...]) -> bool:
    """Whether one of *hints* is in the _CUE_WINDOW characters of *lower* before *start*, plainly (the reference)."""
    near = lower[max(0, start - _CUE_WINDOW):start]
    return any(h in near for h in hints)


def _cue_start(before: str, reach: int) -> int:
    """Where in *before* a cue regex (``\\b(?:words)\\b[^.;\\n]{0,N}$``) can start a match.

    The cue is after the last ``.``, ``;`` or line break (``$`` also matches
    before a final line break) and at most *reach* (longest word + N) from the end.
    """
    body = before[:-1] if before.endswith("\n") else before
    after_stop = max(body.rfind("."), body.rfind(";"), body.rfind("\n")) + 1
    return max(after_stop, len(body) - reach)


def _cue_window(text: str, start: int) -> str:
    """The _CUE_WINDOW characters before *start*, less a word cut at their left edge (a cut word is no cue)."""
    lo = max(0, start - _CUE_WINDOW)
    before = text[lo:start]
    if lo > 0 and text[lo - 1].isalnum():
        before = _CUT_WORD.sub("", before)
    return before


def resolve_date(expression: str, anchor: date) -> DateMention | None:
    """The first date expression in *expression*, or None.

    Examples
    --------
    >>> from datetime import date
    >>> resolve_date("yesterday", date(2024, 8, 14)).date.isoformat()
    '2024-08-13'
    >>> resolve_date("by June 1", date(2024, 8, 14)).role
    'by'
    """
    found = find_dates(expression, anchor)
    return found[0] if found else None
