"""A comparison written out: for a terminal, or as Markdown for a pull request."""

from __future__ import annotations

from lkjip_gen.diff.compare import Diff
from lkjip_gen.diff.document import LineChange, Span

_NOTHING = "–"


def text(diff: Diff) -> str:
    """Plain text: the data changed with its lines, then each changed place of the document."""
    out = [f"Perbandingan {diff.old} → {diff.new}", ""]
    out.append(f"Data yang berubah ({len(diff.inputs)}):")
    for c in diff.inputs:
        out.append(f"  {c.where}  {c.path}: {c.old or _NOTHING} → {c.new or _NOTHING}")
    if not diff.inputs:
        out.append("  (tidak ada)")
    out += ["", f"Dokumen {diff.document} yang berubah ({len(diff.lines)} baris):"]
    bagian = None
    for line in diff.lines:
        if line.bagian != bagian:
            bagian = line.bagian
            out.append(f"  [{bagian or 'awal dokumen'}]")
        out.append(f"    {line.label}")
        out += [f"      {_span(s)}" for s in line.spans] or [f"      {_whole(line)}"]
    if not diff.lines:
        out.append("  (tidak ada)")
    return "\n".join(out) + "\n"


def markdown(diff: Diff) -> str:
    """Markdown tables, for a pull request or an issue."""
    out = [f"### Perbandingan `{diff.old}` → `{diff.new}`", "", "#### Data yang berubah", ""]
    if diff.inputs:
        out += ["| Letak | Data | Sebelum | Sesudah |", "| --- | --- | --- | --- |"]
        out += [
            f"| `{c.where}` | `{c.path}` | {_cell(c.old)} | {_cell(c.new)} |" for c in diff.inputs
        ]
    else:
        out.append("Tidak ada.")
    out += ["", f"#### Dokumen `{diff.document}` yang berubah", ""]
    if diff.lines:
        out += ["| Bagian | Baris | Sebelum | Sesudah | Model |", "| --- | --- | --- | --- | --- |"]
        for line in diff.lines:
            for s in line.spans or (Span(line.old or "", line.new or "", ()),):
                model = ", ".join(f"`{p}`" for p in s.model)
                out.append(
                    f"| {_cell(line.bagian)} | {_cell(line.label)} | {_cell(s.old)} | "
                    f"{_cell(s.new)} | {model} |"
                )
    else:
        out.append("Tidak ada.")
    return "\n".join(out) + "\n"


def _span(s: Span) -> str:
    where = f"   ({', '.join(s.model)})" if s.model else ""
    return f"{s.old or _NOTHING} → {s.new or _NOTHING}{where}"


def _whole(line: LineChange) -> str:
    return "baris dihapus" if line.new is None else "baris baru"


def _cell(value: str | None) -> str:
    if not value:
        return _NOTHING
    text = value.replace("|", "\\|").replace("\t", " · ")
    return text if len(text) <= 120 else text[:117] + "…"
