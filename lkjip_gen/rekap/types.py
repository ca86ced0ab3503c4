"""The regency roll-up (rekap) as data: one row per office, the totals, the offices left out.

Each field has the Indonesian description ``lkjip compute rekap.yaml`` users read, as in
``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict


class RekapKantor(TypedDict):
    """Satu perangkat daerah dalam rekap: angka dari hasil hitung LKjIP-nya sendiri."""

    no: int
    """Nomor urut dalam rekap (setelah diurutkan)."""
    berkas: str
    """Berkas tahunan kantor ini, seperti ditulis di daftar ``kantor``."""
    nama: str
    """Nama perangkat daerah (``instansi.nama``)."""
    singkatan: str | None
    """Singkatan nama perangkat daerah."""
    periode: str
    """Periode laporan kantor ini, misalnya "Tahun 2024"."""
    jumlah_sasaran: int
    """Banyak sasaran strategis."""
    jumlah_indikator: int
    """Banyak indikator sasaran."""
    jumlah_terukur: int
    """Banyak indikator sasaran yang capaiannya dapat dihitung."""
    rata_rata_tepat: Decimal | None
    """Rata-rata capaian indikator sasaran tanpa pembulatan (``ringkasan.rata_rata_tepat``)."""
    rata_rata: Decimal | None
    """Rata-rata capaian (%) dibulatkan seperti di LKjIP kantor itu."""
    kategori: str | None
    """Kategori rata-rata capaian menurut skala kantor itu."""
    jumlah_kategori: list[int | None]
    """Banyak indikator per kategori, sejajar dengan ``kategori`` rekap; kosong bila skala
    kantor ini tidak mengenal kategori itu."""
    pagu: Decimal | None
    """Total pagu anggaran (Rp)."""
    realisasi: Decimal | None
    """Total realisasi anggaran (Rp)."""
    serapan_tepat: Decimal | None
    """Serapan seluruh anggaran tanpa pembulatan."""
    serapan: Decimal | None
    """Serapan seluruh anggaran (%) dibulatkan."""
    efisiensi_tepat: Decimal | None
    """Tingkat efisiensi anggaran yang mendukung sasaran (baris Jumlah tabel efisiensi Bab III)
    tanpa pembulatan."""
    efisiensi: Decimal | None
    """Tingkat efisiensi itu (%) dibulatkan."""


class RekapJumlah(TypedDict):
    """Baris jumlah rekap: seluruh perangkat daerah yang direkap."""

    jumlah_sasaran: int
    """Banyak sasaran seluruh kantor."""
    jumlah_indikator: int
    """Banyak indikator sasaran seluruh kantor."""
    jumlah_terukur: int
    """Banyak indikator terukur seluruh kantor."""
    rata_rata_tepat: Decimal | None
    """Rata-rata dari rata-rata capaian setiap kantor (setiap kantor berbobot sama)."""
    rata_rata: Decimal | None
    """Rata-rata itu (%) dibulatkan."""
    kategori: str | None
    """Kategori rata-rata itu, bila semua kantor memakai skala yang sama."""
    jumlah_kategori: list[int]
    """Banyak indikator per kategori seluruh kantor."""
    pagu: Decimal | None
    """Total pagu seluruh kantor (Rp)."""
    realisasi: Decimal | None
    """Total realisasi seluruh kantor (Rp)."""
    serapan_tepat: Decimal | None
    """Serapan total (realisasi/pagu × 100) tanpa pembulatan."""
    serapan: Decimal | None
    """Serapan total (%) dibulatkan."""
    efisiensi_tepat: Decimal | None
    """Efisiensi dari rata-rata capaian dan serapan total, bila semua kantor memakai rumus
    efisiensi yang sama; tanpa pembulatan."""
    efisiensi: Decimal | None
    """Efisiensi itu (%) dibulatkan."""


class RekapGagal(TypedDict):
    """Kantor yang belum dapat direkap karena datanya belum sah."""

    berkas: str
    """Berkas tahunan kantor itu."""
    masalah: str
    """Masalah pertama yang ditemukan (berkas:baris:kolom: pesan)."""
    jumlah_masalah: int
    """Banyak kesalahan yang ditemukan."""


class Rekap(TypedDict):
    """Rekap LKjIP satu pemerintah daerah (``lkjip rekap``, ``lkjip compute`` pada rekap.yaml)."""

    pemda: str
    """Nama pemerintah daerah."""
    tahun: int
    """Tahun yang direkap."""
    judul: str
    """Judul dokumen rekap."""
    tanggal: str | None
    """Tanggal rekap (YYYY-MM-DD) bila ditulis."""
    urutan: str
    """Dasar urutan kantor: capaian, serapan, nama atau berkas."""
    kategori: list[str]
    """Nama kategori capaian semua kantor, kolom tabel rekap."""
    kantor: list[RekapKantor]
    """Setiap kantor yang datanya sah, sudah diurutkan."""
    jumlah: RekapJumlah
    """Jumlah seluruh kantor yang direkap."""
    gagal: list[RekapGagal]
    """Kantor yang datanya belum sah, dengan masalah pertamanya."""
    peringatan: list[str]
    """Catatan, misalnya kantor yang melaporkan tahun lain."""
