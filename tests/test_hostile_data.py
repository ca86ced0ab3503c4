"""Hostile and broken data: each reproducer from issue 16 gets a located message, never exit 70."""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from types import FrameType

import docx
import pytest
from click.testing import CliRunner

from lkjip_gen.build import build, check_file, report_model
from lkjip_gen.cli import main
from lkjip_gen.errors import OutputError, TemplateError, ValidationFailed
from lkjip_gen.output import replace
from lkjip_gen.render.document import render_docx
from tests.hostile import scrambled
from tests.test_render import png

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh-minimal"
EXAMPLES = sorted(ROOT.glob("examples/*/lkjip-*.yaml"))


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("profil.yaml", "lkjip-2024.yaml"):
        shutil.copy(EXAMPLE / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    try:
        return [str(p) for p in check_file(path).problems]
    except ValidationFailed as failed:
        return [str(p) for p in failed.problems]


# ------------------------------------------------------------- text XML cannot carry


def test_lone_surrogate_is_refused_at_its_line(office: Path) -> None:
    year = edit(office / "lkjip-2024.yaml", "profil: profil.yaml", 'profil: profil.yaml\nx: "a"')
    edit(year, 'x: "a"', 'catatan: "Con\\ud800toh"')
    (first,) = problems(year)
    assert first == (
        "lkjip-2024.yaml:3:10: catatan: teks berisi karakter U+D800 (surrogate tanpa pasangan) "
        "pada karakter ke-4, yang tidak dapat dimuat dokumen Word — hapus karakter itu (biasanya "
        "terbawa saat menyalin dari PDF atau aplikasi lain) [yaml.teks]"
    )


def test_control_character_escape_is_refused(office: Path) -> None:
    profile = edit(office / "profil.yaml", "nama: Dinas", 'nama: "Dinas\\x01')
    edit(profile, 'nama: "Dinas\\x01', 'nama: "Dinas\\x01 Tenaga"\n  x_: ')
    assert any("U+0001" in p and "[yaml.teks]" in p for p in problems(office / "lkjip-2024.yaml"))


def test_surrogate_reaching_the_renderer_is_an_error_not_a_short_document() -> None:
    model = report_model(EXAMPLE / "lkjip-2024.yaml")
    model["instansi"] = {**model["instansi"], "nama": "Con\ud800toh"}
    with pytest.raises(TemplateError, match="bukan XML yang utuh"):
        render_docx(model)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_built_document_is_complete(path: Path) -> None:
    """The body ends with the signature block the template ends with: nothing was cut off."""
    model = report_model(path)
    for name in ("lkjip", "pk"):
        data = render_docx(model, document=name)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            body = package.read("word/document.xml").decode("utf-8")
        assert body.rstrip().endswith("</w:body></w:document>")
        document = docx.Document(io.BytesIO(data))
        last = document.element.body[-2]  # the last block before the final sectPr
        text = "".join(last.itertext())
        assert model["instansi"]["kepala"]["jabatan"].upper() in text.upper(), (name, text[:200])


# ------------------------------------------------------------------ resource bounds


def _run_bounded(code: str, memory_mb: int = 400) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child with its address space capped (a blow-up fails there)."""
    prelude = (
        "import resource\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, resource.RLIM_INFINITY))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard, not a timing assertion
        cwd=ROOT,
        check=False,
    )


def _laughs() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(ord("b"), ord("j") + 1):
        text += f"{chr(i)}: &{chr(i)} [" + ",".join([f"*{chr(i - 1)}"] * 9) + "]\n"
    return text


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS")
@pytest.mark.parametrize(
    "text, expected",
    [
        (_laughs(), "alias YAML (*nama) menghasilkan lebih dari 10.000 nilai"),
        ("target: 1e999999999\n", "angka '1e999999999' di luar jangkauan"),
        ("x: " + "9" * 5000 + "\n", "terlalu besar (5000 digit)"),
        ("x: " + "[" * 600 + "]" * 600 + "\n", "bersarang lebih dari 32 tingkat"),
        ("x: &a [1, *a]\n", "alias YAML merujuk bagian yang memuatnya sendiri"),
        ("x: " + "a" * 200_000 + "\n", "teks terlalu panjang (200.000 karakter"),
    ],
    ids=["billion-laughs", "1e999999999", "5000-digits", "nesting-600", "self-alias", "long"],
)
def test_bombs_fail_fast_with_a_located_message(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "bom.yaml"
    path.write_text(text, encoding="utf-8")
    result = _run_bounded(
        "from lkjip_gen.cli import run\nimport sys\n"
        f"sys.argv = ['lkjip', 'validate', {str(path)!r}]\nrun()"
    )
    assert result.returncode == 1, result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert f"{path}:" in result.stderr or "bom.yaml:" in result.stderr


def test_big_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    path.write_bytes(b"# " + b"x" * 2_100_000 + b"\n")
    (first,) = problems(path)
    assert "berkas terlalu besar (2.100.003 bita, paling besar 2.000.000)" in first


IRREGULAR = "bukan berkas biasa (perangkat atau pipa) — sebutkan berkas yang tersimpan di disk"


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError("membaca perangkat atau pipa alih-alih menolaknya")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_device_or_a_pipe_named_as_a_file_is_refused_without_reading_it(
    office: Path,
) -> None:
    """/dev/zero would be read until memory runs out, a pipe waits for a writer forever."""
    os.mkfifo(office / "pipa.yaml")
    os.symlink(os.devnull, office / "kosong.docx")
    runner = CliRunner()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)  # a regression would wait for the pipe's writer
    try:
        result = runner.invoke(main, ["validate", "pipa.yaml"])
        assert (result.exit_code, result.output) == (
            1,
            f"pipa.yaml:1:1: {IRREGULAR} [berkas.baca]\n1 kesalahan, 0 peringatan.\n",
        )
        for args in (
            ["textconv", "kosong.docx"],
            ["impor", "kinerja", "lkjip-2024.yaml", "pipa.yaml"],
        ):
            result = runner.invoke(main, args)
            assert (result.exit_code, result.output) == (1, f"lkjip: {args[-1]}: {IRREGULAR}\n")
        edit(office / "lkjip-2024.yaml", "profil: profil.yaml", "profil: pipa.yaml")
        assert f"pipa.yaml:1:1: {IRREGULAR} [berkas.baca]" in problems(office / "lkjip-2024.yaml")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_loop_of_symbolic_links_is_a_located_problem(office: Path) -> None:
    os.symlink("b.yaml", office / "a.yaml")
    os.symlink("a.yaml", office / "b.yaml")
    loop = "berkas tidak dapat dibaca: tautan simbolik (symlink) yang berputar tanpa ujung"
    result = CliRunner().invoke(main, ["validate", "a.yaml"])
    assert (result.exit_code, result.output) == (
        1,
        f"a.yaml:1:1: {loop} [berkas.baca]\n1 kesalahan, 0 peringatan.\n",
    )
    edit(office / "lkjip-2024.yaml", "profil: profil.yaml", "profil: a.yaml")
    assert f"a.yaml:1:1: {loop} [berkas.baca]" in problems(office / "lkjip-2024.yaml")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("realisasi: 372\n", "realisasi: 1000000000000000000000000000\n", "digit"),
        ("realisasi: 372\n", "realisasi: 10000000000000001\n", "di luar jangkauan"),
        ("pagu: 150000000", "pagu: 1000000000000000", "terlalu besar"),
    ],
)
def test_magnitudes_fit_the_domain(office: Path, old: str, new: str, expected: str) -> None:
    year = office / "lkjip-2024.yaml"
    if old not in year.read_text(encoding="utf-8"):
        pytest.skip(f"{old!r} not in the example")
    edit(year, old, new)
    found = problems(year)
    assert any(expected in p for p in found), found


# ------------------------------------------------------------------ exact locations


def test_nul_byte_at_its_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"a: 1\nb: x\x00y\n")
    assert problems(path) == [
        "nul.yaml:2:5: berkas berisi karakter U+0000 (karakter kendali) yang tidak boleh ada di "
        "YAML — hapus karakter itu (biasanya terbawa saat menyalin dari aplikasi lain) "
        "[yaml.karakter]"
    ]


def test_invalid_utf8_at_its_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ansi.yaml"
    path.write_bytes("a: 1\nb: café ".encode() + b"caf\xe9\n")
    assert problems(path) == [
        "ansi.yaml:2:12: berkas bukan teks UTF-8: bita 0xE9 tidak dapat dibaca — simpan ulang "
        "sebagai UTF-8 [berkas.encoding]"
    ]


def test_long_values_are_cut_in_messages(office: Path) -> None:
    year = edit(office / "lkjip-2024.yaml", "tahun: 2024", "tahun: '" + "x" * 50_000 + "'")
    found = problems(year)
    assert found and all(len(p) < 400 for p in found), [len(p) for p in found]
    assert any("(50.000 karakter)" in p for p in found)


def test_integer_kode_is_told_to_quote(office: Path) -> None:
    year = office / "lkjip-2024.yaml"
    text = year.read_text(encoding="utf-8")
    assert "kode: " in text
    line = next(line for line in text.splitlines() if "kode: " in line)
    edit(year, line, line.split("kode: ")[0] + "kode: 207")
    assert any('harus berupa teks — tulis dengan tanda kutip: "207"' in p for p in problems(year))


# ------------------------------------------------------- validate checks what build needs


def test_missing_tahun_lalu_is_reported_at_the_referencing_line(office: Path) -> None:
    year = edit(
        office / "lkjip-2024.yaml",
        "profil: profil.yaml",
        "profil: profil.yaml\ntahun_lalu: lkjip-2023.yaml",
    )
    assert problems(year) == [
        "lkjip-2024.yaml:3:13: tahun_lalu: berkas tahun lalu 'lkjip-2023.yaml' tidak ditemukan "
        "— periksa nama dan foldernya [berkas.tahun_lalu]"
    ]


def test_invalid_tahun_lalu_fails_validate_not_build(office: Path) -> None:
    shutil.copy(office / "lkjip-2024.yaml", office / "lkjip-2023.yaml")
    edit(office / "lkjip-2023.yaml", "tahun: 2024", "tahun: dua ribu")
    year = edit(
        office / "lkjip-2024.yaml",
        "profil: profil.yaml",
        "profil: profil.yaml\ntahun_lalu: lkjip-2023.yaml",
    )
    found = problems(year)
    assert found[0].startswith("lkjip-2023.yaml:")
    assert found[-1] == (
        "lkjip-2024.yaml:3:13: tahun_lalu: berkas tahun lalu 'lkjip-2023.yaml' berisi 1 "
        "kesalahan (lihat di atas) — perbaiki berkas itu dulu [berkas.tahun_lalu]"
    )
    result = CliRunner().invoke(main, ["validate", str(year)])
    assert result.exit_code == 1 and "TIDAK SAH" in result.output


def test_amounts_beyond_terbilang_fail_validate(office: Path) -> None:
    year = office / "lkjip-2024.yaml"
    text = year.read_text(encoding="utf-8")
    amounts = [line for line in text.splitlines() if line.strip().startswith("pagu: ")]
    assert len(amounts) >= 2
    for line in amounts:
        text = text.replace(line, line.split("pagu: ")[0] + "pagu: 999999999999999")
    text = "\n".join(
        line for line in text.splitlines() if not line.strip().startswith("realisasi: 1")
    )
    year.write_text(text + "\n", encoding="utf-8")
    found = [p for p in problems(year) if "[cek.terbilang]" in p]
    assert found and "terbilang hanya sampai 999 triliun" in found[0]


def test_image_that_is_not_really_png_fails_validate(office: Path) -> None:
    (office / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n rusak")
    profile = edit(office / "profil.yaml", "instansi:\n", "instansi:\n  logo: logo.png\n")
    assert profile.is_file()
    found = problems(office / "lkjip-2024.yaml")
    assert any("gambar 'logo.png' rusak" in p and "[cek.gambar]" in p for p in found), found
    (office / "logo.png").write_bytes(png())
    assert not [p for p in problems(office / "lkjip-2024.yaml") if "cek.gambar" in p]


# ------------------------------------------------------------------ write failures


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _cli_build(office: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(office / "lkjip-2024.yaml"), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_document_or_workbook_unpacking_past_its_bound_is_refused(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip bomb of a few MB would unpack into gigabytes; the bounds (100 MB) are lowered here
    below what the office's own files unpack to."""
    from lkjip_gen.excel import read
    from lkjip_gen.output import textconv

    build(office / "lkjip-2024.yaml", office, formats=("docx", "xlsx"))
    monkeypatch.setattr(textconv, "MAX_XML", 10_000)
    monkeypatch.setattr(read, "MAX_UNPACKED", 10_000)
    runner = CliRunner()
    result = runner.invoke(main, ["textconv", "lkjip-2024.docx"])
    assert result.exit_code == 1 and result.output.startswith(
        "lkjip: lkjip-2024.docx: isi dokumen terlalu besar untuk dibaca ("
    )
    assert result.output.endswith(" bita, paling besar 10.000)\n"), result.output
    result = runner.invoke(main, ["impor", "kinerja", "lkjip-2024.yaml", "lkjip-2024.xlsx"])
    assert result.exit_code == 1, result.output
    assert "lkjip-2024.xlsx: isi buku kerja terlalu besar setelah dibuka (" in result.output
    assert "bita, paling besar 10.000) — simpan hanya lembar yang diimpor" in result.output


def test_a_damaged_document_for_textconv_is_said_in_words(tmp_path: Path) -> None:
    """A .docx from a broken download: its text no longer inflates (zlib's error, exit 70)."""
    default = ROOT / "templates" / "default" / "bab1.docx"
    (tmp_path / "rusak.docx").write_bytes(scrambled(default.read_bytes(), "word/document.xml"))
    result = CliRunner().invoke(main, ["textconv", str(tmp_path / "rusak.docx")])
    assert (result.exit_code, result.output) == (
        1,
        f"lkjip: {tmp_path / 'rusak.docx'}: bukan dokumen Word (.docx), atau rusak\n",
    )
    result = CliRunner().invoke(main, ["textconv", str(tmp_path)])
    assert (result.exit_code, result.output) == (
        1,
        f"lkjip: {tmp_path}: berkas tidak dapat dibaca: ini sebuah folder, bukan berkas\n",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_output_that_is_a_pipe_is_left_alone(office: Path) -> None:
    """A rename onto a device or a pipe replaces it: root's -o /dev/null would lose /dev/null."""
    (office / "hasil").mkdir()
    os.mkfifo(office / "hasil" / "lkjip-2024.docx")
    code, output = _cli_build(office, "-o", "hasil")
    assert (code, output) == (
        1,
        f"lkjip: {Path('hasil') / 'lkjip-2024.docx'}: tidak dapat ditulis: nama itu milik "
        "perangkat atau pipa, bukan berkas biasa — pilih nama lain. Berkas lama tidak diubah.\n",
    )
    assert stat.S_ISFIFO((office / "hasil" / "lkjip-2024.docx").stat().st_mode)


def test_output_option_naming_a_file(office: Path) -> None:
    (office / "hasil").write_text("bukan folder")
    code, output = _cli_build(office, "-o", "hasil")
    assert code == 1
    assert "tidak dapat ditulis: folder hasil (-o) menunjuk sebuah berkas" in output


def test_target_that_is_a_folder(office: Path) -> None:
    (office / "hasil" / "lkjip-2024.docx").mkdir(parents=True)
    code, output = _cli_build(office, "-o", "hasil")
    assert code == 1
    assert "lkjip-2024.docx: tidak dapat ditulis: nama itu sudah dipakai sebuah folder" in output


@pytest.mark.parametrize(
    "error, advice",
    [
        (OSError(errno.ENOSPC, "No space left on device"), "disk penuh"),
        (OSError(errno.EROFS, "Read-only file system"), "folder hanya-baca"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "nama berkas terlalu panjang"),
        (PermissionError(errno.EACCES, "Permission denied"), "tutup dokumen di Word"),
    ],
)
def test_write_failures_name_the_users_path_and_what_to_do(
    office: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, advice: str
) -> None:
    build(office / "lkjip-2024.yaml", office / "hasil")
    before = snapshot(office / "hasil")

    def failing(*args: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", failing)
    code, output = _cli_build(office, "-o", "hasil")
    assert code == 1
    assert f"{Path('hasil') / 'lkjip-2024.docx'}: tidak dapat ditulis: " in output
    assert advice in output and "/tmp" not in output.replace(str(office), "")
    monkeypatch.undo()
    assert snapshot(office / "hasil") == before


def test_disk_full_while_writing_keeps_every_old_file(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = office / "hasil"
    out.mkdir()
    (out / "lkjip-2024.docx").write_bytes(b"docx lama")
    (out / "lkjip-2024.pdf").write_bytes(b"pdf lama")
    monkeypatch.setattr("lkjip_gen.output.pdf.convert", lambda data, shown, timeout: b"%PDF-")
    synced: list[int] = []

    def fsync(fd: int) -> None:
        synced.append(fd)
        if len(synced) == 2:  # the PDF: the disk fills up after the .docx was staged
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError, match="disk penuh"):
        build(office / "lkjip-2024.yaml", out, formats=("docx", "pdf"))
    monkeypatch.undo()
    assert snapshot(out) == {"lkjip-2024.docx": b"docx lama", "lkjip-2024.pdf": b"pdf lama"}


def test_failed_rename_rolls_back_the_outputs_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx_path, pdf_path = tmp_path / "a.docx", tmp_path / "a.pdf"
    docx_path.write_bytes(b"docx lama")
    pdf_path.write_bytes(b"pdf lama")
    real_replace = os.replace

    def second_fails(src: str, dst: str) -> None:
        if str(dst) == str(pdf_path):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(OutputError, match=r"a\.pdf: tidak dapat ditulis: disk penuh"):
        replace.replace_all({docx_path: b"docx baru", pdf_path: b"pdf baru"})
    monkeypatch.undo()
    assert snapshot(tmp_path) == {"a.docx": b"docx lama", "a.pdf": b"pdf lama"}


def test_a_pasted_kode_is_quoted_short_in_the_message(office: Path) -> None:
    """Found by the 10,000-case fuzz run: a warning quoted a 3,000-character kode whole."""
    year = edit(office / "lkjip-2024.yaml", 'kode: "2.07.04"', f'kode: "2.07.0{"ü" * 3000}"')
    (line,) = [p for p in problems(year) if "cek.kode_induk" in p]
    assert line == (
        "lkjip-2024.yaml:53:15: peringatan: program[0].kegiatan[0].kode: kode '2.07.04.2.01' "
        f"tidak berawalan kode induknya '2.07.0{'ü' * 54}'… (3.006 karakter) (baris 47) — "
        "periksa kodenya [cek.kode_induk]"
    )
