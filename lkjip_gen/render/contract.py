"""The template contract: the report-model version, the names and filters a template may use."""

from __future__ import annotations

from lkjip_gen.render.context_types import paragraph_paths, template_names

# The version of the template context (the report model plus display rows) that templates
# read. Raise it when a name is removed or changes meaning; a pack declares in templat.yaml
# (``model:``) the version it was made for, and a pack made for another one is refused with a
# message instead of failing in Jinja. Version 2 (issue 10): optional columns under
# ``tabel.<x>.kolom`` (``tabel.anggaran.kode``/``keterangan`` moved there), the sarana total is
# the value only (``total.nilai``), headings and captions come from ``dokumen``.
MODEL_VERSION = 2

# The top-level names of the template context, from its types (render/context_types.py,
# documented in docs/referensi-templat.md).
TEMPLATE_NAMES = frozenset(template_names())
# Parts rendered with another context than an office's report: the names they may use.
PART_NAMES = {"rekap": frozenset({"rekap"})}

# Values that are whole paragraphs (narrative text): a template prints them with ``{{p … }}``
# alone in a paragraph; ``{{ … }}`` would put paragraphs inside a paragraph. The paths inside
# loops (``bagian_sasaran[].narasi.…``) are left out: a tag names them by its loop variable.
NARRATIVE_PREFIXES = tuple(sorted(p for p in paragraph_paths() if "[]" not in p))

# Styles lkjip_gen finds by id (finishing numbers headings and captions, narrative text is laid
# out in the list and body styles), by their name as Word stores it (built-in names in lower
# case, in English whatever the language of Word). Assembly gives them these ids.
REQUIRED_STYLES = {
    "heading 1": "Heading1",
    "heading 2": "Heading2",
    "heading 3": "Heading3",
    "judul bagian": "JudulBagian",
    "judul tabel": "JudulTabel",
    "judul gambar": "JudulGambar",
    "body text": "BodyText",
    "list bullet": "ListBullet",
    "list bullet 2": "ListBullet2",
    "list number": "ListNumber",
    "list number 2": "ListNumber2",
    "daftar huruf": "DaftarHuruf",
    "daftar huruf 2": "DaftarHuruf2",
}
