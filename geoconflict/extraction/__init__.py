"""Events from a report: the document pass, then one module per kind of event.

>>> from geoconflict.extraction import extract
>>> events = extract("Ukrainian troops advanced from Sumy towards Sudzha.", published="2024-08-10")
>>> [m.destination.name for m in events.movements]
['Sudzha']
"""

from geoconflict.extraction.core import extract

__all__ = ["extract"]
