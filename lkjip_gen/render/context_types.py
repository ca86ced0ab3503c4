"""The template contract: every name a template can use, typed (TypedDicts, plain at run time).

:class:`Konteks` is what ``render.context.build`` returns: the report model (``compute.types``)
with the narrative fields turned into Word paragraphs, plus display structures — signatories,
images, titles, conditions, sentences and tables in print order. Fields are described as in
``lkjip_gen.compute.types``; a field of :class:`Konteks` that is also a field of the model and
has no description of its own means what the model's field means.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypedDict, Union, get_args, get_origin, get_type_hints, is_typeddict

from docxtpl import InlineImage

from lkjip_gen.compute.anggaran_types import Anggaran, Pk
from lkjip_gen.compute.data_types import (
    Instansi,
    KondisiUmum,
    Laporan,
    Narasi,
    Organisasi,
    Pengaturan,
    Renstra,
    Sarana,
    TabelSdm,
    Unit,
)
from lkjip_gen.compute.rencana_types import RencanaAksi, Rkt
from lkjip_gen.compute.types import Indikator, Misi, Model, Ringkasan, Sasaran, Tujuan
from lkjip_gen.render.budget_types import BarisAnggaranCetak, TabelKeuangan
from lkjip_gen.render.cycle_types import Cetak, TabelSiklus
from lkjip_gen.render.narrative import Paragraphs
from lkjip_gen.render.outline_types import DokumenKonteks
from lkjip_gen.render.planning_types import TabelKantor, TabelRencana
from lkjip_gen.render.result_types import BarisIndikator, TabelHasil


class NarasiAnalisis(TypedDict):
    """Analisis satu sasaran sebagai paragraf."""

    penyebab: Paragraphs | None
    """Penyebab keberhasilan/kegagalan."""
    solusi: Paragraphs | None
    """Alternatif solusi."""
    program_pendukung: Paragraphs | None
    """Program/kegiatan penunjang."""
    efisiensi: Paragraphs | None
    """Efisiensi penggunaan sumber daya."""
    lainnya: Paragraphs | None
    """Faktor lain."""


class BagianSasaran(TypedDict):
    """Bagian satu sasaran di Bab III A."""

    judul: str | None
    """Judul bagian sasaran ini; kosong bila dicetak tanpa judul."""
    judul_tabel: str | None
    """Judul tabel indikatornya; kosong bila tabel itu tidak dicetak."""
    judul_tabel_program: str | None
    """Judul tabel program penunjangnya; kosong bila tabel itu tidak dicetak."""
    nomor: str
    """Nomor sasaran."""
    uraian: str
    """Rumusan sasaran."""
    jumlah_indikator: int
    """Banyak indikator."""
    rata_rata: Decimal | None
    """Rata-rata capaian."""
    kategori: str | None
    """Kategori rata-rata."""
    baris: list[BarisIndikator]
    """Indikatornya."""
    narasi: NarasiAnalisis
    """Analisisnya sebagai paragraf."""
    program: list[BarisAnggaranCetak]
    """Baris anggaran yang mendukung sasaran ini."""


class NarasiParagraf(TypedDict):
    """Teks naratif (``narasi`` di data) sebagai paragraf Word; kosong bila tidak ditulis."""

    kata_pengantar: Paragraphs | None
    ikhtisar_eksekutif: Paragraphs | None
    latar_belakang: Paragraphs | None
    maksud_tujuan: Paragraphs | None
    gambaran_umum: Paragraphs | None
    sumber_daya: Paragraphs | None
    peran_strategis: Paragraphs | None
    isu_strategis: Paragraphs | None
    permasalahan_solusi: Paragraphs | None
    sistematika: Paragraphs | None
    perencanaan: Paragraphs | None
    strategi_arah_kebijakan: Paragraphs | None
    perjanjian_kinerja: Paragraphs | None
    capaian_kinerja: Paragraphs | None
    realisasi_anggaran: Paragraphs | None
    permasalahan_strategi: Paragraphs | None
    penutup: Paragraphs | None
    langkah_perbaikan: Paragraphs | None


class OrganisasiKonteks(TypedDict):
    """Organisasi; kedudukan dan tugas sebagai paragraf Word."""

    kedudukan: Paragraphs | None
    tugas: Paragraphs | None
    fungsi: list[str]
    unit: list[Unit]
    bagan: str | None
    keterangan_bagan: str | None


class NarasiRenstra(TypedDict):
    """Teks naratif Renstra sebagai paragraf Word."""

    penjelasan_visi: Paragraphs | None
    """Penjelasan visi."""


class Penandatangan(TypedDict):
    """Pejabat penanda tangan seperti dicetak."""

    nama: str
    """Nama lengkap dengan gelar; titik-titik untuk ditulis tangan bila data tidak menyebutnya."""
    nip: str | None
    """NIP seperti ditulis (cetak dengan filter ``nip``)."""
    pangkat: str | None
    """Pangkat dan golongan, misalnya "Pembina Utama Muda, IV/c"."""
    jabatan: str
    """Jabatan, dengan "Plt. " atau "Plh. " di depannya bila bukan definitif."""


class Ttd(TypedDict):
    """Penanda tangan dokumen."""

    kepala: Penandatangan
    """Kepala perangkat daerah (pihak pertama PK)."""
    atasan: Penandatangan
    """Atasan langsung (pihak kedua PK); jabatannya diturunkan dari pemda bila tidak diisi."""


class Gambar(TypedDict):
    """Gambar yang disebut data, siap disisipkan dengan ``{{ gambar.x }}``."""

    logo: InlineImage | None
    """Logo daerah, tinggi 35 mm."""
    bagan: InlineImage | None
    """Bagan organisasi, paling besar 160 × 200 mm."""


class Grafik(TypedDict):
    """Grafik yang digambar dari data, siap disisipkan dengan ``{{ grafik.x }}`` (lebar 16 cm,
    dengan teks alternatif); kosong bila dimatikan di ``pengaturan.grafik`` atau datanya tidak
    ada. Beri judul di bawahnya dengan gaya Judul Grafik agar bernomor dan masuk Daftar Grafik."""

    capaian_indikator: InlineImage | None
    """Capaian setiap indikator tujuan dan sasaran yang terukur terhadap 100%, diwarnai dan diarsir
    menurut kategori (menggambarkan tabel pengukuran kinerja)."""
    realisasi_triwulan: InlineImage | None
    """Laporan triwulan II–IV: realisasi setiap triwulan sampai triwulan laporan dan targetnya,
    satu panel per indikator yang realisasi triwulannya diisi."""
    realisasi_tahunan: InlineImage | None
    """Realisasi (batang) dan target (garis) setiap tahun yang diketahui (riwayat, berkas tahun
    lalu, tahun ini), satu panel per indikator (menggambarkan tabel perbandingan dengan tahun
    sebelumnya)."""
    serapan_sasaran: InlineImage | None
    """Rata-rata capaian dan serapan anggaran setiap sasaran berdampingan (menggambarkan tabel
    efisiensi)."""
    anggaran_program: InlineImage | None
    """Pagu dan realisasi anggaran setiap program, dalam juta atau miliar rupiah (menggambarkan
    tabel realisasi anggaran program)."""
    kategori_capaian: InlineImage | None
    """Banyak indikator sasaran per kategori capaian (menggambarkan tabel rekapitulasi kategori)."""


class Judul(TypedDict):
    """Judul sampul dan kop."""

    laporan: str
    """Judul laporan: laporan.judul, bila tidak "LAPORAN KINERJA INSTANSI PEMERINTAH"."""
    singkatan: str | None
    """"(LKjIP)" di bawah judul bawaan; kosong bila judul ditulis sendiri."""
    alamat: list[str]
    """Baris alamat sampul: alamat dan kode pos; telepon dan faks; surel dan laman; lalu
    ``instansi.baris_sampul``."""


class Ada(TypedDict):
    """Bagian mana yang punya isi (bagian tanpa isi dilewati templat)."""

    gambaran_umum: bool
    """Ada isi untuk Gambaran Umum (organisasi, narasi, kondisi umum)."""
    sumber_daya: bool
    """Ada tabel SDM, sarana atau narasi sumber daya."""
    anggaran: bool
    """Ada anggaran berpagu (per program/kegiatan, atau per sasaran saja)."""
    realisasi_anggaran: bool
    """Ada realisasi anggaran."""
    kategori: bool
    """Laporan memakai skala kategori."""
    grafik: bool
    """Ada grafik yang tampil (Daftar Grafik dicetak)."""


class Ringkas(TypedDict):
    """Potongan kalimat ringkasan."""

    tertinggi_terendah: bool
    """Indikator tertinggi dan terendah ada dan berbeda."""
    per_kategori: list[str]
    """"3 indikator berkategori Sangat Tinggi" untuk setiap kategori yang berisi."""
    belum_terukur: int
    """Banyak indikator sasaran yang belum terukur."""
    per_misi: list[Misi]
    """Misi yang rata-ratanya ada."""


class Teks(TypedDict):
    """Kalimat metode pengukuran yang bergantung pada pengaturan."""

    pembulatan: str
    """Kalimat tentang desimal dan pembulatan capaian."""
    rata_rata: str
    """Kalimat tentang cara merata-rata capaian."""
    efisien: str
    """Kalimat tentang ambang efisien."""
    alokasi: str
    """Cakupan anggaran sedalam yang diisi kantor, misalnya "3 program dan 12 kegiatan"."""


class Tabel(TabelKantor, TabelRencana, TabelHasil, TabelKeuangan):
    """Semua tabel dokumen, baris dalam urutan cetak; tabel tanpa baris kosong (None)."""


class Konteks(TypedDict):
    """Konteks templat: model laporan ditambah struktur tampilan."""

    instansi: Instansi
    laporan: Laporan
    pengaturan: Pengaturan
    dokumen: DokumenKonteks
    """Bentuk dokumen: judul bab dan subbab, urutan subbab yang punya isi, bagian tambahan."""
    narasi: NarasiParagraf
    """Teks naratif sebagai paragraf Word: tempatkan dengan ``{{p narasi.x }}``."""
    dasar_hukum: list[str]
    organisasi: OrganisasiKonteks
    """Organisasi; kedudukan dan tugas sebagai paragraf Word."""
    sdm: list[TabelSdm]
    sarana: Sarana | None
    kondisi_umum: list[KondisiUmum]
    renstra: Renstra
    misi: list[Misi]
    tujuan: list[Tujuan]
    sasaran: list[Sasaran]
    indikator: list[Indikator]
    ringkasan: Ringkasan
    anggaran: Anggaran
    pk: Pk
    rencana_aksi: RencanaAksi | None
    rkt: Rkt | None
    peringatan: list[str]
    narasi_renstra: NarasiRenstra
    """Teks naratif Renstra sebagai paragraf Word."""
    ttd: Ttd
    """Penanda tangan seperti dicetak."""
    gambar: Gambar
    """Logo dan bagan."""
    grafik: Grafik
    """Grafik dari data."""
    judul: Judul
    """Judul sampul dan kop."""
    ada: Ada
    """Bagian yang punya isi."""
    ringkas: Ringkas
    """Potongan kalimat ringkasan."""
    teks: Teks
    """Kalimat yang bergantung pada pengaturan."""
    bagian_sasaran: list[BagianSasaran]
    """Bagian setiap sasaran di Bab III A."""
    tabel: Tabel
    """Semua tabel dokumen."""
    siklus: TabelSiklus
    """Tabel dokumen rencana: Rencana Aksi, realisasinya, RKT."""
    cetak: Cetak
    """Dokumen rencana yang dicetak dokumen ini (sendiri atau sebagai lampiran LKjIP)."""


MIRRORS: dict[str, Any] = {
    "NarasiParagraf": Narasi,
    "OrganisasiKonteks": Organisasi,
    "Konteks": Model,
}
"""Context classes restating a model class, by name: a field of theirs without a description
means what the field of the same name in that class means."""


def template_names() -> dict[str, Any]:
    """Every top-level name a template can use, with its type: the template contract."""
    return get_type_hints(Konteks)


def paragraph_paths() -> set[str]:
    """Every context path whose value is Word paragraphs, to be placed with ``{{p }}``.

    ``bagian_sasaran[].narasi.penyebab`` is the ``penyebab`` of each ``bagian_sasaran`` item.
    """
    found: set[str] = set()

    def visit(kind: Any, path: str, seen: frozenset[Any]) -> None:
        members = get_args(kind) if get_origin(kind) in (Union, types.UnionType) else (kind,)
        for member in members:
            if member is Paragraphs:
                found.add(path)
            elif get_origin(member) is list:
                visit(get_args(member)[0], f"{path}[]", seen)
            elif is_typeddict(member) and member not in seen:
                for name, inner in get_type_hints(member).items():
                    visit(inner, f"{path}.{name}" if path else name, seen | {member})

    visit(Konteks, "", frozenset())
    return found


def lookup(path: Sequence[str]) -> Any | None:
    """The type a template reaches by ``path`` (``("tabel", "pk", "baris", "[]", "no")``).

    ``"[]"`` steps into the items of a list. None when the contract has no such name: the
    template would fail on it.
    """
    current: Any = Konteks
    for step in path:
        current = _step(current, step)
        if current is None:
            return None
    return current


def _step(kind: Any, step: str) -> Any | None:
    """The type of ``step`` inside ``kind``, trying each member of a union (``X | None``)."""
    members = get_args(kind) if get_origin(kind) in (Union, types.UnionType) else (kind,)
    for member in members:
        if step == "[]" and get_origin(member) is list:
            return get_args(member)[0]
        if step != "[]" and is_typeddict(member):
            hints = get_type_hints(member)
            if step in hints:
                return hints[step]
    return None
