"""The shape of the Bab III–IV tables of the template context (``tabel.*``, ``bagian_sasaran``).

As in ``planning_types``: rows in print order, values computed or formatted, ``""`` for an empty
cell. Fields are described as in ``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from lkjip_gen.compute.data_types import Nilai
from lkjip_gen.render.column_types import KolomNasional, KolomPengukuran, KolomRenstraAkhir
from lkjip_gen.render.planning_types import VMerge


class SelIndikator(TypedDict):
    """Kolom indikator seperti dicetak (nilai sudah dibulatkan model)."""

    nama: str
    """Nama indikator."""
    satuan: str
    """Satuan."""
    target: Nilai
    """Target."""
    realisasi: Nilai
    """Realisasi."""
    capaian: Decimal | None
    """Capaian (%)."""
    kategori: str | None
    """Kategori capaian."""
    warna: str
    """Warna sel kategori untuk ``{% cellbg %}``, misalnya 00B050; "auto" bila tanpa warna."""


class BarisIndikator(SelIndikator):
    """Indikator bernomor."""

    no: str
    """Nomor baris."""


class RumusCetak(TypedDict):
    """Satu rumus capaian yang dipakai, dengan judulnya."""

    judul: str
    """Jenis indikator, misalnya "Indikator positif (makin tinggi makin baik)"."""
    teks: str
    """Rumusnya."""


class BarisSkala(TypedDict):
    """Satu pita skala kategori."""

    no: str
    """Nomor baris."""
    rentang: str
    """Rentang capaian, misalnya "76 ≤ x < 91"."""
    label: str
    """Nama kategori."""
    warna: str
    """Warna sel untuk ``{% cellbg %}``; "auto" bila tanpa warna."""


class TabelSkala(TypedDict):
    """Tabel skala kategori capaian."""

    judul: str
    """Judul tabel."""
    baris: list[BarisSkala]
    """Pita dari tertinggi."""


class BarisPembilang(BarisIndikator):
    """Indikator yang realisasinya dihitung dari pembilang/penyebut."""

    pembilang: Decimal | None
    """Nilai pembilang."""
    penyebut: Decimal | None
    """Nilai penyebut."""
    label_pembilang: str | None
    """Nama pembilang."""
    label_penyebut: str | None
    """Nama penyebut."""


class TabelPembilang(TypedDict):
    """Tabel pembilang dan penyebut."""

    judul: str
    """Judul tabel."""
    baris: list[BarisPembilang]
    """Baris tabel."""


class BarisPengukuran(BarisIndikator):
    """Satu baris tabel pengukuran: judul kelompok, baris misi, atau indikator.

    Baris judul hanya berisi ``judul``; baris misi hanya ``misi``; kolom lain kosong.
    """

    terus: bool
    """true bila baris ini harus satu halaman dengan baris berikutnya (satu blok sel gabungan)."""
    judul: str | None
    """Judul kelompok ("TUJUAN", "SASARAN STRATEGIS") pada baris judul."""
    misi: str | None
    """Misi ("Misi 1: …") pada baris misi."""
    induk: str
    """Rumusan tujuan/sasaran pemilik indikator."""
    vm: VMerge
    """Penggabungan sel nomor dan tujuan/sasaran."""


class TabelPengukuran(TypedDict):
    """Tabel pengukuran kinerja: target, realisasi dan capaian."""

    judul: str
    """Judul tabel."""
    kepala_induk: str
    """Judul kolom kedua: "Tujuan / Sasaran Strategis", atau "Sasaran Strategis" / "Tujuan"
    bila indikator tujuan punya tabel sendiri (dokumen.tujuan_terpisah)."""
    kolom: KolomPengukuran
    """Kolom yang dicetak."""
    baris: list[BarisPengukuran]
    """Baris tabel: indikator tujuan, lalu indikator sasaran."""
    catatan: list[str]
    """Catatan indikator yang capaiannya tidak dapat dihitung ("nama: alasan")."""


class BarisRiwayat(TypedDict):
    """Satu indikator di tabel perbandingan antartahun."""

    no: str
    """Nomor baris."""
    nama: str
    """Nama indikator dengan satuannya."""
    sel: list[str]
    """Realisasi dan capaian setiap tahun kolom, sudah ditulis."""
    perubahan: Decimal | None
    """Perubahan capaian dibanding tahun lalu."""


class TabelRiwayat(TypedDict):
    """Tabel perbandingan realisasi dan capaian antartahun (analisis 2)."""

    judul: str
    """Judul tabel."""
    tahun: list[str]
    """Tahun kolom (paling banyak tiga tahun lalu dan tahun ini)."""
    sub: list[str]
    """Subjudul kolom: Realisasi, Capaian (%) untuk setiap tahun."""
    nomor: list[str]
    """Baris nomor kolom."""
    baris: list[BarisRiwayat]
    """Baris tabel."""


class BarisRenstraAkhir(BarisIndikator):
    """Indikator dibandingkan target akhir Renstra; ``capaian`` terhadap target akhir."""

    awal: Nilai
    """Kondisi awal."""
    akhir: Nilai
    """Target akhir Renstra."""


class TabelRenstraAkhir(TypedDict):
    """Tabel capaian terhadap target akhir Renstra (analisis 3)."""

    judul: str
    """Judul tabel."""
    kolom: KolomRenstraAkhir
    """Kolom yang dicetak."""
    baris: list[BarisRenstraAkhir]
    """Baris tabel."""


class BarisNasional(BarisIndikator):
    """Indikator dengan pembanding nasional."""

    nilai: Decimal
    """Nilai nasional/standar."""
    keterangan: str | None
    """Sumbernya."""
    selisih: Decimal | None
    """Realisasi dikurangi nilai nasional."""


class TabelNasional(TypedDict):
    """Tabel perbandingan dengan nasional (analisis 4)."""

    judul: str
    """Judul tabel."""
    kolom: KolomNasional
    """Kolom yang dicetak."""
    baris: list[BarisNasional]
    """Baris tabel."""


class BarisKategori(TypedDict):
    """Banyak indikator dalam satu kategori."""

    no: str
    """Nomor baris."""
    label: str
    """Nama kategori."""
    jumlah: int
    """Banyak indikator."""
    warna: str
    """Warna sel untuk ``{% cellbg %}``."""


class TabelKategori(TypedDict):
    """Tabel banyak indikator per kategori."""

    judul: str
    """Judul tabel."""
    baris: list[BarisKategori]
    """Baris tabel."""


class TabelHasil(TypedDict):
    """Tabel Bab III dan IV."""

    rumus: list[RumusCetak]
    """Rumus capaian yang dipakai."""
    skala: TabelSkala | None
    """Skala kategori."""
    skala_negatif: TabelSkala | None
    """Skala kategori indikator negatif, bila berbeda."""
    pembilang: TabelPembilang | None
    """Pembilang dan penyebut."""
    pengukuran: TabelPengukuran | None
    """Pengukuran kinerja."""
    pengukuran_tujuan: TabelPengukuran | None
    """Pengukuran indikator tujuan, bila dicetak terpisah (``dokumen.tujuan_terpisah``)."""
    riwayat: TabelRiwayat | None
    """Perbandingan antartahun."""
    riwayat_tujuan: TabelRiwayat | None
    """Perbandingan antartahun indikator tujuan, bila dicetak terpisah."""
    renstra_akhir: TabelRenstraAkhir | None
    """Capaian terhadap target akhir Renstra."""
    renstra_akhir_tujuan: TabelRenstraAkhir | None
    """Capaian indikator tujuan terhadap target akhir Renstra, bila dicetak terpisah."""
    nasional: TabelNasional | None
    """Perbandingan dengan nasional."""
    kategori: TabelKategori | None
    """Banyak indikator per kategori."""
