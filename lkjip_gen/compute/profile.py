"""The parts of the model copied from the data: identity, report, organisation, Bab I tables.

Every optional field of these objects is present in the model (None, or an empty list), so a
template may test any of them; the few numbers here (SDM shares, sarana totals) are computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

from lkjip_gen.compute.capaian import persen
from lkjip_gen.compute.data_types import (
    Analisis,
    Barang,
    BarisSdm,
    Dokumen,
    Instansi,
    KondisiUmum,
    Laporan,
    Narasi,
    Organisasi,
    Pejabat,
    Renstra,
    Sarana,
    TabelSdm,
    Unit,
)
from lkjip_gen.compute.indikator import dec
from lkjip_gen.data.periode import periode, pk_month, signing_month
from lkjip_gen.data.settings import Settings

Data = Mapping[str, Any]
Paths = Mapping[tuple[str, ...], str]


# The head of a regional government, by the kind of region its name starts with.
KEPALA_DAERAH = (("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota "), ("Provinsi ", "Gubernur "))


def instansi(data: Data, paths: Paths) -> Instansi:
    """The office; its logo as the absolute path ``paths`` gives for it.

    The atasan (pihak kedua of the PK) is always there: when the data names no jabatan for it,
    the head of the region ``pemda`` names ("Bupati Sumenep"); a missing name stays None.
    """
    atasan = pejabat(data.get("atasan") or {})
    atasan["jabatan"] = atasan["jabatan"] or kepala_daerah(data["pemda"])
    return Instansi(
        pemda=data["pemda"],
        nama=data["nama"],
        singkatan=data.get("singkatan"),
        alamat=data.get("alamat"),
        kode_pos=data.get("kode_pos"),
        telepon=data.get("telepon"),
        faks=data.get("faks"),
        email=data.get("email"),
        laman=data.get("laman"),
        baris_sampul=list(data.get("baris_sampul") or []),
        kota=data.get("kota"),
        logo=paths.get(("instansi", "logo"), data.get("logo")),
        kepala=pejabat(data["kepala"]),
        atasan=atasan,
    )


def kepala_daerah(pemda: str) -> str:
    """The title of the head of ``pemda``: "Bupati Sumenep" for "Kabupaten Sumenep"."""
    for region, title in KEPALA_DAERAH:
        if pemda.startswith(region):
            return title + pemda[len(region) :]
    return f"Kepala Daerah {pemda}"


def pejabat(data: Data) -> Pejabat:
    return Pejabat(
        nama=data.get("nama"),
        jabatan=data.get("jabatan"),
        pangkat=data.get("pangkat"),
        golongan=data.get("golongan"),
        nip=data.get("nip"),
        status=data.get("status"),
        catatan=data.get("catatan"),
    )


def laporan(data: Data, instansi: Instansi) -> Laporan:
    """The report with its period written out and the signing place and dates filled in."""
    tahun = data["tahun"]
    # A triwulan written on an annual report is ignored (the validator warns).
    triwulan = data.get("triwulan") if data["jenis"] == "triwulan" else None
    return Laporan(
        jenis=data["jenis"],
        triwulan=data.get("triwulan"),
        tahun=tahun,
        tempat=data.get("tempat") or instansi["kota"] or instansi["pemda"],
        tanggal=data.get("tanggal") or signing_month(tahun, triwulan),
        tanggal_pk=data.get("tanggal_pk") or pk_month(tahun),
        tanggal_triwulan=list(data.get("tanggal_triwulan") or []),
        pk_perubahan=bool(data.get("pk_perubahan")),
        judul=data.get("judul"),
        catatan=data.get("catatan"),
        periode=periode(tahun, triwulan),
    )


def narasi(data: Data | None) -> Narasi:
    """Every narrative field, None where the office wrote nothing."""
    data = data or {}
    return cast(Narasi, {key: data.get(key) for key in Narasi.__annotations__})


def dokumen(data: Data | None, pengaturan: Data | None) -> Dokumen:
    """The office's ``dokumen`` with defaults; the older ``pengaturan.penomoran`` and
    ``pengaturan.judul_anggaran`` still apply where ``dokumen`` says nothing."""
    data, old = data or {}, pengaturan or {}
    judul = dict(data.get("judul") or {})
    if "judul_anggaran" in old:
        judul.setdefault("bab3.anggaran", old["judul_anggaran"])
    return {
        "penomoran": data.get("penomoran") or old.get("penomoran") or "huruf",
        "judul": judul,
        "urutan": {key: list(ids) for key, ids in (data.get("urutan") or {}).items()},
        "sembunyikan": list(data.get("sembunyikan") or []),
        "bagian_tambahan": [
            {
                "id": extra["id"],
                "judul": extra["judul"],
                "narasi": extra.get("narasi"),
                "setelah": extra.get("setelah"),
                "sebelum": extra.get("sebelum"),
            }
            for extra in data.get("bagian_tambahan") or []
        ],
        "kolom": {table: dict(columns) for table, columns in (data.get("kolom") or {}).items()},
        "tujuan_terpisah": bool(data.get("tujuan_terpisah", False)),
    }


def analisis(data: Data | None) -> Analisis:
    data = data or {}
    return Analisis(
        penyebab=data.get("penyebab"),
        solusi=data.get("solusi"),
        program_pendukung=data.get("program_pendukung"),
        efisiensi=data.get("efisiensi"),
        lainnya=data.get("lainnya"),
    )


def organisasi(data: Data | None, paths: Paths) -> Organisasi:
    """The organisation; its chart as the absolute path ``paths`` gives for it."""
    data = data or {}
    return Organisasi(
        kedudukan=data.get("kedudukan"),
        tugas=data.get("tugas"),
        fungsi=list(data.get("fungsi") or []),
        unit=[_unit(u) for u in data.get("unit") or []],
        bagan=paths.get(("organisasi", "bagan"), data.get("bagan")),
        keterangan_bagan=data.get("keterangan_bagan"),
    )


def _unit(data: Data) -> Unit:
    kepala = data.get("kepala")
    return Unit(
        nama=data["nama"],
        eselon=data.get("eselon"),
        kepala=None if kepala is None else pejabat(kepala),
        tugas=data.get("tugas"),
        fungsi=list(data.get("fungsi") or []),
        subunit=[_unit(u) for u in data.get("subunit") or []],
    )


def renstra(data: Data) -> Renstra:
    return Renstra(
        dokumen=data.get("dokumen"),
        periode_awal=data["periode_awal"],
        periode_akhir=data["periode_akhir"],
        tahun=list(range(data["periode_awal"], data["periode_akhir"] + 1)),
        visi=data.get("visi"),
        penjelasan_visi=data.get("penjelasan_visi"),
    )


def sdm_table(settings: Settings, table: Data) -> TabelSdm:
    """SDM table: row totals, column totals and each cell's share of its column."""
    columns = len(table["kolom"])
    rows: list[BarisSdm] = []
    for row in table["baris"]:
        values = [Decimal(v) for v in row["nilai"]] + [Decimal(0)] * (columns - len(row["nilai"]))
        rows.append(
            BarisSdm(
                label=str(row["label"]),
                nilai=values,
                jumlah=sum(values, Decimal(0)),
                persen=[],
                persen_jumlah=None,
            )
        )
    col_totals = [sum((r["nilai"][c] for r in rows), Decimal(0)) for c in range(columns)]
    grand = sum(col_totals, Decimal(0))
    for sdm_row in rows:
        sdm_row["persen"] = [
            settings.round_capaian(persen(v, t))
            for v, t in zip(sdm_row["nilai"], col_totals, strict=True)
        ]
        sdm_row["persen_jumlah"] = settings.round_capaian(persen(sdm_row["jumlah"], grand))
    return TabelSdm(
        judul=table["judul"],
        jenis=table.get("jenis"),
        kelompok=table["kelompok"],
        kolom=list(table["kolom"]),
        sumber=table.get("sumber"),
        persen=table.get("persen", False),
        jumlah_baris=table.get("jumlah_baris", columns > 1),
        jumlah_kolom=table.get("jumlah_kolom", True),
        grup_kolom=[
            {"judul": g["judul"], "kolom": g["kolom"]} for g in table.get("grup_kolom", [])
        ],
        baris=rows,
        total={
            "nilai": col_totals,
            "jumlah": grand,
            "persen": [Decimal(100) if t else None for t in col_totals],
            "persen_jumlah": Decimal(100) if grand else None,
        },
    )


def sarana(data: Data | None) -> Sarana | None:
    """The sarana table: each row's jumlah (the sum of its conditions when not written, "not
    stated" when neither is) and the total value. Counts of unlike things are never added up."""
    if not data:
        return None
    rows: list[Barang] = []
    for item in data["barang"]:
        parts = [item.get(k) for k in ("baik", "kurang_baik", "rusak_berat")]
        stated = [p for p in parts if p is not None]
        jumlah = item.get("jumlah")
        rows.append(
            Barang(
                nama=item["nama"],
                kelompok=item.get("kelompok"),
                satuan=item.get("satuan"),
                jumlah=jumlah if jumlah is not None else (sum(stated) if stated else None),
                baik=parts[0],
                kurang_baik=parts[1],
                rusak_berat=parts[2],
                nilai=dec(item.get("nilai")),
                keterangan=item.get("keterangan"),
                catatan=item.get("catatan"),
            )
        )
    values = [r["nilai"] for r in rows if r["nilai"] is not None]
    return Sarana(
        judul=data.get("judul"),
        barang=rows,
        catatan=data.get("catatan"),
        total={"nilai": sum(values, Decimal(0)) if values else None},
    )


def kondisi_umum(table: Data) -> KondisiUmum:
    return KondisiUmum(
        judul=table["judul"],
        tahun=list(table["tahun"]),
        baris=[
            {
                "uraian": row["uraian"],
                "satuan": row.get("satuan"),
                "nilai": [v if isinstance(v, str) else dec(v) for v in row["nilai"]],
            }
            for row in table["baris"]
        ],
        sumber=table.get("sumber"),
    )
