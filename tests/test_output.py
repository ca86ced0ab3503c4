"""Tests for reproducible .docx packages and atomic file replacement."""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from lkjip_gen.errors import OutputError
from lkjip_gen.output.files import atomic_write, normalize_docx


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("BAB I Pendahuluan", level=1)
    document.add_paragraph("Capaian kinerja 74,24%.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, date_time: tuple[int, int, int, int, int, int], reverse: bool) -> bytes:
    """The same parts with other timestamps, order and attributes, as another save would give."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, content in sorted(parts, reverse=reverse):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def test_normalize_gives_same_bytes_for_same_parts() -> None:
    original = _docx_bytes()
    earlier = _rezip(original, (2021, 3, 4, 5, 6, 8), reverse=False)
    later = _rezip(original, (2024, 12, 31, 23, 59, 58), reverse=True)
    assert earlier != later

    assert normalize_docx(earlier) == normalize_docx(later) == normalize_docx(original)
    assert _parts(normalize_docx(original)) == _parts(original)


def test_normalize_is_idempotent() -> None:
    once = normalize_docx(_docx_bytes())
    assert normalize_docx(once) == once


def test_normalize_orders_content_types_then_package_rels() -> None:
    shuffled = _rezip(_docx_bytes(), (2024, 1, 1, 0, 0, 0), reverse=True)
    with zipfile.ZipFile(io.BytesIO(normalize_docx(shuffled))) as package:
        names = package.namelist()
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])


def test_normalize_fixes_entry_metadata() -> None:
    normalized = normalize_docx(_docx_bytes(), timestamp=(2025, 1, 31, 12, 0, 0))
    with zipfile.ZipFile(io.BytesIO(normalized)) as package:
        infos = package.infolist()
    assert {info.date_time for info in infos} == {(2025, 1, 31, 12, 0, 0)}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
    assert {info.create_system for info in infos} == {3}
    assert {stat.S_IMODE(info.external_attr >> 16) for info in infos} == {0o644}


def test_normalized_docx_still_opens() -> None:
    document = docx.Document(io.BytesIO(normalize_docx(_docx_bytes())))
    assert [p.text for p in document.paragraphs] == [
        "BAB I Pendahuluan",
        "Capaian kinerja 74,24%.",
    ]


def test_atomic_write_creates_parents_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "keluaran" / "2024" / "lkjip.docx"
    atomic_write(target, b"lama")
    atomic_write(target, b"baru")
    assert target.read_bytes() == b"baru"
    assert os.listdir(target.parent) == ["lkjip.docx"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_atomic_write_permissions(tmp_path: Path) -> None:
    fresh = tmp_path / "baru.pdf"
    atomic_write(fresh, b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644

    existing = tmp_path / "lama.pdf"
    existing.write_bytes(b"x")
    existing.chmod(0o640)
    atomic_write(existing, b"y")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640


def test_atomic_write_failure_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lkjip.pdf"
    target.write_bytes(b"versi lama")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="lkjip.pdf: tidak dapat ditulis: disk penuh"):
        atomic_write(target, b"versi baru")

    assert target.read_bytes() == b"versi lama"
    assert os.listdir(tmp_path) == ["lkjip.pdf"]


def test_a_failed_write_takes_back_the_folders_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ada").mkdir()

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError, match="tidak dapat ditulis: disk penuh"):
        atomic_write(tmp_path / "ada" / "hasil" / "2024" / "lkjip.docx", b"x")
    assert [p.name for p in tmp_path.rglob("*")] == ["ada"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    ("editing", "advice"), [(False, " atau pilih folder lain dengan -o"), (True, "")]
)
def test_a_disk_that_fills_up_mid_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editing: bool, advice: str
) -> None:
    """The temporary file's writes fail as on a full disk (its descriptor is /dev/full's): the
    flush fails, and closing fails again. A data file edited in place (lkjip impor) is not
    told to pick another folder with -o, which that command does not have."""
    real = tempfile.NamedTemporaryFile

    def on_a_full_disk(*args: Any, **kwargs: Any) -> Any:
        temporary = real(*args, **kwargs)
        full = os.open("/dev/full", os.O_WRONLY)
        os.dup2(full, temporary.fileno())
        os.close(full)
        return temporary

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", on_a_full_disk)
    target = tmp_path / "lkjip-2024.yaml"
    target.write_bytes(b"versi lama")
    with pytest.raises(OutputError) as failed:
        atomic_write(target, b"versi baru", has_output_option=not editing)
    assert str(failed.value) == (
        f"{target}: tidak dapat ditulis: disk penuh — kosongkan ruang di disk itu{advice}. "
        "Berkas lama tidak diubah."
    )
    assert target.read_bytes() == b"versi lama"
    assert os.listdir(tmp_path) == ["lkjip-2024.yaml"]
