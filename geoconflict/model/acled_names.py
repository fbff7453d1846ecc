"""ACLED's names for places: what the ACLED export writes in ``country``, ``admin1``, ``admin2`` and ``location``.

The gazetteer keeps GeoNames' names ("Donetsk Oblast", "Ḩalab", "Palestinian
Territory"), and :class:`~geoconflict.model.Place` records keep them. ACLED's
tables write the same places otherwise: a province "or equivalent" by its bare
name ("Afar", "California"; a district as "San Diego", ACLED's codebook),
transliterated names without their marks, a city-region by its English name
("Aleppo", "Moscow"), and the common English short name of a country. A user
who joins the export with ACLED's tables, or filters it by admin1, needs
ACLED's forms; this module gives them, by these rules, in this order:

1. **Country** (:func:`country_name`): the country's name in the embedded
   polygons (GeoNames'), unless ACLED writes it otherwise
   (:data:`COUNTRY_NAMES`: "Democratic Republic of Congo", "Palestine").
2. **English name of a unit named after its seat** (:func:`unit_name`): where
   GeoNames names a first-level unit in the local form of its capital's name
   ("Ḩalab", "Moskva", "Kaluzhskaya oblast'"), the capital's own name in the
   gazetteer, which GeoNames gives in its English form ("Aleppo", "Moscow",
   "Kaluga"). Which units these are is read from the gazetteer once, by
   ``tools/build_acled_names.py``, into ``data/acled_names.tsv`` (see that
   tool: the unit and its seat each bear the other's name, and the unit's
   name has no descriptor or only an adjective before it).
3. **No descriptor** (:func:`bare_name`): the unit's type word at the end of
   its name goes ("Donetsk Oblast" → "Donetsk", "Sagaing Region" → "Sagaing",
   "Lainya County" → "Lainya"), unless it is part of the name (a state,
   territory, city or republic: "Free State", "Northern Territory", "Chechen
   Republic", "National Capital Region" keep theirs), or what is left of a
   region is a Russian adjective ("Leningradskaya oblast'"; a district is
   named so: "Korenevskiy Rayon" → "Korenevskiy"), or the bare name is
   another first-level unit's of the same country: "Moscow Oblast" keeps its
   word beside the city-region Moscow, as ACLED keeps the two apart.
4. **Ukraine's raions** (:func:`raion_adjective`): a raion of Ukraine is named
   by the adjective of its centre, as its official name (and ACLED) writes it:
   "Pokrovsk Raion" → "Pokrovskyi", "Bakhmut Raion" → "Bakhmutskyi",
   "Volnovakha Raion" → "Volnovaskyi"; the regular forms only.
5. **Plain letters** (:func:`plain_letters`): transliteration marks and
   accents go ("Al Ḩasakah" → "Al Hasakah", "Ténenkou" → "Tenenkou", "‘Adan"
   → "Adan"); other scripts are left as they are.

A settlement's ``location`` takes rule 5 only; a unit's ``location`` (an event
placed at a region) is its ``admin1`` or ``admin2`` name. The library's own
records are unchanged: these are the export's names only, and geoconflict's
ACLED reader reads them back (a country by any of its names).

Examples
--------
>>> country_name("CD"), country_name("UA")
('Democratic Republic of Congo', 'Ukraine')
>>> unit_name("Donetsk Oblast", country_code="UA"), unit_name("Ḩalab", country_code="SY")
('Donetsk', 'Aleppo')
>>> plain_letters("Ténenkou")
'Tenenkou'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from geoconflict.errors import GeoconflictError

__all__ = ["COUNTRY_NAMES", "DESCRIPTORS", "DISTRICT_DESCRIPTORS", "RUSSIAN_ADJECTIVE", "bare_name", "country_name",
           "plain_letters", "raion_adjective", "unit_name"]

#: ACLED's names of the countries whose GeoNames English name it does not write (ISO code → name):
#: ACLED's common short forms, without the article of "the Congo" or "The Netherlands".
COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine", "CV": "Cape Verde",
    "CZ": "Czech Republic", "SZ": "eSwatini", "NL": "Netherlands", "TL": "East Timor", "VA": "Vatican City",
}
#: The data file of rule 2 (written by ``tools/build_acled_names.py``).
ENGLISH_NAMES_FILE = "acled_names.tsv"
#: Names whose export form is kept (a report names few units, a run of reports some thousands).
NAMES_KEPT = 8192

# ---- rule 3: descriptors
#: The type words that end a unit's name and are no part of it (lower case; the longer forms first). A state,
#: territory, city or republic is left: "Free State", "Northern Territory", "Chechen Republic" are names.
DESCRIPTORS = (
    "local government area", "urban raion", "autonomous okrug", "municipal district", "governorate", "prefecture",
    "municipality", "department", "subregion", "province", "district", "division", "township", "oblast'",
    "oblast", "region", "county", "parish", "cercle", "raion", "rayon", "krai", "kray", "zone",
)
#: Type words of second-level units only: DR Congo's territoires ("Rutshuru Territory"); a first-level
#: territory is named so ("Northern Territory").
DISTRICT_DESCRIPTORS = ("territory",)


def _descriptor_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\s+(?:" + "|".join(re.escape(d) for d in words) + r")$", re.IGNORECASE)


_DESCRIPTOR = _descriptor_pattern(DESCRIPTORS)
_DISTRICT_DESCRIPTOR = _descriptor_pattern(DESCRIPTORS + DISTRICT_DESCRIPTORS)
#: "capital" before a descriptor: the word is the name's ("National Capital Region", "Capital District").
_CAPITAL = re.compile(r"\bcapital$", re.IGNORECASE)
#: A Russian adjectival unit name without its word ("Leningradskaya" oblast'): no region's name alone.
RUSSIAN_ADJECTIVE = re.compile(r"(?:skaya|skiy|skoye|skoy|skij)$", re.IGNORECASE)

# ---- rule 4: Ukraine's raions
_RAION = re.compile(r"\s(?:raion|rayon)$", re.IGNORECASE)
#: An adjective's ending in its transliterations ("-skyi", "-skyy", "-skiy", "-skij", "-ky"), from its "k".
_ADJECTIVE_END = re.compile(r"(?<=[sz])k(?:yi|yy|iy|ij|ii|y)$", re.IGNORECASE)
#: What a raion's centre ends with that its adjective drops: "-ka", "-kha", "-ia", a vowel (a final y or i after
#: a consonant only: "-ai" is a vowel and "y").
_RAION_CENTRE_END = re.compile(r"(?:kha|ka|[iy]a|a|e|o|(?<![aeiouy])[yi])$", re.IGNORECASE)
#: Digraphs of the transliteration, each one consonant.
_DIGRAPHS = ("ts", "zh", "kh", "sh", "ch")
_VOWELS = "aeiouy"

# ---- rule 5: plain letters
#: Letters that decompose to no plain letter, and the plain spelling ACLED gives them.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d",
                          "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ə": "a", "Ə": "A"})
#: Transliteration marks for the Arabic ʿayn and hamza and the soft sign, written as quotes: dropped.
_MARKS = re.compile("[‘’ʿʾʼʻʹ`´]")


def country_name(code: str | None) -> str | None:
    """ACLED's name of the country of ISO code *code* (the code itself when the data is not installed).

    Parameters
    ----------
    code : str or None
        ISO 3166-1 alpha-2 code.

    Returns
    -------
    str or None
        :data:`COUNTRY_NAMES`' name, else the embedded polygons' (GeoNames') English name; None for None.

    Examples
    --------
    >>> country_name("PS"), country_name("ML"), country_name(None)
    ('Palestine', 'Mali', None)
    """
    if code is None:
        return None
    return COUNTRY_NAMES.get(code) or _country_names().get(code, code)


@lru_cache(maxsize=NAMES_KEPT)
def unit_name(name: str, *, country_code: str | None, district: bool = False) -> str:
    """ACLED's name of the admin unit (first or second level) that the gazetteer calls *name*.

    Parameters
    ----------
    name : str
        The unit's name as the gazetteer gives it (``Place.name`` of a unit, ``Place.admin1``, ``Place.admin2``).
    country_code : str or None
        Its country's ISO code (rule 2 is looked up by country and name).
    district : bool
        A second-level unit: :data:`DISTRICT_DESCRIPTORS` go too.

    Returns
    -------
    str
        The English name of a unit named after its seat, else the name without its descriptor, in plain letters.

    Examples
    --------
    >>> unit_name("Sagaing Region", country_code="MM"), unit_name("Moskva", country_code="RU")
    ('Sagaing', 'Moscow')
    >>> unit_name("Free State", country_code="ZA"), unit_name("Dayr az Zawr", country_code="SY")
    ('Free State', 'Deir ez-Zor')
    >>> unit_name("Rutshuru Territory", country_code="CD", district=True)
    'Rutshuru'
    >>> unit_name("Pokrovsk Raion", country_code="UA", district=True)
    'Pokrovskyi'
    >>> unit_name("Moscow Oblast", country_code="RU")  # the bare name is the city-region's
    'Moscow Oblast'
    """
    english = _english_names().get((country_code or "", name))
    if english is not None:
        return plain_letters(english)
    bare = plain_letters(bare_name(name, district=district))
    if district and country_code == "UA" and _RAION.search(name):
        return raion_adjective(bare)
    if not district and RUSSIAN_ADJECTIVE.search(bare):
        return plain_letters(name)  # "Leningradskaya oblast'" (a district is its adjective: "Korenevskiy")
    if not district and bare != plain_letters(name) and (country_code or "", bare) in _undescribed_units():
        return plain_letters(name)  # "Moscow Oblast" beside Moscow
    return bare


def raion_adjective(centre: str) -> str:
    """The official name of a Ukrainian raion whose centre is *centre*: the centre's adjective in ``-skyi``.

    The regular forms: "-sk" takes "-yi"; a final "-ka", "-kha" or vowel gives way to "-skyi" ("-kyi" after
    an s or ts: "Odesa" → "Odeskyi", "Vinnytsia" → "Vinnytskyi"); an adjective already ("Kramatorskyi",
    GeoNames' "-skyy", a Russian "-skiy") takes "-skyi". Where dropping the vowel leaves two consonants, the
    stem changes ("Rivne" → "Rivnenskyi", "Dnipro" → "Dniprovskyi"), and so does a centre of two words: the
    centre's name is kept as it is.

    Examples
    --------
    >>> [raion_adjective(c) for c in ("Pokrovsk", "Bakhmut", "Volnovakha", "Vasylivka", "Odesa", "Korosten'")]
    ['Pokrovskyi', 'Bakhmutskyi', 'Volnovaskyi', 'Vasylivskyi', 'Odeskyi', 'Korostenskyi']
    >>> [raion_adjective(c) for c in ("Kramatorskyi", "Khmelnytskyy", "Dzhankoyskiy", "Vinnytsya", "Oleksandriya")]
    ['Kramatorskyi', 'Khmelnytskyi', 'Dzhankoyskyi', 'Vinnytskyi', 'Oleksandriiskyi']
    >>> raion_adjective("Rivne"), raion_adjective("Kryvyy Rih")
    ('Rivne', 'Kryvyy Rih')
    """
    stem = centre.rstrip("'’")
    adjective = _ADJECTIVE_END.search(stem)
    if adjective:
        return stem[: adjective.start()] + "kyi"
    if " " in stem:  # "Kryvyi Rih" → "Kryvorizkyi": no regular form
        return centre
    if stem.lower().endswith("sk"):
        return stem + "yi"
    if stem.lower().endswith(("iya", "iia")):
        return stem[:-2] + "iskyi"
    ending = _RAION_CENTRE_END.search(stem)
    if ending and ending.start() > 2:
        stem = stem[: ending.start()]
        if _two_consonants_end(stem):
            return centre
    return stem + ("kyi" if stem.lower().endswith("s") else "skyi")  # "Odes-" + "kyi": one s


def _two_consonants_end(stem: str) -> bool:
    """Whether *stem* ends with two consonants (a digraph, "ts", "zh", "kh", "sh" or "ch", being one)."""
    low = stem.lower()
    if low.endswith(_DIGRAPHS):
        low = low[:-2] + "c"
    return len(low) >= 2 and low[-1] not in _VOWELS and low[-2] not in _VOWELS


def bare_name(name: str, *, district: bool = False) -> str:
    """*name* without a descriptor of :data:`DESCRIPTORS` at its end.

    Unchanged when nothing else is left, or when "capital" comes before the descriptor ("Capital District").

    With *district*, :data:`DISTRICT_DESCRIPTORS` go too.

    Examples
    --------
    >>> bare_name("Mopti Region"), bare_name("Kaluzhskaya oblast'"), bare_name("Region")
    ('Mopti', 'Kaluzhskaya', 'Region')
    >>> bare_name("National Capital Region")  # "capital" before it: the word is the name's
    'National Capital Region'

    """
    bare = (_DISTRICT_DESCRIPTOR if district else _DESCRIPTOR).sub("", name)
    return bare if bare.strip() and not _CAPITAL.search(bare) else name


@lru_cache(maxsize=NAMES_KEPT)
def plain_letters(name: str) -> str:
    """*name* in plain Latin letters: accents and transliteration marks dropped, other scripts kept.

    Examples
    --------
    >>> plain_letters("Ţarābulus"), plain_letters("Shamāl Sīnā'"), plain_letters("‘Adan"), plain_letters("Київ")
    ('Tarabulus', "Shamal Sina'", 'Adan', 'Київ')
    """
    if name.isascii():
        return name
    out: list[str] = []
    for c in _MARKS.sub("", name.translate(_LETTERS)):
        parts = unicodedata.normalize("NFKD", c)
        if parts[0].isascii():  # a Latin letter with its accents: the letter alone
            out.append("".join(p for p in parts if not unicodedata.combining(p)))
        elif not (unicodedata.combining(c) and out and out[-1][-1:].isascii()):  # a mark left after a letter goes
            out.append(c)  # another script's letter keeps its form ("й" is no "и" with a mark)
    return "".join(out)


@cache
def _country_names() -> dict[str, str]:
    """ISO code → country name, from the embedded country polygons (empty without the data)."""
    from geoconflict._data import polygons

    try:
        level = polygons("country")
        return {str(c): str(name) for c, name in zip(level.cc, level.name) if c}
    except (GeoconflictError, OSError, KeyError):
        return {}


@cache
def _undescribed_units() -> frozenset[tuple[str, str]]:
    """(country code, export name) of the first-level units of the embedded polygons whose name has no descriptor."""
    from geoconflict._data import polygons

    try:
        level = polygons("admin1")
        units = [(str(cc), str(name)) for cc, name in zip(level.cc, level.name)]
    except (GeoconflictError, OSError, KeyError):
        return frozenset()
    english = _english_names()
    return frozenset((cc, plain_letters(english.get((cc, name), name))) for cc, name in units if bare_name(name) == name)


@cache
def _english_names() -> dict[tuple[str, str], str]:
    """(country code, gazetteer name) → English name of the units of rule 2 (empty without the data file)."""
    from geoconflict._data import data_file

    try:
        lines = data_file(ENGLISH_NAMES_FILE).read_text(encoding="utf-8").splitlines()
    except (GeoconflictError, OSError):
        return {}
    rows = (line.split("\t") for line in lines if line and not line.startswith("#"))
    return {(cc, name): english for cc, name, english in rows}
