"""The words reports are read with, one module per language.

Each language module holds data only: word lists and the patterns compiled from
them (demonyms, armed groups, the cues of movements, claims, fighting and
strikes, titles and descriptors). The event assembly in
:mod:`geoconflict.extraction` is language-independent and reads its words from
here; another language is a new module beside :mod:`geoconflict.lang.en`, with
the same names. :mod:`geoconflict.lang.trie` builds regexes from long word lists.
"""
