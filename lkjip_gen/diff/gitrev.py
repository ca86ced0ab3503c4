"""Data files as they were at a git revision: ``git show REV:path`` for each file read.

The year file, its profile and last year's file are all read at that revision, so an old
version is checked and computed as it was; images and template packs are taken as they are now
(they change no number).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from lkjip_gen.data.source import Reader
from lkjip_gen.disk import resolved
from lkjip_gen.errors import LkjipError

_TIMEOUT = 60  # seconds for one git command


def reader(file: Path, revision: str) -> Reader:
    """A reader of the repository holding ``file``, at ``revision`` (``HEAD~1``, a tag …).

    Raises:
        LkjipError: git is missing, ``file`` is not in a repository, or the revision is unknown.
    """
    git = shutil.which("git")
    if git is None:
        raise LkjipError("git tidak ditemukan — pasang git untuk membandingkan dengan --dari REV")
    folder = resolved(file).parent
    try:
        root = Path(_run(git, folder, "rev-parse", "--show-toplevel").decode().strip())
    except LkjipError as exc:
        raise LkjipError(
            f"{folder} bukan folder repositori git, jadi --dari/--ke tidak dapat dipakai — "
            f"bandingkan dua berkas: lkjip diff LAMA BARU ({exc})"
        ) from exc
    if revision.startswith("-"):
        raise LkjipError(f"revisi git {revision!r} tidak sah")
    _run(git, root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")

    def read(path: Path) -> bytes:
        try:
            relative = resolved(path).relative_to(resolved(root)).as_posix()
        except ValueError as exc:
            raise FileNotFoundError(path) from exc
        try:
            return _run(git, root, "show", f"{revision}:{relative}")
        except LkjipError as exc:
            raise FileNotFoundError(path) from exc

    return read


def _run(git: str, folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            [git, "-C", str(folder), *args], capture_output=True, timeout=_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LkjipError(f"git gagal dijalankan: {exc}") from exc
    if done.returncode != 0:
        what = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = what[-1] if what else f"kode keluar {done.returncode}"
        if args[0] == "rev-parse" and "--verify" in args:
            reason = f"revisi {args[-1].removesuffix('^{commit}')!r} tidak ada"
        raise LkjipError(f"git {args[0]}: {reason}")
    return done.stdout
