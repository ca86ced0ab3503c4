"""The plan parts of the default pack: rencana_aksi, realisasi_aksi and rkt (make_templates.py).

Each part is a document of its own (``lkjip build --document rencana-aksi``) and an annex of
the LKjIP when ``pengaturan.lampiran`` names it; ``cetak`` in the context says which. Each plan
sits on landscape pages: it starts by ending the section before it (an empty one is dropped by
lkjip_gen.render.sections) and ends with a landscape section break.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from docxkit import C, Group, loop_cells, numbers, section_break, total_row, two_row_header


def _kit() -> Any:
    """make_templates' shared cells and blocks (imported late: it imports this module)."""
    import make_templates

    return make_templates


@contextmanager
def _plan_pages(d: Any, condition: str | None, title: str, year: str, signed: str) -> Iterator[Any]:
    """A plan on landscape pages (when ``condition`` holds): the titles, what is written inside,
    then the head's signature dated ``signed``; yields make_templates' module."""
    kit = _kit()
    with d.when(condition) if condition else nullcontext():
        d.add(section_break())
        for line in (title, "{{ instansi.nama|upper }} {{ instansi.pemda|upper }}", year):
            d.p(line, "Judul Sampul")
        d.p("")
        yield kit
        place = f"{{{{ laporan.tempat }}}}, {{{{ {signed}|tanggal }}}}"
        kit.signature(d, "ttd.kepala", place_date=place)
        d.add(section_break(landscape=True))


def rencana_aksi(d: Any) -> None:
    """Rencana Aksi: per sasaran, each indicator's target per quarter, actions, responsible."""
    with (
        d.when("cetak.rencana_aksi"),
        d.each("ra in siklus.rencana_aksi"),
        _plan_pages(
            d,
            None,
            "RENCANA AKSI PENCAPAIAN TARGET KINERJA",
            "TAHUN {{ ra.tahun }}",
            "ra.tanggal",
        ) as kit,
    ):
        d.table(
            [0.8, 2.8, 3.4, 1.6, 4.2, 1.1, 1.1, 1.1, 1.1, 1.9, 1.9, 3.0, 2.2],
            *two_row_header(
                "No",
                "Sasaran",
                "Indikator Kinerja",
                "Target",
                "Rencana Aksi",
                Group("Target Triwulan", kit.labels("I", "II", "III", "IV")),
                "Kendala",
                "Tindak Lanjut",
                "Program/Kegiatan/ Sub Kegiatan",
                "Penanggung Jawab",
            ),
            numbers(13),
            *kit.repeat(
                "ra.baris",
                [
                    kit.no_cell(vmerge="b.vm"),
                    C("{{ b.sasaran }}", vmerge="b.vm"),
                    C("{{ b.indikator }}"),
                    kit.with_unit("b.target"),
                    C("{{ b.aksi|baris }}"),
                    *loop_cells("b.tw", "{{ x }}", 1.1, align="center"),
                    C("{{ b.kendala }}"),
                    C("{{ b.tindak_lanjut }}"),
                    C("{{ b.kegiatan }}"),
                    C("{{ b.penanggung_jawab }}"),
                ],
            ),
        )


def realisasi_aksi(d: Any) -> None:
    """Realisasi Rencana Aksi: each quarter's target, realisasi and capaian, up to the period."""
    table = "siklus.realisasi_aksi"
    with _plan_pages(
        d,
        f"cetak.realisasi_rencana_aksi and {table}",
        "REALISASI RENCANA AKSI PENCAPAIAN TARGET KINERJA",
        f"TAHUN {{{{ {table}.tahun }}}} (SAMPAI {{{{ {table}.sampai|upper }}}})",
        f"{table}.tanggal",
    ) as kit:
        quarter = kit.labels("Target", "Realisasi", "%")
        d.table(
            [0.7, 2.2, 2.8, 1.3, *[1.0] * 12, 1.3, 1.2, 1.8, 1.8, 2.2],
            *two_row_header(
                "No",
                "Sasaran",
                "Indikator Kinerja",
                "Target Tahunan",
                Group("Triwulan I", quarter),
                Group("Triwulan II", quarter),
                Group("Triwulan III", quarter),
                Group("Triwulan IV", quarter),
                f"Realisasi s.d. {{{{ {table}.sampai }}}}",
                "Capaian (%)",
                "Kendala",
                "Tindak Lanjut",
                "Program/Kegiatan/ Sub Kegiatan",
            ),
            numbers(21),
            *kit.repeat(
                f"{table}.baris",
                [
                    kit.no_cell(vmerge="b.vm"),
                    C("{{ b.sasaran }}", vmerge="b.vm"),
                    C("{{ b.indikator }}"),
                    kit.with_unit("b.target"),
                    *loop_cells("b.sel", "{{ x }}", 1.0, align="center"),
                    kit.with_unit("b.realisasi"),
                    kit.percent("b.capaian"),
                    C("{{ b.kendala }}"),
                    C("{{ b.tindak_lanjut }}"),
                    C("{{ b.kegiatan }}"),
                ],
            ),
        )


def rkt(d: Any) -> None:
    """Rencana Kerja Tahunan: per sasaran, its targets and the programs with their budget."""
    table = "siklus.rkt"
    with _plan_pages(
        d,
        f"cetak.rkt and {table}",
        "RENCANA KERJA TAHUNAN",
        f"TAHUN {{{{ {table}.tahun }}}}",
        "laporan.tanggal",
    ) as kit:
        d.table(
            [0.8, 3.4, 4.2, 1.8, 3.4, 3.4, 4.0, 2.8],
            *kit.heading(
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Target",
                "Program",
                "Kegiatan",
                "Sub Kegiatan",
                "Anggaran (Rp)",
            ),
            *kit.repeat(
                f"{table}.baris",
                [
                    kit.no_cell(vmerge="b.vm"),
                    C("{{ b.sasaran }}", vmerge="b.vm"),
                    C("{{ b.indikator }}"),
                    kit.with_unit("b.target"),
                    C("{{ b.program }}"),
                    C("{{ b.kegiatan }}"),
                    C("{{ b.sub_kegiatan }}"),
                    kit.money("b.anggaran"),
                ],
            ),
            total_row("Total Jumlah/Nilai Pagu Anggaran", 7, kit.money(f"{table}.jumlah")),
        )


# The parts this module builds, for make_templates.BODIES.
BODIES = {
    "rencana_aksi": (rencana_aksi, "Rencana Aksi (dokumen dan lampiran LKjIP)"),
    "realisasi_aksi": (realisasi_aksi, "Realisasi Rencana Aksi (dokumen dan lampiran LKjIP)"),
    "rkt": (rkt, "Rencana Kerja Tahunan (dokumen dan lampiran LKjIP)"),
}
