"""Markdown-lite narrative text → Word paragraphs in the template's styles (body text and lists)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NewType
from xml.sax.saxutils import escape

from markupsafe import Markup

Paragraphs = NewType("Paragraphs", Markup)
"""Word paragraphs (``<w:p>`` elements) made from narrative text: placed with ``{{p name }}``."""

# Paragraph style names by kind and nesting level. The templates define them (tools/
# make_templates.py) and an office restyles them in Word; the list styles carry the numbering, and
# render.py restarts numbered lists so that each list counts from 1.
STYLE_NAMES = {
    ("paragraf", 1): "Body Text",
    ("butir", 1): "List Bullet",
    ("butir", 2): "List Bullet 2",
    ("angka", 1): "List Number",
    ("angka", 2): "List Number 2",
    ("huruf", 1): "Daftar Huruf",
    ("huruf", 2): "Daftar Huruf 2",
}

# "- item", "* item", "• item", "1. item", "1) item", "a. item", "a) item"; two or more leading
# spaces (or a tab) nest the item one level.
_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>[-*•]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?P<text>\S.*)$"
)
# A closing "**" followed by a third "*" belongs to "***": italic closes inside the bold first.
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)")
_ITALIC = re.compile(r"\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*")
# Characters XML 1.0 cannot carry at all; anything else reaches the document as typed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DOCXTPL_MARKS = re.compile(r"{_[{%]|[}%]_}")


@dataclass
class Run:
    """A stretch of text with one formatting."""

    teks: str
    tebal: bool = False
    miring: bool = False


@dataclass
class Paragraph:
    """One Word paragraph: body text or a list item (``butir``, ``angka``, ``huruf``)."""

    jenis: str
    tingkat: int = 1
    runs: list[Run] = field(default_factory=list)

    @property
    def style_id(self) -> str:
        return style_id(STYLE_NAMES[self.jenis, self.tingkat])


def style_id(name: str) -> str:
    """The styleId Word and python-docx give a paragraph style name ("List Bullet" → ListBullet)."""
    return name.replace(" ", "")


def xml_safe(text: str) -> str:
    """``text`` without the few control characters XML 1.0 cannot carry at all."""
    return _NOT_XML.sub("", text)


def xml_text(text: str) -> str:
    """Escape text for a ``w:t`` element, dropping only the characters XML cannot hold.

    docxtpl turns ``{_{`` into ``{{`` (and the like) in everything it renders; an underscore
    written as a character reference survives that untouched and still reads as "_".
    """
    escaped = escape(xml_safe(text))
    if _DOCXTPL_MARKS.search(escaped):
        escaped = escaped.replace("_", "&#95;")
    return escaped


def parse(text: str) -> list[Paragraph]:
    """Split narrative text into paragraphs and list items.

    Paragraphs are separated by blank lines; lines inside a paragraph are joined with a space, as
    in Markdown. A line starting with a list marker starts a new item; following lines without a
    marker continue it. Inline ``**bold**`` and ``*italic*`` are recognised; an asterisk without a
    partner stays as typed.
    """
    blocks: list[tuple[str, int, list[str]]] = []
    current: tuple[str, int, list[str]] | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            current = None
            continue
        match = _MARKER.match(line)
        if match:
            indent = match["indent"].expandtabs(4)
            current = (_kind(match["mark"]), 2 if len(indent) >= 2 else 1, [match["text"]])
            blocks.append(current)
        elif current is None:
            current = ("paragraf", 1, [line.strip()])
            blocks.append(current)
        else:
            current[2].append(line.strip())
    return [Paragraph(kind, level, _runs(" ".join(lines))) for kind, level, lines in blocks]


def to_xml(paragraphs: list[Paragraph]) -> Paragraphs:
    """The paragraphs as WordprocessingML, ready to replace a ``{{p …}}`` paragraph."""
    parts = []
    for paragraph in paragraphs:
        runs = "".join(_run_xml(run) for run in paragraph.runs)
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{paragraph.style_id}"/></w:pPr>{runs}</w:p>')
    return Paragraphs(Markup("".join(parts)))


def render(text: str | None) -> Paragraphs | None:
    """Narrative text as Word paragraphs; ``None`` when there is nothing to print."""
    if text is None or not text.strip():
        return None
    return to_xml(parse(text))


def _kind(mark: str) -> str:
    if mark in "-*•":
        return "butir"
    return "angka" if mark[0].isdigit() else "huruf"


def _runs(text: str) -> list[Run]:
    runs: list[Run] = []
    for bold_index, piece in enumerate(_BOLD.split(text)):
        bold = bold_index % 2 == 1
        for italic_index, part in enumerate(_ITALIC.split(piece)):
            if part:
                runs.append(Run(part, bold, italic_index % 2 == 1))
    return runs


def _run_xml(run: Run) -> str:
    props = ("<w:b/><w:bCs/>" if run.tebal else "") + ("<w:i/><w:iCs/>" if run.miring else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(run.teks)}</w:t></w:r>'
