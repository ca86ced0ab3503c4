"""The template context: the report model plus display-only structures derived from it.

Templates read the model's computed values; this module adds only what a page needs to show
them: table rows in print order (planning_tables, result_tables, budget_tables), narrative
text turned into Word paragraphs, images, signatories and sentences that depend on settings.
Its shape is ``context_types.Konteks`` (documented in docs/referensi-templat.md). No
performance or budget number is computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from docx.shared import Mm

from lkjip_gen.compute.data_types import Instansi, Narasi, Organisasi, Pejabat
from lkjip_gen.compute.types import Model
from lkjip_gen.data.images import ImageError, image_size
from lkjip_gen.data.settings import GrafikId
from lkjip_gen.formatting import angka
from lkjip_gen.render import (
    budget_tables,
    charts,
    cycle_tables,
    narrative,
    office_tables,
    outline,
    planning_tables,
    result_tables,
)
from lkjip_gen.render.chart_types import DataGrafik
from lkjip_gen.render.context_types import (
    Ada,
    BagianSasaran,
    Grafik,
    Judul,
    Konteks,
    NarasiParagraf,
    OrganisasiKonteks,
    Penandatangan,
    Ringkas,
    Tabel,
    Teks,
)
from lkjip_gen.render.images import AltImage, ChartImage

JUDUL_BAWAAN = "LAPORAN KINERJA INSTANSI PEMERINTAH"
STATUS_PEJABAT = {"plt": "Plt. ", "plh": "Plh. "}
# The name line of a signatory whose name the data does not give: signed and written by hand.
NAMA_KOSONG = "." * 40
# Largest image sizes on an A4 portrait page, in millimetres.
LOGO_TINGGI = 35
BAGAN_LEBAR, BAGAN_TINGGI = 160, 200


def build(model: Model, tpl: Any, document: str = "lkjip") -> Konteks:
    """The context of ``document`` for ``model``; ``tpl`` (the DocxTemplate) is needed to embed
    images."""
    instansi, organisasi = model["instansi"], model["organisasi"]
    shape = outline.Shape(model)
    tabel, bagian_sasaran = display_tables(model, shape)
    grafik = _charts(model, tpl, charts.charts(model, shape.hidden))
    return {
        "instansi": instansi,
        "laporan": model["laporan"],
        "pengaturan": model["pengaturan"],
        "dokumen": outline.outline(model, tabel, bagian_sasaran, shape),
        "narasi": _narasi(model["narasi"]),
        "dasar_hukum": model["dasar_hukum"],
        "organisasi": _organisasi(organisasi),
        "sdm": model["sdm"],
        "sarana": model["sarana"],
        "kondisi_umum": model["kondisi_umum"],
        "renstra": model["renstra"],
        "misi": model["misi"],
        "tujuan": model["tujuan"],
        "sasaran": model["sasaran"],
        "indikator": model["indikator"],
        "ringkasan": model["ringkasan"],
        "anggaran": model["anggaran"],
        "pk": model["pk"],
        "rencana_aksi": model["rencana_aksi"],
        "rkt": model["rkt"],
        "peringatan": model["peringatan"],
        "narasi_renstra": {
            "penjelasan_visi": narrative.render(model["renstra"]["penjelasan_visi"])
        },
        "ttd": {
            "kepala": _pejabat(instansi["kepala"]),
            "atasan": _pejabat(instansi["atasan"]),
        },
        "gambar": {
            "logo": _image(tpl, instansi["logo"], f"Logo {instansi['pemda']}", height=LOGO_TINGGI),
            "bagan": _image(
                tpl,
                organisasi["bagan"],
                f"Bagan struktur organisasi {instansi['nama']} {instansi['pemda']}",
                width=BAGAN_LEBAR,
                height=BAGAN_TINGGI,
            ),
        },
        "grafik": grafik,
        "judul": _judul(instansi, model["laporan"]["judul"]),
        "ada": _ada(model, grafik),
        "ringkas": _ringkas(model),
        "teks": _teks(model),
        "bagian_sasaran": bagian_sasaran,
        "tabel": tabel,
        "siklus": cycle_tables.tables(model),
        "cetak": cycle_tables.cetak(model, document),
    }


def display_tables(
    model: Model, shape: outline.Shape | None = None
) -> tuple[Tabel, list[BagianSasaran]]:
    """Every table's rows in print order and the sections of Bab III A, as templates read them;
    a table the office hides (``dokumen.sembunyikan``) is absent.

    The Excel export reads the same rows, so a workbook shows what the document prints.
    """
    shape = shape or outline.Shape(model)
    budget = budget_tables.budget_blocks(model["anggaran"]["baris"])
    tabel: Tabel = {
        **office_tables.tables(model, shape),
        **planning_tables.tables(model, shape),
        **result_tables.tables(model, shape),
        **budget_tables.tables(model, [r for _, block in budget for r in block], shape),
    }
    tables = cast(dict[str, object], tabel)
    for key, value in tables.items():
        if shape.hidden(f"tabel.{key}"):
            tables[key] = [] if isinstance(value, list) else None
    sections = [
        result_tables.section(s, ke, budget, shape)
        for ke, s in enumerate(model["sasaran"], start=1)
    ]
    return tabel, sections


def _narasi(narasi: Narasi) -> NarasiParagraf:
    """Every narrative field as Word paragraphs, under the model's keys."""
    texts = cast(Mapping[str, str | None], narasi)
    return cast(NarasiParagraf, {key: narrative.render(text) for key, text in texts.items()})


def _organisasi(organisasi: Organisasi) -> OrganisasiKonteks:
    return {
        **organisasi,
        "kedudukan": narrative.render(organisasi["kedudukan"]),
        "tugas": narrative.render(organisasi["tugas"]),
    }


def _ada(model: Model, grafik: Grafik) -> Ada:
    """Which optional parts of the document have something to show."""
    organisasi, narasi = model["organisasi"], model["narasi"]
    total = model["anggaran"]["total"]
    return {
        "gambaran_umum": any(
            organisasi[k] for k in ("kedudukan", "tugas", "fungsi", "unit", "bagan")
        )
        or bool(narasi["gambaran_umum"] or model["kondisi_umum"]),
        "sumber_daya": bool(model["sdm"] or model["sarana"] or narasi["sumber_daya"]),
        "anggaran": total["pagu"] is not None,
        "realisasi_anggaran": total["realisasi"] is not None,
        "kategori": bool(model["pengaturan"]["skala"]),
        "grafik": any(image is not None for image in grafik.values()),
    }


def _judul(instansi: Instansi, custom: str | None) -> Judul:
    """The cover's address block: address with kode pos, phone and fax, e-mail and website,
    then the office's own lines."""
    address = " ".join(x for x in (instansi["alamat"], instansi["kode_pos"]) if x)
    phones = " ".join(
        f"{label} {value}"
        for label, value in (("Telp.", instansi["telepon"]), ("Faks.", instansi["faks"]))
        if value
    )
    online = ", ".join(
        f"{label} {value}"
        for label, value in (("Surel", instansi["email"]), ("Laman", instansi["laman"]))
        if value
    )
    lines = [x for x in (address, phones, online) if x] + instansi["baris_sampul"]
    return {
        "laporan": custom or JUDUL_BAWAAN,
        "singkatan": None if custom else "(LKjIP)",
        "alamat": lines,
    }


def _pejabat(person: Pejabat) -> Penandatangan:
    """A signatory as printed: "Plt." before the title, pangkat with golongan."""
    pangkat = ", ".join(x for x in (person["pangkat"], person["golongan"]) if x) or None
    jabatan = person["jabatan"] or ""
    return {
        "nama": person["nama"] or NAMA_KOSONG,
        "nip": person["nip"],
        "pangkat": pangkat,
        "jabatan": STATUS_PEJABAT.get(person["status"] or "", "") + jabatan,
    }


def _charts(model: Model, tpl: Any, found: Mapping[GrafikId, DataGrafik | None]) -> Grafik:
    """Every chart as an image drawn when placed; None where switched off, without data or
    under a table the office hides."""
    huruf = model["pengaturan"]["grafik"]["huruf"]
    images = {
        name: ChartImage(tpl, chart, huruf) if chart else None for name, chart in found.items()
    }
    return cast(Grafik, images)


def _image(
    tpl: Any, path: str | None, alt: str, *, width: int | None = None, height: int
) -> AltImage | None:
    """An image fitted into ``width`` × ``height`` mm, or None when the data names none."""
    if not path:
        return None
    file = Path(path)
    try:
        px_width, px_height = image_size(file)
    except ImageError as e:
        raise ImageError(f"{file}: {e}") from e
    ratio = px_width / px_height
    if width is not None and ratio * height > width:
        return AltImage(tpl, str(file), alt=alt, width=Mm(width))
    return AltImage(tpl, str(file), alt=alt, height=Mm(height))


def _ringkas(model: Model) -> Ringkas:
    ringkasan = model["ringkasan"]
    high, low = ringkasan["tertinggi"], ringkasan["terendah"]
    return {
        "tertinggi_terendah": bool(high and low and high["id"] != low["id"]),
        "per_kategori": [
            f"{k['jumlah']} indikator berkategori {k['label']}"
            for k in ringkasan["per_kategori"]
            if k["jumlah"]
        ],
        "belum_terukur": ringkasan["jumlah_belum_terukur"],
        "per_misi": ringkasan["per_misi"],
    }


def _teks(model: Model) -> Teks:
    """Sentences that depend on the office's settings and on the depth of its budget."""
    p = model["pengaturan"]
    rounding = (
        "dibulatkan ke atas mulai angka 5"
        if p["pembulatan"] == "half_up"
        else "dipotong tanpa pembulatan"
    )
    average = (
        "rata-rata capaian setiap sasaran"
        if p["rata_rata"] == "sasaran"
        else "capaian seluruh indikator sasaran"
    )
    cap = (
        ", dengan capaian setiap indikator dibatasi paling tinggi 100%"
        if p["rata_rata_maks_100"]
        else ""
    )
    missing = (
        "tidak diperhitungkan"
        if p["realisasi_kosong"] == "abaikan"
        else "dihitung dengan capaian 0"
    )
    return {
        "pembulatan": f"Capaian ditampilkan dengan {p['desimal']} angka di belakang koma "
        f"({rounding}).",
        "rata_rata": f"Rata-rata capaian adalah rerata {average}{cap}; indikator yang belum "
        f"diukur {missing}.",
        # normalize(): a threshold written 5.0 reads "lebih dari 5", not "5,0".
        "efisien": "Penggunaan anggaran dinilai efisien bila tingkat efisiensinya lebih dari "
        f"{angka(p['ambang_efisien'].normalize())}.",
        "alokasi": _alokasi(model),
    }


def _alokasi(model: Model) -> str:
    """What the budget is spread over, as deep as the office enters it: "9 program dan 40
    kegiatan", "5 program, 14 kegiatan dan 30 sub kegiatan", "3 program"."""
    anggaran = model["anggaran"]
    counts = [
        (anggaran["jumlah_program"], "program"),
        (anggaran["jumlah_kegiatan"], "kegiatan"),
        (anggaran["jumlah_sub_kegiatan"], "sub kegiatan"),
    ]
    parts = [f"{n} {name}" for n, name in counts if n]
    if not parts:
        # Budgeted per sasaran only (anggaran_sasaran).
        given = [s for s in anggaran["per_sasaran"] if s["pagu"] is not None]
        return f"{len(given)} sasaran strategis"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
