"""Generate the default template pack templates/default/: templat.yaml and one .docx per part.

Run ``python tools/make_templates.py`` after changing this file and commit the outputs; a test
checks that the committed pack is what this script writes. The parts stay ordinary Word
documents: ``gaya`` holds the styles (Heading 1–3, Body Text, List Bullet/Number, Kepala Tabel,
Isi Tabel, the "Tabel LKjIP" table style …), page setup and footers; ``sampul``, ``depan``,
``bab1``…``bab4``, ``lampiran`` and ``pk`` hold the text, one builder function each (see
BODIES). lkjip_gen.render.assemble lays the parts' bodies into the gaya package before
rendering; an office's pack may replace any of them.

The tags read the template context built by ``lkjip_gen.render.context`` (the report model of
docs/model.md plus display rows). Besides docxtpl's tags (``{%p %}``, ``{%tr %}``, ``{%tc %}``,
``{{p }}``, ``{% colspan %}``, ``{% cellbg %}``) there is one of ours: ``{% vmerge EXPR %}`` at the
start of a cell merges it with the cell above when EXPR is "continue".
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import templates_cycle  # noqa: E402
from docxkit import (  # noqa: E402
    BODY_SIZE,
    FONT,
    HEADER_FILL,
    TEXT_WIDTH,
    C,
    Group,
    Row,
    Table,
    Tag,
    bold_row,
    define_style,
    element,
    field_runs,
    heading,
    if_column,
    loop_cells,
    number_loop,
    numbering_xml,
    numbers,
    page_break,
    para,
    ppr,
    repeat,
    rpr,
    run,
    sect_pr,
    section_break,
    tag,
    total_row,
    two_row_header,
)

from lkjip_gen.output.files import normalize_docx  # noqa: E402
from lkjip_gen.render.contract import MODEL_VERSION  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "templates" / "default"


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

    def blank(self, count: int) -> None:
        for _ in range(count):
            self.p("")

    @contextmanager
    def when(self, expr: str) -> Iterator[None]:
        """What is written inside is printed only when ``expr`` holds."""
        self.tag(f"{{%p if {expr} %}}")
        yield
        self.tag("{%p endif %}")

    @contextmanager
    def each(self, loop: str) -> Iterator[None]:
        """What is written inside is printed once per item; ``loop`` reads "x in items"."""
        self.tag(f"{{%p for {loop} %}}")
        yield
        self.tag("{%p endfor %}")

    def lines(self, items: str, style: str, name: str = "item") -> None:
        """One paragraph in ``style`` per item of the list ``items``."""
        with self.each(f"{name} in {items}"):
            self.p(f"{{{{ {name} }}}}", style)

    def narasi(self, expr: str) -> None:
        """A narrative field, printed only when the office wrote it."""
        with self.when(expr):
            self.tag(f"{{{{p {expr} }}}}")

    def titled(self, title: str, expr: str, level: int = 2) -> None:
        """A heading over a narrative field, both printed only when the office wrote it."""
        with self.when(expr):
            self.h(title, level)
            self.tag(f"{{{{p {expr} }}}}")

    @contextmanager
    def narasi_or(self, expr: str) -> Iterator[None]:
        """The office's narrative field when written, else the standard text written inside."""
        self.tag(f"{{%p if {expr} %}}")
        self.tag(f"{{{{p {expr} }}}}")
        self.tag("{%p else %}")
        yield
        self.tag("{%p endif %}")

    def caption(self, text: str) -> None:
        """A table title; render.finish prefixes "Tabel <bab>.<n>" and Daftar Tabel lists it."""
        self.p(text, "Judul Tabel")

    def table(self, widths: list[float], *rows: Row | Tag, width: float | None = None) -> None:
        """A table and a small empty paragraph after it (two tables touching would merge)."""
        self.add(Table(widths, list(rows), width=width).xml(), para("", "Spasi Tabel"))

    def source(self, expr: str) -> None:
        with self.when(expr):
            self.p(f"Sumber: {{{{ {expr} }}}}", "Sumber Tabel")


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
            + rpr(font=FONT, size=BODY_SIZE).replace(
                "</w:rPr>", '<w:lang w:val="id-ID" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>'
            )
            + "</w:rPrDefault><w:pPrDefault>"
            + ppr()
            + "</w:pPrDefault></w:docDefaults>"
        ),
    )
    s = define_style
    s(document, "Normal", based="", pPr=ppr(), rPr=rpr(), builtin=True)
    s(document, "Body Text", pPr=ppr(first=1.0, **body), builtin=True)
    for level, size, before, after in ((1, 14, 0, 18), (2, 12, 12, 6), (3, None, 10, 4)):
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
        rPr=rpr(bold=True),
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
    s(document, "Tanda Tangan", pPr=ppr(align="center"), rPr=rpr())
    s(document, "Teks Tengah", pPr=ppr(align="center", line=1.5, after=6), rPr=rpr())
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
            rPr=rpr(bold=level == 1),
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
        rPr=rpr(),
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


# ---------------------------------------------------------------- cells


def labels(*texts: str) -> list[C]:
    return [C(text) for text in texts]


def centre(text: str | list[str], **kw: Any) -> C:
    return C(text, align="center", **kw)


def no_cell(**kw: Any) -> C:
    """The row-number cell every table starts with."""
    return centre("{{ b.no }}", **kw)


def money(expr: str, **kw: Any) -> C:
    """An amount in a table: right-aligned, in the table style without "Rp" and sen."""
    return C(f"{{{{ {expr}|rupiah('tabel') }}}}", align="right", **kw)


def percent(expr: str, **kw: Any) -> C:
    """A percentage under a "(%)" header: padded to the office's decimals, no sign."""
    return centre(f"{{{{ {expr}|desimal }}}}", **kw)


def with_unit(expr: str, **kw: Any) -> C:
    """A target or realisasi with the row's unit, as offices print them: "48%", "380 orang"."""
    return centre(f"{{{{ {expr}|nilai_satuan(b.satuan) }}}}", **kw)


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


def lampiran(d: Doc) -> None:
    """The LKjIP's annex title page; the annex itself is the pk part."""
    d.p("LAMPIRAN: PERJANJIAN KINERJA TAHUN {{ laporan.tahun }}", "Judul Bagian")
    d.add(page_break())


def pk(d: Doc) -> None:
    """The Perjanjian Kinerja: statement page with the fixed wording, then the annex.

    The same part is the PK document and the LKjIP's annex.
    """
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
    party(d, "ttd.kepala", "selanjutnya disebut pihak pertama.")
    with d.when("ttd.atasan"):
        party(
            d,
            "ttd.atasan",
            "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.",
        )
    d.p(
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab kami."
    )
    with d.when("ttd.atasan"):
        d.p(
            "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
            "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
            "dalam rangka pemberian penghargaan dan sanksi."
        )
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
        [1, 6, 6, 3],
        *heading("No", "Sasaran Strategis", "Indikator Kinerja", "Target"),
        *repeat(
            "tabel.pk_sasaran.baris",
            [
                no_cell(vmerge="b.vm"),
                C("{{ b.sasaran }}", vmerge="b.vm"),
                C("{{ b.indikator }}"),
                with_unit("b.target"),
            ],
        ),
    )
    with d.when("tabel.pk_program"):
        d.p("")
        d.table(
            [1, 9, 3.5, 2.5],
            *heading("No", "Program", "Anggaran (Rp)", "Keterangan"),
            *repeat(
                "tabel.pk_program.baris",
                [
                    no_cell(),
                    C("{{ b.nama }}"),
                    money("b.pagu"),
                    C("{{ b.keterangan }}"),
                ],
            ),
            total_row(
                "Jumlah Anggaran",
                2,
                money("tabel.pk_program.jumlah"),
                C(""),
                align="left",
            ),
        )
    pk_signatures(d, place)


def party(d: Doc, who: str, role: str) -> None:
    """A signatory's name and position on the PK statement page, then the role it takes."""
    d.add(
        Table(
            [3, 0.5, 12.5],
            style="Tabel Tanpa Garis",
            center=False,
            rows=[
                Row(
                    [
                        C(label, align="left", style="Tanda Tangan"),
                        C(":", style="Tanda Tangan"),
                        C(f"{{{{ {who}.{key} }}}}", align="left", style="Tanda Tangan"),
                    ]
                )
                for label, key in (("Nama", "nama"), ("Jabatan", "jabatan"))
            ],
        ).xml()
    )
    d.p(role)


def pk_signatures(d: Doc, place: str) -> None:
    d.p("")
    d.tag("{%p if ttd.atasan %}")
    signature(d, "ttd.kepala", place_date=place, left="ttd.atasan")
    d.tag("{%p else %}")
    signature(d, "ttd.kepala", place_date=place)
    d.tag("{%p endif %}")


# ---------------------------------------------------------------- the LKjIP


def sampul(d: Doc) -> None:
    """The cover: the regency, the title, the logo, the office and its address (kop)."""
    d.blank(3)
    d.p("PEMERINTAH {{ instansi.pemda|upper }}", "Judul Sampul")
    d.blank(3)
    d.p("{{ judul.laporan }}", "Judul Sampul", size=18)
    with d.when("judul.singkatan"):
        d.p("{{ judul.singkatan }}", "Judul Sampul")
    d.p("{{ laporan.periode|upper }}", "Judul Sampul")
    d.blank(3)
    d.tag("{%p if gambar.logo %}")
    d.p("{{ gambar.logo }}", "Teks Tengah")
    d.tag("{%p else %}")
    d.blank(6)
    d.tag("{%p endif %}")
    d.blank(3)
    d.p("{{ instansi.nama|upper }}", "Judul Sampul")
    d.lines("judul.alamat", "Teks Tengah", name="line")
    with d.when("instansi.kota"):
        d.p("{{ instansi.kota|upper }}", "Judul Sampul")


def depan(d: Doc) -> None:
    """The front matter after the cover: foreword, executive summary, tables of contents."""
    d.p("Kata Pengantar", "Judul Bagian")
    with d.narasi_or("narasi.kata_pengantar"):
        d.p(
            "Laporan Kinerja Instansi Pemerintah (LKjIP) {{ instansi.nama }} {{ instansi.pemda }} "
            "{{ laporan.periode }} disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas "
            "dan fungsi serta pencapaian sasaran yang ditetapkan dalam Perjanjian Kinerja. Semoga "
            "laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja."
        )
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
    with d.when("ada.anggaran"):
        d.p(
            "Untuk mencapai sasaran tersebut tersedia anggaran sebesar "
            "{{ anggaran.total.pagu|rupiah }}{% if ada.realisasi_anggaran %} dengan realisasi "
            "{{ anggaran.total.realisasi|rupiah }} atau {{ anggaran.total.serapan|persen }}"
            "{% endif %}."
        )

    for title, instruction, what in (
        ("Daftar Isi", 'TOC \\o "1-3" \\h \\z \\u', "Daftar isi"),
        ("Daftar Tabel", 'TOC \\h \\z \\t "Judul Tabel,1"', "Daftar tabel"),
    ):
        d.p(title, "Judul Bagian")
        d.add(
            para(
                style="Normal",
                runs=field_runs(
                    instruction,
                    f"{what} diperbarui saat PDF dibuat, atau di Word dengan klik kanan lalu "
                    "Perbarui Bidang.",
                ),
            )
        )


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
    with d.when("ringkas.belum_terukur"):
        d.p("Sebanyak {{ ringkas.belum_terukur }} indikator belum dapat diukur pada periode ini.")
    d.tag("{%p else %}")
    d.p("Realisasi indikator kinerja belum diukur pada periode ini.")
    d.tag("{%p endif %}")


def bab1(d: Doc) -> None:
    d.h("BAB I PENDAHULUAN", 1)
    d.titled("Latar Belakang", "narasi.latar_belakang")
    with d.when("dasar_hukum"):
        d.h("Dasar Hukum", 2)
        d.p("Dasar hukum penyusunan Laporan Kinerja ini adalah:")
        d.lines("dasar_hukum", "List Number")
    d.titled("Maksud dan Tujuan", "narasi.maksud_tujuan")

    with d.when("ada.gambaran_umum"):
        d.h("Gambaran Umum Organisasi", 2)
        d.narasi("narasi.gambaran_umum")
        d.titled("Kedudukan", "organisasi.kedudukan", level=3)
        with d.when("organisasi.tugas or organisasi.fungsi"):
            d.h("Tugas dan Fungsi", 3)
            d.narasi("organisasi.tugas")
            with d.when("organisasi.fungsi"):
                d.p(
                    "Untuk melaksanakan tugas tersebut, {{ instansi.nama }} menyelenggarakan "
                    "fungsi:"
                )
                d.lines("organisasi.fungsi", "Daftar Huruf")
        with d.when("tabel.unit or gambar.bagan"):
            structure(d)
        with d.when("tabel.kondisi"):
            d.h("Kondisi Umum", 3)
            with d.each("k in tabel.kondisi"):
                d.caption("{{ k.judul }}")
                d.table(
                    [1, 6, 2, 0.3, 1.8, 0.3],
                    Row(
                        [
                            *labels("No", "Uraian", "Satuan"),
                            *loop_cells("k.tahun", "{{ x }}", 1.8),
                        ],
                        header=True,
                    ),
                    number_loop("k.nomor"),
                    *repeat(
                        "k.baris",
                        [
                            no_cell(),
                            C("{{ b.uraian }}"),
                            centre("{{ b.satuan }}"),
                            *loop_cells("b.sel", "{{ x }}", 1.8, align="right"),
                        ],
                    ),
                    width=TEXT_WIDTH,
                )
                d.source("k.sumber")

    with d.when("ada.sumber_daya"):
        d.h("Sumber Daya", 2)
        d.narasi("narasi.sumber_daya")
        with d.each("k in tabel.sdm"):
            d.caption("{{ k.judul }}")
            d.table(
                [1, 5, 0.3, 2, 0.3],
                Row(
                    [C("No"), C("{{ k.kelompok }}"), *loop_cells("k.kepala", "{{ x }}", 2)],
                    header=True,
                ),
                number_loop("k.nomor"),
                *repeat(
                    "k.baris",
                    [
                        no_cell(),
                        C("{{ b.label }}"),
                        *loop_cells("b.sel", "{{ x }}", 2, align="center"),
                    ],
                ),
                total_row("JUMLAH", 2, *loop_cells("k.total", "{{ x }}", 2, align="center")),
                width=TEXT_WIDTH,
            )
            d.source("k.sumber")
        with d.when("tabel.sarana"):
            counts = ("jumlah", "baik", "kurang_baik", "rusak_berat")
            d.caption("{{ tabel.sarana.judul }}")
            d.table(
                [1, 5, 1.8, 1.8, 1.8, 1.8, 2.8],
                *two_row_header(
                    "No",
                    "Jenis Barang",
                    "Jumlah",
                    Group("Kondisi Barang", labels("Baik", "Kurang Baik", "Rusak Berat")),
                    "Keterangan",
                ),
                numbers(7),
                *repeat(
                    "tabel.sarana.baris",
                    [
                        no_cell(),
                        C("{{ b.nama }}"),
                        *(centre(f"{{{{ b.{k}|angka }}}}") for k in counts),
                        C("{{ b.keterangan }}"),
                    ],
                ),
                total_row(
                    "JUMLAH",
                    2,
                    *(centre(f"{{{{ tabel.sarana.total.{k}|angka }}}}") for k in counts),
                    C(""),
                ),
            )
            d.source("tabel.sarana.catatan")

    d.titled("Peran Strategis", "narasi.peran_strategis")
    d.titled("Isu Strategis", "narasi.isu_strategis")
    d.titled("Permasalahan dan Solusi", "narasi.permasalahan_solusi")
    d.h("Sistematika Penyajian", 2)
    with d.narasi_or("narasi.sistematika"):
        d.p("Laporan Kinerja ini disajikan dengan sistematika sebagai berikut:")
        for line in (
            "Bab I Pendahuluan: latar belakang, dasar hukum, maksud dan tujuan, serta gambaran "
            "umum organisasi.",
            "Bab II Perencanaan Kinerja: visi, misi, tujuan, sasaran, indikator kinerja utama, "
            "strategi dan arah kebijakan, serta Perjanjian Kinerja.",
            "Bab III Akuntabilitas Kinerja: capaian kinerja setiap sasaran dengan analisisnya dan "
            "realisasi anggaran.",
            "Bab IV Penutup: simpulan atas capaian kinerja dan langkah perbaikan ke depan.",
        ):
            d.p(line, "List Bullet")


def structure(d: Doc) -> None:
    """Struktur Organisasi: the table of units, the chart, then each unit's tasks."""
    d.h("Struktur Organisasi", 3)
    with d.when("tabel.unit"):
        d.p("Susunan organisasi {{ instansi.nama }} {{ instansi.pemda }} adalah sebagai berikut.")
        d.caption("Susunan Organisasi {{ instansi.nama }}")
        d.table(
            [1, 7.5, 2, 5.5],
            *heading("No", "Unit Kerja", "Eselon", "Pejabat"),
            *repeat(
                "tabel.unit.baris",
                Tag("if b.induk"),
                [
                    no_cell(bold=True),
                    C("{{ b.nama }}", bold=True),
                    centre("{{ b.eselon }}"),
                    C("{{ b.pejabat }}"),
                ],
                Tag("else"),
                [
                    no_cell(),
                    C("{{ b.nama }}", indent=0.4),
                    centre("{{ b.eselon }}"),
                    C("{{ b.pejabat }}"),
                ],
                Tag("endif"),
            ),
        )
    with d.when("gambar.bagan"):
        d.p("{{ gambar.bagan }}", "Teks Tengah")
        # Figures are titled below, tables above, as Indonesian reports do.
        d.p("Bagan Struktur Organisasi {{ instansi.nama }}", "Judul Gambar")
        with d.when("organisasi.keterangan_bagan"):
            d.p("{{ organisasi.keterangan_bagan }}", "Sumber Tabel", align="center")
    with d.each("u in tabel.unit_rincian"):
        d.p("{{ u.nama }}", "Sub Judul")
        d.narasi("u.tugas")
        with d.when("u.fungsi"):
            d.p("Fungsi:")
            d.lines("u.fungsi", "Daftar Huruf")


def bab2(d: Doc) -> None:
    d.h("BAB II PERENCANAAN KINERJA", 1)
    d.narasi("narasi.perencanaan")
    with d.when("renstra.visi or misi"):
        d.h("Visi dan Misi", 2)
        with d.when("renstra.visi"):
            d.p("Visi yang didukung oleh {{ instansi.nama }} adalah:")
            d.p("“{{ renstra.visi }}”", "Teks Tengah", bold=True, italic=True)
            d.narasi("narasi_renstra.penjelasan_visi")
        with d.when("misi"):
            d.p("Misi yang didukung oleh {{ instansi.nama }}:")
            with d.each("m in misi"):
                d.p("Misi {{ m.nomor }}: {{ m.uraian }}", "List Bullet")

    d.h("Tujuan dan Sasaran Strategis", 2)
    d.p(
        "Keterkaitan misi, tujuan, sasaran strategis dan indikatornya disajikan pada tabel berikut."
    )
    d.caption("Hubungan Misi, Tujuan dan Sasaran Strategis")
    d.table(
        [3.2, 3.3, 3, 3.5, 3],
        *heading("Misi", "Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Sasaran"),
        *repeat(
            "tabel.hierarki.baris",
            [
                C("{{ b.misi }}", vmerge="b.vm_misi"),
                C("{{ b.tujuan }}", vmerge="b.vm_tujuan"),
                C("{{ b.indikator_tujuan|baris }}", vmerge="b.vm_tujuan"),
                C("{{ b.sasaran }}", vmerge="b.vm_sasaran"),
                C("{{ b.indikator }}"),
            ],
        ),
    )

    with d.when("tabel.iku"):
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
            [0.8, 4.6, 1.4, 1.4, 0.3, 1.15, 0.3, 1.4],
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
            *repeat(
                "tabel.iku.baris",
                [
                    no_cell(),
                    C("{{ b.nama }}"),
                    centre("{{ b.satuan }}"),
                    centre("{{ b.awal|nilai }}"),
                    *loop_cells("b.target", "{{ x|nilai }}", 1.4, align="center"),
                    centre("{{ b.akhir|nilai }}"),
                ],
            ),
            width=TEXT_WIDTH,
        )

    with d.when("tabel.strategi or narasi.strategi_arah_kebijakan"):
        d.h("Strategi dan Arah Kebijakan", 2)
        d.narasi("narasi.strategi_arah_kebijakan")
        with d.when("tabel.strategi"):
            d.caption("Strategi dan Arah Kebijakan")
            d.table(
                [0.8, 4.7, 5.2, 5.3],
                *heading("No", "Sasaran Strategis", "Strategi", "Arah Kebijakan"),
                *repeat(
                    "tabel.strategi.baris",
                    [
                        no_cell(),
                        C("{{ b.sasaran }}"),
                        C(
                            ["{%p for x in b.strategi %}", "{{ x }}", "{%p endfor %}"],
                            style="Isi Tabel Butir",
                        ),
                        C(
                            ["{%p for x in b.arah %}", "{{ x }}", "{%p endfor %}"],
                            style="Isi Tabel Butir",
                        ),
                    ],
                ),
            )

    d.h("Perjanjian Kinerja", 2)
    with d.narasi_or("narasi.perjanjian_kinerja"):
        d.p(
            "Perjanjian Kinerja Tahun {{ laporan.tahun }}{{ ' (Perubahan)' if laporan.pk_perubahan "
            "else '' }} memuat sasaran strategis, indikator kinerja dan targetnya, beserta program "
            "dan anggaran yang mendukungnya, sebagai berikut."
        )
    d.caption("Perjanjian Kinerja {{ instansi.nama }} Tahun {{ laporan.tahun }}")
    d.table(
        [1.1, 3.0, 3.1, 1.5, 3.0, 2.4, 1.9],
        *heading(
            "No",
            "Sasaran Strategis",
            "Indikator Kinerja",
            "Target",
            "Program",
            "Anggaran (Rp)",
            "Ket.",
        ),
        *repeat(
            "tabel.pk.baris",
            [
                no_cell(vmerge="b.vm_sasaran"),
                C("{{ b.sasaran }}", vmerge="b.vm_sasaran"),
                C("{{ b.indikator }}", vmerge="b.vm_indikator"),
                with_unit("b.target", vmerge="b.vm_indikator"),
                C("{{ b.program }}", vmerge="b.vm_program"),
                money("b.pagu", vmerge="b.vm_program"),
                centre("{{ b.sumber_dana }}", vmerge="b.vm_program"),
            ],
        ),
        Tag("if tabel.pk.jumlah is not none"),
        total_row("JUMLAH", 5, money("tabel.pk.jumlah"), C("")),
        Tag("endif"),
    )
    with d.each("i in indikator if i.catatan_target_pk"):  # answered cek.target_pk warnings
        d.p(
            "*) {{ i.nama }}: target PK berbeda dengan Renstra — {{ i.catatan_target_pk }}",
            "Sumber Tabel",
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
    with d.each("r in tabel.rumus"):
        d.p("{{ r.judul }}: {{ r.teks }}", "List Bullet")
    d.p("{{ teks.pembulatan }} {{ teks.rata_rata }}")
    with d.when("tabel.skala"):
        d.p("Tingkat capaian dikategorikan menurut skala berikut.")
        d.caption("Skala Kategori Capaian Kinerja")
        d.table(
            [1, 6, 6],
            *heading("No", "Capaian (%)", "Kategori"),
            *repeat(
                "tabel.skala.baris",
                [
                    no_cell(),
                    centre("{{ b.rentang }}"),
                    centre("{{ b.label }}", bg="b.warna"),
                ],
            ),
        )

    d.h("Realisasi dan Capaian Kinerja", 3)
    with d.when("tabel.pembilang"):
        d.p("Realisasi indikator yang dihitung dari pembilang dan penyebut adalah sebagai berikut.")
        d.caption("Perhitungan Realisasi Indikator {{ laporan.periode }}")
        d.table(
            [0.8, 5.2, 3.6, 3.6, 2.8],
            *heading("No", "Indikator Kinerja", "Pembilang", "Penyebut", "Realisasi"),
            *repeat(
                "tabel.pembilang.baris",
                [
                    no_cell(),
                    C("{{ b.nama }}"),
                    *(
                        centre(
                            [
                                f"{{{{ b.{part}|angka }}}}",
                                f"{{%p if b.label_{part} %}}",
                                f"({{{{ b.label_{part} }}}})",
                                "{%p endif %}",
                            ]
                        )
                        for part in ("pembilang", "penyebut")
                    ),
                    with_unit("b.realisasi"),
                ],
            ),
        )
    d.p(
        "Pengukuran kinerja {{ laporan.periode }} membandingkan target dengan realisasi setiap "
        "indikator sebagai berikut."
    )
    d.caption("Pengukuran Kinerja {{ laporan.periode }}")
    d.table(
        [1.0, 3.2, 3.2, 1.4, 1.5, 1.7, 1.5, 0.3, 2.2, 0.3],
        *kategori_header(
            "No",
            "Tujuan / Sasaran Strategis",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian (%)",
        ),
        *repeat(
            "tabel.pengukuran.baris",
            Tag("if b.judul"),
            Row(
                [C("{{ b.judul }}", span=10, align="left", style="Kepala Tabel", keep_next=True)],
                fill=HEADER_FILL,
            ),
            Tag("elif b.misi"),
            Row([C("{{ b.misi }}", span=10, bold=True, keep_next=True)]),
            Tag("else"),
            [
                no_cell(vmerge="b.vm"),
                C("{{ b.induk }}", vmerge="b.vm"),
                *indikator_cells(),
            ],
            Tag("endif"),
        ),
        Tag("if ringkasan.jumlah_terukur"),
        total_row(
            "Rata-rata capaian indikator sasaran",
            6,
            percent("ringkasan.rata_rata"),
            *if_kategori(centre("{{ ringkasan.kategori }}")),
        ),
        Tag("endif"),
    )
    with d.each("note in tabel.pengukuran.catatan"):
        d.p("*) {{ note }}", "Sumber Tabel")

    analyses(d)
    per_sasaran(d)
    efficiency(d)
    budget(d)
    d.titled("Permasalahan dan Strategi Pemecahan Masalah", "narasi.permasalahan_strategi")


def indikator_cells() -> list[C]:
    """Indicator, satuan, target, realisasi, capaian and (when the office uses a scale) kategori."""
    return [
        C("{{ b.nama }}"),
        centre("{{ b.satuan }}"),
        centre("{{ b.target|nilai }}"),
        centre("{{ b.realisasi|nilai }}"),
        percent("b.capaian"),
        *if_kategori(centre("{{ b.kategori }}", bg="b.warna")),
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
    return if_column("ada.kategori", cell)


def analyses(d: Doc) -> None:
    with d.when("tabel.riwayat"):
        d.h("Perbandingan dengan Tahun Sebelumnya", 3)
        d.p(
            "Realisasi dan capaian kinerja {{ laporan.periode }} dibandingkan dengan tahun-tahun "
            "sebelumnya adalah sebagai berikut."
        )
        d.caption("Perbandingan Realisasi dan Capaian Kinerja dengan Tahun Sebelumnya")
        d.table(
            [0.8, 4.0, 0.3, 1.55, 0.3, 1.8],
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
            *repeat(
                "tabel.riwayat.baris",
                [
                    no_cell(),
                    C("{{ b.nama }}"),
                    *loop_cells("b.sel", "{{ x }}", 1.55, align="center"),
                    percent("b.perubahan"),
                ],
            ),
            width=TEXT_WIDTH,
        )

    with d.when("tabel.renstra_akhir"):
        d.h("Perbandingan dengan Target Akhir Renstra", 3)
        d.p(
            "Realisasi {{ laporan.periode }} dibandingkan dengan target akhir periode Renstra "
            "(tahun {{ renstra.periode_akhir }}) adalah sebagai berikut."
        )
        d.caption("Capaian Kinerja terhadap Target Akhir Renstra")
        d.table(
            [0.8, 5.4, 1.4, 1.8, 2, 2.2, 2.4],
            *heading(
                "No",
                "Indikator Kinerja",
                "Satuan",
                "Kondisi Awal",
                "Realisasi {{ laporan.tahun }}",
                "Target Akhir ({{ renstra.periode_akhir }})",
                "Capaian thd Target Akhir (%)",
            ),
            *repeat(
                "tabel.renstra_akhir.baris",
                [
                    no_cell(),
                    C("{{ b.nama }}"),
                    centre("{{ b.satuan }}"),
                    centre("{{ b.awal|nilai }}"),
                    centre("{{ b.realisasi|nilai }}"),
                    centre("{{ b.akhir|nilai }}"),
                    percent("b.capaian"),
                ],
            ),
        )

    with d.when("tabel.nasional"):
        d.h("Perbandingan dengan Capaian Nasional", 3)
        d.caption("Perbandingan Realisasi Kinerja dengan Capaian Nasional atau Standar")
        d.table(
            [0.8, 5, 1.4, 1.8, 1.8, 1.6, 3.6],
            *heading(
                "No",
                "Indikator Kinerja",
                "Satuan",
                "Realisasi",
                "Nasional / Standar",
                "Selisih",
                "Keterangan",
            ),
            *repeat(
                "tabel.nasional.baris",
                [
                    no_cell(),
                    C("{{ b.nama }}"),
                    centre("{{ b.satuan }}"),
                    centre("{{ b.realisasi|nilai }}"),
                    centre("{{ b.nilai|nilai }}"),
                    centre("{{ b.selisih|nilai }}"),
                    C("{{ b.keterangan }}"),
                ],
            ),
        )


def per_sasaran(d: Doc) -> None:
    with d.each("s in bagian_sasaran"):
        d.h("Sasaran {{ s.nomor }}: {{ s.uraian }}", 3)
        d.p(
            "Sasaran ini diukur dengan {{ s.jumlah_indikator }} indikator kinerja"
            "{% if s.rata_rata is not none %} dengan rata-rata capaian {{ s.rata_rata|persen }}"
            "{% if ada.kategori %} (kategori {{ s.kategori }}){% endif %}{% endif %}."
        )
        d.caption("Realisasi dan Capaian Indikator Sasaran {{ s.nomor }}")
        d.table(
            [0.8, 5.6, 1.6, 1.6, 1.6, 1.6, 0.3, 2.4, 0.3],
            *kategori_header(
                "No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"
            ),
            *repeat("s.baris", Row([no_cell(), *indikator_cells()])),
            Tag("if s.rata_rata is not none"),
            total_row(
                "Rata-rata capaian",
                5,
                percent("s.rata_rata"),
                *if_kategori(centre("{{ s.kategori }}")),
            ),
            Tag("endif"),
        )
        for key, label in (
            ("penyebab", "Penyebab keberhasilan atau kegagalan"),
            ("solusi", "Alternatif solusi yang telah dilakukan"),
            ("lainnya", "Faktor lain yang memengaruhi capaian"),
        ):
            with d.when(f"s.narasi.{key}"):
                d.p(label, "Sub Judul")
                d.tag(f"{{{{p s.narasi.{key} }}}}")
        with d.when("s.program or s.narasi.program_pendukung"):
            d.p("Program dan kegiatan yang menunjang", "Sub Judul")
            d.narasi("s.narasi.program_pendukung")
            with d.when("s.program"):
                d.caption("Program dan Kegiatan Penunjang Sasaran {{ s.nomor }}")
                d.table(
                    [1.2, 5, 4.6, 1.7, 1.7, 1.8],
                    *heading(
                        "No",
                        "Program / Kegiatan / Sub Kegiatan",
                        "Indikator",
                        "Target",
                        "Realisasi",
                        "Capaian (%)",
                    ),
                    *repeat(
                        "s.program",
                        *level_rows(
                            [
                                no_cell(vmerge="b.vm"),
                                None,
                                *program_indicator_cells(),
                            ]
                        ),
                    ),
                )


def program_indicator_cells() -> list[C]:
    """A budget row's indicator with its target, realisasi and capaian."""
    return [
        C("{{ b.indikator }}"),
        with_unit("b.target"),
        with_unit("b.realisasi"),
        percent("b.capaian"),
    ]


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
    with d.when("tabel.efisiensi"):
        d.h("Efisiensi Penggunaan Sumber Daya", 3)
        d.p(
            "Efisiensi penggunaan anggaran dinilai dengan membandingkan capaian kinerja setiap "
            "sasaran dengan serapan anggarannya: {{ pengaturan.rumus_efisiensi }}. "
            "{{ teks.efisien }}"
        )
        d.add(section_break())
        d.caption("Efisiensi Penggunaan Sumber Daya {{ laporan.periode }}")
        merged = "b.vm_sasaran"
        total = "tabel.efisiensi.total"
        d.table(
            [1.0, 3.8, 3.5, 1.6, 1.6, 1.5, 1.7, 2.5, 2.5, 1.5, 1.5, 1.9],
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
            *repeat(
                "tabel.efisiensi.baris",
                [
                    no_cell(vmerge=merged),
                    C("{{ b.sasaran }}", vmerge=merged),
                    C("{{ b.nama }}"),
                    centre("{{ b.target|nilai }}"),
                    centre("{{ b.realisasi|nilai }}"),
                    percent("b.capaian"),
                    percent("b.rata_rata", vmerge=merged),
                    money("b.pagu", vmerge=merged),
                    money("b.realisasi_anggaran", vmerge=merged),
                    percent("b.serapan", vmerge=merged),
                    percent("b.efisiensi", vmerge=merged),
                    centre("{{ b.verdict }}", vmerge=merged),
                ],
            ),
            total_row(
                "JUMLAH",
                6,
                percent(f"{total}.rata_rata"),
                money(f"{total}.pagu"),
                money(f"{total}.realisasi"),
                percent(f"{total}.serapan"),
                percent(f"{total}.efisiensi"),
                centre(f"{{{{ {total}.verdict }}}}"),
            ),
        )
        d.add(section_break(landscape=True))
        with d.each("s in tabel.efisiensi.narasi"):
            d.p("Sasaran {{ s.nomor }}: {{ s.uraian }}", "Sub Judul")
            d.tag("{{p s.teks }}")


def amounts(expr: str) -> list[C]:
    """Pagu, realisasi, sisa and serapan of ``expr``: the columns of every money table."""
    return [
        money(f"{expr}.pagu"),
        money(f"{expr}.realisasi"),
        money(f"{expr}.sisa"),
        percent(f"{expr}.serapan"),
    ]


def budget(d: Doc) -> None:
    with d.when("ada.anggaran"):
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
            "{{ anggaran.total.realisasi|rupiah }} "
            "({{ anggaran.total.realisasi|terbilang_rupiah }}) "
            "atau {{ anggaran.total.serapan|persen }} dari pagu, sehingga terdapat sisa anggaran "
            "sebesar {{ anggaran.total.sisa|rupiah }} "
            "({{ anggaran.total.sisa|terbilang_rupiah }}).{% endif %}"
        )
        # Sasaran rows list their indicators in a column of their own (seed 001 Tabel 3.6).
        names = [C(["{%p for x in b.indikator %}", "{{ x }}", "{%p endfor %}"])]
        for key, title, label, indicators in (
            (
                "anggaran_sasaran",
                "Anggaran dan Realisasi per Sasaran Strategis",
                "Sasaran Strategis",
                True,
            ),
            ("sumber_dana", "Anggaran dan Realisasi per Sumber Dana", "Sumber Dana", False),
        ):
            with d.when(f"tabel.{key}"):
                d.caption(title + " {{ laporan.periode }}")
                d.table(
                    [0.8, 2.6, 2.7, 2.4, 2.4, 2.4, 1.35, 1.35]
                    if indicators
                    else [0.8, 5.6, 2.5, 2.5, 2.4, 1.6, 1.6],
                    *heading(
                        "No",
                        label,
                        *(["Indikator Kinerja"] if indicators else []),
                        "Pagu (Rp)",
                        "Realisasi (Rp)",
                        "Sisa (Rp)",
                        "Serapan (%)",
                        "% dari Total",
                    ),
                    *repeat(
                        f"tabel.{key}.baris",
                        [
                            no_cell(),
                            C("{{ b.nama }}"),
                            *(names if indicators else []),
                            *amounts("b"),
                            percent("b.persen_total"),
                        ],
                    ),
                    total_row(
                        f"{{{{ tabel.{key}.total.label }}}}",
                        3 if indicators else 2,
                        *amounts(f"tabel.{key}.total"),
                        C(""),
                    ),
                )
        with d.when("tabel.belanja"):
            d.caption("Anggaran dan Realisasi per Jenis Belanja {{ laporan.periode }}")
            d.table(
                [1.0, 6.4, 2.5, 2.5, 2.2, 1.4],
                *heading(
                    "No",
                    "Jenis Belanja",
                    "Pagu (Rp)",
                    "Realisasi (Rp)",
                    "Sisa (Rp)",
                    "Serapan (%)",
                ),
                *repeat(
                    "tabel.belanja.baris",
                    Tag("if b.induk"),
                    bold_row(no_cell(), C("{{ b.nama }}"), *amounts("b")),
                    Tag("else"),
                    Row([no_cell(), C("{{ b.nama }}", indent=0.4), *amounts("b")]),
                    Tag("endif"),
                ),
                total_row("{{ tabel.belanja.total.label }}", 2, *amounts("tabel.belanja.total")),
            )

        with d.when("tabel.anggaran"):
            d.add(section_break())
            d.caption(
                "Realisasi Anggaran dan Kinerja Program, Kegiatan dan Sub Kegiatan "
                "{{ laporan.periode }}"
            )
            program_table(d)
            d.add(section_break(landscape=True))


def program_table(d: Doc) -> None:
    """Every program, kegiatan and sub kegiatan with its indicators and money (landscape)."""

    def if_kode(cell: C) -> list[C]:
        return if_column("tabel.anggaran.kode", cell)

    def if_keterangan(cell: C) -> list[C]:
        return if_column("tabel.anggaran.keterangan", cell)

    # With every optional column the row is wider than the page; finish.fit_tables then
    # narrows the widest text columns.
    d.table(
        [1.0, 0.3, 2.8, 0.3, 4.4, 3.6, 1.5, 1.5, 1.5, 2.3, 2.3, 1.4, 2.4, 0.3, 3.0, 0.3],
        *two_row_header(
            "No",
            if_kode(C("Kode")),
            "Program / Kegiatan / Sub Kegiatan",
            Group("Kinerja", labels("Indikator", "Target", "Realisasi", "Capaian (%)")),
            Group("Anggaran", labels("Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)")),
            "Sumber Dana",
            if_keterangan(C("Keterangan")),
        ),
        number_loop("tabel.anggaran.nomor"),
        *repeat(
            "tabel.anggaran.baris",
            *level_rows(
                [
                    no_cell(vmerge="b.vm"),
                    *if_kode(C("{{ b.kode }}", vmerge="b.vm")),
                    None,
                    *program_indicator_cells(),
                    money("b.pagu", vmerge="b.vm"),
                    money("b.realisasi_anggaran", vmerge="b.vm"),
                    percent("b.serapan", vmerge="b.vm"),
                    centre("{{ b.sumber_dana }}", vmerge="b.vm"),
                    *if_keterangan(C("{{ b.keterangan }}", vmerge="b.vm")),
                ]
            ),
        ),
        total_row(
            "JUMLAH",
            9,
            money("anggaran.total.pagu"),
            money("anggaran.total.realisasi"),
            percent("anggaran.total.serapan"),
            C(""),
            *if_keterangan(C("")),
            colspan="tabel.anggaran.lebar_jumlah",
        ),
        width=24.7,
    )


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
    with d.when("ringkasan.jumlah_terukur and ada.kategori"):
        d.caption("Rekapitulasi Kategori Capaian Indikator Kinerja")
        d.table(
            [1, 7, 4],
            *heading("No", "Kategori", "Jumlah Indikator"),
            *repeat(
                "tabel.kategori.baris",
                [
                    no_cell(),
                    C("{{ b.label }}", bg="b.warna"),
                    centre("{{ b.jumlah }}"),
                ],
            ),
            total_row("Jumlah", 2, centre("{{ ringkasan.jumlah_terukur }}")),
        )
    with d.when("ringkas.per_misi"):
        d.p("Rata-rata capaian per misi:")
        with d.each("m in ringkas.per_misi"):
            d.p(
                "Misi {{ m.nomor }} ({{ m.uraian }}): {{ m.rata_rata|persen }}"
                "{% if ada.kategori %}, kategori {{ m.kategori }}{% endif %}",
                "List Bullet",
            )
    with d.when("ada.realisasi_anggaran"):
        d.p(
            "Realisasi anggaran mencapai {{ anggaran.total.serapan|persen }} dari pagu "
            "{{ anggaran.total.pagu|rupiah }}, dengan sisa anggaran "
            "{{ anggaran.total.sisa|rupiah }} ({{ anggaran.total.sisa|terbilang_rupiah }})."
        )
    d.titled("Langkah Perbaikan", "narasi.langkah_perbaikan")
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
    if body.find(qn("w:sectPr")) is None:
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


# ---------------------------------------------------------------- the styles part


def gaya(d: Doc) -> None:
    """The styles part's body, which is never printed: a sample of each style, then the two
    page setups lkjip uses (its first section for the cover and front matter, its last for the
    chapters and the annex)."""
    d.p("Gaya dan tata halaman templat lkjip", "Judul Sampul")
    d.p(
        "Isi dokumen ini tidak dicetak. Ubah gaya (Styles), margin, kepala dan kaki halaman di "
        "sini; bagian templat lain memakainya. Jangan mengganti nama gaya."
    )
    for style in ("Heading 1", "Heading 2", "Heading 3", "Judul Bagian", "Judul Tabel"):
        d.p(style, style)
    d.p("Teks isi laporan memakai gaya Body Text.")
    d.p("Butir daftar (List Bullet).", "List Bullet")
    d.p("Bagian 1: sampul dan halaman depan (nomor halaman romawi, sampul tanpa nomor).")
    d.add(section_break(roman=True, title_page=True))
    d.p("Bagian 2: Bab I sampai lampiran (nomor halaman angka, mulai 1 di Bab I).")
    d.add(sect_pr())


def add_footers(document: docx.document.Document) -> None:
    """Page numbers: roman in the front matter (none on the cover), arabic from Bab I."""
    front, main = document.sections
    front.different_first_page_header_footer = True
    front.first_page_footer.is_linked_to_previous = False
    front.footer.is_linked_to_previous = False
    main.footer.is_linked_to_previous = False
    for section, with_text in ((front, False), (main, True)):
        footer = section.footer
        footer.paragraphs[0]._p.getparent().remove(footer.paragraphs[0]._p)  # noqa: SLF001
        if with_text:
            footer._element.append(  # noqa: SLF001
                element(
                    para(
                        "LKjIP {{ instansi.nama }} {{ instansi.pemda }} {{ laporan.periode }}",
                        "Footer",
                        italic=True,
                    )
                )
            )
        footer._element.append(  # noqa: SLF001
            element(para(style="Footer", runs=field_runs("PAGE", "1")))
        )


# ---------------------------------------------------------------- the pack

# Every part but gaya: its body is laid into the report by lkjip_gen.render.assemble.
BODIES = {
    "sampul": (sampul, "Sampul"),
    "depan": (depan, "Kata Pengantar, Ikhtisar Eksekutif, Daftar Isi"),
    "bab1": (bab1, "Bab I Pendahuluan"),
    "bab2": (bab2, "Bab II Perencanaan Kinerja"),
    "bab3": (bab3, "Bab III Akuntabilitas Kinerja"),
    "bab4": (bab4, "Bab IV Penutup"),
    "lampiran": (lampiran, "Halaman judul lampiran"),
    "pk": (pk, "Perjanjian Kinerja (dokumen PK dan lampiran LKjIP)"),
    **templates_cycle.BODIES,
}

MANIFEST = f"""\
# Templat bawaan lkjip_gen. Salin dengan: lkjip templat salin FOLDER
nama: default
versi: "1.0"
model: {MODEL_VERSION}
pembuat: lkjip_gen
keterangan: >-
  Templat bawaan LKjIP (PermenPAN-RB 53/2014) dan Perjanjian Kinerja. Bagian: gaya (gaya,
  tata halaman, kaki halaman), sampul, depan, bab1-bab4, lampiran, pk, rencana_aksi,
  realisasi_aksi, rkt.
"""


def main(out: Path = OUT) -> list[Path]:
    """Write the default pack into ``out``: templat.yaml and one .docx per part."""
    out.mkdir(parents=True, exist_ok=True)
    document, d = new_document(), Doc()
    gaya(d)
    save(document, d, "Gaya", out / "gaya.docx", footers=True)
    paths = [out / "gaya.docx"]
    for name, (builder, title) in BODIES.items():
        document, d = new_document(), Doc()
        builder(d)
        save(document, d, title, out / f"{name}.docx")
        paths.append(out / f"{name}.docx")
    (out / "templat.yaml").write_text(MANIFEST, encoding="utf-8")
    return [*paths, out / "templat.yaml"]


if __name__ == "__main__":
    for written in main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(f"ditulis: {written}")
