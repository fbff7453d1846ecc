"""The last step: events as styled layers on a folium map, saved as one offline HTML file.

:mod:`~geoconflict.maps.layers` turns records into styled layers,
:mod:`~geoconflict.maps.render` assembles the map
(:func:`~geoconflict.maps.render.render`), :mod:`~geoconflict.maps.basemap`
draws the offline country and region outlines, and
:mod:`~geoconflict.maps.offline` inlines every asset into one file
(:func:`~geoconflict.maps.offline.save_html`).
"""
