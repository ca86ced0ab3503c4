"""What a batch shows while it runs (a progress line with an estimate) and the table at its end.

On a terminal the progress line is redrawn in place; anywhere else (a log file, CI, a pipe) each
finished report is one plain line, so the output reads well without a terminal.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lkjip_gen.batch.run import Result

_BAR = 24


class Progress:
    """Counts finished reports on ``stream`` (stderr) and estimates the time left."""

    def __init__(self, total: int, stream: TextIO, *, terminal: bool | None = None) -> None:
        self.total = total
        self.stream = stream
        self.terminal = stream.isatty() if terminal is None else terminal
        self.done = self.failed = 0
        self.start = time.monotonic()

    def update(self, result: Result) -> None:
        """Record one finished report and show it."""
        self.done += 1
        self.failed += not result.ok
        if self.terminal:
            if not result.ok:
                # A failure stays on screen above the redrawn line.
                self._write(f"\r\033[KGAGAL {_shown(result.path)}: {_short(result.error)}\n")
            self._write(f"\r\033[K{self.line(result)}")
        else:
            status = "ditulis" if result.ok else f"GAGAL: {_short(result.error)}"
            self._write(f"[{self.done}/{self.total}] {_shown(result.path)}: {status}\n")

    def line(self, result: Result) -> str:
        """``[#####-----] 12/40  3 gagal  sisa ± 0:45  dinas-x/lkjip-2024.yaml``"""
        filled = _BAR * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (_BAR - filled)
        failed = f"  {self.failed} gagal" if self.failed else ""
        return f"[{bar}] {self.done}/{self.total}{failed}  {self.eta()}  {_shown(result.path)}"

    def eta(self) -> str:
        """The time left at the pace so far (``sisa ± 1:05``)."""
        elapsed = time.monotonic() - self.start
        left = elapsed / max(self.done, 1) * (self.total - self.done)
        return f"sisa ± {_clock(left)}"

    def finish(self) -> None:
        if self.terminal:
            self._write("\r\033[K")
        elapsed = time.monotonic() - self.start
        self._write(f"{self.done} laporan dalam {_clock(elapsed)}\n")

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()


def summary(results: Sequence[Result]) -> str:
    """The table printed after a batch: each report in the order given, then the totals."""
    rows = [("Berkas", "Status", "Peringatan", "Keterangan")]
    for result in sorted(results, key=lambda r: r.index):
        if result.ok:
            note = ", ".join(_shown(p) for p in result.written)
            status = "ditulis"
        else:
            note, status = _short(result.error), "GAGAL"
        rows.append((_shown(result.path), status, str(len(result.warnings)), note))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + f"  {row[3]}"
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 10)
    written = sum(r.ok for r in results)
    warnings = sum(len(r.warnings) for r in results)
    lines.append(
        f"\n{written} ditulis, {len(results) - written} gagal, {warnings} peringatan "
        f"(dari {len(results)} laporan)"
    )
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _shown(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _short(text: str | None) -> str:
    """A message on one line (the first message of a report is shown whole)."""
    return " ".join((text or "").split())


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
