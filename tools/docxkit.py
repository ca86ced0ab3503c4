"""WordprocessingML building blocks for make_templates.py: styles, numbering, paragraphs, tables."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape

from docx.document import Document
from docx.oxml import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'

TWIPS_PER_CM = 566.929
TEXT_WIDTH = 16.0  # cm between the margins of an A4 portrait page
# A4 portrait and its margins; F4 and landscape are applied by lkjip_gen.render.finish.
PAGE_W, PAGE_H = 11906, 16838
MARGIN = {"top": 1418, "bottom": 1418, "left": 1701, "right": 1134}
LANDSCAPE_MARGIN = {"top": 1701, "bottom": 1134, "left": 1418, "right": 1418}
FONT = "Arial"
BODY_SIZE = 11  # pt; styles without a size of their own inherit it
HEADER_FILL = "D9D9D9"
LOWERCASE_BUILTINS = ("Heading", "TOC", "Caption", "Footer", "Header")
NUMBER_FILL = "F2F2F2"


def twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


def element(xml: str):  # type: ignore[no-untyped-def]
    """Parse one element written without namespace declarations."""
    head, _, rest = xml.partition(">")
    if head.endswith("/"):
        return parse_xml(f"{head[:-1]} {NS}/>{rest}")
    return parse_xml(f"{head} {NS}>{rest}")


# ---------------------------------------------------------------- styles and numbering


def rpr(
    *,
    font: str | None = None,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    underline: bool = False,
    color: str | None = None,
) -> str:
    """Run properties. Only the document defaults name a font (``font``): every style inherits
    it, so one change there (or ``huruf`` in templat.yaml) restyles the whole report."""
    parts = []
    if font:
        parts.append(
            f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        )
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        half = round(size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def ppr(
    *,
    align: str | None = None,
    before: float = 0,
    after: float = 0,
    line: float = 1.0,
    first: float = 0,
    left: float = 0,
    hanging: float = 0,
    keep_next: bool = False,
    page_break: bool = False,
    outline: int | None = None,
    num_id: int | None = None,
    tabs: str = "",
    hyphenate: bool = True,
) -> str:
    parts = []
    if keep_next:
        parts.append("<w:keepNext/><w:keepLines/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    if num_id is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    parts.append(tabs)
    if not hyphenate:
        parts.append("<w:suppressAutoHyphens/>")
    parts.append(
        f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}" '
        f'w:line="{round(line * 240)}" w:lineRule="auto"/>'
    )
    if first or left or hanging:
        indent = f'<w:ind w:left="{twips(left)}"'
        indent += f' w:hanging="{twips(hanging)}"' if hanging else f' w:firstLine="{twips(first)}"'
        parts.append(indent + "/>")
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def define_style(
    doc: Document,
    name: str,
    *,
    kind: str = "paragraph",
    based: str = "Normal",
    pPr: str = "",
    rPr: str = "",
    tblPr: str = "",
    next_style: str | None = None,
    builtin: bool = False,
) -> None:
    """Create or replace a style wholesale, so that nothing of python-docx's theme leaks in."""
    styles = doc.styles.element
    sid = name.replace(" ", "")
    for old in styles.findall(f"{{{W}}}style"):
        if old.get(f"{{{W}}}styleId") == sid:
            styles.remove(old)
    # Word stores a few built-in style names in lower case ("heading 1", "toc 1", "footer").
    xml_name = name.lower() if builtin and name.startswith(LOWERCASE_BUILTINS) else name
    custom = "" if builtin else ' w:customStyle="1"'
    based_xml = f'<w:basedOn w:val="{based.replace(" ", "")}"/>' if based else ""
    next_xml = f'<w:next w:val="{next_style.replace(" ", "")}"/>' if next_style else ""
    styles.append(
        element(
            f'<w:style w:type="{kind}"{custom} w:styleId="{sid}"><w:name w:val="{xml_name}"/>'
            f"{based_xml}{next_xml}<w:qFormat/>{pPr}{rPr}{tblPr}</w:style>"
        )
    )


def numbering_xml(lists: list[tuple[str, str, float]]) -> str:
    """numbering.xml with one single-level list per (format, text, indent cm), numIds 1, 2, …"""
    abstracts, nums = [], []
    for i, (fmt, text, indent) in enumerate(lists):
        abstracts.append(
            f'<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{twips(indent)}" w:hanging="{twips(0.63)}"/></w:pPr>'
            + (
                f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr>'
                if fmt == "bullet"
                else ""
            )
            + "</w:lvl></w:abstractNum>"
        )
        nums.append(f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>')
    return f"<w:numbering>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


# ---------------------------------------------------------------- paragraphs


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
) -> str:
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    if size:
        props += f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
    props += '<w:u w:val="single"/>' if underline else ""
    rpr_xml = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(
    text: str = "",
    style: str = "Body Text",
    *,
    align: str | None = None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    runs: str | None = None,
    extra_ppr: str = "",
) -> str:
    """A paragraph; ``text`` may hold Jinja tags, which must stay inside one run."""
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    body = (
        runs
        if runs is not None
        else (run(text, bold=bold, italic=italic, underline=underline, size=size) if text else "")
    )
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style.replace(" ", "")}"/>{extra_ppr}{jc}</w:pPr>'
        f"{body}</w:p>"
    )


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl paragraph tag such as ``{%p if x %}``."""
    return para(text, "Normal")


def field_runs(instruction: str, placeholder: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run(placeholder)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def page_break() -> str:
    return '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>'


def sect_pr(
    *, landscape: bool = False, roman: bool = False, restart: bool = False, title_page: bool = False
) -> str:
    w, h = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    m = LANDSCAPE_MARGIN if landscape else MARGIN
    orient = ' w:orient="landscape"' if landscape else ""
    numbering = ""
    if roman or restart:
        fmt = "lowerRoman" if roman else "decimal"
        numbering = f'<w:pgNumType w:fmt="{fmt}" w:start="1"/>'
    return (
        f'<w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
        f'<w:pgMar w:top="{m["top"]}" w:right="{m["right"]}" w:bottom="{m["bottom"]}" '
        f'w:left="{m["left"]}" w:header="709" w:footer="709" w:gutter="0"/>'
        f"{numbering}{'<w:titlePg/>' if title_page else ''}</w:sectPr>"
    )


def section_break(**kwargs: bool) -> str:
    """An empty paragraph ending a section; the section's properties travel with it."""
    return f'<w:p><w:pPr><w:pStyle w:val="Normal"/>{sect_pr(**kwargs)}</w:pPr></w:p>'


# ---------------------------------------------------------------- tables


@dataclass
class C:
    """One table cell of a template row.

    ``text`` is the content (Jinja allowed) or a list of paragraphs (for ``{%p %}`` loops inside
    the cell). ``merge`` writes a static vertical merge (header rows); ``vmerge`` an expression for
    our ``{% vmerge %}`` tag (body rows); ``bg`` an expression for docxtpl's ``{% cellbg %}``.
    """

    text: str | list[str] = ""
    align: str = "left"
    span: int = 1
    bold: bool = False
    italic: bool = False
    indent: float = 0
    merge: str | None = None
    vmerge: str | None = None
    colspan: str | None = None
    bg: str | None = None
    style: str | None = None
    width: float | None = None
    # Keep the row on the page of the row below it (a title row never ends a page).
    keep_next: bool = False


@dataclass
class Row:
    cells: list[C]
    header: bool = False
    number: bool = False
    fill: str | None = None
    bold: bool = False
    valign: str | None = None


@dataclass
class Tag:
    """A row holding only a docxtpl row tag, e.g. ``Tag("for b in t.baris")``."""

    text: str


@dataclass
class Table:
    widths: list[float]
    rows: list[Row | Tag] = field(default_factory=list)
    style: str = "Tabel LKjIP"
    center: bool = True
    # The printed width in cm when it differs from the sum of ``widths``: a table with a
    # column loop is as wide as the page whatever the number of repeated columns.
    width: float | None = None

    def xml(self) -> str:
        grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in self.widths)
        total = twips(self.width) if self.width else sum(twips(w) for w in self.widths)
        jc = '<w:jc w:val="center"/>' if self.center else ""
        rows = "".join(self._row(r) for r in self.rows)
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style.replace(" ", "")}"/>'
            f'<w:tblW w:w="{total}" w:type="dxa"/>{jc}<w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
        )

    def _row(self, row: Row | Tag) -> str:
        if isinstance(row, Tag):
            row = Row([C("{%tr " + row.text + " %}", span=len(self.widths))])
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if row.header else "")
        cells, column = [], 0
        for cell in row.cells:
            width = (
                cell.width
                if cell.width is not None
                else sum(self.widths[column : column + cell.span])
            )
            column += cell.span
            cells.append(self._cell(cell, row, width))
        return f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>"

    def _cell(self, cell: C, row: Row, width: float) -> str:
        props = [f'<w:tcW w:w="{twips(width)}" w:type="dxa"/>']
        if cell.span > 1:
            props.append(f'<w:gridSpan w:val="{cell.span}"/>')
        if cell.merge:
            props.append(
                '<w:vMerge w:val="restart"/>' if cell.merge == "restart" else "<w:vMerge/>"
            )
        fill = row.fill or (NUMBER_FILL if row.number else HEADER_FILL if row.header else None)
        if fill:
            props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
        valign = row.valign or ("center" if row.header else "top")
        props.append(f'<w:vAlign w:val="{valign}"/>')
        prefix = "".join(
            f"{{% {name} {expr} %}}"
            for name, expr in (
                ("vmerge", cell.vmerge),
                ("colspan", cell.colspan),
                ("cellbg", cell.bg),
            )
            if expr
        )
        texts = cell.text if isinstance(cell.text, list) else [cell.text]
        style = cell.style or (
            "Nomor Kolom" if row.number else "Kepala Tabel" if row.header else "Isi Tabel"
        )
        align = "center" if row.header else cell.align
        extra_ppr = ("<w:keepNext/>" if cell.keep_next else "") + (
            f'<w:ind w:left="{twips(cell.indent)}"/>' if cell.indent else ""
        )
        paragraphs = []
        for i, text in enumerate(texts):
            content = (prefix if i == 0 else "") + text
            paragraphs.append(
                para(
                    content,
                    style,
                    align=align,
                    bold=cell.bold or row.bold,
                    italic=cell.italic,
                    extra_ppr=extra_ppr,
                )
            )
        return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{''.join(paragraphs)}</w:tc>"


@dataclass
class Group:
    """A header over several columns: ``label`` on top, ``cells`` beneath it.

    ``colspan`` is an expression for docxtpl's colspan tag when the number of columns beneath
    varies (a column loop).
    """

    label: str | list[C]
    cells: list[C]
    colspan: str | None = None


def number_loop(items: str) -> Row:
    """The column-number row of a table with a column loop: the numbers come from ``items``."""
    return Row(loop_cells(items, "{{ x }}", 1, align="center"), header=True, number=True)


def two_row_header(*columns: str | Group | list[C]) -> list[Row]:
    """Two header rows: a plain label spans both rows, a Group splits into its cells below.

    A list stands for one column wrapped in tag cells (an optional column, see ``if_column``).
    """
    top: list[C] = []
    below: list[C] = []
    for column in columns:
        if isinstance(column, Group):
            if isinstance(column.label, list):
                top += column.label
            else:
                span = sum(c.span for c in column.cells)
                top.append(C(column.label, span=span, colspan=column.colspan))
            below += column.cells
        elif isinstance(column, str):
            top.append(C(column, merge="restart"))
            below.append(C("", merge="continue"))
        else:
            top += [c if _is_tag(c) else replace(c, merge="restart") for c in column]
            below += [c if _is_tag(c) else replace(c, text="", merge="continue") for c in column]
    return [Row(top, header=True), Row(below, header=True)]


def header(*labels: str) -> Row:
    return Row([C(label, align="center") for label in labels], header=True)


def heading(*labels: str) -> list[Row]:
    """A one-row header and the column numbers beneath it."""
    return [header(*labels), numbers(len(labels))]


def repeat(items: str, *rows: Row | Tag | list[C]) -> list[Row | Tag]:
    """``rows`` repeated by docxtpl for every ``b`` in ``items``; a list of cells is a row."""
    body = [Row(row) if isinstance(row, list) else row for row in rows]
    return [Tag(f"for b in {items}"), *body, Tag("endfor")]


def if_column(condition: str, cell: C) -> list[C]:
    """A column that exists only when ``condition`` holds (docxtpl drops its cells otherwise)."""
    return [C(f"{{%tc if {condition} %}}", width=0.3), cell, C("{%tc endif %}", width=0.3)]


def bold_row(*cells: C) -> Row:
    """A row in bold; the tag cells of a column loop or an optional column stay as they are."""
    return Row([c if _is_tag(c) else replace(c, bold=True) for c in cells])


def total_row(
    label: str, span: int, *cells: C, align: str = "center", colspan: str | None = None
) -> Row:
    """A closing row in bold: ``label`` over the first ``span`` columns, then ``cells``."""
    return bold_row(C(label, span=span, align=align, colspan=colspan), *cells)


def _is_tag(cell: C) -> bool:
    return isinstance(cell.text, str) and cell.text.startswith("{%tc")


def numbers(count: int) -> Row:
    """The column-number row (1 2 3 …) printed under every header, repeated like the header."""
    return Row([C(str(i), align="center") for i in range(1, count + 1)], header=True, number=True)


def loop_cells(items: str, content: str, width: float, **kwargs: object) -> list[C]:
    """A horizontal loop: docxtpl repeats the middle cell once per item of ``items``."""
    return [
        C("{%tc for x in " + items + " %}", width=0.3),
        C(content, width=width, **kwargs),
        C("{%tc endfor %}", width=0.3),
    ]
