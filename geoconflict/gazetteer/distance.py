"""Great-circle distance on the mean Earth sphere (the haversine formula), over numpy arrays.

The gazetteer ranks candidates by how near they are to a ``near=`` hint or to
the other places of a document; a spherical distance is all that needs (areas
and geodesics proper are pyproj's, in :mod:`geoconflict.model.geometry`).

Examples
--------
>>> round(float(haversine_km(50.45, 30.52, 49.99, 36.23)), 1)  # Kyiv to Kharkiv
409.4
>>> haversine_km(0.0, 0.0, [0.0, 0.0], [1.0, 180.0]).round(1).tolist()
[111.2, 20015.1]
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "haversine_km_radians"]

#: The IUGG mean Earth radius.
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> NDArray[np.float64]:
    """Kilometres from each point 1 to each point 2 (degrees; numpy broadcasting)."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    return haversine_km_radians(phi1, np.cos(phi1), lon1, phi2, np.cos(phi2), lon2)


def haversine_km_radians(phi1: ArrayLike, cos_phi1: ArrayLike, lon1: ArrayLike,
                         phi2: ArrayLike, cos_phi2: ArrayLike, lon2: ArrayLike) -> NDArray[np.float64]:
    """:func:`haversine_km` given the latitudes in radians with their cosines (longitudes in degrees).

    For callers that measure from the same points again and again and keep
    ``radians(lat)`` and its cosine.
    """
    dlmb = np.radians(np.subtract(lon2, lon1))
    a = np.sin(np.subtract(phi2, phi1) / 2) ** 2 + np.multiply(cos_phi1, cos_phi2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))  # a >= 0: cos(latitude) >= 0
