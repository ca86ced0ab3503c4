"""``lkjip init``: a new office's profile and year file, every field commented from the schema.

The file skeletons live in ``kerangka/*.tmpl`` (keys, placeholder values, commented-out examples,
chapter headings). The comment above every key is not written there but taken from the JSON
Schema description of that key when the files are made, so the scaffold explains exactly what
``lkjip validate`` checks and cannot drift from it; a key the schema does not know is a bug here.
"""

from __future__ import annotations

import copy
import json
import re
import textwrap
from datetime import date
from pathlib import Path
from string import Template
from typing import Any

from lkjip_gen.data.fieldref import ITEM, deref, description, lookup
from lkjip_gen.data.periode import periode, signing_month
from lkjip_gen.data.schema import load_schema
from lkjip_gen.errors import LkjipError
from lkjip_gen.output.replace import replace_all

PROFILE = "profil.yaml"
EDITOR_SCHEMA = "skema-lkjip.json"
GITATTRIBUTES = ".gitattributes"
GITATTRIBUTES_LINE = "*.docx diff=lkjip"

_TEMPLATES = Path(__file__).resolve().parent / "kerangka"
_WIDTH = 100

# A key line as it reads once uncommented: "  key:", "  - key:" (the value may follow).
_KEY = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[A-Za-z0-9_$]+):(?: |$)")
# A commented-out line: the marker may stand at the key's column or before it.
_COMMENTED = re.compile(r"^(?P<lead> *)#(?: (?P<rest>.*))?$")

_HOW_TO = """\
## Cara mengisi (lengkapnya di Panduan lkjip_gen, docs/panduan.md):
##  - Ganti setiap isian berhuruf KAPITAL (misalnya NAMA KEPALA DINAS DENGAN GELAR) dan setiap
##    angka contoh dengan data Anda.
##  - Baris "# kunci: nilai" adalah isian pilihan yang belum dipakai. Untuk memakainya, hapus "# "
##    di depannya (di VS Code: letakkan kursor di baris itu lalu tekan Ctrl+/) dan ganti nilainya.
##    Untuk isian beberapa baris, pilih semua barisnya lalu tekan Ctrl+/.
##  - Baris lain yang berawalan # adalah petunjuk; lkjip tidak membacanya.
##  - Spasi di awal baris menentukan susunan data: pakai spasi, jangan Tab.
##  - Periksa dengan: lkjip validate $berkas"""


def scales() -> list[str]:
    """The category-scale presets the schema accepts, in its order."""
    options = load_schema()["$defs"]["pengaturan"]["properties"]["skala_kategori"]["oneOf"]
    return [str(v) for v in options[0]["enum"]]


def year_file_name(tahun: int, triwulan: int | None = None) -> str:
    """``lkjip-2024.yaml`` for an annual report, ``lkjip-2024-tw1.yaml`` for a quarter."""
    return f"lkjip-{tahun}.yaml" if triwulan is None else f"lkjip-{tahun}-tw{triwulan}.yaml"


def default_year(triwulan: int | None, today: date | None = None) -> int:
    """Annual reports are written early in the year after the one they report; quarterly in it."""
    today = today or date.today()
    return today.year if triwulan is not None else today.year - 1


def render_files(
    tahun: int, *, triwulan: int | None = None, skala: str = "permendagri_86"
) -> dict[str, str]:
    """The text of every file ``init`` writes, by file name (nothing is written here)."""
    if skala not in scales():
        raise LkjipError(f"skala '{skala}' tidak dikenal — pilih salah satu: {', '.join(scales())}")
    berkas = year_file_name(tahun, triwulan)
    periode_awal, periode_akhir = tahun, tahun + 4
    years = range(periode_awal, periode_akhir + 1)
    jenis = "tahunan" if triwulan is None else "triwulan"
    if triwulan is None:
        laporan_jenis = "  jenis: tahunan"
    else:
        laporan_jenis = f"  jenis: triwulan\n  triwulan: {triwulan}"
    values = {
        "berkas": berkas,
        "berkas_lalu": year_file_name(tahun - 1, triwulan),
        "tahun": str(tahun),
        "tahun_lalu": str(tahun - 1),
        "tahun_lalu2": str(tahun - 2),
        "tahun_depan": str(tahun + 1),
        "tahun_kondisi": ", ".join(str(y) for y in range(tahun - 2, tahun + 1)),
        "periode": periode(tahun, triwulan),
        "periode_renstra": f"{periode_awal}–{periode_akhir}",
        "periode_awal": str(periode_awal),
        "periode_akhir": str(periode_akhir),
        "tanggal": signing_month(tahun, triwulan),
        "laporan_jenis": laporan_jenis,
        "skala": skala,
        "target_iku": ", ".join(f"{y}: 100" for y in years),
        "target_tpt": ", ".join(f"{y}: {4.4 - 0.2 * i:.1f}" for i, y in enumerate(years)),
        "target_predikat": ", ".join(f"{y}: BB" for y in years),
        "triwulan_contoh": ", ".join(
            str(20 * q) if q <= (triwulan or 4) else "null" for q in range(1, 5)
        ),
    }
    values["petunjuk"] = Template(_HOW_TO).substitute(values)
    modeline = f"# yaml-language-server: $schema={EDITOR_SCHEMA}\n"
    files = {}
    for name, template in ((PROFILE, "profil.yaml.tmpl"), (berkas, "lkjip.yaml.tmpl")):
        text = Template((_TEMPLATES / template).read_text(encoding="utf-8")).substitute(values)
        files[name] = modeline + annotate(_select(text, jenis))
    files[EDITOR_SCHEMA] = json.dumps(editor_schema(), ensure_ascii=False, indent=2) + "\n"
    files[GITATTRIBUTES] = (
        "# git diff menampilkan isi dokumen Word sebagai teks; lihat Panduan, bagian git.\n"
        f"{GITATTRIBUTES_LINE}\n"
    )
    return files


def _select(text: str, jenis: str) -> str:
    """Keep lines marked ``?triwulan``/``?tahunan`` only for that kind of report."""
    kept = []
    for line in text.splitlines():
        match = re.match(r"^\?(tahunan|triwulan)", line)
        if match is None:
            kept.append(line)
        elif match[1] == jenis:
            kept.append(line[match.end() :])
    return "\n".join(kept)


def annotate(text: str) -> str:
    """Put the schema's description above every key line, live or commented out.

    Comments that belong inside a commented-out block are themselves commented once more
    (``#   # …``), so selecting the block and toggling the comment in an editor gives valid
    YAML with the explanations still comments. ``##`` lines are kept as plain comments.

    Raises:
        ValueError: a key in the template is not in the schema (a bug in the template).
    """
    out: list[str] = []
    # (column, path, path with the office's own keys - ids, years - as "*")
    stack: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
    explained: set[tuple[str, ...]] = set()  # the second IKU or list item needs no explanation
    notes = 0  # indented "##" notes just above: the description goes above them
    block_column: int | None = None  # inside a "key: |" text block indented deeper than this
    for line in text.splitlines():
        if line.lstrip().startswith("##"):
            notes = notes + 1 if line.startswith(" ") else 0
            out.append(line.replace("##", "#", 1))
            continue
        where, notes = len(out) - notes, 0
        commented = _COMMENTED.match(line)
        lead = commented["lead"] if commented else ""
        body = lead + (commented["rest"] or "") if commented else line
        if block_column is not None:
            if not body.strip() or _indent(body) > block_column:
                out.append(line)
                continue
            block_column = None
        match = _KEY.match(body)
        if match is None:
            out.append(line)
            continue
        column = len(match["indent"])
        key_column = column + (2 if match["dash"] else 0)
        while stack and stack[-1][0] >= column:
            stack.pop()
        parent, generic = stack[-1][1:] if stack else ((), ())
        if match["dash"]:
            parent, generic = (*parent, ITEM), (*generic, ITEM)
            stack.append((column, parent, generic))
        key = match["key"]
        path = (*parent, key)
        node = lookup(path)
        if node is None:
            raise ValueError(f"scaffold key not in the schema: {'.'.join(path)}")
        owner = deref(lookup(parent))
        own_key = isinstance(owner, dict) and node is owner.get("additionalProperties")
        generic = (*generic, "*" if own_key else key)
        stack.append((key_column, path, generic))
        if generic not in explained:
            explained.add(generic)
            nested = commented is not None and len(lead) < column
            out[where:where] = _explanation(node, lead if nested else None, column)
        out.append(line)
        if body.rstrip().endswith(("|", ">", "|-", ">-")):
            block_column = key_column
    return "\n".join(out) + "\n"


def _explanation(node: Any, lead: str | None, column: int) -> list[str]:
    """The description of a key as comment lines at ``column``.

    ``lead`` is the indentation of the comment sign of a commented-out block the key sits in:
    its explanation is then commented once more.
    """
    prefix = f"{lead}# {' ' * (column - len(lead))}# " if lead is not None else f"{' ' * column}# "
    width = _WIDTH - len(prefix)
    return [
        prefix + piece for piece in textwrap.wrap(description(node), width, break_on_hyphens=False)
    ]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def editor_schema() -> dict[str, Any]:
    """The data schema as editors need it, derived from ``schemas/lkjip.schema.json``.

    VS Code's YAML extension implements draft-07, where keys beside ``$ref`` are ignored: the
    references are wrapped in ``allOf`` so every field keeps its own Indonesian description on
    hover. The top level and its sections lose ``required``, because each of the two files holds
    only part of the data (``lkjip validate`` still checks the merged whole).
    """
    schema: dict[str, Any] = _wrap_refs(copy.deepcopy(load_schema()))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema.pop("$id", None)
    schema.pop("required", None)
    for section in schema["properties"].values():
        if isinstance(section, dict):
            section.pop("required", None)
    return schema


def _wrap_refs(node: Any) -> Any:
    if isinstance(node, list):
        return [_wrap_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _wrap_refs(value) for key, value in node.items()}
    if "$ref" in node and len(node) > 1:
        node["allOf"] = [{"$ref": node.pop("$ref")}, *node.get("allOf", [])]
    return node


def init(
    directory: Path | str,
    *,
    tahun: int,
    triwulan: int | None = None,
    skala: str = "permendagri_86",
    only_schema: bool = False,
) -> list[Path]:
    """Write a new office's files into ``directory``; returns the paths written.

    Never overwrites: when the profile, the year file or the editor schema already exists,
    nothing is written. An existing ``.gitattributes`` is left alone. ``only_schema`` rewrites
    just the editor schema (after an upgrade of lkjip), which is generated and never edited.

    Raises:
        LkjipError: a file would be overwritten, or the folder cannot be written.
    """
    directory = Path(directory)
    files = render_files(tahun, triwulan=triwulan, skala=skala)
    if only_schema:
        wanted = [EDITOR_SCHEMA]
    else:
        wanted = [PROFILE, year_file_name(tahun, triwulan), EDITOR_SCHEMA]
        existing = [name for name in wanted if (directory / name).exists()]
        if existing:
            raise LkjipError(
                f"{', '.join(str(directory / n) for n in existing)} sudah ada — lkjip init tidak "
                "pernah menimpa berkas. Pilih folder lain (lkjip init FOLDER), atau untuk tahun "
                "berikutnya salin berkas tahunan yang lama (lihat Panduan)."
            )
        if not (directory / GITATTRIBUTES).exists():
            wanted.append(GITATTRIBUTES)
    if directory.exists() and not directory.is_dir():
        raise LkjipError(f"{directory} sudah ada dan bukan folder — pilih nama folder lain")
    # All or nothing, each file whole: an office never starts from half of its files.
    replace_all(
        {directory / name: files[name].encode("utf-8") for name in wanted}, has_output_option=False
    )
    return [directory / name for name in wanted]
