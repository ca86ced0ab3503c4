"""The chart settings of the report model (``pengaturan.grafik``), defaults filled in.

Fields are described as in ``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from typing import TypedDict

from lkjip_gen.data.settings import GrafikId


class WarnaGrafik(TypedDict):
    """Warna grafik (#RRGGBB), bawaan sudah diisi."""

    capaian: str
    """Batang capaian tanpa warna kategori, dan rata-rata capaian sasaran."""
    realisasi: str
    """Batang realisasi kinerja dan anggaran."""
    target: str
    """Garis target."""
    pagu: str
    """Batang pagu anggaran."""
    serapan: str
    """Batang serapan anggaran."""


class PengaturanGrafik(TypedDict):
    """Pilihan grafik (``pengaturan.grafik``), bawaan sudah diisi."""

    tampil: list[GrafikId]
    """Grafik yang dinyalakan, urut dokumen (grafik tanpa data tetap tidak tampil)."""
    warna: WarnaGrafik
    """Warna batang dan garis."""
    huruf: str | None
    """Jalur mutlak berkas huruf tulisan grafik; kosong: DejaVu Sans bawaan matplotlib."""
