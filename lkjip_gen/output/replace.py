"""Replace all outputs of one build together, or none of them; say why a write failed, in words.

Every output is first written completely to a temporary file beside its target; only when all of
them are on disk are they renamed over the targets. A rename that fails (the .docx is open in
Word, the disk filled up) puts back the files already replaced, so a build never leaves a new
.docx beside an old .pdf. Readers see the old file or the complete new one, never a partial one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from lkjip_gen.errors import OutputError

_NEW_FILE_MODE = 0o644


class _SpecialFile(OSError):
    """The target exists as a device or a pipe: renaming onto it would replace it."""


def replace_all(outputs: Mapping[Path, bytes], *, has_output_option: bool = True) -> None:
    """Write every ``path: data`` of ``outputs``, creating parent folders, all or nothing.

    ``has_output_option``: the command lets the user pick another place with ``-o``, which the
    message of a failure then suggests (not so for a data file edited in place, ``init``, a
    template copy).

    Raises:
        OutputError: a file could not be written; the message names the user's path and what to
            do. Every target is then as it was before the call.
    """
    staged: list[tuple[Path, str]] = []
    created: list[Path] = []
    current = next(iter(outputs), Path())
    try:
        for current, data in outputs.items():
            _make_folders(current, created)
            staged.append((current, _stage(current, data)))
        with _undone_on_failure() as done:
            for current, temp in staged:
                done.append((current, _backup(current, temp)))
                os.replace(temp, current)
        created.clear()  # written: the new folders hold the outputs
    except OSError as exc:
        raise OutputError(write_message(current, exc, has_output_option)) from exc
    finally:
        for _, temp in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        for folder in reversed(created):  # a failed write leaves no empty folder behind either
            with contextlib.suppress(OSError):
                folder.rmdir()


def _make_folders(target: Path, created: list[Path]) -> None:
    """Make the folders above ``target`` that do not exist yet, outermost first, each added to
    ``created`` (removed again if the write fails)."""
    if target.parent.exists() and not target.parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "bukan folder", str(target.parent))
    for folder in reversed(target.parents):
        if folder.is_dir():  # (a drive root refuses mkdir on Windows even though it exists)
            continue
        try:
            folder.mkdir()
        except FileExistsError:
            if not folder.is_dir():
                raise
        else:
            created.append(folder)


def _stage(target: Path, data: bytes) -> str:
    """``data`` in a complete, synced temporary file beside ``target``; returns its name."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "folder", str(target))
    try:
        found = target.stat().st_mode
    except FileNotFoundError:
        mode = _NEW_FILE_MODE
    else:
        if not stat.S_ISREG(found):
            # Renaming onto a device or a pipe would replace it (root's /dev/null) by our file.
            raise _SpecialFile(errno.EEXIST, "perangkat atau pipa", str(target))
        mode = stat.S_IMODE(found)
    with tempfile.NamedTemporaryFile(
        delete=False, dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    ) as tmp:
        try:
            tmp.write(data)
            tmp.flush()
            # Without fsync a crash right after the rename can leave an empty file on ext4 & co.
            os.fsync(tmp.fileno())
        except BaseException:
            # On a full disk closing fails as the flush did (the file is closed all the same).
            with contextlib.suppress(OSError):
                tmp.close()
            os.unlink(tmp.name)
            raise
    os.chmod(tmp.name, mode)
    return tmp.name


@contextlib.contextmanager
def _undone_on_failure() -> Iterator[list[tuple[Path, str | None]]]:
    """The targets renamed so far, each with its backup (None: it did not exist); on a failure
    each is put back as it was. Backups are removed either way."""
    done: list[tuple[Path, str | None]] = []
    try:
        yield done
    except BaseException:
        for target, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is None:
                    target.unlink(missing_ok=True)
                else:
                    os.replace(backup, target)
        raise
    finally:
        for _, backup in done:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)


def _backup(target: Path, temp: str) -> str | None:
    """A second name for the current ``target`` (None when there is none yet), to roll back to."""
    if not target.exists():
        return None
    backup = temp + ".lama"
    try:
        os.link(target, backup)
    except OSError:  # file systems without hard links (FAT32 sticks, some network drives)
        shutil.copy2(target, backup)
    return backup


def write_message(path: Path, exc: OSError, has_output_option: bool = True) -> str:
    """What went wrong writing ``path``, and what to do, in the user's terms."""
    code = exc.errno
    o = has_output_option
    if isinstance(exc, _SpecialFile):
        advice = "nama itu milik perangkat atau pipa, bukan berkas biasa — pilih nama lain"
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        advice = "disk penuh — kosongkan ruang di disk itu" + (
            " atau pilih folder lain dengan -o" if o else ""
        )
    elif code == errno.EROFS:
        advice = "folder hanya-baca — " + (
            "pilih folder lain dengan -o" if o else "salin berkasnya ke folder yang dapat ditulisi"
        )
    elif code == errno.EISDIR or path.is_dir():
        advice = "nama itu sudah dipakai sebuah folder — pindahkan folder itu" + (
            " atau pilih -o lain" if o else ""
        )
    elif code in (errno.ENOTDIR, errno.EEXIST):
        where = "folder hasil (-o)" if o else "jalurnya"
        advice = f"{where} menunjuk sebuah berkas, bukan folder — pilih folder lain"
    elif code == errno.ENAMETOOLONG:
        advice = "nama berkas terlalu panjang untuk sistem berkas — pendekkan nama berkas data" + (
            " atau pilih folder hasil yang jalurnya lebih pendek dengan -o"
            if o
            else " dan foldernya"
        )
    elif code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        opened = ""
        if sys.platform == "win32" or path.exists():
            opened = "tutup dokumen di Word, " if o else "tutup berkas itu di program lain, "
        advice = f"tidak diizinkan — {opened}atau folder hanya-baca: " + (
            "pilih folder lain dengan -o" if o else "periksa izin foldernya"
        )
    else:
        advice = f"{exc.strerror or exc} — periksa folder dan disknya"
    return f"{path}: tidak dapat ditulis: {advice}. Berkas lama tidak diubah."
