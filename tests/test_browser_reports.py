"""Reports written for these tests, extracted and mapped in real Chromium: every claim drawn, screenshots.

The two reports are invented wire-style texts (south Lebanon, West Kordofan); the
seed report is the repository's. At zoom 5 and 9 no two labels overlap (the data's,
the basemap's and the towns'), and screenshots go to ``tests/artifacts`` for a
person to look at.
"""

from __future__ import annotations

import itertools

import pytest

import geoconflict as gc
from geoconflict.extraction import extract
from geoconflict.maps.offline import save_html
from geoconflict.text.report import read_report
from tests.browser import ARTIFACTS, map_key, open_offline, popup_text, set_view

VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('.gc-label > span'))
    .filter(s => getComputedStyle(s).visibility !== 'hidden')
    .map(s => { const r = s.getBoundingClientRect(); return {text: s.textContent, x: r.left, y: r.top, w: r.width,
                                                              h: r.height}; })"""


def _meet(a, b) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]

LEBANON = """Israeli strikes hit villages across south Lebanon as both sides claim ground

Israeli aircraft struck the towns of Naqoura, Khiam and Marjayoun on Tuesday, Lebanese state media said, while artillery shelled the outskirts of Bint Jbeil and Aitaroun. Hezbollah said its fighters fired rockets at Israeli positions near Metula and Kiryat Shmona. Clashes were reported around Khiam and Kfar Kila through the night.

The Israeli military said on Tuesday that its forces control 12 villages in the Marjayoun district, including Khiam. Hezbollah denied the claim and said its fighters still hold the town. Residents fled north from Nabatieh towards Sidon and Beirut."""

SUDAN = """RSF says it has taken El Nahud as fighting spreads in West Kordofan

The Rapid Support Forces said on Sunday that they had seized control of El Nahud, a trade hub in West Kordofan, after heavy fighting with the Sudanese army. The army did not confirm the loss. RSF units were also reported moving from Al Fasher towards El Obeid, residents said.

Sudanese army drones struck RSF positions near El Obeid and Bara, according to a military source. Fighting continued around Babanusa, where the army says it still holds the garrison."""

REPORTS = {"lebanon": (LEBANON, "2024-10-15"), "sudan": (SUDAN, "2024-10-15"), "seed": (None, None)}



def _report(name, tmp_path):
    text, published = REPORTS[name]
    if text is None:
        return read_report("seeds/000_84a8b2256f18f56d.txt")
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return read_report(path, published=published)


def _focus(events):
    """Where the story is: the first claim's or combat area's centre, as (lat, lon)."""
    for record in [*events.claims, *events.combats]:
        if record.geometry is not None:
            c = record.geometry.centroid
            return [c.y, c.x]
        if record.areas:
            return [record.areas[0].lat, record.areas[0].lon]
    return None


@pytest.mark.parametrize("name", list(REPORTS))
def test_every_claim_is_drawn_and_opens_from_the_ledger(chromium, tmp_path, name):
    report = _report(name, tmp_path)
    events = extract(report)
    path = save_html(gc.render(events, title=report.title), tmp_path / f"{name}.html")  # with towns
    page, log = open_offline(chromium, path, width=1400, height=900)
    page.wait_for_selector(".gc-map[data-gc-drawn]", timeout=15_000)
    key = map_key(page)
    rows = page.locator(".gc-ledger-row")
    assert rows.count() == len(events.claims)
    for i, claim in enumerate(events.claims):
        drawn_cell = rows.nth(i).locator("td").nth(5).inner_text()
        if claim.geometry is not None or claim.areas:
            assert drawn_cell != "\u2014", f"claim {i} ({claim.claimant}) is not drawn"
        rows.nth(i).click()
        assert popup_text(page).startswith(f"Claim: {claim.claimant}")
        page.evaluate(f"() => {{ window['{key}'].closePopup(); }}")
    center = page.evaluate(f"() => {{ const c = window['{key}'].getCenter(); return [c.lat, c.lng]; }}")
    ARTIFACTS.mkdir(exist_ok=True)
    focus = _focus(events) or center
    for zoom in (5, 9):
        set_view(page, key, focus[0], focus[1], zoom)
        page.wait_for_timeout(300)  # labels are placed in the frame after the view settles
        labels = page.evaluate(VISIBLE_LABELS)
        for a, b in itertools.combinations(labels, 2):
            assert not _meet(a, b), f"{name} zoom {zoom}: {a['text']!r} overlaps {b['text']!r}"
        page.screenshot(path=str(ARTIFACTS / f"report_{name}_z{zoom}.png"))
    log.assert_clean()
    page.context.close()
