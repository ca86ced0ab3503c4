"""Seeded fuzzing of office packs: whatever a regency does to a template, lkjip answers with a
located message, and a pack that fails builds nothing.

Each case is an office pack (``dasar: default``) overriding one part of the default, whose
Word text has had random tags inserted (sound ones, broken ones, attacks on the sandbox),
deleted or swapped — the mistakes of someone editing tags in Word. ``lkjip templat periksa``
and ``lkjip build`` of an example with that pack must end with exit 0 or 1, never an internal
error; every problem names the part (or the data file); a failed build leaves no document.

``LKJIP_FUZZ=500`` runs that many cases (default 4, a few seconds); ``LKJIP_FUZZ_SEED`` picks
another sequence. The campaign that found the nameless tag ``{% %}`` failing with exit 70 ran
600 cases.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from lkjip_gen.cli import main
from lkjip_gen.render.assemble import LAYOUT

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "templates" / "default"
CASES = int(os.environ.get("LKJIP_FUZZ", "4"))
SEED = int(os.environ.get("LKJIP_FUZZ_SEED", "1"))
# The document that shows each part on its own (the others are parts of the LKjIP).
DOCUMENT = {parts[0]: doc for doc, parts in LAYOUT.items() if len(parts) == 1 and doc != "rekap"}
PARTS = sorted(p.stem for p in DEFAULT.glob("*.docx") if p.stem != "rekap")
# The plan documents are built from pasaman, the example that holds their data.
PLANS = ("rencana-aksi", "realisasi-rencana-aksi", "rkt")
SOUND = ["{{ instansi.nama|upper }}", "{{ laporan.tahun }}", "{{ instansi.pemda }}"]
TAGS = SOUND + [
    "{{ x }}", "{{ instansi.nama|angka }}", "{{ 1/0 }}",
    "{{ ''.__class__ }}", "{% for i in range(100000000) %}x{% endfor %}",
    "{% for s in sasaran %}", "{% endfor %}", "{% if %}", "{% %}", "{%tr for s in sasaran %}",
    "{%tr endfor %}", "{%p if x %}", "{%p endif %}", "{{p narasi.latar_belakang }}",
    "{{r instansi.nama }}", "{% vmerge 'restart' %}", "{% colspan 3 %}", "{% cellbg 'FF0000' %}",
    "{{ laporan.tahun * 'x' * 1000000 }}", "{{ lipsum() }}", "{% include 'x' %}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{{ ada.anything }}", "{{ judul.bab1 }}",
    "{{ grafik.capaian_indikator }}", "{{ ttd.kepala.nama }}", "{{", "}}", "{%", "%}", "{# catatan",
    "{%- raw %}", "{{ 9**9**9 }}", "{{ '%s'|format(1) }}", "{{ range(3)|list }}", "{{ self }}",
]  # fmt: skip
_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
_TAG = re.compile(r"\{[{%].*?[}%]\}")
LOCATED = re.compile(r"^\S+\.(docx|yaml)(:\d+:\d+)?: ")


def damage(xml: str, rng: random.Random) -> str:
    """One to three random tag edits in the text of a part's document.xml; one case in three a
    sound tag only, so that the fuzzed packs also build."""
    plain = [m for m in _TEXT.finditer(xml) if m.group(2).strip() and "{" not in m.group(2)]
    if plain and rng.randrange(3) == 0:  # after plain text: a paragraph tag ({%p %}) stays alone
        m = rng.choice(plain)
        return xml[: m.end(2)] + " " + rng.choice(SOUND) + xml[m.end(2) :]
    for _ in range(rng.choice([1, 1, 2, 3])):
        kind = rng.randrange(4)
        tags = list(_TAG.finditer(xml))
        if kind <= 1:
            m = rng.choice(list(_TEXT.finditer(xml)))
            at = rng.randint(m.start(2), m.end(2))
            tag = rng.choice(TAGS).replace("&", "&amp;").replace("<", "&lt;")
            xml = xml[:at] + tag + xml[at:]
        elif kind == 2 and tags:
            m = rng.choice(tags)
            xml = xml[: m.start()] + xml[m.end() :]
        elif len(tags) > 1:
            a, b = sorted(rng.sample(tags, 2), key=lambda t: t.start())
            xml = (
                xml[: a.start()] + b.group() + xml[a.end() : b.start()] + a.group() + xml[b.end() :]
            )
    return xml


def office_pack(folder: Path, part: str, rng: random.Random) -> Path:
    folder.mkdir(parents=True)
    (folder / "templat.yaml").write_text(
        "nama: kantor\nversi: 1.0\nmodel: 2\ndasar: default\n", encoding="utf-8"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(DEFAULT / f"{part}.docx") as old, zipfile.ZipFile(buffer, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                data = damage(data.decode("utf-8"), rng).encode("utf-8")
            new.writestr(item, data)
    (folder / f"{part}.docx").write_bytes(buffer.getvalue())
    return folder


def _check(output: str, context: str) -> None:
    assert "Traceback" not in output and "kesalahan internal" not in output, context
    for line in output.splitlines():
        if not line.strip() or line.startswith(("lkjip: ", "ditulis: ")):
            continue
        if re.fullmatch(
            r"\S+: (sah|TIDAK SAH) \(.*\)|\d+ kesalahan, \d+ peringatan(, \d+ dijawab)?\.", line
        ):
            continue
        assert LOCATED.match(line), f"pesan tanpa letak: {line[:200]!r}\n{context}"


def test_fuzzed_office_packs_get_located_messages_and_build_nothing_when_broken(
    tmp_path: Path,
) -> None:
    rng = random.Random(SEED)
    runner = CliRunner()
    failed = 0
    for case in range(CASES):
        part = rng.choice(PARTS)
        folder = tmp_path / f"k{case}"
        pack = office_pack(folder / "kantor", part, rng)
        document = DOCUMENT.get(part, "lkjip")
        example = "pasaman-barat-2022" if document in PLANS else "contoh-minimal"
        data = folder / example
        shutil.copytree(ROOT / "examples" / example, data)
        profile = data / "profil.yaml"
        text = profile.read_text(encoding="utf-8")
        profile.write_text(
            text.replace("\npengaturan:\n", "\npengaturan:\n  templat: ../kantor\n"), "utf-8"
        )
        year = next(data.glob("lkjip-*.yaml"))
        out = folder / "hasil"
        context = f"kasus {case} (seed {SEED}, bagian {part}, {example})"
        for args in (
            ["templat", "periksa", str(pack)],
            ["build", str(year), "-o", str(out), "-d", document],
        ):
            result = runner.invoke(main, args)
            assert result.exit_code in (0, 1), f"{context}: {args[0]}\n{result.output[-3000:]}"
            _check(result.output, f"{context}: {args[0]}")
        if result.exit_code:
            failed += 1
            assert not out.exists(), f"{context}: dokumen ditulis padahal gagal"
        shutil.rmtree(folder)
    assert CASES < 4 or 0 < failed < CASES, "kasus harus ada yang gagal dan ada yang jadi"
