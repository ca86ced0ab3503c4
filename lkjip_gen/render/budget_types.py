"""The shape of the budget and efficiency tables of the template context (``tabel.*``).

As in ``planning_types``: rows in print order, values computed or formatted, ``""`` for an empty
cell. Fields are described as in ``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from lkjip_gen.compute.anggaran_types import Jumlah, Level
from lkjip_gen.compute.data_types import Nilai
from lkjip_gen.render.column_types import KolomAnggaran, KolomUang
from lkjip_gen.render.narrative import Paragraphs
from lkjip_gen.render.planning_types import SelKosong, VMerge
from lkjip_gen.render.result_types import SelIndikator


class BarisAnggaranCetak(TypedDict):
    """Satu baris program/kegiatan/sub kegiatan per indikator; sel baris itu digabung."""

    terus: bool
    """true bila baris ini harus satu halaman dengan baris berikutnya (satu blok sel gabungan)."""
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

    judul: str
    """Judul tabel."""
    baris: list[BarisAnggaranCetak]
    """Baris tabel."""
    kolom: KolomAnggaran
    """Kolom yang dicetak (kolom tanpa isi ditinggalkan, lihat ``dokumen.kolom``)."""
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

    judul: str
    """Judul tabel."""
    kolom: KolomUang
    """Kolom yang dicetak."""
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

    judul: str
    """Judul tabel."""
    baris: list[BarisBelanja]
    """Baris tabel."""
    total: TotalUang
    """Baris jumlah."""


class BarisEfisiensi(SelIndikator):
    """Satu indikator di tabel efisiensi; sel sasarannya digabung."""

    terus: bool
    """true bila baris ini harus satu halaman dengan baris berikutnya (satu blok sel gabungan)."""
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

    judul: str
    """Judul tabel."""
    baris: list[BarisEfisiensi]
    """Baris tabel; sasaran tanpa anggaran tidak dicetak."""
    narasi: list[NarasiEfisiensi]
    """Uraian efisiensi sasaran yang menulisnya."""
    total: TotalEfisiensi
    """Baris jumlah."""


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
