"""Convert a .docx to PDF with headless LibreOffice, updating the table of contents first."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from lkjip_gen.errors import LkjipError, ToolMissingError
from lkjip_gen.output.files import atomic_write

ENV_VAR = "LKJIP_SOFFICE"

_CANDIDATES = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/usr/lib64/libreoffice/program/soffice",
    "/opt/libreoffice*/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)

_INSTALL_HINT = (
    "Pasang LibreOffice: di Debian/Ubuntu jalankan `sudo apt-get install libreoffice-writer`; "
    "di Windows unduh dari https://www.libreoffice.org/download/ dan pasang, atau set variabel "
    f"lingkungan {ENV_VAR} ke lokasi soffice.exe "
    r"(misalnya C:\Program Files\LibreOffice\program\soffice.exe)."
)

# `soffice --convert-to pdf` never updates the table of contents (docxtpl leaves it empty), so a
# Basic macro does the conversion: open hidden, update every index twice (the first update can
# make the TOC longer and shift the pages it lists), export. Basic is built into every
# LibreOffice, unlike Python-UNO, which needs a matching interpreter. Paths come in as file URLs
# through environment variables, which avoids quoting them into a macro URL. A headless
# LibreOffice cannot show an error, so the macro writes it to a file for us to report.
_MACRO = """\
Sub Convert
    On Error GoTo Failed
    Dim doc As Object
    Dim loadArgs(1) As New com.sun.star.beans.PropertyValue
    loadArgs(0).Name = "Hidden"
    loadArgs(0).Value = True
    loadArgs(1).Name = "FilterName"
    loadArgs(1).Value = "MS Word 2007 XML"
    doc = StarDesktop.loadComponentFromURL(Environ("LKJIP_DOCX_URL"), "_blank", 0, loadArgs())
    If IsNull(doc) Then
        Report("berkas tidak dapat dibuka sebagai dokumen Word (.docx)")
        Exit Sub
    End If
    doc.getTextFields().refresh()
    Dim indexes As Object
    indexes = doc.getDocumentIndexes()
    Dim pass As Integer, i As Integer
    For pass = 1 To 2
        For i = 0 To indexes.getCount() - 1
            indexes.getByIndex(i).update()
        Next i
    Next pass
    Dim pdfArgs(0) As New com.sun.star.beans.PropertyValue
    pdfArgs(0).Name = "FilterName"
    pdfArgs(0).Value = "writer_pdf_Export"
    doc.storeToURL(Environ("LKJIP_PDF_URL"), pdfArgs())
    doc.close(True)
    Exit Sub
Failed:
    Dim message As String
    message = "galat " & Err & " di baris " & Erl & ": " & Error$
    On Error Resume Next
    Report(message)
    If Not IsNull(doc) Then doc.close(True)
End Sub

Sub Report(message As String)
    Dim n As Integer
    n = FreeFile
    Open Environ("LKJIP_ERROR_URL") For Output As #n
    Print #n, message
    Close #n
End Sub
"""
_MACRO_URL = "vnd.sun.star.script:Standard.Lkjip.Convert?language=Basic&location=application"

# A new profile is normally filled from LibreOffice's presets, which would overwrite our Basic
# library; marking the setup as completed makes LibreOffice use the profile as we wrote it.
_PROFILE_FILES = {
    "registrymodifications.xcu": """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"\
><value>true</value></prop></item>
</oor:items>
""",
    "basic/script.xlc": """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library"
  xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
""",
    "basic/Standard/script.xlb": """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"
  library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Lkjip"/>
</library:library>
""",
    "basic/Standard/Lkjip.xba": f"""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Lkjip"
  script:language="StarBasic">{escape(_MACRO)}</script:module>
""",
}

_TAIL_LINES = 15


def find_soffice() -> str | None:
    """Return the LibreOffice program to run, or None when it is not installed.

    ``LKJIP_SOFFICE`` wins when set, and is then the only candidate, so that a typo in it is
    reported instead of silently using another installation. Otherwise ``soffice`` and
    ``libreoffice`` on PATH, then the usual install locations on Linux, macOS and Windows.
    """
    configured = os.environ.get(ENV_VAR)
    if configured:
        return _executable(configured)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for pattern in _CANDIDATES:
        for candidate in sorted(glob.glob(pattern)):
            found = _executable(candidate)
            if found:
                return found
    return None


def docx_to_pdf(docx: Path, pdf: Path, *, timeout: float = 180) -> None:
    """Convert ``docx`` to ``pdf`` with every table of contents and index brought up to date.

    Each conversion runs in its own throw-away LibreOffice profile, so conversions may run in
    parallel and never join a LibreOffice the user has open. ``pdf`` is replaced atomically only
    after a non-empty PDF was produced; on any failure an earlier ``pdf`` stays as it was.

    Args:
        docx: The Word document to convert.
        pdf: Where to write the PDF; parent directories are created.
        timeout: Seconds before LibreOffice (with all its child processes) is killed.

    Raises:
        ToolMissingError: LibreOffice is not installed (the message says how to install it).
        LkjipError: The conversion failed or timed out; the message ends with LibreOffice's output.
    """
    soffice = find_soffice()
    if soffice is None:
        raise ToolMissingError(_missing_message())
    if not docx.is_file():
        raise LkjipError(f"{docx}: berkas tidak ditemukan, tidak dapat dibuat PDF-nya.")

    # ignore_cleanup_errors: on Windows a killed LibreOffice may still hold profile files briefly.
    with tempfile.TemporaryDirectory(prefix="lkjip-pdf-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        profile = _profile(work / "profile")
        out, error, log = work / "out.pdf", work / "error.txt", work / "soffice.log"
        # LibreOffice puts a lock file beside the document it opens: a private copy keeps
        # parallel conversions of one file apart and leaves the user's folder untouched.
        source = work / "masukan.docx"
        shutil.copyfile(docx, source)
        env = {
            **os.environ,
            "LKJIP_DOCX_URL": source.as_uri(),
            "LKJIP_PDF_URL": out.as_uri(),
            "LKJIP_ERROR_URL": error.as_uri(),
        }
        command = [soffice, *_FLAGS, f"-env:UserInstallation={profile.as_uri()}", _MACRO_URL]
        failed = f"LibreOffice gagal mengubah {docx} menjadi PDF"
        kept = f"{pdf} tidak diubah."
        returncode = _run(command, env, log, timeout)
        if returncode is None:
            raise LkjipError(
                f"LibreOffice tidak selesai mengubah {docx} menjadi PDF dalam {timeout:g} detik "
                f"dan dihentikan; {kept}{_tail(log)}"
            )
        if error.is_file():
            reason = error.read_text(encoding="utf-8", errors="replace").strip()
            raise LkjipError(f"{failed} ({reason}); {kept}{_tail(log)}")
        data = out.read_bytes() if out.is_file() else b""
        if returncode != 0 or not data.startswith(b"%PDF-"):
            reason = f"kode keluar {returncode}" if returncode != 0 else "tidak ada PDF yang dibuat"
            raise LkjipError(f"{failed} ({reason}); {kept}{_tail(log)}")
    try:
        atomic_write(pdf, data)
    except OSError as e:
        raise LkjipError(f"{pdf}: PDF tidak dapat ditulis: {e.strerror or e}.") from e


# A LibreOffice without windows, splash screen, start document, recovery or lock check.
_FLAGS = ("--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck")


def _profile(folder: Path) -> Path:
    """A throw-away LibreOffice user profile in ``folder`` (holding our macro)."""
    for name, text in _PROFILE_FILES.items():
        target = folder / "user" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


def _executable(candidate: str) -> str | None:
    if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
        return candidate
    return shutil.which(candidate)


def _missing_message() -> str:
    configured = os.environ.get(ENV_VAR)
    if configured:
        return (
            f"{ENV_VAR}={configured!r} bukan program LibreOffice yang dapat dijalankan; perbaiki "
            f"nilainya atau hapus variabel itu. {_INSTALL_HINT}"
        )
    return f"LibreOffice tidak ditemukan, padahal diperlukan untuk membuat PDF. {_INSTALL_HINT}"


def _run(command: list[str], env: dict[str, str], log: Path, timeout: float) -> int | None:
    """Run LibreOffice with its output in ``log``; return its exit code, or None on timeout.

    The output goes to a file rather than a pipe so that a stray child holding the pipe open
    cannot block us after the timeout.
    """
    # soffice is a launcher (a shell script and oosplash on Linux, soffice.exe on Windows) that
    # starts soffice.bin; killing only the launcher would leave soffice.bin running, so it gets
    # its own process group (start_new_session on POSIX, the flag on Windows) to kill as a whole.
    flags = 0
    if sys.platform == "win32":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP
    with log.open("wb") as sink:
        try:
            process = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                creationflags=flags,
            )
        except OSError as e:
            raise LkjipError(
                f"LibreOffice ({command[0]}) tidak dapat dijalankan: {e.strerror or e}."
            ) from e
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            return None
        except BaseException:
            # Ctrl+C must not leave an orphaned LibreOffice behind.
            _kill_group(process)
            raise


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        process.kill()
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _tail(log: Path) -> str:
    """The last lines LibreOffice printed, as a suffix for an error message ("" if none)."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    # Debian's LibreOffice prints this on every run; it would only mislead the reader.
    lines = [line for line in text.splitlines() if line.strip() and "javaldx" not in line]
    if not lines:
        return ""
    return "\nKeluaran LibreOffice:\n" + "\n".join(lines[-_TAIL_LINES:])
