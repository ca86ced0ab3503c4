"""The template contract: the report-model version, the names and filters a template may use."""

from __future__ import annotations

# The version of the template context (the report model plus display rows) that templates
# read. Raise it when a name is removed or changes meaning; a pack declares in templat.yaml
# (``model:``) the version it was made for, and a pack made for another one is refused with a
# message instead of failing in Jinja.
MODEL_VERSION = 1

# The top-level names of the template context (lkjip_gen.render.context.build); a test keeps
# this list equal to what the context provides.
TEMPLATE_NAMES = frozenset(
    {
        "ada",
        "anggaran",
        "bagian_sasaran",
        "dasar_hukum",
        "gambar",
        "indikator",
        "instansi",
        "judul",
        "kondisi_umum",
        "laporan",
        "misi",
        "narasi",
        "narasi_renstra",
        "organisasi",
        "pengaturan",
        "peringatan",
        "pk",
        "renstra",
        "ringkas",
        "ringkasan",
        "sarana",
        "sasaran",
        "sdm",
        "tabel",
        "teks",
        "tujuan",
        "ttd",
    }
)

# Values that are whole paragraphs (narrative text): a template prints them with ``{{p … }}``
# alone in a paragraph; ``{{ … }}`` would put paragraphs inside a paragraph.
NARRATIVE_PREFIXES = ("narasi.", "narasi_renstra.", "organisasi.kedudukan", "organisasi.tugas")

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
