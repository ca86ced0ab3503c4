"""The parts of the report model copied from the data file, and the settings as printed.

A class listed in ``SCHEMA_PATHS`` mirrors a data object: its fields without a description of
their own mean what the schema says at that path (docs/referensi-data.md), so the two
descriptions cannot drift; absent optional fields are present as None (or an empty list). See
``lkjip_gen.compute.types`` for how fields are described.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypedDict

from lkjip_gen.compute.grafik_types import PengaturanGrafik
from lkjip_gen.data.dokumen import Penomoran, TampilKolom
from lkjip_gen.data.settings import (
    CaraEfisiensi,
    GayaRupiah,
    Kertas,
    Pembulatan,
    RataRata,
    RealisasiKosong,
    Rumus,
    TargetTriwulan,
)

JenisLaporan = Literal["tahunan", "triwulan"]
StatusPejabat = Literal["definitif", "plt", "plh"]


class Rentang(TypedDict):
    """Target berupa rentang: capaian 100% bila realisasi di dalamnya."""

    min: Decimal
    maks: Decimal


Nilai = Decimal | str | Rentang | None
"""A target or realisasi: a number, a predikat ("B"), a range, or nothing yet."""


class Pejabat(TypedDict):
    """Seorang pejabat penanda tangan, seperti ditulis."""

    nama: str | None
    jabatan: str | None
    pangkat: str | None
    golongan: str | None
    nip: str | None
    status: StatusPejabat | None
    catatan: dict[str, str] | None


class Instansi(TypedDict):
    """Identitas perangkat daerah; jalur logo sudah mutlak."""

    pemda: str
    nama: str
    singkatan: str | None
    alamat: str | None
    kode_pos: str | None
    telepon: str | None
    faks: str | None
    email: str | None
    laman: str | None
    baris_sampul: list[str]
    kota: str | None
    logo: str | None
    kepala: Pejabat
    atasan: Pejabat
    """Atasan langsung kepala (pihak kedua PK); jabatannya diturunkan dari pemda bila tidak
    ditulis, namanya kosong bila tidak ditulis."""


class Laporan(TypedDict):
    """Jenis dan periode laporan; tempat dan tanggal sudah diisi bawaannya."""

    jenis: JenisLaporan
    triwulan: int | None
    tahun: int
    tempat: str
    tanggal: str
    tanggal_pk: str
    tanggal_triwulan: list[str | None]
    pk_perubahan: bool
    judul: str | None
    catatan: dict[str, str] | None
    periode: str
    """Periode dalam kalimat: "Tahun 2022" atau "Triwulan I Tahun 2023"."""


class Narasi(TypedDict):
    """Teks naratif seperti ditulis (teks bergaya Markdown sederhana)."""

    kata_pengantar: str | None
    ikhtisar_eksekutif: str | None
    latar_belakang: str | None
    maksud_tujuan: str | None
    gambaran_umum: str | None
    sumber_daya: str | None
    peran_strategis: str | None
    isu_strategis: str | None
    permasalahan_solusi: str | None
    sistematika: str | None
    perencanaan: str | None
    strategi_arah_kebijakan: str | None
    perjanjian_kinerja: str | None
    capaian_kinerja: str | None
    realisasi_anggaran: str | None
    permasalahan_strategi: str | None
    penutup: str | None
    langkah_perbaikan: str | None


class Unit(TypedDict):
    """Unit kerja dengan subunitnya."""

    nama: str
    eselon: str | None
    kepala: Pejabat | None
    tugas: str | None
    fungsi: list[str]
    subunit: list[Unit]


class Organisasi(TypedDict):
    """Kedudukan, tugas, fungsi dan susunan organisasi; jalur bagan sudah mutlak."""

    kedudukan: str | None
    tugas: str | None
    fungsi: list[str]
    unit: list[Unit]
    bagan: str | None
    keterangan_bagan: str | None


class Analisis(TypedDict):
    """Analisis naratif satu sasaran, seperti ditulis."""

    penyebab: str | None
    solusi: str | None
    program_pendukung: str | None
    efisiensi: str | None
    lainnya: str | None


class Barang(TypedDict):
    """Satu jenis barang sarana; jumlahnya dihitung dari kondisinya bila tidak ditulis."""

    nama: str
    kelompok: str | None
    satuan: str | None
    jumlah: int | None
    baik: int | None
    kurang_baik: int | None
    rusak_berat: int | None
    nilai: Decimal | None
    keterangan: str | None
    catatan: dict[str, str] | None


class TotalSarana(TypedDict):
    """Baris jumlah tabel sarana: hanya nilai, karena barang berlainan jenis tidak dijumlahkan."""

    nilai: Decimal | None
    """Jumlah nilai (Rp) seluruh barang yang nilainya ditulis; kosong bila tidak ada."""


class Sarana(TypedDict):
    """Tabel sarana dan prasarana."""

    judul: str | None
    barang: list[Barang]
    catatan: str | None
    total: TotalSarana
    """Jumlah nilai."""


class BarisKondisi(TypedDict):
    """Satu baris tabel kondisi umum."""

    uraian: str
    satuan: str | None
    nilai: list[Decimal | str | None]


class KondisiUmum(TypedDict):
    """Tabel kondisi beberapa tahun."""

    judul: str
    tahun: list[int | str]
    baris: list[BarisKondisi]
    sumber: str | None


class Renstra(TypedDict):
    """Rencana Strategis."""

    dokumen: str | None
    """Nama dokumen Renstra/RPJMD."""
    periode_awal: int
    """Tahun pertama periode Renstra."""
    periode_akhir: int
    """Tahun terakhir periode Renstra."""
    tahun: list[int]
    """Setiap tahun periode Renstra."""
    visi: str | None
    """Visi kepala daerah."""
    penjelasan_visi: str | None
    """Penjelasan visi seperti ditulis (teks naratif)."""


class BarisSdm(TypedDict):
    """Satu baris tabel SDM."""

    label: str
    """Nama kelompok."""
    nilai: list[Decimal]
    """Jumlah orang per kolom."""
    jumlah: Decimal
    """Jumlah baris."""
    persen: list[Decimal | None]
    """Bagian tiap sel dari jumlah kolomnya (%), dibulatkan."""
    persen_jumlah: Decimal | None
    """Bagian jumlah baris dari jumlah seluruhnya (%), dibulatkan."""


class TotalSdm(TypedDict):
    """Baris jumlah tabel SDM."""

    nilai: list[Decimal]
    """Jumlah per kolom."""
    jumlah: Decimal
    """Jumlah seluruhnya."""
    persen: list[Decimal | None]
    """100 untuk kolom yang berisi."""
    persen_jumlah: Decimal | None
    """100 bila ada isinya."""


class GrupKolom(TypedDict):
    """Judul di atas beberapa kolom berurutan tabel SDM."""

    judul: str
    """Judul grup."""
    kolom: int
    """Banyak kolom di bawahnya."""


class TabelSdm(TypedDict):
    """Tabel SDM dengan jumlah dan persentase yang dihitung."""

    judul: str
    """Judul tabel."""
    jenis: str | None
    """Jenis pengelompokan."""
    kelompok: str
    """Judul kolom pengelompokan."""
    kolom: list[str]
    """Judul kolom jumlah."""
    sumber: str | None
    """Sumber data."""
    persen: bool
    """Kolom persentase ditampilkan."""
    jumlah_baris: bool
    """Kolom jumlah per baris ditampilkan (bawaan: bila lebih dari satu kolom)."""
    jumlah_kolom: bool
    """Baris JUMLAH ditampilkan (bawaan true)."""
    grup_kolom: list[GrupKolom]
    """Judul di atas beberapa kolom berurutan."""
    baris: list[BarisSdm]
    """Baris tabel."""
    total: TotalSdm
    """Baris jumlah."""


class Pita(TypedDict):
    """Satu pita skala kategori."""

    label: str
    """Nama kategori."""
    batas: Decimal | None
    """Batas bawah (%); kosong untuk pita terakhir."""
    inklusif: bool
    """true bila capaian sama dengan batas termasuk pita ini."""
    skor: Decimal | None
    """Skor pita."""
    warna: str | None
    """Warna sel kategori, misalnya #00B050."""
    uraian: str
    """Aturan pita, misalnya "≥ 85"."""
    rentang: str
    """Pita dengan kedua batasnya, misalnya "76 ≤ x < 91"."""


class RumusTeks(TypedDict):
    """Rumus capaian yang dipakai laporan ini."""

    jenis: Rumus
    """Nama rumus."""
    teks: str
    """Rumus dalam kalimat, misalnya "Capaian = Realisasi / Target × 100%"."""


class Pengaturan(TypedDict):
    """Pengaturan yang berlaku, bawaan sudah diisi (lihat ``pengaturan`` di referensi data)."""

    skala_nama: str
    """Nama skala siap pakai, atau "khusus" untuk skala sendiri."""
    skala: list[Pita]
    """Pita kategori dari tertinggi; kosong bila laporan tidak memakai kategori."""
    skala_negatif: list[Pita] | None
    """Pita kategori indikator negatif bila berbeda (``skala_kategori_negatif``); kosong bila
    indikator negatif memakai skala yang sama."""
    ambang_efisien: Decimal
    """Efisiensi di atas nilai ini dinilai efisien."""
    rumus: list[RumusTeks]
    """Rumus capaian yang benar-benar dipakai indikator laporan ini."""
    rumus_efisiensi: str
    """Rumus efisiensi dalam kalimat."""
    efisiensi: CaraEfisiensi
    """Rumus efisiensi."""
    pembulatan: Pembulatan
    """Pembulatan capaian."""
    pembulatan_anggaran: Pembulatan
    """Pembulatan persentase anggaran."""
    desimal: int
    """Angka di belakang koma untuk persentase."""
    rata_rata: RataRata
    """Dasar rata-rata keseluruhan."""
    rata_rata_maks_100: bool
    """Capaian dibatasi 100 sebelum dirata-rata."""
    realisasi_kosong: RealisasiKosong
    """Perlakuan indikator tanpa realisasi dalam rata-rata."""
    target_triwulan: TargetTriwulan
    """Target pembanding laporan triwulan."""
    rupiah: GayaRupiah
    """Gaya rupiah dalam kalimat."""
    kertas: Kertas
    """Ukuran kertas."""
    penomoran: Penomoran
    """Penomoran subbab (sama dengan ``dokumen.penomoran``)."""
    judul_anggaran: str
    """Judul Bab III B seperti ditulis (sama dengan judul ``bab3.anggaran``)."""
    templat: str
    """Nama set templat bawaan, atau jalur mutlak folder templat sendiri."""
    grafik: PengaturanGrafik
    """Grafik yang tampil, warna dan hurufnya."""
    lampiran: list[str]
    """Dokumen yang dilampirkan pada LKjIP sesudah Perjanjian Kinerja (rencana-aksi, realisasi-rencana-aksi, rkt)."""  # noqa: E501


class BagianTambahan(TypedDict):
    """Subbab naratif milik kantor, ditempatkan sebelum atau sesudah subbab lain."""

    id: str
    judul: str
    narasi: str | None
    setelah: str | None
    sebelum: str | None


class Dokumen(TypedDict):
    """Bentuk dokumen menurut kantor, bawaan sudah diisi (lihat ``dokumen`` di referensi data)."""

    penomoran: Penomoran
    judul: dict[str, str]
    urutan: dict[str, list[str]]
    sembunyikan: list[str]
    bagian_tambahan: list[BagianTambahan]
    kolom: dict[str, dict[str, TampilKolom]]
    tujuan_terpisah: bool


SCHEMA_PATHS: dict[str, tuple[str, ...]] = {
    "Rentang": ("kinerja", "<id>", "target"),
    "Pejabat": ("instansi", "kepala"),
    "Instansi": ("instansi",),
    "Laporan": ("laporan",),
    "Narasi": ("narasi",),
    "Unit": ("organisasi", "unit", "[]"),
    "Organisasi": ("organisasi",),
    "Analisis": ("analisis", "<id>"),
    "Barang": ("sarana", "barang", "[]"),
    "Sarana": ("sarana",),
    "BarisKondisi": ("kondisi_umum", "[]", "baris", "[]"),
    "KondisiUmum": ("kondisi_umum", "[]"),
    "BagianTambahan": ("dokumen", "bagian_tambahan", "[]"),
    "Dokumen": ("dokumen",),
}
"""Classes mirroring a data object, by name: the data path (``fieldref.lookup`` form) of it."""
