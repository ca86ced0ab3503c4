"""The document's shape as templates read it (``dokumen`` in the context): titles, the order of
every chapter's sections and the front-matter headings, resolved from the office's ``dokumen``.

Fields are described as in ``lkjip_gen.compute.types``.
"""

from __future__ import annotations

from typing import TypedDict

from lkjip_gen.render.narrative import Paragraphs


class BagianDokumen(TypedDict):
    """Satu subbab dalam urutan cetak (``dokumen.bab1.bagian`` dan seterusnya)."""

    id: str
    """Id subbab dalam babnya, misalnya dasar_hukum; templat memilih isinya dengan id ini."""
    judul: str | None
    """Judul tercetak; kosong bila isinya dicetak tanpa judul."""
    tingkat: int
    """2 untuk subbab (Heading 2), 3 untuk sub-subbab (Heading 3)."""
    tambahan: bool
    """true untuk bagian tambahan milik kantor (judul dan narasinya saja)."""
    narasi: Paragraphs | None
    """Isi bagian tambahan sebagai paragraf Word; kosong untuk subbab bawaan."""


class Bab(TypedDict):
    """Satu bab: judulnya dan subbabnya yang punya isi, dalam urutan cetak."""

    judul: str
    """Judul bab, misalnya "BAB I PENDAHULUAN"."""
    bagian: list[BagianDokumen]
    """Subbab yang dicetak, berurutan; sub-subbab langsung sesudah induknya."""


class JudulDepan(TypedDict):
    """Judul halaman depan dan lampiran; kosong bila halaman itu tidak dicetak."""

    kata_pengantar: str | None
    """Judul Kata Pengantar."""
    ikhtisar_eksekutif: str | None
    """Judul Ikhtisar Eksekutif."""
    daftar_isi: str | None
    """Judul Daftar Isi."""
    daftar_tabel: str | None
    """Judul Daftar Tabel."""
    daftar_grafik: str | None
    """Judul Daftar Grafik (dicetak hanya bila laporan memuat grafik)."""
    lampiran: str | None
    """Judul halaman lampiran LKjIP."""


class DokumenKonteks(TypedDict):
    """Bentuk dokumen yang sudah diselesaikan: judul dan urutan setiap bab (``dokumen`` di data)."""

    penomoran: str
    """Penomoran subbab: angka, angka_titik, huruf atau tanpa."""
    depan: JudulDepan
    """Judul halaman depan dan lampiran."""
    bab1: Bab
    """Bab I Pendahuluan."""
    bab2: Bab
    """Bab II Perencanaan Kinerja."""
    bab3: Bab
    """Bab III Akuntabilitas Kinerja."""
    bab4: Bab
    """Bab IV Penutup."""
    bagan: str | None
    """Judul gambar bagan organisasi; kosong bila tanpa judul."""
