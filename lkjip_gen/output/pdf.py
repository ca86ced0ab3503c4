"""Convert a .docx to PDF with headless LibreOffice, updating the table of contents first."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path
from xml.sax.saxutils import escape

from lkjip_gen.errors import LkjipError, ToolMissingError
from lkjip_gen.output import pdfcheck, soffice
from lkjip_gen.output.files import atomic_write
from lkjip_gen.output.workdir import workdir

ENV_VAR = "LKJIP_SOFFICE"
TIMEOUT_VAR = "LKJIP_PDF_TIMEOUT"
DEFAULT_TIMEOUT = 180.0

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
# through environment variables (one conversion) or a job file (a warm instance, see
# :mod:`lkjip_gen.output.warm`), which avoids quoting them into a macro URL. A headless
# LibreOffice cannot show an error, so the macro writes it to a file for us to report.
_MACRO = """\
Sub Convert
    ConvertOne(Environ("LKJIP_DOCX_URL"), Environ("LKJIP_PDF_URL"), Environ("LKJIP_ERROR_URL"))
End Sub

Sub ConvertOne(docxUrl As String, pdfUrl As String, errorUrl As String)
    On Error GoTo Failed
    Dim doc As Object
    Dim loadArgs(1) As New com.sun.star.beans.PropertyValue
    loadArgs(0).Name = "Hidden"
    loadArgs(0).Value = True
    loadArgs(1).Name = "FilterName"
    loadArgs(1).Value = "MS Word 2007 XML"
    doc = StarDesktop.loadComponentFromURL(docxUrl, "_blank", 0, loadArgs())
    If IsNull(doc) Then
        Report(errorUrl, "berkas tidak dapat dibuka sebagai dokumen Word (.docx)")
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
    doc.storeToURL(pdfUrl, pdfArgs())
    doc.close(True)
    Exit Sub
Failed:
    Dim message As String
    message = "galat " & Err & " di baris " & Erl & ": " & Error$
    On Error Resume Next
    Report(errorUrl, message)
    If Not IsNull(doc) Then doc.close(True)
End Sub

Sub Serve
    Rem A warm instance: converts the job the client renames into the inbox, one at a time,
    Rem until the client writes "stop". Each job file holds four URLs: the .docx, the PDF, the
    Rem error file and the file that says the job is done.
    Dim inbox As String, job As String, n As Integer
    Dim docxUrl As String, pdfUrl As String, errorUrl As String, doneUrl As String
    inbox = Environ("LKJIP_INBOX_URL")
    job = inbox & "/job.txt"
    Touch(inbox & "/ready")
    Do While Not FileExists(inbox & "/stop")
        If FileExists(job) Then
            n = FreeFile
            Open job For Input As #n
            Line Input #n, docxUrl
            Line Input #n, pdfUrl
            Line Input #n, errorUrl
            Line Input #n, doneUrl
            Close #n
            Kill job
            If docxUrl <> "ping" Then ConvertOne(docxUrl, pdfUrl, errorUrl)
            Touch(doneUrl)
        Else
            Wait 10
        End If
    Loop
End Sub

Sub Touch(url As String)
    Dim n As Integer
    n = FreeFile
    Open url For Output As #n
    Print #n, "ok"
    Close #n
End Sub

Sub Report(errorUrl As String, message As String)
    Dim n As Integer
    n = FreeFile
    Open errorUrl For Output As #n
    Print #n, message
    Close #n
End Sub
"""
_MACRO_URL = "vnd.sun.star.script:Standard.Lkjip.{}?language=Basic&location=application"

# A new profile is normally filled from LibreOffice's presets, which would overwrite our Basic
# library; marking the setup as completed makes LibreOffice use the profile as we wrote it.
_PROFILE_FILES = {
    "registrymodifications.xcu": """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"\
><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop \
oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
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


def timeout_setting(value: float | None = None) -> float:
    """Seconds a conversion may take: ``value``, else ``LKJIP_PDF_TIMEOUT``, else 180.

    Raises:
        LkjipError: the environment variable is not a positive number.
    """
    if value is not None:
        return value
    configured = os.environ.get(TIMEOUT_VAR, "").strip()
    if not configured:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(configured)
    except ValueError:
        seconds = 0
    if not 0 < seconds < 86_400:
        raise LkjipError(
            f"{TIMEOUT_VAR}={configured!r} bukan jumlah detik yang sah — tulis misalnya 300, "
            "atau hapus variabel itu (bawaan 180 detik)."
        )
    return seconds


def docx_to_pdf(docx: Path, pdf: Path, *, timeout: float | None = None) -> None:
    """Convert ``docx`` to ``pdf`` with every table of contents and index brought up to date.

    ``pdf`` is replaced atomically only after a complete PDF was produced; on any failure an
    earlier ``pdf`` stays as it was. See :func:`convert`.

    Raises:
        ToolMissingError: LibreOffice is not installed (the message says how to install it).
        LkjipError: The conversion failed or timed out; the message ends with LibreOffice's output.
    """
    try:
        data = docx.read_bytes()
    except FileNotFoundError as e:
        raise LkjipError(f"{docx}: berkas tidak ditemukan, tidak dapat dibuat PDF-nya.") from e
    except OSError as e:
        raise LkjipError(f"{docx}: berkas tidak dapat dibaca: {e.strerror or e}.") from e
    atomic_write(pdf, convert(data, pdf, timeout=timeout))


def convert(docx: bytes, shown: Path, *, timeout: float | None = None) -> bytes:
    """The PDF of the Word document ``docx``, checked to be complete before it is returned.

    Each conversion runs in its own throw-away LibreOffice profile and work folder, so
    conversions may run in parallel and never join a LibreOffice the user has open; LibreOffice
    follows no link out of the document and, where the system allows, has no network (see
    :mod:`lkjip_gen.output.soffice`).

    Args:
        docx: The Word document.
        shown: The PDF's path as the user knows it (messages never name internal temp folders).
        timeout: Seconds before LibreOffice is killed (see :func:`timeout_setting`).

    Raises:
        ToolMissingError: LibreOffice is not installed (the message says how to install it).
        LkjipError: The conversion failed, timed out or gave an incomplete PDF.
    """
    seconds = timeout_setting(timeout)
    program = find_soffice()
    if program is None:
        raise ToolMissingError(missing_message())
    with workdir() as work:
        source, out, error = work / "masukan.docx", work / "out.pdf", work / "error.txt"
        # LibreOffice puts a lock file beside the document it opens: a private copy keeps
        # parallel conversions of one file apart and leaves the user's folder untouched.
        source.write_bytes(docx)
        returncode = soffice.run(
            command(program, profile(work / "profile")),
            _environment(work, source, out, error),
            work,
            seconds,
        )
        return result(returncode, work, docx, shown, seconds, out=out, error=error)


def command(program: str, profile: Path, macro: str = "Convert") -> list[str]:
    """LibreOffice without windows, start document or recovery, running one of our macros."""
    return [program, *_FLAGS, f"-env:UserInstallation={profile.as_uri()}", _MACRO_URL.format(macro)]


def _environment(work: Path, source: Path, out: Path, error: Path) -> dict[str, str]:
    """The macro's input and outputs, and LibreOffice's own temporary files inside ``work``."""
    scratch = work / "tmp"
    scratch.mkdir()
    return {
        **os.environ,
        # LibreOffice's own temporary files go into the work folder and leave with it.
        **dict.fromkeys(("TMPDIR", "TMP", "TEMP"), str(scratch)),
        "LKJIP_DOCX_URL": source.as_uri(),
        "LKJIP_PDF_URL": out.as_uri(),
        "LKJIP_ERROR_URL": error.as_uri(),
    }


def result(
    returncode: int | None,
    work: Path,
    docx: bytes,
    shown: Path,
    seconds: float,
    *,
    out: Path,
    error: Path,
) -> bytes:
    """The PDF the macro wrote to ``out``, once LibreOffice ended in time and it is complete.

    ``returncode`` is None after a timeout; ``error`` is where the macro reports its own error;
    ``work`` holds LibreOffice's log (quoted in messages) and is scrubbed from them.

    Raises:
        LkjipError: timeout, LibreOffice's own error, a non-zero exit, no PDF or a broken one.
    """
    failed = f"LibreOffice gagal membuat {shown}"
    kept = f"{shown} tidak diubah."
    log = log_tail(work)
    if returncode is None:
        raise LkjipError(
            f"LibreOffice tidak selesai membuat {shown} dalam {seconds:g} detik dan "
            f"dihentikan; {kept} Batas waktu dapat diubah dengan --pdf-timeout atau "
            f"{TIMEOUT_VAR}.{log}"
        )
    if error.is_file():
        reason = error.read_text(encoding="utf-8", errors="replace").strip()
        raise LkjipError(f"{failed} ({_scrub(reason, work)}); {kept}{log}")
    data = out.read_bytes() if out.is_file() else b""
    wrong = (
        f"kode keluar {returncode}"
        if returncode != 0
        else "tidak ada PDF yang dibuat"
        if not data
        else pdfcheck.problem(data, docx)
    )
    if wrong:
        raise LkjipError(f"{failed} ({wrong}); {kept}{log}")
    return data


# A LibreOffice without windows, splash screen, start document, recovery or lock check.
_FLAGS = ("--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck")


def profile(folder: Path) -> Path:
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


def missing_message() -> str:
    configured = os.environ.get(ENV_VAR)
    if configured:
        return (
            f"{ENV_VAR}={configured!r} bukan program LibreOffice yang dapat dijalankan; perbaiki "
            f"nilainya atau hapus variabel itu. {_INSTALL_HINT}"
        )
    return f"LibreOffice tidak ditemukan, padahal diperlukan untuk membuat PDF. {_INSTALL_HINT}"


def _scrub(text: str, work: Path) -> str:
    """``text`` without the internal work folder's path, which means nothing to the user."""
    return text.replace(work.as_uri(), "").replace(str(work), "")


def log_tail(work: Path) -> str:
    """The last lines LibreOffice printed, as a suffix for an error message ("" if none)."""
    log = work / "soffice.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    # Debian's LibreOffice prints this on every run; it would only mislead the reader.
    lines = [line for line in text.splitlines() if line.strip() and "javaldx" not in line]
    if not lines:
        return ""
    return "\nKeluaran LibreOffice:\n" + _scrub("\n".join(lines[-_TAIL_LINES:]), work)
