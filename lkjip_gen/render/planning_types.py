"""The shape of the Bab I–II and Perjanjian Kinerja tables of the template context (``tabel.*``).

Rows come in print order with every value computed or formatted; a cell left empty holds ``""``
(:data:`SelKosong`), which every number filter prints as nothing. Fields are described as in
``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypedDict

from lkjip_gen.compute.data_types import Nilai, TotalSarana
from lkjip_gen.render.column_types import (
    KolomHierarki,
    KolomIku,
    KolomKondisi,
    KolomPk,
    KolomPkProgram,
    KolomSarana,
    KolomUnit,
)
from lkjip_gen.render.narrative import Paragraphs

SelKosong = Literal[""]
"""An empty cell: a merged-away cell, or a budget row without an indicator."""

VMerge = Literal["restart", "continue"] | None
"""A cell's vertical merge for ``{% vmerge %}``: starts a merge, continues it, or none."""


class BarisUnit(TypedDict):
    """Satu unit di tabel susunan organisasi."""

    no: str
    """Nomor bertingkat, misalnya 2.1."""
    nama: str
    """Nama unit."""
    eselon: str | None
    """Eselon kepala unit."""
    pejabat: str | None
    """Nama kepala unit."""
    induk: bool
    """true untuk unit tingkat teratas (dicetak tebal)."""


class TabelUnit(TypedDict):
    """Tabel susunan organisasi."""

    judul: str
    """Judul tabel."""
    baris: list[BarisUnit]
    """Unit dan subunit, berurutan."""
    kolom: KolomUnit
    """Kolom yang dicetak (kolom tanpa isi ditinggalkan, lihat ``dokumen.kolom``)."""


class UnitRincian(TypedDict):
    """Tugas dan fungsi satu unit."""

    nama: str
    """Nama unit."""
    tugas: Paragraphs | None
    """Tugas unit (paragraf)."""
    fungsi: list[str]
    """Fungsi unit."""


class BarisSel(TypedDict):
    """Satu baris tabel berkolom tidak tetap."""

    no: str
    """Nomor baris."""
    label: str
    """Nama kelompok."""
    sel: list[str]
    """Isi sel yang sudah ditulis (angka dan persen)."""


class TabelSdmCetak(TypedDict):
    """Tabel SDM seperti dicetak."""

    judul: str
    """Judul tabel."""
    kelompok: str
    """Judul kolom pengelompokan."""
    kepala: list[str]
    """Judul kolom angka (dengan kolom % dan Jumlah bila ada)."""
    sumber: str | None
    """Sumber data."""
    nomor: list[str]
    """Baris nomor kolom: "1", "2", …"""
    grup: list[GrupCetak]
    """Baris judul grup di atas judul kolom (``grup_kolom``); kosong bila tidak ada."""
    baris: list[BarisSel]
    """Baris tabel."""
    total: list[str] | None
    """Sel baris jumlah; kosong bila ``jumlah_kolom: false``."""


class GrupCetak(TypedDict):
    """Satu sel baris judul grup tabel SDM."""

    judul: str
    """Judul grup; kosong di atas kolom tanpa grup."""
    lebar: int
    """Banyak kolom tercetak di bawahnya (kolom % ikut dihitung)."""


class BarisSarana(TypedDict):
    """Satu baris tabel sarana: satu barang, atau baris kelompok (Tanah, Bangunan …)."""

    kelompok: bool
    """true untuk baris kelompok: nama kelompok dan jumlah nilai barangnya."""
    no: str
    """Nomor baris: huruf untuk kelompok, angka untuk barang."""
    nama: str
    """Nama barang atau kelompok."""
    jumlah: str
    """Jumlah barang dengan satuannya, misalnya "2 unit"; kosong bila tidak ditulis."""
    baik: int | None
    """Jumlah dalam kondisi baik."""
    kurang_baik: int | None
    """Jumlah dalam kondisi kurang baik."""
    rusak_berat: int | None
    """Jumlah dalam kondisi rusak berat."""
    nilai: Decimal | None
    """Nilai (Rp): nilai barang, atau jumlah nilai kelompok."""
    keterangan: str
    """Keterangan."""


class TabelSarana(TypedDict):
    """Tabel sarana dan prasarana."""

    judul: str
    """Judul tabel."""
    catatan: str | None
    """Catatan di bawah tabel."""
    kolom: KolomSarana
    """Kolom yang dicetak."""
    nomor: list[str]
    """Baris nomor kolom."""
    baris: list[BarisSarana]
    """Barang (dan kelompoknya), berurutan."""
    total: TotalSarana
    """Jumlah nilai."""


class BarisKondisiCetak(TypedDict):
    """Satu baris tabel kondisi umum."""

    no: str
    """Nomor baris."""
    uraian: str
    """Uraian."""
    satuan: str
    """Satuan."""
    sel: list[str]
    """Nilai per tahun, sudah ditulis."""


class TabelKondisi(TypedDict):
    """Tabel kondisi beberapa tahun."""

    judul: str
    """Judul tabel."""
    sumber: str | None
    """Sumber data."""
    kolom: KolomKondisi
    """Kolom yang dicetak."""
    tahun: list[str]
    """Tahun kolom."""
    nomor: list[str]
    """Baris nomor kolom."""
    baris: list[BarisKondisiCetak]
    """Baris tabel."""


class BarisHierarki(TypedDict):
    """Satu indikator sasaran di tabel misi → tujuan → sasaran → indikator."""

    terus: bool
    """true bila baris ini harus satu halaman dengan baris berikutnya (satu blok sel gabungan)."""
    misi: str
    """Misi ("Misi 1: …")."""
    tujuan: str
    """Rumusan tujuan."""
    indikator_tujuan: list[str] | SelKosong
    """Nama indikator tujuan."""
    sasaran: str
    """Rumusan sasaran."""
    indikator: str
    """Nama indikator sasaran."""
    vm_misi: VMerge
    """Penggabungan sel misi."""
    vm_tujuan: VMerge
    """Penggabungan sel tujuan."""
    vm_sasaran: VMerge
    """Penggabungan sel sasaran."""


class TabelHierarki(TypedDict):
    """Tabel keterkaitan misi, tujuan, sasaran dan indikator."""

    judul: str
    """Judul tabel."""
    kolom: KolomHierarki
    """Kolom yang dicetak."""
    baris: list[BarisHierarki]
    """Baris tabel."""


class BarisIku(TypedDict):
    """Satu indikator di tabel IKU."""

    no: str
    """Nomor baris."""
    nama: str
    """Nama indikator."""
    satuan: str
    """Satuan."""
    awal: Nilai
    """Kondisi awal."""
    target: list[Nilai]
    """Target per tahun kolom."""
    akhir: Nilai
    """Target akhir Renstra."""


class TabelIku(TypedDict):
    """Tabel Indikator Kinerja Utama dengan target Renstra."""

    judul: str
    """Judul tabel."""
    kolom: KolomIku
    """Kolom yang dicetak."""
    tahun: list[str]
    """Tahun yang punya target."""
    baris: list[BarisIku]
    """Baris tabel."""
    nomor: list[str]
    """Baris nomor kolom."""


class BarisStrategi(TypedDict):
    """Strategi dan arah kebijakan satu sasaran."""

    no: str
    """Nomor sasaran."""
    sasaran: str
    """Rumusan sasaran."""
    strategi: list[str]
    """Strategi."""
    arah: list[str]
    """Arah kebijakan."""


class TabelStrategi(TypedDict):
    """Tabel strategi dan arah kebijakan."""

    judul: str
    """Judul tabel."""
    baris: list[BarisStrategi]
    """Baris tabel."""


class BarisPk(TypedDict):
    """Satu baris tabel Perjanjian Kinerja (Bab II): indikator di samping program."""

    terus: bool
    """true bila baris ini harus satu halaman dengan baris berikutnya (satu blok sel gabungan)."""
    no: str
    """Nomor sasaran."""
    sasaran: str
    """Rumusan sasaran."""
    indikator: str
    """Nama indikator."""
    target: Nilai | SelKosong
    """Target."""
    satuan: str | None
    """Satuan target."""
    program: str
    """Nama program."""
    pagu: Decimal | None | SelKosong
    """Anggaran program di PK."""
    sumber_dana: str
    """Sumber dana program."""
    vm_sasaran: VMerge
    """Penggabungan sel sasaran."""
    vm_indikator: VMerge
    """Penggabungan sel indikator."""
    vm_program: VMerge
    """Penggabungan sel program."""


class TabelPk(TypedDict):
    """Tabel Perjanjian Kinerja di Bab II."""

    judul: str
    """Judul tabel."""
    kolom: KolomPk
    """Kolom yang dicetak."""
    baris: list[BarisPk]
    """Baris tabel."""
    jumlah: Decimal | None
    """Jumlah anggaran."""


class BarisPkSasaran(TypedDict):
    """Satu indikator di lampiran PK."""

    terus: bool
    """true bila baris ini harus satu halaman dengan baris berikutnya (satu blok sel gabungan)."""
    no: str
    """Nomor sasaran."""
    sasaran: str
    """Rumusan sasaran."""
    indikator: str
    """Nama indikator."""
    target: Nilai | SelKosong
    """Target."""
    satuan: str | None
    """Satuan target."""
    vm: VMerge
    """Penggabungan sel sasaran."""


class TabelPkSasaran(TypedDict):
    """Tabel sasaran lampiran PK."""

    baris: list[BarisPkSasaran]
    """Baris tabel."""


class BarisPkProgram(TypedDict):
    """Satu program di lampiran PK."""

    no: str
    """Nomor baris."""
    nama: str
    """Nama program."""
    pagu: Decimal | None
    """Anggaran di PK."""
    keterangan: str
    """Sumber dana."""


class TabelPkProgram(TypedDict):
    """Tabel program lampiran PK."""

    kolom: KolomPkProgram
    """Kolom yang dicetak."""
    baris: list[BarisPkProgram]
    """Baris tabel."""
    jumlah: Decimal | None
    """Jumlah anggaran."""


class TabelKantor(TypedDict):
    """Tabel Bab I."""

    unit: TabelUnit | None
    """Susunan organisasi."""
    unit_rincian: list[UnitRincian]
    """Tugas dan fungsi unit yang menuliskannya."""
    sdm: list[TabelSdmCetak]
    """Tabel SDM."""
    sarana: TabelSarana | None
    """Sarana dan prasarana."""
    kondisi: list[TabelKondisi]
    """Tabel kondisi umum."""


class TabelRencana(TypedDict):
    """Tabel Bab II dan lampiran PK."""

    hierarki: TabelHierarki | None
    """Misi → tujuan → sasaran → indikator."""
    iku: TabelIku | None
    """Indikator Kinerja Utama dengan target Renstra."""
    strategi: TabelStrategi | None
    """Strategi dan arah kebijakan."""
    pk: TabelPk | None
    """Perjanjian Kinerja di Bab II."""
    pk_sasaran: TabelPkSasaran | None
    """Sasaran dan target di lampiran PK."""
    pk_program: TabelPkProgram | None
    """Program dan anggaran di lampiran PK."""
