"""The template context: the report model plus display-only structures derived from it.

Templates read the model's computed values; this module adds only what a page needs to show
them: table rows in print order (planning_tables, result_tables), narrative text turned into
Word paragraphs, images, signatories, sentences that depend on settings, and the optional
fields of the data filled with ``None`` so that a template may test any documented field.
No performance or budget number is computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docx.image.image import Image
from docx.shared import Mm
from docxtpl import InlineImage

from lkjip_gen.checks.images import image_problem
from lkjip_gen.data.schema import load_schema
from lkjip_gen.errors import LkjipError
from lkjip_gen.formatting import angka
from lkjip_gen.render import narrative, planning_tables, result_tables

JUDUL_BAWAAN = "LAPORAN KINERJA INSTANSI PEMERINTAH"
STATUS_PEJABAT = {"plt": "Plt. ", "plh": "Plh. "}
# Largest image sizes on an A4 portrait page, in millimetres.
LOGO_TINGGI = 35
BAGAN_LEBAR, BAGAN_TINGGI = 160, 200


def build(model: Mapping[str, Any], tpl: Any) -> dict[str, Any]:
    """The context for ``model``; ``tpl`` (the DocxTemplate) is needed to embed images."""
    p = model["pengaturan"]
    anggaran = model["anggaran"]
    narasi = model.get("narasi") or {}
    organisasi = _with_keys(model.get("organisasi") or {}, "organisasi")
    instansi = _with_keys(model["instansi"], "instansi")
    total = anggaran["total"]
    budget = result_tables.budget_rows(anggaran["baris"])
    ctx: dict[str, Any] = dict(model)
    ctx.update(
        instansi=instansi,
        laporan=_with_keys(model["laporan"], "laporan"),
        organisasi={
            **organisasi,
            "kedudukan": narrative.render(organisasi["kedudukan"]),
            "tugas": narrative.render(organisasi["tugas"]),
            "fungsi": organisasi["fungsi"] or [],
        },
        narasi={key: narrative.render(narasi.get(key)) for key in _schema_keys("narasi")},
        narasi_renstra={
            "penjelasan_visi": narrative.render(model["renstra"].get("penjelasan_visi"))
        },
        ttd={"kepala": _pejabat(instansi["kepala"]), "atasan": _pejabat(instansi["atasan"])},
        gambar={
            "logo": _image(tpl, instansi["logo"], height=LOGO_TINGGI),
            "bagan": _image(tpl, organisasi["bagan"], width=BAGAN_LEBAR, height=BAGAN_TINGGI),
        },
        judul=_judul(model),
        ada={
            "gambaran_umum": any(
                organisasi[k] for k in ("kedudukan", "tugas", "fungsi", "unit", "bagan")
            )
            or bool(narasi.get("gambaran_umum") or model.get("kondisi_umum")),
            "sumber_daya": bool(
                model.get("sdm") or model.get("sarana") or narasi.get("sumber_daya")
            ),
            "anggaran": bool(anggaran["baris"]) and total["pagu"] is not None,
            "realisasi_anggaran": total["realisasi"] is not None,
            "kategori": bool(p["skala"]),
        },
        ringkas=_ringkas(model),
        teks=_teks(p),
        bagian_sasaran=[result_tables.section(s, budget) for s in model["sasaran"]],
        tabel={**planning_tables.tables(model), **result_tables.tables(model, budget)},
    )
    return ctx


def _schema_def(name: str) -> dict[str, Any]:
    schema = load_schema()
    node = schema["properties"].get(name) or schema["$defs"][name]
    ref = node.get("$ref")
    return schema["$defs"][ref.rsplit("/", 1)[-1]] if ref else node


def _schema_keys(name: str) -> list[str]:
    return list(_schema_def(name).get("properties", {}))


def _with_keys(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    """``data`` with every optional field of its schema object present (``None`` when absent)."""
    result: dict[str, Any] = dict.fromkeys(_schema_keys(name))
    result.update(data)
    if name == "instansi":
        for key in ("kepala", "atasan"):
            if result[key] is not None:
                result[key] = _with_keys(result[key], "pejabat")
    return result


def _judul(model: Mapping[str, Any]) -> dict[str, Any]:
    instansi, laporan = model["instansi"], model["laporan"]
    contact = ", ".join(
        f"{label} {instansi[key]}"
        for label, key in (("Telp.", "telepon"), ("Surel", "email"))
        if instansi.get(key)
    )
    lines = [line for line in (instansi.get("alamat"), contact, instansi.get("laman")) if line]
    custom = laporan.get("judul")
    return {
        "laporan": custom or JUDUL_BAWAAN,
        "singkatan": None if custom else "(LKjIP)",
        "alamat": lines,
    }


def _pejabat(person: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A signatory as printed: "Plt." before the title, pangkat with golongan."""
    if person is None:
        return None
    pangkat = ", ".join(x for x in (person["pangkat"], person["golongan"]) if x) or None
    jabatan = person["jabatan"] or ""
    return {
        "nama": person["nama"],
        "nip": person["nip"],
        "pangkat": pangkat,
        "jabatan": STATUS_PEJABAT.get(person["status"] or "", "") + jabatan,
    }


def _image(tpl: Any, path: str | None, *, width: int | None = None, height: int) -> Any:
    """An InlineImage fitted into ``width`` × ``height`` mm, or None when the data names none."""
    if not path:
        return None
    file = Path(path)
    wrong = image_problem(file)
    if wrong:
        raise LkjipError(f"{file}: {wrong}")
    image = Image.from_file(str(file))
    ratio = image.px_width / image.px_height
    if width is not None and ratio * height > width:
        return InlineImage(tpl, str(file), width=Mm(width))
    return InlineImage(tpl, str(file), height=Mm(height))


def _ringkas(model: Mapping[str, Any]) -> dict[str, Any]:
    ringkasan = model["ringkasan"]
    high, low = ringkasan["tertinggi"], ringkasan["terendah"]
    return {
        "tertinggi_terendah": bool(high and low and high["id"] != low["id"]),
        "per_kategori": [
            f"{k['jumlah']} indikator berkategori {k['label']}"
            for k in ringkasan["per_kategori"]
            if k["jumlah"]
        ],
        "belum_terukur": ringkasan["jumlah_indikator"] - ringkasan["jumlah_terukur"],
        "per_misi": ringkasan["per_misi"],
    }


def _teks(p: Mapping[str, Any]) -> dict[str, str]:
    """Sentences of the measurement method that depend on the office's settings."""
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
    }
