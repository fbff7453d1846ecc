"""Events from a report: the document pass, then one module per kind of event.

The modules, lowest first (each imports only those above it):

* :mod:`~geoconflict.extraction.spans` – place mentions as spans, the place key;
* :mod:`~geoconflict.extraction.cues` – the event cues of :mod:`geoconflict.lang.en`, made fast;
* :mod:`~geoconflict.extraction.actors` – "Russian troops", "the RSF";
* :mod:`~geoconflict.extraction.toponyms` – the spans that may name a place, and why some do not;
* :mod:`~geoconflict.extraction.resolution` – which place each is, in the report's context;
* :mod:`~geoconflict.extraction.people` and :mod:`~geoconflict.extraction.sources` – who says so;
* :mod:`~geoconflict.extraction.document` – the report read once (masked sentences, dates);
* one module per kind of event: :mod:`~geoconflict.extraction.movements`,
  :mod:`~geoconflict.extraction.claims` (with :mod:`~geoconflict.extraction.extents`),
  :mod:`~geoconflict.extraction.combat`, :mod:`~geoconflict.extraction.located`;
* :mod:`~geoconflict.extraction.assemble` – :func:`extract`, which runs them all and merges repeats.

A new kind of event is a module beside the others, called from ``assemble``; the words it reads
go to :mod:`geoconflict.lang.en`.

>>> from geoconflict.extraction import extract
>>> events = extract("Ukrainian troops advanced from Sumy towards Sudzha.", published="2024-08-10")
>>> [m.destination.name for m in events.movements]
['Sudzha']
"""

from geoconflict.extraction.assemble import extract
from geoconflict.text.sentences import Sentence, split_sentences

__all__ = ["Sentence", "extract", "split_sentences"]
