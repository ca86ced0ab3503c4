"""A data file on disk → its YAML node graph; size, encoding, character and syntax problems located.

Nothing is constructed here: ruamel.yaml only composes nodes, which ``load`` turns into plain data.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import Node
from ruamel.yaml.reader import ReaderError

from lkjip_gen.data import fastyaml, limits
from lkjip_gen.disk import irregular, reason
from lkjip_gen.errors import Problem

Reader = Callable[[Path], bytes]
"""Reads a data file's bytes another way than from disk (``git show REV:path``); raises
FileNotFoundError for a file that is not there."""


def compose(text: str, file: str, *, editing: bool = False) -> tuple[Node | None, list[Problem]]:
    """The node graph of ``text``, or one located problem: bad characters, bounds, syntax.

    libyaml composes when it can (see :mod:`lkjip_gen.data.fastyaml`), ruamel.yaml otherwise;
    ``editing`` asks for ruamel.yaml's node classes with start and end marks.
    """
    node = fastyaml.compose(text, editing=editing)
    if node is not None:
        return node, []
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    yaml.Composer = limits.BoundedComposer
    try:
        return yaml.compose(io.StringIO(text)), []
    except limits.LimitExceeded as exc:
        return None, [Problem(file, exc.line + 1, exc.col + 1, "", exc.message, "yaml.batas")]
    except ReaderError as exc:
        line, col = position(text, exc.position)
        char = limits.character_name(chr(exc.character)) if isinstance(exc.character, int) else "?"
        message = (
            f"berkas berisi karakter {char} yang tidak boleh ada di YAML — hapus karakter itu "
            "(biasanya terbawa saat menyalin dari aplikasi lain)"
        )
        return None, [Problem(file, line, col, "", message, "yaml.karakter")]
    except MarkedYAMLError as exc:
        line, col = limits.marked(exc)
        what = (exc.problem or exc.context or "sintaks tidak sah").strip()
        if "'\\t'" in what:
            message = "ada karakter Tab di awal baris — YAML hanya menerima spasi untuk indentasi"
            return None, [Problem(file, line, col, "", message, "yaml.sintaks")]
        message = (
            f"YAML tidak dapat dibaca ({limits.shown(what)[1:-1]}) — periksa indentasi, titik "
            "dua setelah kunci, dan tanda kutip yang belum ditutup di sekitar baris ini"
        )
        return None, [Problem(file, line, col, "", message, "yaml.sintaks")]
    except YAMLError as exc:
        message = f"YAML tidak dapat dibaca: {limits.shown(str(exc))}"
        return None, [Problem(file, 1, 1, "", message, "yaml.sintaks")]


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, name: str) -> tuple[str, Problem | None]:
    """The file's text, or where it stops being UTF-8 (line and column, not a byte offset)."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8-sig", errors="replace")
        line, col = position(before, len(before))
        message = (
            f"berkas bukan teks UTF-8: bita 0x{raw[exc.start]:02X} tidak dapat dibaca — simpan "
            "ulang sebagai UTF-8"
        )
        return "", Problem(name, line, col, "", message, "berkas.encoding")


def file_problem(name: str, message: str, code: str) -> Problem:
    """A problem about a whole file, placed at its start."""
    return Problem(name, 1, 1, "", message, code)


def compose_file(
    path: Path, name: str, read: Reader | None = None
) -> tuple[Node | None, list[Problem]]:
    """The YAML node graph of ``path`` (shown as ``name``), or the problems that stop reading it.

    ``read`` reads the file instead of the disk (an earlier version of it, from git).
    """
    if read is None and (why := irregular(path)):
        return None, [file_problem(name, why, "berkas.baca")]
    try:
        raw = read(path) if read is not None else b""
        size = len(raw) if read is not None else path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            message = (
                f"berkas terlalu besar ({limits.count(size)} bita, paling besar "
                f"{limits.count(limits.MAX_FILE_BYTES)}) — pecah narasi yang panjang atau "
                "periksa apakah ini berkas data yang benar"
            )
            return None, [file_problem(name, message, "berkas.besar")]
        if read is None:
            raw = path.read_bytes()
    except FileNotFoundError:
        message = "berkas tidak ditemukan — periksa nama dan foldernya"
        return None, [file_problem(name, message, "berkas.tidak_ada")]
    except IsADirectoryError:
        message = "ini sebuah folder, bukan berkas data — sebutkan berkas .yaml di dalamnya"
        return None, [file_problem(name, message, "berkas.baca")]
    except OSError as exc:
        message = f"berkas tidak dapat dibaca: {reason(exc)}"
        return None, [file_problem(name, message, "berkas.baca")]
    text, wrong = decode(raw, name)
    if wrong is not None:
        return None, [wrong]
    node, problems = compose(text, name)
    if node is None and not problems:
        message = "berkas kosong — isi dengan data LKjIP (lihat lkjip init)"
        problems = [file_problem(name, message, "berkas.kosong")]
    return node, problems
