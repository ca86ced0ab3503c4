"""A template pack's files, read from its folder or its .zip.

Packs travel between offices, so what is read is bounded: only the files a pack uses
(templat.yaml and its parts; other names are listed, never read), each up to
:data:`MAX_BYTES` (a zip entry by the size it declares, which is all zipfile reads), and a
damaged or password-locked .zip is said in words.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lkjip_gen.data.limits import count
from lkjip_gen.disk import ZIP_DAMAGED, reason

MAX_BYTES = 50_000_000
"""Bytes of one file of a pack. The default's parts are about 25 KB and one with a kop logo a
few MB; a larger file is no template (or holds a picture far beyond print)."""
_REMAKE = "buat ulang .zip-nya dari folder templat"


@dataclass
class PackFiles:
    """The files a pack uses by name, the names of the others, or why none can be read."""

    files: dict[str, bytes] = field(default_factory=dict)
    others: list[str] = field(default_factory=list)
    problem: str = ""


class _Unreadable(Exception):
    """A file of the pack cannot be used; the message says which and why."""


def read_pack_files(location: Path, wanted: Callable[[str], bool]) -> PackFiles:
    """The top-level files of the pack folder or zip at ``location``; ``wanted`` names the
    ones read."""
    try:
        if location.is_dir():
            return _folder(location, wanted)
        if location.is_file() and zipfile.is_zipfile(location):
            return _zip(location, wanted)
    except OSError as e:
        return PackFiles(problem=f"templat tidak dapat dibaca ({reason(e)})")
    except ZIP_DAMAGED:
        return PackFiles(problem=f"berkas .zip templat rusak — {_REMAKE}")
    except _Unreadable as e:
        return PackFiles(problem=str(e))
    if location.exists():
        return PackFiles(
            problem="templat harus berupa folder atau berkas .zip berisi folder templat"
        )
    return PackFiles(
        problem="folder templat tidak ditemukan — jalurnya dibaca relatif terhadap berkas yang "
        "menyebutnya; buat dengan: lkjip templat salin FOLDER"
    )


def _folder(location: Path, wanted: Callable[[str], bool]) -> PackFiles:
    found = PackFiles()
    for path in sorted(location.iterdir()):
        if not path.is_file():
            continue
        if not wanted(path.name):
            found.others.append(path.name)
            continue
        _bounded(path.name, path.stat().st_size)
        found.files[path.name] = path.read_bytes()
    return found


def _zip(location: Path, wanted: Callable[[str], bool]) -> PackFiles:
    """A zip holds the pack's files at its top level or inside one folder."""
    found = PackFiles()
    with zipfile.ZipFile(location) as z:
        # macOS's "Compress" adds resource forks under __MACOSX/ beside the folder.
        entries = [
            i for i in z.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")
        ]
        tops = {PurePosixPath(i.filename).parts[0] for i in entries}
        single = len(tops) == 1 and all("/" in i.filename for i in entries)
        prefix = f"{tops.pop()}/" if single else ""
        for info in sorted(entries, key=lambda i: i.filename):
            name = info.filename[len(prefix) :]
            if not info.filename.startswith(prefix) or "/" in name:
                continue
            if not wanted(name):
                found.others.append(name)
                continue
            _bounded(name, info.file_size)
            if info.flag_bits & 0x1:
                raise _Unreadable(
                    f"{name} di dalam .zip terkunci kata sandi — {_REMAKE}, tanpa kata sandi"
                )
            try:
                found.files[name] = z.read(info)
            except ZIP_DAMAGED as e:
                raise _Unreadable(
                    f"{name} di dalam .zip rusak atau dimampatkan dengan cara yang tidak dikenal "
                    f"— {_REMAKE}"
                ) from e
    return found


def _bounded(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise _Unreadable(
            f"{name}: berkas terlalu besar ({count(size)} bita, paling besar {count(MAX_BYTES)}) "
            "— bagian templat berukuran puluhan KB; kecilkan gambar di dalamnya, atau periksa "
            "apakah ini berkas yang benar"
        )
