"""Template packs: a folder (or .zip) with templat.yaml and Word parts, completed from a base."""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from lkjip_gen.data.limits import text_problem
from lkjip_gen.disk import resolved
from lkjip_gen.errors import LkjipError, Problem, Severity
from lkjip_gen.output.replace import replace_all
from lkjip_gen.render.contract import MODEL_VERSION
from lkjip_gen.render.pack_files import read_pack_files
from lkjip_gen.resources import PACK_MANIFEST, shipped_templates

MANIFEST = PACK_MANIFEST
# Every part of a pack, in the order a reader meets them. gaya holds the styles, numbering,
# page setup and footers; the others are bodies that assembly lays into gaya's package.
PARTS = (
    "gaya",
    "sampul",
    "depan",
    "bab1",
    "bab2",
    "bab3",
    "bab4",
    "lampiran",
    "pk",
    "rencana_aksi",
    "realisasi_aksi",
    "rkt",
    "rekap",
)
# Parts added after offices began making their own packs, and the regency roll-up (made by the
# regency): a pack without them (and without ``dasar``) takes the shipped default's, so that
# every pack still builds every document.
LATER_PARTS = ("rencana_aksi", "realisasi_aksi", "rkt", "rekap")
PART_TITLES = {
    "gaya": "gaya, tata halaman, kaki halaman",
    "sampul": "sampul / kop",
    "depan": "kata pengantar, ikhtisar, daftar isi",
    "bab1": "Bab I",
    "bab2": "Bab II",
    "bab3": "Bab III",
    "bab4": "Bab IV",
    "lampiran": "halaman judul lampiran",
    "pk": "Perjanjian Kinerja",
    "rekap": "rekap kabupaten/kota",
    "rencana_aksi": "Rencana Aksi",
    "realisasi_aksi": "Realisasi Rencana Aksi",
    "rkt": "Rencana Kerja Tahunan",
}
_KEYS = ("nama", "versi", "model", "pembuat", "keterangan", "dasar", "huruf", "ukuran", "margin")
MARGIN_KEYS = ("atas", "bawah", "kiri", "kanan")
_MAX_BASES = 5


@dataclass(frozen=True)
class Part:
    """One Word part and where it came from (shown in every message about it)."""

    name: str
    blob: bytes
    shown: str  # "templat-kantor/sampul.docx", "default/bab1.docx"


@dataclass
class Manifest:
    """templat.yaml of one pack."""

    nama: str = ""
    versi: str = ""
    model: int | None = None
    pembuat: str = ""
    keterangan: str = ""
    dasar: str | None = None
    huruf: str | None = None
    ukuran: Decimal | None = None
    margin: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class Pack:
    """A pack with every part present (taken from its bases where it has none).

    ``manifest`` is the named pack's own; ``huruf``, ``ukuran`` and ``margin`` come from it
    alone, so a base's settings never override what the office's own gaya.docx says.
    """

    manifest: Manifest
    shown: str
    parts: dict[str, Part] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shipped: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def label(self) -> str:
        """ "kantor 1.2 ← default 1.0": what built documents record in their properties."""
        return " ← ".join(self.chain)


def shown_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies below it, else absolute."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def open_pack(ref: str | Path, base_dir: Path | None = None) -> Pack:
    """The pack named ``ref`` (a shipped name or a folder/.zip path), completed from its bases.

    Problems (a missing manifest, a part that cannot be read, a model version the pack was not
    made for) are collected in ``Pack.problems``, never raised, so that a linter can show them
    all; callers that render raise on ``Pack.errors``.
    """
    pack: Pack | None = None
    seen: set[Path] = set()
    while ref is not None and len(seen) <= _MAX_BASES:
        location = _locate(ref, base_dir)
        layer = _read(location, shipped=shipped_templates(str(ref)) is not None)
        if pack is None:
            pack = layer
        else:
            pack.problems += layer.problems
            pack.chain += layer.chain
            for name, part in layer.parts.items():
                pack.parts.setdefault(name, part)
        seen.add(resolved(location))
        ref = layer.manifest.dasar  # type: ignore[assignment]
        base_dir = location.parent
        if ref is not None and resolved(_locate(ref, base_dir)) in seen:
            pack.problems.append(
                _problem(layer.shown, "dasar", f"dasar '{ref}' berputar kembali", "templat.dasar")
            )
            break
    assert pack is not None
    _later_parts(pack)
    if any(p.code == "templat.berkas" for p in pack.problems):
        return pack  # a layer that cannot be read: its parts are not "missing"
    for name in PARTS:
        if name not in pack.parts:
            pack.problems.append(
                _problem(
                    pack.shown,
                    "",
                    f"bagian {name}.docx ({PART_TITLES[name]}) tidak ada — tambahkan berkasnya, "
                    "atau tulis `dasar: default` di templat.yaml agar diambil dari templat bawaan",
                    "templat.bagian",
                )
            )
    return pack


def _later_parts(pack: Pack) -> None:
    """Parts newer than the pack come from the shipped default pack."""
    wanted = [name for name in LATER_PARTS if name not in pack.parts]
    default = shipped_templates("default")
    if not wanted or default is None:
        return
    for name in wanted:
        blob = (default / f"{name}.docx").read_bytes()
        pack.parts[name] = Part(name, blob, f"templat bawaan default/{name}.docx")


def _locate(ref: str | Path, base_dir: Path | None) -> Path:
    shipped = shipped_templates(str(ref))
    if shipped is not None:
        return shipped
    path = Path(ref)
    return path if path.is_absolute() or base_dir is None else base_dir / path


def _read(location: Path, *, shipped: bool) -> Pack:
    """One pack layer: its manifest and the parts it holds."""
    shown = f"templat bawaan {location.name}" if shipped else shown_path(location)
    read = read_pack_files(location, _used)
    files = read.files
    pack = Pack(Manifest(), shown, shipped=shipped)
    if read.problem:
        pack.problems.append(_problem(shown, "", read.problem, "templat.berkas"))
        pack.chain.append(shown)
        return pack
    manifest_text = files.pop(MANIFEST, None)
    manifest_shown = f"{shown}/{MANIFEST}" if not shipped else f"{shown}: {MANIFEST}"
    if manifest_text is None:
        pack.problems.append(
            _problem(
                shown,
                "",
                f"{MANIFEST} tidak ada — setiap templat memerlukannya (nama, versi, model); "
                "mulailah dari salinan templat bawaan: lkjip templat salin FOLDER",
                "templat.manifest",
            )
        )
    else:
        manifest, problems = _manifest_read(manifest_text, manifest_shown)
        pack.manifest = copy.deepcopy(manifest)
        pack.problems += problems
    pack.chain.append(f"{pack.manifest.nama or shown} {pack.manifest.versi}".strip())
    for file, blob in sorted(files.items()):
        stem = PurePosixPath(file).stem
        pack.parts[stem] = Part(stem, blob, f"{shown}/{file}")
    for file in read.others:
        if not file.startswith((".", "~$")):
            pack.problems.append(
                _problem(
                    f"{shown}/{file}",
                    "",
                    f"berkas ini bukan bagian templat dan diabaikan — nama bagian: "
                    f"{', '.join(p + '.docx' for p in PARTS)}",
                    "templat.bagian_asing",
                    "peringatan",
                )
            )
    return pack


def _used(name: str) -> bool:
    """A file a pack reads: its manifest and its parts."""
    return name == MANIFEST or (name.endswith(".docx") and PurePosixPath(name).stem in PARTS)


@lru_cache(maxsize=16)
def _manifest_read(blob: bytes, shown: str) -> tuple[Manifest, tuple[Problem, ...]]:
    """:func:`_manifest`, kept per process: a batch opens the same pack for every report, and
    ruamel.yaml's pure-Python parse costs more than the rest of opening it."""
    problems: list[Problem] = []
    return _manifest(blob, shown, problems), tuple(problems)


def _manifest(blob: bytes, shown: str, problems: list[Problem]) -> Manifest:
    """templat.yaml read and checked; every problem found is added to ``problems``."""
    try:
        data = YAML(typ="rt", pure=True).load(blob.decode("utf-8"))
    except (YAMLError, UnicodeDecodeError) as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        where = f"baris {line + 1}" if line is not None else ""
        problems.append(_problem(shown, where, "bukan YAML yang dapat dibaca", "templat.manifest"))
        return Manifest()
    if not isinstance(data, dict):
        problems.append(_problem(shown, "", "harus berisi kunci: nilai", "templat.manifest"))
        return Manifest()

    def add(key: str, message: str, code: str = "templat.manifest") -> None:
        line = data.lc.key(key)[0] + 1 if key in data else 0  # type: ignore[attr-defined]
        problems.append(_problem(shown, f"baris {line}: {key}" if line else key, message, code))

    for key in data:
        if key not in _KEYS:
            add(str(key), f"kunci tidak dikenal — kunci yang boleh: {', '.join(_KEYS)}")
    manifest = Manifest()
    for key in ("nama", "versi", "pembuat", "keterangan", "dasar", "huruf"):
        value = data.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            add(key, "harus berupa teks")
        elif value is not None:
            text = str(value).strip()
            if (wrong := _text_problem(key, text)) is not None:
                add(key, wrong)
            else:
                setattr(manifest, key, text)
    for key in ("nama", "versi"):
        if not getattr(manifest, key):
            add(key, f'{key} wajib diisi (misalnya nama: templat-kantor, versi: "1.0")')
    _model(data.get("model"), manifest, add)
    if data.get("ukuran") is not None:
        manifest.ukuran = _number(data["ukuran"], 6, 30)
        if manifest.ukuran is None:
            add("ukuran", "ukuran huruf harus angka 6–30 (pt), misalnya ukuran: 12")
    margin = data.get("margin")
    if margin is not None:
        values = (
            {k: _number(margin.get(k), 0, 10) for k in MARGIN_KEYS}
            if isinstance(margin, dict)
            else {}
        )
        if set(margin or {}) - set(MARGIN_KEYS) or None in values.values() or not values:
            add(
                "margin",
                "margin ditulis dalam cm, keempatnya: margin: {atas: 2.5, bawah: 2.5, kiri: 3, "
                "kanan: 2}",
            )
        else:
            manifest.margin = values  # type: ignore[assignment]
    return manifest


MAX_HURUF = 31
"""Characters of a font name: Windows names fonts in at most 31, so a longer one is no font."""


def _text_problem(key: str, text: str) -> str | None:
    """Why a manifest text cannot go into a document (its styles, its properties)."""
    if (wrong := text_problem(text)) is not None:
        return wrong
    if key == "huruf" and len(text) > MAX_HURUF:
        return (
            f"nama huruf paling panjang {MAX_HURUF} karakter — tulis namanya seperti di daftar "
            "huruf Word, misalnya huruf: Bookman Old Style"
        )
    return None


def _model(value: Any, manifest: Manifest, add: Any) -> None:
    if value is None:
        add(
            "model",
            f"model wajib diisi: versi model laporan templat ini (sekarang {MODEL_VERSION})",
        )
        return
    if isinstance(value, bool) or not isinstance(value, int):
        add("model", f"model harus bilangan bulat, misalnya model: {MODEL_VERSION}")
        return
    manifest.model = value
    if value != MODEL_VERSION:
        add(
            "model",
            f"templat ini dibuat untuk model laporan versi {value}, sedangkan lkjip ini memakai "
            f"versi {MODEL_VERSION}: nama isian templat telah berubah — salin templat bawaan "
            "terbaru (lkjip templat salin FOLDER), terapkan lagi ubahan Anda di bagian yang "
            f"sama, lalu tulis model: {MODEL_VERSION}",
            "templat.model",
        )


def _number(value: Any, low: int, high: int) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if low <= number <= high else None


def _problem(
    file: str, where: str, message: str, code: str, severity: Severity = "error"
) -> Problem:
    return Problem(file, 0, 0, where, message, code, severity)


def copy_default(folder: Path) -> list[Path]:
    """Copy the default pack into ``folder`` to start an office's own; never overwrites.

    The copy's templat.yaml names the folder, starts at version 1.0 and inherits from the
    default (``dasar: default``): parts the office deletes are taken from the default, so later
    fixes of those reach it.
    """
    source = shipped_templates("default")
    assert source is not None, "the default pack is part of lkjip_gen"
    names = [f"{name}.docx" for name in PARTS] + [MANIFEST]
    existing = [folder / n for n in names if (folder / n).exists()]
    if existing:
        raise LkjipError(
            f"{existing[0]} sudah ada — lkjip templat salin tidak pernah menimpa berkas; "
            "pilih folder lain"
        )
    if folder.exists() and not folder.is_dir():
        raise LkjipError(f"{folder} sudah ada dan bukan folder — pilih nama folder lain")
    base = open_pack("default").manifest
    manifest = (
        f"# Templat sendiri, disalin dari templat bawaan default {base.versi}.\n"
        "# Hapus bagian (.docx) yang tidak Anda ubah: bagian itu lalu diambil dari templat\n"
        "# bawaan (dasar: default), sehingga perbaikan templat bawaan ikut sampai ke sini.\n"
        f"nama: {resolved(folder).name}\n"
        'versi: "1.0"\n'
        f"model: {MODEL_VERSION}\n"
        "pembuat: \n"
        "keterangan: \n"
        "dasar: default\n"
        "# huruf: Arial          # jenis huruf seluruh dokumen\n"
        "# ukuran: 11            # ukuran huruf teks isi (pt)\n"
        "# margin: {atas: 2.5, bawah: 2.5, kiri: 3, kanan: 2}   # cm\n"
    )
    files = {folder / name: (source / name).read_bytes() for name in names[:-1]}
    files[folder / MANIFEST] = manifest.encode("utf-8")
    # All or nothing, each file whole (as lkjip init writes): never half a pack.
    replace_all(files, has_output_option=False)
    return list(files)
