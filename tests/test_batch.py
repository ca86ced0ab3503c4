"""Tests for batch builds: which files, where documents go, progress, summary, failures."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_gen.batch import Result, collect, is_batch, output_folders
from lkjip_gen.batch.progress import Progress, summary
from lkjip_gen.build import build
from lkjip_gen.cli import main
from lkjip_gen.errors import LkjipError
from lkjip_gen.output.textconv import docx_text

MINIMAL = Path(__file__).resolve().parents[1] / "examples" / "contoh-minimal"


def _office(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for f in MINIMAL.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    return folder / "lkjip-2024.yaml"


def test_batch_writes_every_good_report_and_reports_the_broken_one(tmp_path: Path) -> None:
    good = [_office(tmp_path / "kantor", name) for name in ("dinsos", "disnaker")]
    broken = _office(tmp_path / "kantor", "dispora")
    broken.write_text(broken.read_text(encoding="utf-8") + "rusak: [\n", encoding="utf-8")
    out = tmp_path / "hasil"

    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "kantor"), "-o", str(out), "-j", "2"]
    )

    assert result.exit_code == 1, result.output
    # Every office's file is lkjip-2024.yaml: each gets its own folder under -o.
    for path in good:
        written = out / path.parent.name / "lkjip-2024.docx"
        alone = build(path, tmp_path / "sendiri" / path.parent.name)[0]
        assert written.read_bytes() == alone.read_bytes()
    assert not (out / "dispora").exists()
    # Progress without a terminal: one plain line per report, then the summary table.
    assert sorted(line.split("]")[0] for line in result.stderr.splitlines()[:3]) == [
        "[1/3",
        "[2/3",
        "[3/3",
    ]
    rows = {line.split()[0]: line for line in result.stdout.splitlines() if "lkjip-2024" in line}
    shown = str(broken.relative_to(Path.cwd())) if broken.is_relative_to(Path.cwd()) else ""
    failed = rows[shown or str(broken)]
    assert " GAGAL " in failed
    assert f"{broken.name}:" in failed and "[yaml.sintaks]" in failed
    assert result.stdout.rstrip().endswith("2 ditulis, 1 gagal, 0 peringatan (dari 3 laporan)")


def test_single_file_build_is_not_a_batch(tmp_path: Path) -> None:
    path = _office(tmp_path, "disnaker")
    assert not is_batch((path,))
    assert is_batch((path.parent,))
    assert is_batch((path, path))
    assert is_batch((tmp_path / "*" / "lkjip-*.yaml",))

    result = CliRunner().invoke(main, ["build", str(path)])

    assert result.exit_code == 0
    assert result.stdout == f"ditulis: {path.with_suffix('.docx')}\n"


def test_collect_folders_patterns_and_files_once_each(tmp_path: Path) -> None:
    a = _office(tmp_path, "a")
    b = _office(tmp_path / "kab", "b")
    assert collect((tmp_path,)) == [a, b]
    assert collect((tmp_path / "**" / "lkjip-*.yaml", a)) == [a, b]
    with pytest.raises(LkjipError, match=r"pola ini tidak cocok dengan berkas apa pun"):
        collect((tmp_path / "*.yml",))
    (tmp_path / "kosong").mkdir()
    with pytest.raises(LkjipError, match=r"tidak berisi berkas lkjip-\*\.yaml"):
        collect((tmp_path / "kosong",))


def test_links_back_up_and_hidden_folders_are_not_searched(tmp_path: Path) -> None:
    """Two links back up made glob.glob's ``**`` search 2⁴⁰ paths (lkjip hung); a deleted
    office in ``.Trash`` is no office of the batch unless a pattern names the dot."""
    a = _office(tmp_path, "a")
    trash = _office(tmp_path / ".Trash-1000", "b")
    try:
        (tmp_path / "a" / "arsip").symlink_to("..", target_is_directory=True)
        (tmp_path / "a" / "induk").symlink_to("..", target_is_directory=True)
    except OSError:  # Windows without the right to make links
        pytest.skip("symbolic links cannot be made here")
    assert collect((tmp_path / "**" / "lkjip-*.yaml",)) == [a]
    assert collect((tmp_path,)) == [a]
    assert collect((tmp_path / ".*" / "*" / "lkjip-*.yaml",)) == [trash]
    assert collect((tmp_path / "a" / "arsip" / "a" / "lkjip-*.yaml",)) == [
        tmp_path / "a" / "arsip" / "a" / "lkjip-2024.yaml"
    ]


def test_only_colliding_names_get_a_folder_per_office(tmp_path: Path) -> None:
    a = tmp_path / "kab-a" / "disnaker" / "lkjip-2024.yaml"
    b = tmp_path / "kab-b" / "disnaker" / "lkjip-2024.yaml"
    c = tmp_path / "kab-a" / "dinsos" / "lkjip-2023.yaml"
    out = tmp_path / "hasil"
    assert output_folders([a, c], None) == {a: None, c: None}
    assert output_folders([a, b, c], out) == {
        a: out / "kab-a" / "disnaker",
        b: out / "kab-b" / "disnaker",
        c: out,
    }


def test_progress_line_and_summary() -> None:
    stream = io.StringIO()
    progress = Progress(4, stream, terminal=True)
    ok = Result(0, Path("a/lkjip-2024.yaml"), [Path("a/lkjip-2024.docx")], warnings=["w"])
    bad = Result(1, Path("b/lkjip-2024.yaml"), error="b/lkjip-2024.yaml:3:1: salah [kode]")
    progress.update(bad)
    progress.update(ok)

    line = progress.line(ok)
    assert line.startswith("[############------------] 2/4  1 gagal  sisa ± 0:0")
    assert line.endswith("a/lkjip-2024.yaml")
    assert "\r\x1b[KGAGAL b/lkjip-2024.yaml: b/lkjip-2024.yaml:3:1: salah [kode]\n" in (
        stream.getvalue()
    )
    table = summary([ok, bad]).splitlines()
    assert table[0].split() == ["Berkas", "Status", "Peringatan", "Keterangan"]
    assert table[2].split() == ["a/lkjip-2024.yaml", "ditulis", "1", "a/lkjip-2024.docx"]
    assert table[3].split()[:3] == ["b/lkjip-2024.yaml", "GAGAL", "0"]
    assert table[-1] == "1 ditulis, 1 gagal, 1 peringatan (dari 2 laporan)"


def test_a_batch_builds_the_period_asked_for(tmp_path: Path) -> None:
    """--tahunan over a folder: the first quarter's file gives its year report, named so."""
    lumajang = MINIMAL.parent / "lumajang-2023-tw1"
    for source in (MINIMAL, lumajang):
        shutil.copytree(source, tmp_path / "kantor" / source.name)
    out = tmp_path / "hasil"

    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "kantor"), "-o", str(out), "-j", "1", "--tahunan"]
    )

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["lkjip-2023.docx", "lkjip-2024.docx"]
    text = docx_text(out / "lkjip-2023.docx")
    assert "TAHUN 2023" in text and "TRIWULAN I" not in text.upper()
