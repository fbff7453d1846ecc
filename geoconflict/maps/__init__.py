"""The last step: events as styled layers on a folium map, saved as one offline HTML file.

Records → layers (no folium): :mod:`~geoconflict.maps.layers` sorts records into
layers and assembles them; one module builds each layer
(:mod:`~geoconflict.maps.places`, :mod:`~geoconflict.maps.movements`,
:mod:`~geoconflict.maps.claims`, :mod:`~geoconflict.maps.combats`,
:mod:`~geoconflict.maps.events`) into the columns of
:mod:`~geoconflict.maps.builder`, in the colours and styles of
:mod:`~geoconflict.maps.style`, with the popup texts of
:mod:`~geoconflict.maps.popups`.

Layers → a folium map: :mod:`~geoconflict.maps.render`
(:func:`~geoconflict.maps.render.render`) adds them to the page with the script
of :mod:`~geoconflict.maps.page` over the outlines of
:mod:`~geoconflict.maps.backdrop`, drawn from :mod:`~geoconflict.maps.basemap`
with finer levels near the data (:mod:`~geoconflict.maps.detail`), and the town
labels of :mod:`~geoconflict.maps.towns` when the caller passes towns.

Map → one file: :mod:`~geoconflict.maps.offline`
(:func:`~geoconflict.maps.offline.save_html`) inlines every script and
stylesheet (:mod:`~geoconflict.maps.inline`) from the npm packages of
:mod:`~geoconflict.maps.assets`.

The maps import only :mod:`geoconflict.errors`, :mod:`geoconflict._data` and
:mod:`geoconflict.model`: never the gazetteer or the extraction.
"""
