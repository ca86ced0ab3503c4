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
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import replace
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
# The text width of a landscape A4 page with the default margins (the roll-up's table).
LANDSCAPE_TEXT_WIDTH = 24.7


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

    def caption_of(self, expr: str) -> None:
        """The caption ``expr`` (from ``dokumen.judul``), printed unless the office blanked it."""
        with self.when(expr):
            self.caption(f"{{{{ {expr} }}}}")

    def heading_at(self, text: str, level: str) -> None:
        """A heading whose level comes from the outline (2 or 3), or none when ``text`` is empty."""
        self.tag(f"{{%p if {text} and {level} == 2 %}}")
        self.h(f"{{{{ {text} }}}}", 2)
        self.tag(f"{{%p elif {text} %}}")
        self.h(f"{{{{ {text} }}}}", 3)
        self.tag("{%p endif %}")

    def sections(
        self,
        bab: str,
        blocks: dict[str, Callable[[], None]],
        own_heading: Collection[str] = (),
    ) -> None:
        """The chapter's sections in the office's order (``dokumen.<bab>.bagian``): each
        section's block under its heading, and an office's extra section as its heading and
        narrative. Blocks named in ``own_heading`` print their headings themselves."""
        with self.each(f"bagian in dokumen.{bab}.bagian"):
            self.tag("{%p if bagian.tambahan %}")
            self.heading_at("bagian.judul", "bagian.tingkat")
            self.narasi("bagian.narasi")
            for key, block in blocks.items():
                self.tag(f"{{%p elif bagian.id == '{key}' %}}")
                if key not in own_heading:
                    self.heading_at("bagian.judul", "bagian.tingkat")
                block()
            self.tag("{%p endif %}")

    def chart(self, name: str, caption: str) -> None:
        """The chart ``grafik.<name>`` with its title below, when the context has it;
        render.finish prefixes "Grafik <bab>.<n>" and Daftar Grafik lists it."""
        with self.when(f"grafik.{name}"):
            self.p(f"{{{{ grafik.{name} }}}}", "Grafik")
            self.p(caption, "Judul Grafik")

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
    # A chart stays on the page of its title (below it, as figures are titled).
    s(document, "Grafik", pPr=ppr(align="center", before=6, keep_next=True), rPr=rpr())
    s(
        document,
        "Judul Grafik",
        next_style="Normal",
        pPr=ppr(before=4, after=10, align="center"),
        rPr=rpr(size=10, bold=True),
    )
    # Table text is never hyphenated, whatever the office's Word does by default.
    s(
        document,
        "Kepala Tabel",
        pPr=ppr(align="center", keep_next=True, hyphenate=False),
        rPr=rpr(size=8, bold=True),
    )
    s(document, "Nomor Kolom", pPr=ppr(align="center"), rPr=rpr(size=8, italic=True))
    s(document, "Isi Tabel", pPr=ppr(hyphenate=False), rPr=rpr(size=9))
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


def columns_heading(*columns: str | tuple[str, str]) -> list[Row]:
    """A one-row header and the column numbers beneath it. A column given as (label,
    condition) prints only when the condition holds, and the numbers after it count it only
    then (the condition is a boolean, which Jinja adds as 0 or 1)."""
    head: list[C] = []
    number: list[C] = []
    fixed, optional = 0, []
    for column in columns:
        label, condition = (column, None) if isinstance(column, str) else column
        terms = [str(fixed + 1), *optional]
        value = terms[0] if len(terms) == 1 else "{{ " + " + ".join(terms) + " }}"
        if condition is None:
            head.append(C(label))
            number.append(C(value, align="center"))
            fixed += 1
        else:
            head += if_column(condition, C(label))
            number += if_column(condition, C(value, align="center"))
            optional.append(condition)
    return [Row(head, header=True), Row(number, header=True, number=True)]


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
    # The titles keep with the names: a block never splits over a page break.
    table = Table(
        [8, 8],
        style="Tabel Tanpa Garis",
        rows=[
            Row(
                [C(left_title, keep_next=True, **sign), C(right_title, keep_next=True, **sign)],  # type: ignore[arg-type]
                valign="bottom",
            ),
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
    d.p("{{ dokumen.depan.lampiran }}", "Judul Bagian")
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
    party(d, "ttd.atasan", "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.")
    d.p(
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab kami."
    )
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
    with d.when("tabel.pk_sasaran"):
        d.table(
            [1, 6, 6, 3],
            *heading("No", "Sasaran Strategis", "Indikator Kinerja", "Target"),
            *repeat(
                "tabel.pk_sasaran.baris",
                *kept(
                    [
                        no_cell(vmerge="b.vm"),
                        C("{{ b.sasaran }}", vmerge="b.vm"),
                        C("{{ b.indikator }}"),
                        with_unit("b.target"),
                    ]
                ),
            ),
        )
    with d.when("tabel.pk_program"):
        d.p("")
        keterangan = "tabel.pk_program.kolom.keterangan"
        d.table(
            [1, 9, 3.5, 0.3, 2.5, 0.3],
            *columns_heading("No", "Program", "Anggaran (Rp)", ("Keterangan", keterangan)),
            *repeat(
                "tabel.pk_program.baris",
                [
                    no_cell(),
                    C("{{ b.nama }}"),
                    money("b.pagu"),
                    *if_column(keterangan, C("{{ b.keterangan }}")),
                ],
            ),
            total_row(
                "Jumlah Anggaran",
                2,
                money("tabel.pk_program.jumlah"),
                *if_column(keterangan, C("")),
                align="left",
            ),
            width=16,
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
    """Both parties sign the PK: pihak kedua on the left, pihak pertama on the right."""
    d.p("")
    signature(d, "ttd.kepala", place_date=place, left="ttd.atasan")


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
    with d.when("dokumen.depan.kata_pengantar"):
        d.p("{{ dokumen.depan.kata_pengantar }}", "Judul Bagian")
        with d.narasi_or("narasi.kata_pengantar"):
            d.p(
                "Laporan Kinerja Instansi Pemerintah (LKjIP) {{ instansi.nama }} "
                "{{ instansi.pemda }} {{ laporan.periode }} disusun sebagai wujud "
                "pertanggungjawaban atas pelaksanaan tugas dan fungsi serta pencapaian sasaran "
                "yang ditetapkan dalam Perjanjian Kinerja. Semoga laporan ini bermanfaat sebagai "
                "bahan evaluasi dan perbaikan kinerja."
            )
        d.p("")
        signature(d, "ttd.kepala", place_date="{{ laporan.tempat }}, {{ laporan.tanggal|tanggal }}")

    with d.when("dokumen.depan.ikhtisar_eksekutif"):
        d.p("{{ dokumen.depan.ikhtisar_eksekutif }}", "Judul Bagian")
        d.narasi("narasi.ikhtisar_eksekutif")
        d.p(
            "Dalam Perjanjian Kinerja Tahun {{ laporan.tahun }}, {{ instansi.nama }} "
            "{{ instansi.pemda }} menetapkan {{ ringkasan.jumlah_sasaran }} "
            "({{ ringkasan.jumlah_sasaran|terbilang }}) sasaran strategis yang diukur dengan "
            "{{ ringkasan.jumlah_indikator }} ({{ ringkasan.jumlah_indikator|terbilang }}) "
            "indikator kinerja."
        )
        capaian_sentences(d)
        with d.when("ada.anggaran"):
            d.p(
                "Untuk mencapai sasaran tersebut tersedia anggaran sebesar "
                "{{ anggaran.total.pagu|rupiah }}{% if ada.realisasi_anggaran %} dengan "
                "realisasi {{ anggaran.total.realisasi|rupiah }} atau "
                "{{ anggaran.total.serapan|persen }}{% endif %}."
            )

    for key, instruction, what in (
        ("daftar_isi", 'TOC \\o "1-3" \\h \\z \\u', "Daftar isi"),
        ("daftar_tabel", 'TOC \\h \\z \\t "Judul Tabel,1"', "Daftar tabel"),
        ("daftar_grafik", 'TOC \\h \\z \\t "Judul Grafik,1"', "Daftar grafik"),
    ):
        # Daftar Grafik only when the report has a chart.
        shown = f"dokumen.depan.{key}" + (" and ada.grafik" if key == "daftar_grafik" else "")
        with d.when(shown):
            d.p(f"{{{{ dokumen.depan.{key} }}}}", "Judul Bagian")
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
    with d.when("ringkasan.jumlah_tidak_dinilai"):
        d.p(
            "Sebanyak {{ ringkasan.jumlah_tidak_dinilai }} indikator ditampilkan tanpa dinilai "
            "(tanpa capaian dan kategori) dan tidak diperhitungkan dalam rata-rata."
        )
    d.tag("{%p else %}")
    d.p("Realisasi indikator kinerja belum diukur pada periode ini.")
    d.tag("{%p endif %}")


def bab1(d: Doc) -> None:
    d.h("{{ dokumen.bab1.judul }}", 1)

    def dasar_hukum() -> None:
        d.p("Dasar hukum penyusunan Laporan Kinerja ini adalah:")
        d.lines("dasar_hukum", "List Number")

    def tugas_fungsi() -> None:
        d.narasi("organisasi.tugas")
        with d.when("organisasi.fungsi"):
            d.p("Untuk melaksanakan tugas tersebut, {{ instansi.nama }} menyelenggarakan fungsi:")
            d.lines("organisasi.fungsi", "Daftar Huruf")

    d.sections(
        "bab1",
        {
            "latar_belakang": lambda: d.narasi("narasi.latar_belakang"),
            "dasar_hukum": dasar_hukum,
            "maksud_tujuan": lambda: d.narasi("narasi.maksud_tujuan"),
            "gambaran_umum": lambda: d.narasi("narasi.gambaran_umum"),
            "kedudukan": lambda: d.narasi("organisasi.kedudukan"),
            "tugas_fungsi": tugas_fungsi,
            "struktur_organisasi": lambda: structure(d),
            "kondisi_umum": lambda: conditions(d),
            "sumber_daya": lambda: resources(d),
            "peran_strategis": lambda: d.narasi("narasi.peran_strategis"),
            "isu_strategis": lambda: d.narasi("narasi.isu_strategis"),
            "permasalahan_solusi": lambda: d.narasi("narasi.permasalahan_solusi"),
            "sistematika": lambda: systematics(d),
        },
    )


def conditions(d: Doc) -> None:
    """Kondisi Umum: tables of values over several years (or other periods)."""
    with d.each("k in tabel.kondisi"):
        d.caption("{{ k.judul }}")
        d.table(
            [1, 6, 0.3, 2, 0.3, 0.3, 1.8, 0.3],
            Row(
                [
                    *labels("No", "Uraian"),
                    *if_column("k.kolom.satuan", C("Satuan")),
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
                    *if_column("k.kolom.satuan", centre("{{ b.satuan }}")),
                    *loop_cells("b.sel", "{{ x }}", 1.8, align="right"),
                ],
            ),
            width=TEXT_WIDTH,
        )
        d.source("k.sumber")


def resources(d: Doc) -> None:
    """Sumber Daya: the office's text, the SDM tables and the sarana table."""
    d.narasi("narasi.sumber_daya")
    with d.each("k in tabel.sdm"):
        d.caption("{{ k.judul }}")
        counts = loop_cells("k.kepala", "{{ x }}", 2)
        d.table(
            [1, 5, 0.3, 2, 0.3],
            # With groups (grup_kolom) their titles stand over the column titles.
            Tag("if k.grup"),
            Row(
                [
                    C("No", merge="restart"),
                    C("{{ k.kelompok }}", merge="restart"),
                    *loop_cells("k.grup", "{{ x.judul }}", 2, colspan="x.lebar"),
                ],
                header=True,
            ),
            Row([C("", merge="continue"), C("", merge="continue"), *counts], header=True),
            Tag("else"),
            Row([C("No"), C("{{ k.kelompok }}"), *counts], header=True),
            Tag("endif"),
            number_loop("k.nomor"),
            *repeat(
                "k.baris",
                [
                    no_cell(),
                    C("{{ b.label }}"),
                    *loop_cells("b.sel", "{{ x }}", 2, align="center"),
                ],
            ),
            Tag("if k.total"),
            total_row("JUMLAH", 2, *loop_cells("k.total", "{{ x }}", 2, align="center")),
            Tag("endif"),
            width=TEXT_WIDTH,
        )
        d.source("k.sumber")
    with d.when("tabel.sarana"):
        assets(d)


def assets(d: Doc) -> None:
    """Sarana dan prasarana: items under their kelompok rows; only the value is totalled."""
    kolom = "tabel.sarana.kolom"
    jumlah, kondisi = f"{kolom}.jumlah", f"{kolom}.kondisi"
    nilai, keterangan = f"{kolom}.nilai", f"{kolom}.keterangan"
    states = ("baik", "kurang_baik", "rusak_berat")
    d.caption_of("tabel.sarana.judul")

    def cells(bold: bool) -> list[C]:
        """A kelompok row (bold, kept with the first of its items) or an item row."""
        keep = dict(bold=bold, keep_next=bold)
        counts = [centre("" if bold else f"{{{{ b.{k}|angka }}}}", **keep) for k in states]
        return [
            no_cell(**keep),
            C("{{ b.nama }}", indent=0 if bold else 0.3, **keep),  # type: ignore[arg-type]
            *if_column(jumlah, centre("{{ b.jumlah }}", **keep)),
            *if_columns(kondisi, counts),
            *if_column(nilai, money("b.nilai", **keep)),
            *if_column(keterangan, C("{{ b.keterangan }}", **keep)),
        ]

    d.table(
        [1, 5, 0.3, 1.8, 0.3, 0.3, 1.5, 1.5, 1.5, 0.3, 0.3, 2.6, 0.3, 0.3, 2.8, 0.3],
        *two_row_header(
            "No",
            "Jenis Barang",
            if_column(jumlah, C("Jumlah")),
            Group(
                if_columns(kondisi, [C("Kondisi Barang", span=3)]),
                if_columns(kondisi, labels("Baik", "Kurang Baik", "Rusak Berat")),
            ),
            if_column(nilai, C("Nilai (Rp)")),
            if_column(keterangan, C("Keterangan")),
        ),
        number_loop("tabel.sarana.nomor"),
        *repeat(
            "tabel.sarana.baris",
            Tag("if b.kelompok"),
            Row(cells(bold=True)),
            Tag("else"),
            Row(cells(bold=False)),
            Tag("endif"),
        ),
        # Barang of different kinds are never added up; their value is.
        Tag(f"if tabel.sarana.total.nilai is not none and {nilai}"),
        total_row(
            "JUMLAH",
            10,
            money("tabel.sarana.total.nilai"),
            *if_column(keterangan, C("")),
            colspan=f"2 + {jumlah} + 3 * {kondisi}",
        ),
        Tag("endif"),
        width=16,
    )
    d.source("tabel.sarana.catatan")


def systematics(d: Doc) -> None:
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
    with d.when("tabel.unit"):
        d.p("Susunan organisasi {{ instansi.nama }} {{ instansi.pemda }} adalah sebagai berikut.")
        d.caption_of("tabel.unit.judul")
        eselon, pejabat = "tabel.unit.kolom.eselon", "tabel.unit.kolom.pejabat"
        d.table(
            [1, 7.5, 0.3, 2, 0.3, 0.3, 5.5, 0.3],
            *columns_heading("No", "Unit Kerja", ("Eselon", eselon), ("Pejabat", pejabat)),
            *repeat(
                "tabel.unit.baris",
                Tag("if b.induk"),
                [
                    no_cell(bold=True),
                    C("{{ b.nama }}", bold=True),
                    *if_column(eselon, centre("{{ b.eselon }}")),
                    *if_column(pejabat, C("{{ b.pejabat }}")),
                ],
                Tag("else"),
                [
                    no_cell(),
                    C("{{ b.nama }}", indent=0.4),
                    *if_column(eselon, centre("{{ b.eselon }}")),
                    *if_column(pejabat, C("{{ b.pejabat }}")),
                ],
                Tag("endif"),
            ),
            width=16,
        )
    with d.when("gambar.bagan"):
        d.p("{{ gambar.bagan }}", "Teks Tengah")
        # Figures are titled below, tables above, as Indonesian reports do.
        with d.when("dokumen.bagan"):
            d.p("{{ dokumen.bagan }}", "Judul Gambar")
        with d.when("organisasi.keterangan_bagan"):
            d.p("{{ organisasi.keterangan_bagan }}", "Sumber Tabel", align="center")
    with d.each("u in tabel.unit_rincian"):
        d.p("{{ u.nama }}", "Sub Judul")
        d.narasi("u.tugas")
        with d.when("u.fungsi"):
            d.p("Fungsi:")
            d.lines("u.fungsi", "Daftar Huruf")


def bab2(d: Doc) -> None:
    d.h("{{ dokumen.bab2.judul }}", 1)
    d.narasi("narasi.perencanaan")
    d.sections(
        "bab2",
        {
            "visi_misi": lambda: vision(d),
            "tujuan_sasaran": lambda: hierarchy(d),
            "iku": lambda: iku(d),
            "strategi": lambda: strategy(d),
            "perjanjian_kinerja": lambda: agreement(d),
        },
    )


def vision(d: Doc) -> None:
    with d.when("renstra.visi"):
        d.p("Visi yang didukung oleh {{ instansi.nama }} adalah:")
        d.p("“{{ renstra.visi }}”", "Teks Tengah", bold=True, italic=True)
        d.narasi("narasi_renstra.penjelasan_visi")
    with d.when("misi"):
        d.p("Misi yang didukung oleh {{ instansi.nama }}:")
        with d.each("m in misi"):
            d.p("Misi {{ m.nomor }}: {{ m.uraian }}", "List Bullet")


def hierarchy(d: Doc) -> None:
    d.p(
        "Keterkaitan misi, tujuan, sasaran strategis dan indikatornya disajikan pada tabel berikut."
    )
    d.caption_of("tabel.hierarki.judul")
    misi = "tabel.hierarki.kolom.misi"
    d.table(
        [0.3, 3.2, 0.3, 3.3, 3, 3.5, 3],
        *columns_heading(
            ("Misi", misi), "Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Sasaran"
        ),
        *repeat(
            "tabel.hierarki.baris",
            *kept(
                [
                    *if_column(misi, C("{{ b.misi }}", vmerge="b.vm_misi")),
                    C("{{ b.tujuan }}", vmerge="b.vm_tujuan"),
                    C("{{ b.indikator_tujuan|baris }}", vmerge="b.vm_tujuan"),
                    C("{{ b.sasaran }}", vmerge="b.vm_sasaran"),
                    C("{{ b.indikator }}"),
                ]
            ),
        ),
        width=16,
    )


def iku(d: Doc) -> None:
    d.p(
        "Indikator Kinerja Utama beserta target setiap tahun periode "
        "{{ renstra.periode_awal }}–{{ renstra.periode_akhir }} adalah sebagai berikut."
    )
    d.caption_of("tabel.iku.judul")
    awal, akhir = "tabel.iku.kolom.kondisi_awal", "tabel.iku.kolom.target_akhir"
    d.table(
        [0.8, 4.6, 1.4, 0.3, 1.4, 0.3, 0.3, 1.15, 0.3, 0.3, 1.4, 0.3],
        *two_row_header(
            "No",
            "Indikator",
            "Satuan",
            if_column(awal, C("Kondisi Awal")),
            Group(
                "Target per Tahun",
                loop_cells("tabel.iku.tahun", "{{ x }}", 1.4),
                colspan="tabel.iku.tahun|length",
            ),
            if_column(akhir, C("Target Akhir")),
        ),
        number_loop("tabel.iku.nomor"),
        *repeat(
            "tabel.iku.baris",
            [
                no_cell(),
                C("{{ b.nama }}"),
                centre("{{ b.satuan }}"),
                *if_column(awal, centre("{{ b.awal|nilai }}")),
                *loop_cells("b.target", "{{ x|nilai }}", 1.4, align="center"),
                *if_column(akhir, centre("{{ b.akhir|nilai }}")),
            ],
        ),
        width=TEXT_WIDTH,
    )


def strategy(d: Doc) -> None:
    d.narasi("narasi.strategi_arah_kebijakan")
    with d.when("tabel.strategi"):
        d.caption_of("tabel.strategi.judul")
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


def agreement(d: Doc) -> None:
    """The Perjanjian Kinerja of Bab II: sasaran, indicators and targets beside the programs."""
    with d.narasi_or("narasi.perjanjian_kinerja"):
        d.p(
            "Perjanjian Kinerja Tahun {{ laporan.tahun }}{{ ' (Perubahan)' if laporan.pk_perubahan "
            "else '' }} memuat sasaran strategis, indikator kinerja dan targetnya, beserta program "
            "dan anggaran yang mendukungnya, sebagai berikut."
        )
    with d.when("tabel.pk"):
        d.caption_of("tabel.pk.judul")
        kolom = "tabel.pk.kolom"
        program, pagu, dana = f"{kolom}.program", f"{kolom}.anggaran", f"{kolom}.sumber_dana"
        d.table(
            [1.1, 3.0, 3.1, 1.5, 0.3, 3.0, 0.3, 0.3, 2.4, 0.3, 0.3, 1.9, 0.3],
            *columns_heading(
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Target",
                ("Program", program),
                ("Anggaran (Rp)", pagu),
                ("Ket.", dana),
            ),
            *repeat(
                "tabel.pk.baris",
                *kept(
                    [
                        no_cell(vmerge="b.vm_sasaran"),
                        C("{{ b.sasaran }}", vmerge="b.vm_sasaran"),
                        C("{{ b.indikator }}", vmerge="b.vm_indikator"),
                        with_unit("b.target", vmerge="b.vm_indikator"),
                        *if_column(program, C("{{ b.program }}", vmerge="b.vm_program")),
                        *if_column(pagu, money("b.pagu", vmerge="b.vm_program")),
                        *if_column(dana, centre("{{ b.sumber_dana }}", vmerge="b.vm_program")),
                    ]
                ),
            ),
            Tag(f"if tabel.pk.jumlah is not none and {pagu}"),
            # The label spans the columns before Anggaran: eight of the template's grid,
            # four or five once the column tags are gone.
            total_row(
                "JUMLAH",
                8,
                money("tabel.pk.jumlah"),
                *if_column(dana, C("")),
                colspan=f"4 + {program}",
            ),
            Tag("endif"),
            width=16,
        )
        with d.each("i in indikator if i.catatan_target_pk"):  # answered cek.target_pk warnings
            d.p(
                "*) {{ i.nama }}: target PK berbeda dengan Renstra — {{ i.catatan_target_pk }}",
                "Sumber Tabel",
            )


def bab3(d: Doc) -> None:
    d.h("{{ dokumen.bab3.judul }}", 1)
    d.sections(
        "bab3",
        {
            "capaian_kinerja": lambda: d.narasi("narasi.capaian_kinerja"),
            "metode": lambda: method(d),
            "pengukuran": lambda: measurement(d),
            "riwayat": lambda: history(d),
            "renstra_akhir": lambda: final_target(d),
            "nasional": lambda: national(d),
            "sasaran": lambda: per_sasaran(d),
            "efisiensi": lambda: efficiency(d),
            "anggaran": lambda: budget(d),
            "permasalahan_strategi": lambda: d.narasi("narasi.permasalahan_strategi"),
        },
        own_heading={"sasaran"},
    )


def method(d: Doc) -> None:
    """Metode Pengukuran: the formulas used, rounding and averaging, the category scale."""
    d.p(
        "Capaian kinerja diukur dengan membandingkan realisasi dengan target setiap indikator "
        "dalam Perjanjian Kinerja, dengan rumus:"
    )
    with d.each("r in tabel.rumus"):
        d.p("{{ r.judul }}: {{ r.teks }}", "List Bullet")
    d.p("{{ teks.pembulatan }} {{ teks.rata_rata }}")
    for key, sentence in (
        ("skala", "Tingkat capaian dikategorikan menurut skala berikut."),
        ("skala_negatif", "Capaian indikator negatif dikategorikan menurut skala berikut."),
    ):
        with d.when(f"tabel.{key}"):
            d.p(sentence)
            d.caption_of(f"tabel.{key}.judul")
            d.table(
                [1, 6, 6],
                *heading("No", "Capaian (%)", "Kategori"),
                *repeat(
                    f"tabel.{key}.baris",
                    [
                        no_cell(),
                        centre("{{ b.rentang }}"),
                        centre("{{ b.label }}", bg="b.warna"),
                    ],
                ),
            )


def measurement(d: Doc) -> None:
    """Realisasi dan Capaian Kinerja: realisasi from pembilang/penyebut, then every indicator."""
    with d.when("tabel.pembilang"):
        d.p("Realisasi indikator yang dihitung dari pembilang dan penyebut adalah sebagai berikut.")
        d.caption_of("tabel.pembilang.judul")
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
    with d.when("tabel.pengukuran or tabel.pengukuran_tujuan"):
        d.p(
            "Pengukuran kinerja {{ laporan.periode }} membandingkan target dengan realisasi "
            "setiap indikator sebagai berikut."
        )
    main_and_tujuan(d, "pengukuran", measurement_table)
    d.chart("capaian_indikator", "Capaian Kinerja per Indikator {{ laporan.periode }}")
    d.chart("realisasi_triwulan", "Realisasi Indikator Kinerja per Triwulan {{ laporan.periode }}")


def main_and_tujuan(d: Doc, key: str, build: Callable[[Doc, str], None]) -> None:
    """Table ``key``, then its ``<key>_tujuan`` twin (tujuan apart: dokumen.tujuan_terpisah),
    each only when the context has it."""
    for name in (key, f"{key}_tujuan"):
        with d.when(f"tabel.{name}"):
            build(d, name)


def measurement_table(d: Doc, key: str) -> None:
    """Target, realisasi and capaian of every indicator of one table (``tabel.<key>``)."""
    table = f"tabel.{key}"
    d.caption_of(f"{table}.judul")
    satuan = f"{table}.kolom.satuan"
    # Title and misi rows span every printed column: 6, plus satuan and kategori if shown.
    width = f"6 + {satuan} + ada.kategori"
    average = []
    if key == "pengukuran":
        average = [
            Tag("if ringkasan.jumlah_terukur"),
            total_row(
                "Rata-rata capaian indikator sasaran",
                8,
                percent("ringkasan.rata_rata"),
                *if_kategori(centre("{{ ringkasan.kategori }}")),
                colspan=f"5 + {satuan}",
            ),
            Tag("endif"),
        ]
    d.table(
        [1.0, 3.2, 3.2, 0.3, 1.4, 0.3, 1.5, 1.7, 1.5, 0.3, 2.2, 0.3],
        *columns_heading(
            "No",
            f"{{{{ {table}.kepala_induk }}}}",
            "Indikator Kinerja",
            ("Satuan", satuan),
            "Target",
            "Realisasi",
            "Capaian (%)",
            ("Kategori", "ada.kategori"),
        ),
        *repeat(
            f"{table}.baris",
            Tag("if b.judul"),
            Row(
                [
                    C(
                        "{{ b.judul }}",
                        span=12,
                        colspan=width,
                        align="left",
                        style="Kepala Tabel",
                        keep_next=True,
                    )
                ],
                fill=HEADER_FILL,
            ),
            Tag("elif b.misi"),
            Row([C("{{ b.misi }}", span=12, colspan=width, bold=True, keep_next=True)]),
            Tag("else"),
            *kept(
                [
                    no_cell(vmerge="b.vm"),
                    C("{{ b.induk }}", vmerge="b.vm"),
                    *indikator_cells(satuan),
                ]
            ),
            Tag("endif"),
        ),
        *average,
        width=16,
    )
    with d.each(f"note in {table}.catatan"):
        d.p("*) {{ note }}", "Sumber Tabel")


def indikator_cells(satuan: str | None = None) -> list[C]:
    """Indicator, satuan (always, or when ``satuan`` holds), target, realisasi, capaian and
    (when the office uses a scale) kategori."""
    unit = centre("{{ b.satuan }}")
    return [
        C("{{ b.nama }}"),
        *([unit] if satuan is None else if_column(satuan, unit)),
        centre("{{ b.target|nilai }}"),
        centre("{{ b.realisasi|nilai }}"),
        percent("b.capaian"),
        *if_kategori(centre("{{ b.kategori }}", bg="b.warna")),
    ]


def kept(cells: list[C], flag: str = "b.terus") -> list[Row | Tag]:
    """A body row kept on the page of the row below it when ``flag`` holds: the rows of one
    merged block (a sasaran with its indicators and programs) never part at a page break."""
    keep = [c if str(c.text).startswith("{%tc") else replace(c, keep_next=True) for c in cells]
    return [Tag(f"if {flag}"), Row(keep), Tag("else"), Row(cells), Tag("endif")]


def if_kategori(cell: C) -> list[C]:
    """A cell that exists only when the office uses a category scale (seed 000 uses none)."""
    return if_column("ada.kategori", cell)


def if_columns(condition: str, cells: list[C]) -> list[C]:
    """Several adjacent columns that exist only when ``condition`` holds."""
    return [C(f"{{%tc if {condition} %}}", width=0.3), *cells, C("{%tc endif %}", width=0.3)]


def history(d: Doc) -> None:
    d.p(
        "Realisasi dan capaian kinerja {{ laporan.periode }} dibandingkan dengan tahun-tahun "
        "sebelumnya adalah sebagai berikut."
    )
    main_and_tujuan(d, "riwayat", lambda d, key: history_table(d, f"tabel.{key}"))
    d.chart("realisasi_tahunan", "Realisasi dan Target Indikator Kinerja per Tahun")


def history_table(d: Doc, table: str) -> None:
    d.caption_of(f"{table}.judul")
    d.table(
        [0.8, 4.0, 0.3, 1.55, 0.3, 1.8],
        *two_row_header(
            "No",
            "Indikator Kinerja (Satuan)",
            Group(
                loop_cells(f"{table}.tahun", "{{ x }}", 3.1, colspan="2"),
                loop_cells(f"{table}.sub", "{{ x }}", 1.55),
            ),
            "Perubahan Capaian (poin)",
        ),
        number_loop(f"{table}.nomor"),
        *repeat(
            f"{table}.baris",
            [
                no_cell(),
                C("{{ b.nama }}"),
                *loop_cells("b.sel", "{{ x }}", 1.55, align="center"),
                percent("b.perubahan"),
            ],
        ),
        width=TEXT_WIDTH,
    )


def final_target(d: Doc) -> None:
    d.p(
        "Realisasi {{ laporan.periode }} dibandingkan dengan target akhir periode Renstra "
        "(tahun {{ renstra.periode_akhir }}) adalah sebagai berikut."
    )
    main_and_tujuan(d, "renstra_akhir", lambda d, key: final_target_table(d, f"tabel.{key}"))


def final_target_table(d: Doc, table: str) -> None:
    d.caption_of(f"{table}.judul")
    awal = f"{table}.kolom.kondisi_awal"
    d.table(
        [0.8, 5.4, 1.4, 0.3, 1.8, 0.3, 2, 2.2, 2.4],
        *columns_heading(
            "No",
            "Indikator Kinerja",
            "Satuan",
            ("Kondisi Awal", awal),
            "Realisasi {{ laporan.tahun }}",
            "Target Akhir ({{ renstra.periode_akhir }})",
            "Capaian thd Target Akhir (%)",
        ),
        *repeat(
            f"{table}.baris",
            [
                no_cell(),
                C("{{ b.nama }}"),
                centre("{{ b.satuan }}"),
                *if_column(awal, centre("{{ b.awal|nilai }}")),
                centre("{{ b.realisasi|nilai }}"),
                centre("{{ b.akhir|nilai }}"),
                percent("b.capaian"),
            ],
        ),
        width=16,
    )


def national(d: Doc) -> None:
    d.caption_of("tabel.nasional.judul")
    keterangan = "tabel.nasional.kolom.keterangan"
    d.table(
        [0.8, 5, 1.4, 1.8, 1.8, 1.6, 0.3, 3.6, 0.3],
        *columns_heading(
            "No",
            "Indikator Kinerja",
            "Satuan",
            "Realisasi",
            "Nasional / Standar",
            "Selisih",
            ("Keterangan", keterangan),
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
                *if_column(keterangan, C("{{ b.keterangan }}")),
            ],
        ),
        width=16,
    )


def per_sasaran(d: Doc) -> None:
    """One part per sasaran, its heading at the level the outline gives (``bagian.tingkat``)."""
    with d.each("s in bagian_sasaran"):
        d.heading_at("s.judul", "bagian.tingkat")
        d.p(
            "Sasaran ini diukur dengan {{ s.jumlah_indikator }} indikator kinerja"
            "{% if s.rata_rata is not none %} dengan rata-rata capaian {{ s.rata_rata|persen }}"
            "{% if ada.kategori %} (kategori {{ s.kategori }}){% endif %}{% endif %}."
        )
        with d.when("s.judul_tabel is not none"):
            d.caption_of("s.judul_tabel")
            d.table(
                [0.8, 5.6, 1.6, 1.6, 1.6, 1.6, 0.3, 2.4, 0.3],
                *columns_heading(
                    "No",
                    "Indikator Kinerja",
                    "Satuan",
                    "Target",
                    "Realisasi",
                    "Capaian (%)",
                    ("Kategori", "ada.kategori"),
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
        shown = "s.program and s.judul_tabel_program is not none"
        with d.when(f"({shown}) or s.narasi.program_pendukung"):
            d.p("Program dan kegiatan yang menunjang", "Sub Judul")
            d.narasi("s.narasi.program_pendukung")
            with d.when(shown):
                d.caption_of("s.judul_tabel_program")
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
        # A row heading its kegiatan (or sub kegiatan) never ends a page.
        rows += kept([name if c is None else c for c in cells])
    rows.append(Tag("endif"))
    return rows


def efficiency(d: Doc) -> None:
    d.p(
        "Efisiensi penggunaan anggaran dinilai dengan membandingkan capaian kinerja setiap "
        "sasaran dengan serapan anggarannya: {{ pengaturan.rumus_efisiensi }}. "
        "{{ teks.efisien }}"
    )
    d.add(section_break())
    d.caption_of("tabel.efisiensi.judul")
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
            *kept(
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
                ]
            ),
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
    d.chart("serapan_sasaran", "Capaian Kinerja dan Serapan Anggaran per Sasaran")
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
    """Realisasi Anggaran: the computed sentence, then the money tables."""
    d.narasi("narasi.realisasi_anggaran")
    d.p(
        "Pagu anggaran {{ instansi.nama }} {{ laporan.periode }} sebesar "
        "{{ anggaran.total.pagu|rupiah }} ({{ anggaran.total.pagu|terbilang_rupiah }}) "
        "dialokasikan untuk {{ teks.alokasi }}."
        "{% if ada.realisasi_anggaran %} Realisasi anggaran sebesar "
        "{{ anggaran.total.realisasi|rupiah }} "
        "({{ anggaran.total.realisasi|terbilang_rupiah }}) "
        "atau {{ anggaran.total.serapan|persen }} dari pagu, sehingga terdapat sisa anggaran "
        "sebesar {{ anggaran.total.sisa|rupiah }} "
        "({{ anggaran.total.sisa|terbilang_rupiah }}).{% endif %}"
    )
    # Sasaran rows list their indicators in a column of their own (seed 001 Tabel 3.6).
    names = C(["{%p for x in b.indikator %}", "{{ x }}", "{%p endfor %}"])
    for key, label in (("anggaran_sasaran", "Sasaran Strategis"), ("sumber_dana", "Sumber Dana")):
        indikator = f"tabel.{key}.kolom.indikator"
        with d.when(f"tabel.{key}"):
            d.caption_of(f"tabel.{key}.judul")
            d.table(
                [0.8, 2.6, 0.3, 2.7, 0.3, 2.4, 2.4, 2.4, 1.35, 1.35],
                *columns_heading(
                    "No",
                    label,
                    ("Indikator Kinerja", indikator),
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
                        *if_column(indikator, names),
                        *amounts("b"),
                        percent("b.persen_total"),
                    ],
                ),
                total_row(
                    f"{{{{ tabel.{key}.total.label }}}}",
                    5,
                    *amounts(f"tabel.{key}.total"),
                    C(""),
                    colspan=f"2 + tabel.{key}.kolom.indikator",
                ),
                width=16,
            )
    with d.when("tabel.belanja"):
        d.caption_of("tabel.belanja.judul")
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
        d.caption_of("tabel.anggaran.judul")
        program_table(d)
        d.add(section_break(landscape=True))
        d.chart("anggaran_program", "Pagu dan Realisasi Anggaran per Program {{ laporan.periode }}")


def program_table(d: Doc) -> None:
    """Every program, kegiatan and sub kegiatan with its indicators and money (landscape)."""
    kolom = "tabel.anggaran.kolom"
    kode, kinerja = f"{kolom}.kode", f"{kolom}.kinerja"
    dana, keterangan = f"{kolom}.sumber_dana", f"{kolom}.keterangan"
    # With every optional column the row is wider than the page; finish.fit_tables then
    # narrows the widest text columns.
    d.table(
        [1.0, 0.3, 2.8, 0.3, 4.4, 0.3, 3.6, 1.5, 1.5, 1.5, 0.3]
        + [2.3, 2.3, 1.4, 0.3, 2.4, 0.3, 0.3, 3.0, 0.3],
        *two_row_header(
            "No",
            if_column(kode, C("Kode")),
            "Program / Kegiatan / Sub Kegiatan",
            Group(
                if_columns(kinerja, [C("Kinerja", span=4)]),
                if_columns(kinerja, labels("Indikator", "Target", "Realisasi", "Capaian (%)")),
            ),
            Group("Anggaran", labels("Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)")),
            if_column(dana, C("Sumber Dana")),
            if_column(keterangan, C("Keterangan")),
        ),
        number_loop("tabel.anggaran.nomor"),
        *repeat(
            "tabel.anggaran.baris",
            *level_rows(
                [
                    no_cell(vmerge="b.vm"),
                    *if_column(kode, C("{{ b.kode }}", vmerge="b.vm")),
                    None,
                    *if_columns(kinerja, program_indicator_cells()),
                    money("b.pagu", vmerge="b.vm"),
                    money("b.realisasi_anggaran", vmerge="b.vm"),
                    percent("b.serapan", vmerge="b.vm"),
                    *if_column(dana, centre("{{ b.sumber_dana }}", vmerge="b.vm")),
                    *if_column(keterangan, C("{{ b.keterangan }}", vmerge="b.vm")),
                ]
            ),
        ),
        total_row(
            "JUMLAH",
            11,
            money("anggaran.total.pagu"),
            money("anggaran.total.realisasi"),
            percent("anggaran.total.serapan"),
            *if_column(dana, C("")),
            *if_column(keterangan, C("")),
            colspan="tabel.anggaran.lebar_jumlah",
        ),
        width=24.7,
    )


def bab4(d: Doc) -> None:
    d.h("{{ dokumen.bab4.judul }}", 1)
    d.sections(
        "bab4",
        {
            "simpulan": lambda: conclusion(d),
            "langkah_perbaikan": lambda: d.narasi("narasi.langkah_perbaikan"),
        },
    )
    d.p("")
    signature(d, "ttd.kepala", place_date="{{ laporan.tempat }}, {{ laporan.tanggal|tanggal }}")


def conclusion(d: Doc) -> None:
    """Simpulan: the office's text (narasi.penutup), then the computed summary."""
    d.narasi("narasi.penutup")
    d.p(
        "Laporan Kinerja {{ laporan.periode }} ini mengukur {{ ringkasan.jumlah_sasaran }} "
        "({{ ringkasan.jumlah_sasaran|terbilang }}) sasaran strategis {{ instansi.nama }} "
        "{{ instansi.pemda }} dengan {{ ringkasan.jumlah_indikator }} "
        "({{ ringkasan.jumlah_indikator|terbilang }}) indikator kinerja."
    )
    capaian_sentences(d)
    with d.when("ringkasan.jumlah_terukur and ada.kategori and tabel.kategori"):
        d.caption_of("tabel.kategori.judul")
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
        d.chart("kategori_capaian", "Jumlah Indikator Sasaran per Kategori Capaian")
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
    for style in (
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Judul Bagian",
        "Judul Tabel",
        "Judul Grafik",
    ):
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


# ---------------------------------------------------------------- the regency roll-up


def rekap(d: Doc) -> None:
    """The regency roll-up (lkjip rekap): one row per office, then the offices left out."""
    d.p("{{ rekap.judul|upper }}", "Judul Sampul")
    d.p("{{ rekap.pemda|upper }} TAHUN {{ rekap.tahun }}", "Judul Sampul")
    d.p(
        "Angka setiap perangkat daerah diambil dari hasil hitung LKjIP-nya sendiri. Baris jumlah "
        "memuat rata-rata dari rata-rata capaian setiap perangkat daerah dan serapan seluruh "
        "anggaran; urutan: {{ rekap.urutan_teks }}."
    )
    total = "rekap.jumlah"
    d.table(
        [0.9, 5.0, 1.5, 1.6, 1.9, 2.2, 0.3, 1.5, 0.3, 3.1, 3.1, 1.7, 1.8],
        *two_row_header(
            "No",
            "Perangkat Daerah",
            "Sasaran",
            "Indikator",
            Group("Capaian Kinerja", labels("Rata-rata (%)", "Kategori")),
            Group(
                "Indikator per Kategori",
                loop_cells("rekap.kategori", "{{ x }}", 1.5),
                colspan="rekap.kategori|length",
            ),
            Group("Anggaran", labels("Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)")),
            "Efisiensi (%)",
        ),
        number_loop("rekap.nomor"),
        *repeat(
            "rekap.kantor",
            [
                no_cell(),
                C("{{ b.nama }}"),
                centre("{{ b.jumlah_sasaran }}"),
                centre("{{ b.jumlah_indikator }}"),
                percent("b.rata_rata"),
                centre("{{ b.kategori }}"),
                *loop_cells("b.jumlah_kategori", "{{ x }}", 1.5, align="center"),
                money("b.pagu"),
                money("b.realisasi"),
                percent("b.serapan"),
                percent("b.efisiensi"),
            ],
        ),
        total_row(
            "JUMLAH",
            2,
            centre(f"{{{{ {total}.jumlah_sasaran }}}}"),
            centre(f"{{{{ {total}.jumlah_indikator }}}}"),
            percent(f"{total}.rata_rata"),
            centre(f"{{{{ {total}.kategori }}}}"),
            *loop_cells(f"{total}.jumlah_kategori", "{{ x }}", 1.5, align="center"),
            money(f"{total}.pagu"),
            money(f"{total}.realisasi"),
            percent(f"{total}.serapan"),
            percent(f"{total}.efisiensi"),
        ),
        width=LANDSCAPE_TEXT_WIDTH,
    )
    with d.when("rekap.gagal"):
        d.p("Perangkat daerah yang belum dapat direkap", "Sub Judul")
        d.p(
            "Data berkas berikut belum sah; perbaiki masalahnya (lkjip validate BERKAS), lalu "
            "buat ulang rekap ini."
        )
        d.table(
            [0.9, 7.0, 16.8],
            *heading("No", "Berkas", "Masalah pertama"),
            *repeat("rekap.gagal", [no_cell(), C("{{ b.berkas }}"), C("{{ b.masalah }}")]),
        )
    with d.when("rekap.peringatan"):
        d.p("Catatan", "Sub Judul")
        d.lines("rekap.peringatan", "List Bullet")


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
    "rekap": (rekap, "Rekap LKjIP kabupaten/kota"),
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
  realisasi_aksi, rkt, rekap (rekap kabupaten/kota).
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
