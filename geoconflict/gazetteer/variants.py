"""Places by a spelling key: a name the gazetteer romanises another way, looked for among one area's places.

:func:`spelling` reads a name as a linguist compares romanisations (the rules are
:mod:`geoconflict.lang.translit`'s): its *letters* with each sound written one way, and its *key*, those
letters without the vowels the systems disagree on. "Tal Tamer" and "Tall Tamr" share the key ``tltmr``,
"Thiban" and "Dhiban" ``zbn``, "Quamishli" and "Al Qamishli" ``kmshl``.

:func:`spelled_variants` looks a name up among the settlements and second-level units of given first-level
units of one country: those of the same key whose vowels differ in at most :data:`VOWEL_SLIPS` place
(:meth:`Spelling.vowel_slips`: one more in a key of :data:`LONG_KEY` consonants, none in a key of
:data:`MIN_KEY`), or, when none has the key, those whose key differs by a slip (two neighbours swapped, an "h"
written or not: "Namhkan", "Namkan") and whose letters are :data:`SLIP_RATIO` alike. In a country whose names
have one spelling (:data:`~geoconflict.lang.translit.ONE_SPELLING`) only the same letters count. Never
worldwide: the area is the evidence, and a key is short enough to be shared by other names elsewhere.

The index is built per first-level unit on first use, from the primary names of its settlements and
second-level units, folded and keyed in a few passes over them joined (:func:`~geoconflict.text.normalize.fold_many`,
:func:`_spellings`: about 3 µs a place, a quarter of the per-name :func:`~geoconflict.text.normalize.fold` and
:func:`_spelling`, which stay the reference). It holds one key and one letters string per place (about 350
bytes a place with the records of its answers; Donetsk and Kharkiv oblasts, 3,178 places, about 1.1 MB; the 191
units the 1,400 ACLED notes of the benchmark touch, 20,367 places, about 7 MB), and is kept with the gazetteer up
to :data:`PLACES_KEPT` places; the rows of each unit are grouped once per gazetteer (one array, 8 bytes a place:
about 3.4 MB).

Examples
--------
>>> spelling("Tal Tamer") == spelling("Tall Tamr")
False
>>> spelling("Tal Tamer").key == spelling("Tall Tamr").key
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import cast

import numpy as np

from geoconflict.gazetteer.candidates import ADMIN1, ADMIN2, POPULATED_PLACE
from geoconflict.gazetteer.table import GazetteerTable
from geoconflict.lang.translit import (
    ARTICLES,
    ASPIRATION,
    H_FOR_G,
    H_FOR_G_SOUNDS,
    ONE_LETTER_SOUNDS,
    ONE_SPELLING,
    TWO_LETTER_SOUNDS,
    VOWELS,
)
from geoconflict.model import Place
from geoconflict.text.normalize import fold, fold_many

__all__ = ["LONG_KEY", "MIN_KEY", "SHORT_KEY", "SLIP_RATIO", "VOWEL_SLIPS", "Spelling", "spelled_variants", "spelling"]

#: A key of fewer consonants than this says too little to match on by key: such a name (of :data:`SHORT_KEY`
#: consonants, "Al Qaim", "Amadiya") matches only a place of the same letters ("Al Qā’im", "Al ‘Amādīyah").
MIN_KEY = 3
SHORT_KEY = 2
#: Names of one key are spellings of one name when they differ in at most one place of their vowels (a vowel
#: written otherwise, or written in one and not the other: "Twantay"/"Twante", "Tamer"/"Tamr"), two in a key of
#: :data:`LONG_KEY` consonants or more, none in a key of :data:`MIN_KEY` (:meth:`Spelling.vowel_slips`).
VOWEL_SLIPS = 1
LONG_KEY = 6
#: Keys that differ by a slip (:func:`_slip`) match when the letters are this alike, and the key has at least
#: :data:`SLIP_MIN_KEY` consonants.
SLIP_RATIO = 0.85
SLIP_MIN_KEY = 5
#: Places whose spelling the kept unit indexes hold at most, per gazetteer (the least recently used unit goes
#: first): about 350 bytes a place with the records of its answers, so about 35 MB.
PLACES_KEPT = 100_000
#: Names whose spelling is remembered.
SPELLING_CACHE = 1 << 14
#: The memo of each gazetteer's country indexes (:meth:`~geoconflict.gazetteer.table.GazetteerTable.memo`).
_INDEXES = "variants.index"
#: The memo of the answers of :func:`spelled_variants`.
_FOUND = "variants.found"
#: The memo of each gazetteer's rows by first-level unit.
_UNIT_ROWS = "variants.unit_rows"
_DOUBLE = re.compile(r"([a-zC])\1+")
#: A letter of a key (a consonant), where a name's letters are split into its vowels' places.
_CONSONANT = re.compile(f"[^{VOWELS}]")
_NO_VOWELS = str.maketrans("", "", VOWELS)
#: What :func:`_spellings` joins a unit's folded names with (no folded name holds it).
_LINE = "\n"
#: An article word of folded names joined by line breaks (:func:`_spellings`; their words are all letters).
_ARTICLE = re.compile(rf"\b(?:{'|'.join(sorted(ARTICLES))})\b")
#: A final "h" after a vowel (a word's end in a folded name; the look-behind last, faster).
_FINAL_H = re.compile(rf"h(?<=[{VOWELS}]h)\b")


@dataclass(frozen=True)
class Spelling:
    """A name as romanisations are compared: its *letters* (each sound one way, no spaces) and *key* (no vowels)."""

    key: str
    letters: str

    def alike(self, other: Spelling) -> float:
        """How alike the two names' letters are, from 0 to 1 (difflib's ratio)."""
        if self.letters == other.letters:
            return 1.0
        return SequenceMatcher(None, self.letters, other.letters, autojunk=False).ratio()

    def vowel_slips(self, other: Spelling) -> int | None:
        """In how many places between (and around) the consonants of a shared key the two names' vowels differ,
        or None when the keys differ.

        Examples
        --------
        >>> spelling("Twantay").vowel_slips(spelling("Twante")), spelling("Koundougou").vowel_slips(spelling("Kenedougou"))
        (1, 2)
        """
        if self.key != other.key:
            return None
        mine, theirs = _CONSONANT.split(self.letters), _CONSONANT.split(other.letters)
        return sum(a != b for a, b in zip(mine, theirs))


def _spelling(folded: str, country: str | None = None) -> Spelling:
    """The :class:`Spelling` of a name already folded, read as a name of *country* (ISO code) is."""
    words = folded.split()
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES] or words
    letters = "".join(w[:-1] if len(w) > 1 and w[-1] == "h" and w[-2] in VOWELS else w for w in words)
    for two, one in TWO_LETTER_SOUNDS:
        if two in letters:
            letters = letters.replace(two, one)
    letters = letters.translate(ONE_LETTER_SOUNDS)
    if country in H_FOR_G:
        letters = letters.translate(H_FOR_G_SOUNDS)
    letters = _DOUBLE.sub(r"\1", letters)
    return Spelling(letters.translate(_NO_VOWELS), letters)


def _spellings(folded: list[str], country: str | None = None) -> tuple[list[str], list[str]]:
    """The keys and letters of :func:`_spelling` of each of the *folded* names (none holding a line break), in a
    few passes over them joined: the index of a unit's places. :func:`_spelling` is the reference
    (``tests/test_fold_many.py`` holds them equal).

    Examples
    --------
    >>> _spellings(["tall tamr", "al qamishli", "al", "mansurah"])
    (['tltmr', 'kmshl', 'l', 'mnsr'], ['taltamr', 'kamishli', 'al', 'mansura'])
    """
    keys, letters = [""] * len(folded), [""] * len(folded)
    for group in ([i for i, f in enumerate(folded) if f.isascii()], [i for i, f in enumerate(folded) if not f.isascii()]):
        if group:  # (names in ASCII apart: str.translate is fast over ASCII text only)
            joined = _joined_letters(_LINE.join([folded[i] for i in group]), country)
            for i, key, line in zip(group, joined.translate(_NO_VOWELS).split(_LINE), joined.split(_LINE)):
                keys[i], letters[i] = key, line
    return keys, letters


def _joined_letters(text: str, country: str | None) -> str:
    """The letters of :func:`_spelling` of each of the folded names joined by line breaks in *text*, so joined."""
    text = _FINAL_H.sub("", text)
    whole = text.replace(" ", "").split(_LINE)  # (a name all of articles keeps them)
    lines = _ARTICLE.sub("", text).replace(" ", "").split(_LINE)
    for i in [i for i, line in enumerate(lines) if not line and whole[i]]:
        lines[i] = whole[i]
    letters = _LINE.join(lines)
    for two, one in TWO_LETTER_SOUNDS:
        letters = letters.replace(two, one)
    letters = letters.translate(ONE_LETTER_SOUNDS)
    if country in H_FOR_G:
        letters = letters.translate(H_FOR_G_SOUNDS)
    return _DOUBLE.sub(r"\1", letters)


@lru_cache(maxsize=SPELLING_CACHE)
def spelling(name: str, country: str | None = None) -> Spelling:
    """*name*'s :class:`Spelling`, read as a name of *country* (ISO code) is.

    Examples
    --------
    >>> spelling("Thiban"), spelling("Dhiban")
    (Spelling(key='zbn', letters='ziban'), Spelling(key='zbn', letters='ziban'))
    >>> spelling("Al Qamishli").key, spelling("Quamishli").key, spelling("Kishindih").key
    ('kmshl', 'kmshl', 'kshnd')
    >>> spelling("Logvinovo", "UA").key == spelling("Lohvynove", "UA").key
    True
    """
    return _spelling(fold(name), country)


class _UnitIndex:
    """One first-level unit's settlements and units (itself among them) by key: each one's key and letters
    (:func:`_spellings` of their names folded by :func:`~geoconflict.text.normalize.fold_many`)."""

    def __init__(self, table: GazetteerTable, rows: list[int], country: str) -> None:
        self.rows = rows
        self.keys, self.letters = _spellings(fold_many(table._names_of(rows)), country)
        self.by_key: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            self.by_key.setdefault(key, []).append(i)

    def spelling(self, i: int) -> Spelling:
        """The :class:`Spelling` of the *i*-th place."""
        return Spelling(self.keys[i], self.letters[i])


def _unit_rows(table: GazetteerTable) -> dict[int, np.ndarray]:
    """Each first-level unit's row -> the rows of its settlements and second-level units (made once per table:
    views of one sorted array, 8 bytes a place).

    A unit without a polygon whose point is approximate (often its region's own) says nothing of where it is,
    and is left out.
    """
    memo = table.memo(_UNIT_ROWS)
    if not memo:
        _, geom, _, approx, _, _ = table._details()
        base = table._base_rows
        kind, admin1 = table._kind, table._admin1
        keep = np.isin(kind, (POPULATED_PLACE, ADMIN2)) & (admin1 >= 0)
        keep[:base] &= ~((kind[:base] != POPULATED_PLACE) & (geom < 0) & approx.astype(bool))
        rows = np.flatnonzero(keep)
        rows = rows[np.argsort(admin1[rows], kind="stable")]
        cuts = np.flatnonzero(np.diff(admin1[rows])) + 1
        for part in np.split(rows, cuts):
            if len(part):
                memo[int(admin1[part[0]])] = part
    return cast(dict[int, np.ndarray], memo)


def _index(table: GazetteerTable, country: str, unit: str) -> _UnitIndex | None:
    """The index of *country*'s first-level *unit* (by name), built on first use and kept (at most
    :data:`PLACES_KEPT` places in all); None for a unit the gazetteer lacks."""
    memo = table.memo(_INDEXES)
    key = (country, unit)
    found = memo.pop(key, None)
    if found is None:
        code = table._cc_of_code.get(country)
        units = [r for r in table._rows(fold(unit))[0] if r < table._base_rows
                 and table._kind_list[r] == ADMIN1 and table._cc_list[r] == code and table._name(r) == unit]
        if not units:
            return None
        inside = _unit_rows(table)
        found = _UnitIndex(table, [*units, *(r for u in units if u in inside for r in inside[u].tolist())], country)
        held = sum(len(x.rows) for x in memo.values()) + len(found.rows)
        while memo and held > PLACES_KEPT:  # the least recently used go first
            held -= len(memo.pop(next(iter(memo))).rows)
    memo[key] = found  # (last: the most recently used)
    return found


def spelled_variants(table: GazetteerTable, name: str, *, country: str,
                     units: frozenset[str]) -> list[tuple[float, Place]]:
    """The places of *country*'s first-level *units* that *name* is another spelling of, most alike first.

    Those of *name*'s key whose vowels differ in few enough places (see the module); when none, those whose key
    differs by a slip and whose letters are :data:`SLIP_RATIO` alike (keys of :data:`SLIP_MIN_KEY` consonants
    or more). A name of fewer than :data:`MIN_KEY` consonants matches none. Answers are remembered with the
    gazetteer by all they depend on (the name, the country, the units).

    Parameters
    ----------
    table : GazetteerTable
        The gazetteer (its data and memos).
    name : str
        The name as the report spells it.
    country : str
        The ISO code of the country the units are in.
    units : frozenset of str
        The names of its first-level units to look in (as the gazetteer names them).

    Returns
    -------
    list of (float, Place)
        Each place with how alike its letters and *name*'s are (difflib's ratio, 0 to 1); empty when none.

    Examples
    --------
    >>> from geoconflict.gazetteer import Gazetteer
    >>> [(p.name, p.admin1) for _, p in spelled_variants(Gazetteer.default(), "Thiban", country="SY",
    ...                                                     units=frozenset({"Dayr az Zawr"}))]
    [('Dhībān', 'Dayr az Zawr')]
    """
    return table.remembered(_FOUND, (name, country, units),
                            lambda: _find(table, spelling(name, country), country, units), size=SPELLING_CACHE)


def _find(table: GazetteerTable, own: Spelling, country: str, units: frozenset[str]) -> list[tuple[float, Place]]:
    """:func:`spelled_variants`, not memoised."""
    if len(own.key) < SHORT_KEY:
        return []
    one_way = country in ONE_SPELLING  # (only the same letters: an article, accents or a doubled letter apart)
    allowed = 0 if one_way or len(own.key) <= MIN_KEY else VOWEL_SLIPS + (len(own.key) >= LONG_KEY)
    same: list[tuple[float, int]] = []
    slips: list[tuple[float, int]] = []
    for unit in sorted(units):
        index = _index(table, country, unit)
        if index is None:
            continue
        for i in index.by_key.get(own.key, ()):
            other = index.spelling(i)
            differ = own.vowel_slips(other)
            if differ is not None and differ <= allowed:
                same.append((own.alike(other), index.rows[i]))
        if not same and not one_way and len(own.key) >= SLIP_MIN_KEY:
            slips += [(ratio, index.rows[i]) for i, key in enumerate(index.keys)
                      if _slip(own.key, key) and (ratio := own.alike(index.spelling(i))) >= SLIP_RATIO]
    found = same or slips
    places = sorted({row: ratio for ratio, row in found}.items(), key=lambda t: -t[1])
    return [(round(ratio, 3), table.place(row)) for row, ratio in places]


def _slip(a: str, b: str) -> bool:
    """Whether keys *a* and *b* differ by a slip: two neighbouring letters swapped ("Verhknya" for "Verkhnia"),
    or an ``h`` written in one and not in the other (a mark of aspiration or length: "Namhkan", "Namkan").

    Examples
    --------
    >>> _slip("vrhknkrnk", "vrkhnkrnk"), _slip("nmhkn", "nmkn"), _slip("tvrChsk", "tvrsk")
    (True, True, False)
    """
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) != len(short) + 1:
        return False
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return long_[k] == ASPIRATION and short[k:] == long_[k + 1:]
