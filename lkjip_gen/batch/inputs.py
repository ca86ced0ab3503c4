"""Which data files a batch builds, and where each one's documents go.

A batch is named by paths, folders (every ``lkjip-*.yaml`` below them) or glob patterns (which
Windows shells do not expand, so lkjip does). Every office names its file ``lkjip-2024.yaml``;
with one output folder those files would overwrite each other's documents, so they go into a
sub-folder per office instead.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from lkjip_gen.disk import GLOB_CHARS, matching, resolved
from lkjip_gen.errors import LkjipError

PATTERN = "lkjip-*.yaml"
"""The year files of a folder: ``lkjip init`` names them so (profiles are ``profil.yaml``)."""


def is_batch(arguments: tuple[Path, ...]) -> bool:
    """More than one file, a folder or a pattern: anything but the single file of old."""
    if len(arguments) != 1:
        return True
    only = arguments[0]
    return only.is_dir() or (not only.exists() and bool(GLOB_CHARS & set(str(only))))


def collect(arguments: tuple[Path, ...]) -> list[Path]:
    """The data files named by ``arguments``, in the order given, each once.

    Raises:
        LkjipError: an argument names nothing (a missing file, an empty folder, a pattern that
            matches no file).
    """
    files: list[Path] = []
    for argument in arguments:
        found = _expand(argument)
        if not found:
            raise LkjipError(_nothing(argument))
        files += found
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = resolved(file)
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def _expand(argument: Path) -> list[Path]:
    if argument.is_dir():
        return matching(argument / "**" / PATTERN)
    if argument.exists() or not GLOB_CHARS & set(str(argument)):
        # A missing plain file is reported by its build, with the usual message.
        return [argument]
    return matching(argument)


def _nothing(argument: Path) -> str:
    if argument.is_dir():
        return f"{argument}: folder ini tidak berisi berkas {PATTERN} — sebutkan berkas datanya"
    return f"{argument}: pola ini tidak cocok dengan berkas apa pun — periksa nama dan foldernya"


def output_folders(files: list[Path], out_dir: Path | None) -> dict[Path, Path | None]:
    """Where each file's documents go: beside it (``out_dir`` None), in ``out_dir``, or in a
    sub-folder of ``out_dir`` per office when its name occurs more than once.

    The sub-folder is the office's folder relative to the folder all colliding files share
    (``out/disnaker``, ``out/kab-a/disnaker`` when two regencies each have one).
    """
    if out_dir is None:
        return dict.fromkeys(files)
    counts = Counter(f.name for f in files)
    colliding = [f for f in files if counts[f.name] > 1]
    folders: dict[Path, Path | None] = {f: out_dir for f in files}
    if colliding:
        parents = [str(resolved(f).parent) for f in colliding]
        common = Path(os.path.commonpath(parents))
        for file in colliding:
            relative = resolved(file).parent.relative_to(common)
            folders[file] = out_dir / (relative if relative.parts else resolved(file).parent.name)
    return folders
