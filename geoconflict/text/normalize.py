"""Place-name normalisation shared by the gazetteer build and its look-ups.

Two forms are used:

* :func:`fold` turns a name into a *look-up key*: case-folded, diacritics
  removed, Cyrillic transliterated to Latin, apostrophes dropped, punctuation
  to spaces, and common transliteration variants merged (``-skiy``/``-sky``/
  ``-skij``/``-skii``/``-ський``/``-ский`` all become ``-sky``, ``j`` becomes
  ``y``, ``ia``/``iu`` become ``ya``/``yu``, doubled letters are single:
  Odessa/Odesa).  The build script indexes every
  name of every place under this key and :meth:`Gazetteer.search` folds the
  query the same way, so the two always agree.
* :func:`scan_fold` maps a text *character by character* (lower case, accents
  stripped, apostrophe variants unified) so that offsets into the result are
  offsets into the original text; the Aho-Corasick scanner runs on it.

:func:`parse_query` strips descriptor words ("the city of X", "X region",
"X district", "the X direction") and reports which kind of place they imply.

Examples
--------
>>> fold("Харків") == fold("Kharkiv")
True
>>> fold("Sudzhanskiy") == fold("Sudzhansky") == fold("Суджанский")
True
>>> parse_query("the Glushkovsky district")
ParsedQuery(key='glushkovsky', kind='admin2', descriptor='district', full='glushkovsky district')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from geoconflict.lang.en import ADMIN1_WORDS, ADMIN2_WORDS, PLACE_WORDS

__all__ = ["ParsedQuery", "fold", "fold_many", "is_word_char", "parse_query", "scan_fold", "stable_hash"]

# Latin letters whose diacritic carries a sound that English spelling writes
# with two letters (Sudža -> Sudzha); the rest lose their accent.
_LATIN_SPECIAL = {
    "ž": "zh", "š": "sh", "č": "ch", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o",
    "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŭ": "u",
}
_CYR_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ј": "y",
    "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "d", "џ": "dz", "ѓ": "g", "ќ": "k",
}
# Russian-style and Ukrainian-style readings of the letters that differ.
_CYR_RU = str.maketrans({**_CYR_COMMON, "г": "g", "и": "i"})
_CYR_UK = str.maketrans({**_CYR_COMMON, "г": "h", "и": "y"})
_UK_MARKERS = frozenset("іїєґ")
_APOSTROPHES = "'’ʼ‘`´ʹʻ\"″“”«»"
_PRE = str.maketrans({**_LATIN_SPECIAL, **{c: "" for c in _APOSTROPHES}})
_NON_WORD = re.compile(r"[\W_]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_SUFFIX_SKY = re.compile(r"sk(?:iy|yy|yi|ii|i|y|oy)\b")
_SUFFIX_Y = re.compile(r"(?:iy|yy|yi|ii)(?<=\w{4})\b")  # (after two word characters: the look-behind last, faster)

_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")
#: folded names and parsed queries kept (each function its own cache)
_CACHE_SIZE = 65536
#: stable_hash: a 64-bit BLAKE2b digest, shifted to 63 bits (a non-negative int64)
_HASH_BYTES = 8


def _latin(text: str) -> str:
    """The spellings :func:`fold` merges in a name left in Latin letters (or in names joined by line breaks)."""
    text = text.replace("j", "y").replace("ia", "ya").replace("iu", "yu")
    return _SUFFIX_Y.sub("y", _SUFFIX_SKY.sub("sky", _DOUBLE.sub(r"\1", text)))


def _strip_marks(text: str) -> str:
    if text.isascii():  # nothing to strip
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=_CACHE_SIZE)
def fold(name: str) -> str:
    """Return the look-up key of a place name.

    Parameters
    ----------
    name : str
        Any spelling of a place name, in any script.

    Returns
    -------
    str
        Lower-case key with single spaces; empty when nothing word-like remains.

    Examples
    --------
    >>> fold("Pokrovs'k"), fold("Покровськ"), fold("Kyjiv")
    ('pokrovsk', 'pokrovsk', 'kyiv')
    """
    text = unicodedata.normalize("NFKC", name).casefold().translate(_PRE)
    if _HAS_CYRILLIC.search(text):
        table = _CYR_UK if _UK_MARKERS.intersection(text) else _CYR_RU
        text = text.translate(table)
    text = _strip_marks(text)
    text = _NON_WORD.sub(" ", text).strip()
    return _latin(text) if text.isascii() else text


#: :func:`fold` without its cache (:func:`fold_many`'s names would push a report's out of it).
_fold_uncached = fold.__wrapped__
#: What :func:`fold_many` joins names with: a line break, which no name holds and folding reads as a word's end.
_LINE = "\n"
#: Non-word characters but the line break (``_NON_WORD`` across joined names), and the spaces a line break takes
#: with it (``str.strip`` of each name).
_NON_WORD_IN_LINES = re.compile(r"(?:[^\w\n]|_)+")
_SPACES = re.compile(" {2,}")
#: ``str.translate`` table of :func:`fold_many` for names in ASCII, lower-cased: the apostrophes dropped (as
#: ``_PRE`` does), every other character but a letter, a digit and the line break a space (as ``_NON_WORD``).
_ASCII_WORDS = str.maketrans({chr(c): (None if chr(c) in _APOSTROPHES else " ") for c in range(128)
                              if not (chr(c).isalnum() or chr(c) == _LINE)})


class _MarkTable(dict):
    """``str.translate`` table of :func:`fold_many`: code point -> None for a combining mark, else itself."""

    __slots__ = ()

    def __missing__(self, code: int) -> int | None:
        kept = self[code] = None if unicodedata.combining(chr(code)) else code
        return kept


_MARKS = _MarkTable()


def fold_many(names: list[str]) -> list[str]:
    """:func:`fold` of each of *names*, in a few passes over them joined (a region's places, for an index).

    Each step of :func:`fold` reads one character, or one name, at a time: this takes them over the names
    joined by line breaks, the names in ASCII apart from the others (their case and punctuation in one
    ``str.translate``), and applies a per-name step only to the names it concerns (Cyrillic read the Ukrainian
    or Russian way, the spellings merged only in names left in Latin letters). Not cached. :func:`fold` is the
    reference (``tests/test_fold_many.py`` holds them equal); a name holding a line break is folded by it.

    Examples
    --------
    >>> fold_many(["Pokrovs'k", "Покровськ", "Kyjiv", "Ḩalab", " "])
    ['pokrovsk', 'pokrovsk', 'kyiv', 'halab', '']
    """
    out = [""] * len(names)
    ascii_at: list[int] = []
    other_at: list[int] = []
    for i, name in enumerate(names):
        if _LINE in name:
            out[i] = _fold_uncached(name)
        else:
            (ascii_at if name.isascii() else other_at).append(i)
    if ascii_at:
        text = _LINE.join([names[i] for i in ascii_at]).lower().translate(_ASCII_WORDS)
        text = _SPACES.sub(" ", text).replace(" \n", _LINE).replace("\n ", _LINE).strip(" ")
        for i, folded in zip(ascii_at, _latin(text).split(_LINE)):
            out[i] = folded
    if other_at:
        for i, folded in zip(other_at, _fold_others([names[i] for i in other_at])):
            out[i] = folded
    return out


def _fold_others(names: list[str]) -> list[str]:
    """:func:`fold_many` of names not in ASCII, none holding a line break."""
    text = unicodedata.normalize("NFKC", _LINE.join(names)).casefold().translate(_PRE)
    own: dict[int, str] = {}  # names folded one by one: the reading of Cyrillic depends on each name's letters
    if _HAS_CYRILLIC.search(text):
        own = {i: _fold_uncached(names[i]) for i, line in enumerate(text.split(_LINE)) if _HAS_CYRILLIC.search(line)}
    text = unicodedata.normalize("NFD", text).translate(_MARKS)
    text = _NON_WORD_IN_LINES.sub(" ", text).replace(" \n", _LINE).replace("\n ", _LINE).strip(" ")
    lines = text.split(_LINE)
    latin_at = [i for i, line in enumerate(lines) if line.isascii() and i not in own]
    for i, line in zip(latin_at, _latin(_LINE.join([lines[i] for i in latin_at])).split(_LINE)):
        lines[i] = line
    for i, line in own.items():
        lines[i] = line
    return lines


def _scan_char(c: str) -> str:
    if c in _APOSTROPHES:
        return "'"
    low = c.lower()
    if len(low) != 1:
        return c
    base = _strip_marks(low)
    return base if len(base) == 1 else low


class _ScanTable(dict):
    """``str.translate`` table of :func:`scan_fold`: code point -> folded character, filled on first use."""

    __slots__ = ()

    def __missing__(self, code: int) -> str:
        folded = self[code] = _scan_char(chr(code))
        return folded


_SCAN_TABLE = _ScanTable()
# the ASCII characters that scan_fold changes other than by lower-casing
_ASCII_QUOTES = str.maketrans({c: "'" for c in _APOSTROPHES if c.isascii() and c != "'"})


def scan_fold(text: str) -> str:
    """Lower-case *text* and strip accents one character at a time.

    The result has exactly the length of *text*, so a match at ``[i:j]`` in
    the result is the surface ``text[i:j]``.  Each character is mapped on its
    own (apostrophe variants to ``'``; else lower-cased when that gives one
    character, then its accents stripped when that leaves one character), so
    ``scan_fold(text[i:j]) == scan_fold(text)[i:j]``.

    Examples
    --------
    >>> scan_fold("Sudža’s"), len(scan_fold("İstanbul")) == len("İstanbul")
    ("sudza's", True)
    >>> scan_fold('ŞIRNAK "Ärzte" ǅ')
    "sirnak 'arzte' ǆ"
    """
    if text.isascii():  # ASCII lower-casing is one character for one
        low = text.lower()
        return low.translate(_ASCII_QUOTES) if '"' in low or "`" in low else low
    return text.translate(_SCAN_TABLE)


_ASCII_LOOKALIKES = str.maketrans("İıſ\u212a", "iisk")


def case_fold(text: str) -> str:
    """*text* in lower case, of the same length, where a lower-case ASCII word occurs wherever ``re.IGNORECASE`` finds it.

    Under ``re.IGNORECASE`` an ASCII letter matches its two cases and, besides,
    only "İ", "ı" (i), "ſ" (s) and the Kelvin sign (k): those are mapped first
    ("İ" would otherwise lower to two characters). Every other character
    keeps its length and its ``\\w`` class. So a lower-case pattern matched in
    the result finds what its ``(?i)`` form finds in *text*, at the same offsets.

    Examples
    --------
    >>> case_fold("İSTANBUL Yesterday")
    'istanbul yesterday'
    """
    if "İ" in text or "ı" in text or "ſ" in text or "\u212a" in text:
        text = text.translate(_ASCII_LOOKALIKES)
    return text.lower()


def stable_hash(key: str) -> int:
    """63-bit hash of a key, the same in every process (unlike :func:`hash`).

    Examples
    --------
    >>> stable_hash("kursk") == stable_hash("kursk")
    True
    """
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=_HASH_BYTES).digest(), "little") >> 1


# Descriptor words, as folded keys (geoconflict.lang.en), and the kind of place each implies.
_TRAILING = sorted(
    [(w, "admin1") for w in ADMIN1_WORDS]
    + [(w, "admin2") for w in ADMIN2_WORDS]
    + [(w, "populated_place") for w in PLACE_WORDS]
    + [("direction", "populated_place"), ("axis", "populated_place"), ("front", None)]
    + [("co", "admin2")],  # the press abbreviation of County ("Platte Co."): a descriptor, never a name part
    key=lambda wk: -len(wk[0]),
)
_LEADING = sorted(
    [(f"{w} of", k) for w, k in _TRAILING if k is not None]
    + [(w, k) for w, k in _TRAILING if k == "populated_place" and w not in ("direction", "axis")],
    key=lambda wk: -len(wk[0]),
)
_ARTICLES = ("the ",)
# the same, as word tuples -> (word, kind), for look-ups by the first or last words of a key
_TRAILING_WORDS = {tuple(w.split()): (w, k) for w, k in reversed(_TRAILING)}
_LEADING_WORDS = {tuple(w.split()): (w, k) for w, k in reversed(_LEADING)}
_MAX_WORDS = max(len(w) for w in (*_TRAILING_WORDS, *_LEADING_WORDS))


@dataclass(frozen=True)
class ParsedQuery:
    """A folded query with its descriptor words taken off.

    Attributes
    ----------
    key : str
        The folded name without descriptor words (``"kursk"``).
    kind : str or None
        The :class:`~geoconflict.model.PlaceKind` value the descriptor implies.
    descriptor : str or None
        The descriptor word found (``"region"``).
    full : str
        The folded query without a leading article (``"kursk region"``), which
        is looked up too: some names contain their descriptor.
    """

    key: str
    kind: str | None
    descriptor: str | None
    full: str


@lru_cache(maxsize=_CACHE_SIZE)
def parse_query(name: str) -> ParsedQuery:
    """Fold *name* and strip descriptor words around it.

    Examples
    --------
    >>> parse_query("Kursk region").kind, parse_query("the city of Kyiv").key
    ('admin1', 'kyiv')
    >>> parse_query("Сумська область").key
    'sumska'
    """
    full = fold(name)
    for art in _ARTICLES:
        if full.startswith(art):
            full = full[len(art):]
    key, kind, descriptor = full, None, None
    words = full.split(" ")
    # the longest descriptor first, as word tuples (a longer matching suffix has more words)
    for n in range(min(_MAX_WORDS, len(words) - 1), 0, -1):
        hit = _TRAILING_WORDS.get(tuple(words[-n:]))
        if hit is not None:
            word, k = hit
            key, kind, descriptor = key[: -len(word) - 1].strip(), k, word
            break
    else:
        for n in range(min(_MAX_WORDS, len(words) - 1), 0, -1):
            hit = _LEADING_WORDS.get(tuple(words[:n]))
            if hit is not None:
                word, k = hit
                key, kind, descriptor = key[len(word) + 1:].strip(), k, word.removesuffix(" of")
                break
    for art in _ARTICLES:
        if key.startswith(art):
            key = key[len(art):]
    if not key:
        key, kind, descriptor = full, None, None
    return ParsedQuery(key=key, kind=kind, descriptor=descriptor, full=full)


def is_word_char(char: str) -> bool:
    """Whether *char* is a word character as ``\\w`` and ``\\b`` read one in a str pattern (alphanumeric, or "_").

    Examples
    --------
    >>> [is_word_char(c) for c in "a_9 -é"]
    [True, True, True, False, False, True]
    """
    return char.isalnum() or char == "_"
