"""Tests for warm LibreOffice instances: the table of contents, a killed instance, shutdown."""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from lkjip_gen.batch import Job, Options, build_many
from lkjip_gen.output.warm import WarmOffice
from tests.test_pdf import _write_toc_docx, running, soffice  # noqa: F401  (the fixture)

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.usefixtures("soffice"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kills by process group"),
]
MINIMAL = Path(__file__).resolve().parents[1] / "examples" / "contoh-minimal"


def _toc_pages(pdf: bytes) -> list[int]:
    import io

    first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    return [int(n) for n in re.findall(r"(\d+)\s*$", first, re.MULTILINE)]


def _kill_when_converting(work_root: Path, killed: list[int]) -> threading.Thread:
    """Kill the first warm LibreOffice under ``work_root`` once it is converting a document."""

    def watch() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for marker in work_root.glob("lkjip-*/soffice.pid"):
                if any(marker.parent.glob("masukan-*.docx")) and not any(
                    marker.parent.glob("run*/inbox/job.txt")
                ):
                    pid = int(marker.read_text())
                    os.killpg(pid, signal.SIGKILL)
                    killed.append(pid)
                    return
            time.sleep(0.01)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_warm_instance_updates_the_toc_and_survives_a_kill(tmp_path: Path) -> None:
    source = tmp_path / "lkjip.docx"
    _write_toc_docx(source)
    data = source.read_bytes()
    with WarmOffice() as office:
        first = office.convert(data, tmp_path / "a.pdf")
        assert office.ping()
        pid = office.process.pid if office.process else 0
        # Killed between two documents: the next conversion starts a new instance.
        os.killpg(pid, signal.SIGKILL)
        second = office.convert(data, tmp_path / "b.pdf")
        assert office.starts == 2
        profile = str(office.work)
    for pdf in (first, second):
        assert _toc_pages(pdf) == [2, 3, 4]
    assert not running(profile)
    assert not Path(profile).exists()


def test_batch_survives_libreoffice_killed_mid_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work_root = tmp_path / "tmp"
    work_root.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(work_root))
    # matplotlib's font cache lasts the whole process (workdir.for_process), not one batch: when
    # this test is the first of its process to draw a chart it must not be made in work_root.
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "matplotlib"))
    jobs = []
    for i in range(2):
        office = tmp_path / f"kantor-{i}"
        office.mkdir()
        for f in MINIMAL.iterdir():
            (office / f.name).write_bytes(f.read_bytes())
        jobs.append(Job(i, office / "lkjip-2024.yaml", None))
    killed: list[int] = []
    watcher = _kill_when_converting(work_root, killed)

    results = list(build_many(jobs, Options(formats=("pdf",)), workers=1))

    watcher.join(1)
    assert killed, "LibreOffice was not killed: the test proves nothing"
    assert [r.error for r in results] == [None, None]
    for job in jobs:
        pages = [p.extract_text() for p in PdfReader(job.path.with_suffix(".pdf")).pages]
        toc = next(text for text in pages if text.startswith("DAFTAR ISI"))
        # The table of contents was updated before export: chapter I listed on page 1.
        assert re.search(r"^BAB I PENDAHULUAN\.+1$", toc, re.MULTILINE), toc
    assert not running(str(work_root))
    assert not list(work_root.glob("lkjip-*"))
