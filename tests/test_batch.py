"""extract_many: in process, on local worker processes, and on a Dask LocalCluster."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import geoconflict as gc
from geoconflict.batch import BatchResult, Failure, extract_many
from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.extraction import extract
from geoconflict.text.report import read_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_84a8b2256f18f56d.txt"
ACLED = ROOT / "data" / "kursk_acled_layout.csv"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Four copies of the seed report, an event table and an empty (failing) report."""
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(4):
        shutil.copy(SEED, folder / f"report_{i}.txt")
    shutil.copy(ACLED, folder / "table.csv")
    (folder / "report_9_empty.txt").write_text("")
    return folder


@pytest.fixture(scope="module")
def in_process(corpus):
    return extract_many([corpus], errors="skip", progress=False)


def test_in_process_reads_reports_and_tables(in_process, corpus):
    one = extract(read_report(SEED))
    assert len(in_process.inputs) == 6
    assert len(in_process.events.movements) == 4 * len(one.movements)
    assert len(in_process.events.claims) == 4 * len(one.claims) + 1  # plus the ACLED territory row
    assert any(e.id == "RUSX0001" for e in in_process.events.events)
    (failure,) = in_process.failures
    assert failure.input == str(corpus / "report_9_empty.txt") and failure.error == "InvalidInputError"
    assert in_process.summary().startswith("6 inputs, 1 failed (InvalidInputError ×1): ")


@pytest.mark.parametrize("workers", [1, 2])
def test_raise_names_the_failing_input(corpus, workers):
    """With 2 workers the failing input may be this process's chunk or the child's: named either way."""
    with pytest.raises(FormatError, match=r"report_9_empty\.txt: InvalidInputError"):
        extract_many([corpus], workers=workers, progress=False)


def test_two_local_workers_give_the_same_result(in_process, corpus):
    parallel = extract_many([corpus], workers=2, errors="skip", progress=False)
    assert parallel.inputs == in_process.inputs
    assert parallel.failures == in_process.failures
    assert parallel.events == in_process.events


@pytest.mark.slow
def test_workers_fork_from_a_warm_server_in_a_fresh_interpreter_and_again(corpus):
    """The forkserver has the gazetteer and its automaton before the first extract; a second call reuses it."""
    script = f"""
from concurrent.futures import ProcessPoolExecutor
from geoconflict.batch import _worker_context, extract_many
first = extract_many([{str(corpus)!r}], workers=2, errors="skip", progress=False)
with ProcessPoolExecutor(1, mp_context=_worker_context()) as pool:
    warm = pool.submit(eval, "__import__('geoconflict.gazetteer.index').gazetteer.Gazetteer._default._automaton is not None")
    assert warm.result() is True
again = extract_many([{str(corpus)!r}], workers=2, errors="skip", progress=False)
assert again == first and len(first.failures) == 1, (first, again)
print("ok")
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert run.stdout.strip() == "ok", run.stderr


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_result(in_process, corpus):
    import distributed
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        result = extract_many([corpus], client=client, errors="skip", progress=False)
        with pytest.raises(FormatError, match=r"report_9_empty\.txt"):
            extract_many([corpus], client=client, progress=False)
    assert result.events == in_process.events and result.failures == in_process.failures


def test_arguments_are_checked(corpus):
    with pytest.raises(InvalidInputError, match="workers: expected a whole number ≥ 1, got 0"):
        extract_many([corpus], workers=0)
    with pytest.raises(InvalidInputError, match="errors: expected one of"):
        extract_many([corpus], errors="ignore")
    with pytest.raises(FormatError, match="no such file"):
        extract_many([corpus / "missing.txt"])


def test_summary_lists_at_most_five():
    failures = tuple(Failure(f"r{i}.txt", "FormatError", "bad") for i in range(7))
    text = BatchResult(gc.EventSet(), tuple(f.input for f in failures), failures).summary()
    assert text.endswith("; … 2 more") and "FormatError ×7" in text


def test_a_folder_is_listed_as_sorted_paths_with_report_and_table_suffixes(tmp_path):
    """Nested folders in path order, suffixes in any case, links to files followed, links to folders not."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner").mkdir()
    (tmp_path / "other").mkdir()
    for name in ("z.txt", "a.TXT", "b.txt", "b/2.csv", "b/inner/1.txt", "b/notes.pdf", ".hidden.txt",
                 "other/x.txt"):
        (tmp_path / name).write_text("Date: 2024-08-14\n\nTroops moved from Kursk to Belgorod.\n")
    (tmp_path / "link.txt").symlink_to(tmp_path / "z.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    result = extract_many([f"{tmp_path}/./"], errors="skip", progress=False)  # the .csv is no table
    expected = [".hidden.txt", "a.TXT", "b/2.csv", "b/inner/1.txt", "b.txt", "link.txt", "other/x.txt", "z.txt"]
    assert result.inputs == tuple(str(tmp_path / name) for name in expected)


def test_skip_leaves_a_tables_bad_rows_out_and_keeps_the_rest(tmp_path):
    """``errors="skip"`` loses nothing good: a table with one bad row gives its other rows, and the bad row is
    listed (file, row, column) in the result, its summary and the failures file; ``"raise"`` stops at it."""
    table = tmp_path / "events.csv"
    table.write_text("place,date,type\nSudzha,2024-08-06,battle\nKursk,6 Aug,battle\nSumy,2024-08-07,shelling\n",
                     encoding="utf-8")
    result = extract_many([table, SEED], errors="skip", progress=False)
    assert [e.place.name for e in result.events.events[:2]] == ["Sudzha", "Sumy"]
    assert result.failures == () and len(result.bad_rows) == 1
    bad = result.bad_rows[0]
    assert (bad.input, bad.error) == (str(table), "bad row") and bad.message.startswith("row 2, column 'date'")
    assert "1 bad table row left out" in result.summary() and "6 Aug" in result.summary()
    result.write_failures(tmp_path / "failures.csv")
    assert "row 2, column 'date'" in (tmp_path / "failures.csv").read_text(encoding="utf-8")
    with pytest.raises(FormatError, match="row 2, column 'date'"):
        extract_many([table], progress=False)


def test_skip_on_workers_keeps_the_same_rows(tmp_path):
    """The bad rows travel back from worker processes as they are found in this one."""
    table = tmp_path / "events.csv"
    table.write_text("place,date,type\nSudzha,2024-08-06,battle\nKursk,2024-13-01,battle\n", encoding="utf-8")
    here = extract_many([table, SEED, SEED], errors="skip", progress=False)
    there = extract_many([table, SEED, SEED], workers=2, errors="skip", progress=False)
    assert there.bad_rows == here.bad_rows and len(here.bad_rows) == 1
    assert len(there.events.events) == len(here.events.events)
