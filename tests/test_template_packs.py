"""Template packs: broken packs reported everywhere, overrides by part, one PK layout, records."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import jinja2
import pytest
from click.testing import CliRunner

from lkjip_gen.build import build
from lkjip_gen.cli import main
from lkjip_gen.output.textconv import docx_text
from lkjip_gen.render import prepare
from lkjip_gen.render.lint import static_problems
from lkjip_gen.render.pack import copy_default, open_pack
from tests.hostile import scrambled
from tests.ooxml import schema_errors
from tests.template_corpus import CASES, DEFAULT, ROOT, Case, replace
from tests.test_render import png

EXAMPLES = sorted(ROOT.glob("examples/*/lkjip-*.yaml"))


def office(tmp_path: Path, example: str, pack: str) -> Path:
    """A copy of an example whose profile names ``pack`` (relative to the profile)."""
    folder = tmp_path / example
    shutil.copytree(ROOT / "examples" / example, folder)
    profile = folder / "profil.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        text.replace("\npengaturan:\n", f"\npengaturan:\n  templat: {pack}\n", 1), "utf-8"
    )
    return next(folder.glob("lkjip-*.yaml"))


def run(*args: str | Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output.splitlines()


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_broken_pack_is_reported_everywhere_and_builds_nothing(
    case: Case, tmp_path: Path
) -> None:
    pack = case.make(tmp_path / "kantor")
    expected = case.expected.replace("{pack}", str(pack))
    code, lines = run("templat", "periksa", pack)
    assert code == 1 and expected in lines, "\n".join(lines)
    data = office(tmp_path, case.data, "../kantor")
    code, lines = run("validate", data)
    assert code == 1, "\n".join(lines)
    assert any(line.startswith(expected.split(" (saat dibuat")[0]) for line in lines), lines
    out = tmp_path / "hasil"
    code, lines = run("build", data, "-o", out, "-d", "lkjip")
    assert code == 1 and not out.exists(), "\n".join(lines)


# ---------------------------------------------------------------- an office's own pack


def edit_part(
    folder: Path, part: str, old: str, new: str, files: tuple[str, ...] = ("word/document.xml",)
) -> None:
    """A Word-equivalent edit: change the text of one part, keep everything else."""
    path = folder / f"{part}.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in files and (len(files) == 1 or old.encode() in data):
                data = replace(old, new, -1)(data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())


def kop_with_logo(folder: Path, logo: bytes) -> None:
    """The cover gets a kop: a logo image and the office's own line, as Word would save them."""
    document = docx.Document(str(folder / "sampul.docx"))
    body = document.element.body
    paragraph = document.add_paragraph("KOP DINAS KAMI")
    paragraph.add_run().add_picture(io.BytesIO(logo))
    body.insert(0, paragraph._p)
    document.save(str(folder / "sampul.docx"))


@pytest.fixture(scope="module")
def kop_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """lkjip templat salin, then only the kop and the font changed: the rest is deleted.

    Made once per module; tests that change it use :func:`own_pack`, a copy."""
    pack = tmp_path_factory.mktemp("kop") / "templat-kantor"
    code, _ = run("templat", "salin", pack)
    assert code == 0
    for part in pack.glob("*.docx"):
        if part.name != "sampul.docx":
            part.unlink()
    kop_with_logo(pack, png())
    manifest = pack / "templat.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("# huruf: Arial", "huruf: Liberation Serif"),
        "utf-8",
    )
    return pack


@pytest.fixture
def own_pack(kop_pack: Path, tmp_path: Path) -> Path:
    """A copy of :func:`kop_pack` the test may change."""
    return Path(shutil.copytree(kop_pack, tmp_path / kop_pack.name))


def styles_font(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    return re.search(r'<w:rPrDefault><w:rPr><w:rFonts w:ascii="([^"]+)"', styles).group(1)


def test_an_office_pack_with_only_a_kop_and_a_font_lints_clean(kop_pack: Path) -> None:
    # templat periksa renders the pack with every shipped example: once for all of them.
    code, lines = run("templat", "periksa", kop_pack)
    assert code == 0, lines


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_an_office_pack_with_only_a_kop_and_a_font_builds_every_example(
    kop_pack: Path, example: Path, tmp_path: Path
) -> None:
    data = office(tmp_path, example.parent.name, str(kop_pack))
    lkjip, pk = build(data, tmp_path / "hasil"), build(data, tmp_path / "hasil", document="pk")
    text = docx_text(lkjip[0])
    assert text.splitlines()[0] == "KOP DINAS KAMI"
    assert re.search(r"^BAB IV :? ?PENUTUP$", text, re.MULTILINE)  # chapters from the default
    with zipfile.ZipFile(lkjip[0]) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())  # the logo travelled
    assert styles_font(lkjip[0]) == styles_font(pk[0]) == "Liberation Serif"
    properties = docx.Document(str(lkjip[0])).core_properties
    assert (
        properties.comments == "Dibuat dengan lkjip_gen; templat: templat-kantor 1.0 ← default 1.0"
    )


def test_an_office_pack_with_only_a_kop_and_a_font_passes_the_schema_check(
    kop_pack: Path, tmp_path: Path
) -> None:
    """What the office's kop and font change (styles, header, the logo), checked with the
    smallest example: every example's own content passes the same check with the default pack
    (test_golden), and the check's cost grows with the document."""
    data = office(tmp_path, "contoh-minimal", str(kop_pack))
    (lkjip,), (pk,) = (
        build(data, tmp_path / "hasil"),
        build(data, tmp_path / "hasil", document="pk"),
    )
    assert schema_errors(lkjip) == [] and schema_errors(pk) == []


def test_a_fix_of_a_default_chapter_reaches_an_office_pack(own_pack: Path, tmp_path: Path) -> None:
    base = tmp_path / "bawaan"
    shutil.copytree(DEFAULT, base)
    manifest = own_pack / "templat.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("dasar: default", f"dasar: {base}"), "utf-8"
    )
    data = office(tmp_path, "contoh-minimal", str(own_pack))
    assert " ini menilai " not in docx_text(build(data, tmp_path / "a")[0])
    edit_part(base, "bab4", " ini mengukur ", " ini menilai ")
    text = docx_text(build(data, tmp_path / "b")[0])
    assert "Laporan Kinerja Tahun 2024 ini menilai 2 (dua) sasaran strategis" in text
    assert text.splitlines()[0] == "KOP DINAS KAMI"


def test_a_pack_changing_one_part_patches_and_compiles_only_that_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LKJIP_CACHE", "0")
    prepare._prepared.clear()  # the default assembled anew: its parts patched for this process
    build(ROOT / "examples" / "contoh-minimal" / "lkjip-2024.yaml", tmp_path / "bawaan")
    pack = tmp_path / "templat"
    copy_default(pack)
    edit_part(pack, "bab4", "{{ dokumen.bab4.judul }}", "{{ dokumen.bab4.judul|upper }}")
    data = office(tmp_path, "contoh-minimal", "../templat")
    compiled: list[str] = []
    patched: list[str] = []
    compile_, patch = jinja2.Environment.compile, prepare.patch

    def spy(env: jinja2.Environment, source: Any, *args: Any) -> Any:
        compiled.append(str(source))
        return compile_(env, source, *args)

    def patch_spy(xml: str) -> str:
        patched.append(xml)
        return patch(xml)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    monkeypatch.setattr(prepare, "patch", patch_spy)
    (lkjip,) = build(data, tmp_path / "hasil")
    for sources in (compiled, patched):
        parts = [re.findall(r"<!--lkjip-bagian:(\w+)-->", source) for source in sources]
        assert [p for p in parts if p] == [["bab4"]]
    assert "BAB IV PENUTUP" in docx_text(lkjip).splitlines()


def test_the_pk_is_laid_out_once_for_both_documents(tmp_path: Path) -> None:
    pack = tmp_path / "templat"
    copy_default(pack)
    edit_part(pack, "pk", "Pihak pertama berjanji", "PIHAK PERTAMA BERJANJI")
    data = office(tmp_path, "contoh-minimal", "../templat")
    (lkjip,) = build(data, tmp_path / "hasil")
    (pk,) = build(data, tmp_path / "hasil", document="pk")
    for path in (lkjip, pk):
        assert "PIHAK PERTAMA BERJANJI akan mewujudkan" in docx_text(path)
        assert "Pihak pertama berjanji" not in docx_text(path)


def test_a_zipped_pack_builds(tmp_path: Path) -> None:
    pack = tmp_path / "kantor"
    copy_default(pack)
    archive = tmp_path / "kantor.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in pack.iterdir():
            z.write(path, f"kantor/{path.name}")
    data = office(tmp_path, "contoh-minimal", "../kantor.zip")
    (built,) = build(data, tmp_path / "hasil")
    assert "BAB I PENDAHULUAN" in docx_text(built)


def test_salin_never_overwrites(tmp_path: Path) -> None:
    assert run("templat", "salin", tmp_path / "t")[0] == 0
    code, lines = run("templat", "salin", tmp_path / "t")
    assert code == 1
    assert lines == [
        f"lkjip: {tmp_path / 't' / 'gaya.docx'} sudah ada — lkjip templat salin tidak pernah "
        "menimpa berkas; pilih folder lain"
    ]
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    assert run("templat", "salin", tmp_path / "berkas") == (
        1,
        [f"lkjip: {tmp_path / 'berkas'} sudah ada dan bukan folder — pilih nama folder lain"],
    )


def test_salin_writes_the_whole_pack_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up at the fifth part: the parts already in place are taken back, and the
    message names the part that failed, without the -o that templat salin does not have."""
    renamed: list[str] = []
    real = os.replace

    def full_at_the_fifth(source: str, target: str) -> None:
        renamed.append(target)
        if len(renamed) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(source, target)

    monkeypatch.setattr(os, "replace", full_at_the_fifth)
    assert run("templat", "salin", tmp_path / "t") == (
        1,
        [
            f"lkjip: {tmp_path / 't' / 'bab2.docx'}: tidak dapat ditulis: disk penuh — kosongkan "
            "ruang di disk itu. Berkas lama tidak diubah."
        ],
    )
    assert not (tmp_path / "t").exists()


def zipped(folder: Path, target: Path, damage: str | None = None) -> Path:
    """``folder`` as a .zip holding the folder; ``damage`` names an entry to scramble."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.iterdir()):
            z.write(path, f"{folder.name}/{path.name}")
    if damage is not None:
        target.write_bytes(scrambled(target.read_bytes(), f"{folder.name}/{damage}"))
    return target


def test_a_zip_pack_damaged_or_made_on_macos(tmp_path: Path) -> None:
    copy_default(tmp_path / "kantor")
    pack = zipped(tmp_path / "kantor", tmp_path / "kantor.zip", damage="bab2.docx")
    assert run("templat", "periksa", pack) == (
        1,
        [
            f"{pack}: bab2.docx di dalam .zip rusak atau dimampatkan dengan cara yang tidak "
            "dikenal — buat ulang .zip-nya dari folder templat [templat.berkas]",
            f"{pack}: TIDAK SAH (1 kesalahan, 0 peringatan)",
        ],
    )
    whole = zipped(tmp_path / "kantor", tmp_path / "utuh.zip")
    with zipfile.ZipFile(whole, "a") as z:  # as macOS's Compress makes it
        z.writestr("__MACOSX/kantor/._templat.yaml", b"\0\5\26\7")
    opened = open_pack(whole)
    assert opened.problems == [] and opened.manifest.nama == "kantor"
    for name, part in opened.parts.items():
        assert part.blob == (tmp_path / "kantor" / f"{name}.docx").read_bytes()


def test_a_pack_reads_only_its_own_files_each_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A film left in the pack folder is never read; a part of 50 MB or more is refused."""
    pack = tmp_path / "kantor"
    copy_default(pack)
    with (pack / "rapat.mp4").open("wb") as film:
        film.truncate(3 * 2**30)  # sparse: takes no disk
    read: list[str] = []
    real = Path.read_bytes

    def recorded(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", recorded)
    opened = open_pack(pack)
    assert "rapat.mp4" not in read and "bab1.docx" in read
    assert [(p.file, p.code) for p in opened.problems] == [
        (f"{pack}/rapat.mp4", "templat.bagian_asing")
    ]
    with (pack / "bab1.docx").open("r+b") as part:
        part.truncate(50_000_001)
    assert run("templat", "periksa", pack)[1][:1] == [
        f"{pack}: bab1.docx: berkas terlalu besar (50.000.001 bita, paling besar 50.000.000) — "
        "bagian templat berukuran puluhan KB; kecilkan gambar di dalamnya, atau periksa apakah "
        "ini berkas yang benar [templat.berkas]"
    ]


# ---------------------------------------------------------------- Word's own variations


def test_a_word_in_another_language_keeps_heading_numbers(tmp_path: Path) -> None:
    """Word in Indonesian saves "heading 1" under the id Judul1; styles are found by name."""
    pack = tmp_path / "kantor"
    copy_default(pack)
    for part in pack.glob("*.docx"):
        for old, new in (("Heading1", "Judul1"), ("Heading2", "Judul2")):
            files = ("word/styles.xml", "word/document.xml")
            edit_part(pack, part.stem, f'w:val="{old}"', f'w:val="{new}"', files)
            edit_part(pack, part.stem, f'w:styleId="{old}"', f'w:styleId="{new}"', files)
    data = office(tmp_path, "contoh-minimal", "../kantor")
    assert run("templat", "periksa", pack)[0] == 0
    text = docx_text(build(data, tmp_path / "hasil")[0])
    assert re.search(r"^A\.\s+Latar Belakang$", text, re.MULTILINE), text[:3000]


def test_section_properties_a_template_may_carry_come_out_in_schema_order(
    tmp_path: Path,
) -> None:
    pack = tmp_path / "kantor"
    copy_default(pack)
    extra = (
        '<w:paperSrc w:first="1"/><w:pgBorders><w:top w:val="single" w:sz="4" w:space="24"/>'
        '</w:pgBorders><w:lnNumType w:countBy="5"/>'
    )
    with zipfile.ZipFile(pack / "gaya.docx") as z:
        xml = z.read("word/document.xml").decode()
    count = xml.count('w:gutter="0"/>')
    assert count == 2
    edit_part(pack, "gaya", 'w:gutter="0"/>', f'w:gutter="0"/>{extra}')
    data = office(tmp_path, "contoh-minimal", "../kantor")
    (built,) = build(data, tmp_path / "hasil")
    assert schema_errors(built) == []
    with zipfile.ZipFile(built) as z:
        assert "<w:lnNumType" in z.read("word/document.xml").decode()


def test_names_a_template_defines_are_not_unknown(own_pack: Path) -> None:
    """``{% set %}`` outside any block and a macro's name are names the part may use later."""
    document = docx.Document(str(own_pack / "sampul.docx"))
    for text in (
        "{% set kota = instansi.pemda %}{{ kota }}",
        "{% macro tebal(x) %}{{ x }}{% endmacro %}{{ tebal(kota) }}",
        "{{ tidak_ada }}",
    ):
        document.add_paragraph(text)
    document.save(str(own_pack / "sampul.docx"))
    unknown = [p.message for p in static_problems(open_pack(own_pack)) if p.code == "templat.nama"]
    assert len(unknown) == 1 and unknown[0].startswith("«tidak_ada» di tag {{ tidak_ada }}")


def test_two_offices_copies_of_a_broken_part_each_name_their_own_file(tmp_path: Path) -> None:
    """The linter keeps a part's findings by content (a batch of offices whose packs are copies
    of the default lints each part once): each copy's problems still name that copy."""
    first, second = tmp_path / "kantor-a", tmp_path / "kantor-b"
    copy_default(first)
    edit_part(first, "bab1", "{{ dokumen.bab1.judul }}", "{{ dokumen.bab1.judul }")
    shutil.copytree(first, second)
    problems = [static_problems(open_pack(folder)) for folder in (first, second)]
    assert [[p.message for p in found] for found in problems] == [
        [p.message for p in problems[0]]
    ] * 2
    assert problems[0] and problems[0][0].code.startswith("templat.")
    for folder, found in zip((first, second), problems, strict=True):
        assert {p.file for p in found} == {open_pack(folder).parts["bab1"].shown}
