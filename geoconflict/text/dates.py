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

from geoconflict.lang.trie import literal_trie
from geoconflict.model.records import DatePrecision
from geoconflict.text.normalize import case_fold

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


def _backwards(words: str) -> str:
    r"""A regex for any of the ``|``-separated *words* spelled backwards (a space stands for ``\s+``).

    Longest first: matched leftwards from a date, the longest word is the one
    starting leftmost, the one a forward regex (trying every start from the left) finds.
    The word must start a word ("Boston Friday" is not "on Friday").

    >>> _backwards("on|late on")
    '(?:no\\s+etal|no)(?!\\w)'
    """
    spelled = (re.escape(w[::-1]).replace(r"\ ", r"\s+") for w in sorted(words.split("|"), key=len, reverse=True))
    return "(?:" + "|".join(spelled) + r")(?!\w)"


# "yesterday", "the previous day"... (case-insensitive: see _Rule.caseless).
_RELDAY_PHRASES = ("the previous day", "the preceding day", "previous day", "preceding day", "the day before",
                   "yesterday", "today", "tonight", "overnight", "this morning", "this afternoon", "this evening",
                   "last night", "tomorrow", "the next day", "the following day")


@dataclass(frozen=True)
class _Rule:
    r"""One kind of date expression, found as a *core* plus what may precede it.

    Each rule matches what one forward regex would (``(?:lead\s+)?core``, scanned
    with ``finditer``), but the scan only looks for the core, whose first token
    is mandatory and literal (a month name, "ago", "the"...), so that ``re``
    skips to it instead of trying a match at every character. What precedes
    the core is then matched backwards, on the reversed text, by *back*.

    Attributes
    ----------
    kind : str
        What :func:`_resolve` is told.
    core : re.Pattern
        The mandatory part, matched forwards.
    back : re.Pattern or None
        What comes before the core, spelled backwards; its groups are read in
        the text the right way round.
    back_required : bool
        Whether the core alone is no match.
    at_months : bool
        Match the core only where a month name starts (one shared scan), not by
        scanning the text for it.
    caseless : bool
        A case-insensitive rule: its *core* is lower-case and scanned in the
        text's :func:`~geoconflict.text.normalize.case_fold` (``re`` skips to the first
        letters of a lower-case regex, not of a ``(?i)`` one).
    """

    kind: str
    core: re.Pattern[str]
    back: re.Pattern[str] | None = None
    back_required: bool = False
    at_months: bool = False
    caseless: bool = False


def _rule(kind: str, core: str, back: str | None = None, *, required: bool = False, at_months: bool = False) -> _Rule:
    return _Rule(kind, re.compile(core), re.compile(back) if back else None, required, at_months)


_WEEKDAY_BACK = _backwards("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
_NUM_BACK = r"(?:\d+|" + _backwards("a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of")[3:]
_UNIT_BACK = r"s?" + _backwards("day|week|month|year")

# In _PATTERNS' order (ties in the overlap resolution keep it). The forward regex each rule stands for is
# in its comment.
_RULES: tuple[_Rule, ...] = (
    # (?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b
    _rule("iso", r"-(?P<m>\d{2})-(?P<d>\d{2})\b", r"(?P<y>\d{4})(?!\d)", required=True),
    # (?:WEEKDAY,?\s+)?(?P<mon>MONTH)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4})\b)?(?!\s*(?:km|...))
    _rule("md", rf"(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                r"(?:,?\s+(?P<y>\d{4})\b)?(?!\s*(?:km|kilomet|mile|%|percent))",
          rf"\s+,?{_WEEKDAY_BACK}", at_months=True),
    # (?:WEEKDAY,?\s+)?(?:the\s+)?(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>MONTH)(?:,?\s+(?P<y>\d{4})\b)?
    _rule("dm", rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?",
          rf"\s+(?:fo\s+)?(?:ts|dn|dr|ht)?(?P<d>\d{{1,2}})(?!\d)(?:\s+eht)?(?:\s+,?{_WEEKDAY_BACK})?",
          required=True, at_months=True),
    # (?P<lead>by|until|before|at|towards?)\s+the\s+(?P<edge>end|middle|beginning|start)\s+of\s+(...)\b
    _rule("end", r"the\s+(?P<edge>end|middle|beginning|start)\s+of\s+"
                 rf"(?:(?P<this>this|next|the)\s+(?P<unit>year|month|week)|(?P<mon>{_MONTH})(?:\s+(?P<y2>\d{{4}}))?"
                 r"|(?P<y>\d{4}))\b",
          r"\s+(?P<lead>" + _backwards("by|until|before|at|toward|towards") + ")", required=True),
    _rule("my", rf"(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b", at_months=True),
    # (?P<lead>(?i:in|since|...))\s+(?:(?:early|late|mid)[- ])?(?P<mon>MONTH)(?![\w.]*\s+\d)
    _rule("month", rf"(?P<mon>{_MONTH})(?![\w.]*\s+\d)",
          r"(?:[- ](?:ylrae|etal|dim))?\s+(?P<lead>(?i:"
          + _backwards("in|since|by|until|early|late|earlier|before|after") + "))",
          required=True, at_months=True),
    # (?:(?P<lead>(?i:on|since|...))\s+)?(?P<wd>WEEKDAY)(?:\s+(?:morning|afternoon|evening|night))?\b
    _rule("weekday", rf"(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b",
          r"\s+(?P<lead>(?i:" + _backwards("on|since|by|until|from|last|this|next|late on|early on") + "))"),
    _Rule("relday", re.compile(rf"(?P<rel>{literal_trie(_RELDAY_PHRASES, any_space=True)})\b"),
          caseless=True),
    # (?P<n>NUM)\s+(?P<unit>UNIT)\s+ago\b
    _rule("ago", r"ago\b", rf"\s+(?P<unit>{_UNIT_BACK})\s+(?P<n>{_NUM_BACK})", required=True),
    _rule("for", rf"for\s+(?:(?P<q>over|more than|about|nearly|almost|at least|some|around)\s+)?"
                 rf"(?:(?:the\s+(?:past|last)\s+)?(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\b"),
    # (?P<which>last|this|...)\s+(?P<unit>week|month|year)\b
    _rule("relunit", r"(?P<unit>week|month|year)\b",
          r"\s+(?P<which>" + _backwards("last|this|next|earlier this|later this|the previous|the past|"
                                        "the coming|the following") + ")", required=True),
    # (?P<lead>(?i:in|since|...))\s+(?P<y>(?:19|20)\d{2})\b(?![-/]\d)
    _rule("year", r"(?P<y>(?:19|20)\d{2})\b(?![-/]\d)",
          r"\s+(?P<lead>(?i:" + _backwards("in|since|by|until|during|before|after") + "))", required=True),
)
_MONTH_START = re.compile(_MONTH)

_START_VERB = re.compile(r"\b(?:began|begun|begin|begins|started|start|starts|launched|launch|erupted|broke out|"
                         r"commenced|opened)\b[^.;\n]{0,25}$", re.IGNORECASE)
# "may" only in lower case: "May" is the month ("fighting in late May and in mid-June")
_FUTURE_CUE = re.compile(r"\b(?:will|would|might|(?-i:may)|could|expected|expects|plans?|planned|intends?|"
                         r"aims?|hopes?|should|going to)\b[^.;\n]{0,60}$", re.IGNORECASE)
# A piece of each cue word (no regex can match without one of them, lower-cased, in the text).
_START_HINTS = ("beg", "start", "launch", "erupted", "broke out", "commenced", "opened")
_FUTURE_HINTS = ("will", "would", "might", "may", "could", "expect", "plan", "intend", "aim", "hope", "should",
                 "going to")
_CUT_WORD = re.compile(r"^\w+")
_LEAD_ROLE = {"since": "start", "from": "start", "by": "by", "as of": "by", "until": "by", "till": "by"}


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
    role = _LEAD_ROLE.get(lead, "at")
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
    found: list[tuple[int, int, date, date | None, DatePrecision, str]] = []
    months: list[int] | None = None
    reversed_text = text[::-1]
    context = _Context(text, anchor)
    for rule in _RULES:
        if rule.at_months and months is None:
            months = [m.start() for m in _MONTH_START.finditer(text)]
        for start, end, g in _rule_matches(rule, text, reversed_text, months, context.lower):
            if rule.kind in _NEEDS_LEAD:
                back = _LEAD_BACK.search(text, max(0, start - 30), start)
                if back and back.start() < start:
                    start, g["lead"] = back.start(), back.group("lead")
            try:
                resolved = _resolve(rule.kind, g, anchor)
            except (ValueError, OverflowError, KeyError):
                continue  # "February 31", year 0: not a date
            if resolved is None:
                continue
            day, end_date, precision, role = resolved
            found.append((start, end, day, end_date, precision, context.role(rule.kind, role, day, start)))
    found.sort(key=lambda d: (d[0], d[0] - d[1]))
    out: list[DateMention] = []
    last_end = -1
    for start, end, day, end_date, precision, role in found:
        if start >= last_end:
            out.append(DateMention(start, end, text[start:end], day, end_date, precision, role))
            last_end = end
    return out


def _rule_matches(rule: _Rule, text: str, reversed_text: str, months: list[int] | None, lower: str):
    """(start, end, groups) of each match of *rule*, as ``finditer`` of its forward regex gives them.

    Cores are taken left to right; a core starting inside the previous match is
    skipped, and what precedes a core may not reach back into it either.
    """
    n = len(text)
    done = 0  # end of the previous match
    if rule.caseless:
        cores = rule.core.finditer(lower)
    elif rule.at_months:
        cores = (m for c in months if c >= done and (m := rule.core.match(text, c)))
    else:
        cores = rule.core.finditer(text)
    for m in cores:
        if m.start() < done:
            continue
        start, g = m.start(), m.groupdict()
        if rule.caseless:  # the words as written, not lower-cased
            g = {name: text[slice(*m.span(name))] for name in g}
        if rule.back is not None:
            b = rule.back.match(reversed_text, n - start, n - done)
            if b:
                start = n - b.end()
                for name, (i, j) in ((k, b.span(k)) for k in b.groupdict()):
                    g[name] = text[n - j:n - i] if i >= 0 else None
            elif rule.back_required:
                continue
        done = m.end()
        yield start, done, g


class _Context:
    """The words around the dates of one text, for their roles ("began on August 6": start)."""

    def __init__(self, text: str, anchor: date):
        self.text, self.anchor = text, anchor
        self.lower = case_fold(text)

    def role(self, kind: str, role: str, day: date, start: int) -> str:
        """*role* revised by the words just before *start*: "began on August 6", "might be declared by..."."""
        if role == "at" and self._cue(_START_VERB, _START_HINTS, 9 + 25, start):
            role = "start"
        if day > self.anchor and role != "duration":
            return "future"
        if role in ("at", "by") and kind != "relday" and self._cue(_FUTURE_CUE, _FUTURE_HINTS, 8 + 60, start):
            return "future"
        return role

    def _cue(self, cue: re.Pattern[str], hints: tuple[str, ...], reach: int, start: int) -> bool:
        """Whether *cue* matches the 60 characters before *start* (see _cue_window, _cue_start)."""
        near = self.lower[max(0, start - 60):start]
        if not any(h in near for h in hints):
            return False  # no cue word there: no need to search
        before = _cue_window(self.text, start)
        return cue.search(before, _cue_start(before, reach)) is not None


def _cue_start(before: str, reach: int) -> int:
    """Where in *before* a cue regex (``\\b(?:words)\\b[^.;\\n]{0,N}$``) can start a match.

    The cue is after the last ``.``, ``;`` or line break (``$`` also matches
    before a final line break) and at most *reach* (longest word + N) from the end.
    """
    body = before[:-1] if before.endswith("\n") else before
    after_stop = max(body.rfind("."), body.rfind(";"), body.rfind("\n")) + 1
    return max(after_stop, len(body) - reach)


def _cue_window(text: str, start: int) -> str:
    """The 60 characters before *start*, less a word cut at their left edge (a cut word is no cue)."""
    lo = max(0, start - 60)
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
