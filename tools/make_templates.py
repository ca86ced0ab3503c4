"""Generate templates/default/lkjip.docx and pk.docx: styles, page setup and the Jinja tags.

Run ``python tools/make_templates.py`` after changing this file and commit the outputs; a test
checks that the committed templates are what this script writes. The templates stay ordinary
Word documents: an office can restyle them (Heading 1–3, Body Text, List Bullet/Number, Kepala
Tabel, Isi Tabel, the "Tabel LKjIP" table style …) and save a copy as its own template set.

The tags read the template context built by ``lkjip_gen.context`` (the report model of
docs/model.md plus display rows). Besides docxtpl's tags (``{%p %}``, ``{%tr %}``, ``{%tc %}``,
``{{p }}``, ``{% colspan %}``, ``{% cellbg %}``) there is one of ours: ``{% vmerge EXPR %}`` at the
start of a cell merges it with the cell above when EXPR is "continue".
"""

from __future__ import annotations

import copy
import io
import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docxkit import (  # noqa: E402
    HEADER_FILL,
    TEXT_WIDTH,
    C,
    Group,
    Row,
    Table,
    Tag,
    define_style,
    element,
    field_runs,
    header,
    loop_cells,
    number_loop,
    numbering_xml,
    numbers,
    page_break,
    para,
    ppr,
    rpr,
    run,
    sect_pr,
    section_break,
    tag,
    two_row_header,
)

from lkjip_gen.output import normalize_docx  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "templates" / "default"
T = "Isi Tabel"


class Doc:
    """The body being written: XML snippets appended in reading order."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, *xml: str) -> None:
        self.parts.extend(xml)

    def p(self, text: str, style: str = "Body Text", **kw: object) -> None:
        self.add(para(text, style, **kw))  # type: ignore[arg-type]

    def tag(self, text: str) -> None:
        self.add(tag(text))

    def h(self, text: str, level: int) -> None:
        self.p(text, f"Heading {level}")

    def narasi(self, expr: str) -> None:
        """A narrative field, printed only when the office wrote it."""
        self.tag(f"{{%p if {expr} %}}")
        self.tag(f"{{{{p {expr} }}}}")
        self.tag("{%p endif %}")

    def caption(self, text: str) -> None:
        """A table title; lkjip_gen.finish prefixes "Tabel <bab>.<n>" and Daftar Tabel lists it."""
        self.p(text, "Judul Tabel")

    def table(self, table: Table) -> None:
        """A table and a small empty paragraph after it (two tables touching would merge)."""
        self.add(table.xml(), para("", "Spasi Tabel"))

    def source(self, expr: str) -> None:
        self.tag(f"{{%p if {expr} %}}")
        self.p(f"Sumber: {{{{ {expr} }}}}", "Sumber Tabel")
        self.tag("{%p endif %}")


# ---------------------------------------------------------------- styles


def styles(document: docx.document.Document) -> None:
    body = dict(line=1.5, after=6, align="both")
    styles_el = document.styles.element
    defaults = styles_el.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults"
    )
    styles_el.remove(defaults)
    styles_el.insert(
        0,
        element(
            "<w:docDefaults><w:rPrDefault>"
            + rpr(size=11).replace(
                "</w:rPr>", '<w:lang w:val="id-ID" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>'
            )
            + "</w:rPrDefault><w:pPrDefault>"
            + ppr()
            + "</w:pPrDefault></w:docDefaults>"
        ),
    )
    s = define_style
    s(document, "Normal", based="", pPr=ppr(), rPr=rpr(size=11), builtin=True)
    s(document, "Body Text", pPr=ppr(first=1.0, **body), builtin=True)
    for level, size, before, after in ((1, 14, 0, 18), (2, 12, 12, 6), (3, 11, 10, 4)):
        s(
            document,
            f"Heading {level}",
            next_style="Body Text",
            builtin=True,
            pPr=ppr(
                keep_next=True,
                page_break=level == 1,
                before=before,
                after=after,
                outline=level - 1,
                align="center" if level == 1 else None,
                left=0.75 if level > 1 else 0,
                hanging=0.75 if level > 1 else 0,
            ),
            rPr=rpr(size=size, bold=True, caps=level == 1),
        )
    s(
        document,
        "Judul Bagian",
        next_style="Body Text",
        pPr=ppr(keep_next=True, page_break=True, after=18, outline=0, align="center"),
        rPr=rpr(size=14, bold=True, caps=True),
    )
    s(document, "Judul Sampul", pPr=ppr(align="center", after=6), rPr=rpr(size=16, bold=True))
    s(
        document,
        "Sub Judul",
        based="Body Text",
        pPr=ppr(keep_next=True, before=6, **body),
        rPr=rpr(size=11, bold=True),
    )
    s(
        document,
        "Judul Tabel",
        next_style="Normal",
        pPr=ppr(keep_next=True, before=10, after=6, align="center"),
        rPr=rpr(size=10, bold=True),
    )
    s(document, "Sumber Tabel", pPr=ppr(before=2, after=10), rPr=rpr(size=9, italic=True))
    s(
        document,
        "Judul Gambar",
        next_style="Normal",
        pPr=ppr(before=4, after=10, align="center"),
        rPr=rpr(size=10, bold=True),
    )
    s(
        document,
        "Kepala Tabel",
        pPr=ppr(align="center", keep_next=True),
        rPr=rpr(size=8, bold=True),
    )
    s(document, "Nomor Kolom", pPr=ppr(align="center"), rPr=rpr(size=8, italic=True))
    s(document, "Isi Tabel", pPr=ppr(), rPr=rpr(size=9))
    s(document, "Spasi Tabel", pPr=ppr(), rPr=rpr(size=6))
    s(document, "Isi Tabel Butir", based="Isi Tabel", pPr=ppr(num_id=7, left=0.4, hanging=0.3))
    s(document, "Tanda Tangan", pPr=ppr(align="center"), rPr=rpr(size=11))
    s(document, "Teks Tengah", pPr=ppr(align="center", line=1.5, after=6), rPr=rpr(size=11))
    lists = (
        ("List Bullet", 1, 1.27),
        ("List Bullet 2", 2, 1.9),
        ("List Number", 3, 1.27),
        ("List Number 2", 4, 1.9),
        ("Daftar Huruf", 5, 1.27),
        ("Daftar Huruf 2", 6, 1.9),
    )
    for name, num_id, indent in lists:
        s(
            document,
            name,
            builtin=name.startswith("List"),
            pPr=ppr(num_id=num_id, left=indent, hanging=0.63, line=1.5, after=3, align="both"),
        )
    for level in (1, 2, 3):
        s(
            document,
            f"TOC {level}",
            builtin=True,
            pPr=ppr(
                left=0.5 * (level - 1),
                after=3,
                line=1.15,
                tabs='<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>',
            ),
            rPr=rpr(size=11, bold=level == 1),
        )
    s(document, "Footer", builtin=True, pPr=ppr(align="center"), rPr=rpr(size=9))
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = (
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
    )
    s(
        document,
        "Tabel LKjIP",
        kind="table",
        based="",
        pPr=ppr(),
        rPr=rpr(size=9),
        tblPr=f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders>{margins}</w:tblPr>",
    )
    s(
        document,
        "Tabel Tanpa Garis",
        kind="table",
        based="",
        pPr=ppr(),
        rPr=rpr(size=11),
        tblPr=f"<w:tblPr>{margins}</w:tblPr>",
    )


def numbering(document: docx.document.Document) -> None:
    part = document.part.numbering_part
    part._element = element(
        numbering_xml(
            [  # noqa: SLF001 - python-docx has no setter
                ("bullet", "•", 1.27),
                ("bullet", "–", 1.9),
                ("decimal", "%1.", 1.27),
                ("decimal", "%1.", 1.9),
                ("lowerLetter", "%1.", 1.27),
                ("lowerLetter", "%1)", 1.9),
                ("bullet", "-", 0.4),
            ]
        )
    )


def settings(document: docx.document.Document) -> None:
    """Ask Word to refresh the table of contents when the document is opened."""
    settings_el = document.settings.element
    # The schema fixes the order of settings: updateFields comes right before compat.
    settings_el.find(qn("w:compat")).addprevious(element('<w:updateFields w:val="true"/>'))


# ---------------------------------------------------------------- shared blocks


def signature(d: Doc, who: str, *, place_date: str | None = None, left: str | None = None) -> None:
    """A signature block: on the right, or two side by side (PIHAK KEDUA left, PERTAMA right).

    Titles sit in a first row aligned to its bottom and names in a second row, so that both
    names stand on one line however many lines the titles take.
    """

    def title(person: str, role: str | None) -> list[str]:
        return ([role] if role else []) + [f"{{{{ {person}.jabatan|upper }}}}"]

    def name(person: str) -> list[str]:
        return [
            "",
            "",
            "",
            f"{{{{ {person}.nama }}}}",
            f"{{%p if {person}.pangkat %}}",
            f"{{{{ {person}.pangkat }}}}",
            "{%p endif %}",
            f"{{%p if {person}.nip %}}",
            f"NIP. {{{{ {person}.nip|nip }}}}",
            "{%p endif %}",
        ]

    right_title = ([place_date] if place_date else []) + title(
        who, "PIHAK PERTAMA," if left else None
    )
    left_title = title(left, "PIHAK KEDUA,") if left else [""]
    sign = dict(align="center", style="Tanda Tangan")
    table = Table(
        [8, 8],
        style="Tabel Tanpa Garis",
        rows=[
            Row([C(left_title, **sign), C(right_title, **sign)], valign="bottom"),  # type: ignore[arg-type]
            Row([C(name(left) if left else [""], **sign), C(name(who), **sign)]),  # type: ignore[arg-type]
        ],
    )
    xml = table.xml()
    # The name line is bold and underlined, as on every signed Indonesian letter.
    for person in filter(None, (who, left)):
        plain = run(f"{{{{ {person}.nama }}}}")
        xml = xml.replace(plain, run(f"{{{{ {person}.nama }}}}", bold=True, underline=True))
    d.add(xml)


def pk(d: Doc, *, standalone: bool) -> None:
    """The Perjanjian Kinerja: statement page with the fixed wording, then the annex."""
    if not standalone:
        d.p("LAMPIRAN: PERJANJIAN KINERJA TAHUN {{ laporan.tahun }}", "Judul Bagian")
        d.add(page_break())
    title = (
        "PERJANJIAN KINERJA TAHUN {{ laporan.tahun }}"
        "{{ ' (PERUBAHAN)' if laporan.pk_perubahan else '' }}"
    )
    for line in (title, "{{ instansi.nama|upper }}", "{{ instansi.pemda|upper }}"):
        d.p(line, "Judul Sampul")
    d.p("")
    d.p(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
        "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    )
    for who, role in (
        ("ttd.kepala", "selanjutnya disebut pihak pertama."),
        ("ttd.atasan", "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua."),
    ):
        if who == "ttd.atasan":
            d.tag("{%p if ttd.atasan %}")
        d.add(
            Table(
                [3, 0.5, 12.5],
                style="Tabel Tanpa Garis",
                center=False,
                rows=[
                    Row(
                        [
                            C("Nama", style="Tanda Tangan", align="left"),
                            C(":", style="Tanda Tangan"),
                            C(f"{{{{ {who}.nama }}}}", style="Tanda Tangan", align="left"),
                        ]
                    ),
                    Row(
                        [
                            C("Jabatan", style="Tanda Tangan", align="left"),
                            C(":", style="Tanda Tangan"),
                            C(f"{{{{ {who}.jabatan }}}}", style="Tanda Tangan", align="left"),
                        ]
                    ),
                ],
            ).xml()
        )
        d.p(role)
        if who == "ttd.atasan":
            d.tag("{%p endif %}")
    d.p(
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab kami."
    )
    d.tag("{%p if ttd.atasan %}")
    d.p(
        "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
        "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
        "dalam rangka pemberian penghargaan dan sanksi."
    )
    d.tag("{%p endif %}")
    place = "{{ laporan.tempat }}, {{ laporan.tanggal_pk|tanggal }}"
    pk_signatures(d, place)

    d.add(page_break())
    for line in (
        "LAMPIRAN PERJANJIAN KINERJA TAHUN {{ laporan.tahun }}",
        "{{ instansi.nama|upper }}",
        "{{ instansi.pemda|upper }}",
    ):
        d.p(line, "Judul Sampul")
    d.p("")
    d.table(
        Table(
            [1, 6, 6, 3],
            rows=[
                header("No", "Sasaran Strategis", "Indikator Kinerja", "Target"),
                numbers(4),
                Tag("for b in tabel.pk_sasaran.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center", vmerge="b.vm"),
                        C("{{ b.sasaran }}", vmerge="b.vm"),
                        C("{{ b.indikator }}"),
                        C("{{ b.target|nilai_satuan(b.satuan) }}", align="center"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p if tabel.pk_program %}")
    d.p("")
    d.table(
        Table(
            [1, 9, 3.5, 2.5],
            rows=[
                header("No", "Program", "Anggaran (Rp)", "Keterangan"),
                numbers(4),
                Tag("for b in tabel.pk_program.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        C("{{ b.pagu|rupiah('tabel') }}", align="right"),
                        C("{{ b.keterangan }}"),
                    ]
                ),
                Tag("endfor"),
                Row(
                    [
                        C("Jumlah Anggaran", span=2, bold=True),
                        C(
                            "{{ tabel.pk_program.jumlah|rupiah('tabel') }}",
                            align="right",
                            bold=True,
                        ),
                        C(""),
                    ]
                ),
            ],
        )
    )
    d.tag("{%p endif %}")
    pk_signatures(d, place)


def pk_signatures(d: Doc, place: str) -> None:
    d.p("")
    d.tag("{%p if ttd.atasan %}")
    signature(d, "ttd.kepala", place_date=place, left="ttd.atasan")
    d.tag("{%p else %}")
    signature(d, "ttd.kepala", place_date=place)
    d.tag("{%p endif %}")


# ---------------------------------------------------------------- the LKjIP


def front_matter(d: Doc) -> None:
    for _ in range(3):
        d.p("")
    d.p("PEMERINTAH {{ instansi.pemda|upper }}", "Judul Sampul")
    for _ in range(3):
        d.p("")
    d.p("{{ judul.laporan }}", "Judul Sampul", size=18)
    d.tag("{%p if judul.singkatan %}")
    d.p("{{ judul.singkatan }}", "Judul Sampul")
    d.tag("{%p endif %}")
    d.p("{{ laporan.periode|upper }}", "Judul Sampul")
    for _ in range(3):
        d.p("")
    d.tag("{%p if gambar.logo %}")
    d.p("{{ gambar.logo }}", "Teks Tengah")
    d.tag("{%p else %}")
    for _ in range(6):
        d.p("")
    d.tag("{%p endif %}")
    for _ in range(3):
        d.p("")
    d.p("{{ instansi.nama|upper }}", "Judul Sampul")
    d.tag("{%p for line in judul.alamat %}")
    d.p("{{ line }}", "Teks Tengah")
    d.tag("{%p endfor %}")
    d.tag("{%p if instansi.kota %}")
    d.p("{{ instansi.kota|upper }}", "Judul Sampul")
    d.tag("{%p endif %}")

    d.p("Kata Pengantar", "Judul Bagian")
    d.tag("{%p if narasi.kata_pengantar %}")
    d.tag("{{p narasi.kata_pengantar }}")
    d.tag("{%p else %}")
    d.p(
        "Laporan Kinerja Instansi Pemerintah (LKjIP) {{ instansi.nama }} {{ instansi.pemda }} "
        "{{ laporan.periode }} disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas "
        "dan fungsi serta pencapaian sasaran yang ditetapkan dalam Perjanjian Kinerja. Semoga "
        "laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja."
    )
    d.tag("{%p endif %}")
    d.p("")
    signature(d, "ttd.kepala", place_date="{{ laporan.tempat }}, {{ laporan.tanggal|tanggal }}")

    d.p("Ikhtisar Eksekutif", "Judul Bagian")
    d.narasi("narasi.ikhtisar_eksekutif")
    d.p(
        "Dalam Perjanjian Kinerja Tahun {{ laporan.tahun }}, {{ instansi.nama }} "
        "{{ instansi.pemda }} menetapkan {{ ringkasan.jumlah_sasaran }} "
        "({{ ringkasan.jumlah_sasaran|terbilang }}) sasaran strategis yang diukur dengan "
        "{{ ringkasan.jumlah_indikator }} ({{ ringkasan.jumlah_indikator|terbilang }}) indikator "
        "kinerja."
    )
    capaian_sentences(d)
    d.tag("{%p if ada.anggaran %}")
    d.p(
        "Untuk mencapai sasaran tersebut tersedia anggaran sebesar "
        "{{ anggaran.total.pagu|rupiah }}{% if ada.realisasi_anggaran %} dengan realisasi "
        "{{ anggaran.total.realisasi|rupiah }} atau {{ anggaran.total.serapan|persen }}"
        "{% endif %}."
    )
    d.tag("{%p endif %}")

    d.p("Daftar Isi", "Judul Bagian")
    d.add(
        para(
            style="Normal",
            runs=field_runs(
                'TOC \\o "1-3" \\h \\z \\u',
                "Daftar isi diperbarui saat PDF dibuat, atau di Word dengan klik kanan lalu "
                "Perbarui Bidang.",
            ),
        )
    )
    d.p("Daftar Tabel", "Judul Bagian")
    d.add(
        para(
            style="Normal",
            runs=field_runs(
                'TOC \\h \\z \\t "Judul Tabel,1"',
                "Daftar tabel diperbarui saat PDF dibuat, atau di Word dengan klik kanan lalu "
                "Perbarui Bidang.",
            ),
        )
    )
    d.add(section_break(roman=True, title_page=True))


def capaian_sentences(d: Doc) -> None:
    """The computed sentences of the Ikhtisar and Bab IV: average, extremes, counts."""
    d.tag("{%p if ringkasan.jumlah_terukur %}")
    d.p(
        "Dari {{ ringkasan.jumlah_terukur }} indikator yang telah diukur, rata-rata capaian "
        "kinerja {{ laporan.periode }} adalah {{ ringkasan.rata_rata|persen }}"
        "{% if ada.kategori %} dengan kategori {{ ringkasan.kategori }}{% endif %}."
        "{% if ringkas.tertinggi_terendah %} Capaian tertinggi dicapai indikator "
        "{{ ringkasan.tertinggi.nama }} sebesar "
        "{{ ringkasan.tertinggi.capaian|persen }}{% if ada.kategori %} "
        "({{ ringkasan.tertinggi.kategori }}){% endif %}, sedangkan capaian terendah pada "
        "indikator {{ ringkasan.terendah.nama }} sebesar {{ ringkasan.terendah.capaian|persen }}"
        "{% if ada.kategori %} ({{ ringkasan.terendah.kategori }}){% endif %}.{% endif %}"
        "{% if ada.kategori %} Menurut kategori capaian, terdapat "
        "{{ ringkas.per_kategori|gabung }}.{% endif %}"
    )
    d.tag("{%p if ringkas.belum_terukur %}")
    d.p("Sebanyak {{ ringkas.belum_terukur }} indikator belum dapat diukur pada periode ini.")
    d.tag("{%p endif %}")
    d.tag("{%p else %}")
    d.p("Realisasi indikator kinerja belum diukur pada periode ini.")
    d.tag("{%p endif %}")


def bab1(d: Doc) -> None:
    d.h("BAB I PENDAHULUAN", 1)
    d.tag("{%p if narasi.latar_belakang %}")
    d.h("Latar Belakang", 2)
    d.tag("{{p narasi.latar_belakang }}")
    d.tag("{%p endif %}")
    d.tag("{%p if dasar_hukum %}")
    d.h("Dasar Hukum", 2)
    d.p("Dasar hukum penyusunan Laporan Kinerja ini adalah:")
    d.tag("{%p for item in dasar_hukum %}")
    d.p("{{ item }}", "List Number")
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")
    d.tag("{%p if narasi.maksud_tujuan %}")
    d.h("Maksud dan Tujuan", 2)
    d.tag("{{p narasi.maksud_tujuan }}")
    d.tag("{%p endif %}")

    d.tag("{%p if ada.gambaran_umum %}")
    d.h("Gambaran Umum Organisasi", 2)
    d.narasi("narasi.gambaran_umum")
    d.tag("{%p if organisasi.kedudukan %}")
    d.h("Kedudukan", 3)
    d.tag("{{p organisasi.kedudukan }}")
    d.tag("{%p endif %}")
    d.tag("{%p if organisasi.tugas or organisasi.fungsi %}")
    d.h("Tugas dan Fungsi", 3)
    d.narasi("organisasi.tugas")
    d.tag("{%p if organisasi.fungsi %}")
    d.p("Untuk melaksanakan tugas tersebut, {{ instansi.nama }} menyelenggarakan fungsi:")
    d.tag("{%p for item in organisasi.fungsi %}")
    d.p("{{ item }}", "Daftar Huruf")
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")
    d.tag("{%p if tabel.unit or gambar.bagan %}")
    d.h("Struktur Organisasi", 3)
    d.tag("{%p if tabel.unit %}")
    d.p("Susunan organisasi {{ instansi.nama }} {{ instansi.pemda }} adalah sebagai berikut.")
    d.caption("Susunan Organisasi {{ instansi.nama }}")
    d.table(
        Table(
            [1, 7.5, 2, 5.5],
            rows=[
                header("No", "Unit Kerja", "Eselon", "Pejabat"),
                numbers(4),
                Tag("for b in tabel.unit.baris"),
                Tag("if b.induk"),
                Row(
                    [
                        C("{{ b.no }}", align="center", bold=True),
                        C("{{ b.nama }}", bold=True),
                        C("{{ b.eselon }}", align="center"),
                        C("{{ b.pejabat }}"),
                    ]
                ),
                Tag("else"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}", indent=0.4),
                        C("{{ b.eselon }}", align="center"),
                        C("{{ b.pejabat }}"),
                    ]
                ),
                Tag("endif"),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")
    d.tag("{%p if gambar.bagan %}")
    d.p("{{ gambar.bagan }}", "Teks Tengah")
    # Figures are titled below, tables above, as Indonesian reports do.
    d.p("Bagan Struktur Organisasi {{ instansi.nama }}", "Judul Gambar")
    d.tag("{%p if organisasi.keterangan_bagan %}")
    d.p("{{ organisasi.keterangan_bagan }}", "Sumber Tabel", align="center")
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")
    d.tag("{%p for u in tabel.unit_rincian %}")
    d.p("{{ u.nama }}", "Sub Judul")
    d.narasi("u.tugas")
    d.tag("{%p if u.fungsi %}")
    d.p("Fungsi:")
    d.tag("{%p for item in u.fungsi %}")
    d.p("{{ item }}", "Daftar Huruf")
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")
    d.tag("{%p if tabel.kondisi %}")
    d.h("Kondisi Umum", 3)
    d.tag("{%p for k in tabel.kondisi %}")
    d.caption("{{ k.judul }}")
    d.table(
        Table(
            [1, 6, 2, 0.3, 1.8, 0.3],
            width=TEXT_WIDTH,
            rows=[
                Row(
                    [C("No"), C("Uraian"), C("Satuan"), *loop_cells("k.tahun", "{{ x }}", 1.8)],
                    header=True,
                ),
                number_loop("k.nomor"),
                Tag("for b in k.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.uraian }}"),
                        C("{{ b.satuan }}", align="center"),
                        *loop_cells("b.sel", "{{ x }}", 1.8, align="right"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.source("k.sumber")
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")

    d.tag("{%p if ada.sumber_daya %}")
    d.h("Sumber Daya", 2)
    d.narasi("narasi.sumber_daya")
    d.tag("{%p for k in tabel.sdm %}")
    d.caption("{{ k.judul }}")
    d.table(
        Table(
            [1, 5, 0.3, 2, 0.3],
            width=TEXT_WIDTH,
            rows=[
                Row(
                    [C("No"), C("{{ k.kelompok }}"), *loop_cells("k.kepala", "{{ x }}", 2)],
                    header=True,
                ),
                number_loop("k.nomor"),
                Tag("for b in k.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.label }}"),
                        *loop_cells("b.sel", "{{ x }}", 2, align="center"),
                    ]
                ),
                Tag("endfor"),
                Row(
                    [
                        C("JUMLAH", span=2, align="center", bold=True),
                        *loop_cells("k.total", "{{ x }}", 2, align="center", bold=True),
                    ]
                ),
            ],
        )
    )
    d.source("k.sumber")
    d.tag("{%p endfor %}")
    d.tag("{%p if tabel.sarana %}")
    d.caption("{{ tabel.sarana.judul }}")
    d.table(
        Table(
            [1, 5, 1.8, 1.8, 1.8, 1.8, 2.8],
            rows=[
                *two_row_header(
                    "No",
                    "Jenis Barang",
                    "Jumlah",
                    Group("Kondisi Barang", [C("Baik"), C("Kurang Baik"), C("Rusak Berat")]),
                    "Keterangan",
                ),
                numbers(7),
                Tag("for b in tabel.sarana.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        *(
                            C(f"{{{{ b.{k}|angka }}}}", align="center")
                            for k in ("jumlah", "baik", "kurang_baik", "rusak_berat")
                        ),
                        C("{{ b.keterangan }}"),
                    ]
                ),
                Tag("endfor"),
                Row(
                    [
                        C("JUMLAH", span=2, align="center", bold=True),
                        *(
                            C(f"{{{{ tabel.sarana.total.{k}|angka }}}}", align="center", bold=True)
                            for k in ("jumlah", "baik", "kurang_baik", "rusak_berat")
                        ),
                        C(""),
                    ]
                ),
            ],
        )
    )
    d.source("tabel.sarana.catatan")
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")

    for field, title in (
        ("peran_strategis", "Peran Strategis"),
        ("isu_strategis", "Isu Strategis"),
        ("permasalahan_solusi", "Permasalahan dan Solusi"),
    ):
        d.tag(f"{{%p if narasi.{field} %}}")
        d.h(title, 2)
        d.tag(f"{{{{p narasi.{field} }}}}")
        d.tag("{%p endif %}")
    d.h("Sistematika Penyajian", 2)
    d.tag("{%p if narasi.sistematika %}")
    d.tag("{{p narasi.sistematika }}")
    d.tag("{%p else %}")
    d.p("Laporan Kinerja ini disajikan dengan sistematika sebagai berikut:")
    for line in (
        "Bab I Pendahuluan: latar belakang, dasar hukum, maksud dan tujuan, serta gambaran umum "
        "organisasi.",
        "Bab II Perencanaan Kinerja: visi, misi, tujuan, sasaran, indikator kinerja utama, "
        "strategi dan arah kebijakan, serta Perjanjian Kinerja.",
        "Bab III Akuntabilitas Kinerja: capaian kinerja setiap sasaran dengan analisisnya dan "
        "realisasi anggaran.",
        "Bab IV Penutup: simpulan atas capaian kinerja dan langkah perbaikan ke depan.",
    ):
        d.p(line, "List Bullet")
    d.tag("{%p endif %}")


def bab2(d: Doc) -> None:
    d.h("BAB II PERENCANAAN KINERJA", 1)
    d.narasi("narasi.perencanaan")
    d.tag("{%p if renstra.visi or misi %}")
    d.h("Visi dan Misi", 2)
    d.tag("{%p if renstra.visi %}")
    d.p("Visi yang didukung oleh {{ instansi.nama }} adalah:")
    d.p("“{{ renstra.visi }}”", "Teks Tengah", bold=True, italic=True)
    d.narasi("narasi_renstra.penjelasan_visi")
    d.tag("{%p endif %}")
    d.tag("{%p if misi %}")
    d.p("Misi yang didukung oleh {{ instansi.nama }}:")
    d.tag("{%p for m in misi %}")
    d.p("Misi {{ m.nomor }}: {{ m.uraian }}", "List Bullet")
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")

    d.h("Tujuan dan Sasaran Strategis", 2)
    d.p(
        "Keterkaitan misi, tujuan, sasaran strategis dan indikatornya disajikan pada tabel berikut."
    )
    d.caption("Hubungan Misi, Tujuan dan Sasaran Strategis")
    d.table(
        Table(
            [3.2, 3.3, 3, 3.5, 3],
            rows=[
                header(
                    "Misi", "Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Sasaran"
                ),
                numbers(5),
                Tag("for b in tabel.hierarki.baris"),
                Row(
                    [
                        C("{{ b.misi }}", vmerge="b.vm_misi"),
                        C("{{ b.tujuan }}", vmerge="b.vm_tujuan"),
                        C("{{ b.indikator_tujuan|baris }}", vmerge="b.vm_tujuan"),
                        C("{{ b.sasaran }}", vmerge="b.vm_sasaran"),
                        C("{{ b.indikator }}"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )

    d.tag("{%p if tabel.iku %}")
    d.h("Indikator Kinerja Utama", 2)
    d.p(
        "Indikator Kinerja Utama beserta target setiap tahun periode "
        "{{ renstra.periode_awal }}–{{ renstra.periode_akhir }} adalah sebagai berikut."
    )
    d.caption(
        "Indikator Kinerja Utama {{ instansi.nama }} Tahun "
        "{{ renstra.periode_awal }}–{{ renstra.periode_akhir }}"
    )
    d.table(
        Table(
            [0.8, 4.6, 1.4, 1.4, 0.3, 1.15, 0.3, 1.4],
            width=TEXT_WIDTH,
            rows=[
                *two_row_header(
                    "No",
                    "Indikator",
                    "Satuan",
                    "Kondisi Awal",
                    Group(
                        "Target per Tahun",
                        loop_cells("tabel.iku.tahun", "{{ x }}", 1.4),
                        colspan="tabel.iku.tahun|length",
                    ),
                    "Target Akhir",
                ),
                number_loop("tabel.iku.nomor"),
                Tag("for b in tabel.iku.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        C("{{ b.satuan }}", align="center"),
                        C("{{ b.awal|nilai }}", align="center"),
                        *loop_cells("b.target", "{{ x|nilai }}", 1.4, align="center"),
                        C("{{ b.akhir|nilai }}", align="center"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")

    d.tag("{%p if tabel.strategi or narasi.strategi_arah_kebijakan %}")
    d.h("Strategi dan Arah Kebijakan", 2)
    d.narasi("narasi.strategi_arah_kebijakan")
    d.tag("{%p if tabel.strategi %}")
    d.caption("Strategi dan Arah Kebijakan")
    d.table(
        Table(
            [0.8, 4.7, 5.2, 5.3],
            rows=[
                header("No", "Sasaran Strategis", "Strategi", "Arah Kebijakan"),
                numbers(4),
                Tag("for b in tabel.strategi.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.sasaran }}"),
                        C(
                            ["{%p for x in b.strategi %}", "{{ x }}", "{%p endfor %}"],
                            style="Isi Tabel Butir",
                        ),
                        C(
                            ["{%p for x in b.arah %}", "{{ x }}", "{%p endfor %}"],
                            style="Isi Tabel Butir",
                        ),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")

    d.h("Perjanjian Kinerja", 2)
    d.tag("{%p if narasi.perjanjian_kinerja %}")
    d.tag("{{p narasi.perjanjian_kinerja }}")
    d.tag("{%p else %}")
    d.p(
        "Perjanjian Kinerja Tahun {{ laporan.tahun }}{{ ' (Perubahan)' if laporan.pk_perubahan "
        "else '' }} memuat sasaran strategis, indikator kinerja dan targetnya, beserta program "
        "dan anggaran yang mendukungnya, sebagai berikut."
    )
    d.tag("{%p endif %}")
    d.caption("Perjanjian Kinerja {{ instansi.nama }} Tahun {{ laporan.tahun }}")
    d.table(
        Table(
            [1.1, 3.0, 3.1, 1.5, 3.0, 2.4, 1.9],
            rows=[
                header(
                    "No",
                    "Sasaran Strategis",
                    "Indikator Kinerja",
                    "Target",
                    "Program",
                    "Anggaran (Rp)",
                    "Ket.",
                ),
                numbers(7),
                Tag("for b in tabel.pk.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center", vmerge="b.vm_sasaran"),
                        C("{{ b.sasaran }}", vmerge="b.vm_sasaran"),
                        C("{{ b.indikator }}", vmerge="b.vm_indikator"),
                        C(
                            "{{ b.target|nilai_satuan(b.satuan) }}",
                            align="center",
                            vmerge="b.vm_indikator",
                        ),
                        C("{{ b.program }}", vmerge="b.vm_program"),
                        C("{{ b.pagu|rupiah('tabel') }}", align="right", vmerge="b.vm_program"),
                        C("{{ b.sumber_dana }}", align="center", vmerge="b.vm_program"),
                    ]
                ),
                Tag("endfor"),
                Tag("if tabel.pk.jumlah is not none"),
                Row(
                    [
                        C("JUMLAH", span=5, align="center", bold=True),
                        C("{{ tabel.pk.jumlah|rupiah('tabel') }}", align="right", bold=True),
                        C(""),
                    ]
                ),
                Tag("endif"),
            ],
        )
    )


def bab3(d: Doc) -> None:
    d.h("BAB III AKUNTABILITAS KINERJA", 1)
    d.h("Capaian Kinerja", 2)
    d.narasi("narasi.capaian_kinerja")
    d.h("Metode Pengukuran", 3)
    d.p(
        "Capaian kinerja diukur dengan membandingkan realisasi dengan target setiap indikator "
        "dalam Perjanjian Kinerja, dengan rumus:"
    )
    d.tag("{%p for r in tabel.rumus %}")
    d.p("{{ r.judul }}: {{ r.teks }}", "List Bullet")
    d.tag("{%p endfor %}")
    d.p("{{ teks.pembulatan }} {{ teks.rata_rata }}")
    d.tag("{%p if tabel.skala %}")
    d.p("Tingkat capaian dikategorikan menurut skala berikut.")
    d.caption("Skala Kategori Capaian Kinerja")
    d.table(
        Table(
            [1, 6, 6],
            rows=[
                header("No", "Capaian (%)", "Kategori"),
                numbers(3),
                Tag("for b in tabel.skala.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.rentang }}", align="center"),
                        C("{{ b.label }}", align="center", bg="b.warna"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")

    d.h("Realisasi dan Capaian Kinerja", 3)
    d.tag("{%p if tabel.pembilang %}")
    d.p("Realisasi indikator yang dihitung dari pembilang dan penyebut adalah sebagai berikut.")
    d.caption("Perhitungan Realisasi Indikator {{ laporan.periode }}")
    d.table(
        Table(
            [0.8, 5.2, 3.6, 3.6, 2.8],
            rows=[
                header("No", "Indikator Kinerja", "Pembilang", "Penyebut", "Realisasi"),
                numbers(5),
                Tag("for b in tabel.pembilang.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        C(
                            [
                                "{{ b.pembilang|angka }}",
                                "{%p if b.label_pembilang %}",
                                "({{ b.label_pembilang }})",
                                "{%p endif %}",
                            ],
                            align="center",
                        ),
                        C(
                            [
                                "{{ b.penyebut|angka }}",
                                "{%p if b.label_penyebut %}",
                                "({{ b.label_penyebut }})",
                                "{%p endif %}",
                            ],
                            align="center",
                        ),
                        C("{{ b.realisasi|nilai_satuan(b.satuan) }}", align="center"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")
    d.p(
        "Pengukuran kinerja {{ laporan.periode }} membandingkan target dengan realisasi setiap "
        "indikator sebagai berikut."
    )
    d.caption("Pengukuran Kinerja {{ laporan.periode }}")
    d.table(
        Table(
            [1.0, 3.2, 3.2, 1.4, 1.5, 1.7, 1.5, 0.3, 2.2, 0.3],
            rows=[
                *kategori_header(
                    "No",
                    "Tujuan / Sasaran Strategis",
                    "Indikator Kinerja",
                    "Satuan",
                    "Target",
                    "Realisasi",
                    "Capaian (%)",
                ),
                Tag("for b in tabel.pengukuran.baris"),
                Tag("if b.judul"),
                Row(
                    [C("{{ b.judul }}", span=10, align="left", style="Kepala Tabel")],
                    fill=HEADER_FILL,
                ),
                Tag("else"),
                Row(
                    [
                        C("{{ b.no }}", align="center", vmerge="b.vm"),
                        C("{{ b.induk }}", vmerge="b.vm"),
                        *indikator_cells(),
                    ]
                ),
                Tag("endif"),
                Tag("endfor"),
                Tag("if ringkasan.jumlah_terukur"),
                Row(
                    [
                        C("Rata-rata capaian indikator sasaran", span=6, align="center", bold=True),
                        C("{{ ringkasan.rata_rata|desimal }}", align="center", bold=True),
                        *if_kategori(C("{{ ringkasan.kategori }}", align="center", bold=True)),
                    ]
                ),
                Tag("endif"),
            ],
        )
    )
    d.tag("{%p for note in tabel.pengukuran.catatan %}")
    d.p("*) {{ note }}", "Sumber Tabel")
    d.tag("{%p endfor %}")

    analyses(d)
    per_sasaran(d)
    efficiency(d)
    budget(d)
    d.tag("{%p if narasi.permasalahan_strategi %}")
    d.h("Permasalahan dan Strategi Pemecahan Masalah", 2)
    d.tag("{{p narasi.permasalahan_strategi }}")
    d.tag("{%p endif %}")


def labels(*texts: str) -> list[C]:
    return [C(text) for text in texts]


def indikator_cells() -> list[C]:
    """Indicator, satuan, target, realisasi, capaian and (when the office uses a scale) kategori."""
    return [
        C("{{ b.nama }}"),
        C("{{ b.satuan }}", align="center"),
        C("{{ b.target|nilai }}", align="center"),
        C("{{ b.realisasi|nilai }}", align="center"),
        C("{{ b.capaian|desimal }}", align="center"),
        *if_kategori(C("{{ b.kategori }}", align="center", bg="b.warna")),
    ]


def kategori_header(*texts: str) -> list[Row]:
    """Header and column-number rows of a table whose last column is the optional kategori."""
    return [
        Row([*labels(*texts), *if_kategori(C("Kategori"))], header=True),
        Row(
            [*labels(*map(str, range(1, len(texts) + 1))), *if_kategori(C(str(len(texts) + 1)))],
            header=True,
            number=True,
        ),
    ]


def if_kategori(cell: C) -> list[C]:
    """A cell that exists only when the office uses a category scale (seed 000 uses none)."""
    return [C("{%tc if ada.kategori %}", width=0.3), cell, C("{%tc endif %}", width=0.3)]


def analyses(d: Doc) -> None:
    d.tag("{%p if tabel.riwayat %}")
    d.h("Perbandingan dengan Tahun Sebelumnya", 3)
    d.p(
        "Realisasi dan capaian kinerja {{ laporan.periode }} dibandingkan dengan tahun-tahun "
        "sebelumnya adalah sebagai berikut."
    )
    d.caption("Perbandingan Realisasi dan Capaian Kinerja dengan Tahun Sebelumnya")
    d.table(
        Table(
            [0.8, 4.0, 0.3, 1.55, 0.3, 1.8],
            width=TEXT_WIDTH,
            rows=[
                *two_row_header(
                    "No",
                    "Indikator Kinerja (Satuan)",
                    Group(
                        loop_cells("tabel.riwayat.tahun", "{{ x }}", 3.1, colspan="2"),
                        loop_cells("tabel.riwayat.sub", "{{ x }}", 1.55),
                    ),
                    "Perubahan Capaian (poin)",
                ),
                number_loop("tabel.riwayat.nomor"),
                Tag("for b in tabel.riwayat.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        *loop_cells("b.sel", "{{ x }}", 1.55, align="center"),
                        C("{{ b.perubahan|desimal }}", align="center"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")

    d.tag("{%p if tabel.renstra_akhir %}")
    d.h("Perbandingan dengan Target Akhir Renstra", 3)
    d.p(
        "Realisasi {{ laporan.periode }} dibandingkan dengan target akhir periode Renstra "
        "(tahun {{ renstra.periode_akhir }}) adalah sebagai berikut."
    )
    d.caption("Capaian Kinerja terhadap Target Akhir Renstra")
    d.table(
        Table(
            [0.8, 5.4, 1.4, 1.8, 2, 2.2, 2.4],
            rows=[
                header(
                    "No",
                    "Indikator Kinerja",
                    "Satuan",
                    "Kondisi Awal",
                    "Realisasi {{ laporan.tahun }}",
                    "Target Akhir ({{ renstra.periode_akhir }})",
                    "Capaian thd Target Akhir (%)",
                ),
                numbers(7),
                Tag("for b in tabel.renstra_akhir.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        C("{{ b.satuan }}", align="center"),
                        C("{{ b.awal|nilai }}", align="center"),
                        C("{{ b.realisasi|nilai }}", align="center"),
                        C("{{ b.akhir|nilai }}", align="center"),
                        C("{{ b.capaian|desimal }}", align="center"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")

    d.tag("{%p if tabel.nasional %}")
    d.h("Perbandingan dengan Capaian Nasional", 3)
    d.caption("Perbandingan Realisasi Kinerja dengan Capaian Nasional atau Standar")
    d.table(
        Table(
            [0.8, 5, 1.4, 1.8, 1.8, 1.6, 3.6],
            rows=[
                header(
                    "No",
                    "Indikator Kinerja",
                    "Satuan",
                    "Realisasi",
                    "Nasional / Standar",
                    "Selisih",
                    "Keterangan",
                ),
                numbers(7),
                Tag("for b in tabel.nasional.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        C("{{ b.satuan }}", align="center"),
                        C("{{ b.realisasi|nilai }}", align="center"),
                        C("{{ b.nilai|nilai }}", align="center"),
                        C("{{ b.selisih|nilai }}", align="center"),
                        C("{{ b.keterangan }}"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")


def per_sasaran(d: Doc) -> None:
    d.tag("{%p for s in bagian_sasaran %}")
    d.h("Sasaran {{ s.nomor }}: {{ s.uraian }}", 3)
    d.p(
        "Sasaran ini diukur dengan {{ s.jumlah_indikator }} indikator kinerja"
        "{% if s.rata_rata is not none %} dengan rata-rata capaian {{ s.rata_rata|persen }}"
        "{% if ada.kategori %} (kategori {{ s.kategori }}){% endif %}{% endif %}."
    )
    d.caption("Realisasi dan Capaian Indikator Sasaran {{ s.nomor }}")
    d.table(
        Table(
            [0.8, 5.6, 1.6, 1.6, 1.6, 1.6, 0.3, 2.4, 0.3],
            rows=[
                *kategori_header(
                    "No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"
                ),
                Tag("for b in s.baris"),
                Row([C("{{ b.no }}", align="center"), *indikator_cells()]),
                Tag("endfor"),
                Tag("if s.rata_rata is not none"),
                Row(
                    [
                        C("Rata-rata capaian", span=5, align="center", bold=True),
                        C("{{ s.rata_rata|desimal }}", align="center", bold=True),
                        *if_kategori(C("{{ s.kategori }}", align="center", bold=True)),
                    ]
                ),
                Tag("endif"),
            ],
        )
    )
    for key, label in (
        ("penyebab", "Penyebab keberhasilan atau kegagalan"),
        ("solusi", "Alternatif solusi yang telah dilakukan"),
        ("lainnya", "Faktor lain yang memengaruhi capaian"),
    ):
        d.tag(f"{{%p if s.narasi.{key} %}}")
        d.p(label, "Sub Judul")
        d.tag(f"{{{{p s.narasi.{key} }}}}")
        d.tag("{%p endif %}")
    d.tag("{%p if s.program or s.narasi.program_pendukung %}")
    d.p("Program dan kegiatan yang menunjang", "Sub Judul")
    d.narasi("s.narasi.program_pendukung")
    d.tag("{%p if s.program %}")
    d.caption("Program dan Kegiatan Penunjang Sasaran {{ s.nomor }}")
    d.table(
        Table(
            [1.2, 5, 4.6, 1.7, 1.7, 1.8],
            rows=[
                header(
                    "No",
                    "Program / Kegiatan / Sub Kegiatan",
                    "Indikator",
                    "Target",
                    "Realisasi",
                    "Capaian (%)",
                ),
                numbers(6),
                Tag("for b in s.program"),
                *level_rows(
                    [
                        C("{{ b.no }}", align="center", vmerge="b.vm"),
                        None,
                        C("{{ b.indikator }}"),
                        C("{{ b.target|nilai_satuan(b.satuan) }}", align="center"),
                        C("{{ b.realisasi|nilai_satuan(b.satuan) }}", align="center"),
                        C("{{ b.capaian|desimal }}", align="center"),
                    ]
                ),
                Tag("endfor"),
            ],
        )
    )
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")
    d.tag("{%p endfor %}")


def level_rows(cells: list[C | None]) -> list[Row | Tag]:
    """Row variants for program (bold), kegiatan and sub kegiatan (indented) budget rows.

    ``None`` in ``cells`` marks where the name cell goes.
    """
    rows: list[Row | Tag] = []
    for i, (level, bold, italic, indent) in enumerate(
        (
            ("program", True, False, 0),
            ("kegiatan", False, False, 0.3),
            ("sub_kegiatan", False, True, 0.6),
        )
    ):
        rows.append(Tag(("if" if i == 0 else "elif") + f" b.level == '{level}'"))
        name = C("{{ b.nama }}", vmerge="b.vm", bold=bold, italic=italic, indent=indent)
        rows.append(Row([name if c is None else c for c in cells]))
    rows.append(Tag("endif"))
    return rows


def efficiency(d: Doc) -> None:
    d.tag("{%p if tabel.efisiensi %}")
    d.h("Efisiensi Penggunaan Sumber Daya", 3)
    d.p(
        "Efisiensi penggunaan anggaran dinilai dengan membandingkan capaian kinerja setiap "
        "sasaran dengan serapan anggarannya: {{ pengaturan.rumus_efisiensi }}. "
        "{{ teks.efisien }}"
    )
    d.add(section_break())
    d.caption("Efisiensi Penggunaan Sumber Daya {{ laporan.periode }}")
    merged = "b.vm_sasaran"
    d.table(
        Table(
            [1.0, 3.8, 3.5, 1.6, 1.6, 1.5, 1.7, 2.5, 2.5, 1.5, 1.5, 1.9],
            rows=[
                *two_row_header(
                    "No",
                    "Sasaran Strategis",
                    "Indikator Kinerja",
                    Group(
                        "Kinerja",
                        labels("Target", "Realisasi", "Capaian (%)", "Rata-rata Sasaran (%)"),
                    ),
                    Group("Anggaran", labels("Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)")),
                    "Tingkat Efisiensi",
                    "Ket.",
                ),
                numbers(12),
                Tag("for b in tabel.efisiensi.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center", vmerge=merged),
                        C("{{ b.sasaran }}", vmerge=merged),
                        C("{{ b.nama }}"),
                        C("{{ b.target|nilai }}", align="center"),
                        C("{{ b.realisasi|nilai }}", align="center"),
                        C("{{ b.capaian|desimal }}", align="center"),
                        C("{{ b.rata_rata|desimal }}", align="center", vmerge=merged),
                        C("{{ b.pagu|rupiah('tabel') }}", align="right", vmerge=merged),
                        C(
                            "{{ b.realisasi_anggaran|rupiah('tabel') }}",
                            align="right",
                            vmerge=merged,
                        ),
                        C("{{ b.serapan|desimal }}", align="center", vmerge=merged),
                        C("{{ b.efisiensi|desimal }}", align="center", vmerge=merged),
                        C("{{ b.verdict }}", align="center", vmerge=merged),
                    ]
                ),
                Tag("endfor"),
                Row(
                    [
                        C("JUMLAH", span=6, align="center", bold=True),
                        C(
                            "{{ tabel.efisiensi.total.rata_rata|desimal }}",
                            align="center",
                            bold=True,
                        ),
                        C(
                            "{{ tabel.efisiensi.total.pagu|rupiah('tabel') }}",
                            align="right",
                            bold=True,
                        ),
                        C(
                            "{{ tabel.efisiensi.total.realisasi|rupiah('tabel') }}",
                            align="right",
                            bold=True,
                        ),
                        C("{{ tabel.efisiensi.total.serapan|desimal }}", align="center", bold=True),
                        C(
                            "{{ tabel.efisiensi.total.efisiensi|desimal }}",
                            align="center",
                            bold=True,
                        ),
                        C("{{ tabel.efisiensi.total.verdict }}", align="center", bold=True),
                    ]
                ),
            ],
        )
    )
    d.add(section_break(landscape=True))
    d.tag("{%p for s in tabel.efisiensi.narasi %}")
    d.p("Sasaran {{ s.nomor }}: {{ s.uraian }}", "Sub Judul")
    d.tag("{{p s.teks }}")
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")


def budget(d: Doc) -> None:
    d.tag("{%p if ada.anggaran %}")
    d.h("{{ pengaturan.judul_anggaran }}", 2)
    d.narasi("narasi.realisasi_anggaran")
    d.p(
        "Pagu anggaran {{ instansi.nama }} {{ laporan.periode }} sebesar "
        "{{ anggaran.total.pagu|rupiah }} ({{ anggaran.total.pagu|terbilang_rupiah }}) "
        "dialokasikan untuk {{ anggaran.jumlah_program }} program"
        "{% if anggaran.jumlah_sub_kegiatan %}, {{ anggaran.jumlah_kegiatan }} kegiatan dan "
        "{{ anggaran.jumlah_sub_kegiatan }} sub kegiatan{% else %} dan "
        "{{ anggaran.jumlah_kegiatan }} kegiatan{% endif %}."
        "{% if ada.realisasi_anggaran %} Realisasi anggaran sebesar "
        "{{ anggaran.total.realisasi|rupiah }} ({{ anggaran.total.realisasi|terbilang_rupiah }}) "
        "atau {{ anggaran.total.serapan|persen }} dari pagu, sehingga terdapat sisa anggaran "
        "sebesar {{ anggaran.total.sisa|rupiah }} "
        "({{ anggaran.total.sisa|terbilang_rupiah }}).{% endif %}"
    )
    money = [
        C("{{ b.pagu|rupiah('tabel') }}", align="right"),
        C("{{ b.realisasi|rupiah('tabel') }}", align="right"),
        C("{{ b.sisa|rupiah('tabel') }}", align="right"),
        C("{{ b.serapan|desimal }}", align="center"),
    ]

    def total_row(expr: str, span: int) -> Row:
        return Row(
            [
                C("{{ " + expr + ".label }}", span=span, align="center", bold=True),
                *(
                    C(c.text.replace("b.", f"{expr}."), align=c.align, bold=True)  # type: ignore[union-attr]
                    for c in money
                ),
            ]
        )

    d.tag("{%p if tabel.anggaran_sasaran %}")
    d.caption("Anggaran dan Realisasi per Sasaran Strategis {{ laporan.periode }}")
    d.table(
        Table(
            [0.8, 5.6, 2.5, 2.5, 2.4, 1.6, 1.6],
            rows=[
                header(
                    "No",
                    "Sasaran Strategis",
                    "Pagu (Rp)",
                    "Realisasi (Rp)",
                    "Sisa (Rp)",
                    "Serapan (%)",
                    "% dari Total",
                ),
                numbers(7),
                Tag("for b in tabel.anggaran_sasaran.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.nama }}"),
                        *money,
                        C("{{ b.persen_total|desimal }}", align="center"),
                    ]
                ),
                Tag("endfor"),
                Row(total_row("tabel.anggaran_sasaran.total", 2).cells + [C("")]),
            ],
        )
    )
    d.tag("{%p endif %}")
    for key, title, label in (
        ("sumber_dana", "Anggaran dan Realisasi per Sumber Dana", "Sumber Dana"),
    ):
        d.tag(f"{{%p if tabel.{key} %}}")
        d.caption(title + " {{ laporan.periode }}")
        d.table(
            Table(
                [0.8, 5.6, 2.5, 2.5, 2.4, 1.6, 1.6],
                rows=[
                    header(
                        "No",
                        label,
                        "Pagu (Rp)",
                        "Realisasi (Rp)",
                        "Sisa (Rp)",
                        "Serapan (%)",
                        "% dari Total",
                    ),
                    numbers(7),
                    Tag(f"for b in tabel.{key}.baris"),
                    Row(
                        [
                            C("{{ b.no }}", align="center"),
                            C("{{ b.nama }}"),
                            *money,
                            C("{{ b.persen_total|desimal }}", align="center"),
                        ]
                    ),
                    Tag("endfor"),
                    Row(total_row(f"tabel.{key}.total", 2).cells + [C("")]),
                ],
            )
        )
        d.tag("{%p endif %}")
    d.tag("{%p if tabel.belanja %}")
    d.caption("Anggaran dan Realisasi per Jenis Belanja {{ laporan.periode }}")
    d.table(
        Table(
            [1.0, 6.4, 2.5, 2.5, 2.2, 1.4],
            rows=[
                header(
                    "No", "Jenis Belanja", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Serapan (%)"
                ),
                numbers(6),
                Tag("for b in tabel.belanja.baris"),
                Tag("if b.induk"),
                Row(
                    [
                        C("{{ b.no }}", align="center", bold=True),
                        C("{{ b.nama }}", bold=True),
                        *(C(c.text, align=c.align, bold=True) for c in money),
                    ]
                ),
                Tag("else"),
                Row([C("{{ b.no }}", align="center"), C("{{ b.nama }}", indent=0.4), *money]),
                Tag("endif"),
                Tag("endfor"),
                total_row("tabel.belanja.total", 2),
            ],
        )
    )
    d.tag("{%p endif %}")

    d.tag("{%p if tabel.anggaran %}")
    d.add(section_break())
    d.caption(
        "Realisasi Anggaran dan Kinerja Program, Kegiatan dan Sub Kegiatan {{ laporan.periode }}"
    )

    def if_kode(cell: C) -> list[C]:
        return [C("{%tc if tabel.anggaran.kode %}", width=0.3), cell, C("{%tc endif %}", width=0.3)]

    d.table(
        Table(
            [1.0, 0.3, 2.8, 0.3, 4.4, 3.6, 1.5, 1.5, 1.5, 2.3, 2.3, 1.4, 2.4],
            width=24.7,
            rows=[
                *two_row_header(
                    "No",
                    if_kode(C("Kode")),
                    "Program / Kegiatan / Sub Kegiatan",
                    Group("Kinerja", labels("Indikator", "Target", "Realisasi", "Capaian (%)")),
                    Group("Anggaran", labels("Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)")),
                    "Sumber Dana",
                ),
                number_loop("tabel.anggaran.nomor"),
                Tag("for b in tabel.anggaran.baris"),
                *level_rows(
                    [
                        C("{{ b.no }}", align="center", vmerge="b.vm"),
                        *if_kode(C("{{ b.kode }}", vmerge="b.vm")),
                        None,
                        C("{{ b.indikator }}"),
                        C("{{ b.target|nilai_satuan(b.satuan) }}", align="center"),
                        C("{{ b.realisasi|nilai_satuan(b.satuan) }}", align="center"),
                        C("{{ b.capaian|desimal }}", align="center"),
                        C("{{ b.pagu|rupiah('tabel') }}", align="right", vmerge="b.vm"),
                        C(
                            "{{ b.realisasi_anggaran|rupiah('tabel') }}",
                            align="right",
                            vmerge="b.vm",
                        ),
                        C("{{ b.serapan|desimal }}", align="center", vmerge="b.vm"),
                        C("{{ b.sumber_dana }}", align="center", vmerge="b.vm"),
                    ]
                ),
                Tag("endfor"),
                Row(
                    [
                        C(
                            "JUMLAH",
                            span=9,
                            colspan="tabel.anggaran.lebar_jumlah",
                            align="center",
                            bold=True,
                        ),
                        C("{{ anggaran.total.pagu|rupiah('tabel') }}", align="right", bold=True),
                        C(
                            "{{ anggaran.total.realisasi|rupiah('tabel') }}",
                            align="right",
                            bold=True,
                        ),
                        C("{{ anggaran.total.serapan|desimal }}", align="center", bold=True),
                        C(""),
                    ]
                ),
            ],
        )
    )
    d.add(section_break(landscape=True))
    d.tag("{%p endif %}")
    d.tag("{%p endif %}")


def bab4(d: Doc) -> None:
    d.h("BAB IV PENUTUP", 1)
    d.narasi("narasi.penutup")
    d.h("Simpulan", 2)
    d.p(
        "Laporan Kinerja {{ laporan.periode }} ini mengukur {{ ringkasan.jumlah_sasaran }} "
        "({{ ringkasan.jumlah_sasaran|terbilang }}) sasaran strategis {{ instansi.nama }} "
        "{{ instansi.pemda }} dengan {{ ringkasan.jumlah_indikator }} "
        "({{ ringkasan.jumlah_indikator|terbilang }}) indikator kinerja."
    )
    capaian_sentences(d)
    d.tag("{%p if ringkasan.jumlah_terukur and ada.kategori %}")
    d.caption("Rekapitulasi Kategori Capaian Indikator Kinerja")
    d.table(
        Table(
            [1, 7, 4],
            rows=[
                header("No", "Kategori", "Jumlah Indikator"),
                numbers(3),
                Tag("for b in tabel.kategori.baris"),
                Row(
                    [
                        C("{{ b.no }}", align="center"),
                        C("{{ b.label }}", bg="b.warna"),
                        C("{{ b.jumlah }}", align="center"),
                    ]
                ),
                Tag("endfor"),
                Row(
                    [
                        C("Jumlah", span=2, align="center", bold=True),
                        C("{{ ringkasan.jumlah_terukur }}", align="center", bold=True),
                    ]
                ),
            ],
        )
    )
    d.tag("{%p endif %}")
    d.tag("{%p if ringkas.per_misi %}")
    d.p("Rata-rata capaian per misi:")
    d.tag("{%p for m in ringkas.per_misi %}")
    d.p(
        "Misi {{ m.nomor }} ({{ m.uraian }}): {{ m.rata_rata|persen }}"
        "{% if ada.kategori %}, kategori {{ m.kategori }}{% endif %}",
        "List Bullet",
    )
    d.tag("{%p endfor %}")
    d.tag("{%p endif %}")
    d.tag("{%p if ada.realisasi_anggaran %}")
    d.p(
        "Realisasi anggaran mencapai {{ anggaran.total.serapan|persen }} dari pagu "
        "{{ anggaran.total.pagu|rupiah }}, dengan sisa anggaran "
        "{{ anggaran.total.sisa|rupiah }} ({{ anggaran.total.sisa|terbilang_rupiah }})."
    )
    d.tag("{%p endif %}")
    d.tag("{%p if narasi.langkah_perbaikan %}")
    d.h("Langkah Perbaikan", 2)
    d.tag("{{p narasi.langkah_perbaikan }}")
    d.tag("{%p endif %}")
    d.p("")
    signature(d, "ttd.kepala", place_date="{{ laporan.tempat }}, {{ laporan.tanggal|tanggal }}")


# ---------------------------------------------------------------- documents


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>lkjip_gen</Application><Company/></Properties>"
)


def new_document() -> docx.document.Document:
    """python-docx's default document without its theme leftovers, thumbnail and custom XML."""
    document = docx.Document()
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(("/thumbnail", "/customXml", "/stylesWithEffects")):
                del rels[rid]
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.encode()  # noqa: SLF001
    styles(document)
    numbering(document)
    settings(document)
    body = document.element.body
    for child in list(body):
        body.remove(child)
    return document


def save(
    document: docx.document.Document, d: Doc, title: str, path: Path, *, footers: bool = False
) -> None:
    """Write the body and fixed document properties, then the normalized package."""
    body = document.element.body
    for xml in d.parts:
        body.append(element(xml))
    body.append(element(sect_pr()))
    if footers:
        add_footers(document)
    core = document.core_properties
    core.title, core.author, core.last_modified_by = title, "lkjip_gen", "lkjip_gen"
    core.subject = core.keywords = core.comments = core.category = ""
    core.revision = 1
    core.created = core.modified = datetime(2024, 1, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(normalize_docx(buffer.getvalue()))


def add_footers(document: docx.document.Document) -> None:
    """Page numbers: roman in the front matter (none on the cover), arabic from Bab I."""
    sections = document.sections
    front, main = sections[0], sections[1]
    front.different_first_page_header_footer = True
    front.first_page_footer.is_linked_to_previous = False
    front.footer.is_linked_to_previous = False
    main.footer.is_linked_to_previous = False
    for section, with_text in ((front, False), (main, True)):
        footer = section.footer
        footer.paragraphs[0]._p.getparent().remove(footer.paragraphs[0]._p)  # noqa: SLF001
        if with_text:
            footer._element.append(
                element(
                    para(  # noqa: SLF001
                        "LKjIP {{ instansi.nama }} {{ instansi.pemda }} {{ laporan.periode }}",
                        "Footer",
                        italic=True,
                    )
                )
            )
        footer._element.append(
            element(
                para(  # noqa: SLF001
                    style="Footer", runs=field_runs("PAGE", "1")
                )
            )
        )
    # Sections after Bab I may vanish with their tables (landscape pages), so each of them
    # names the footer itself instead of inheriting it from a section that may be gone.
    reference = main._sectPr.find(qn("w:footerReference"))  # noqa: SLF001
    for section in sections[2:]:
        section._sectPr.insert(0, copy.deepcopy(reference))  # noqa: SLF001


def lkjip(path: Path) -> None:
    document = new_document()
    d = Doc()
    front_matter(d)
    bab1(d)
    bab2(d)
    bab3(d)
    bab4(d)
    pk(d, standalone=False)
    save(document, d, "Laporan Kinerja Instansi Pemerintah", path, footers=True)


def pk_only(path: Path) -> None:
    document = new_document()
    d = Doc()
    pk(d, standalone=True)
    save(document, d, "Perjanjian Kinerja", path)


def main(out: Path = OUT) -> list[Path]:
    """Write both templates into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "lkjip.docx", out / "pk.docx"]
    lkjip(paths[0])
    pk_only(paths[1])
    return paths


if __name__ == "__main__":
    for written in main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(f"ditulis: {written}")
