"""Broken template packs, one case each: a small readable mutation of one default part.

Each case makes an office pack (templat.yaml with ``dasar: default`` plus the mutated part) and
names the exact problem the linter, ``lkjip validate`` and ``lkjip build`` must report.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx

from tests.hostile import png_header, scrambled

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "templates" / "default"
MANIFEST = "nama: kantor\nversi: 1.0\nmodel: 2\ndasar: default\n"

Mutation = Callable[[str], str]


def replace(old: str, new: str, count: int = 1) -> Mutation:
    """Replace the first ``count`` occurrences of ``old`` (which must occur)."""

    def mutate(xml: str) -> str:
        assert old in xml, old
        return xml.replace(old, new, count)

    return mutate


def tag_text(old: str, new: str) -> Mutation:
    """Change what a paragraph holding exactly the text ``old`` says."""
    return replace(f">{old}</w:t>", f">{new}</w:t>")


def split_paragraph(text: str, at: str) -> Mutation:
    """Split the paragraph holding ``text`` in two before ``at`` (as pressing Enter does)."""
    head, tail = text.split(at, 1)
    return replace(
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>',
        f'<w:t xml:space="preserve">{head}</w:t></w:r></w:p>'
        f'<w:p><w:r><w:t xml:space="preserve">{at}{tail}</w:t></w:r></w:p>',
    )


def after(marker: str, old: str, new: str) -> Mutation:
    """Replace the first ``old`` that follows ``marker``."""

    def mutate(xml: str) -> str:
        start = xml.index(marker)
        at = xml.index(old, start)
        return xml[:at] + new + xml[at + len(old) :]

    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(xml: str) -> str:
        for m in mutations:
            xml = m(xml)
        return xml

    return mutate


def drop_section_break(xml: str) -> str:
    """Remove the first section break inside the body (the paragraph keeps its place)."""
    return re.sub(r"<w:sectPr>.*?</w:sectPr>", "", xml, count=1)


def drop_style(name: str) -> Mutation:
    """Delete the style called ``name`` from styles.xml."""
    return lambda xml: re.sub(
        rf'<w:style [^>]*><w:name w:val="{name}"/>.*?</w:style>', "", xml, count=1
    )


@dataclass
class Case:
    name: str
    part: str
    mutate: Mutation | None
    expected: str  # the exact problem line; {pack} is the pack's folder
    file: str = "word/document.xml"
    manifest: str | None = MANIFEST
    raw: bytes | None = None  # the part's bytes, when it is not a Word document at all
    data: str = "contoh-minimal"
    extra: dict[str, Mutation] = field(default_factory=dict)  # other files of the part

    def make(self, folder: Path) -> Path:
        folder.mkdir(parents=True)
        if self.manifest is not None:
            (folder / "templat.yaml").write_text(self.manifest, encoding="utf-8")
        if self.raw is not None:
            (folder / f"{self.part}.docx").write_bytes(self.raw)
        if self.mutate is None:
            return folder
        source = DEFAULT / f"{self.part}.docx"
        buffer = io.BytesIO()
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w") as new:
            for item in old.infolist():
                data = old.read(item.filename)
                mutate = self.mutate if item.filename == self.file else None
                mutate = self.extra.get(item.filename, mutate)
                if mutate is not None:
                    data = mutate(data.decode("utf-8")).encode("utf-8")
                new.writestr(item, data)
        (folder / f"{self.part}.docx").write_bytes(buffer.getvalue())
        return folder


def with_picture(part: str, image: bytes) -> bytes:
    """The default ``part`` with ``image`` added at its end, as Word's Insert › Picture does."""
    document = docx.Document(str(DEFAULT / f"{part}.docx"))
    document.add_picture(io.BytesIO(image))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LIBREOFFICE = replace(
    "<Application>lkjip_gen</Application>", "<Application>LibreOffice/7.4</Application>"
)
PK_TABLE = "{%tr for b in tabel.pk.baris %}"

CASES = [
    Case(
        "tag_terpisah_paragraf",
        "bab1",
        split_paragraph("{%p if narasi.latar_belakang %}", "narasi"),
        "{pack}/bab1.docx: dokumen, setelah subbab latar_belakang, paragraf 18: tag «{%p if» tidak ditutup di paragraf yang sama — tag harus utuh dalam satu paragraf: ketik ulang tag lengkap dengan }} atau %} di baris yang sama [templat.tag_terpisah]",
    ),
    Case(
        "tag_terpotong_lacak_perubahan",
        "bab1",
        replace(
            '<w:r><w:t xml:space="preserve">{{p narasi.latar_belakang }}</w:t></w:r>',
            '<w:r><w:t xml:space="preserve">{{p narasi.</w:t></w:r><w:ins w:id="9" '
            'w:author="Operator"><w:r><w:t>latar_belakang }}</w:t></w:r></w:ins>',
        ),
        "{pack}/bab1.docx: dokumen, setelah subbab latar_belakang, paragraf 19: tag {{p narasi.latar_belakang }} terpotong oleh bidang (field), tautan atau lacak perubahan — terima semua perubahan (Review › Accept All) lalu ketik ulang tag itu [templat.tag_terpisah]",
    ),
    Case(
        "p_tidak_sendirian",
        "bab2",
        tag_text("{%p if narasi.perencanaan %}", "Catatan: {%p if narasi.perencanaan %}"),
        "{pack}/bab2.docx: dokumen, setelah «{{ dokumen.bab2.judul }}», paragraf 2: tag {%p if narasi.perencanaan %} tidak sendirian di paragrafnya (ada juga «Catatan:») — isi lain di paragraf itu akan hilang; pindahkan tag ke paragraf tersendiri [templat.tag_struktur]",
    ),
    Case(
        "tr_for_dengan_teks",
        "bab2",
        tag_text(PK_TABLE, PK_TABLE + " Total"),
        "{pack}/bab2.docx: dokumen, setelah subbab perjanjian_kinerja, tabel 4, baris 3, kolom 1: tag {%tr for b in tabel.pk.baris %} tidak sendirian di baris tabelnya (ada juga «Total») — isi lain di baris tabel itu akan hilang; pindahkan tag ke baris tabel tersendiri [templat.tag_struktur]",
    ),
    Case(
        "tr_endfor_berisi_teks",
        "bab2",
        tag_text("{%tr endfor %}", "{%tr endfor %} (lanjutan)"),
        "{pack}/bab2.docx: dokumen, setelah subbab tujuan_sasaran, tabel 1, baris 9, kolom 1: tag {%tr endfor %} tidak sendirian di baris tabelnya (ada juga «(lanjutan)») — isi lain di baris tabel itu akan hilang; pindahkan tag ke baris tabel tersendiri [templat.tag_struktur]",
    ),
    Case(
        "tr_for_di_baris_data",
        "bab2",
        both(
            tag_text(
                PK_TABLE,
                "",
            ),
            after(
                "{{ tabel.pk.judul }}",
                "{% vmerge b.vm_sasaran %}",
                PK_TABLE + "{% vmerge b.vm_sasaran %}",
            ),
        ),
        "{pack}/bab2.docx: dokumen, setelah subbab perjanjian_kinerja, tabel 4, baris 5, kolom 1: tag {%tr for b in tabel.pk.baris %} tidak sendirian di baris tabelnya (ada juga «{% vmerge b.vm_sasaran %}{{ b.no }}{% vm») — isi lain di baris tabel itu akan hilang; pindahkan tag ke baris tabel tersendiri [templat.tag_struktur]",
    ),
    Case(
        "tc_tidak_sendirian",
        "bab2",
        tag_text("{%tc for x in tabel.iku.tahun %}", "Tahun {%tc for x in tabel.iku.tahun %}"),
        "{pack}/bab2.docx: dokumen, setelah subbab iku, tabel 2, baris 2, kolom 7: tag {%tc for x in tabel.iku.tahun %} tidak sendirian di sel tabelnya (ada juga «Tahun») — isi lain di sel tabel itu akan hilang; pindahkan tag ke sel tabel tersendiri [templat.tag_struktur]",
    ),
    Case(
        "narasi_p_tidak_sendirian",
        "bab2",
        tag_text("{{p narasi.perencanaan }}", "Uraian: {{p narasi.perencanaan }}"),
        "{pack}/bab2.docx: dokumen, setelah «{{ dokumen.bab2.judul }}», paragraf 3: tag {{p narasi.perencanaan }} tidak sendirian di paragrafnya (ada juga «Uraian:») — isi lain di paragraf itu akan hilang; pindahkan tag ke paragraf tersendiri [templat.tag_struktur]",
    ),
    Case(
        "tr_di_luar_tabel",
        "bab1",
        tag_text("{%p if organisasi.fungsi %}", "{%tr if organisasi.fungsi %}"),
        "{pack}/bab1.docx: dokumen, setelah subbab tugas_fungsi, paragraf 67: tag {%tr if organisasi.fungsi %} harus berada di dalam tabel [templat.tag_struktur]",
    ),
    Case(
        "blok_tidak_ditutup",
        "sampul",
        tag_text(
            "{%p endif %}",
            "",
        ),
        "{pack}/sampul.docx: dokumen, setelah «{{ judul.laporan }}», paragraf 9: blok «if» dibuka di tag {%p if judul.singkatan %} dan tidak pernah ditutup — tambahkan {%p endif %} di tempat blok itu berakhir [templat.blok]",
    ),
    Case(
        "penutup_tanpa_pembuka",
        "lampiran",
        tag_text("{{ dokumen.depan.lampiran }}", "{%p endfor %}"),
        "{pack}/lampiran.docx: dokumen, setelah «{%p endfor %}», paragraf 1: {%p endfor %} tanpa {%p for … %} pembukanya [templat.blok]",
    ),
    Case(
        "penutup_salah_urut",
        "bab2",
        tag_text("{%p endfor %}", "{%p endif %}"),
        "{pack}/bab2.docx: dokumen, setelah subbab visi_misi, paragraf 30: blok «for» dibuka di tag {%p for m in misi %} dan tidak ditutup sebelum {%p endif %} — tambahkan {%p endfor %} [templat.blok]",
    ),
    Case(
        "if_teks_melintasi_tabel",
        "pk",
        both(
            tag_text("{%p if tabel.pk_sasaran %}", "{% if tabel.pk_sasaran %}"),
            after("{% if tabel.pk_sasaran %}", ">{%p endif %}<", ">{% endif %}<"),
        ),
        "{pack}/pk.docx: dokumen, setelah «{{ instansi.pemda|upper }}», paragraf 16: blok {% if tabel.pk_sasaran %} … {% endif %} tanpa huruf p melintasi beberapa paragraf (atau tabel): tulis {%p if tabel.pk_sasaran %} dan {%p endif %}, masing-masing sendirian di paragrafnya [templat.blok_lintas]",
    ),
    Case(
        "if_paragraf_endif_baris",
        "bab2",
        tag_text(
            "{%tr if tabel.pk.jumlah is not none and tabel.pk.kolom.anggaran %}",
            "{%p if tabel.pk.jumlah is not none and tabel.pk.kolom.anggaran %}",
        ),
        "{pack}/bab2.docx: dokumen, setelah subbab perjanjian_kinerja, tabel 4, baris 10, kolom 1: blok {%p if tabel.pk.jumlah is not none and tabel.pk.kolom.anggaran %} … {%tr endif %} melintasi paragraf dan baris tabel: pembuka dan penutup blok harus sejenis — {%p … %} untuk blok yang melewati paragraf, {%tr … %} untuk yang melewati baris tabel [templat.blok_lintas]",
    ),
    Case(
        "nama_tidak_dikenal",
        "bab1",
        tag_text("{{ organisasi.keterangan_bagan }}", "{{ organisasii.keterangan_bagan }}"),
        "{pack}/bab1.docx: dokumen, setelah subbab struktur_organisasi, paragraf 92: «organisasii» di tag {{ organisasii.keterangan_bagan }} bukan isian templat — isian yang ada: ada, anggaran, bagian_sasaran, cetak, dasar_hukum, dokumen, gambar, grafik, indikator, instansi, judul, kondisi_umum, laporan, misi, narasi, narasi_renstra, organisasi, pengaturan, peringatan, pk, rencana_aksi, renstra, ringkas, ringkasan, rkt, sarana, sasaran, sdm, siklus, tabel, teks, ttd, tujuan (lihat docs/referensi-templat.md) [templat.nama]",
    ),
    Case(
        "filter_tidak_dikenal",
        "bab3",
        replace("|desimal }}", "|desimall }}"),
        "{pack}/bab3.docx: dokumen, setelah subbab pengukuran, tabel 4, baris 10, kolom 9: filter «desimall» di tag {{ b.capaian|desimall }} tidak dikenal — filter lkjip: angka, persen, desimal, rupiah, tanggal, terbilang, nilai, nilai_satuan, baris, gabung, upper … (lihat docs/referensi-templat.md) [templat.filter]",
    ),
    Case(
        "narasi_tanpa_p",
        "bab2",
        tag_text("{{p narasi.perencanaan }}", "{{ narasi.perencanaan }}"),
        "{pack}/bab2.docx: dokumen, setelah «{{ dokumen.bab2.judul }}», paragraf 3: narasi.perencanaan berisi paragraf (narasi): tulis {{p narasi.perencanaan }} sendirian di paragrafnya, bukan {{ narasi.perencanaan }} [templat.narasi]",
    ),
    Case(
        "sintaks_salah",
        "bab4",
        replace("{{ anggaran.total.sisa|rupiah }}", "{{ anggaran.total.sisa|rupiah) }}"),
        "{pack}/bab4.docx: dokumen, setelah subbab simpulan, paragraf 50: sintaks salah di tag {{ anggaran.total.sisa|rupiah) }}: tanda «)» tidak diharapkan di sini [templat.sintaks]",
    ),
    Case(
        "if_kosong",
        "bab4",
        tag_text("{%p if ringkas.per_misi %}", "{%p if %}"),
        "{pack}/bab4.docx: dokumen, setelah subbab simpulan, paragraf 43: sintaks salah di tag {%p if %}: isi tag kosong atau terpotong sebelum «%}» [templat.sintaks]",
    ),
    Case(
        "heading_diganti_nama",
        "gaya",
        replace('<w:name w:val="heading 1"/>', '<w:name w:val="Judul 1"/>'),
        "{pack}/gaya.docx: gaya: gaya «Heading 1» tidak ada (gaya ber-id Heading1 kini bernama «judul 1») — penomoran bab dan tabel, daftar isi dan narasi memerlukannya: kembalikan nama gaya itu (ubah tampilannya saja, jangan namanya), atau ambil ulang gaya.docx dari templat bawaan [templat.gaya]",
        file="word/styles.xml",
    ),
    Case(
        "gaya_judul_tabel_hilang",
        "gaya",
        drop_style("Judul Tabel"),
        "{pack}/gaya.docx: gaya: gaya «Judul Tabel» tidak ada — penomoran bab dan tabel, daftar isi dan narasi memerlukannya: kembalikan nama gaya itu (ubah tampilannya saja, jangan namanya), atau ambil ulang gaya.docx dari templat bawaan [templat.gaya]",
        file="word/styles.xml",
    ),
    Case(
        "model_lama",
        "",
        None,
        "{pack}/templat.yaml: baris 3: model: templat ini dibuat untuk model laporan versi 1, sedangkan lkjip ini memakai versi 2: nama isian templat telah berubah — salin templat bawaan terbaru (lkjip templat salin FOLDER), terapkan lagi ubahan Anda di bagian yang sama, lalu tulis model: 2 [templat.model]",
        manifest=MANIFEST.replace("model: 2", "model: 1"),
    ),
    Case(
        "manifest_tidak_ada",
        "",
        None,
        "{pack}: templat.yaml tidak ada — setiap templat memerlukannya (nama, versi, model); mulailah dari salinan templat bawaan: lkjip templat salin FOLDER [templat.manifest]",
        manifest=None,
    ),
    Case(
        "manifest_kunci_asing",
        "",
        None,
        "{pack}/templat.yaml: baris 5: font: kunci tidak dikenal — kunci yang boleh: nama, versi, model, pembuat, keterangan, dasar, huruf, ukuran, margin [templat.manifest]",
        manifest=MANIFEST + "font: Arial\n",
    ),
    Case(
        "bagian_bukan_word",
        "bab1",
        None,
        "{pack}/bab1.docx: dokumen: bukan dokumen Word (.docx) — simpan ulang sebagai Dokumen Word [templat.berkas]",
        raw=b"bukan dokumen Word",
    ),
    Case(
        "salah_ketik_bergantung_data",
        "bab1",
        tag_text("{{ tabel.sarana.judul }}", "{{ tabel.sarana.juduul }}"),
        "{pack}/bab1.docx: dokumen, setelah «{{ k.judul }}{% if k.grup %}»: variabel tidak dikenal: «juduul» tidak ada — di tag {{ tabel.sarana.juduul }}, {% endif %} (saat dibuat dengan data lumajang-2023-tw1/lkjip-2023-tw1.yaml) [templat.render]",
        data="lumajang-2023-tw1",
    ),
    Case(
        "narasi_unit_tanpa_p",
        "bab1",
        tag_text("{{p u.tugas }}", "{{ u.tugas }}"),
        "{pack}/bab1.docx: dokumen, setelah «Susunan Organisasi Dinas Tenaga Kerja»: paragraf di dalam paragraf lain — templat rusak di sekitar sini: biasanya tag {%tr %}, {%tc %}, {%p %} yang tidak sendirian di baris/sel/paragrafnya, atau isian narasi tanpa {{p }}; jalankan lkjip templat periksa untuk letak tepatnya (saat dibuat dengan data pasaman-barat-2022/lkjip-2022.yaml) [templat.struktur]",
        data="pasaman-barat-2022",
    ),
    Case(
        "libreoffice_section_break_hilang",
        "bab3",
        drop_section_break,
        "{pack}/bab3.docx: dokumen: disimpan dengan LibreOffice dan kehilangan 1 pemisah bagian (section break) dibanding templat bawaan — halaman lanskap dan nomor halaman akan salah; sisipkan lagi di Word (Layout › Breaks › Next Page) seperti di templat bawaan, atau ubah bagian ini dengan Word [templat.libreoffice]",
        extra={"docProps/app.xml": LIBREOFFICE},
    ),
    Case(
        "gambar_terlalu_besar",
        "sampul",
        None,
        "{pack}/sampul.docx: word/media/image1.png: gambar berukuran 10.001 × 10.000 piksel, lebih dari 100.000.000 piksel — perkecil gambarnya: lebar 4.000 piksel sudah tajam untuk dicetak, dan gambar yang jauh lebih besar hilang dari PDF [templat.gambar]",
        raw=with_picture("sampul", png_header(10_001, 10_000)),
    ),
    Case(
        "bagian_rusak",
        "rencana_aksi",
        None,
        "{pack}/rencana_aksi.docx: dokumen: bukan dokumen Word (.docx) — simpan ulang sebagai Dokumen Word [templat.berkas]",
        raw=scrambled((DEFAULT / "rencana_aksi.docx").read_bytes(), "word/document.xml"),
    ),
    Case(
        "manifest_huruf_karakter_kendali",
        "",
        None,
        "{pack}/templat.yaml: baris 5: huruf: teks berisi karakter U+0001 (karakter kendali) pada karakter ke-6, yang tidak dapat dimuat dokumen Word — hapus karakter itu (biasanya terbawa saat menyalin dari PDF atau aplikasi lain) [templat.manifest]",
        manifest=MANIFEST + 'huruf: "Times\\x01"\n',
    ),
    Case(
        "manifest_huruf_terlalu_panjang",
        "",
        None,
        "{pack}/templat.yaml: baris 5: huruf: nama huruf paling panjang 31 karakter — tulis namanya seperti di daftar huruf Word, misalnya huruf: Bookman Old Style [templat.manifest]",
        manifest=MANIFEST + "huruf: " + "Bookman Old Style " * 2 + "\n",
    ),
]
