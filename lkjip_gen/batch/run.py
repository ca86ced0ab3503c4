"""Build many reports in parallel worker processes, each failure kept to its own report.

Each worker builds one report at a time and keeps, for the whole batch, what every report of the
batch needs alike: the templates it assembled and compiled (see :mod:`lkjip_gen.render.prepare`)
and, when PDFs are asked for, a warm LibreOffice (see :mod:`lkjip_gen.output.warm`). A report
that fails is a result with its first message, never the end of the batch; a worker that dies is
replaced and its report counted as failed. Ctrl+C and SIGTERM stop the workers, which stop their
LibreOffice on the way out.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_gen.build import report, write_report
from lkjip_gen.compute.periode import Periode
from lkjip_gen.errors import LkjipError, Problem, ValidationFailed

_JOIN_SECONDS = 15.0


@dataclass(frozen=True)
class Options:
    """What every report of a batch is built with (``lkjip build``'s options)."""

    formats: tuple[str, ...] = ("docx",)
    document: str = "lkjip"
    strict: bool = False
    pdf_timeout: float | None = None
    periode: Periode | None = None
    """Another period than each file's own (``--triwulan N``/``--tahunan``)."""


@dataclass(frozen=True)
class Job:
    index: int
    path: Path
    out_dir: Path | None


@dataclass
class Result:
    """One report of a batch: what was written, or why nothing was."""

    index: int
    path: Path
    written: list[Path] = field(default_factory=list)
    error: str | None = None
    internal: bool = False
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def build_one(job: Job, options: Options, office: Any = None) -> Result:
    """Build one report; every error becomes the result's message (its first line or problem)."""
    start = time.perf_counter()
    result = Result(job.index, job.path)
    try:
        notes: list[Problem] = []
        doc, model = report(job.path, strict=options.strict, notes=notes, periode=options.periode)
        result.warnings = [str(p) for p in notes]
        converter = office.convert if office is not None else None
        result.written = write_report(
            job.path,
            doc,
            model,
            job.out_dir,
            formats=options.formats,
            document=options.document,
            pdf_timeout=options.pdf_timeout,
            converter=converter,
            periode=options.periode,
        )
    except ValidationFailed as failed:
        result.error = str(failed.problems[0]) if failed.problems else str(failed)
        result.warnings += [str(p) for p in failed.problems if p.severity != "error"]
    except LkjipError as exc:
        result.error = str(exc).splitlines()[0]
    except Exception as exc:  # a bug in lkjip_gen: this report fails, the batch goes on
        result.error = f"kesalahan internal (bukan kesalahan data Anda): {exc!r}"
        result.internal = True
        if os.environ.get("LKJIP_DEBUG"):
            traceback.print_exc()
    result.seconds = time.perf_counter() - start
    return result


def build_many(jobs: list[Job], options: Options, workers: int) -> Iterator[Result]:
    """Build every job; results come as reports finish (not in job order).

    ``workers`` processes build in parallel; with one, the reports are built in this process.
    """
    if workers <= 1 or len(jobs) <= 1:
        with _office(options) as office:
            for job in jobs:
                yield build_one(job, options, office)
        return
    yield from _Pool(jobs, options, min(workers, len(jobs))).results()


@contextlib.contextmanager
def _office(options: Options) -> Iterator[Any]:
    """A warm LibreOffice for this process when PDFs are asked for, started at its first use."""
    if "pdf" not in options.formats:
        yield None
        return
    from lkjip_gen.output.warm import WarmOffice

    with WarmOffice(timeout=options.pdf_timeout) as office:
        yield office


def _worker(tasks: Any, results: Any, options: Options) -> None:
    """A worker process: builds the jobs it takes until it takes None."""
    # SIGTERM from the batch (or anyone) ends the worker like Ctrl+C: LibreOffice stops first.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with _office(options) as office:
            while (job := tasks.get()) is not None:
                results.put(("start", os.getpid(), job.index))
                results.put(("done", os.getpid(), build_one(job, options, office)))
    except KeyboardInterrupt:
        sys.exit(130)  # quietly: the batch reports the job this worker did not finish


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class _Pool:
    """Worker processes fed from one queue; a worker that dies is replaced."""

    def __init__(self, jobs: list[Job], options: Options, workers: int) -> None:
        self.jobs = {job.index: job for job in jobs}
        self.options = options
        self.context = multiprocessing.get_context()
        self.tasks = self.context.Queue()
        self.messages = self.context.Queue()
        for job in jobs:
            self.tasks.put(job)
        for _ in range(workers):
            self.tasks.put(None)
        self.processes = [self._spawn() for _ in range(workers)]
        self.current: dict[int, int] = {}  # worker pid → the job it builds

    def _spawn(self) -> Any:
        process = self.context.Process(
            target=_worker, args=(self.tasks, self.messages, self.options), daemon=True
        )
        process.start()
        return process

    def results(self) -> Iterator[Result]:
        pending = set(self.jobs)
        finished = False
        try:
            while pending:
                try:
                    kind, pid, value = self.messages.get(timeout=0.5)
                except queue.Empty:
                    yield from self._dead_workers(pending)
                    continue
                if kind == "start":
                    self.current[pid] = value
                else:
                    self.current.pop(pid, None)
                    pending.discard(value.index)
                    yield value
            finished = True
        finally:
            self._stop(finished)

    def _dead_workers(self, pending: set[int]) -> Iterator[Result]:
        """Fail the job of every worker that died mid-job, and start another in its place."""
        for process in list(self.processes):
            if process.is_alive():
                continue
            self.processes.remove(process)
            index = self.current.pop(process.pid, None)
            if process.exitcode == 0:
                continue  # it took its end-of-work marker
            if index is not None and index in pending:
                pending.discard(index)
                yield Result(
                    index,
                    self.jobs[index].path,
                    error="proses pembuat dokumen berhenti mendadak "
                    f"(kode keluar {process.exitcode})",
                    internal=True,
                )
            self.processes.append(self._spawn())

    def _stop(self, finished: bool) -> None:
        """Let finished workers end on their own (they stop LibreOffice); stop the others."""
        deadline = time.monotonic() + _JOIN_SECONDS
        if finished:
            for process in self.processes:
                process.join(max(deadline - time.monotonic(), 0.1))
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join(max(deadline - time.monotonic(), 0.1))
            if process.is_alive():
                process.kill()
                process.join()
