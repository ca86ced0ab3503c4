"""The budget part of the report model: amounts, budget rows, their groupings, the PK annex.

See ``lkjip_gen.compute.types`` for how fields are described.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypedDict

from lkjip_gen.compute.data_types import Nilai

Level = Literal["program", "kegiatan", "sub_kegiatan"]
JenisBelanja = Literal["pegawai", "barang_jasa", "modal", "lainnya"]


class Jumlah(TypedDict):
    """Pagu dan realisasi sekelompok baris anggaran, dengan turunannya."""

    pagu: Decimal | None
    """Pagu (Rp); kosong bila tidak ada baris."""
    realisasi: Decimal | None
    """Realisasi (Rp); kosong bila belum ada realisasi."""
    sisa: Decimal | None
    """Pagu dikurangi realisasi (Rp)."""
    serapan_tepat: Decimal | None
    """Serapan (realisasi/pagu × 100) tanpa pembulatan."""
    serapan: Decimal | None
    """Serapan (%) dibulatkan menurut ``pengaturan.pembulatan_anggaran``."""
    persen_total: Decimal | None
    """Bagian pagu ini dari total pagu (%), dibulatkan."""
    persen_total_tepat: Decimal | None
    """Bagian pagu ini dari total pagu (%), tanpa pembulatan."""


class Efisiensi(TypedDict):
    """Tingkat efisiensi menurut ``pengaturan.efisiensi``."""

    efisiensi_tepat: Decimal | None
    """Tingkat efisiensi tanpa pembulatan."""
    efisiensi: Decimal | None
    """Tingkat efisiensi dibulatkan."""
    efisien: bool | None
    """true bila efisiensi melebihi ``pengaturan.ambang_efisien``."""


class IndikatorAnggaran(TypedDict):
    """Indikator program, kegiatan atau sub kegiatan."""

    nama: str
    """Nama indikator."""
    satuan: str | None
    """Satuan."""
    target: Nilai
    """Target tahun ini."""
    realisasi: Nilai
    """Realisasi tahun ini."""
    capaian_tepat: Decimal | None
    """Capaian (%) tanpa pembulatan."""
    capaian: Decimal | None
    """Capaian (%) dibulatkan."""
    kategori: str | None
    """Kategori capaian menurut skala."""
    alasan: str | None
    """Mengapa capaian tidak ada."""


class BarisAnggaran(Jumlah, Efisiensi):
    """Satu program, kegiatan atau sub kegiatan; jumlah di atas tingkat terbawah dijumlahkan.

    Efisiensinya memakai capaian indikator pertama baris ini.
    """

    level: Level
    """program, kegiatan atau sub_kegiatan."""
    nomor: str
    """Nomor urut bertingkat, misalnya 1.2.3."""
    kode: str | None
    """Kode nomenklatur."""
    nama: str
    """Nama program/kegiatan/sub kegiatan."""
    sasaran: list[str]
    """id sasaran yang didukung (diturunkan dari tingkat di atasnya bila tidak ditulis)."""
    sumber_dana: list[str]
    """Sumber dana (diturunkan dari atas; tanpa itu, sumber dana baris di bawahnya)."""
    keterangan: str | None
    """Keterangan baris."""
    indikator: list[IndikatorAnggaran]
    """Indikator baris ini."""
    daun: bool
    """true untuk baris tingkat terbawah (tempat pagu ditulis)."""


class AnggaranSasaran(Jumlah, Efisiensi):
    """Anggaran satu sasaran (tabel anggaran per sasaran)."""

    id: str
    """id sasaran."""
    nomor: str
    """Nomor sasaran."""
    uraian: str
    """Rumusan sasaran."""
    indikator: list[str]
    """Nama indikator sasaran."""


class TanpaSasaran(Jumlah):
    """Program yang tidak mendukung sasaran langsung (penunjang)."""

    program: list[BarisAnggaran]
    """Program-program itu."""


class SumberDana(Jumlah):
    """Anggaran satu sumber dana (atau gabungan sumber dana)."""

    sumber_dana: str
    """Nama sumber dana, misalnya "DAU & DAK"."""


class JumlahEfisiensi(Jumlah, Efisiensi):
    """Jumlah dengan efisiensinya."""


class Rincian(Jumlah):
    """Satu rekening belanja."""

    uraian: str
    """Nama rekening."""


class Belanja(Jumlah):
    """Anggaran satu jenis belanja."""

    jenis: JenisBelanja
    """Jenis belanja."""
    nama: str
    """Nama tampilan, misalnya Belanja Pegawai."""
    rincian: list[Rincian]
    """Rincian rekening (kosong bila tidak dirinci)."""


class Anggaran(TypedDict):
    """Seluruh angka anggaran (Bab III B)."""

    baris: list[BarisAnggaran]
    """Program → kegiatan → sub kegiatan, urut dari atas ke bawah."""
    total: Jumlah
    """Jumlah seluruh program."""
    per_sasaran: list[AnggaranSasaran]
    """Anggaran per sasaran; baris yang mendukung beberapa sasaran terhitung di tiap sasaran."""
    tanpa_sasaran: TanpaSasaran
    """Program yang tidak mendukung sasaran langsung."""
    per_sumber_dana: list[SumberDana]
    """Anggaran per sumber dana."""
    per_sasaran_jumlah: JumlahEfisiensi
    """Jumlah di bawah tabel per sasaran: setiap baris sekali, efisiensi dari rata-rata keseluruhan."""  # noqa: E501
    per_jenis_belanja: list[Belanja]
    """Anggaran per jenis belanja."""
    per_jenis_belanja_jumlah: Jumlah
    """Jumlah semua jenis belanja."""
    jumlah_program: int
    """Banyak program."""
    jumlah_kegiatan: int
    """Banyak kegiatan."""
    jumlah_sub_kegiatan: int
    """Banyak sub kegiatan."""


class PkIndikator(TypedDict):
    """Indikator dan target di lampiran Perjanjian Kinerja."""

    nama: str
    """Nama indikator."""
    satuan: str
    """Satuan."""
    target: Nilai
    """Target PK."""


class PkSasaran(TypedDict):
    """Sasaran di lampiran Perjanjian Kinerja."""

    id: str
    """id sasaran."""
    nomor: str
    """Nomor sasaran."""
    uraian: str
    """Rumusan sasaran."""
    indikator: list[PkIndikator]
    """Indikatornya."""
    pagu: Decimal | None
    """Anggaran sasaran ini, bila kantor menganggarkan per sasaran saja (``anggaran_sasaran``)."""


class PkProgram(TypedDict):
    """Program di lampiran Perjanjian Kinerja."""

    nomor: str
    """Nomor program."""
    kode: str | None
    """Kode program."""
    nama: str
    """Nama program."""
    pagu: Decimal | None
    """Anggaran seperti di PK yang ditandatangani (``pagu_pk``), bila tidak: pagu."""
    sumber_dana: list[str]
    """Sumber dana."""
    sasaran: list[str]
    """id sasaran yang didukung."""


class Pk(TypedDict):
    """Lampiran Perjanjian Kinerja."""

    sasaran: list[PkSasaran]
    """Sasaran dengan indikator dan targetnya."""
    program: list[PkProgram]
    """Program dengan anggarannya."""
    jumlah: Decimal | None
    """Jumlah anggaran program (atau sasaran) seperti dicetak di PK."""
