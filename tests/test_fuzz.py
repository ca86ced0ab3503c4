"""Seeded fuzzing of the examples' YAML: whatever the input, lkjip answers with a located message.

A mutator (not hypothesis: mutating the real example files line by line keeps most cases deep in
the pipeline, with one odd value in otherwise sound data, and needs no new dependency) damages
the minimal example: hostile values, deleted or doubled lines, shifted indentation, bytes that
are not text, truncation. Each case runs ``validate`` and, when the data is sound, ``build``.

``LKJIP_FUZZ=10000`` runs that many cases (default 150, a few seconds); ``LKJIP_FUZZ_SEED``
picks another sequence.
"""

from __future__ import annotations

import os
import random
import re
import resource
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner

from lkjip_gen.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "contoh-minimal"
CASES = int(os.environ.get("LKJIP_FUZZ", "150"))
SEED = int(os.environ.get("LKJIP_FUZZ_SEED", "16"))
RENDER_EVERY = 10 if "LKJIP_FUZZ" in os.environ else 40
CASE_SECONDS = 60  # a hang guard, not a timing assertion

VALUES = [
    "1e999999999",
    "-1e-999999999",
    "9" * 30,
    "9" * 5000,
    "0x" + "f" * 40,
    "1000000000000000000",
    "999999999999999",
    "-5",
    "0",
    "0.0000001",
    ".nan",
    "-.inf",
    '"74,24"',
    "4.405.000",
    "2024-02-30",
    "true",
    "null",
    "~",
    "[]",
    "{}",
    "[1, [2, [3]]]",
    "{min: 90, maks: 80}",
    '"Con\\ud800toh"',
    '"\\x01\\x1f"',
    '"{{ 7*7 }} {% raw %}"',
    '"<w:p>&amp;</w:p>"',
    '"' + "x" * 120_000 + '"',
    "'" + "ü" * 3000 + "'",
    "&a [*a]",
    "*tidak_ada",
    "!!python/object:os.system ls",
    "|\n  satu\n  dua",
    "[" * 40 + "]" * 40,
    "S99",
    "IKU1",
    '"../../../etc/passwd"',
    "/dev/zero",
]
LOCATED = re.compile(r"^\S.*?:\d+:\d+: ")


def mutate(text: str, rng: random.Random) -> bytes:
    """One random damage to ``text``."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    kind = rng.randrange(9)
    if kind <= 2 and ": " in lines[i]:
        key = lines[i].split(": ", 1)[0]
        lines[i] = f"{key}: {rng.choice(VALUES)}"
    elif kind == 3:
        del lines[i]
    elif kind == 4:
        lines.insert(i, lines[i])
    elif kind == 5:
        lines[i] = rng.choice(["  ", "", "\t"]) + lines[i][rng.choice([0, 2]) :]
    elif kind == 6:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 7:
        data = "\n".join(lines).encode("utf-8")
        cut = rng.randrange(len(data))
        return data[:cut] + rng.choice([b"\x00", b"\xe9", b"\xff\xfe", b"", b"\r"]) + data[cut:]
    else:
        lines[i] = lines[i] + rng.choice([" #", ":", " - x", " {", "'", '"', " &b", " *b"])
    return "\n".join(lines).encode("utf-8")


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"kasus fuzz berjalan lebih dari {CASE_SECONDS} detik")


@pytest.fixture
def guard() -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _check_messages(output: str) -> None:
    for line in output.splitlines():
        if not line.strip() or re.fullmatch(r"\d+ kesalahan, \d+ peringatan\.", line):
            continue
        if line.startswith(("lkjip: ", "  - ", "Keluaran LibreOffice")) or re.search(
            r": (sah|TIDAK SAH) \(", line
        ):
            continue
        assert LOCATED.match(line), f"pesan tanpa letak: {line[:200]!r}"
        assert len(line) < 1000, f"pesan terlalu panjang ({len(line)} karakter)"


def test_fuzzed_data_gets_located_messages_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, guard: None
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    rng = random.Random(SEED)
    sources = {
        n: (EXAMPLE / n).read_text(encoding="utf-8") for n in ("lkjip-2024.yaml", "profil.yaml")
    }
    runner = CliRunner()
    rendered = 0
    for case in range(CASES):
        folder = tmp_path / f"k{case}"
        folder.mkdir()
        name = rng.choice(sorted(sources))
        for other, text in sources.items():
            (folder / other).write_text(text, encoding="utf-8")
        (folder / name).write_bytes(mutate(sources[name], rng))
        year = folder / "lkjip-2024.yaml"
        if hasattr(signal, "SIGALRM"):
            signal.alarm(CASE_SECONDS)
        result = runner.invoke(main, ["validate", str(year)])
        context = f"kasus {case} (seed {SEED}, {name}):\n{result.output[-2000:]}"
        assert result.exit_code in (0, 1, 2), context
        assert "Traceback" not in result.output, context
        _check_messages(result.output)
        if result.exit_code == 0 and case % RENDER_EVERY == 0:
            rendered += 1
            out = folder / "hasil"
            result = runner.invoke(main, ["build", str(year), "-o", str(out)])
            assert result.exit_code in (0, 1), context + result.output[-2000:]
            assert "Traceback" not in result.output, context + result.output[-2000:]
            if result.exit_code != 0:
                assert not out.exists() or not list(out.iterdir()), "keluaran ditulis saat gagal"
        signal.alarm(0) if hasattr(signal, "SIGALRM") else None
        shutil.rmtree(folder)
    assert rendered > 0
    if sys.platform.startswith("linux"):
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        assert peak_mb < 1500, f"memori puncak {peak_mb} MB"
