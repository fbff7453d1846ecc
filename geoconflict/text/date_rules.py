"""Where a text speaks of a date: one rule per kind of date expression, found fast and found plainly.

Each rule stands for one forward regular expression (:attr:`_Rule.plain`),
whose ``finditer`` matches are the rule's matches; :func:`find_expressions_reference`
finds them so. That is slow on long texts (about ten times slower than
:func:`find_expressions` over the benchmark corpora: most of these regexes
begin with an optional lead, "on", "since", "in early", so ``re`` tries a
match at every character). :func:`find_expressions` finds the same matches by
scanning only for each rule's mandatory *core* (a month name, "ago",
"the"...), then matching what may precede it backwards, on the reversed text,
with the rule's *back* regex, spelled backwards (:func:`_backwards`).
Most rules cannot match in most texts: one Aho–Corasick pass over the text's
case fold finds which of the rules' *hints* it holds (``"ago"``, ``"for"`` and a
unit, the weekday names...), and a rule whose hints are missing is not tried
(:func:`_hints_found`; :func:`_may_match` is the plain test). The month rules
are tried only at the month names found (one scan), and the rules whose core
starts with a hint (a year, "last week", a weekday) only where one starts
(:func:`_matches_at`). ``tests/test_dates.py`` and ``tests/test_dates_fast.py``
hold the fast and plain forms equal: on every date shape written out, on the
test reports and on generated text.

Examples
--------
>>> [(kind, start, end) for kind, start, end, _ in find_expressions("Since Monday, and 3 days ago.")]
[('weekday', 0, 12), ('ago', 18, 28)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from geoconflict.lang.en import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from geoconflict.lang.trie import literal_trie
from geoconflict.text.normalize import case_fold

__all__ = ["COUNT_WORDS", "RELDAY_PHRASES", "UNIT_DAYS", "Expression", "Groups", "find_expressions",
           "find_expressions_reference"]

#: a rule's named groups, as ``re.Match.groupdict`` gives them
Groups = dict[str, str | None]
#: a date expression found: its rule's kind, start, end, groups
Expression = tuple[str, int, int, Groups]

#: the counts of date expressions in words ("three days ago", "a couple of weeks"), and their values
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "a couple of": 2}
#: counted units, and their length in days
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
#: "yesterday", "the previous day"... (case-insensitive: see _Rule.caseless)
RELDAY_PHRASES = ("the previous day", "the preceding day", "previous day", "preceding day", "the day before",
                  "yesterday", "today", "tonight", "overnight", "this morning", "this afternoon", "this evening",
                  "last night", "tomorrow", "the next day", "the following day")

_MONTH = "(?:" + "|".join([*MONTHS, *MONTH_ABBREVIATIONS]) + r")\.?"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_NUM = r"(?:\d+|" + "|".join(map(re.escape, COUNT_WORDS)) + ")"
_UNIT = "(?:" + "|".join(UNIT_DAYS) + ")s?"
#: "the end of...": the points of a range an "end" expression names
_EDGES = ("end", "middle", "beginning", "start")
#: the units of "last week", "this month", "the past year"
_RELUNITS = ("week", "month", "year")
#: the first two digits of a year told alone ("in 2023")
_CENTURIES = ("19", "20")
# The lead words of each rule that has some
_END_LEADS = "by|until|before|at|toward|towards"
_MONTH_LEADS = "in|since|by|until|early|late|earlier|before|after"
_WEEKDAY_LEADS = "on|since|by|until|from|last|this|next|late on|early on"
_RELUNIT_LEADS = "last|this|next|earlier this|later this|the previous|the past|the coming|the following"
_YEAR_LEADS = "in|since|by|until|during|before|after"
# A lead word just before a date that takes one ("on August 12"), ending where the date starts
_LEAD_BACK = re.compile(r"(?:\b(?P<lead>(?i:on|since|from|by|until|till|as of|in|early|late|earlier|later|before|"
                        r"after))\s+)?(?:(?:the\s+)?(?:early|late|mid)[- ])?$")
_LEAD_REACH = 30  # characters before a date searched for its lead
_NEEDS_LEAD = frozenset({"iso", "md", "dm", "my"})
_NOT_AFTER_WORD = r"(?<!\w)"  # a lead word must start a word ("Boston Friday" is not "on Friday")


def _alternation(words: str) -> str:
    r"""A regex for any of the ``|``-separated *words*, longest first (a space stands for ``\s+``).

    >>> _alternation("on|late on")
    '(?:late\\s+on|on)'
    """
    spelled = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words.split("|"), key=len, reverse=True))
    return "(?:" + "|".join(spelled) + ")"


def _lead(words: str, *, caseless: bool, name: str = "lead") -> str:
    """A plain regex for a lead word of *words* (``|``-separated), starting a word, as group *name*."""
    alternation = _alternation(words)
    return rf"{_NOT_AFTER_WORD}(?P<{name}>" + (f"(?i:{alternation})" if caseless else alternation) + ")"


def _backwards(words: str) -> str:
    r"""A regex for any of the ``|``-separated *words* spelled backwards (a space stands for ``\s+``).

    Longest first: matched leftwards from a date, the longest word is the one
    starting leftmost, the one a forward regex (trying every start from the left) finds.
    The word must start a word ("Boston Friday" is not "on Friday").

    >>> _backwards("on|late on")
    '(?:no\\s+etal|no)(?!\\w)'
    """
    return _alternation("|".join(w[::-1] for w in words.split("|"))) + r"(?!\w)"


@dataclass(frozen=True)
class _Rule:
    r"""One kind of date expression, found as a *core* plus what may precede it.

    Each rule matches what its *plain* forward regex would (scanned with
    ``finditer``), but the scan only looks for the core, whose first token
    is mandatory and literal (a month name, "ago", "the"...), so that ``re``
    skips to it instead of trying a match at every character. What precedes
    the core is then matched backwards, on the reversed text, by *back*.

    Attributes
    ----------
    kind : str
        What :func:`~geoconflict.text.dates.find_dates` is told.
    core : re.Pattern
        The mandatory part, matched forwards.
    plain : re.Pattern
        The whole expression, forwards: the reference.
    back : re.Pattern or None
        What comes before the core, spelled backwards; its groups are read in
        the text the right way round.
    back_inside : re.Pattern or None
        *back* followed by one more character: matched with that character
        beyond the window it may match in, so that its look-arounds see the
        character, and it does not take it.
    back_required : bool
        Whether the core alone is no match.
    at_months : bool
        Match the core only where a month name starts (one shared scan), not by
        scanning the text for it.
    caseless : bool
        A case-insensitive rule: its *core* is lower-case and scanned in the
        text's :func:`~geoconflict.text.normalize.case_fold` (``re`` skips to the first
        letters of a lower-case regex, not of a ``(?i)`` one).
    at_hints : bool
        The core starts with a string of the first group of *hints*: it is
        matched only where one starts in the case fold (:func:`_matches_at`),
        not by scanning the text for it.
    hints : tuple of tuple of str
        Every match of the core holds one string of each of these groups, in
        lower case (so each is in the text's case fold where the core matches):
        where a group has none in the case fold, the rule is not tried (all the
        rules' hints are looked for in one pass, cheaper than starting a scan
        per rule: :func:`_hints_found`). Empty: always tried.
    """

    kind: str
    core: re.Pattern[str]
    plain: re.Pattern[str]
    back: re.Pattern[str] | None = None
    back_inside: re.Pattern[str] | None = None
    back_required: bool = False
    at_months: bool = False
    caseless: bool = False
    at_hints: bool = False
    hints: tuple[tuple[str, ...], ...] = ()


def _rule(kind: str, core: str, plain: str, back: str | None = None, *, required: bool = False,
          at_months: bool = False, at_hints: bool = False, hints: tuple[tuple[str, ...], ...] = ()) -> _Rule:
    return _Rule(kind, re.compile(core), re.compile(plain), re.compile(back) if back else None,
                 re.compile(rf"(?:{back})(?=[\s\S])") if back else None, required, at_months,
                 at_hints=at_hints, hints=hints)


_WEEKDAY_BACK = _backwards("|".join(WEEKDAYS))
_NUM_BACK = r"(?:\d+|" + _backwards("|".join(COUNT_WORDS))[3:]
_UNIT_BACK = r"s?" + _backwards("|".join(UNIT_DAYS))
_MD_CORE = (rf"(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?P<y>\d{4})\b)?(?!\s*(?:km|kilomet|mile|%|percent))")
_DM_CORE = rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?"
_END_CORE = (rf"the\s+(?P<edge>{'|'.join(_EDGES)})\s+of\s+"
             rf"(?:(?P<this>this|next|the)\s+(?P<unit>year|month|week)|(?P<mon>{_MONTH})(?:\s+(?P<y2>\d{{4}}))?"
             r"|(?P<y>\d{4}))\b")
_MONTH_CORE = rf"(?P<mon>{_MONTH})(?![\w.]*\s+\d)"
_WEEKDAY_CORE = rf"(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b"
_RELDAY_CORE = rf"(?P<rel>{literal_trie(RELDAY_PHRASES, any_space=True)})\b"
_FOR_CORE = (rf"for\s+(?:(?P<q>over|more than|about|nearly|almost|at least|some|around)\s+)?"
             rf"(?:(?:the\s+(?:past|last)\s+)?(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\b")
_RELUNIT_CORE = rf"(?P<unit>{'|'.join(_RELUNITS)})\b"
_YEAR_CORE = rf"(?P<y>(?:{'|'.join(_CENTURIES)})\d{{2}})\b(?![-/]\d)"
#: the weekday names in lower case, and the longest word of each relative day ("previous", "night"...)
_WEEKDAY_HINTS = tuple(w.lower() for w in WEEKDAYS)
_RELDAY_WORDS = {max(p.split(), key=len) for p in RELDAY_PHRASES}
_RELDAY_HINTS = tuple(sorted(w for w in _RELDAY_WORDS if not any(v != w and v in w for v in _RELDAY_WORDS)))


# In this order: ties in the overlap resolution keep it.
_RULES: tuple[_Rule, ...] = (
    _rule("iso", r"-(?P<m>\d{2})-(?P<d>\d{2})\b", r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b",
          r"(?P<y>\d{4})(?!\d)", required=True, hints=(("-",),)),
    _rule("md", _MD_CORE, rf"(?:{_NOT_AFTER_WORD}{_WEEKDAY},?\s+)?{_MD_CORE}", rf"\s+,?{_WEEKDAY_BACK}",
          at_months=True),
    _rule("dm", _DM_CORE,
          rf"(?:{_NOT_AFTER_WORD}{_WEEKDAY},?\s+)?(?:the\s+)?(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
          + _DM_CORE,
          rf"\s+(?:fo\s+)?(?:ts|dn|dr|ht)?(?P<d>\d{{1,2}})(?!\d)(?:\s+eht)?(?:\s+,?{_WEEKDAY_BACK})?",
          required=True, at_months=True),
    _rule("end", _END_CORE, _lead(_END_LEADS, caseless=False) + r"\s+" + _END_CORE,
          r"\s+(?P<lead>" + _backwards(_END_LEADS) + ")", required=True, hints=(_EDGES,)),
    _rule("my", rf"(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b", rf"(?P<mon>{_MONTH})\s+(?P<y>\d{{4}})\b", at_months=True),
    _rule("month", _MONTH_CORE,
          _lead(_MONTH_LEADS, caseless=True) + r"\s+(?:(?:early|late|mid)[- ])?" + _MONTH_CORE,
          r"(?:[- ](?:ylrae|etal|dim))?\s+(?P<lead>(?i:" + _backwards(_MONTH_LEADS) + "))",
          required=True, at_months=True),
    _rule("weekday", _WEEKDAY_CORE, rf"(?:{_lead(_WEEKDAY_LEADS, caseless=True)}\s+)?" + _WEEKDAY_CORE,
          r"\s+(?P<lead>(?i:" + _backwards(_WEEKDAY_LEADS) + "))", at_hints=True, hints=(_WEEKDAY_HINTS,)),
    _Rule("relday", re.compile(_RELDAY_CORE), re.compile(rf"(?i:(?P<rel>{_alternation('|'.join(RELDAY_PHRASES))}))\b"),
          caseless=True, hints=(_RELDAY_HINTS,)),
    _rule("ago", r"ago\b", rf"{_NOT_AFTER_WORD}(?P<n>\d+|{_alternation('|'.join(COUNT_WORDS))})\s+"
                           rf"(?P<unit>{_UNIT})\s+ago\b",
          rf"\s+(?P<unit>{_UNIT_BACK})\s+(?P<n>{_NUM_BACK})", required=True, hints=(("ago",),)),
    _rule("for", _FOR_CORE, _FOR_CORE, hints=(("for",), tuple(UNIT_DAYS))),
    _rule("relunit", _RELUNIT_CORE, _lead(_RELUNIT_LEADS, caseless=False, name="which") + r"\s+" + _RELUNIT_CORE,
          r"\s+(?P<which>" + _backwards(_RELUNIT_LEADS) + ")", required=True, at_hints=True, hints=(_RELUNITS,)),
    _rule("year", _YEAR_CORE, _lead(_YEAR_LEADS, caseless=True) + r"\s+" + _YEAR_CORE,
          r"\s+(?P<lead>(?i:" + _backwards(_YEAR_LEADS) + "))", required=True, at_hints=True, hints=(_CENTURIES,)),
)
_MONTH_START = re.compile(_MONTH)


def find_expressions(text: str, lower: str | None = None) -> Iterator[Expression]:
    """Every date expression of *text*, rule by rule: ``(kind, start, end, groups)``.

    Within a rule, matches are those ``finditer`` of its plain regex gives, a
    lead word just before a date that takes one counted in ("on August 12").

    Parameters
    ----------
    text : str
    lower : str, optional
        ``case_fold(text)``, when the caller has it.

    Yields
    ------
    (str, int, int, dict)
        The rule's kind, the start and end of the expression, its named groups
        (a group of the part before the core that did not match may be absent).
    """
    lower = case_fold(text) if lower is None else lower
    reversed_text = text[::-1]
    months = [m.start() for m in _MONTH_START.finditer(text)]
    found = _hints_found(lower)
    for rule in _RULES:
        if rule.at_months:
            if not months:
                continue  # no month name: no match
        elif (need := _HINT_MASKS[rule.kind]) and found & need != need:
            continue  # a group of the rule's hints missing: no match
        for start, end, g in _rule_matches(rule, text, reversed_text, months, lower):
            yield rule.kind, _with_lead(rule.kind, text, start, g), end, g


def _hint_automaton() -> tuple[ahocorasick.Automaton, dict[str, int]]:
    """The automaton of the rules' hints, and each rule's bits (0: a rule without hints).

    Each group of each rule has a bit; each hint string carries the bits of the groups it is in.
    """
    bits: dict[str, int] = {}
    masks: dict[str, int] = {}
    bit = 1
    for rule in _RULES:
        masks[rule.kind] = 0
        for group in rule.hints:
            for hint in group:
                bits[hint] = bits.get(hint, 0) | bit
            masks[rule.kind] |= bit
            bit <<= 1
    automaton = ahocorasick.Automaton()
    for hint, of in bits.items():
        automaton.add_word(hint, of)
    automaton.make_automaton()
    return automaton, masks


_HINTS, _HINT_MASKS = _hint_automaton()


def _hints_found(lower: str) -> int:
    """The bits of the rules' hint groups that have a string in *lower* (the case fold): one automaton pass."""
    found = 0
    for _, of in _HINTS.iter(lower):
        found |= of
    return found


def _may_match(rule: _Rule, lower: str) -> bool:
    """Whether *lower* (a text's case fold) holds one of each group of *rule*'s hints, plainly.

    The reference of :func:`_hints_found`; a rule without hints may always match.
    """
    for group in rule.hints:
        for hint in group:
            if hint in lower:
                break
        else:
            return False
    return True


def _cores(rule: _Rule, text: str, months: list[int], lower: str) -> Iterator[re.Match[str]]:
    """The matches of *rule*'s core: in the case fold, at month names, where its hints start, or anywhere.

    At month names, a core starting inside the previous match of the rule is
    passed over by :func:`_rule_matches` (which skips it in any case).
    """
    if rule.caseless:
        return rule.core.finditer(lower)
    if rule.at_months:
        return (m for c in months if (m := rule.core.match(text, c)))
    if rule.at_hints:
        return _matches_at(rule.core, text, _starts(lower, rule.hints[0]))
    return rule.core.finditer(text)


def _starts(lower: str, words: tuple[str, ...]) -> list[int]:
    """Where each of *words* starts in *lower*, in order (a few ``str.find`` calls: cheaper than a regex scan)."""
    found: list[int] = []
    for word in words:
        at = lower.find(word)
        while at >= 0:
            found.append(at)
            at = lower.find(word, at + 1)
    found.sort()
    return found


def _matches_at(core: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``core.finditer(text)``, tried only at *starts*, every place where a match of *core* can start.

    As ``finditer``: the leftmost match, then the leftmost from its end on
    (``tests/test_dates_fast.py`` holds the two equal).
    """
    end = 0
    for at in starts:
        if at >= end and (m := core.match(text, at)):
            end = m.end()
            yield m


def find_expressions_reference(text: str) -> Iterator[Expression]:
    """:func:`find_expressions` done plainly: ``finditer`` of each rule's plain regex (slow)."""
    for rule in _RULES:
        for m in rule.plain.finditer(text):
            g = m.groupdict()
            yield rule.kind, _with_lead_plain(rule.kind, text, m.start(), g), m.end(), g


def _with_lead(kind: str, text: str, start: int, g: Groups) -> int:
    """:func:`_with_lead_plain`, searching only where a lead can end: before *start* a separator after a letter.

    A lead ("on", "since"...) or an "early"/"late"/"mid" ends in a letter and is
    followed by white space or, for the latter, a hyphen; without both there,
    the search could only find the empty match. (After a line break, ``$``
    also matches before it: that is left to the plain search.)
    """
    if kind not in _NEEDS_LEAD or start == 0:
        return start
    i = start - 1
    if text[i] == "\n":
        return _with_lead_plain(kind, text, start, g)
    if text[i] == "-":
        i -= 1
    elif text[i].isspace():
        while i > 0 and text[i].isspace():
            i -= 1
    else:
        return start
    if i < 0 or not text[i].isalpha():
        return start
    return _with_lead_plain(kind, text, start, g)


def _with_lead_plain(kind: str, text: str, start: int, g: Groups) -> int:
    """Where an expression of *kind* at *start* starts with its lead word, which goes into *g*."""
    if kind in _NEEDS_LEAD:
        back = _LEAD_BACK.search(text, max(0, start - _LEAD_REACH), start)
        if back and back.start() < start:
            start, g["lead"] = back.start(), back.group("lead")
    return start


def _rule_matches(rule: _Rule, text: str, reversed_text: str, months: list[int], lower: str
                  ) -> list[tuple[int, int, Groups]]:
    """(start, end, groups) of each match of *rule*, as ``finditer`` of its plain regex gives them.

    Cores are taken left to right; a core starting inside the previous match is
    skipped, and what precedes a core may not reach back into it either (but
    "Seplate" is not "late" after a match ending with "Sep": a lead word must
    start a word).
    """
    n = len(text)
    done = 0  # end of the previous match
    found: list[tuple[int, int, Groups]] = []
    back, back_inside = rule.back, rule.back_inside
    for m in _cores(rule, text, months, lower):
        start = m.start()
        if start < done:
            continue
        b = None
        if back is not None and back_inside is not None:
            # what precedes the core ends where the previous match does, but the look-arounds there
            # see the previous match's last character, as the plain regex's look-behinds do
            b = back_inside.match(reversed_text, n - start, n - done + 1) if done else back.match(reversed_text, n - start)
            if b is None and rule.back_required:
                continue
        g = m.groupdict()
        if rule.caseless:  # the words as written, not lower-cased
            g = {name: text[slice(*m.span(name))] for name in g}
        if b is not None:
            start = n - b.end()
            for name in b.re.groupindex:
                i, j = b.span(name)
                g[name] = text[n - j:n - i] if i >= 0 else None
        done = m.end()
        found.append((start, done, g))
    return found
