"""Run LibreOffice for one conversion: own process group, no network where possible, never left.

On Linux with user namespaces (``unshare``), LibreOffice runs in a new network namespace (no
network at all, not even 127.0.0.1) and a new PID namespace whose first process dies with us:
even when lkjip is killed with SIGKILL, the kernel ends every LibreOffice process of that
conversion. Elsewhere the process group is killed on timeout, Ctrl+C and SIGTERM, and the next run
stops a LibreOffice a killed run left behind (see :mod:`lkjip_gen.output.workdir`). In every case
the profile blocks links to files and URLs outside the document (``BlockUntrustedRefererLinks``).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from lkjip_gen.errors import LkjipError
from lkjip_gen.output.workdir import SOFFICE

_UNSHARE = ("--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child")
_PR_SET_PDEATHSIG = 1


@functools.cache
def isolation() -> tuple[str, ...]:
    """The command prefix that runs a program without network, or () when the system has none.

    Tried once per process: ``unshare`` may exist while user namespaces are switched off.
    """
    if not sys.platform.startswith("linux") or os.environ.get("LKJIP_NO_UNSHARE"):
        return ()
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    prefix = (unshare, *_UNSHARE)
    try:
        probe = subprocess.run(
            [*prefix, "true"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return prefix if probe.returncode == 0 else ()


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to kill the child when lkjip dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def hook() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    return hook


def run(command: list[str], env: dict[str, str], folder: Path, timeout: float) -> int | None:
    """Run LibreOffice in ``folder``; return its exit code, or None on timeout."""
    process = start(command, env, folder)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        return None
    except BaseException:
        # Ctrl+C and SIGTERM must not leave an orphaned LibreOffice behind.
        kill_group(process)
        raise
    finally:
        (folder / SOFFICE).unlink(missing_ok=True)


def start(command: list[str], env: dict[str, str], folder: Path) -> subprocess.Popen[bytes]:
    """Start LibreOffice in ``folder`` and return at once; the caller waits or kills.

    The output goes to ``folder/soffice.log`` rather than a pipe, so that a stray child holding
    the pipe open cannot block us after a timeout. ``folder/soffice.pid`` names the process
    until the caller removes it, so that a run killed outright is cleaned up by the next one.
    """
    # soffice is a launcher (a shell script and oosplash on Linux, soffice.exe on Windows) that
    # starts soffice.bin; killing only the launcher would leave soffice.bin running, so it gets
    # its own process group (start_new_session on POSIX, the flag on Windows) to kill as a whole.
    flags = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0) if sys.platform == "win32" else 0
    prefix = isolation()
    with (folder / "soffice.log").open("ab") as sink:
        try:
            process = subprocess.Popen(
                [*prefix, *command],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                creationflags=flags,
                preexec_fn=_die_with_parent() if prefix else None,  # noqa: PLW1509
            )
        except OSError as e:
            raise LkjipError(
                f"LibreOffice ({command[0]}) tidak dapat dijalankan: {e.strerror or e}."
            ) from e
    (folder / SOFFICE).write_text(str(process.pid), encoding="ascii")
    return process


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice with every process it started."""
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        process.kill()
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()
