"""docs/referensi-templat.md: the template contract for people who write Word templates.

Every name a template can use comes from ``context_types`` (with its type and meaning), every
filter example is computed by calling the filter, and the paragraph fields are found by walking
the types, so the page cannot drift from the code. Written by ``make docs``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.render import typedoc
from lkjip_gen.render.context_types import Konteks, paragraph_paths
from lkjip_gen.render.document import environment

# The environment's filters with the default settings (2 decimals, rupiah puebi).
FILTER_SETTINGS = {"pengaturan": {"desimal": 2, "rupiah": "puebi"}}

# (filter, value, arguments, what it is for): each row is computed when the page is written.
FILTER_EXAMPLES: list[tuple[str, Any, tuple[Any, ...], str]] = [
    ("angka", Decimal("1354409052"), (), "Angka cara Indonesia: titik ribuan, koma desimal."),
    ("angka", Decimal("74.2351"), (2,), "Dengan banyak desimal tertentu (dibulatkan ke atas)."),
    ("persen", Decimal("100.2831"), (), "Persentase dengan desimal `pengaturan.desimal`."),
    ("desimal", Decimal("87.5"), (), "Persentase tanpa tanda %, untuk kolom berjudul (%)."),
    ("rupiah", Decimal("5197839192"), (), "Rupiah dalam kalimat, gaya `pengaturan.rupiah`."),
    ("rupiah", Decimal("5197839192"), ("tabel",), "Rupiah di tabel berjudul (Rp)."),
    ("rupiah", Decimal("5197839192"), ("rp_titik",), "Gaya Rp. …,-"),
    ("terbilang", 1001000, (), "Angka dengan huruf."),
    ("terbilang_rupiah", Decimal("1250000.50"), (), "Rupiah dengan huruf."),
    ("tanggal", "2021-02-28", (), "Tanggal."),
    ("tanggal", "2021-02", (), "Bulan tanpa tanggal."),
    ("bulan_tahun", "2021-02-28", (), "Bulan dan tahun saja."),
    ("nip", "196105221986081001", (), "NIP dikelompokkan."),
    ("nilai", Decimal("74.24"), (), "Target/realisasi: angka, predikat atau rentang."),
    ("nilai", {"min": Decimal(80), "maks": Decimal(90)}, (), "Rentang."),
    ("nilai", "BB", (), "Predikat."),
    ("nilai_satuan", Decimal(48), ("%",), "Nilai dengan satuannya."),
    ("nilai_satuan", 380, ("orang",), "Nilai dengan satuannya."),
    ("baris", ["Baris satu", "Baris dua"], (), "Beberapa baris dalam satu sel (↵ = ganti baris)."),
    ("gabung", ["SDM", "sarana", "anggaran"], (), "Daftar dalam kalimat."),
    ("vmerge", "restart", (), "Dipakai tag `{% vmerge %}`, bukan untuk ditulis sendiri."),
]

# (tag, example, what it does): docxtpl's tag forms and our {% vmerge %}.
TAGS = [
    (
        "{{ … }}",
        "{{ instansi.nama }}",
        "Menyisipkan nilai di dalam teks, dengan format teks di sekitarnya.",
    ),
    (
        "{{p … }}",
        "{{p narasi.latar_belakang }}",
        "Mengganti seluruh paragraf dengan paragraf-paragraf Word (teks naratif).",
    ),
    (
        "{{r … }}",
        "{{r nilai_richtext }}",
        "Mengganti seluruh run (potongan teks berformat) dengan nilai RichText. Konteks lkjip "
        "tidak berisi RichText: teks biasa yang ditulis dengan {{r }} hilang, jadi pakailah {{ }}.",
    ),
    (
        "{%p … %}",
        "{%p if narasi.penutup %} … {%p endif %}",
        "if/for yang melewati atau mengulang paragraf; paragraf tempat tag itu dibuang.",
    ),
    (
        "{%tr … %}",
        "{%tr for b in tabel.pk.baris %} … {%tr endfor %}",
        "if/for yang melewati atau mengulang baris tabel; baris tempat tag itu dibuang.",
    ),
    (
        "{%tc … %}",
        "{%tc for x in tabel.iku.tahun %} · {{ x }} · {%tc endfor %}",
        "if/for yang melewati atau mengulang sel (kolom); sel tempat tag itu dibuang, jadi tag "
        "pembuka, isi dan tag penutup masing-masing satu sel.",
    ),
    (
        "{% colspan … %}",
        "{% colspan tabel.iku.tahun|length %}Target",
        "Di awal isi sel: sel itu membentang sebanyak kolom itu.",
    ),
    (
        "{% cellbg … %}",
        "{% cellbg b.warna %}{{ b.kategori }}",
        "Di awal isi sel: warna latar sel (heksadesimal tanpa #; auto = tanpa warna).",
    ),
    (
        "{% vmerge … %}",
        "{% vmerge b.vm %}{{ b.no }}",
        "Tag lkjip, di awal isi sel dalam baris {%tr for %}: restart memulai penggabungan sel ke "
        "bawah, continue menyambung ke sel di atasnya, kosong tidak menggabung. Nilainya sudah "
        "disiapkan di baris tabel (vm, vm_sasaran …).",
    ),
]


def render() -> str:
    """The whole page as Markdown."""
    lines = [
        "# Referensi templat LKjIP",
        "",
        "<!-- Dibuat otomatis oleh `make docs` dari lkjip_gen/render/context_types.py dan model "
        "laporan. Jangan diubah dengan tangan: ubah tipe atau keterangannya, lalu buat ulang. -->",
        "",
        "Templat Word (`lkjip.docx`, `pk.docx`) berisi tag docxtpl dan Jinja. Saat dokumen dibuat, "
        "tag diisi dari *konteks*: model laporan (semua angka sudah dihitung) ditambah tabel dan "
        "kalimat yang siap cetak. Templat hanya menampilkan; templat tidak menghitung. Halaman ini "
        "dibuat dari kode, jadi selalu sama dengan yang diterima templat. Cara memakai templat "
        "sendiri ada di [Panduan](panduan.md); data yang mengisi konteks ada di "
        "[Referensi data](referensi-data.md).",
        "",
        *_reading(),
        *_tags(),
        *_narrative(),
        *_filters(),
        "## Nama di templat",
        "",
        "Nama tingkat teratas adalah kunci `Konteks`; bagian berikutnya menjelaskan setiap jenis "
        "yang ditunjuknya.",
        "",
    ]
    for cls in typedoc.reachable(Konteks):
        lines += typedoc.section(cls, "id", level=3)
        if cls is Konteks:
            lines += _aliases()
    return "\n".join(lines).rstrip("\n") + "\n"


def _reading() -> list[str]:
    return [
        "## Cara membaca",
        "",
        "- *Jalur* ditulis seperti di templat: `tabel.pk.baris[].no` adalah `no` pada setiap "
        "baris (`{%tr for b in tabel.pk.baris %}` … `{{ b.no }}`).",
        "- *SelKosong* (None) dicetak sebagai tanda `–`; uji dengan `{% if x %}` atau "
        "`{% if x is not none %}` untuk melewatinya.",
        "- Angka (`Decimal`) yang dicetak tanpa filter ditulis cara Indonesia (`74,24`); pakai "
        "filter untuk persen, rupiah dan desimal tetap.",
        "- Nilai yang berakhiran `_tepat` belum dibulatkan; pasangannya tanpa akhiran itu sudah "
        "dibulatkan menurut pengaturan.",
        "- Teks dari data dicetak apa adanya (karakter seperti & dan < aman).",
        "- Selain filter di bawah, filter bawaan Jinja juga boleh, misalnya `upper` dan `length`.",
        "",
    ]


def _tags() -> list[str]:
    lines = [
        "## Bentuk tag",
        "",
        "Tag struktur (`{%p %}`, `{%tr %}`, `{%tc %}`) harus berdiri sendiri di paragrafnya, baris "
        "tabelnya atau selnya: paragraf, baris atau sel itu dibuang saat dokumen dibuat. Sebuah "
        "tag juga tidak boleh terpotong oleh perubahan format di tengahnya (ketik ulang tag "
        "dalam satu gaya).",
        "",
        "| Tag | Contoh | Fungsi |",
        "| --- | --- | --- |",
    ]
    lines += [_row(f"`{tag}`", f"`{example}`", text) for tag, example, text in TAGS]
    return [*lines, ""]


def _narrative() -> list[str]:
    paths = sorted(paragraph_paths())
    return [
        "## Teks naratif (paragraf)",
        "",
        "Teks naratif yang ditulis perangkat daerah (`narasi` di data, analisis sasaran, "
        "kedudukan dan tugas organisasi) sampai di templat sebagai paragraf Word yang sudah jadi: "
        "paragraf, butir dan daftar bernomor dengan gaya templat (Body Text, List Bullet, List "
        "Number, Daftar Huruf). Tempatkan dengan `{{p … }}` di paragrafnya sendiri, biasanya "
        "di dalam `{%p if … %}` agar bagian yang kosong tidak tercetak:",
        "",
        "```",
        "{%p if narasi.latar_belakang %}",
        "{{p narasi.latar_belakang }}",
        "{%p endif %}",
        "```",
        "",
        "Nama yang berisi paragraf: " + ", ".join(f"`{p}`" for p in paths) + ".",
        "",
    ]


def _filters() -> list[str]:
    filters = environment(FILTER_SETTINGS).filters
    lines = [
        "## Filter",
        "",
        "Filter menulis nilai: `{{ anggaran.total.pagu|rupiah }}`. Contoh di bawah dihitung "
        'dengan pengaturan bawaan (2 desimal, rupiah gaya puebi). Sel kosong (`""`) tetap '
        "kosong di bawah filter angka.",
        "",
        "| Filter | Contoh | Hasil | Kegunaan |",
        "| --- | --- | --- | --- |",
    ]
    for name, value, args, text in FILTER_EXAMPLES:
        call = f"{_jinja(value)}|{name}" + (
            f"({', '.join(_jinja(a) for a in args)})" if args else ""
        )
        result = str(filters[name](value, *args)).replace(_BREAK, "↵")
        lines.append(_row(f"`{name}`", f"`{{{{ {call} }}}}`", f"`{result}`", text))
    return [*lines, ""]


_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def _jinja(value: Any) -> str:
    """A value as a template would write it."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_jinja(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_jinja(v)}" for k, v in value.items()) + "}"
    return str(value)


def _row(*cells: str) -> str:
    """A Markdown table row; a "|" inside a cell is escaped, even in code."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _aliases() -> list[str]:
    return [
        "### `Nilai`",
        "",
        "Target atau realisasi: angka, predikat berupa teks (misalnya `BB`), `Rentang` "
        "`{min, maks}`, atau kosong bila belum ada. Cetak dengan filter `nilai` atau "
        "`nilai_satuan`.",
        "",
        "### `Rentang`",
        "",
        "Target berupa rentang: `min` dan `maks` (angka); capaian 100% bila realisasi di dalamnya.",
        "",
        "### `SelKosong`",
        "",
        'Sel tabel yang sengaja kosong (`""`): sel yang tergabung ke sel di atasnya, atau baris '
        "anggaran tanpa indikator. Filter angka mencetaknya kosong.",
        "",
        "### `VMerge`",
        "",
        "Penggabungan sel ke bawah untuk `{% vmerge %}`: `restart`, `continue` atau kosong.",
        "",
    ]
