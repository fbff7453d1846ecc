"""The English vocabulary is held together: the extractor's demonyms against the gazetteer's table.

:data:`geoconflict.lang.en.DEMONYMS` (the actor vocabulary: one country per word) and
``geoconflict/data/demonyms.tsv`` (every reading of every nationality adjective, which the gazetteer
looks queries up in) are different lists; each word of the first is the second's, with the same
country, unless it is one of the few words the table does not hold.
"""

from __future__ import annotations

from geoconflict._data import data_file
from geoconflict.lang import en
from geoconflict.text.normalize import parse_query

#: Actor words that are no nationality adjective of the table (variants, a people, a group's name).
NOT_IN_TABLE = {"Azeri", "Belarussian", "Burkinabè", "Kurdish", "Myanmar", "North Korean", "Saudi",
                "South Sudanese", "Kazakh", "Libyan National", "US", "Philippine"}


def _table() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for line in data_file("demonyms.tsv").read_text(encoding="utf-8").splitlines():
        word, _, code = line.partition("\t")
        table.setdefault(word, set()).add(code)
    return table


def test_demonyms_agree_with_the_gazetteer_table():
    table = _table()
    for word, code in en.DEMONYMS.items():
        if word in NOT_IN_TABLE:
            assert word not in table, f"{word} is in demonyms.tsv now: drop it from NOT_IN_TABLE"
        else:
            assert code in table.get(word, set()), (word, code, table.get(word))


def test_descriptor_groups_are_the_gazetteers():
    # (not the settlement words: fold() spells "village" "vilage", which parse_query does not strip)
    for word in (*en.REGION_WORDS, *en.DISTRICT_WORDS, "city", "town"):
        assert parse_query(f"Kursk {word}").descriptor == word
    assert en.DESCRIPTOR_AFTER_NAME.match(" Oblast").group(1) == "Oblast"
