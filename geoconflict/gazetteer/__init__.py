"""Places: the embedded gazetteer, its name scanner, context ranking and online geocoders.

The modules, each importing only those above it in this list:

* :mod:`~geoconflict.gazetteer.candidates`: place kinds, :class:`Candidate`, the score weights, checked input;
* :mod:`~geoconflict.gazetteer.distance`: the haversine distance;
* :mod:`~geoconflict.gazetteer.table`: the loaded data, rows by name key, :class:`~geoconflict.model.Place` records;
* :mod:`~geoconflict.gazetteer.scoring`: the places one name may be, ranked (memoised);
* :mod:`~geoconflict.gazetteer.mentions`: names as documents write them (parts of longer mentions, demonyms);
* :mod:`~geoconflict.gazetteer.context`: the names of one document resolved together;
* :mod:`~geoconflict.gazetteer.scanner`: finding the names in a text (Aho-Corasick);
* :mod:`~geoconflict.gazetteer.index`: :class:`Gazetteer`, the public face of all the above;
* :mod:`~geoconflict.gazetteer.records`: names geocoded into JSON-ready records;
* :mod:`~geoconflict.gazetteer.fetch`: bounded HTTP reads (a total deadline, a size cap) for geopy;
* :mod:`~geoconflict.gazetteer.online`: opt-in online geocoding (geopy), every answer checked before caching.

>>> from geoconflict.gazetteer import Gazetteer
>>> Gazetteer.default().geocode("Sudzha").country_code
'RU'
"""

from geoconflict.gazetteer.candidates import KINDS, Candidate
from geoconflict.gazetteer.context import resolve_candidates
from geoconflict.gazetteer.index import Gazetteer, geocode, resolve
from geoconflict.gazetteer.records import geocode_records
from geoconflict.gazetteer.scanner import STOPWORDS

__all__ = ["KINDS", "STOPWORDS", "Candidate", "Gazetteer", "geocode", "geocode_records", "resolve",
           "resolve_candidates"]
