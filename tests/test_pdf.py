"""Tests for the LibreOffice PDF conversion: TOC update, missing tool, failures and timeouts."""

from __future__ import annotations

import os
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from lkjip_gen.errors import LkjipError, ToolMissingError
from lkjip_gen.output import pdf
from lkjip_gen.output.pdf import docx_to_pdf, find_soffice

HEADINGS = ["BAB I Pendahuluan", "BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja"]
OLD_PDF = b"%PDF-1.4 versi lama"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def soffice() -> str:
    """The real LibreOffice; skipped when absent, but a failure on CI, which installs it."""
    found = find_soffice()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice tidak ditemukan, padahal CI seharusnya memasangnya.")
        pytest.skip("LibreOffice tidak terpasang")
    return found


def _field_run(paragraph: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _write_toc_docx(path: Path) -> None:
    """A document like our templates give: a TOC field with stale text, headings on new pages."""
    document = docx.Document()
    document.add_paragraph("Daftar Isi")
    toc = document.add_paragraph()
    _field_run(toc, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = ' TOC \\o "1-3" \\h \\z \\u '
    toc.add_run()._r.append(instruction)
    _field_run(toc, "separate")
    toc.add_run("Klik kanan lalu Perbarui Bidang untuk mengisi daftar isi.")
    _field_run(toc, "end")
    for heading in HEADINGS:
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(heading, level=1)
        document.add_paragraph("Isi bab.")
    document.save(str(path))


def _fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n" + script)
    program.chmod(0o755)
    monkeypatch.setenv(pdf.ENV_VAR, str(program))


def running(command: str) -> list[int]:
    """Processes whose command line is ``command`` (the pid of a process in another PID
    namespace is not the one it sees itself, so processes are found by what they run)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = entry.read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if command in text:
            found.append(int(entry.parent.name))
    return found


@pytest.mark.libreoffice
def test_toc_is_filled_with_page_numbers_in_parallel_conversions(
    soffice: str, tmp_path: Path
) -> None:
    """Two conversions at once, each with its own LibreOffice, do not collide."""
    source = tmp_path / "lkjip.docx"
    _write_toc_docx(source)
    targets = [tmp_path / f"keluaran-{i}" / "lkjip.pdf" for i in range(2)]

    with ThreadPoolExecutor(len(targets)) as pool:
        list(pool.map(lambda target: docx_to_pdf(source, target), targets))

    for target in targets:
        pages = [page.extract_text() for page in PdfReader(target).pages]
        toc_page = pages[0]
        assert "Perbarui Bidang" not in toc_page
        for heading in HEADINGS:
            match = re.search(re.escape(heading) + r"[ .]*(\d+)\s*$", toc_page, re.MULTILINE)
            assert match, f"{heading!r} tidak ada di daftar isi:\n{toc_page}"
            listed = int(match.group(1))
            assert heading in pages[listed - 1], f"{heading!r} tidak ada di halaman {listed}"
        assert [int(n) for n in re.findall(r"(\d+)\s*$", toc_page, re.MULTILINE)] == [2, 3, 4]


@pytest.mark.libreoffice
def test_broken_docx_keeps_old_pdf(soffice: str, tmp_path: Path) -> None:
    source = tmp_path / "rusak.docx"
    source.write_bytes(b"ini bukan berkas Word")
    target = tmp_path / "lkjip.pdf"
    target.write_bytes(OLD_PDF)

    with pytest.raises(LkjipError, match="tidak dapat dibuka sebagai dokumen Word"):
        docx_to_pdf(source, target)

    assert target.read_bytes() == OLD_PDF


def test_missing_libreoffice_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(pdf.ENV_VAR, raising=False)
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    source = tmp_path / "lkjip.docx"
    _write_toc_docx(source)

    with pytest.raises(ToolMissingError) as raised:
        docx_to_pdf(source, tmp_path / "lkjip.pdf")

    message = str(raised.value)
    assert message.startswith("LibreOffice tidak ditemukan")
    assert "sudo apt-get install libreoffice-writer" in message
    assert "libreoffice.org" in message
    assert "LKJIP_SOFFICE" in message
    assert not (tmp_path / "lkjip.pdf").exists()


def test_wrong_env_var_is_reported_not_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = str(tmp_path / "tidak-ada" / "soffice.exe")
    monkeypatch.setenv(pdf.ENV_VAR, wrong)
    assert find_soffice() is None
    source = tmp_path / "lkjip.docx"
    _write_toc_docx(source)

    with pytest.raises(ToolMissingError, match=re.escape(f"LKJIP_SOFFICE={wrong!r} bukan")):
        docx_to_pdf(source, tmp_path / "lkjip.pdf")


@posix_only
def test_env_var_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, monkeypatch, "exit 0\n")
    assert find_soffice() == str(tmp_path / "soffice")


@linux_only
def test_timeout_kills_libreoffice_and_keeps_old_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Like the real launcher, the fake starts a child; the whole group must die on timeout.
    _fake_soffice(tmp_path, monkeypatch, "echo mulai >&2\nsleep 61.25 &\nwait\n")
    source = tmp_path / "lkjip.docx"
    _write_toc_docx(source)
    target = tmp_path / "lkjip.pdf"
    target.write_bytes(OLD_PDF)

    started = time.monotonic()
    with pytest.raises(LkjipError, match="dalam 1 detik dan dihentikan") as raised:
        docx_to_pdf(source, target, timeout=1)

    assert time.monotonic() - started < 10
    assert str(raised.value).endswith("Keluaran LibreOffice:\nmulai")
    assert target.read_bytes() == OLD_PDF
    deadline = time.monotonic() + 5
    while running("sleep 61.25") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running("sleep 61.25")


@posix_only
def test_failure_reports_exit_code_and_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, monkeypatch, "echo 'Fatal exception: Signal 6' >&2\nexit 134\n")
    source = tmp_path / "lkjip.docx"
    _write_toc_docx(source)
    target = tmp_path / "lkjip.pdf"
    target.write_bytes(OLD_PDF)

    with pytest.raises(LkjipError) as raised:
        docx_to_pdf(source, target)

    message = str(raised.value)
    assert "(kode keluar 134)" in message
    assert f"{target} tidak diubah." in message
    assert message.endswith("Fatal exception: Signal 6")
    assert target.read_bytes() == OLD_PDF


@posix_only
def test_success_without_pdf_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, monkeypatch, "exit 0\n")
    source = tmp_path / "lkjip.docx"
    _write_toc_docx(source)
    target = tmp_path / "lkjip.pdf"
    target.write_bytes(OLD_PDF)

    with pytest.raises(LkjipError, match="tidak ada PDF yang dibuat"):
        docx_to_pdf(source, target)
    assert target.read_bytes() == OLD_PDF


def test_missing_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")
    with pytest.raises(LkjipError, match="berkas tidak ditemukan"):
        docx_to_pdf(tmp_path / "tidak-ada.docx", tmp_path / "lkjip.pdf")
