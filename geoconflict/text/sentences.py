"""Sentences and paragraphs of a report, as offsets into its text.

:func:`split_sentences` ends a sentence at a full stop, question or exclamation
mark followed by a capitalised word or a digit (not after an abbreviation of
:data:`geoconflict.lang.en.ABBREVIATIONS` or a single letter: "Gen. Smith",
"J. Smith"), and at a line break before one; a blank line also ends a
paragraph. A stretch longer than :data:`SENTENCE_MAX` characters without any of
these (a page of names or numbers without punctuation) is no sentence a reader
could hold: it is cut into pieces of at most that length, at the last line break,
semicolon, comma or space of each, so that no rule that reads a whole sentence
makes the work grow faster than the text.

Examples
--------
>>> t = "Gen. Smith left Goma. He went to Kigali.\\n\\nNew paragraph."
>>> [(t[s.start:s.end], s.paragraph) for s in split_sentences(t)]
[('Gen. Smith left Goma.', 0), ('He went to Kigali.', 0), ('New paragraph.', 1)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geoconflict.lang import en

__all__ = ["SENTENCE_END", "SENTENCE_MAX", "Sentence", "split_sentences"]

#: Where a sentence ends: end marks before a capitalised word or a digit (closing quotes and brackets
#: included), a blank line, or a line break before a capitalised word.
SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9ЀА-Я])|\n\s*\n|\n(?=\s*[\"“‘]?[A-Z0-9])")
#: :data:`SENTENCE_END` written to start with one character class, so that ``re`` skips to the next
#: ``[.!?\n]`` instead of trying every position: three times faster (about 1 % of extraction).
#: ``tests/test_extract_fast_forms.py`` holds the two to the same matches.
_SENTENCE_END_FAST = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9ЀА-Я])"
                                r"|(?<=\n)\s*\n|(?<=\n)(?=\s*[\"“‘]?[A-Z0-9]))")
#: The word a full stop ends (group 1), looked for in a short window before the stop.
_LAST_WORD = re.compile(r"([\w.]+)\.$")
#: How far back from a full stop its word is looked for: longer than any abbreviation.
_LAST_WORD_WINDOW = 12
_BLANK_LINE = re.compile(r"\n\s*\n")
#: The longest sentence, in characters: far longer than any real one (news sentences run to a few hundred).
SENTENCE_MAX = 2000
#: Where an over-long sentence is cut, best first: the last of these in its first SENTENCE_MAX characters.
_CUT_MARKS = ("\n", ";", ",", " ")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a report: its span and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences (offsets index *text*).

    Parameters
    ----------
    text : str
        The whole text.
    start, end : int
        The part of *text* to split (``end`` None: to the end).

    Returns
    -------
    list of Sentence
        In text order, without their surrounding white space; a paragraph is
        counted up at each blank line.
    """
    end = len(text) if end is None else end
    out: list[Sentence] = []
    paragraph = 0
    pos = start
    for m in _SENTENCE_END_FAST.finditer(text, start, end):
        piece_end = m.end()
        end_mark = m.group(0)
        if end_mark.startswith(".") and _after_abbreviation(text, max(pos, m.start() - _LAST_WORD_WINDOW), m.start()):
            continue
        _add_sentence(out, text, pos, piece_end, paragraph)
        if "\n" in end_mark and _BLANK_LINE.search(end_mark):
            paragraph += 1
        pos = piece_end
    _add_sentence(out, text, pos, end, paragraph)
    return out


def _after_abbreviation(text: str, lo: int, stop: int) -> bool:
    """Whether the full stop at *stop* ends an abbreviation or a single letter (the word is looked for from *lo*)."""
    word = _LAST_WORD.search(text[lo:stop + 1])
    if not word:
        return False
    w = word.group(1)
    return w.lower().rstrip(".") in en.ABBREVIATIONS or (len(w) == 1 and w.isalpha())


def _add_sentence(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """Append ``text[start:end]`` to *out* as sentences of at most :data:`SENTENCE_MAX` characters.

    Each without its surrounding white space, none blank; a longer stretch is cut after the last of
    :data:`_CUT_MARKS` in the second half of its first SENTENCE_MAX characters (else at that length).
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > SENTENCE_MAX:
        piece_end = _cut(text, start)
        out.append(Sentence(*_strip(text, start, piece_end), paragraph))
        start, end = _strip(text, piece_end, end)
    if end > start:
        out.append(Sentence(start, end, paragraph))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without its surrounding white space, as offsets."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut(text: str, start: int) -> int:
    """Where an over-long sentence from *start* is cut: after its best cut mark, else at SENTENCE_MAX."""
    limit = start + SENTENCE_MAX
    for mark in _CUT_MARKS:
        cut = text.rfind(mark, start + SENTENCE_MAX // 2, limit)
        if cut >= 0:
            return cut + 1
    return limit
