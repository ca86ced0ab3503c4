"""A long-lived LibreOffice for many PDF conversions: started once, checked, restarted, stopped.

Starting LibreOffice costs more than converting a report, so a batch keeps one instance per
worker. The instance runs our ``Serve`` macro (see :mod:`lkjip_gen.output.pdf`), which waits for
a job file in its inbox folder, converts it exactly as a one-shot conversion does (table of
contents updated twice, then export) and marks it done. Files rather than a UNO socket: the
macro is plain Basic, which every LibreOffice has (Python-UNO needs a matching interpreter that
Windows installs and Debian's ``libreoffice-writer-nogui`` lack), and the instance keeps the
isolation of a one-shot conversion — its own profile and work folder, no network namespace
(no socket at all), its own process group, killed with us (see :mod:`lkjip_gen.output.soffice`).

An instance that died (a crash, a kill) is started again and the conversion retried once; one
that exceeds the timeout is killed and started again for the next document; every instance is
stopped on :meth:`WarmOffice.close`, also on Ctrl+C and SIGTERM (the caller's ``with`` block),
and after a SIGKILL the next lkjip run removes what is left (see :mod:`lkjip_gen.output.workdir`).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from pathlib import Path
from types import TracebackType

from lkjip_gen.errors import LkjipError, ToolMissingError
from lkjip_gen.output import pdf, soffice
from lkjip_gen.output.workdir import SOFFICE, workdir

START_TIMEOUT = 120.0
"""Seconds LibreOffice may take to start and answer its first job (a new profile is slow)."""
RESTART_AFTER = 200
"""Conversions before an instance is replaced, so a slow leak in LibreOffice cannot build up."""
_POLL = 0.01


class WarmOffice:
    """One LibreOffice serving conversions one at a time; use as a context manager.

    Args:
        timeout: Seconds one conversion may take (see :func:`lkjip_gen.output.pdf.timeout_setting`).
    """

    def __init__(self, *, timeout: float | None = None) -> None:
        self.seconds = pdf.timeout_setting(timeout)
        program = pdf.find_soffice()
        if program is None:
            raise ToolMissingError(pdf.missing_message())
        self.program = program
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.served = 0
        self._jobs = 0
        self._stack = contextlib.ExitStack()
        self.work = self._stack.enter_context(workdir())

    def __enter__(self) -> WarmOffice:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def convert(self, docx: bytes, shown: Path) -> bytes:
        """The PDF of ``docx``, checked complete; like :func:`lkjip_gen.output.pdf.convert`.

        Raises:
            LkjipError: the conversion failed, timed out or LibreOffice died twice.
        """
        if self.served >= RESTART_AFTER:
            self.stop()
        try:
            return self._convert(docx, shown)
        except _Died:
            # A crash is LibreOffice's, rarely the document's: one more try on a fresh instance.
            self.stop()
            try:
                return self._convert(docx, shown)
            except _Died as died:
                self.stop()
                raise LkjipError(
                    f"LibreOffice berhenti mendadak dua kali saat membuat {shown}; {shown} tidak "
                    f"diubah.{pdf.log_tail(self.work)}"
                ) from died

    def close(self) -> None:
        """Stop LibreOffice (asking first, then killing) and remove its work folder."""
        try:
            self.stop()
        finally:
            self._stack.close()

    # ---------------------------------------------------------------- the instance

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        """Start LibreOffice with a fresh profile and wait until its macro answers."""
        self.stop()
        run = self.work / f"run{self.starts}"
        inbox = run / "inbox"
        inbox.mkdir(parents=True)
        (run / "tmp").mkdir()
        env = {
            **os.environ,
            **dict.fromkeys(("TMPDIR", "TMP", "TEMP"), str(run / "tmp")),
            "LKJIP_INBOX_URL": inbox.as_uri(),
        }
        self.starts += 1
        self.served = 0
        command = pdf.command(self.program, pdf.profile(run / "profile"), "Serve")
        self.process = soffice.start(command, env, self.work)
        self.inbox = inbox
        if not self._wait(inbox / "ready", START_TIMEOUT):
            alive = self.alive()
            self.stop()
            what = "tidak siap" if alive else "berhenti"
            raise LkjipError(
                f"LibreOffice {what} dalam {START_TIMEOUT:g} detik setelah dijalankan; PDF tidak "
                f"dapat dibuat.{pdf.log_tail(self.work)}"
            )

    def stop(self) -> None:
        """End the instance: ask its macro to stop, kill it if it does not within a few seconds."""
        process, self.process = self.process, None
        if process is None:
            return
        try:
            if process.poll() is None:
                (self.inbox / "stop").write_text("stop", encoding="ascii")
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    soffice.kill_group(process)
            # Children of the launcher may outlive it: the group goes as a whole.
            soffice.kill_group(process)
        finally:
            (self.work / SOFFICE).unlink(missing_ok=True)

    def ping(self) -> bool:
        """Whether the instance answers a job that converts nothing (a health check)."""
        if not self.alive():
            return False
        try:
            self._job("ping", None, None, timeout=10)
        except (_Died, _TimedOut):
            return False
        return True

    # ---------------------------------------------------------------- one job

    def _convert(self, docx: bytes, shown: Path) -> bytes:
        if not self.alive():
            self.start()
        self._jobs += 1
        n = self._jobs
        source, out = self.work / f"masukan-{n}.docx", self.work / f"out-{n}.pdf"
        error = self.work / f"error-{n}.txt"
        source.write_bytes(docx)
        try:
            try:
                self._job(source.as_uri(), out, error, timeout=self.seconds)
                returncode: int | None = 0
            except _TimedOut:
                self.stop()  # stuck in this document: the next one gets a fresh instance
                returncode = None
            self.served += 1
            try:
                return pdf.result(
                    returncode, self.work, docx, shown, self.seconds, out=out, error=error
                )
            except LkjipError:
                # The document failed; whether the instance still serves is checked before the
                # next document is handed to it.
                if not self.ping():
                    self.stop()
                raise
        finally:
            for path in (source, out, error):
                path.unlink(missing_ok=True)

    def _job(self, docx_url: str, out: Path | None, error: Path | None, *, timeout: float) -> None:
        """Hand one job to the macro and wait until it is done.

        Raises:
            _Died: LibreOffice ended before finishing the job.
            _TimedOut: it did not finish within ``timeout`` seconds.
        """
        self._jobs += 1
        done = self.work / f"done-{self._jobs}"
        urls = [docx_url, *(p.as_uri() if p else "none" for p in (out, error)), done.as_uri()]
        pending = self.work / "job.tmp"
        pending.write_text("\n".join(urls) + "\n", encoding="utf-8")
        # A rename is atomic: the macro never reads half a job.
        os.replace(pending, self.inbox / "job.txt")
        try:
            if not self._wait(done, timeout):
                raise _Died() if not self.alive() else _TimedOut()
        finally:
            done.unlink(missing_ok=True)

    def _wait(self, path: Path, timeout: float) -> bool:
        """Wait for ``path`` to appear; False when LibreOffice died or time ran out first."""
        deadline = time.monotonic() + timeout
        while not path.exists():
            if not self.alive() or time.monotonic() > deadline:
                return path.exists()
            time.sleep(_POLL)
        return True


class _Died(Exception):
    """LibreOffice ended while a job was pending."""


class _TimedOut(Exception):
    """A job took longer than allowed."""
