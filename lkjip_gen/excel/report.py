"""The import report in Bahasa Indonesia: what was read, matched, left out, and what changes."""

from __future__ import annotations

from pathlib import Path

from lkjip_gen.data.load import display_name, format_path
from lkjip_gen.excel.update import Change, Import
from lkjip_gen.formatting import nilai

_HOW = {"kode": "lewat kode", "id": "lewat id", "nama": "lewat nama"}


def text(result: Import, *, detail: bool = False, written: list[Path] | None = None) -> str:
    """The whole report; ``written`` is None for a dry run."""
    placed = sum(result.how.values())
    how = ", ".join(f"{n} {_HOW[k]}" for k, n in sorted(result.how.items()))
    lines = [
        f"Impor {result.kind} dari {display_name(result.book)}, lembar '{result.sheet}':",
        f"  {result.rows} baris dibaca; {placed} cocok ({how or '-'}), "
        f"{len(result.unplaced)} tidak ditempatkan; {len(result.changes)} nilai berubah.",
    ]
    sections = [
        ("Cocok", result.matched if detail else []),
        ("Tidak ditempatkan", result.unplaced),
        ("Catatan", result.notes),
        ("Jumlah yang tidak cocok", result.totals),
        ("Ada di data tetapi tidak ada di buku kerja (tidak diubah)", result.missing),
        ("Perubahan", [_change(c) for c in result.changes]),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"{title}:"] + [f"  {item}" for item in items]
    diff = result.diff()
    if diff:
        lines += ["", diff.rstrip("\n")]
    lines.append("")
    if written is None:
        lines.append(
            "Belum ada yang ditulis. Periksa perubahan di atas, lalu jalankan ulang dengan --tulis."
            if result.changes
            else "Tidak ada nilai yang berubah."
        )
    elif written:
        lines += [f"ditulis: {display_name(p)}" for p in written]
    else:
        lines.append("Tidak ada nilai yang berubah; berkas data tidak ditulis.")
    return "\n".join(lines)


def _change(c: Change) -> str:
    return f"{c.cell} → {format_path(c.path)}: {_show(c.old)} → {_show(c.new)} ({_HOW[c.how]})"


def _show(value: object) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return nilai(value)
