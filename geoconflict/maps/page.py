"""What :func:`~geoconflict.maps.render.render` adds to a folium page: the script, its data, nothing evaluated.

geoconflict's script and stylesheet (``templates/``) go into the page header
once; each layer's data rides in a JSON script element with one line of script
that draws it. None of this passes through Jinja: report text containing
``{{ … }}`` stays text.

Examples
--------
>>> script_json({"quote": "</script>{{ 7*7 }}"})
'{"quote":"\\\\u003c/script\\\\u003e\\\\u007b{ 7*7 }}"}'
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

__all__ = ["Library", "Script", "figure_of", "script_json"]

_TEMPLATES = Path(__file__).parent / "templates"

_TEMPLATE_OPENERS = re.compile(r"\{(?=[{%#])")


@cache
def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element and a branca page.

    No ``<``, ``>`` or ``&`` (nothing can close the element), and no ``{{``, ``{%``
    or ``{#`` (nothing a template engine would evaluate; compact JSON has such
    pairs only inside strings).
    """
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _TEMPLATE_OPENERS.sub(r"\\u007b", text)


def figure_of(element: Element) -> Figure:
    """The page an element is part of (branca types ``get_root`` as any element)."""
    root = element.get_root()
    if not isinstance(root, Figure):
        raise TypeError(f"{type(element).__name__} must be added to a map on a page before it is rendered")
    return root


class _Code(Element):
    """Raw code placed in the page once (not run through Jinja)."""

    _template = Template("{{ this.code }}")

    def __init__(self, code: str):
        super().__init__()
        self._name = "GeoconflictCode"
        self.code = code


class Library(MacroElement):
    """Adds geoconflict's script and stylesheet to the page header, once per page."""

    _template = Template("")

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeoconflictLibrary"

    # branca's MacroElement.render returns None where its base, Element.render, returns a str
    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        figure = figure_of(self)
        figure.header.add_child(_Code(f"<style>{_template('geoconflict.css')}</style>"), name="geoconflict_css")
        js = (_template("geoconflict.js") + _template("aggregate.js")).replace("</", "<\\/")
        figure.header.add_child(_Code(f"<script>{js}</script>"), name="geoconflict_js")
        super().render(**kwargs)


class Script(MacroElement):
    """Adds one line of script to the page without passing it through Jinja.

    branca's MacroElement turns its rendered script into a new Jinja template;
    report text containing ``{{ … }}`` would then be evaluated, and a 20 MB data
    blob compiled. This element adds its code as plain text instead.

    Parameters
    ----------
    m : folium.Map
        The map the script draws on.
    payload : str
        The data, as :func:`script_json` gives it.
    function : str
        The function of the page's ``geoconflict`` object that takes the data
        (``"draw"`` and ``"basemap"`` also take the element's parent layer;
        ``"finish"`` does not).
    """

    def __init__(self, m: folium.Map, payload: str, *, function: str):
        super().__init__()
        self._name = "Geoconflict" + function.capitalize()
        self.map = m
        self.payload = payload
        self.function = function

    # as in Library.render: branca's MacroElement.render returns None, not a str
    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        figure = figure_of(self)
        target = ""
        if self.function != "finish":
            if self._parent is None:
                raise TypeError(f"geoconflict.{self.function} draws into a layer: add the element to one")
            target = self._parent.get_name() + ", "
        # The data rides in a JSON script element: the browser's JSON parser reads a
        # large blob several times faster than the JavaScript parser reads a literal.
        data_id = self.get_name()
        figure.html.add_child(
            _Code(f'<script type="application/json" id="{data_id}">{self.payload}</script>'), name=self.get_name()
        )
        code = (
            f"geoconflict.{self.function}({self.map.get_name()}, {target}"
            f"JSON.parse(document.getElementById('{data_id}').textContent));\n"
        )
        figure.script.add_child(_Code(code), name=self.get_name())
