"""Files on disk as lkjip reads and finds them: regular files only, links followed without
failing on a loop, damaged zip packages and the operating system's reasons said in Indonesian,
patterns that do not follow links to folders.

Every stage reads files an office or another regency hands over (data, workbooks, template
packs, documents), so these answers are shared rather than written again per reader.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
import zlib
from pathlib import Path, PurePath

ZIP_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)
"""What zipfile raises for a damaged archive or member, or a compression it does not know: a
.docx, .xlsx or template .zip from a broken download or disk."""


def irregular(path: Path) -> str | None:
    """Why ``path`` is no file to read, or None (also when it is missing: reading says so).

    A device or a pipe named as a file would be read forever (``/dev/zero``) or wait for a
    writer that never comes (a FIFO); ``stat`` tells them apart without opening them.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "bukan berkas biasa (perangkat atau pipa) — sebutkan berkas yang tersimpan di disk"


def resolved(path: Path) -> Path:
    """``path`` absolute, its symbolic links followed; a loop of links (``RuntimeError`` from
    Python before 3.13) keeps its links, and reading the file then says why."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


_REASONS = {
    errno.ELOOP: "tautan simbolik (symlink) yang berputar tanpa ujung",
    errno.EACCES: "tidak diizinkan membacanya",
    errno.EPERM: "tidak diizinkan membacanya",
    errno.EIO: "galat baca pada disk",
    errno.ENAMETOOLONG: "nama atau jalurnya terlalu panjang",
    errno.EISDIR: "ini sebuah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian jalurnya sebuah berkas, bukan folder",
    errno.ENOENT: "berkas tidak ditemukan",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.ENFILE: "terlalu banyak berkas terbuka",
}


def reason(exc: OSError) -> str:
    """Why a file could not be read, in Indonesian where the cause is a common one."""
    return _REASONS.get(exc.errno or 0) or str(exc.strerror or exc)


GLOB_CHARS = frozenset("*?[")


def matching(pattern: Path) -> list[Path]:
    """The files a glob pattern names, sorted.

    ``**`` goes down into folders but not through a symbolic link to one: glob.glob follows
    them, so a link back up (``arsip -> ..``) repeated every file forty times, and two such links
    made the search endless (2⁴⁰ paths). As with glob.glob, hidden files and folders (``.Trash``
    on a USB stick, ``.git``) match only a pattern that names a leading dot.
    """
    parts = pattern.parts
    fixed = next((i for i, part in enumerate(parts) if GLOB_CHARS & set(part)), len(parts))
    if fixed == len(parts):
        return [pattern] if pattern.is_file() else []
    base = Path(*parts[:fixed]) if fixed else Path()
    rest = parts[fixed:]
    dotted = any(part.startswith(".") for part in rest)
    found = []
    for path in base.glob(str(PurePath(*rest))):
        below = path.parts[len(base.parts) :]
        if (dotted or not any(p.startswith(".") for p in below)) and path.is_file():
            found.append(path)
    return sorted(found)
