"""The plans of the report model: Rencana Aksi (with its quarterly monitoring) and the RKT.

See ``lkjip_gen.compute.types`` for how fields are described.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypedDict

from lkjip_gen.compute.data_types import Nilai

LevelRencana = Literal["sasaran", "program", "kegiatan", "sub_kegiatan"]
SifatRencana = Literal["akhir_periode", "kumulatif"]


class TriwulanAksi(TypedDict):
    """Satu triwulan satu baris Rencana Aksi: rencana dan, bila sudah ada, realisasinya."""

    triwulan: int
    """Nomor triwulan 1–4."""
    jadwal: bool
    """Aksi dijadwalkan pada triwulan ini (tanda v)."""
    target: Nilai
    """Target triwulan ini seperti ditulis (target_triwulan)."""
    realisasi: Nilai
    """Realisasi triwulan ini seperti ditulis; kosong untuk triwulan sesudah periode laporan."""
    capaian_tepat: Decimal | None
    """Capaian realisasi triwulan ini terhadap targetnya, tanpa pembulatan."""
    capaian: Decimal | None
    """``capaian_tepat`` dibulatkan."""
    kategori: str | None
    """Kategori capaian triwulan ini."""


class BarisAksi(TypedDict):
    """Satu indikator dalam Rencana Aksi: targetnya per triwulan, aksinya, penanggung jawabnya."""

    sasaran: str | None
    """id sasaran yang didukung; kosong untuk program yang tidak mendukung sasaran mana pun."""
    sasaran_nomor: str | None
    """Nomor sasaran itu."""
    sasaran_uraian: str | None
    """Rumusan sasaran itu."""
    level: LevelRencana
    """sasaran (indikator kinerja sasaran), program, kegiatan atau sub_kegiatan."""
    kode: str | None
    """Kode program/kegiatan/sub kegiatan."""
    kegiatan: str | None
    """Nama program/kegiatan/sub kegiatan pemilik indikator; untuk indikator sasaran, program yang mendukung sasaran itu."""  # noqa: E501
    indikator: str
    """Nama indikator."""
    satuan: str | None
    """Satuan."""
    sifat: SifatRencana
    """kumulatif (triwulan dijumlahkan) atau akhir_periode (nilai triwulan terakhir)."""
    target: Nilai
    """Target tahunan."""
    triwulan: list[TriwulanAksi]
    """Triwulan I–IV."""
    aksi: list[str]
    """Langkah yang direncanakan."""
    penanggung_jawab: str | None
    """Penanggung jawab."""
    kendala: str | None
    """Kendala/hambatan."""
    tindak_lanjut: str | None
    """Tindak lanjut."""
    realisasi: Nilai
    """Realisasi sampai periode laporan (sesuai sifat indikator)."""
    capaian_tepat: Decimal | None
    """Capaian realisasi itu terhadap target tahunan, tanpa pembulatan."""
    capaian: Decimal | None
    """``capaian_tepat`` dibulatkan."""
    kategori: str | None
    """Kategori capaian itu."""


class RencanaAksi(TypedDict):
    """Rencana Aksi satu tahun: per sasaran, indikator sasaran lalu indikator programnya."""

    tahun: int
    """Tahun rencana."""
    sampai_triwulan: int
    """Triwulan terakhir yang realisasinya dibaca (periode laporan; 0 untuk rencana tahun depan)."""  # noqa: E501
    baris: list[BarisAksi]
    """Baris-barisnya, urut sasaran."""


class BarisRkt(TypedDict):
    """Satu baris Rencana Kerja Tahunan: indikator sasaran, atau program/kegiatan/sub kegiatan."""

    sasaran: str | None
    """id sasaran; kosong untuk program yang tidak mendukung sasaran mana pun."""
    sasaran_nomor: str | None
    """Nomor sasaran itu."""
    sasaran_uraian: str | None
    """Rumusan sasaran itu."""
    level: LevelRencana
    """sasaran, program, kegiatan atau sub_kegiatan."""
    kode: str | None
    """Kode program/kegiatan/sub kegiatan."""
    program: str | None
    """Nama program (pada baris program)."""
    kegiatan: str | None
    """Nama kegiatan (pada baris kegiatan)."""
    sub_kegiatan: str | None
    """Nama sub kegiatan (pada baris sub kegiatan)."""
    indikator: str | None
    """Nama indikator; kosong bila baris ini tidak berindikator."""
    satuan: str | None
    """Satuan."""
    target: Nilai
    """Target tahun rencana."""
    anggaran: Decimal | None
    """Pagu rencana program/kegiatan/sub kegiatan (pada baris pertamanya; dijumlahkan ke atas)."""


class Rkt(TypedDict):
    """Rencana Kerja Tahunan tahun berikutnya."""

    tahun: int
    """Tahun rencana."""
    baris: list[BarisRkt]
    """Baris-barisnya, urut sasaran."""
    jumlah: Decimal | None
    """Jumlah pagu rencana semua program."""
    rencana_aksi: RencanaAksi | None
    """Rencana Aksi tahun rencana; kosong bila belum ada rencana aksinya."""
