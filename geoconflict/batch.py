"""Many reports (and tables) at once: in this process, on local worker processes, or on a Dask cluster.

:func:`extract_many` takes paths (files or directories), :class:`~geoconflict.text.report.Report`
objects, or both, and gives one :class:`BatchResult`: the events of every
input in input order, and a summary of the inputs that failed. A tqdm progress
bar counts inputs as they finish.

* ``workers=1`` (the default) runs in this process;
* ``workers=N`` runs on N local processes: this one and N - 1 children
  (:mod:`concurrent.futures`);
* ``client=dask.distributed.Client(...)`` runs on a Dask cluster, so a corpus
  that outgrows one machine runs on many. Paths are opened by the workers, so
  they must see the same files (a shared filesystem); ``Report`` objects are
  sent to them whole.

Inputs go to workers in chunks, so places shared by many reports travel back
once per chunk. Local workers fork from a server that has already loaded the
gazetteer (see :func:`_worker_context`); Dask workers each load it once.

Examples
--------
>>> result = extract_many(["seeds/000_84a8b2256f18f56d.txt"], progress=False)
>>> result
BatchResult(1 input, 0 failed, EventSet(23 mentions, 2 movements, 2 claims, 1 combat area, 1 event))
"""

from __future__ import annotations

import os
import threading
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.inputs import Input, list_inputs, read_input_rows, skipped_note
from geoconflict.model import Mention
from geoconflict.model.eventset import EventSet
from geoconflict.readers import check_errors, no_gc

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from geoconflict.gazetteer import Gazetteer

__all__ = ["BatchResult", "Failure", "extract_many"]

#: Inputs per task sent to a worker (fewer when that leaves a worker fewer than
#: four tasks). 64 rather than 16: a quarter of the tasks and result messages;
#: on a 5 MB corpus, Dask's CPU time fell by 2.8 s (23.3 -> 20.4 s) and local
#: workers' parent CPU by 0.2 s; larger chunks saved nothing more.
CHUNK = 64
#: Tasks each worker should get at least, when there are inputs enough (so none idles at the end).
TASKS_PER_WORKER = 4
#: Chunks kept queued per child process, so none waits for this process to hand it the next.
AHEAD = 2
#: Failures quoted in :meth:`BatchResult.summary`.
SHOWN_FAILURES = 5


@dataclass(frozen=True)
class Failure:
    """One input that could not be read or extracted.

    Attributes
    ----------
    input : str
        The path, or the report's source / title.
    error : str
        The exception's type name.
    message : str
        Its message.
    """

    input: str
    error: str
    message: str

    def __str__(self) -> str:
        return f"{self.input}: {self.error}: {self.message}"


@dataclass(frozen=True)
class BatchResult:
    """What :func:`extract_many` produced.

    Attributes
    ----------
    events : EventSet
        The records of every input that succeeded, in input order.
    inputs : tuple of str
        Every input, in order (paths, or the reports' sources).
    failures : tuple of Failure
        The inputs that failed (only with ``errors="skip"``), in input order.
    skipped : tuple of str
        Files in folders passed over as geoconflict's own outputs.
    empty : tuple of Failure
        The inputs read that gave no record, and why.
    bad_rows : tuple of Failure
        The rows of event tables left out (only with ``errors="skip"``: the table's
        good rows are kept), one per problem, in input and file order; the message
        names the row and column.
    """

    events: EventSet
    inputs: tuple[str, ...] = ()
    failures: tuple[Failure, ...] = field(default=())
    skipped: tuple[str, ...] = ()
    empty: tuple[Failure, ...] = ()
    bad_rows: tuple[Failure, ...] = ()

    def summary(self) -> str:
        """One paragraph: how many inputs, how many failed, by error type, and the first failures.

        Then the event tables' rows left out, the inputs that were read but gave no record, and why, and the files
        in folders passed over as geoconflict's own outputs.

        Examples
        --------
        >>> BatchResult(EventSet(), ("a.txt", "b.txt"), (Failure("b.txt", "FormatError", "empty"),)).summary()
        '2 inputs, 1 failed (FormatError ×1): b.txt: FormatError: empty'
        """
        n = len(self.inputs)
        text = f"{n:,} input{'s' if n != 1 else ''}, {len(self.failures):,} failed"
        if self.failures:
            kinds = Counter(f.error for f in self.failures)
            text += " (" + ", ".join(f"{k} ×{v}" for k, v in kinds.most_common()) + ")"
            text += ": " + _first(self.failures)
        if self.bad_rows:
            rows = len(self.bad_rows)
            text += f"\n{rows:,} bad table row{'s' if rows != 1 else ''} left out: " + _first(self.bad_rows)
        if self.empty:
            text += f"\n{len(self.empty):,} gave no record: " + _first(self.empty)
        if self.skipped:
            text += "\n" + skipped_note(list(self.skipped))
        return text

    def write_failures(self, path: str | os.PathLike[str]) -> None:
        """Write every failure, every table row left out and every input that gave no record as CSV:
        ``input, error, message``."""
        import csv

        from geoconflict._files import replacing

        with replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["input", "error", "message"])
            writer.writerows((f.input, f.error, f.message) for f in (*self.failures, *self.bad_rows, *self.empty))

    def __repr__(self) -> str:
        n = len(self.inputs)
        return f"BatchResult({n:,} input{'s' if n != 1 else ''}, {len(self.failures):,} failed, {self.events!r})"


def _first(failures: Sequence[Failure]) -> str:
    """The first :data:`SHOWN_FAILURES` of *failures*, and how many more."""
    text = "; ".join(str(f) for f in failures[:SHOWN_FAILURES])
    if len(failures) > SHOWN_FAILURES:
        text += f"; … {len(failures) - SHOWN_FAILURES:,} more"
    return text


def _without_label(message: str, label: str) -> str:
    """*message* without a leading ``label: `` (an error that names its file already)."""
    return message[len(label) + 2:] if message.startswith(f"{label}: ") else message


def _why_empty(label: str, events: EventSet) -> Failure | None:
    """Why an input gave no record (movement, claim, combat area or event), or None when it gave one."""
    if events.is_deferred:  # a table read as columns: counted without making its records
        if len(events.event_columns()) or any(not isinstance(r, Mention) for r in events.non_events()):
            return None
    elif events.movements or events.claims or events.combats or events.events:
        return None
    if events.mentions:
        named = sorted({m.text for m in events.mentions})
        why = f"{len(named)} place name{'s' if len(named) != 1 else ''} found ({', '.join(named[:SHOWN_FAILURES])}), no event"
    else:
        why = "no place name found"
    return Failure(label, "no record", why)


# --------------------------------------------------------------------------- one input

#: One input's events, or its failure; and a table's bad rows left out (``errors="skip"``).
_Outcome = tuple[EventSet | None, "Failure | None", "tuple[Failure, ...]"]
#: A runner's output: the index of a chunk's first input, and the chunk's outcomes.
_Results = Iterator[tuple[int, list[_Outcome]]]


def _label(item: Input) -> str:
    if isinstance(item, str | os.PathLike):
        return str(item)
    return str(getattr(item, "path", None) or getattr(item, "source", None) or getattr(item, "title", None)
               or repr(item))


@dataclass(frozen=True)
class _Options:
    """What every input is read with: the gazetteer, and the date of reports without a dated header."""

    gazetteer: Gazetteer | None = None
    published: date | str | None = None


def _chunk(items: Sequence[Input], errors: str, options: _Options = _Options()) -> list[_Outcome]:
    """Process a chunk on a worker: per input, its events or its failure.

    *options.gazetteer* travels to a worker process by reference (its data directory
    and the files of places added to it), and is loaded there once per process.

    The garbage collector is paused over the chunk, as it is in the process
    that gathers the results: a chunk's records are long-lived until they are
    sent, and would otherwise be visited by collections again and again.
    """
    out: list[_Outcome] = []
    with no_gc():
        for item in items:
            try:
                events, table = read_input_rows(item, errors=errors, gazetteer=options.gazetteer,
                                                published=options.published)
                rows = () if table is None else tuple(Failure(_label(item), "bad row", str(p)) for p in table.problems)
                out.append((events, None, rows))
            except Exception as exc:  # every input's failure is reported, never swallowed
                if errors == "raise":
                    raise _Failed(_label(item), exc) from exc
                out.append((None, Failure(_label(item), type(exc).__name__, _without_label(str(exc), _label(item))),
                            ()))
    return out


class _Failed(Exception):
    """Carries the failing input's name back from a worker (``errors="raise"``)."""

    def __init__(self, label: str, exc: BaseException):
        super().__init__(label, type(exc).__name__, str(exc))
        self.label, self.error, self.text = label, type(exc).__name__, str(exc)

    def __reduce__(self) -> tuple[Any, tuple[str, str, str]]:  # picklable without the original exception
        return (_rebuild_failed, (self.label, self.error, self.text))


def _rebuild_failed(label: str, error: str, text: str) -> _Failed:
    failed = _Failed.__new__(_Failed)
    Exception.__init__(failed, label, error, text)
    failed.label, failed.error, failed.text = label, error, text
    return failed


# --------------------------------------------------------------------------- the runners


def _chunks(items: list[Input], size: int) -> Iterator[tuple[int, list[Input]]]:
    for start in range(0, len(items), size):
        yield start, items[start:start + size]


def _worker_context() -> BaseContext:
    """The multiprocessing context local workers start in.

    On POSIX, the forkserver's: the server imports :mod:`geoconflict._warm`
    (which loads the gazetteer and builds its name automaton) before it forks
    the first worker, so the workers share them copy-on-write and a later call
    in this process finds the server warm. The preload list is the
    forkserver's, for this whole process: it keeps ``__main__`` (the default)
    and applies when the server starts (not if it already runs). The server
    is started here, so it warms up while the caller goes on. Elsewhere,
    spawn: each worker loads the gazetteer itself.

    Returns
    -------
    multiprocessing.context.BaseContext
    """
    import multiprocessing

    if os.name != "posix":
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "geoconflict._warm"])
    forkserver.ensure_running()
    return context


def _chunk_size(n: int, workers: int) -> int:
    """Inputs per chunk: :data:`CHUNK`, or fewer so that each worker gets :data:`TASKS_PER_WORKER` chunks."""
    return max(1, min(CHUNK, n // (workers * TASKS_PER_WORKER) or 1))


class _LocalRun:
    """One run on local processes: this process and ``workers - 1`` children share a queue of chunks.

    The children are kept :data:`AHEAD` chunks ahead each. This process
    extracts chunks too, one input at a time, topping the children up between
    inputs: it would otherwise sit idle but for receiving and unpickling their
    records, so N workers use N cores and only N - 1 of them send their records
    back. The children are started from a thread, so that this process loads
    its own gazetteer while the forkserver loads theirs. The queue's
    ``popleft`` is atomic, so both threads take chunks from it; *pending* (the
    children's futures and the start of their chunks) is guarded by *lock*.
    """

    def __init__(self, pool: Executor, items: list[Input], errors: str, workers: int, options: _Options):
        self.pool, self.errors, self.options = pool, errors, options
        self.ahead = AHEAD * (workers - 1)
        self.queue = deque(_chunks(items, _chunk_size(len(items), workers)))
        self.pending: dict[Future[list[_Outcome]], int] = {}
        self.lock = threading.Lock()
        self.failed: list[BaseException] = []

    def _top_up(self) -> None:
        """Submit chunks until the children have enough queued (with *lock* held)."""
        while self.queue and sum(not f.done() for f in self.pending) < self.ahead:
            start, chunk = self.queue.popleft()
            self.pending[self.pool.submit(_chunk, chunk, self.errors, self.options)] = start

    def _start_children(self) -> None:
        try:
            with self.lock:
                self._top_up()
        except BaseException as exc:  # raised again in this process's thread
            self.failed.append(exc)

    def _collect(self) -> list[tuple[int, list[_Outcome]]]:
        """The children's finished chunks, after topping them up (with *lock* held, or the starter joined)."""
        if self.failed:
            raise self.failed[0]
        self._top_up()
        return [(self.pending.pop(f), f.result()) for f in [f for f in self.pending if f.done()]]

    def _collect_if_free(self) -> list[tuple[int, list[_Outcome]]]:
        if not self.lock.acquire(blocking=False):  # the starter may still hold it
            return []
        try:
            return self._collect()
        finally:
            self.lock.release()

    def _own_share(self) -> _Results:
        """This process's chunks, one input at a time, and between inputs whatever the children finished."""
        while self.queue:
            try:
                start, chunk = self.queue.popleft()
            except IndexError:  # the starter took the last one
                break
            for k, item in enumerate(chunk):
                yield start + k, _chunk([item], self.errors, self.options)
                yield from self._collect_if_free()

    def results(self) -> _Results:
        """Every chunk's results as they finish."""
        starter = threading.Thread(target=self._start_children, daemon=True)
        starter.start()
        try:
            yield from self._own_share()
            starter.join()
            yield from self._collect()
            while self.pending:
                done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield self.pending.pop(future), future.result()
        except BaseException:
            starter.join()
            for future in self.pending:
                future.cancel()
            raise


def _run_local(items: list[Input], errors: str, workers: int, context: BaseContext | None,
               options: _Options) -> _Results:
    """Results as they finish: this process is one of the *workers*, the others are child processes."""
    if workers == 1:
        for start, item in enumerate(items):
            yield start, _chunk([item], errors, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        yield from _LocalRun(pool, items, errors, workers, options).results()


def _run_dask(items: list[Input], errors: str, client: Any, options: _Options) -> _Results:
    """Results as they finish on a Dask cluster (*client* is a ``distributed.Client``)."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    starts, futures = {}, []
    for start, chunk in _chunks(items, _chunk_size(len(items), workers)):
        future = client.submit(_chunk, chunk, errors, options, pure=False)
        starts[future.key] = start
        futures.append(future)
    try:
        for future in as_completed(futures):
            yield starts[future.key], future.result()
    except BaseException:
        client.cancel(futures)
        raise


def _gather(outcomes: Iterable[_Outcome]) -> tuple[EventSet, list[Failure], list[Failure]]:
    """The records of every input that succeeded, in input order, the failures and the tables' bad rows."""
    failures: list[Failure] = []
    bad_rows: list[Failure] = []
    parts = []
    for part, failure, rows in outcomes:
        bad_rows.extend(rows)
        if failure is not None:
            failures.append(failure)
        elif part is not None:
            parts.append(part)
    # tables read as columns stay columns (EventSet.concat), one input's set is kept as it is
    return (EventSet.concat(parts) if parts else EventSet()), failures, bad_rows


def extract_many(
    reports: Iterable[Input] | str | os.PathLike[str],
    *,
    workers: int = 1,
    client: Any = None,
    errors: str = "raise",
    progress: bool = True,
    gazetteer: Gazetteer | None = None,
    published: date | str | None = None,
) -> BatchResult:
    """Extract events from many reports (and read any event tables among them).

    Parameters
    ----------
    reports : path, or iterable of paths and Report objects
        Files (reports, or tables with a suffix in
        :data:`geoconflict.readers.TABLE_SUFFIXES`), directories (every report
        and table under them, sorted), or :class:`~geoconflict.text.report.Report`
        objects.
    workers : int
        Local processes extracting: this one and ``workers - 1`` children (1: this
        process alone). Ignored with *client*.
    client : dask.distributed.Client, optional
        Run on this Dask cluster instead.
    errors : {"raise", "skip"}
        ``"raise"``: the first failing input stops the run with a
        :class:`~geoconflict.errors.FormatError` naming it (a table's bad row
        too). ``"skip"``: failures are collected in :attr:`BatchResult.failures`,
        and a table's bad rows are left out, its good rows kept, and listed in
        :attr:`BatchResult.bad_rows` (see :meth:`BatchResult.summary`).
    progress : bool
        Show a tqdm progress bar (on stderr).
    gazetteer : Gazetteer, optional
        Places reports and tables (the default offline gazetteer when None), say
        ``Gazetteer.default().with_places("mine.csv")``. Worker processes (and
        Dask workers) load it again from its files of places, once each: those
        files must be readable there.
    published : date or ISO string, optional
        The publication date of report files without a dated header (files named
        on their own and those found in directories alike); a report with a dated
        header keeps its own.

    Returns
    -------
    BatchResult
    """
    check_errors(errors)
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InvalidInputError(f"workers: expected a whole number ≥ 1, got {workers!r}", field="workers",
                                value=workers)
    if isinstance(reports, str | os.PathLike):
        reports = [reports]
    # the workers' server warms up while the inputs are listed
    context = _worker_context() if workers > 1 and client is None else None
    items, skipped = list_inputs(reports)
    from tqdm.auto import tqdm

    results: list[_Outcome] = [(None, None, ())] * len(items)
    with no_gc(), tqdm(total=len(items), desc="extract", unit="input", disable=not progress) as bar:
        options = _Options(gazetteer, published)
        runner = (_run_dask(items, errors, client, options) if client is not None
                  else _run_local(items, errors, workers, context, options))
        try:
            for start, chunk_results in runner:
                results[start:start + len(chunk_results)] = chunk_results
                bar.update(len(chunk_results))
        except _Failed as failed:
            raise FormatError(f"{failed.error}: {_without_label(failed.text, failed.label)}",
                              path=failed.label) from None
        events, failures, bad_rows = _gather(results)
    labels = tuple(_label(i) for i in items)
    empty = [why for label, (part, _, _) in zip(labels, results, strict=True)
             if part is not None and (why := _why_empty(label, part)) is not None]
    return BatchResult(events, labels, tuple(failures), tuple(skipped), tuple(empty), tuple(bad_rows))
