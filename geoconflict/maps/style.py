"""How the map's layers look: their names and order, colours, drawing options and coordinate unit.

Examples
--------
>>> quantize(50.45), quantize_all([50.45, 30.52])
(5045000, [5045000, 3052000])
>>> colours = Colours(Style())
>>> colours("Ukrainian forces"), colours("shelling"), colours(UNKNOWN_ACTOR)
('#1f5fbf', '#009e73', '#7a7a7a')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from geoconflict.errors import InvalidInputError

__all__ = [
    "DRAW_ORDER",
    "LAYER_NAMES",
    "MAX_LABELS",
    "PALETTE",
    "SCALE",
    "SIDE_COLOURS",
    "UNKNOWN_ACTOR",
    "UNKNOWN_COLOUR",
    "Colours",
    "Style",
    "quantize",
    "quantize_all",
    "side_key",
]

#: Scale of the integer coordinates (1e-5 degree is about 1.1 m).
SCALE = 100_000

#: Layer keys, in the layer control's order, and their names there. (The page draws the
#: areas of every layer first, then lines, then points.)
LAYER_NAMES: Mapping[str, str] = {
    "places": "Places",
    "movements": "Movements",
    "claims": "Territorial claims",
    "combats": "Combat areas",
    "events": "Other events",
}

#: Order in which the page stacks the layers' areas (and then lines, then points): places'
#: outlines at the bottom, then the claims (often a whole region), then the combat areas
#: (smaller, and clickable where they lie inside a claim).
DRAW_ORDER = ("places", "claims", "combats", "movements", "events")

#: Colour-blind-safe categorical palette (Okabe–Ito and extras), the blues and reds last:
#: they are the conventional colours of the sides (see :data:`SIDE_COLOURS`).
PALETTE = (
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#7f3c8d",
    "#56b4e9",
    "#8c564b",
    "#d55e00",
    "#0072b2",
    "#b8860b",
    "#3a3a3a",
)

#: Colour of records whose actor is not stated.
UNKNOWN_COLOUR = "#7a7a7a"

#: The category of a movement whose actor is not stated.
UNKNOWN_ACTOR = "actor not stated"

#: Conventional colours for the sides most reports are about (matched on lower-case text).
SIDE_COLOURS = (("ukrain", "#1f5fbf"), ("russia", "#c0392b"))

#: Places are labelled on the map only when there are at most this many.
MAX_LABELS = 200

#: Radius and line width must lie strictly between 0 and this many pixels.
MAX_PIXELS = 100

_PIXEL_OPTIONS = ("radius", "weight")


def quantize(value: float) -> int:
    """Degrees as an integer number of 1e-5 degrees (the layers' coordinate unit)."""
    return round(value * SCALE)


def quantize_all(values: npt.ArrayLike) -> list[int]:
    """:func:`quantize` of each value, in one vectorised pass.

    ``np.rint`` rounds half to even as :func:`round` does, so each result equals
    ``quantize(value)`` (``tests/test_render_reference.py`` holds the two equal).
    """
    return np.rint(np.asarray(values, dtype=float) * SCALE).astype(np.int64).tolist()


def _pixels(key: str, number: object) -> float:
    """A radius or line width checked to be a number of pixels in (0, MAX_PIXELS)."""
    if isinstance(number, bool) or not isinstance(number, int | float) or not 0 < number < MAX_PIXELS:
        raise InvalidInputError(f"{key}: expected a number of pixels in (0, {MAX_PIXELS}), got {number!r}", field=key)
    return float(number)


@dataclass(frozen=True)
class Style:
    """Drawing options; pass any of them to :func:`geoconflict.render` as keywords.

    Parameters
    ----------
    colors : mapping of str to str
        Colours for given actors, claimants or event types (``{"Ukrainian forces": "#1f5fbf"}``).
    palette : sequence of str
        Colours given to the other categories, in order of first appearance.
    radius : float
        Radius of event points, px.
    weight : float
        Line width of movements, px.
    combat_color : str
        Colour of combat areas.
    labels : bool
        Label settlements and named areas on the map (only when there are at most 200).

    Examples
    --------
    >>> Style.from_kwargs({"radius": 6}).radius
    6.0
    >>> Style.from_kwargs({"raduis": 6})
    Traceback (most recent call last):
    ...
    geoconflict.errors.InvalidInputError: unknown style option 'raduis'; valid: colors, combat_color, labels, palette, radius, weight
    """

    colors: Mapping[str, str] = field(default_factory=dict)
    palette: Sequence[str] = PALETTE
    radius: float = 5.0
    weight: float = 3.0
    combat_color: str = "#e0531f"
    labels: bool = True

    @classmethod
    def from_kwargs(cls, kwargs: Mapping[str, Any]) -> Style:
        """The style of ``render``'s keyword options, each checked; unknown names raise."""
        valid = sorted(cls.__dataclass_fields__)
        for key in kwargs:
            if key not in valid:
                raise InvalidInputError(
                    f"unknown style option {key!r}; valid: {', '.join(valid)}", field=key, value=kwargs[key]
                )
        values = dict(kwargs)
        for key in _PIXEL_OPTIONS:
            if key in values:
                values[key] = _pixels(key, values[key])
        if "palette" in values:
            values["palette"] = tuple(values["palette"])
            if not values["palette"]:
                raise InvalidInputError("palette: must not be empty", field="palette")
        if "colors" in values:
            values["colors"] = dict(values["colors"])
        return cls(**values)


def side_key(label: str) -> str:
    """What a side is coloured by: its acronym when it has one, else its name.

    A report names one side several ways ("Rapid Support Forces", "RSF units"):
    an all-capitals word is taken as the side's acronym, and a name of two or more
    capitalised words gives its initials, so both get one colour.

    Examples
    --------
    >>> side_key("Rapid Support Forces"), side_key("RSF units"), side_key("Ukrainian forces")
    ('RSF', 'RSF', 'Ukrainian forces')
    """
    words = label.split()
    for word in words:
        if len(word) >= _ACRONYM_LETTERS and word.isalpha() and word.isupper():
            return word
    if len(words) >= _ACRONYM_LETTERS and all(word[:1].isupper() and word.isalpha() for word in words):
        return "".join(word[0] for word in words)
    return label


#: Letters an acronym has at least.
_ACRONYM_LETTERS = 2


class Colours:
    """Stable category → colour assignment (explicit colours, then sides, then the palette).

    Names of one side (see :func:`side_key`) share a colour.
    """

    def __init__(self, style: Style):
        self.style = style
        self.assigned: dict[str, str] = {}
        self.next = 0
        self._of_label: dict[str, str] = {}  # each label's colour, once found (50,000 claims name a few sides)

    def __call__(self, label: str) -> str:
        colour = self._of_label.get(label)
        if colour is None:
            colour = self._of_label[label] = self._find(label)
        return colour

    def _find(self, label: str) -> str:
        explicit = self.style.colors.get(label)
        if explicit is not None:
            return explicit
        key = side_key(label)
        colour = self.assigned.get(key)
        if colour is None:
            colour = self.assigned[key] = self._choose(label)
        return colour

    def _choose(self, label: str) -> str:
        colour = self.style.colors.get(label)
        if colour is None and label == UNKNOWN_ACTOR:
            colour = UNKNOWN_COLOUR
        if colour is None:
            low = label.lower()
            colour = next((c for key, c in SIDE_COLOURS if key in low), None)
        if colour is None:
            colour = self.style.palette[self.next % len(self.style.palette)]
            self.next += 1
        return colour
