"""Temporary work folders that are cleaned up even after the process was killed.

Each folder is ``lkjip-*`` in the system temp folder and holds ``pemilik.pid`` (the process that
made it) and, while LibreOffice runs there, ``soffice.pid``. A normal exit, Ctrl+C or SIGTERM
removes the folder; after a SIGKILL or a power cut the next lkjip run finds folders whose owner is
gone, stops a LibreOffice still running in one, and removes them. A folder may also last the whole
process (matplotlib's font cache, :func:`for_process`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = "lkjip-"
OWNER = "pemilik.pid"
SOFFICE = "soffice.pid"
# A folder without an owner file is one whose owner died between creating and marking it.
_UNMARKED_GRACE = 3600.0


@contextlib.contextmanager
def workdir() -> Iterator[Path]:
    """A fresh work folder, removed on leaving the block (also on Ctrl+C and SIGTERM)."""
    sweep()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    try:
        (folder / OWNER).write_text(str(os.getpid()), encoding="ascii")
        yield folder
    finally:
        # ignore_errors: on Windows a killed LibreOffice may still hold profile files briefly.
        shutil.rmtree(folder, ignore_errors=True)


def for_process() -> Path:
    """A fresh work folder for the rest of this process, removed at exit (swept after a kill)."""
    sweep()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    (folder / OWNER).write_text(str(os.getpid()), encoding="ascii")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def sweep(root: Path | None = None) -> list[Path]:
    """Remove work folders of lkjip runs that no longer exist; returns the folders removed."""
    removed: list[Path] = []
    base = Path(root or tempfile.gettempdir())
    try:
        candidates = sorted(base.glob(PREFIX + "*"))
    except OSError:
        return removed
    for folder in candidates:
        if folder.is_dir() and _abandoned(folder):
            _stop_soffice(folder)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _abandoned(folder: Path) -> bool:
    try:
        owner = int((folder / OWNER).read_text(encoding="ascii"))
    except FileNotFoundError:
        try:
            return time.time() - folder.stat().st_mtime > _UNMARKED_GRACE
        except OSError:
            return False
    except (OSError, ValueError):
        return False
    return owner != os.getpid() and not alive(owner)


def _stop_soffice(folder: Path) -> None:
    """Kill the LibreOffice a dead run left in ``folder``, if it is still that LibreOffice."""
    try:
        pid = int((folder / SOFFICE).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return
    if not alive(pid) or not _runs_in(pid, folder):
        return
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    else:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)  # soffice was started as the leader of its group


def _runs_in(pid: int, folder: Path) -> bool:
    """Whether process ``pid`` was started on ``folder`` (guards against a reused pid)."""
    proc = Path(f"/proc/{pid}/cmdline")
    if proc.exists():
        try:
            return str(folder) in proc.read_bytes().decode("utf-8", "replace")
        except OSError:
            return False
    if sys.platform == "win32":
        return True  # taskkill cannot check; the pid file is removed as soon as soffice ends
    result = subprocess.run(
        ["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True, check=False
    )
    return str(folder) in result.stdout


def alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (never signals it: on Windows os.kill would end it)."""
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
