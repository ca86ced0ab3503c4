"""Cross-checks of the document's shape (``dokumen``), its signatories and tables left out.

Every id ``dokumen`` names must be one of the default layout (``data.dokumen``) or an extra
section of the office; a misspelt id would otherwise silently change nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from lkjip_gen.checks.checker import Checker, quoted
from lkjip_gen.compute.anggaran import as_list
from lkjip_gen.compute.profile import kepala_daerah
from lkjip_gen.data.dokumen import (
    CHAPTERS,
    FRONT,
    PER_SASARAN,
    PLACEHOLDER,
    PLACEHOLDERS,
    TABLES,
    per_sasaran_ids,
    section_ids,
)
from lkjip_gen.data.load import Path_

# Tables whose caption is written with their data, or that have none (the PK annex).
CAPTION_IN_DATA = {
    "tabel.sdm": "tulis judulnya di sdm[].judul",
    "tabel.kondisi": "tulis judulnya di kondisi_umum[].judul",
    "tabel.pk_sasaran": "tabel lampiran PK tidak berjudul",
    "tabel.pk_program": "tabel lampiran PK tidak berjudul",
}
MUST_STAY = {"lampiran": "halaman lampiran selalu dicetak bersama Perjanjian Kinerja"}


def run(c: Checker) -> None:
    """Every check of ``dokumen``, the signatories and the tables that would be left out."""
    extras = _extras(c, list(c.each(("dokumen", "bagian_tambahan"))))
    _headings(c, _mapping(c, ("dokumen", "judul")), extras)
    hidden = [key for key in c.get(("dokumen", "sembunyikan")) or [] if isinstance(key, str)]
    _hidden(c, c.get(("dokumen", "sembunyikan")) or [], extras)
    _order(c, _mapping(c, ("dokumen", "urutan")))
    _columns(c, _mapping(c, ("dokumen", "kolom")))
    _legacy(c)
    _signatories(c)
    _funds(c, hidden)


def _mapping(c: Checker, path: Path_) -> dict[str, Any]:
    """The object at ``path`` without the entries cut out for a schema error."""
    value = c.get(path)
    if not isinstance(value, dict):
        return {}
    return {key: item for key, item in value.items() if item is not None}


def _unknown(c: Checker, path: Path_, ident: str, known: Iterable[str], what: str) -> None:
    close = difflib.get_close_matches(ident, sorted(known), n=1)
    hint = f"; maksudnya {close[0]}?" if close else ""
    c.add(
        path,
        f"{what} {quoted(ident)} tidak dikenal{hint} — daftar id ada di Panduan, bagian Bentuk "
        "dokumen",
        "cek.dokumen",
        prefer_key=True,
    )


def _extras(c: Checker, extras: list[tuple[Path_, dict[str, Any]]]) -> set[str]:
    """The extra sections' full ids; each placed before or after a known section."""
    sections = section_ids()
    full: set[str] = set()
    for path, extra in extras:
        anchors = [k for k in ("setelah", "sebelum") if extra.get(k)]
        if len(anchors) != 1:
            c.add(
                path,
                "tulis tempat bagian ini dengan tepat satu dari setelah: atau sebelum:, "
                "misalnya setelah: bab1.gambaran_umum",
                "cek.dokumen",
                prefer_key=True,
            )
            continue
        anchor = extra[anchors[0]]
        if anchor not in sections and anchor not in full:
            _unknown(c, (*path, anchors[0]), anchor, [*sections, *full], "subbab")
            continue
        ident = f"{anchor.partition('.')[0]}.{extra['id']}"
        if ident in sections or ident in full:
            c.add(
                (*path, "id"),
                f"id {quoted(extra['id'])} sudah dipakai subbab lain di bab ini — pilih id lain",
                "cek.dokumen",
            )
        full.add(ident)
    return full


def _headings(c: Checker, judul: dict[str, Any], extras: set[str]) -> None:
    known = {*CHAPTERS, *section_ids(), *FRONT, *TABLES}
    for key, text in judul.items():
        path: Path_ = ("dokumen", "judul", key)
        if key in extras:
            message = "judul bagian tambahan ditulis di bagian_tambahan"
            c.add(path, message, "cek.dokumen", prefer_key=True)
        elif key in CAPTION_IN_DATA:
            c.add(path, f"judul {key} tidak diatur di sini: {CAPTION_IN_DATA[key]}", "cek.dokumen")
        elif key not in known:
            _unknown(c, path, key, known, "judul")
        elif key in CHAPTERS and not str(text).strip():
            c.add(path, "judul bab tidak boleh kosong", "cek.dokumen")
        else:
            allowed = (*PLACEHOLDERS, *(PER_SASARAN if key in per_sasaran_ids() else ()))
            wrong = [m for m in PLACEHOLDER.findall(str(text)) if m not in allowed]
            if wrong:
                c.add(
                    path,
                    f"isian {{{wrong[0]}}} tidak dikenal — yang dapat dipakai: "
                    + ", ".join(f"{{{name}}}" for name in allowed),
                    "cek.dokumen",
                )


def _hidden(c: Checker, hidden: list[str], extras: set[str]) -> None:
    known = {*section_ids(), *FRONT, *TABLES}
    for i, key in enumerate(hidden):
        path: Path_ = ("dokumen", "sembunyikan", i)
        if not isinstance(key, str):
            continue
        if key in CHAPTERS:
            c.add(path, f"{key} adalah bab; bab tidak dapat disembunyikan", "cek.dokumen")
        elif key in MUST_STAY:
            c.add(path, f"{key} tidak dapat disembunyikan: {MUST_STAY[key]}", "cek.dokumen")
        elif key in extras:
            c.add(path, "bagian tambahan tidak perlu disembunyikan: hapus saja", "cek.dokumen")
        elif key not in known:
            _unknown(c, path, key, known, "bagian atau tabel")


def _order(c: Checker, urutan: dict[str, Any]) -> None:
    """Each list names sections of its own chapter, once; a list under a section names only
    sections without children of their own (the outline is two levels deep)."""
    sections = section_ids()
    parents = {f"{bab}.{s.induk}" for bab, (_, items) in CHAPTERS.items() for s in items if s.induk}
    seen: dict[str, str] = {}
    for key, ids in urutan.items():
        bab, _, parent = key.partition(".")
        if bab not in CHAPTERS or (parent and sections.get(key, None) is None):
            _unknown(c, ("dokumen", "urutan", key), key, [*CHAPTERS, *parents], "bab atau subbab")
            continue
        if parent and sections[key].induk:
            c.add(
                ("dokumen", "urutan", key),
                f"{key} sendiri sub-subbab; hanya subbab tingkat pertama yang dapat berisi subbab",
                "cek.dokumen",
                prefer_key=True,
            )
            continue
        for j, short in enumerate(ids):
            path: Path_ = ("dokumen", "urutan", key, j)
            if not isinstance(short, str):
                continue
            full = f"{bab}.{short}"
            if full not in sections:
                own = [s.id for s in CHAPTERS[bab][1]]
                _unknown(c, path, short, own, f"subbab {bab}")
            elif full in seen:
                c.add(path, f"{short} sudah disebut di urutan {seen[full]}", "cek.dokumen")
            elif parent and full in parents:
                c.add(
                    path,
                    f"{short} punya subbab sendiri, jadi tidak dapat menjadi sub-subbab",
                    "cek.dokumen",
                )
            seen.setdefault(full, key)


def _columns(c: Checker, kolom: dict[str, Any]) -> None:
    optional = {key: spec.kolom for key, spec in TABLES.items() if spec.kolom}
    for table, columns in kolom.items():
        if table not in optional:
            _unknown(c, ("dokumen", "kolom", table), table, optional, "tabel berkolom pilihan")
            continue
        for name in columns:
            if name not in optional[table]:
                _unknown(c, ("dokumen", "kolom", table, name), name, optional[table], "kolom")


def _legacy(c: Checker) -> None:
    pengaturan = _mapping(c, ("pengaturan",))
    moved = {
        "penomoran": "dokumen: {{penomoran: {value}}}",
        "judul_anggaran": "dokumen: {{judul: {{bab3.anggaran: {value}}}}}",
    }
    for key, written in moved.items():
        if key in pengaturan:
            c.warn(
                ("pengaturan", key),
                f"sudah dipindah ke dokumen — tulis {written.format(value=pengaturan[key])}, lalu "
                "hapus baris ini",
                "cek.usang",
            )


def _signatories(c: Checker) -> None:
    """A PK signed by someone whose name is not known yet prints a line to write it on."""
    instansi = c.data["instansi"]
    pemda = instansi.get("pemda")
    for key, role in (("kepala", "pihak pertama"), ("atasan", "pihak kedua")):
        person = instansi.get(key)
        if not isinstance(pemda, str) or not c.intact(("instansi", key)):
            continue  # a pejabat cut out for a schema error is reported there
        if person is not None and person.get("nama"):
            continue
        jabatan = (person or {}).get("jabatan") or kepala_daerah(pemda)
        c.warn(
            ("instansi", key) if person is not None else ("instansi",),
            f"nama {key} ({role} Perjanjian Kinerja) tidak diisi — dicetak jabatan {jabatan} "
            f"dengan baris nama titik-titik untuk ditulis tangan; isi instansi.{key}.nama bila "
            "sudah diketahui",
            "cek.ttd",
        )


def _funds(c: Checker, hidden: list[str]) -> None:
    """The sumber dana table is left out when no budget row (or sasaran amount) names one."""
    programs, direct = c.get(("program",)), _mapping(c, ("anggaran_sasaran",))
    if "tabel.sumber_dana" in hidden or not (programs or direct) or not c.intact(("program",)):
        return
    named = [node.get("sumber_dana") for _, node in c.budget_nodes()]
    named += [entry.get("sumber_dana") for entry in direct.values()]
    if any(as_list(funds) for funds in named):
        return
    c.warn(
        ("program",) if programs else ("anggaran_sasaran",),
        "tidak ada anggaran yang menyebut sumber_dana, jadi tabel Anggaran per Sumber Dana tidak "
        "dicetak — isi sumber_dana, atau tulis tabel.sumber_dana di dokumen.sembunyikan",
        "cek.tabel_kosong",
    )
