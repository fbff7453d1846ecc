"""`geoconflict map`: the seed report to one offline HTML file."""

from __future__ import annotations

from click.testing import CliRunner

from geoconflict.cli import main
from geoconflict.maps.offline import external_urls

SEED = "seeds/000_84a8b2256f18f56d.txt"


def test_map_command_writes_an_offline_file(tmp_path):
    out = tmp_path / "kursk.html"
    result = CliRunner().invoke(main, ["map", SEED, "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert external_urls(html) == []
    assert "Lithuania: Russia redeploys troops from Kaliningrad to Kursk region" in html  # default title
    assert "Territorial claims (2)" in html and "Movements (2)" in html
    assert "2 movements" in result.output and "offline" in result.output


def test_map_command_online_uses_tiles_and_cdn(tmp_path):
    out = tmp_path / "online.html"
    result = CliRunner().invoke(main, ["map", SEED, "-o", str(out), "--online", "--title", "Kursk <b>"])
    assert result.exit_code == 0, result.output
    urls = external_urls(out.read_text(encoding="utf-8"))
    assert any("tile.openstreetmap.org" in u for u in urls)
    assert any("leaflet@1.9.3" in u for u in urls)
    assert "<title>Kursk &lt;b&gt;</title>" in out.read_text(encoding="utf-8")


def test_map_command_refuses_tiles_offline(tmp_path):
    result = CliRunner().invoke(main, ["map", SEED, "-o", str(tmp_path / "x.html"), "--tiles", "OpenStreetMap"])
    assert result.exit_code == 2 and "--online" in result.output
    result = CliRunner().invoke(main, ["map", SEED, "-o", str(tmp_path / "x.html"), "--tiles", "none"])
    assert result.exit_code == 0, result.output


def test_map_command_names_a_tile_url_without_attribution(tmp_path):
    """Issue 19: `map --online --tiles URL` ended in folium's 'Custom tiles must have an attribution' traceback."""
    url = "https://tiles.example.org/{z}/{x}/{y}.png"
    result = CliRunner().invoke(main, ["map", SEED, "-o", str(tmp_path / "x.html"), "--online", "--tiles", url])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"Error: tiles: the URL template {url!r} needs attribution" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.html").exists()


def test_map_command_takes_a_tile_url_with_its_attribution(tmp_path):
    url = "https://tiles.example.org/{z}/{x}/{y}.png"
    out = tmp_path / "x.html"
    result = CliRunner().invoke(main, ["map", SEED, "-o", str(out), "--online", "--tiles", url,
                                       "--attribution", "Example Tiles contributors"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '"https://tiles.example.org/{z}/{x}/{y}.png"' in page
    assert '"attribution": "Example Tiles contributors"' in page
