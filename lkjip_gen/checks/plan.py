"""Cross-checks JSON Schema cannot express: references, duplicate ids, totals, PK vs Renstra, units.

Runs on schema-valid data only. Errors stop the build; warnings (``peringatan``) point at what an
office most often gets wrong by hand — totals that do not add up, a count typed as ``4.405``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkjip_gen.checks import budget as budget_checks
from lkjip_gen.checks import rencana as cycle_checks
from lkjip_gen.checks.checker import Checker
from lkjip_gen.compute.anggaran import as_list
from lkjip_gen.compute.capaian import (
    agrees_as_written,
    predikat_scale,
    realisasi_rasio,
    skor_predikat,
)
from lkjip_gen.data.images import ImageError, image_size
from lkjip_gen.data.load import Document, Path_
from lkjip_gen.data.schema import number_hint
from lkjip_gen.errors import Problem
from lkjip_gen.formatting import parse_tanggal
from lkjip_gen.resources import shipped_templates


class _Checker(Checker):
    """The planning, value, table, settings and file checks."""

    # -- the planning hierarchy ------------------------------------------------------------

    def ids(self) -> dict[str, dict[str, Any]]:
        """Collect ids per kind and report duplicates; returns indicator definitions by id."""
        renstra = self.data["renstra"]
        seen: dict[str, Path_] = {}
        indicators: dict[str, dict[str, Any]] = {}

        def claim(kind: str, ident: str, path: Path_) -> None:
            if ident in seen:
                first = self.doc.locate(seen[ident])
                self.add(
                    path,
                    f"id {kind} '{ident}' sudah dipakai di baris {first.line} — "
                    "setiap id harus unik",
                    "cek.id_ganda",
                )
            else:
                seen[ident] = path

        for kind in ("misi", "tujuan", "sasaran"):
            for i, item in enumerate(renstra.get(kind, [])):
                claim(kind, item["id"], ("renstra", kind, i, "id"))
        for kind in ("tujuan", "sasaran"):
            for i, item in enumerate(renstra.get(kind, [])):
                for j, ind in enumerate(item.get("indikator", [])):
                    claim("indikator", ind["id"], ("renstra", kind, i, "indikator", j, "id"))
                    indicators.setdefault(ind["id"], ind)
        return indicators

    def references(self, indicators: dict[str, dict[str, Any]]) -> None:
        renstra = self.data["renstra"]
        misi = {m["id"] for m in renstra.get("misi", [])}
        tujuan = {t["id"] for t in renstra.get("tujuan", [])}
        sasaran = {s["id"] for s in renstra["sasaran"]}
        for i, t in enumerate(renstra.get("tujuan", [])):
            if "misi" in t and t["misi"] not in misi:
                self._unknown(("renstra", "tujuan", i, "misi"), "misi", t["misi"], misi)
        for i, s in enumerate(renstra["sasaran"]):
            if "tujuan" in s and s["tujuan"] not in tujuan:
                self._unknown(("renstra", "sasaran", i, "tujuan"), "tujuan", s["tujuan"], tujuan)
        for key in self.data.get("kinerja", {}):
            if key not in indicators:
                self._unknown(("kinerja", key), "indikator", key, set(indicators), prefer_key=True)
        for key in self.data.get("analisis", {}):
            if key not in sasaran:
                self._unknown(("analisis", key), "sasaran", key, sasaran, prefer_key=True)
        for path, node in budget_checks.nodes(self.data):
            for k, ref in enumerate(as_list(node.get("sasaran"))):
                if ref not in sasaran:
                    where = (
                        (*path, "sasaran")
                        if isinstance(node["sasaran"], str)
                        else (*path, "sasaran", k)
                    )
                    self._unknown(where, "sasaran", ref, sasaran)

    def _unknown(
        self, path: Path_, kind: str, ref: str, known: set[str], prefer_key: bool = False
    ) -> None:
        choices = ", ".join(sorted(known)) or "(belum ada)"
        self.add(
            path,
            f"{kind} '{ref}' tidak ada — pilih salah satu id {kind}: {choices}",
            "cek.referensi",
            prefer_key=prefer_key,
        )

    # -- indicator values ------------------------------------------------------------------

    def values(self, indicators: dict[str, dict[str, Any]]) -> None:
        renstra = self.data["renstra"]
        for kind in ("tujuan", "sasaran"):
            for i, item in enumerate(renstra.get(kind, [])):
                for j, ind in enumerate(item.get("indikator", [])):
                    base: Path_ = ("renstra", kind, i, "indikator", j)
                    self._value(ind, (*base, "kondisi_awal"), ind.get("kondisi_awal"))
                    for year, value in ind.get("target", {}).items():
                        self._value(ind, (*base, "target", year), value)
        tahun = str(self.data["laporan"]["tahun"])
        for key, entry in self.data.get("kinerja", {}).items():
            ind = indicators.get(key)
            if ind is None:
                continue
            for field in ("target", "realisasi"):
                self._value(ind, ("kinerja", key, field), entry.get(field))
            for year, value in entry.get("riwayat", {}).items():
                if isinstance(value, dict):
                    for field in ("target", "realisasi"):
                        self._value(ind, ("kinerja", key, "riwayat", year, field), value.get(field))
                else:
                    self._value(ind, ("kinerja", key, "riwayat", year), value)
            self._pk_target(ind, key, entry, tahun)
            self._ratio(key, entry)

    def _value(self, ind: dict[str, Any], path: Path_, value: Any) -> None:
        if value is None:
            return
        scale = predikat_scale(ind.get("skala_predikat"))
        if isinstance(value, str):
            if not scale:
                self.add(
                    path,
                    number_hint(self.doc.source_text.get(path, value))
                    + " (untuk target berupa huruf, isi skala_predikat pada indikatornya)",
                    "cek.bukan_angka",
                )
            elif skor_predikat(value, scale) is None:
                self.add(
                    path,
                    f"predikat '{value}' tidak ada dalam skala — pilih salah satu: "
                    f"{', '.join(scale)}",
                    "cek.predikat",
                )
            return
        if isinstance(value, dict):
            if Decimal(value["min"]) > Decimal(value["maks"]):
                self.add(
                    path,
                    f"rentang terbalik: min {value['min']} lebih besar dari maks {value['maks']}",
                    "cek.rentang",
                )
            return
        if scale:
            self.add(
                path,
                f"indikator ini berskala predikat ({', '.join(scale)}) — tulis "
                "predikatnya, misalnya B",
                "cek.predikat",
            )
            return
        self.fraction(path, ind.get("satuan"), value)

    def _pk_target(self, ind: dict[str, Any], key: str, entry: dict[str, Any], tahun: str) -> None:
        renstra_target = ind.get("target", {}).get(tahun)
        pk = entry.get("target")
        if renstra_target is None or pk is None or _same(pk, renstra_target):
            return
        self.warn(
            ("kinerja", key, "target"),
            f"target PK {_show(pk)} berbeda dengan target Renstra tahun {tahun} "
            f"({_show(renstra_target)}) — pastikan target yang diukur sama dengan yang "
            "diperjanjikan, atau catat alasannya di keterangan",
            "cek.target_pk",
        )

    def _ratio(self, key: str, entry: dict[str, Any]) -> None:
        has_p, has_q = entry.get("pembilang") is not None, entry.get("penyebut") is not None
        if has_p != has_q:
            missing = "penyebut" if has_p else "pembilang"
            self.add(
                ("kinerja", key),
                f"{missing} belum diisi — pembilang dan penyebut harus diisi bersama",
                "cek.pembilang",
                prefer_key=True,
            )
            return
        if not has_p:
            return
        if Decimal(entry["penyebut"]) == 0:
            self.warn(
                ("kinerja", key, "penyebut"),
                "penyebut 0 — realisasi tidak dapat dihitung",
                "cek.penyebut_nol",
            )
            return
        computed = realisasi_rasio(entry)
        written = entry.get("realisasi")
        if (
            isinstance(written, Decimal | int)
            and computed is not None
            and not agrees_as_written(computed, Decimal(written))
        ):
            self.warn(
                ("kinerja", key, "realisasi"),
                f"realisasi {written} tidak sama dengan pembilang/penyebut × 100 = "
                f"{computed:.2f} — yang dipakai adalah realisasi; perbaiki salah satunya",
                "cek.realisasi_ganda",
            )

    # -- tables and settings ---------------------------------------------------------------

    def tables(self) -> None:
        for i, table in enumerate(self.data.get("sdm", [])):
            width = len(table["kolom"])
            for j, row in enumerate(table["baris"]):
                if len(row["nilai"]) != width:
                    self.add(
                        ("sdm", i, "baris", j, "nilai"),
                        f"berisi {len(row['nilai'])} angka, "
                        f"padahal tabel punya {width} kolom ({', '.join(table['kolom'])})",
                        "cek.kolom",
                    )
            declared = table.get("jumlah")
            if declared is not None:
                sums = [
                    sum(r["nilai"][c] for r in table["baris"] if c < len(r["nilai"]))
                    for c in range(width)
                ]
                if list(declared) != sums:
                    self.warn(
                        ("sdm", i, "jumlah"),
                        f"jumlah yang ditulis {declared} tidak sama dengan jumlah baris {sums}",
                        "cek.jumlah",
                    )
        sarana = self.data.get("sarana") or {}
        for i, item in enumerate(sarana.get("barang", [])):
            parts = [item.get(k) for k in ("baik", "kurang_baik", "rusak_berat")]
            if item.get("jumlah") is not None and any(p is not None for p in parts):
                total = sum(p or 0 for p in parts)
                if total != item["jumlah"]:
                    self.warn(
                        ("sarana", "barang", i, "jumlah"),
                        f"jumlah {item['jumlah']} tidak "
                        f"sama dengan baik + kurang baik + rusak berat = {total}",
                        "cek.jumlah",
                    )
        for i, table in enumerate(self.data.get("kondisi_umum", [])):
            for j, row in enumerate(table["baris"]):
                if len(row["nilai"]) != len(table["tahun"]):
                    self.add(
                        ("kondisi_umum", i, "baris", j, "nilai"),
                        f"berisi {len(row['nilai'])} nilai, padahal ada "
                        f"{len(table['tahun'])} tahun",
                        "cek.kolom",
                    )

    def settings(self) -> None:
        scale = (self.data.get("pengaturan") or {}).get("skala_kategori")
        if isinstance(scale, list):
            path: Path_ = ("pengaturan", "skala_kategori")
            if scale[-1].get("batas") is not None:
                self.add(
                    (*path, len(scale) - 1, "batas"),
                    "pita terakhir harus tanpa batas "
                    "(batas: null) agar setiap capaian punya kategori",
                    "cek.skala",
                )
            bounds = [b.get("batas") for b in scale[:-1]]
            for k, bound in enumerate(bounds):
                if bound is None:
                    self.add(
                        (*path, k),
                        "hanya pita terakhir yang boleh tanpa batas",
                        "cek.skala",
                        prefer_key=True,
                    )
            numbers = [Decimal(b) for b in bounds if b is not None]
            if numbers != sorted(numbers, reverse=True) or len(set(numbers)) != len(numbers):
                self.add(
                    path,
                    "urutkan pita dari batas tertinggi ke terendah, tanpa batas yang sama",
                    "cek.skala",
                    prefer_key=True,
                )
        laporan = self.data["laporan"]
        for key in ("tanggal", "tanggal_pk"):
            value = laporan.get(key)
            if isinstance(value, str) and not _real_date(value):
                self.add(
                    ("laporan", key),
                    f"tanggal {value!r} tidak ada di kalender — periksa bulan dan harinya",
                    "cek.tanggal",
                )
        renstra = self.data["renstra"]
        if not renstra["periode_awal"] <= laporan["tahun"] <= renstra["periode_akhir"]:
            self.warn(
                ("laporan", "tahun"),
                f"tahun {laporan['tahun']} di luar periode Renstra "
                f"{renstra['periode_awal']}–{renstra['periode_akhir']}",
                "cek.periode",
            )
        if laporan["jenis"] == "tahunan" and "triwulan" in laporan:
            self.warn(
                ("laporan", "triwulan"),
                "triwulan diabaikan untuk laporan tahunan — "
                "hapus, atau ubah jenis menjadi triwulan",
                "cek.triwulan",
            )

    def files(self) -> None:
        """Images and an office's own template folder must exist where the data says."""
        for path in (("instansi", "logo"), ("organisasi", "bagan")):
            file = self.doc.file_at(path)
            if file is None:
                continue
            try:
                image_size(file)
            except ImageError as e:
                self.add(path, str(e), "cek.gambar")
        path = ("pengaturan", "templat")
        folder = self.doc.file_at(path)
        name = str((self.data.get("pengaturan") or {}).get("templat"))
        if folder is None or shipped_templates(name):
            return
        if not folder.exists():
            self.add(
                path,
                f"templat '{name}' bukan templat bawaan (default) dan {folder} tidak ditemukan — "
                "jalurnya dibaca relatif terhadap berkas ini; buat dengan: lkjip templat salin "
                "FOLDER",
                "cek.templat",
            )


def _real_date(text: str) -> bool:
    try:
        parse_tanggal(text)
    except ValueError:
        return False
    return True


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().upper() == b.strip().upper()
    if isinstance(a, dict) or isinstance(b, dict):
        return bool(a == b)
    if isinstance(a, str) or isinstance(b, str):
        return False
    return Decimal(a) == Decimal(b)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return f"{value['min']}–{value['maks']}"
    return str(value)


def check(doc: Document) -> list[Problem]:
    """Every cross-check problem of schema-valid ``doc``, sorted by position."""
    checker = _Checker(doc)
    indicators = checker.ids()
    checker.references(indicators)
    checker.values(indicators)
    budget_checks.run(checker, indicators)
    cycle_checks.run(checker, indicators)
    checker.tables()
    checker.settings()
    checker.files()
    return sorted(set(checker.problems), key=lambda p: (p.file, p.line, p.col, p.path))
