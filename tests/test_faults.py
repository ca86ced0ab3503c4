"""Faults around the PDF step: killed runs leave nothing behind, bad PDFs replace nothing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from lkjip_gen.errors import LkjipError
from lkjip_gen.output import pdf, workdir
from lkjip_gen.output.pdf import convert, docx_to_pdf, find_soffice, timeout_setting
from tests.test_pdf import _fake_soffice, _write_toc_docx, running

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "lumajang-2023-tw1"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_garbage_starting_with_pdf_is_not_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform == "win32":
        pytest.skip("fake soffice is a shell script")
    _fake_soffice(tmp_path, monkeypatch, 'printf "%%PDF-1.4 sampah" > "${LKJIP_PDF_URL#file://}"\n')
    source, target = tmp_path / "lkjip.docx", tmp_path / "lkjip.pdf"
    _write_toc_docx(source)
    target.write_bytes(b"%PDF-1.4 lama")
    with pytest.raises(LkjipError, match=r"PDF terpotong \(akhir berkas tidak ada\)"):
        docx_to_pdf(source, target)
    assert target.read_bytes() == b"%PDF-1.4 lama"


def test_messages_never_name_the_work_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform == "win32":
        pytest.skip("fake soffice is a shell script")
    _fake_soffice(tmp_path, monkeypatch, 'echo "gagal membuka $LKJIP_DOCX_URL" >&2\nexit 1\n')
    monkeypatch.setenv("TMPDIR", str(tmp_path / "kerja"))
    (tmp_path / "kerja").mkdir()
    tempfile.tempdir = None
    try:
        with pytest.raises(LkjipError) as raised:
            convert(b"PK", tmp_path / "hasil" / "lkjip.pdf")
    finally:
        tempfile.tempdir = None
    message = str(raised.value)
    assert "gagal membuka masukan.docx" in message.replace("//", "").replace("/", "")
    assert "kerja" not in message and workdir.PREFIX not in message


def test_timeout_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pdf.TIMEOUT_VAR, raising=False)
    assert timeout_setting() == 180
    monkeypatch.setenv(pdf.TIMEOUT_VAR, "300")
    assert timeout_setting() == 300
    assert timeout_setting(5) == 5
    monkeypatch.setenv(pdf.TIMEOUT_VAR, "lama")
    with pytest.raises(LkjipError, match="LKJIP_PDF_TIMEOUT='lama' bukan jumlah detik"):
        timeout_setting()


def test_sweep_removes_folders_of_dead_runs_only(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "lkjip-mati").mkdir()
    (tmp_path / "lkjip-mati" / workdir.OWNER).write_text(str(dead.pid))
    (tmp_path / "lkjip-hidup").mkdir()
    (tmp_path / "lkjip-hidup" / workdir.OWNER).write_text(str(os.getpid()))
    (tmp_path / "lain").mkdir()
    assert workdir.sweep(tmp_path) == [tmp_path / "lkjip-mati"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain", "lkjip-hidup"]


# ------------------------------------------------------------ kill trials, real LibreOffice


def _ours(tmp: Path) -> list[int]:
    """LibreOffice processes working in a folder under ``tmp``."""
    return running(str(tmp))


def _start_build(tmp_path: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    office = tmp_path / "data"
    shutil.copytree(EXAMPLE, office)
    year = next(office.glob("lkjip-*.yaml"))
    return subprocess.Popen(
        [sys.executable, "-m", "lkjip_gen", "build", str(year), "-f", "pdf", "-o", str(office)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        # A suite started in the background (``make test &``) hands its children SIGINT ignored,
        # and Python keeps it ignored: the child gets the default back (Python's KeyboardInterrupt).
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_soffice(tmp: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not _ours(tmp):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail("LibreOffice tidak pernah mulai")
        time.sleep(0.05)
    time.sleep(0.3)  # mid-conversion


def _settle(tmp: Path) -> list[int]:
    deadline = time.monotonic() + 10
    while _ours(tmp) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _ours(tmp)


@linux_only
@pytest.mark.libreoffice
@pytest.mark.parametrize(
    "how", ["SIGTERM", "SIGINT", "SIGKILL", "SIGKILL-no-namespace"], ids=lambda h: h
)
def test_killed_build_leaves_no_libreoffice_and_no_folder(tmp_path: Path, how: str) -> None:
    if find_soffice() is None:
        pytest.skip("LibreOffice tidak terpasang")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    if how.endswith("no-namespace"):
        env["LKJIP_NO_UNSHARE"] = "1"
    process = _start_build(tmp_path, env)
    _wait_for_soffice(tmp, process)
    process.send_signal(getattr(signal, how.split("-")[0]))
    _, err = process.communicate(timeout=60)
    assert b"Traceback" not in err
    if how in ("SIGTERM", "SIGINT"):
        assert process.returncode == 130
        assert "dibatalkan" in err.decode()
    if how != "SIGKILL-no-namespace":
        # Killed with lkjip itself (process group, or the PID namespace dying with lkjip).
        assert _settle(tmp) == []
    # The next run removes what a killed run left, and stops a LibreOffice still in it.
    workdir.sweep(tmp)
    assert _settle(tmp) == []
    assert list(tmp.iterdir()) == []
    assert not (tmp_path / "data" / "lkjip-2023-tw1.pdf").exists()
