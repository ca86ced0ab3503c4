"""The images templates place: docxtpl InlineImages with alt text, and charts drawn on demand.

Every image carries a description (``descr`` of its ``wp:docPr``: Word's alt text, read aloud
by screen readers and kept by LibreOffice). A chart is drawn only when a template places it, or
beforehand by :func:`draw_charts`, so a document without charts never imports matplotlib.
"""

from __future__ import annotations

import re
import struct
import zlib
from io import BytesIO
from typing import Any

from docx.shared import Length, Mm
from docxtpl import InlineImage

from lkjip_gen.render import chart_draw
from lkjip_gen.render.chart_types import DataGrafik
from lkjip_gen.render.context_types import Grafik
from lkjip_gen.render.narrative import xml_text

LEBAR_GRAFIK = Mm(chart_draw.LEBAR_CM * 10)
_BETWEEN_TAGS = re.compile(r">\s+<")


class AltImage(InlineImage):  # type: ignore[misc]  # docxtpl ships no type hints
    """An InlineImage with alt text."""

    def __init__(
        self,
        tpl: Any,
        image: Any,
        *,
        alt: str,
        width: Length | None = None,
        height: Length | None = None,
    ) -> None:
        super().__init__(tpl, image, width=width, height=height)
        self.alt = alt

    def _insert_image(self) -> str:
        # docxtpl pretty-prints the drawing; the line breaks between its tags would make every
        # render run docxtpl's listing pass over the whole document (tabs and breaks in text).
        xml = _BETWEEN_TAGS.sub("><", str(super()._insert_image()))
        # xml_text keeps docxtpl's "{_{" unescaping from altering the text, as in any value.
        alt = xml_text(self.alt).replace('"', "&quot;")
        return xml.replace("<wp:docPr ", f'<wp:docPr descr="{alt}" ', 1)


class ChartImage(AltImage):
    """A chart of ``render.charts``, drawn (once per process) when first needed."""

    def __init__(self, tpl: Any, grafik: DataGrafik, huruf: str | None) -> None:
        super().__init__(tpl, None, alt=grafik.alt, width=LEBAR_GRAFIK)
        self.grafik, self.huruf = grafik, huruf
        self.sketch = False  # a blank placeholder instead of the drawing (see sketch_charts)

    def draw(self) -> bytes:
        return _BLANK_PNG if self.sketch else chart_draw.png(self.grafik, self.huruf)

    def _insert_image(self) -> str:
        self.image_descriptor = BytesIO(self.draw())
        return super()._insert_image()


def draw_charts(charts: Grafik, template_text: str) -> None:
    """Draw the charts now when the template names them, before its render is time-bounded.

    Drawing inside the render would count matplotlib's import against the template's limits and
    report a bad font file as a template error.
    """
    if "grafik" not in template_text:
        return
    for image in charts.values():
        if isinstance(image, ChartImage):
            image.draw()


def sketch_charts(charts: Grafik) -> None:
    """Let the charts be blank placeholders: the linter's renders check where a template places
    them, not what they show, and drawing costs more than the rest of a render."""
    for image in charts.values():
        if isinstance(image, ChartImage):
            image.sketch = True


def solid_png(width: int = 1, height: int = 1, rgb: bytes = b"\xff\xff\xff") -> bytes:
    """A PNG of one colour, written without an imaging library: 1×1 white is the charts' blank
    placeholder, the smallest image docxtpl can place (tests draw logos with it too)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    pixels = zlib.compress((b"\x00" + rgb * width) * height)  # each row: filter byte, pixels
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


_BLANK_PNG = solid_png()
