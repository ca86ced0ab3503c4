"""Render the regency roll-up into a Word document with the default pack's ``rekap`` part.

The same machinery as an office's report (prepared template, sandboxed environment, strict
checks of the rendered XML and structure, deterministic package), with the finishing steps that
apply to a single table document: paper, table widths, properties.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from lkjip_gen.errors import TemplateFailed
from lkjip_gen.output.files import docx_bytes
from lkjip_gen.rekap.types import Rekap
from lkjip_gen.render import finish, structure
from lkjip_gen.render.assemble import remove_markers
from lkjip_gen.render.document import LkjipTemplate, environment
from lkjip_gen.render.narrative import xml_safe
from lkjip_gen.render.pack import open_pack
from lkjip_gen.render.prepare import prepared
from lkjip_gen.render.properties import core_text

DOCUMENT = "rekap"
_FIXED_COLUMNS = 10  # No, nama, sasaran, indikator, rata-rata, kategori, pagu, …, efisiensi
_ORDERS = {
    "capaian": "rata-rata capaian tertinggi lebih dulu",
    "serapan": "serapan anggaran tertinggi lebih dulu",
    "nama": "nama perangkat daerah",
    "berkas": "urutan daftar kantor di berkas rekap",
}


def render_rekap(model: Rekap) -> bytes:
    """The roll-up as .docx bytes; the same model always gives the same bytes.

    Raises:
        TemplateFailed: the shipped ``rekap`` part is broken (a defect, caught by the tests).
    """
    pack = open_pack("default")
    if pack.errors:
        raise TemplateFailed(pack.errors)
    tpl = LkjipTemplate(prepared(pack, DOCUMENT), pack)
    env = environment({"pengaturan": {"desimal": 2, "rupiah": "puebi"}})
    with env.bounded():
        tpl.render(_context(model), jinja_env=env)
    problems = structure.check(tpl.docx, pack)
    if problems:
        raise TemplateFailed(problems)
    remove_markers(tpl.docx)
    finish.set_paper(tpl.docx, "A4")
    finish.fit_tables(tpl.docx)
    _properties(tpl.docx, model)
    structure.order_sections(tpl.docx)
    return docx_bytes(tpl.docx)


def _context(model: Rekap) -> dict[str, Any]:
    """The model plus what the table prints but the model need not hold, and the two names
    gaya's footer reads ("LKjIP {{ instansi.nama }} {{ instansi.pemda }} {{ laporan.periode }}")."""
    columns = _FIXED_COLUMNS + len(model["kategori"])
    rekap = {
        **model,
        "nomor": list(range(1, columns + 1)),
        "urutan_teks": _ORDERS[model["urutan"]],
        "gagal": [{**g, "no": i} for i, g in enumerate(model["gagal"], 1)],
    }
    return {
        "rekap": rekap,
        "instansi": {"nama": "Rekap", "pemda": model["pemda"]},
        "laporan": {"periode": f"Tahun {model['tahun']}"},
    }


def _properties(document: Any, model: Rekap) -> None:
    """Title, author and dates from the data, never from the clock."""
    pemda = xml_safe(model["pemda"])
    day = date.fromisoformat(model["tanggal"]) if model["tanggal"] else date(model["tahun"], 12, 31)
    core = document.core_properties
    core.title = core_text(f"{xml_safe(model['judul'])} {pemda} Tahun {model['tahun']}")
    core.author = core.last_modified_by = core_text(pemda)
    core.subject = f"Rekap LKjIP Tahun {model['tahun']}"
    core.keywords = "LKjIP, SAKIP, rekap"
    core.created = core.modified = datetime.combine(day, time())
    core.revision = 1
    core.comments = "Dibuat dengan lkjip_gen"
