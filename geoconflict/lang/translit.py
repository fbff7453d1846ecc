"""How one place name reaches English in several romanisations: the rules of a spelling key.

A name written in Arabic, Persian, Pashto, Burmese, Tamasheq, Ukrainian or Russian script has no one
Latin spelling: "Tal Tamer" and "Tall Tamr", "Thiban" and "Dhiban", "Quamishli" and "Al Qamishli",
"Mykhaylivka" and "Mykhailivka", "Twantay" and "Twante", "Ntillit" and "In Tillit", "Kishindih" and
"Kishindeh". The systems differ in a few known ways, and these are the facts here, applied by
:func:`geoconflict.gazetteer.variants.spelling_key` to a name already folded
(:func:`geoconflict.text.normalize.fold`: lower case, no accents, Cyrillic read as Latin, ``j`` as ``y``,
``ia``/``iu`` as ``ya``/``yu``, doubled letters single, ``-skiy``/``-skii`` as ``-sky``):

* **the Ukrainian ``h`` for the Russian ``g``** (both ``г``) in the names of the countries of
  :data:`H_FOR_G`;
* **vowels** are what the systems disagree on most (Arabic and Burmese write few of them; Ukrainian
  ``и``/``і`` are ``y``/``i``, Russian ``и``/``ы`` ``i``/``y``; ``ya``/``ia``, ``yi``/``i``, ``-iy``/``-yi``,
  ``-skaya``/``-ska``; ``ou``/``u``/``o``; Persian ``-ih``/``-eh``): the key is the name's consonants
  (:data:`VOWELS` dropped), and the vowels are compared apart, by how alike they leave the names;
* **consonants written with two letters** in one system and one in another (:data:`DIGRAPHS`: Arabic
  and Ukrainian ``kh``/``h``, Arabic ``dh``/``th``/``z``, ``q``/``k``, ``gh``/``g``, ``w``/``v``);
* **a final ``h`` after a vowel** (Arabic ta marbuta, Persian final ``-eh``: "Mansurah"/"Mansura");
* **the Arabic article** (:data:`~geoconflict.lang.en.NAME_ARTICLES`: al-, el-, ad-, as-, …) is left out
  of a name of more words ("Al Qamishli" is "Qamishli").

Examples
--------
>>> "qala".translate(ONE_LETTER_SOUNDS)
'kala'
"""

from __future__ import annotations

from geoconflict.lang.en import NAME_ARTICLES

__all__ = ["ARTICLES", "ASPIRATION", "H_FOR_G", "H_FOR_G_SOUNDS", "ONE_SPELLING", "ONE_LETTER_SOUNDS", "TWO_LETTER_SOUNDS", "VOWELS"]

#: The article words a name of several words may open with or hold, dropped from its key (folded words).
ARTICLES = NAME_ARTICLES
#: Sounds written with two letters in one system and one in another, to one letter, in this order (a folded
#: name's letters; the letter written for "ch" is no letter of a folded name, so "c" alone is read next).
TWO_LETTER_SOUNDS = (
    ("kh", "h"),  # Arabic and Persian kh, Ukrainian and Russian kh (x): "h" in other systems
    ("gh", "g"),  # Arabic and Pashto gh: "g" in other systems
    ("dh", "z"),  # Arabic dh: "th", "z" or "d" in other systems
    ("th", "z"),  # Arabic th and dh written alike ("Thiban" for "Dhiban")
    ("ph", "f"),
    ("ck", "k"),
    ("ch", "C"),  # one sound, kept apart from "c"
)
#: Letters one system writes for another's: Arabic q as k, c as k, the Ukrainian and Polish w as v, y as i
#: (Ukrainian и is y, Russian и is i; ya/ia, yu/iu, -iy/-yi).
ONE_LETTER_SOUNDS = str.maketrans({"q": "k", "c": "k", "w": "v", "y": "i"})
#: Countries whose place names come from Ukrainian, Russian or Belarusian, where the one letter г is written h
#: in one system and g in another (Horlivka, Gorlovka; Lohvynove, Logvinovo): both are read h there.
H_FOR_G = frozenset({"UA", "RU", "BY"})
#: ... the letter each is read as there.
H_FOR_G_SOUNDS = str.maketrans({"g": "h"})
#: A letter one system writes after (or before) a consonant to mark it aspirated or long, and another leaves
#: out (Burmese "hk", "hp", "ht": "Namhkan", "Namkan"; "Bagh", "Bag").
ASPIRATION = "h"
#: Countries whose place names are written in the Latin script in their own languages, each one way (the
#: Americas, Europe but its Cyrillic- and Greek-script countries, Australia and New Zealand, Turkey, Vietnam,
#: the Philippines, Indonesia, Malaysia): a name spelt otherwise there is another name ("Milton", "Melton"), or
#: the same one without its accents, which folding already reads alike.
ONE_SPELLING = frozenset(
    # the Americas
    "US CA MX GT BZ SV HN NI CR PA CU DO HT JM PR BS BB TT GY SR GF CO VE EC PE BO BR PY UY AR CL "
    "AG DM GD KN LC VC AW CW BQ SX MF BL GP MQ KY TC VG VI AI MS BM GL PM FK "
    # Europe in the Latin script
    "GB IE FR BE NL LU DE AT CH LI IT SM VA MT ES PT AD MC PL CZ SK HU SI HR BA RO MD AL ME XK LT LV EE "
    "FI SE NO DK IS FO GI IM JE GG AX "
    # elsewhere
    "AU NZ TR VN PH ID MY".split())
#: The letters the systems disagree on, left out of the key (``y`` is a vowel and a glide alike); a final
#: ``h`` after one of them is Arabic ta marbuta or the Persian final "-eh", written or not.
VOWELS = "aeiouy"
