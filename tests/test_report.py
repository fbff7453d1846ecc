"""Reading reports: headers, dates, encodings and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geoconflict.errors import DateError, InvalidInputError
from geoconflict.text.report import Report, read_report

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_84a8b2256f18f56d.txt"


def test_seed_header():
    r = read_report(SEED)
    assert isinstance(r, Report)
    assert r.published == date(2024, 8, 14)
    assert r.title == ("Lithuania: Russia redeploys troops from Kaliningrad to Kursk region amid Ukrainian "
                       "offensive")
    assert r.body.startswith("Lithuania has observed a reallocation")
    assert r.body.endswith("Ministry of Defense.")
    assert r.text[r.body_start:] == r.body
    assert r.source == SEED.name and r.path == SEED
    assert "2024-08-14" in repr(r)


def test_path_as_string_and_text_as_string_agree():
    from_path = read_report(str(SEED))
    from_text = read_report(SEED.read_text(encoding="utf-8"))
    assert from_path.body == from_text.body and from_path.published == from_text.published
    assert from_text.path is None and from_text.source is None


def test_published_overrides_header_and_source_is_kept():
    r = read_report(SEED, published="2024-08-15", source="BNS")
    assert r.published == date(2024, 8, 15) and r.source == "BNS"


def test_no_date_needs_published():
    with pytest.raises(DateError, match="published="):
        read_report("Russian troops left Kherson.")
    assert read_report("Russian troops left Kherson.", published=date(2022, 11, 11)).published == date(2022, 11, 11)


def test_bad_published():
    with pytest.raises(DateError):
        read_report("Text.", published="not a date")


def test_key_value_header():
    r = read_report("Title: Goma falls\nDate: January 27, 2025\n\nM23 rebels entered Goma.")
    assert r.title == "Goma falls" and r.published == date(2025, 1, 27)
    assert r.body == "M23 rebels entered Goma."


@pytest.mark.parametrize("value", ["", "   \n\t ", b"", b"\n\n"])
def test_empty(value):
    with pytest.raises(InvalidInputError, match="empty"):
        read_report(value, published="2024-01-01")


def test_binary():
    with pytest.raises(InvalidInputError, match="binary"):
        read_report(bytes(range(256)) * 10, published="2024-01-01")
    with pytest.raises(InvalidInputError, match="binary"):
        read_report(b"\x89PNG\r\n\x1a\n" + bytes(200), published="2024-01-01")


def test_non_utf8_bytes_clear_error_then_encoding():
    raw = "Kämpfe in Sudža, Kursk région".encode("cp1252", errors="replace")
    with pytest.raises(InvalidInputError, match="not UTF-8.*encoding="):
        read_report(raw, published="2024-08-14")
    r = read_report(raw, published="2024-08-14", encoding="cp1252")
    assert "région" in r.text


def test_utf8_bytes_and_bom():
    r = read_report("\ufeffTroops moved to Kursk.".encode(), published="2024-08-14")
    assert r.text == "Troops moved to Kursk."


def test_crlf_normalised():
    r = read_report("Date: 2024-08-14\r\n\r\nLine one.\r\nLine two.")
    assert "\r" not in r.text and r.body == "Line one.\nLine two."


def test_html_to_text():
    markup = """<!doctype html><html><head><title>Site | Goma</title>
    <meta property="article:published_time" content="2025-01-27T08:00:00Z">
    <script>var x = "Kyiv";</script><style>p {color: red}</style></head>
    <body><nav>Home | World</nav><h1>M23 enters Goma</h1>
    <p>Rebels of the M23 entered <b>Goma</b> on Monday &amp; seized the airport.</p>
    <p>Fighting continued in Sake.</p></body></html>"""
    r = read_report(markup)
    assert r.title == "M23 enters Goma"
    assert r.published == date(2025, 1, 27)
    assert "Rebels of the M23 entered Goma on Monday & seized the airport." in r.text
    assert "Fighting continued in Sake." in r.text
    assert "var x" not in r.text and "color" not in r.text and "<" not in r.text


def test_missing_file():
    with pytest.raises(FileNotFoundError):
        read_report("no/such/report.txt")
    with pytest.raises(FileNotFoundError):
        read_report(Path("/no/such/file"))


def test_wrong_type():
    with pytest.raises(InvalidInputError):
        read_report(42)  # type: ignore[arg-type]


def test_large_report_reads(tmp_path):
    body = ("Russian troops were moved from Belgorod to Kursk, officials said. " * 800 + "\n\n") * 100
    path = tmp_path / "big.txt"
    path.write_text("Date: 2024-08-14\n\n" + body, encoding="utf-8")
    r = read_report(path)
    assert len(r.text) > 5_000_000 and r.published == date(2024, 8, 14)


def test_long_one_line_text_is_text_not_a_path():
    # a one-paragraph article longer than a file name may be (255 bytes) used to raise OSError
    text = "Sudzha, Aug 12 (Reuters) - " + "Ukrainian forces advanced near Sudzha in the Kursk region. " * 8
    report = read_report(text, published="2024-08-12")
    assert report.body == text.strip() and report.path is None
    # a NUL used to be accepted here and to fail later, in extract, with no position (issue 19): now refused at once
    with pytest.raises(InvalidInputError, match=r"a NUL character at line 1, column 19"):
        read_report("Fighting near Goma\x00 today.", published="2024-08-12")


def _outcome(f, value):
    try:
        return f(value)
    except (OSError, ValueError) as e:
        return type(e)


def test_is_file_equals_pathlib(tmp_path, monkeypatch):
    # read_report asks every one-line text whether it names a file; the quick form must answer as pathlib
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from geoconflict.text import report as report_module

    (tmp_path / "note.txt").write_text("x", encoding="utf-8")
    (tmp_path / "dir.md").mkdir()
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "link.txt").symlink_to(tmp_path / "note.txt")
    monkeypatch.chdir(tmp_path)
    pieces = st.sampled_from(["note.txt", "dir.md", "loop", "link.txt", "missing.txt", ".", "..", "/", "//", "./",
                              " ", "a", "On 3 May, shelling hit", "\x00", "é", "\ud800", "x" * 300, "note.txt/"])

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(pieces, min_size=1, max_size=4).map("".join))
    def check(value):
        assert _outcome(report_module._is_file, value) == _outcome(lambda v: Path(v).is_file(), value)

    check()
    assert report_module._is_file("note.txt") and report_module._is_file("link.txt")
    assert not report_module._is_file("dir.md") and not report_module._is_file("missing.txt")


def test_a_long_one_liner_is_text_without_asking_the_file_system(tmp_path, monkeypatch):
    # a one-line text over 255 characters with no separator is taken for text at once: what the file system
    # answers for it (a name too long), here asked by the reference form (the shortcut switched off)
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from geoconflict.text import report as report_module

    monkeypatch.chdir(tmp_path)
    (tmp_path / ("n" * 255)).write_text("x", encoding="utf-8")  # the longest name a file may have
    assert report_module._looks_like_path("n" * 255)

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(st.sampled_from("ab .é-_,;:\t\u0416"), min_size=250, max_size=400))
    def check(value):
        quick = report_module._looks_like_path(value)
        with monkeypatch.context() as m:
            m.setattr(report_module, "_NAME_MAX", 10 ** 9)
            assert report_module._looks_like_path(value) == quick

    check()
    note = "On 3 May 2024, unidentified gunmen attacked a checkpoint near a market town, wounding two guards. " * 3
    assert not report_module._looks_like_path(note)
    assert read_report(note, published="2024-05-03").body == note.strip()
