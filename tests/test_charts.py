"""Charts: their data read back from the model against the tables they illustrate, their place,
numbering, alt text and list in the document, the switches, fonts and byte-for-byte drawing."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import struct
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from examples import EXAMPLES, MINIMAL, ROOT, model, rendered
from lkjip_gen.data.fonts import font_problem
from lkjip_gen.errors import LkjipError
from lkjip_gen.render import chart_draw, charts
from lkjip_gen.render.chart_types import DataGrafik
from lkjip_gen.render.context import display_tables
from lkjip_gen.render.document import render_docx
from lkjip_gen.render.outline import Shape

D = Decimal
IDS = [p.parent.name for p in EXAMPLES]


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def paragraphs(document: Document, style_id: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.style_id == style_id]


def chart_images(document: Document) -> list[str]:
    """The alt text of every image in a chart paragraph, in document order."""
    return [
        str(pr.get("descr"))
        for p in document.paragraphs
        if p.style.style_id == "Grafik"
        for pr in p._p.iter(qn("wp:docPr"))  # noqa: SLF001
    ]


# ---------------------------------------------------------------- data = the tables


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_capaian_chart_shows_the_measurement_tables_indicators_and_capaian(path: Path) -> None:
    data = model(path)
    chart = charts.charts(data, Shape(data).hidden)["capaian_indikator"]
    assert chart is not None
    tabel = display_tables(data)[0]
    # Tujuan first, whether printed in their own table (dokumen.tujuan_terpisah) or not.
    rows = [*(tabel["pengukuran_tujuan"] or {"baris": []})["baris"], *tabel["pengukuran"]["baris"]]
    printed = [
        (r["nama"], r["capaian"])
        for r in rows
        if r["judul"] is None and r["misi"] is None and r["capaian"] is not None
    ]
    (panel,) = chart.panel
    (series,) = panel.seri
    assert list(zip(panel.label, series.nilai, strict=True)) == printed
    assert panel.acuan == 100


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_budget_charts_show_the_budget_tables_amounts(path: Path) -> None:
    data = model(path)
    tabel = display_tables(data)[0]
    programs = [
        (r["nama"], r["pagu"], r["realisasi_anggaran"])
        for r in (tabel["anggaran"] or {"baris": []})["baris"]
        if r["level"] == "program" and r["vm"] != "continue" and r["pagu"] is not None
    ]
    chart = charts.anggaran_program(data)
    assert chart is not None
    (panel,) = chart.panel
    pagu, realisasi = panel.seri
    assert list(zip(panel.label, pagu.nilai, realisasi.nilai, strict=True)) == programs

    efficiency = [
        (r["no"], r["rata_rata"], r["serapan"])
        for r in (tabel["efisiensi"] or {"baris": []})["baris"]
        if r["vm_sasaran"] != "continue"
    ]
    chart = charts.serapan_sasaran(data)
    assert chart is not None
    (panel,) = chart.panel
    capaian, serapan = panel.seri
    numbers = [label.split(":")[0].removeprefix("Sasaran ") for label in panel.label]
    assert list(zip(numbers, capaian.nilai, serapan.nilai, strict=True)) == efficiency


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_yearly_chart_prints_the_comparison_tables_realisasi(path: Path) -> None:
    data = model(path)
    tabel = display_tables(data)[0]
    table = tabel["riwayat"]
    chart = charts.charts(data, Shape(data).hidden)["realisasi_tahunan"]
    assert table is not None and chart is not None
    both = [*(tabel["riwayat_tujuan"] or {"baris": []})["baris"], *table["baris"]]
    rows = {r["nama"]: r["sel"][::2] for r in both}
    compared = 0
    for panel in chart.panel:
        cells = dict(zip(table["tahun"], rows[panel.judul], strict=True))
        for label, text in zip(panel.label, panel.seri[0].teks, strict=True):
            if label[:4] in cells:  # "2023 (TW I)" is the table's 2023
                assert text == cells[label[:4]], (panel.judul, label)
                compared += 1
    assert compared >= 2 * len(chart.panel)


def test_kategori_chart_counts_what_the_rekapitulasi_table_counts() -> None:
    data = model()
    rows = display_tables(data)[0]["kategori"]
    chart = charts.kategori_capaian(data)
    assert rows is not None and chart is not None
    (panel,) = chart.panel
    assert list(zip(panel.label, panel.seri[0].nilai, strict=True)) == [
        (r["label"], r["jumlah"]) for r in rows["baris"]
    ]


def test_minimal_example_charts_hold_hand_checked_values() -> None:
    found = charts.charts(model())
    capaian = found["capaian_indikator"]
    assert capaian is not None
    # TPT is negative: (2 × 4,4 − 4,1) / 4,4 × 100; IKU1 48,5 / 48; IKU2 372 / 380.
    assert capaian.panel[0].seri[0].teks == ("106,82%", "101,04%", "97,89%")
    assert capaian.panel[0].seri[0].warna == ("#1F4E79",) * 3  # Sangat Tinggi, no colour set
    assert capaian.alt.startswith(
        "Grafik batang capaian 3 indikator terhadap 100%: Tingkat Pengangguran Terbuka "
        "106,82% (Sangat Tinggi); "
    )
    money = found["anggaran_program"]
    assert money is not None
    assert (money.sumbu, money.skala) == ("Anggaran (miliar rupiah)", D(10) ** 9)
    pagu, realisasi = money.panel[0].seri
    assert pagu.teks == ("Rp150 juta", "Rp500 juta", "Rp2 miliar")
    assert realisasi.teks == ("Rp142,5 juta", "Rp450 juta", "Rp1,95 miliar")
    assert pagu.arsir[0] and not realisasi.arsir[0]  # told apart in black and white too
    yearly = found["realisasi_tahunan"]
    assert yearly is not None
    assert [(p.judul, p.label, p.seri[0].teks, p.seri[1].teks) for p in yearly.panel] == [
        ("Tingkat Pengangguran Terbuka (%)", ("2023", "2024"), ("4,5", "4,1"), ("4,6", "4,4")),
        (
            "Persentase pencari kerja yang ditempatkan (%)",
            ("2022", "2023", "2024"),
            ("43,1", "45,5", "48,50"),
            ("44", "46", "48"),
        ),
    ]
    assert found["realisasi_triwulan"] is None  # an annual report


def test_quarterly_chart_shows_the_quarters_so_far_against_the_target() -> None:
    data = model()
    data["laporan"].update(jenis="triwulan", triwulan=3)
    tpt, iku1, _ = data["indikator"]
    tpt["triwulan"] = [D("4.3"), D("4.2"), None, D("4.0")]
    iku1["triwulan"] = [D(10), D(25)]

    chart = charts.realisasi_triwulan(data)

    assert chart is not None and not chart.mendatar
    assert [p.judul for p in chart.panel] == [
        "Tingkat Pengangguran Terbuka (%)",
        "Persentase pencari kerja yang ditempatkan (%)",
    ]
    assert [(p.label, p.seri[0].nilai, p.acuan) for p in chart.panel] == [
        (("TW I", "TW II", "TW III"), (D("4.3"), D("4.2"), None), D("4.4")),
        (("TW I", "TW II", "TW III"), (D(10), D(25), None), D(48)),
    ]
    assert [e.label for e in chart.legenda] == ["Realisasi", "Target"]
    # One quarter is no series: the first quarter's report has no quarterly chart.
    data["laporan"]["triwulan"] = 1
    assert charts.realisasi_triwulan(data) is None


def test_switches_and_the_indicator_opt_out_leave_charts_out() -> None:
    data = model()
    data["indikator"][0]["grafik"] = False
    data["pengaturan"]["grafik"]["tampil"].remove("realisasi_tahunan")

    found = charts.charts(data)

    assert found["realisasi_tahunan"] is None
    capaian = found["capaian_indikator"]
    assert capaian is not None and "Tingkat Pengangguran Terbuka" not in capaian.panel[0].label
    # The count per kategori stays the table's count: the opt-out is about drawing one bar.
    assert found["kategori_capaian"] is not None


def test_office_colours_and_a_scale_without_kategori() -> None:
    data = model()
    data["pengaturan"]["skala"][0]["warna"] = "#00b050"
    data["pengaturan"]["grafik"]["warna"]["realisasi"] = "#112233"
    capaian, money = charts.capaian_indikator(data), charts.anggaran_program(data)
    assert capaian is not None and money is not None
    assert capaian.panel[0].seri[0].warna[0] == "#00B050"
    assert money.panel[0].seri[1].warna[0] == "#112233"
    data["pengaturan"]["skala"] = []
    plain = charts.capaian_indikator(data)
    assert plain is not None
    assert [e.label for e in plain.legenda] == ["100%"]
    assert charts.kategori_capaian(data) is None


def test_a_chart_too_long_to_read_is_left_out() -> None:
    data = model()
    data["indikator"] = data["indikator"] * 21  # 63 bars
    assert charts.capaian_indikator(data) is None


def test_settings_switch_charts_from_the_data() -> None:
    from lkjip_gen.data.settings import resolve

    assert resolve({"grafik": {"tampil": False}}).grafik.tampil == ()
    chosen = resolve({"grafik": {"anggaran_program": False, "warna": {"pagu": "#abcdef"}}})
    assert "anggaran_program" not in chosen.grafik.tampil
    assert len(chosen.grafik.tampil) == 5
    assert dict(chosen.grafik.warna)["pagu"] == "#ABCDEF"


# ---------------------------------------------------------------- in the document


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_every_example_has_its_charts_numbered_with_alt_text_and_a_list(path: Path) -> None:
    document = read(rendered(path))
    data = model(path)
    present = [c for c in charts.charts(data, Shape(data).hidden).values() if c is not None]
    assert chart_images(document) == [c.alt for c in present]
    captions = paragraphs(document, "JudulGrafik")
    assert len(captions) == len(present) >= 4
    chapters = [re.match(r"Grafik (\d)\.(\d+) \S", c) for c in captions]
    assert all(chapters), captions
    by_chapter: dict[str, list[int]] = {}
    for match in chapters:
        assert match is not None
        by_chapter.setdefault(match.group(1), []).append(int(match.group(2)))
    assert all(n == list(range(1, len(n) + 1)) for n in by_chapter.values()), captions
    # Each chart sits right above its caption.
    styles = [p.style.style_id for p in document.paragraphs]
    assert all(styles[i + 1] == "JudulGrafik" for i, s in enumerate(styles) if s == "Grafik")
    fields = "".join(t.text for t in document.element.body.iter(qn("w:instrText")))
    assert 'TOC \\h \\z \\t "Judul Grafik,1"' in fields
    assert "Daftar Grafik" in paragraphs(document, "JudulBagian")


def test_turning_charts_off_removes_them_their_captions_and_the_list() -> None:
    data = model()
    data["pengaturan"]["grafik"]["tampil"].remove("capaian_indikator")
    document = read(render_docx(data))
    captions = paragraphs(document, "JudulGrafik")
    assert not any("Capaian Kinerja per Indikator" in c for c in captions)
    assert captions[0] == "Grafik 3.1 Realisasi dan Target Indikator Kinerja per Tahun"
    assert len(chart_images(document)) == 4

    data["pengaturan"]["grafik"]["tampil"] = []
    document = read(render_docx(data))
    assert chart_images(document) == [] and paragraphs(document, "JudulGrafik") == []
    assert "Daftar Grafik" not in paragraphs(document, "JudulBagian")
    fields = "".join(t.text for t in document.element.body.iter(qn("w:instrText")))
    assert "Judul Grafik" not in fields


def test_alt_text_keeps_quotes_and_markup_from_the_data() -> None:
    data = model()
    for i in data["indikator"]:
        i["nama"] = 'Indeks "K&K" <baru> {_{ x }_}'
    data["pengaturan"]["grafik"]["tampil"] = ["capaian_indikator"]
    chart = charts.capaian_indikator(data)
    assert chart is not None
    assert chart_images(read(render_docx(data))) == [chart.alt]
    assert 'Indeks "K&K" <baru> {_{ x }_} 106,82%' in chart.alt


# ---------------------------------------------------------------- drawing


def test_drawing_is_byte_for_byte_repeatable_without_tags_or_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LKJIP_CACHE", "0")  # two real drawings, not one and its kept copy
    chart = charts.kategori_capaian(model())
    assert chart is not None
    first = chart_draw.png(chart)
    chart_draw.png.cache_clear()
    again = chart_draw.png(chart)
    assert again == first
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    chunks = []
    at = 8
    while at < len(first):
        (length,) = struct.unpack(">I", first[at : at + 4])
        chunks.append(first[at + 4 : at + 8])
        at += 12 + length
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(chunks), chunks
    width, height = struct.unpack(">II", first[16:24])
    assert width == int(16 / 2.54 * chart_draw.DPI)  # 16 cm at 200 dpi


def test_an_office_font_file_is_used_and_a_broken_one_is_the_datas_error(tmp_path: Path) -> None:
    chart = charts.kategori_capaian(model())
    assert chart is not None
    import matplotlib

    bold = tmp_path / "kantor.ttf"
    shutil.copy(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf", bold)
    assert font_problem(bold) is None
    assert chart_draw.png(chart, str(bold)) != chart_draw.png(chart)

    broken = tmp_path / "rusak.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00 bukan huruf")
    with pytest.raises(LkjipError, match=r"rusak\.ttf: berkas huruf tidak dapat dipakai"):
        chart_draw.png(chart, str(broken))
    web = tmp_path / "huruf.woff"
    web.write_bytes(b"wOFF....")
    assert font_problem(web) == (
        "'huruf.woff' bukan berkas huruf TrueType atau OpenType — pilih berkas .ttf atau .otf "
        "(koleksi .ttc dan huruf web .woff tidak dapat dipakai)"
    )


def test_a_drawing_is_kept_on_disk_until_its_chart_or_font_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild in a new process draws only the charts whose data (or font file) changed; the
    font is known by its content, not its name."""
    import matplotlib

    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "cache"))
    chart = charts.kategori_capaian(model())
    assert chart is not None
    shipped = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    font, same, bold = tmp_path / "kantor.ttf", tmp_path / "salinan.ttf", tmp_path / "tebal.ttf"
    shutil.copy(shipped / "DejaVuSans.ttf", font)
    shutil.copy(shipped / "DejaVuSans.ttf", same)
    shutil.copy(shipped / "DejaVuSans-Bold.ttf", bold)
    first = chart_draw.png(chart, str(font))
    chart_draw.png.cache_clear()  # what a new process starts with
    drawn: list[DataGrafik] = []
    draw = chart_draw._draw
    monkeypatch.setattr(chart_draw, "_draw", lambda g, h: drawn.append(g) or draw(g, h))
    assert chart_draw.png(chart, str(font)) == first
    assert chart_draw.png(chart, str(same)) == first
    assert drawn == []
    assert chart_draw.png(chart, str(bold)) != first
    assert drawn == [chart]
    other = dataclasses.replace(chart, sumbu=chart.sumbu + " (diubah)")
    chart_draw.png(other, str(font))
    assert drawn == [chart, other]


def test_ticks_are_written_the_indonesian_way() -> None:
    assert [chart_draw._tick(v) for v in (0.0, 0.30000000000000004, 1500.0, 12.5, -0.0)] == [
        "0",
        "0,3",
        "1.500",
        "12,5",
        "0",
    ]


def test_cli_validate_and_the_pack_linter_never_import_matplotlib(tmp_path: Path) -> None:
    # The linter renders every example, charts included, as blank placeholders.
    pack = str(tmp_path / "templat")
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from lkjip_gen.cli import main\n"
        "assert 'matplotlib' not in sys.modules, 'import lkjip_gen.cli'\n"
        f"result = CliRunner().invoke(main, ['validate', {str(MINIMAL)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'matplotlib' not in sys.modules, 'lkjip validate'\n"
        f"assert CliRunner().invoke(main, ['templat', 'salin', {pack!r}]).exit_code == 0\n"
        f"result = CliRunner().invoke(main, ['templat', 'periksa', {pack!r}])\n"
        "assert result.exit_code == 0 and ': sah (0 kesalahan' in result.output, result.output\n"
        "assert 'matplotlib' not in sys.modules, 'lkjip templat periksa'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)


def _office(tmp_path: Path, extra: str) -> Path:
    """The minimal example copied to ``tmp_path`` with ``extra`` appended to its year file."""
    for name in ("lkjip-2024.yaml", "profil.yaml"):
        shutil.copy(MINIMAL.parent / name, tmp_path / name)
    year = tmp_path / "lkjip-2024.yaml"
    year.write_text(year.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return year


def test_a_missing_chart_font_is_reported_where_the_data_names_it(tmp_path: Path) -> None:
    from lkjip_gen.build import check_file

    year = _office(tmp_path, "pengaturan:\n  grafik:\n    huruf: huruf/kantor.ttf\n")
    line = year.read_text(encoding="utf-8").count("\n")
    problems = [str(p) for p in check_file(year).problems]
    assert problems == [
        f"{year}:{line}:12: pengaturan.grafik.huruf: berkas huruf 'kantor.ttf' tidak ditemukan "
        "— jalurnya dibaca relatif terhadap folder berkas yang menyebutnya [cek.huruf]"
    ]


def test_chart_settings_in_the_data_reach_the_model(tmp_path: Path) -> None:
    from lkjip_gen.build import report_model

    year = _office(
        tmp_path,
        "pengaturan:\n  grafik:\n    kategori_capaian: false\n    warna: {pagu: '#abcdef'}\n",
    )
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("    realisasi: 372\n", "    realisasi: 372\n    grafik: false\n"))
    data = report_model(year)
    assert "kategori_capaian" not in data["pengaturan"]["grafik"]["tampil"]
    assert data["pengaturan"]["grafik"]["warna"]["pagu"] == "#ABCDEF"
    assert [i["grafik"] for i in data["indikator"]] == [True, True, False]
