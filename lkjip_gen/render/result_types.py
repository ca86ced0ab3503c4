"""The shape of the Bab III–IV tables of the template context (``tabel.*``, ``bagian_sasaran``).

As in ``planning_types``: rows in print order, values computed or formatted, ``""`` for an empty
cell. Fields are described as in ``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from lkjip_gen.compute.anggaran_types import Jumlah, Level
from lkjip_gen.compute.data_types import Nilai
from lkjip_gen.render.narrative import Paragraphs
from lkjip_gen.render.planning_types import SelKosong, VMerge


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


class BarisAnggaranCetak(TypedDict):
    """Satu baris program/kegiatan/sub kegiatan per indikator; sel baris itu digabung."""

    level: Level
    """program, kegiatan atau sub_kegiatan."""
    no: str
    """Nomor bertingkat."""
    kode: str
    """Kode nomenklatur."""
    nama: str
    """Nama program/kegiatan/sub kegiatan."""
    pagu: Decimal | None | SelKosong
    """Pagu (Rp)."""
    realisasi_anggaran: Decimal | None | SelKosong
    """Realisasi anggaran (Rp)."""
    serapan: Decimal | None | SelKosong
    """Serapan (%)."""
    sumber_dana: str
    """Sumber dana, misalnya "DAU & DAK"."""
    keterangan: str
    """Keterangan baris."""
    indikator: str
    """Nama indikator."""
    satuan: str | None
    """Satuan indikator."""
    target: Nilai | SelKosong
    """Target indikator."""
    realisasi: Nilai | SelKosong
    """Realisasi indikator."""
    capaian: Decimal | None | SelKosong
    """Capaian indikator (%)."""
    vm: VMerge
    """Penggabungan sel baris anggaran."""


class TabelAnggaran(TypedDict):
    """Tabel realisasi anggaran per program, kegiatan dan sub kegiatan."""

    baris: list[BarisAnggaranCetak]
    """Baris tabel."""
    kode: bool
    """Kolom kode dicetak (ada baris yang berkode)."""
    keterangan: bool
    """Kolom keterangan dicetak (ada baris yang berketerangan)."""
    nomor: list[str]
    """Baris nomor kolom."""
    lebar_jumlah: int
    """Banyak kolom yang digabung untuk label JUMLAH."""


class BarisUang(Jumlah):
    """Satu kelompok anggaran (sasaran, sumber dana)."""

    no: str
    """Nomor baris."""
    nama: str
    """Nama kelompok."""
    indikator: list[str]
    """Nama indikator sasaran (kosong untuk kelompok lain)."""


class TotalUang(Jumlah):
    """Baris jumlah tabel anggaran."""

    label: str
    """Label baris, "JUMLAH"."""


class TabelUang(TypedDict):
    """Tabel anggaran per kelompok."""

    baris: list[BarisUang]
    """Baris tabel."""
    total: TotalUang
    """Baris jumlah."""


class BarisBelanja(Jumlah):
    """Satu jenis belanja atau rinciannya."""

    no: str
    """Nomor, misalnya 1 atau 1.2."""
    nama: str
    """Nama jenis belanja atau rekening."""
    induk: bool
    """true untuk baris jenis belanja, false untuk rinciannya."""


class TabelBelanja(TypedDict):
    """Tabel anggaran per jenis belanja."""

    baris: list[BarisBelanja]
    """Baris tabel."""
    total: TotalUang
    """Baris jumlah."""


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

    baris: list[BarisPembilang]
    """Baris tabel."""


class BarisPengukuran(BarisIndikator):
    """Satu baris tabel pengukuran: judul kelompok, baris misi, atau indikator.

    Baris judul hanya berisi ``judul``; baris misi hanya ``misi``; kolom lain kosong.
    """

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

    baris: list[BarisNasional]
    """Baris tabel."""


class BarisEfisiensi(SelIndikator):
    """Satu indikator di tabel efisiensi; sel sasarannya digabung."""

    no: str
    """Nomor sasaran."""
    sasaran: str
    """Rumusan sasaran."""
    rata_rata: Decimal | None | SelKosong
    """Rata-rata capaian sasaran."""
    pagu: Decimal | None | SelKosong
    """Pagu sasaran."""
    realisasi_anggaran: Decimal | None | SelKosong
    """Realisasi anggaran sasaran."""
    serapan: Decimal | None | SelKosong
    """Serapan anggaran sasaran (%)."""
    efisiensi: Decimal | None | SelKosong
    """Tingkat efisiensi."""
    verdict: str | None
    """"Efisien" atau "Tidak efisien"."""
    vm_sasaran: VMerge
    """Penggabungan sel sasaran."""


class NarasiEfisiensi(TypedDict):
    """Uraian efisiensi satu sasaran."""

    nomor: str
    """Nomor sasaran."""
    uraian: str
    """Rumusan sasaran."""
    teks: Paragraphs | None
    """Uraiannya (paragraf)."""


class TotalEfisiensi(TypedDict):
    """Baris jumlah tabel efisiensi."""

    rata_rata: Decimal | None
    """Rata-rata capaian keseluruhan."""
    pagu: Decimal | None
    """Jumlah pagu (setiap baris anggaran sekali)."""
    realisasi: Decimal | None
    """Jumlah realisasi."""
    serapan: Decimal | None
    """Serapan (%)."""
    efisiensi: Decimal | None
    """Tingkat efisiensi keseluruhan."""
    verdict: str | None
    """"Efisien" atau "Tidak efisien"."""


class TabelEfisiensi(TypedDict):
    """Tabel capaian terhadap serapan per sasaran (analisis 6)."""

    baris: list[BarisEfisiensi]
    """Baris tabel; sasaran tanpa anggaran tidak dicetak."""
    narasi: list[NarasiEfisiensi]
    """Uraian efisiensi sasaran yang menulisnya."""
    total: TotalEfisiensi
    """Baris jumlah."""


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

    baris: list[BarisKategori]
    """Baris tabel."""


class TabelKeuangan(TypedDict):
    """Tabel anggaran Bab III."""

    efisiensi: TabelEfisiensi | None
    """Efisiensi per sasaran."""
    anggaran: TabelAnggaran | None
    """Realisasi anggaran per program, kegiatan dan sub kegiatan."""
    anggaran_sasaran: TabelUang | None
    """Anggaran per sasaran, dengan program penunjang."""
    sumber_dana: TabelUang | None
    """Anggaran per sumber dana."""
    belanja: TabelBelanja | None
    """Anggaran per jenis belanja."""


class TabelHasil(TabelKeuangan):
    """Tabel Bab III dan IV."""

    rumus: list[RumusCetak]
    """Rumus capaian yang dipakai."""
    skala: TabelSkala | None
    """Skala kategori."""
    pembilang: TabelPembilang | None
    """Pembilang dan penyebut."""
    pengukuran: TabelPengukuran | None
    """Pengukuran kinerja."""
    riwayat: TabelRiwayat | None
    """Perbandingan antartahun."""
    renstra_akhir: TabelRenstraAkhir | None
    """Capaian terhadap target akhir Renstra."""
    nasional: TabelNasional | None
    """Perbandingan dengan nasional."""
    kategori: TabelKategori | None
    """Banyak indikator per kategori."""
