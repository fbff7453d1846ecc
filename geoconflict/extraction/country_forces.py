"""A country's forces named by its name: "South Sudan's army", "Nigeria's air force", "Nigeria military jets".

Reporters name a state's forces by its adjective ("the Sudanese army") or by the country's possessive ("Sudan's
army"); the library names both sides alike, by the demonym ("Sudanese forces":
:func:`~geoconflict.extraction.actors.side_name`). In a masked sentence the country is a place token, and its
forces read as a bare noun ("⟦0⟧'s army" → "army"). :func:`respelled` writes the country's demonym in the token's
place when a noun of a state's forces follows its possessive, or follows the name itself where no preposition
governs it (:data:`geoconflict.lang.en.COUNTRY_FORCES`, :data:`~geoconflict.lang.en.COUNTRY_GOVERNED`), so that
the actors are read as if the reporter had written "South Sudanese army"; the country named as who acted is never
the event's place. The country's demonym is that of :data:`geoconflict.lang.en.STATE_DEMONYMS`, else its one
demonym in :data:`geoconflict.lang.en.DEMONYMS`; a country without one is left as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geoconflict.lang import en
from geoconflict.model import PlaceKind

if TYPE_CHECKING:
    from geoconflict.extraction.document import Document

__all__ = ["Respelled", "country_code", "respelled", "respelled_in", "state_demonym"]

#: A place token followed by the possessive of a state's forces or by their noun: "⟦0⟧'s army", "⟦0⟧ military"
#: (group 1 the token's number).
_POSSESSED = re.compile(r"⟦(\d+)⟧(?=" + en.COUNTRY_FORCES.pattern + ")")
#: The possessive's spellings.
_POSSESSIVES = ("'s", "’s")
#: How many characters before a token :data:`~geoconflict.lang.en.COUNTRY_GOVERNED` is looked for.
_GOVERNED_WINDOW = 12


def _demonyms() -> dict[str, str]:
    """Each country's demonym for its forces: :data:`~geoconflict.lang.en.STATE_DEMONYMS`, else the one
    :data:`~geoconflict.lang.en.DEMONYMS` gives it (those of stateless peoples left out)."""
    found: dict[str, list[str]] = {}
    for word, code in en.DEMONYMS.items():
        if word not in en.STATELESS_DEMONYMS:
            found.setdefault(code, []).append(word)
    return {code: en.STATE_DEMONYMS.get(code, words[0]) for code, words in found.items()
            if len(words) == 1 or code in en.STATE_DEMONYMS}


_STATE_DEMONYM = _demonyms()


def state_demonym(code: str | None) -> str | None:
    """The demonym that names the state forces of country *code* (ISO 3166 alpha-2), if the vocabulary has one.

    Examples
    --------
    >>> state_demonym("SS"), state_demonym("MM"), state_demonym("US"), state_demonym("XX")
    ('South Sudanese', 'Myanmar', 'US', None)
    """
    return _STATE_DEMONYM.get(code) if code else None


@dataclass(frozen=True)
class Respelled:
    """A masked sentence with its countries' possessives of their forces written as demonyms.

    ``text`` is the new sentence; ``at`` the offsets in the old one after which the text shifts, and ``shift``
    the shift from there on (both ascending), so that :meth:`position` maps an old offset to its new one.
    """

    text: str
    ids: tuple[int, ...]
    at: tuple[int, ...]
    shift: tuple[int, ...]

    def position(self, old: int) -> int:
        """The offset in :attr:`text` of offset *old* of the masked sentence (not inside a respelled token)."""
        k = bisect_right(self.at, old)
        return old + (self.shift[k - 1] if k else 0)


def respelled(masked: str, ids: list[int], country_of: Callable[[int], str | None]) -> Respelled | None:
    """*masked* with each country token whose possessive names its forces written as the country's demonym
    ("⟦0⟧'s army" → "South Sudanese army"), and the sentence's other tokens (*ids*); None when there is none.

    Parameters
    ----------
    masked : str
        The masked sentence.
    ids : list of int
        The spans its tokens stand for.
    country_of : callable
        The ISO code of the country span *i* is, None when it is no country.

    Examples
    --------
    >>> text = "⟦0⟧'s federal forces struck ⟦1⟧"
    >>> r = respelled(text, [0, 1], {0: "ET"}.get)
    >>> r.text, r.ids, r.position(text.index("struck"))
    ('Ethiopian federal forces struck ⟦1⟧', (1,), 25)
    >>> respelled("⟦0⟧ military jets bombed ⟦1⟧", [0, 1], {0: "NG"}.get).text
    'Nigerian military jets bombed ⟦1⟧'
    >>> [respelled(t, [0, 1], {0: "ET"}.get) for t in ("⟦0⟧'s capital ⟦1⟧", "in ⟦0⟧ troops took ⟦1⟧")]
    [None, None]
    """
    out: list[str] = []
    at: list[int] = []
    shift: list[int] = []
    gone: set[int] = set()
    pos = 0
    for m in _POSSESSED.finditer(masked):
        i = int(m.group(1))
        demonym = state_demonym(country_of(i))
        possessive = masked.startswith(_POSSESSIVES, m.end())
        if demonym is None or (not possessive and en.COUNTRY_GOVERNED.search(
                masked, max(0, m.start() - _GOVERNED_WINDOW), m.start())):
            continue  # (no country's, or "in ⟦0⟧ troops …": where, not whose)
        end = m.end() + (len("'s") if possessive else 0)
        out.append(masked[pos:m.start()])
        out.append(demonym)
        pos = end
        gone.add(i)
        at.append(end)
        shift.append((shift[-1] if shift else 0) + len(demonym) - (end - m.start()))
    if not out:
        return None
    out.append(masked[pos:])
    return Respelled("".join(out), tuple(i for i in ids if i not in gone), tuple(at), tuple(shift))


def country_code(doc: Document, i: int) -> str | None:
    """The ISO code of the country span *i* of *doc* names, None when it names no country."""
    place = doc.spans[i].place
    return place.country_code if place is not None and place.kind is PlaceKind.COUNTRY else None


def respelled_in(doc: Document, masked: str, ids: list[int]) -> Respelled | None:
    """:func:`respelled` of a masked sentence (or a part of one) of *doc*, whose tokens stand for spans *ids*."""
    return respelled(masked, ids, lambda i: country_code(doc, i))
