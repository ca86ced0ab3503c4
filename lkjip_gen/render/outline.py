"""The printed outline: headings, captions, section order and hidden parts, from ``dokumen``.

``data.dokumen`` names every chapter, section and table of the default layout with its default
wording; the office's ``dokumen`` (the model's copy) rewords, reorders, hides and adds. Here the
two are resolved for one report: :class:`Shape` answers what a heading or caption reads, what is
hidden and which optional columns print; :func:`outline` gives each chapter's sections in print
order, keeping only those with something to show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar, cast

from lkjip_gen.compute.data_types import BagianTambahan
from lkjip_gen.compute.types import Model
from lkjip_gen.data.dokumen import CHAPTERS, FRONT, PLACEHOLDER, TABLES
from lkjip_gen.render import narrative
from lkjip_gen.render.context_types import BagianSasaran, Tabel
from lkjip_gen.render.outline_types import Bab, BagianDokumen, DokumenKonteks, JudulDepan

K = TypeVar("K")

EMPTY = (None, "", "–")
"""Cell values that say nothing: a column holding only these is left out."""


class Shape:
    """The office's ``dokumen`` read for one report model."""

    def __init__(self, model: Model) -> None:
        self.dokumen = model["dokumen"]
        self.hidden_ids = set(self.dokumen["sembunyikan"])
        laporan, renstra, anggaran = model["laporan"], model["renstra"], model["anggaran"]
        levels = ["Program"] + (["Kegiatan"] if anggaran["jumlah_kegiatan"] else [])
        levels += ["Sub Kegiatan"] if anggaran["jumlah_sub_kegiatan"] else []
        self.values = {
            "instansi": model["instansi"]["nama"],
            "pemda": model["instansi"]["pemda"],
            "tahun": str(laporan["tahun"]),
            "periode": laporan["periode"],
            "periode_renstra": f"{renstra['periode_awal']}–{renstra['periode_akhir']}",
            "tahun_akhir_renstra": str(renstra["periode_akhir"]),
            "tingkat_anggaran": ", ".join(levels[:-1]) + " dan " + levels[-1]
            if len(levels) > 1
            else levels[0],
        }

    def text(self, key: str, **item: str) -> str | None:
        """The heading or caption of ``key`` as printed; None when the office wrote "" for it.

        ``item`` gives the per-sasaran placeholders (``nomor``, ``uraian``).
        """
        written = self.dokumen["judul"].get(key)
        if written is None:
            written = _default(key)
        if not written.strip():
            return None
        values = {**self.values, **item}
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), written)

    def caption(self, key: str, **item: str) -> str:
        """A table's caption ("" when the office wrote "" for it)."""
        return self.text(key, **item) or ""

    def hidden(self, key: str) -> bool:
        return key in self.hidden_ids

    def columns(
        self,
        table: str,
        rows: Sequence[Any],
        cells: Mapping[str, Callable[[Any], object]],
        kind: type[K],
    ) -> K:
        """Which optional columns of ``table`` print (``kind`` is its Kolom… type): those set
        "tampil", and by default (otomatis) those where some row says something."""
        chosen = self.dokumen["kolom"].get(table, {})
        shown: dict[str, bool] = {}
        for name, cell in cells.items():
            mode = chosen.get(name, "otomatis")
            shown[name] = mode == "tampil" or (
                mode == "otomatis" and any(cell(row) not in EMPTY for row in rows)
            )
        return cast(K, shown)


def _default(key: str) -> str:
    if key in CHAPTERS:
        return CHAPTERS[key][0]
    if key in FRONT:
        return FRONT[key]
    if key in TABLES:
        return TABLES[key].judul
    bab, _, short = key.partition(".")
    return next(s.judul for s in CHAPTERS[bab][1] if s.id == short)


def outline(
    model: Model, tabel: Tabel, sasaran: list[BagianSasaran], shape: Shape
) -> DokumenKonteks:
    """Each chapter's sections in print order, with the headings the office chose."""
    present = _present(model, tabel, sasaran)
    front = {
        key.rpartition(".")[2]: None if shape.hidden(key) else shape.text(key) for key in FRONT
    }
    return {
        "penomoran": model["dokumen"]["penomoran"],
        "depan": JudulDepan(**front),  # type: ignore[typeddict-item]
        "bab1": _chapter("bab1", shape, present),
        "bab2": _chapter("bab2", shape, present),
        "bab3": _chapter("bab3", shape, present),
        "bab4": _chapter("bab4", shape, present),
        "bagan": shape.text("gambar.bagan"),
    }


def _present(model: Model, tabel: Tabel, sasaran: list[BagianSasaran]) -> dict[str, bool]:
    """Which sections have something to print of their own (a parent may also have children)."""
    narasi, organisasi = model["narasi"], model["organisasi"]
    anggaran = model["anggaran"]
    return {
        "bab1.latar_belakang": bool(narasi["latar_belakang"]),
        "bab1.dasar_hukum": bool(model["dasar_hukum"]),
        "bab1.maksud_tujuan": bool(narasi["maksud_tujuan"]),
        "bab1.gambaran_umum": bool(narasi["gambaran_umum"]),
        "bab1.kedudukan": bool(organisasi["kedudukan"]),
        "bab1.tugas_fungsi": bool(organisasi["tugas"] or organisasi["fungsi"]),
        "bab1.struktur_organisasi": bool(
            tabel["unit"] or organisasi["bagan"] or tabel["unit_rincian"]
        ),
        "bab1.kondisi_umum": bool(tabel["kondisi"]),
        "bab1.sumber_daya": bool(tabel["sdm"] or tabel["sarana"] or narasi["sumber_daya"]),
        "bab1.peran_strategis": bool(narasi["peran_strategis"]),
        "bab1.isu_strategis": bool(narasi["isu_strategis"]),
        "bab1.permasalahan_solusi": bool(narasi["permasalahan_solusi"]),
        "bab1.sistematika": True,
        "bab2.visi_misi": bool(model["renstra"]["visi"] or model["misi"]),
        "bab2.tujuan_sasaran": bool(tabel["hierarki"]),
        "bab2.iku": bool(tabel["iku"]),
        "bab2.strategi": bool(tabel["strategi"] or narasi["strategi_arah_kebijakan"]),
        "bab2.perjanjian_kinerja": True,
        "bab3.capaian_kinerja": bool(narasi["capaian_kinerja"]),
        "bab3.metode": True,
        "bab3.pengukuran": bool(
            tabel["pengukuran"] or tabel["pengukuran_tujuan"] or tabel["pembilang"]
        ),
        "bab3.riwayat": bool(tabel["riwayat"] or tabel["riwayat_tujuan"]),
        "bab3.renstra_akhir": bool(tabel["renstra_akhir"] or tabel["renstra_akhir_tujuan"]),
        "bab3.nasional": bool(tabel["nasional"]),
        "bab3.sasaran": bool(sasaran),
        "bab3.efisiensi": bool(tabel["efisiensi"]),
        "bab3.anggaran": anggaran["total"]["pagu"] is not None,
        "bab3.permasalahan_strategi": bool(narasi["permasalahan_strategi"]),
        "bab4.simpulan": True,
        "bab4.langkah_perbaikan": bool(narasi["langkah_perbaikan"]),
    }


def _chapter(bab: str, shape: Shape, present: dict[str, bool]) -> Bab:
    """The chapter's sections: the default tree, reordered, with the extras, then filtered."""
    top, children = _tree(bab, shape.dokumen["urutan"])
    extras = {e["id"]: e for e in shape.dokumen["bagian_tambahan"]}
    for extra in shape.dokumen["bagian_tambahan"]:
        _place(bab, extra, top, children)
    printed: list[BagianDokumen] = []
    for section in top:
        below = [
            _item(bab, child, 3, shape, extras)
            for child in children.get(section, [])
            if _shows(bab, child, shape, present, extras)
        ]
        own = _shows(bab, section, shape, present, extras)
        if (own or below) and not shape.hidden(f"{bab}.{section}"):
            printed += [_item(bab, section, 2, shape, extras), *below]
    return {"judul": shape.text(bab) or "", "bagian": printed}


def _tree(bab: str, urutan: dict[str, list[str]]) -> tuple[list[str], dict[str, list[str]]]:
    """Top-level sections and each one's children, after the office's ``urutan``.

    A section listed anywhere takes that place; those listed nowhere keep their default
    place, after the listed ones.
    """
    sections = CHAPTERS[bab][1]
    listed = {key: ids for key, ids in urutan.items() if key == bab or key.startswith(f"{bab}.")}
    placed = {i for ids in listed.values() for i in ids}
    top = list(listed.get(bab, [])) + [s.id for s in sections if not s.induk and s.id not in placed]
    children: dict[str, list[str]] = {}
    for parent in top:
        default = [s.id for s in sections if s.induk == parent and s.id not in placed]
        children[parent] = list(listed.get(f"{bab}.{parent}", [])) + default
    return top, children


def _place(bab: str, extra: BagianTambahan, top: list[str], children: dict[str, list[str]]) -> None:
    """Put an extra section before or after its anchor, in the anchor's list."""
    anchor = extra["setelah"] or extra["sebelum"] or ""
    owner, _, short = anchor.partition(".")
    if owner != bab:
        return
    for siblings in (top, *children.values()):
        if short in siblings:
            at = siblings.index(short) + (1 if extra["setelah"] else 0)
            siblings.insert(at, extra["id"])
            if siblings is top:
                children[extra["id"]] = []
            return


def _shows(
    bab: str,
    section: str,
    shape: Shape,
    present: dict[str, bool],
    extras: dict[str, BagianTambahan],
) -> bool:
    key = f"{bab}.{section}"
    return not shape.hidden(key) and (section in extras or present.get(key, False))


def _item(
    bab: str, section: str, level: int, shape: Shape, extras: dict[str, BagianTambahan]
) -> BagianDokumen:
    extra = extras.get(section)
    if extra is not None:
        return {
            "id": section,
            "judul": extra["judul"] or None,
            "tingkat": level,
            "tambahan": True,
            "narasi": narrative.render(extra["narasi"]),
        }
    return {
        "id": section,
        "judul": shape.text(f"{bab}.{section}"),
        "tingkat": level,
        "tambahan": False,
        "narasi": None,
    }
