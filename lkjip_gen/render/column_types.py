"""Which optional columns of each table print (``tabel.*.kolom``): true prints the column.

A column the office left empty in every row is left out unless ``dokumen.kolom`` keeps it
(``render.outline.Shape.columns``). Fields are described as in ``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from typing import TypedDict


class KolomUnit(TypedDict):
    """Kolom tabel susunan organisasi yang dicetak."""

    eselon: bool
    """Kolom eselon."""
    pejabat: bool
    """Kolom pejabat."""


class KolomKondisi(TypedDict):
    """Kolom tabel kondisi umum yang dicetak."""

    satuan: bool
    """Kolom satuan."""


class KolomHierarki(TypedDict):
    """Kolom tabel keterkaitan yang dicetak."""

    misi: bool
    """Kolom misi."""


class KolomIku(TypedDict):
    """Kolom tabel IKU yang dicetak."""

    kondisi_awal: bool
    """Kolom kondisi awal."""
    target_akhir: bool
    """Kolom target akhir."""


class KolomPk(TypedDict):
    """Kolom tabel Perjanjian Kinerja yang dicetak."""

    program: bool
    """Kolom program."""
    anggaran: bool
    """Kolom anggaran."""
    sumber_dana: bool
    """Kolom keterangan (sumber dana)."""


class KolomPkProgram(TypedDict):
    """Kolom tabel program lampiran PK yang dicetak."""

    keterangan: bool
    """Kolom keterangan."""


class KolomAnggaran(TypedDict):
    """Kolom tabel realisasi anggaran yang dicetak."""

    kode: bool
    """Kolom kode."""
    kinerja: bool
    """Kolom kinerja (indikator, target, realisasi, capaian)."""
    sumber_dana: bool
    """Kolom sumber dana."""
    keterangan: bool
    """Kolom keterangan."""


class KolomUang(TypedDict):
    """Kolom tabel anggaran per kelompok yang dicetak."""

    indikator: bool
    """Kolom indikator (tabel per sasaran)."""


class KolomPengukuran(TypedDict):
    """Kolom tabel pengukuran yang dicetak."""

    satuan: bool
    """Kolom satuan."""


class KolomRenstraAkhir(TypedDict):
    """Kolom tabel target akhir Renstra yang dicetak."""

    kondisi_awal: bool
    """Kolom kondisi awal."""


class KolomNasional(TypedDict):
    """Kolom tabel pembanding nasional yang dicetak."""

    keterangan: bool
    """Kolom keterangan."""


class KolomSarana(TypedDict):
    """Kolom tabel sarana yang dicetak."""

    jumlah: bool
    """Kolom jumlah."""
    kondisi: bool
    """Kolom kondisi (baik, kurang baik, rusak berat)."""
    nilai: bool
    """Kolom nilai (Rp)."""
    keterangan: bool
    """Kolom keterangan."""
