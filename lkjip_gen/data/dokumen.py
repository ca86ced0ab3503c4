"""The document's shape as data: chapters, sections, tables and columns by id, with defaults.

Every heading of the default layout has a stable id (``bab1.dasar_hukum``, ``tabel.pk``,
``depan.kata_pengantar``) and a default wording; an office rewords, reorders, hides and adds
sections and tables through ``dokumen`` in its data (usually the profile). This module holds
the ids and defaults: the checks validate ``dokumen`` against them and ``render.outline``
resolves the printed outline from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Penomoran = Literal["angka", "angka_titik", "huruf", "tanpa"]
TampilKolom = Literal["tampil", "sembunyi", "otomatis"]


@dataclass(frozen=True)
class Section:
    """A section of a chapter: its short id, default heading and default parent (level 3)."""

    id: str
    judul: str
    induk: str | None = None
    # Per-item placeholders ({nomor}, {uraian}) for a section repeated per sasaran.
    per_sasaran: bool = False


CHAPTERS: dict[str, tuple[str, tuple[Section, ...]]] = {
    "bab1": (
        "BAB I PENDAHULUAN",
        (
            Section("latar_belakang", "Latar Belakang"),
            Section("dasar_hukum", "Dasar Hukum"),
            Section("maksud_tujuan", "Maksud dan Tujuan"),
            Section("gambaran_umum", "Gambaran Umum Organisasi"),
            Section("kedudukan", "Kedudukan", "gambaran_umum"),
            Section("tugas_fungsi", "Tugas dan Fungsi", "gambaran_umum"),
            Section("struktur_organisasi", "Struktur Organisasi", "gambaran_umum"),
            Section("kondisi_umum", "Kondisi Umum", "gambaran_umum"),
            Section("sumber_daya", "Sumber Daya"),
            Section("peran_strategis", "Peran Strategis"),
            Section("isu_strategis", "Isu Strategis"),
            Section("permasalahan_solusi", "Permasalahan dan Solusi"),
            Section("sistematika", "Sistematika Penyajian"),
        ),
    ),
    "bab2": (
        "BAB II PERENCANAAN KINERJA",
        (
            Section("visi_misi", "Visi dan Misi"),
            Section("tujuan_sasaran", "Tujuan dan Sasaran Strategis"),
            Section("iku", "Indikator Kinerja Utama"),
            Section("strategi", "Strategi dan Arah Kebijakan"),
            Section("perjanjian_kinerja", "Perjanjian Kinerja"),
        ),
    ),
    "bab3": (
        "BAB III AKUNTABILITAS KINERJA",
        (
            Section("capaian_kinerja", "Capaian Kinerja"),
            Section("metode", "Metode Pengukuran", "capaian_kinerja"),
            Section("pengukuran", "Realisasi dan Capaian Kinerja", "capaian_kinerja"),
            Section("riwayat", "Perbandingan dengan Tahun Sebelumnya", "capaian_kinerja"),
            Section("renstra_akhir", "Perbandingan dengan Target Akhir Renstra", "capaian_kinerja"),
            Section("nasional", "Perbandingan dengan Capaian Nasional", "capaian_kinerja"),
            Section("sasaran", "Sasaran {nomor}: {uraian}", "capaian_kinerja", per_sasaran=True),
            Section("efisiensi", "Efisiensi Penggunaan Sumber Daya", "capaian_kinerja"),
            Section("anggaran", "Realisasi Anggaran"),
            Section("permasalahan_strategi", "Permasalahan dan Strategi Pemecahan Masalah"),
        ),
    ),
    "bab4": (
        "BAB IV PENUTUP",
        (
            Section("simpulan", "Simpulan"),
            Section("langkah_perbaikan", "Langkah Perbaikan"),
        ),
    ),
}

# Headings outside the chapters (Judul Bagian): they can be reworded or left out.
FRONT: dict[str, str] = {
    "depan.kata_pengantar": "Kata Pengantar",
    "depan.ikhtisar_eksekutif": "Ikhtisar Eksekutif",
    "depan.daftar_isi": "Daftar Isi",
    "depan.daftar_tabel": "Daftar Tabel",
    "depan.daftar_grafik": "Daftar Grafik",
    "lampiran": "LAMPIRAN: PERJANJIAN KINERJA TAHUN {tahun}",
}


@dataclass(frozen=True)
class TableSpec:
    """A table's default caption and the columns an office may keep, hide or leave automatic."""

    judul: str
    kolom: tuple[str, ...] = ()
    per_sasaran: bool = False


TABLES: dict[str, TableSpec] = {
    "tabel.unit": TableSpec("Susunan Organisasi {instansi}", ("eselon", "pejabat")),
    "tabel.kondisi": TableSpec("", ("satuan",)),
    "tabel.sdm": TableSpec(""),
    "tabel.sarana": TableSpec(
        "Sarana dan Prasarana menurut Jenis, Jumlah dan Kondisi",
        ("jumlah", "nilai", "kondisi", "keterangan"),
    ),
    "tabel.hierarki": TableSpec("Hubungan Misi, Tujuan dan Sasaran Strategis", ("misi",)),
    "tabel.iku": TableSpec(
        "Indikator Kinerja Utama {instansi} Tahun {periode_renstra}",
        ("kondisi_awal", "target_akhir"),
    ),
    "tabel.strategi": TableSpec("Strategi dan Arah Kebijakan"),
    "tabel.pk": TableSpec(
        "Perjanjian Kinerja {instansi} Tahun {tahun}", ("program", "anggaran", "sumber_dana")
    ),
    "tabel.pk_sasaran": TableSpec(""),
    "tabel.pk_program": TableSpec("", ("keterangan",)),
    "tabel.skala": TableSpec("Skala Kategori Capaian Kinerja"),
    "tabel.skala_negatif": TableSpec("Skala Kategori Capaian Indikator Negatif"),
    "tabel.pembilang": TableSpec("Perhitungan Realisasi Indikator {periode}"),
    "tabel.pengukuran": TableSpec("Pengukuran Kinerja {periode}", ("satuan",)),
    "tabel.pengukuran_tujuan": TableSpec("Pengukuran Kinerja Tujuan {periode}", ("satuan",)),
    "tabel.riwayat": TableSpec(
        "Perbandingan Realisasi dan Capaian Kinerja dengan Tahun Sebelumnya"
    ),
    "tabel.riwayat_tujuan": TableSpec(
        "Perbandingan Realisasi dan Capaian Kinerja Tujuan dengan Tahun Sebelumnya"
    ),
    "tabel.renstra_akhir": TableSpec(
        "Capaian Kinerja terhadap Target Akhir Renstra", ("kondisi_awal",)
    ),
    "tabel.renstra_akhir_tujuan": TableSpec(
        "Capaian Kinerja Tujuan terhadap Target Akhir Renstra", ("kondisi_awal",)
    ),
    "tabel.nasional": TableSpec(
        "Perbandingan Realisasi Kinerja dengan Capaian Nasional atau Standar", ("keterangan",)
    ),
    "tabel.sasaran": TableSpec("Realisasi dan Capaian Indikator Sasaran {nomor}", per_sasaran=True),
    "tabel.program_sasaran": TableSpec(
        "Program dan Kegiatan Penunjang Sasaran {nomor}", per_sasaran=True
    ),
    "tabel.efisiensi": TableSpec("Efisiensi Penggunaan Sumber Daya {periode}"),
    "tabel.anggaran_sasaran": TableSpec(
        "Anggaran dan Realisasi per Sasaran Strategis {periode}", ("indikator",)
    ),
    "tabel.sumber_dana": TableSpec("Anggaran dan Realisasi per Sumber Dana {periode}"),
    "tabel.belanja": TableSpec("Anggaran dan Realisasi per Jenis Belanja {periode}"),
    "tabel.anggaran": TableSpec(
        "Realisasi Anggaran dan Kinerja {tingkat_anggaran} {periode}",
        ("kode", "kinerja", "sumber_dana", "keterangan"),
    ),
    "tabel.kategori": TableSpec("Rekapitulasi Kategori Capaian Indikator Kinerja"),
    "gambar.bagan": TableSpec("Bagan Struktur Organisasi {instansi}"),
}

# Placeholders a heading may hold; the per-sasaran ones only in per-sasaran headings.
PLACEHOLDERS = (
    "instansi",
    "pemda",
    "tahun",
    "periode",
    "periode_renstra",
    "tahun_akhir_renstra",
    "tingkat_anggaran",
)
PER_SASARAN = ("nomor", "ke", "uraian")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def section_ids() -> dict[str, Section]:
    """Every chapter section by full id (``bab1.dasar_hukum``)."""
    return {f"{bab}.{s.id}": s for bab, (_, sections) in CHAPTERS.items() for s in sections}


def heading_ids() -> set[str]:
    """Every id whose heading or caption ``dokumen.judul`` may reword."""
    return {*CHAPTERS, *section_ids(), *FRONT, *TABLES}


def per_sasaran_ids() -> set[str]:
    """The headings and captions repeated per sasaran (they may use {nomor} and {uraian})."""
    sections = {key for key, s in section_ids().items() if s.per_sasaran}
    return sections | {key for key, t in TABLES.items() if t.per_sasaran}
