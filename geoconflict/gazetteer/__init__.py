"""Places: the embedded gazetteer, its name scanner, context ranking and online geocoders.

>>> from geoconflict.gazetteer import Gazetteer
>>> Gazetteer.default().geocode("Sudzha").country_code
'RU'
"""

from geoconflict.gazetteer.index import Candidate, Gazetteer, geocode, resolve

__all__ = ["Candidate", "Gazetteer", "geocode", "resolve"]
