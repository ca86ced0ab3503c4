"""The planning hierarchy: ids are unique and every reference names an id that exists.

A reference is only called unknown when the list it points into passed the schema whole: an id
cut out for a schema error is not reported a second time through everything that names it.
"""

from __future__ import annotations

from lkjip_gen.checks.checker import Checker, quoted
from lkjip_gen.compute.anggaran import as_list
from lkjip_gen.data.load import Path_

INDICATOR_HOLDERS = ("tujuan", "sasaran")


def ids(c: Checker) -> None:
    """Report duplicate ids of misi, tujuan, sasaran and indicators; collect the indicators."""
    seen: dict[str, Path_] = {}

    def claim(kind: str, ident: str, path: Path_) -> None:
        if ident in seen:
            c.add(
                path,
                f"id {kind} {quoted(ident)} sudah dipakai di baris {c.line(seen[ident])} — "
                "setiap id harus unik",
                "cek.id_ganda",
            )
        else:
            seen[ident] = path

    for kind in ("misi", "tujuan", "sasaran"):
        for path, item in c.each(("renstra", kind)):
            claim(kind, item["id"], (*path, "id"))
    for kind in INDICATOR_HOLDERS:
        for path, _ in c.each(("renstra", kind)):
            for ind_path, ind in c.each((*path, "indikator")):
                claim("indikator", ind["id"], (*ind_path, "id"))
                c.indicators.setdefault(ind["id"], (ind_path, ind))


def references(c: Checker) -> None:
    """Every id named by tujuan, sasaran, kinerja, analisis and the budget exists."""
    known = {
        kind: {item["id"] for _, item in c.each(("renstra", kind))}
        for kind in ("misi", "tujuan", "sasaran")
    }
    whole = {kind: c.intact(("renstra", kind)) for kind in known}
    whole["indikator"] = all(c.intact(("renstra", kind)) for kind in INDICATOR_HOLDERS)
    known["indikator"] = set(c.indicators)

    def refer(path: Path_, kind: str, ref: str, prefer_key: bool = False) -> None:
        if ref in known[kind] or not whole[kind]:
            return
        choices = ", ".join(sorted(known[kind])) or "(belum ada)"
        c.add(
            path,
            f"{kind} {quoted(ref)} tidak ada — pilih salah satu id {kind}: {choices}",
            "cek.referensi",
            prefer_key=prefer_key,
        )

    for path, t in c.each(("renstra", "tujuan")):
        if "misi" in t:
            refer((*path, "misi"), "misi", t["misi"])
    for path, s in c.each(("renstra", "sasaran")):
        if "tujuan" in s:
            refer((*path, "tujuan"), "tujuan", s["tujuan"])
    for key in c.get(("kinerja",)) or {}:
        refer(("kinerja", key), "indikator", key, prefer_key=True)
    for key in c.get(("analisis",)) or {}:
        refer(("analisis", key), "sasaran", key, prefer_key=True)
    for path, node in c.budget_nodes():
        value = node.get("sasaran")
        for k, ref in enumerate(as_list(value)):
            where = (*path, "sasaran") if isinstance(value, str) else (*path, "sasaran", k)
            refer(where, "sasaran", ref)
