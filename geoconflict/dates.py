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
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .model import DatePrecision

__all__ = ["DateMention", "find_dates", "resolve_date"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "a couple of": 2}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNIT_PRECISION = {"day": DatePrecision.DAY, "week": DatePrecision.WEEK, "month": DatePrecision.MONTH,
                   "year": DatePrecision.YEAR}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of)"
_UNIT = r"(?:day|week|month|year)s?"
_LEAD = r"(?:(?P<lead>(?i:on|since|from|by|until|till|as of|in|early|late|earlier|later|before|after))\s+)?" \
        r"(?:(?:the\s+)?(?:early|late|mid)[- ])?"
# The same lead, looked for just before a date that needs one ("on August 12").
_LEAD_BACK = re.compile(r"(?:\b" + _LEAD[3:] + "$")
_NEEDS_LEAD = frozenset({"iso", "md", "dm", "my"})

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("md", re.compile(rf"(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                              r"(?:,?\s+(?P<y>\d{4})\b)?(?!\s*(?:km|kilomet|mile|%|percent))")),
    ("dm", re.compile(rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                              rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?")),
    ("end", re.compile(r"(?P<lead>by|until|before|at|towards?)\s+the\s+(?P<edge>end|middle|beginning|start)\s+of\s+"
                       rf"(?:(?P<this>this|next|the)\s+(?P<unit>year|month|week)|(?P<mon>{_MONTH})(?:\s+(?P<y2>\d{{4}}))?"
                       r"|(?P<y>\d{4}))\b")),
    ("my", re.compile(rf"(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b")),
    ("month", re.compile(r"(?P<lead>(?i:in|since|by|until|early|late|earlier|before|after))\s+(?:(?:early|late|mid)[- ])?"
                         rf"(?P<mon>{_MONTH})(?![\w.]*\s+\d)")),
    ("weekday", re.compile(r"(?:(?P<lead>(?i:on|since|by|until|from|last|this|next|late\s+on|early\s+on))\s+)?"
                           rf"(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("relday", re.compile(r"(?i:(?P<rel>(?:the\s+)?(?:previous|preceding)\s+day|the\s+day\s+before|yesterday|today|"
                          r"tonight|overnight|this\s+(?:morning|afternoon|evening)|last\s+night|tomorrow|"
                          r"the\s+(?:next|following)\s+day))\b")),
    ("ago", re.compile(rf"(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+ago\b")),
    ("for", re.compile(rf"for\s+(?:(?P<q>over|more than|about|nearly|almost|at least|some|around)\s+)?"
                       rf"(?:(?:the\s+(?:past|last)\s+)?(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\b")),
    ("relunit", re.compile(r"(?P<which>last|this|next|earlier\s+this|later\s+this|the\s+previous|the\s+past|"
                           r"the\s+coming|the\s+following)\s+(?P<unit>week|month|year)\b")),
    ("year", re.compile(r"(?P<lead>(?i:in|since|by|until|during|before|after))\s+(?P<y>(?:19|20)\d{2})\b(?![-/]\d)")),
]
_START_VERB = re.compile(r"\b(?:began|begun|begin|begins|started|start|starts|launched|launch|erupted|broke out|"
                         r"commenced|opened)\b[^.;\n]{0,25}$", re.IGNORECASE)
_FUTURE_CUE = re.compile(r"\b(?:will|would|might|may|could|expected|expects|plans?|planned|intends?|"
                         r"aims?|hopes?|should|going to)\b[^.;\n]{0,60}$", re.IGNORECASE)


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
    date: date
    end_date: date | None
    precision: DatePrecision
    role: str


def _year_for(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest before the anchor (a month's grace for the future)."""
    try:
        candidate = date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    return anchor.year - 1 if candidate > anchor + timedelta(days=31) else anchor.year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


def _resolve(kind: str, g: dict, anchor: date) -> tuple[date, date | None, DatePrecision, str] | None:
    lead = (g.get("lead") or "").lower()
    role = {"since": "start", "from": "start", "by": "by", "as of": "by", "until": "by", "till": "by"}.get(lead, "at")
    if kind == "iso":
        return date(int(g["y"]), int(g["m"]), int(g["d"])), None, DatePrecision.DAY, role
    if kind in ("md", "dm"):
        month, day = _MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
        year = int(g["y"]) if g.get("y") else _year_for(month, day, anchor)
        return date(year, month, day), None, DatePrecision.DAY, role
    if kind == "my":
        month, year = _MONTHS[g["mon"].lower().rstrip(".")], int(g["y"])
        return date(year, month, 1), _month_end(year, month), DatePrecision.MONTH, role
    if kind == "month":
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        year = _year_for(month, 1, anchor)
        return date(year, month, 1), _month_end(year, month), DatePrecision.MONTH, role
    if kind == "year":
        year = int(g["y"])
        return date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, role
    if kind == "end":
        edge = g["edge"]
        if g.get("y"):
            first, last = date(int(g["y"]), 1, 1), date(int(g["y"]), 12, 31)
        elif g.get("mon"):
            month = _MONTHS[g["mon"].lower().rstrip(".")]
            year = int(g["y2"]) if g.get("y2") else _year_for(month, 1, anchor)
            first, last = date(year, month, 1), _month_end(year, month)
        else:
            unit, which = g["unit"], g["this"]
            if unit == "year":
                year = anchor.year + (1 if which == "next" else 0)
                first, last = date(year, 1, 1), date(year, 12, 31)
            elif unit == "month":
                first = (anchor.replace(day=1) + timedelta(days=32 if which == "next" else 0)).replace(day=1)
                last = _month_end(first.year, first.month)
            else:
                first = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 if which == "next" else 0)
                last = first + timedelta(days=6)
        point = {"end": last, "middle": first + (last - first) / 2, "beginning": first, "start": first}[edge]
        precision = DatePrecision.MONTH if (last - first).days > 7 else DatePrecision.WEEK
        return point, None, precision, "by" if lead in ("by", "until", "before") else "at"
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        back = (anchor.weekday() - wd) % 7
        if lead == "next":
            day = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
        elif lead == "last" and back == 0:
            day = anchor - timedelta(days=7)
        else:
            day = anchor - timedelta(days=back)
        return day, None, DatePrecision.DAY, role
    if kind == "relday":
        rel = " ".join(g["rel"].lower().split())
        if rel in ("tomorrow", "the next day", "the following day"):
            return anchor + timedelta(days=1), None, DatePrecision.DAY, "future" if rel == "tomorrow" else "at"
        if rel in ("overnight", "last night"):
            return anchor - timedelta(days=1), anchor, DatePrecision.DAY, "at"
        back = 0 if rel in ("today", "tonight") or rel.startswith("this ") else 1
        return anchor - timedelta(days=back), None, DatePrecision.DAY, "at"
    if kind == "ago":
        unit = g["unit"].lower().rstrip("s")
        days = _number(g["n"]) * _UNIT_DAYS[unit]
        return anchor - timedelta(days=days), None, _UNIT_PRECISION[unit], "at"
    if kind == "for":
        unit = g["unit"].lower().rstrip("s")
        days = _number(g["n"]) * _UNIT_DAYS[unit]
        return anchor - timedelta(days=days), anchor, _UNIT_PRECISION[unit], "duration"
    if kind == "relunit":
        unit = g["unit"].lower()
        which = " ".join(g["which"].lower().split())
        if which in ("next", "the coming", "the following"):
            return anchor + timedelta(days=_UNIT_DAYS[unit]), None, _UNIT_PRECISION[unit], "future"
        if which in ("this", "earlier this", "later this"):
            if unit == "week":
                first = anchor - timedelta(days=anchor.weekday())
            elif unit == "month":
                first = anchor.replace(day=1)
            else:
                first = anchor.replace(month=1, day=1)
            return first, anchor, _UNIT_PRECISION[unit], "at"
        days = _UNIT_DAYS[unit]
        if which in ("the past",):
            return anchor - timedelta(days=days), anchor, _UNIT_PRECISION[unit], "duration"
        if unit == "week":
            first = anchor - timedelta(days=anchor.weekday() + 7)
            return first, first + timedelta(days=6), DatePrecision.WEEK, "at"
        if unit == "month":
            last = anchor.replace(day=1) - timedelta(days=1)
            return last.replace(day=1), last, DatePrecision.MONTH, "at"
        return date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), DatePrecision.YEAR, "at"
    return None  # pragma: no cover


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
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            start = m.start()
            if kind in _NEEDS_LEAD:
                back = _LEAD_BACK.search(text, max(0, start - 30), start)
                if back and back.start() < start:
                    start, g["lead"] = back.start(), back.group("lead")
            try:
                resolved = _resolve(kind, g, anchor)
            except (ValueError, OverflowError, KeyError):
                continue  # "February 31", year 0: not a date
            if resolved is None:
                continue
            day, end, precision, role = resolved
            lo = max(0, start - 60)
            before = text[lo:start]
            if lo > 0 and text[lo - 1].isalnum():
                before = re.sub(r"^\w+", "", before)  # a cut word is no cue
            if role == "at" and _START_VERB.search(before):
                role = "start"
            if day > anchor and (role != "duration"):
                role = "future"
            elif role in ("at", "by") and _FUTURE_CUE.search(before) and kind != "relday":
                role = "future"
            found.append(DateMention(start, m.end(), text[start:m.end()], day, end, precision, role))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    last_end = -1
    for d in found:
        if d.start >= last_end:
            out.append(d)
            last_end = d.end
    return out


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
