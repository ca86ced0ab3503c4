"""The template contract of the plan documents: Rencana Aksi, its realisasi, the RKT.

See ``lkjip_gen.render.context_types`` for how fields are described.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict

from lkjip_gen.compute.data_types import Nilai
from lkjip_gen.render.planning_types import SelKosong


class BarisAksiCetak(TypedDict):
    """Satu baris tabel Rencana Aksi (dan realisasinya) seperti dicetak."""

    no: str
    """Nomor sasaran pada baris pertama kelompoknya."""
    vm: str | None
    """Gabung sel sasaran: restart, continue, atau kosong."""
    sasaran: str
    """Rumusan sasaran (atau keterangan program tanpa sasaran)."""
    indikator: str
    """Nama indikator."""
    satuan: str | None
    """Satuan."""
    target: Nilai
    """Target tahunan."""
    aksi: list[str]
    """Langkah rencana aksi, satu per baris (diawali "- " bila lebih dari satu)."""
    tw: list[str]
    """Rencana triwulan I–IV: target triwulan, atau "v" bila hanya dijadwalkan."""
    sel: list[str]
    """Realisasi triwulan I–IV: target, realisasi dan capaian (%) setiap triwulan (12 sel)."""
    realisasi: Nilai
    """Realisasi sampai periode laporan."""
    capaian: Decimal | None
    """Capaian realisasi itu terhadap target tahunan (%)."""
    kategori: str | None
    """Kategori capaian itu."""
    kendala: str
    """Kendala (kosong bila tidak ditulis)."""
    tindak_lanjut: str
    """Tindak lanjut (kosong bila tidak ditulis)."""
    kegiatan: str
    """Program/kegiatan/sub kegiatan."""
    penanggung_jawab: str
    """Penanggung jawab (kosong bila tidak ditulis)."""


class TabelAksi(TypedDict):
    """Tabel Rencana Aksi satu tahun."""

    tahun: int
    """Tahun rencana."""
    sampai: str
    """Periode realisasi yang dibaca, misalnya "Triwulan II" (kosong untuk rencana)."""
    tanggal: str
    """Tanggal penandatanganan: tanggal PK untuk rencana tahun ini, tanggal laporan untuk rencana tahun depan dan realisasinya."""  # noqa: E501
    baris: list[BarisAksiCetak]
    """Baris tabel."""


class BarisRktCetak(TypedDict):
    """Satu baris tabel Rencana Kerja Tahunan."""

    no: str
    """Nomor sasaran pada baris pertama kelompoknya."""
    vm: str | None
    """Gabung sel sasaran: restart, continue, atau kosong."""
    sasaran: str
    """Rumusan sasaran."""
    indikator: str
    """Nama indikator (kosong bila baris tidak berindikator)."""
    satuan: str | None
    """Satuan."""
    target: Nilai | SelKosong
    """Target tahun rencana (kosong bila baris tidak berindikator)."""
    program: str
    """Nama program pada baris program."""
    kegiatan: str
    """Nama kegiatan pada baris kegiatan."""
    sub_kegiatan: str
    """Nama sub kegiatan pada baris sub kegiatan."""
    anggaran: Decimal | None | SelKosong
    """Pagu rencana, pada baris pertama program/kegiatan/sub kegiatan (sel kosong di baris lain)."""


class TabelRktCetak(TypedDict):
    """Tabel Rencana Kerja Tahunan."""

    tahun: int
    """Tahun rencana."""
    baris: list[BarisRktCetak]
    """Baris tabel."""
    jumlah: Decimal | None
    """Jumlah pagu rencana semua program."""


class TabelSiklus(TypedDict):
    """Tabel dokumen rencana: Rencana Aksi, Realisasi Rencana Aksi, RKT."""

    rencana_aksi: list[TabelAksi]
    """Rencana Aksi tahun ini (bila ada), lalu Rencana Aksi tahun RKT (bila ada)."""
    realisasi_aksi: TabelAksi | None
    """Rencana Aksi tahun ini dengan realisasi per triwulan; kosong tanpa rencana aksi."""
    rkt: TabelRktCetak | None
    """Rencana Kerja Tahunan; kosong tanpa rkt."""


class Cetak(TypedDict):
    """Dokumen rencana yang dicetak dalam dokumen ini (sendiri, atau sebagai lampiran LKjIP)."""

    rencana_aksi: bool
    """Rencana Aksi."""
    realisasi_rencana_aksi: bool
    """Realisasi Rencana Aksi."""
    rkt: bool
    """Rencana Kerja Tahunan."""
