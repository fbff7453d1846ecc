"""Names as a document writes them: a place named by a part of a longer mention, or by its people.

A mention that is no gazetteer name may still name a place through a part of
it, an institution or event ("Colorado State University", "Dubai World Cup"),
or through an English demonym ("Ohioans", "Texan", "Korean").
:func:`span_ranked` is what document resolution
(:mod:`~geoconflict.gazetteer.context`) ranks each mention with.

Examples
--------
>>> from geoconflict.gazetteer import Gazetteer
>>> gaz = Gazetteer.default()
>>> row, _, reason = span_ranked(gaz, "Dubai World Cup")[0]
>>> gaz.place(row).name, reason.split(":")[0]
('Dubai', "part 'Dubai' of 'Dubai World Cup'")
>>> gaz.place(span_ranked(gaz, "Texan")[0][0]).name
'Texas'
"""

from __future__ import annotations

import re

from geoconflict.errors import InvalidInputError
from geoconflict.gazetteer.candidates import ADMIN1, COUNTRY
from geoconflict.gazetteer.scoring import Ranked, ranked
from geoconflict.gazetteer.table import GazetteerTable

__all__ = ["demonym_ranked", "span_ranked"]

#: longer mentions are not searched for parts
MAX_MENTION_LENGTH = 80
#: a demonym is at least this long, and so is what is left of it without its ending
_MIN_DEMONYM, _MIN_STEM = 4, 3
#: a word of at most this many letters counts as capitalised only in capitals ("US", not "No.")
_SHORT_WORD = 2
_WORD = re.compile(r"[^\W\d_][\w&.'-]*[\w&]|[^\W\d_]")
#: words that name no place on their own in a longer mention ("University of X", "South X"):
#: a part of a mention must have another word; a mention ending in a physical feature or street
#: word names that feature (the "Mississippi River" is not the state), so it takes no part of its name
_NOT_NAMES = frozenset(
    "a an and at for in of on or the to de la le du des del da do st saint san santa mount "
    "university college school institute academy hospital airport international memorial elementary middle high "
    "house senate assembly council court office department ministry police army federal national royal "
    "state city county centre center world cup league club company bank reserve museum church cathedral "
    "library inn estate wing tower union village town station district township twp co "
    "north south east west northern southern eastern western central upper lower greater new old great "
    "air republic kingdom empire province region territory emirate area areas".split()
)
_FEATURE_WORDS = frozenset(
    "river lake ocean sea bay gulf peninsula island islands mountain mountains valley creek canal park "
    "falls point street road avenue boulevard lagoon forest desert plain plains hill hills sound "
    "heights".split()
)
#: English demonym endings and what they replace: Ohio-ans, Minnesota-ns, Texa-n -> Texas,
#: Korea-n, Dagestan-i, Philippine -> Philippines, Abkhaz -> Abkhazia, Serb -> Serbia
_DEMONYM_ENDINGS = (
    ("ians", ("ia", "")), ("ian", ("ia", "")), ("ans", ("", "a")), ("an", ("", "a", "as")),
    ("ns", ("",)), ("n", ("", "s")), ("i", ("",)), ("e", ("es",)), ("z", ("zia",)),
    ("s", ("", "ia")), ("", ("ia",)),  # Czechs -> Czech, Serbs -> Serbia, Croat -> Croatia
)


def span_ranked(gaz: GazetteerTable, name: str, *, limit: int = 10) -> list[Ranked]:
    """Candidates of a name found in a document: :func:`ranked`, else those of a part of it.

    The part is the longest run of capitalised words that is a name (the
    leftmost of equal length), or for a single word, the country or
    first-level division an English demonym ending is taken off.
    """
    try:
        cands = ranked(gaz, name, limit=limit)
    except InvalidInputError:
        return []
    if cands or len(name) > MAX_MENTION_LENGTH:
        return cands
    words = _WORD.findall(name)
    if not words or words[-1].lower() in _FEATURE_WORDS or (len(words) > 1 and words[0].lower() in _FEATURE_WORDS):
        return []
    if len(words) == 1:
        return demonym_ranked(gaz, words[0], limit=limit)
    return _part_ranked(gaz, name, words, limit=limit)


def _part_ranked(gaz: GazetteerTable, name: str, words: list[str], *, limit: int) -> list[Ranked]:
    """Candidates of the longest run of capitalised *words* of *name* that has any, leftmost first."""
    capitalised = [w[:1].isupper() and (len(w) > _SHORT_WORD or w.isupper()) for w in words]
    generic = [w.lower() in _NOT_NAMES or w.lower() in _FEATURE_WORDS for w in words]
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            if not all(capitalised[i:i + n]) or all(generic[i:i + n]):
                continue
            part = " ".join(words[i:i + n])
            cands = ranked(gaz, part, limit=limit) or (demonym_ranked(gaz, part, limit=limit) if n == 1 else [])
            if cands:
                return [(r, sc, f"part {part!r} of {name!r}: {how}") for r, sc, how in cands]
    return []


def demonym_ranked(gaz: GazetteerTable, word: str, *, limit: int) -> list[Ranked]:
    """Countries and first-level divisions *word* is an English demonym of, by its ending."""
    if len(word) < _MIN_DEMONYM or not word[:1].isupper():
        return []
    out: dict[int, tuple[float, str]] = {}
    for suffix, replacements in _DEMONYM_ENDINGS:
        if not word.endswith(suffix) or len(word) - len(suffix) < _MIN_STEM:
            continue
        stem = word[: len(word) - len(suffix)]
        for rep in replacements:
            stem_name = stem + rep
            for r, sc, how in ranked(gaz, stem_name, limit=limit):
                if gaz._kind_list[r] in (COUNTRY, ADMIN1) and (r not in out or sc > out[r][0]):
                    out[r] = (sc, f"demonym {word!r} of {stem_name!r}: {how}")
    best = sorted(out.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(r, sc, how) for r, (sc, how) in best]
