"""The lkjip command: exit codes, help in Bahasa Indonesia, JSON numbers, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkjip_gen import __version__
from lkjip_gen.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "contoh-minimal" / "lkjip-2024.yaml"


@pytest.fixture
def run():
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return _run


def test_version(run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"lkjip {__version__}\n"


@pytest.mark.parametrize("command", [[], ["validate"], ["compute"], ["build"]])
def test_help_is_indonesian_with_an_example(run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Contoh:" in result.output
    assert "lkjip " in result.output.split("Contoh:")[1]


def test_validate_ok(run) -> None:
    result = run("validate", str(EXAMPLE))
    assert result.exit_code == 0
    assert result.output.endswith("lkjip-2024.yaml: sah (0 kesalahan, 0 peringatan)\n")


def test_validate_usage_error_exits_2(run) -> None:
    assert run("validate").exit_code == 2
    assert run("validate", "--tidak-ada", str(EXAMPLE)).exit_code == 2


def test_validate_problems_exit_1_and_strict(run, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("realisasi: 372", "realisasi: 372.5")
    bad = tmp_path / "lkjip-2024.yaml"
    bad.write_text(
        text.replace("profil: profil.yaml", f"profil: {EXAMPLE.parent / 'profil.yaml'}"),
        encoding="utf-8",
    )
    ok = run("validate", str(bad))
    assert ok.exit_code == 0  # a warning alone does not fail …
    assert "peringatan: kinerja.IKU2.realisasi: 372.5 orang bukan bilangan bulat" in ok.output
    assert run("validate", "--strict", str(bad)).exit_code == 1  # … unless --strict
    broken = tmp_path / "rusak.yaml"
    broken.write_text("instansi: [\n", encoding="utf-8")
    result = run("validate", str(broken))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "rusak.yaml:2:1: YAML tidak dapat dibaca" in result.output


def test_compute_prints_json_numbers(run) -> None:
    result = run("compute", str(EXAMPLE))
    assert result.exit_code == 0
    model = json.loads(result.output)
    iku1 = next(i for i in model["indikator"] if i["id"] == "IKU1")
    assert iku1["realisasi"] == 48.5 and iku1["capaian"] == 101.04
    assert iku1["kategori"] == "Sangat Tinggi"
    first = model["anggaran"]["baris"][0]
    assert (first["pagu"], first["realisasi"], first["serapan"]) == (150000000, 142500000, 95)
    assert model["anggaran"]["total"]["serapan"] == 95.94
    assert model["ringkasan"]["rata_rata"] == 99.47


def test_compute_refuses_invalid_data(run, tmp_path: Path) -> None:
    bad = tmp_path / "salah.yaml"
    bad.write_text("instansi: {}\n", encoding="utf-8")
    result = run("compute", str(bad))
    assert result.exit_code == 1
    assert "kunci wajib 'laporan' belum diisi" in result.output
    assert "Traceback" not in result.output


def _with_warning(tmp_path: Path) -> Path:
    """contoh-minimal with one warning (a count typed with a fraction)."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("realisasi: 372", "realisasi: 372.5", 1)
    path = tmp_path / "lkjip-2024.yaml"
    path.write_text(
        text.replace("profil: profil.yaml", f"profil: {EXAMPLE.parent / 'profil.yaml'}"),
        encoding="utf-8",
    )
    return path


def test_build_and_compute_show_warnings_on_stderr(run, tmp_path: Path) -> None:
    path = _with_warning(tmp_path)
    built = run("build", str(path), "-o", str(tmp_path / "hasil"))
    assert built.exit_code == 0
    assert built.stdout == f"ditulis: {tmp_path / 'hasil' / 'lkjip-2024.docx'}\n"
    assert "peringatan: kinerja.IKU2.realisasi: 372.5 orang bukan bilangan bulat" in built.stderr
    assert built.stderr.endswith("0 kesalahan, 1 peringatan.\n")
    computed = run("compute", str(path))
    assert computed.exit_code == 0
    assert json.loads(computed.stdout)["peringatan"] == [computed.stderr.splitlines()[0]]
    assert computed.stderr.endswith("0 kesalahan, 1 peringatan.\n")
    clean = run("compute", str(EXAMPLE))
    assert clean.stderr == ""


def test_validate_lists_answered_warnings(run, tmp_path: Path) -> None:
    path = _with_warning(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "realisasi: 372.5\n", "realisasi: 372.5\n    catatan: {pecahan: rata-rata per bulan}\n"
        ),
        encoding="utf-8",
    )
    result = run("validate", "--strict", str(path))
    assert result.exit_code == 0
    assert "peringatan dijawab: kinerja.IKU2.realisasi: 372.5 orang" in result.stderr
    assert "— catatan: rata-rata per bulan" in result.stderr
    assert result.stdout.endswith("sah (0 kesalahan, 0 peringatan, 1 dijawab)\n")


def test_problems_at_one_place_come_in_the_same_order_every_run(tmp_path: Path) -> None:
    """Sets of problems iterate in hash order, which Python varies between runs: two warnings
    on one name must still be listed in one order, so an office's output diffs cleanly."""
    base = EXAMPLE.read_text(encoding="utf-8").split("\nprogram:\n")[0]
    lines = [base.replace("profil: profil.yaml", f"profil: {EXAMPLE.parent / 'profil.yaml'}")]
    lines.append("program:")
    for p in range(2):
        lines += [f"  - nama: Program {p}", "    sasaran: S1", "    kegiatan:"]
        for k in range(2):
            lines += [f"      - nama: Kegiatan {p}.{k}", "        sub_kegiatan:"]
            for s in range(2):
                lines += [
                    f"          - nama: Sub kegiatan {p}.{k}.{s}",
                    f"            pagu: {1000000 + s}",
                    f"            realisasi: {900000 + s}",
                ]
    year = tmp_path / "lkjip-2024.yaml"
    year.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-m", "lkjip_gen", "validate", str(year)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
        )
        outputs.add(result.stdout + result.stderr)
    (output,) = outputs
    places = [line.split(": peringatan")[0] for line in output.splitlines() if "mirip" in line]
    assert len(places) > len(set(places))  # some name is near two others: a tie to order


@pytest.mark.parametrize("command", ["validate", "compute", "periksa-lke"])
def test_a_reader_that_closed_the_pipe_ends_the_run_quietly(command: str) -> None:
    """``lkjip validate … | head -1``: the reader is gone before lkjip writes; no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to the pipe now fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "lkjip_gen", command, str(EXAMPLE)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (1, "")
