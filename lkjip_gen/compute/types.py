"""The report model's shape: TypedDicts (plain dicts at run time) and Literal enumerations.

``compute()`` returns a :class:`Model`; ``lkjip compute`` prints it as JSON and the renderer
reads it, so this is the contract between them. The model lives in three modules: this one
(the root, the indicators and what is measured from them), ``anggaran_types`` (budget and PK)
and ``data_types`` (what is copied from the data file, and the settings).

How a field is described: the string literal written on the line under it, in Indonesian (the
template reference is for Indonesian readers). A field copied from the data file may instead
leave it out and take the schema's description (``data_types.SCHEMA_PATHS``). docs/model.md and
docs/referensi-templat.md are generated from these classes (``make docs``); a test fails when a
field has no description.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypedDict

from lkjip_gen.compute.anggaran_types import Anggaran, Efisiensi, Jumlah, Pk
from lkjip_gen.compute.data_types import (
    Analisis,
    Dokumen,
    Instansi,
    KondisiUmum,
    Laporan,
    Narasi,
    Nilai,
    Organisasi,
    Pengaturan,
    Renstra,
    Sarana,
    TabelSdm,
)
from lkjip_gen.compute.rencana_types import RencanaAksi, Rkt
from lkjip_gen.data.settings import Rumus

Status = Literal["terukur", "belum_diukur", "tidak_dapat_dihitung", "tidak_dinilai"]
Polaritas = Literal["positif", "negatif"]
Sifat = Literal["akhir_periode", "kumulatif"]
LevelIndikator = Literal["tujuan", "sasaran"]


class TargetTahunan(TypedDict):
    """Target Renstra satu tahun."""

    tahun: int
    """Tahun target."""
    target: Nilai
    """Target tahun itu."""


class RenstraIndikator(TypedDict):
    """Indikator dibandingkan dengan Renstra (analisis 3)."""

    kondisi_awal: Nilai
    """Kondisi kinerja pada awal periode Renstra."""
    target_tahunan: list[TargetTahunan]
    """Target Renstra setiap tahun, urut tahun."""
    target_akhir: Nilai
    """Target tahun terakhir Renstra (atau tahun terakhir yang bertarget)."""
    capaian_akhir_tepat: Decimal | None
    """Capaian realisasi tahun ini terhadap target akhir Renstra, tanpa pembulatan."""
    capaian_akhir: Decimal | None
    """``capaian_akhir_tepat`` dibulatkan."""


class Riwayat(TypedDict):
    """Satu tahun sebelumnya dari indikator (analisis 2)."""

    tahun: int
    """Tahun."""
    target: Nilai
    """Target tahun itu."""
    realisasi: Nilai
    """Realisasi tahun itu."""
    capaian_tepat: Decimal | None
    """Capaian tahun itu tanpa pembulatan (dihitung, atau seperti dilaporkan)."""
    capaian: Decimal | None
    """``capaian_tepat`` dibulatkan."""


class Perubahan(TypedDict):
    """Perubahan dibanding tahun lalu (tingkat kemajuan)."""

    tahun: int
    """Tahun pembanding (tahun lalu)."""
    realisasi: Decimal | None
    """Realisasi tahun ini dikurangi realisasi tahun lalu."""
    capaian_tepat: Decimal | None
    """Capaian tahun ini dikurangi capaian tahun lalu, tanpa pembulatan."""
    capaian: Decimal | None
    """``capaian_tepat`` dibulatkan."""


class Nasional(TypedDict):
    """Pembanding nasional atau standar (analisis 4)."""

    nilai: Decimal
    """Nilai nasional/standar."""
    keterangan: str | None
    """Sumbernya."""
    selisih: Decimal | None
    """Realisasi dikurangi nilai nasional (kosong bila realisasi bukan angka)."""


class Indikator(TypedDict):
    """Indikator tujuan atau sasaran, diukur untuk periode laporan."""

    id: str
    """Pengenal indikator dari Renstra."""
    nomor: str | None
    """Nomor tampilan dari Renstra."""
    nama: str
    """Nama indikator."""
    satuan: str
    """Satuan, misalnya % atau orang."""
    definisi: str | None
    """Definisi operasional atau rumus indikator."""
    level: LevelIndikator
    """Indikator tujuan atau sasaran."""
    induk: str
    """id tujuan atau sasaran pemilik indikator ini."""
    iku: bool
    """Indikator Kinerja Utama (tampil di tabel IKU)."""
    polaritas: Polaritas
    """positif: makin tinggi makin baik; negatif: makin rendah makin baik."""
    rumus: Rumus
    """Rumus capaian yang dipakai."""
    sifat: Sifat
    """Cara realisasi triwulan digabung: kumulatif (dijumlah) atau akhir_periode (terakhir)."""
    target: Nilai
    """Target periode ini (PK, Renstra, atau rencana aksi triwulan)."""
    realisasi_tepat: Nilai
    """Realisasi periode ini tanpa pembulatan; dasar perhitungan capaian."""
    realisasi: Nilai
    """Realisasi seperti dicetak: seperti ditulis, atau dibulatkan bila dihitung dari pembilang/penyebut atau triwulan."""  # noqa: E501
    pembilang: Decimal | None
    """Nilai pembilang."""
    penyebut: Decimal | None
    """Nilai penyebut."""
    label_pembilang: str | None
    """Nama pembilang dari Renstra."""
    label_penyebut: str | None
    """Nama penyebut dari Renstra."""
    triwulan: list[Decimal | None]
    """Realisasi per triwulan seperti ditulis."""
    capaian_tepat: Decimal | None
    """Capaian (%) tanpa pembulatan; kosong bila belum diukur atau tidak dapat dihitung."""
    capaian: Decimal | None
    """Capaian (%) dibulatkan menurut ``pengaturan.pembulatan``."""
    kategori: str | None
    """Kategori capaian menurut skala (kosong tanpa skala atau tanpa capaian)."""
    warna: str | None
    """Warna kategori dari skala, misalnya #00B050."""
    status: Status
    """terukur, belum_diukur (belum ada realisasi), tidak_dapat_dihitung, atau tidak_dinilai
    (ditampilkan tanpa capaian dan kategori, ``dinilai: false``)."""
    alasan: str | None
    """Mengapa capaian tidak ada, misalnya "target 0: capaian tidak dapat dihitung"."""
    keterangan: str | None
    """Catatan baris indikator dari data kinerja."""
    catatan_target_pk: str | None
    """Alasan target PK berbeda dengan target Renstra (``catatan: {target_pk: …}`` di data, jawaban
    atas peringatan cek.target_pk); dicetak di bawah tabel Perjanjian Kinerja."""
    sumber_data: str | None
    """Sumber data realisasi."""
    renstra: RenstraIndikator
    """Perbandingan dengan target Renstra."""
    riwayat: list[Riwayat]
    """Tahun-tahun sebelumnya, urut tahun."""
    perubahan: Perubahan | None
    """Perubahan dibanding tahun lalu; kosong bila tahun lalu tidak diketahui."""
    nasional: Nasional | None
    """Pembanding nasional; kosong bila tidak diisi."""
    grafik: bool
    """Digambar di grafik (``kinerja.<id>.grafik``; bawaan true)."""


class Misi(TypedDict):
    """Misi kepala daerah dengan rata-rata capaian sasaran yang mendukungnya."""

    id: str
    """Pengenal misi."""
    nomor: str
    """Nomor tampilan (bawaan: urutan)."""
    uraian: str
    """Rumusan misi."""
    rata_rata_tepat: Decimal | None
    """Rata-rata capaian indikator sasaran di bawah misi ini, tanpa pembulatan."""
    rata_rata: Decimal | None
    """``rata_rata_tepat`` dibulatkan."""
    kategori: str | None
    """Kategori rata-rata itu."""


class Tujuan(TypedDict):
    """Tujuan perangkat daerah dengan indikatornya."""

    id: str
    """Pengenal tujuan."""
    nomor: str
    """Nomor tampilan (bawaan: urutan)."""
    misi: str | None
    """id misi yang didukung."""
    uraian: str
    """Rumusan tujuan."""
    indikator: list[Indikator]
    """Indikator tujuan, diukur."""


class Sasaran(Efisiensi):
    """Sasaran strategis dengan indikator, rata-rata capaian dan anggarannya."""

    id: str
    """Pengenal sasaran."""
    nomor: str
    """Nomor tampilan (bawaan: urutan)."""
    tujuan: str | None
    """id tujuan yang didukung."""
    misi: str | None
    """id misi tujuan itu."""
    uraian: str
    """Rumusan sasaran."""
    strategi: list[str]
    """Strategi untuk sasaran ini."""
    arah_kebijakan: list[str]
    """Arah kebijakan untuk sasaran ini."""
    indikator: list[Indikator]
    """Indikator sasaran, diukur."""
    rata_rata_tepat: Decimal | None
    """Rata-rata capaian indikatornya menurut pengaturan, tanpa pembulatan."""
    rata_rata: Decimal | None
    """``rata_rata_tepat`` dibulatkan."""
    kategori: str | None
    """Kategori rata-rata itu."""
    anggaran: Jumlah
    """Anggaran baris terbawah yang mendukung sasaran ini."""
    analisis: Analisis
    """Analisis naratif sasaran ini dari data."""


class JumlahKategori(TypedDict):
    """Banyak indikator terukur dalam satu kategori."""

    label: str
    """Nama kategori."""
    jumlah: int
    """Banyak indikator."""


class Ringkasan(TypedDict):
    """Angka yang dikutip Ikhtisar Eksekutif dan Bab IV (indikator sasaran saja)."""

    jumlah_sasaran: int
    """Banyak sasaran."""
    jumlah_indikator: int
    """Banyak indikator sasaran."""
    jumlah_terukur: int
    """Banyak indikator sasaran yang capaiannya ada."""
    jumlah_belum_terukur: int
    """Banyak indikator sasaran dinilai yang capaiannya belum ada."""
    jumlah_tidak_dinilai: int
    """Banyak indikator sasaran yang ditampilkan tanpa dinilai (``dinilai: false``)."""
    rata_rata_tepat: Decimal | None
    """Rata-rata capaian keseluruhan menurut ``pengaturan.rata_rata``, tanpa pembulatan."""
    rata_rata: Decimal | None
    """``rata_rata_tepat`` dibulatkan."""
    kategori: str | None
    """Kategori rata-rata keseluruhan."""
    tertinggi: Indikator | None
    """Indikator dengan capaian tertinggi."""
    terendah: Indikator | None
    """Indikator dengan capaian terendah."""
    per_kategori: list[JumlahKategori]
    """Banyak indikator per kategori, urut skala."""
    per_misi: list[Misi]
    """Misi yang rata-ratanya ada."""


class Model(TypedDict):
    """Model laporan: semua angka dokumen, dihitung sekali."""

    instansi: Instansi
    """Identitas perangkat daerah."""
    laporan: Laporan
    """Jenis, periode dan penandatanganan laporan."""
    pengaturan: Pengaturan
    """Pengaturan yang berlaku."""
    dokumen: Dokumen
    """Bentuk dokumen menurut kantor: judul, urutan, bagian yang disembunyikan."""
    narasi: Narasi
    """Teks naratif seperti ditulis."""
    dasar_hukum: list[str]
    """Dasar hukum, satu peraturan per butir."""
    organisasi: Organisasi
    """Kedudukan, tugas, fungsi dan susunan organisasi."""
    sdm: list[TabelSdm]
    """Tabel SDM dengan jumlah dan persentase."""
    sarana: Sarana | None
    """Tabel sarana dan prasarana; kosong bila tidak diisi."""
    kondisi_umum: list[KondisiUmum]
    """Tabel kondisi beberapa tahun."""
    renstra: Renstra
    """Rencana Strategis."""
    misi: list[Misi]
    """Misi dengan rata-rata capaiannya."""
    tujuan: list[Tujuan]
    """Tujuan dengan indikatornya."""
    sasaran: list[Sasaran]
    """Sasaran dengan indikator, rata-rata dan anggarannya."""
    indikator: list[Indikator]
    """Semua indikator tujuan lalu sasaran, dalam satu daftar."""
    ringkasan: Ringkasan
    """Angka ringkasan laporan."""
    anggaran: Anggaran
    """Angka anggaran."""
    pk: Pk
    """Lampiran Perjanjian Kinerja."""
    rencana_aksi: RencanaAksi | None
    """Rencana Aksi tahun ini dengan realisasi triwulan sampai periode laporan; kosong bila tidak ada aksi maupun target triwulan."""  # noqa: E501
    rkt: Rkt | None
    """Rencana Kerja Tahunan tahun berikutnya; kosong bila data tidak memuat rkt."""
    peringatan: list[str]
    """Peringatan pemeriksaan data yang belum dijawab, seperti dicetak ``lkjip validate``."""
