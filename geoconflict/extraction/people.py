"""People a report names: "President Volodymyr Zelensky", "army chief Abdel Fattah al-Burhan".

A person is a title ending with a role word (:data:`geoconflict.lang.en.ROLE_WORDS`),
then a capitalised name of two to four words; or a lower-case role
(:data:`~geoconflict.lang.en.PERSON_LOWER_ROLES`) then a name. Their surnames
keep toponyms from being taken for places, and :mod:`~geoconflict.extraction.sources`
tells by them who says so.

Tried at every position, the titled-person pattern is slow (an optional
demonym and lazy words that match nowhere fast), so :func:`person_matches`
tries it only where a match can start: five times faster, about 6 % of
extraction's time. It keeps its plain form beside it
(:func:`person_matches_reference`), and ``tests/test_extract_fast_forms.py``
holds the two to the same matches on generated text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from geoconflict.extraction.actors import DEMONYM_TRIE, DEMONYM_WORDS
from geoconflict.gazetteer.scanner import STOPWORDS
from geoconflict.lang import en
from geoconflict.lang.trie import literal_trie

__all__ = ["Person", "people"]

# role words and demonyms as tries (faster than their alternations where they fail, which is almost everywhere)
_ROLE_TRIE = literal_trie(w for w in en.ROLE_WORDS if w[0].isupper() and w != en.OF.capitalize())
#: A word of a name after its first: capitalised, or a particle and a word ("al-Burhan", "von der").
_NAME_WORD = rf"(?:[A-Z][\w'’-]+|(?:{en.NAME_PARTICLES})[-\s][A-Z]?[\w'’-]+)"
#: The name after a title: two to four words, the first capitalised (group "name").
_NAME = rf"(?P<name>[A-Z][\w'’-]+(?:\s+{_NAME_WORD}){{1,3}})\b"
#: A title ending with a role word (group "title"), maybe "of" a place, then the name.
PERSON = re.compile(
    r"(?P<title>(?:" + DEMONYM_TRIE + rf"\s+)?(?:(?:[A-Z][\w]*|{en.TITLE_ABBREVIATIONS}|{en.TITLE_JOINERS})\s+)"
    r"{0,5}?" + _ROLE_TRIE + r")"
    rf"(?:\s+{en.OF}\s+(?:{en.THE}\s+)?[A-Z][\w'’-]*(?:\s+(?:{'|'.join(en.TITLE_PLACE_WORDS)}))?)?"
    r"\s+(?!" + _ROLE_TRIE + r"\b)" + _NAME
)
#: A lower-case role before a name: "reporter Jordan Paris", "army chief Abdel Fattah al-Burhan".
PERSON_LOWER = re.compile(r"\b" + literal_trie(en.PERSON_LOWER_ROLES) + r"\s+" + _NAME)


def _role_automaton() -> ahocorasick.Automaton:
    """The lower-case roles of :data:`PERSON_LOWER`, for one pass over a text (each hit: its end and length)."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for role in en.PERSON_LOWER_ROLES:
        automaton.add_word(role)
    automaton.make_automaton()
    return automaton


_LOWER_ROLES = _role_automaton()

# Where a PERSON match can start. Its title ends with a role word followed by white space, then the "of …"
# ("of" and white space) or the name (a capital) (a role word followed by neither, "the Minister said", ends no
# title: the starts before it are not tried; the trie's shorter words are tried by backtracking, "Gen" of "Gen.");
_ROLE_THEN_NAME = re.compile(_ROLE_TRIE + rf"\s+(?:{en.OF}\s|[A-Z])")
# before the role word, the title holds at most 7 pieces each followed by white space (a demonym of
# up to two words, then up to 5 words, none with white space inside);
_TITLE_PIECES = 7
# and it starts with a demonym, a capitalised word, a title ("Gen.") or a role word (each starting
# with A-Z), or with "of" or "the" and white space.
_PERSON_START = re.compile(rf"[A-Z]|(?:{en.TITLE_JOINERS})\s")
# Each piece of a title before its role word is a whole token (no white space inside) but the first,
# which may end one: a title cannot reach left past a token that is no piece.
_TITLE_PIECE = re.compile(rf"[A-Z]\w*|{en.TITLE_ABBREVIATIONS}|{en.TITLE_JOINERS}")
#: What a person's label leaves out of the title: the words before a demonym or a leading title word.
_TITLE_LEAD = re.compile(r"^(?:[A-Z][\w.]*\s+)*?(?=(?:" + DEMONYM_TRIE + rf"|{en.TITLE_LEAD_WORDS})\b)")


@dataclass
class Person:
    """A person named in the report: the full label, the surname, the title and the outlet they spoke to."""

    full: str
    surname: str
    title: str
    outlet: str | None = None
    span: tuple[int, int] = (0, 0)


def _title_start(text: str, role: int) -> int:
    """The leftmost offset a :data:`PERSON` title ending with the role word at *role* can start at."""
    start = role
    for _ in range(_TITLE_PIECES):
        gap = start
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        if gap == start or gap == 0:  # no white space before: the title cannot reach further left
            break
        start = gap
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if not _TITLE_PIECE.fullmatch(text, start, gap):  # the title can start inside this token, not before
            break
    return start


def person_matches(text: str) -> list[re.Match[str]]:
    """:func:`person_matches_reference`, trying the pattern only where a match can start."""
    starts: set[int] = set()
    role = _ROLE_THEN_NAME.search(text)
    while role is not None:
        r = role.start()
        starts.update(m.start() for m in _PERSON_START.finditer(text, _title_start(text, r), r + 1))
        role = _ROLE_THEN_NAME.search(text, r + 1)  # role words may overlap
    found: list[re.Match[str]] = []
    pos = 0
    for p in sorted(starts):
        if p >= pos:
            m = PERSON.match(text, p)
            if m:
                found.append(m)
                pos = m.end()
    return found


def person_matches_reference(text: str) -> list[re.Match[str]]:
    """The :data:`PERSON` matches in *text*."""
    return list(PERSON.finditer(text))


def lower_person_matches(text: str) -> list[re.Match[str]]:
    """:func:`lower_person_matches_reference`, trying the pattern only where a role word starts.

    A match begins with a role of :data:`~geoconflict.lang.en.PERSON_LOWER_ROLES` (its ``\\b`` checked by the
    pattern there); one automaton pass finds where they all start, instead of ``re`` trying the pattern's
    word boundary at every position. As ``finditer``: the leftmost match, then the leftmost from its end.

    Examples
    --------
    >>> [m.group("name") for m in lower_person_matches("said army chief Abdel Fattah al-Burhan on Monday")]
    ['Abdel Fattah al-Burhan']
    """
    found: list[re.Match[str]] = []
    pos = 0
    for start in sorted({end - length + 1 for end, length in _LOWER_ROLES.iter(text)}):
        if start >= pos and (m := PERSON_LOWER.match(text, start)):
            found.append(m)
            pos = m.end()
    return found


def lower_person_matches_reference(text: str) -> list[re.Match[str]]:
    """The :data:`PERSON_LOWER` matches in *text*."""
    return list(PERSON_LOWER.finditer(text))


def people(text: str) -> list[Person]:
    """The people *text* names, each surname once, titled ones first."""
    found: list[Person] = []
    for m in [*person_matches(text), *lower_person_matches(text)]:
        name = m.group("name")
        words = name.split()
        if any(w in en.ROLE_WORDS or w in DEMONYM_WORDS or w.lower() in STOPWORDS for w in words):
            continue
        if any(p.surname == words[-1] for p in found):
            continue
        full = m.group(0).strip() if "title" in m.groupdict() else name
        full = _TITLE_LEAD.sub("", full, count=1)
        title = full[: -len(name)].strip()
        found.append(Person(full, words[-1], title, span=(m.start("name"), m.end("name"))))
    return found
