"""The command line speaks Indonesian: click's usage errors, help headings and metavars."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from lkjip_gen.cli import main
from lkjip_gen.cli.bahasa import JAMAK, PESAN, UNTUK_PENGEMBANG


def click_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """Every message click marks for translation: ``_("…")`` and ``ngettext("…", "…", n)``."""
    single: set[str] = set()
    plural: set[tuple[str, str]] = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and texts:
                single.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) == 2:
                plural.add((texts[0], texts[1]))
    return single, plural


def test_every_message_click_can_show_a_user_is_indonesian() -> None:
    """A click upgrade that adds or rewords a message fails here until the catalogue follows."""
    single, plural = click_messages()
    assert len(single) > 40 and len(plural) >= 7  # the scan found click's messages
    assert single - set(PESAN) - UNTUK_PENGEMBANG == set()
    assert plural - set(JAMAK) == set()
    # …and the catalogue holds nothing click no longer says.
    assert set(PESAN) - single == set()
    assert set(JAMAK) - plural == set()
    assert UNTUK_PENGEMBANG - single == set()


def commands(group: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            yield from commands(command, (*path, name))


ENGLISH = re.compile(
    r"Usage|Options|Commands|Show |default:|Error|Try |INTEGER|TEXT|PATH|FLOAT|RANGE|COMMAND|ARGS"
    r"|FILE|DIRECTORY"
)


@pytest.mark.parametrize("path", list(commands(main)), ids=lambda p: " ".join(p) or "lkjip")
def test_every_help_page_is_indonesian(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="lkjip")
    assert result.exit_code == 0
    assert result.output.startswith(f"Pemakaian: {' '.join(('lkjip', *path))} [OPSI]")
    assert "Opsi:\n" in result.output
    assert "  -h, --help" in result.output and "Tampilkan bantuan ini lalu keluar." in result.output
    assert ENGLISH.findall(result.output) == []


USAGE_ERRORS = [
    (["validate"], "validate", "Kesalahan: Kurang argumen 'BERKAS...'."),
    (["bild"], "", "Kesalahan: Perintah 'bild' tidak ada. Maksud Anda 'build'?"),
    (
        ["build", "--bogus", "x"],
        "build",
        "Kesalahan: Opsi '--bogus' tidak ada. Maksud Anda '--jobs'?",
    ),
    (
        ["build", "x.yaml", "-f", "docs"],
        "build",
        "Kesalahan: Nilai '-f' / '--format' salah: 'docs' bukan salah satu dari 'docx', 'pdf', "
        "'xlsx'.",
    ),
    (
        ["build", "x.yaml", "--triwulan", "7"],
        "build",
        "Kesalahan: Nilai '--triwulan' salah: 7 di luar rentang 1<=x<=4.",
    ),
    (
        ["build", "x.yaml", "--triwulan", "dua"],
        "build",
        "Kesalahan: Nilai '--triwulan' salah: 'dua' bukan bilangan.",
    ),
    (
        ["diff", "lama.yaml", "baru.yaml", "lain.yaml"],
        "diff",
        "Kesalahan: Argumen berlebih (lain.yaml)",
    ),
    (["impor", "anggaran", "data.yaml"], "impor anggaran", "Kesalahan: Kurang argumen 'BUKU'."),
]


@pytest.mark.parametrize(("args", "command", "message"), USAGE_ERRORS, ids=lambda v: str(v))
def test_a_mistyped_command_is_answered_in_indonesian(
    args: list[str], command: str, message: str
) -> None:
    result = CliRunner().invoke(main, args, prog_name="lkjip")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    shown = " ".join(("lkjip", command)).strip()
    assert lines[0].startswith(f"Pemakaian: {shown} [OPSI]")
    assert lines[1] == f"Bantuan: '{shown} --help'."
    assert lines[-1] == message


def test_an_option_without_its_value_is_answered_in_indonesian() -> None:
    result = CliRunner().invoke(main, ["build", "x.yaml", "-o"], prog_name="lkjip")
    assert (result.exit_code, result.stderr) == (2, "Kesalahan: Opsi '-o' memerlukan nilai.\n")
