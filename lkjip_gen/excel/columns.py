"""Which column holds what: header labels as Indonesian workbooks write them, scored per field."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_WORDS = re.compile(r"[a-z0-9]+")
_TRIWULAN = re.compile(r"\b(?:tw|triwulan|tribulan|trw|q)\s*(iv|iii|ii|i|[1-4])\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

Scorer = Callable[[str, set[str]], int]


def normalize(label: str) -> str:
    """Lower-case words only: ``"Realisasi s.d. TW I (%)"`` → ``"realisasi sd tw i persen"``."""
    text = label.lower().replace("%", " persen ").replace("s.d.", " sd ").replace("s/d", " sd ")
    return " ".join(_WORDS.findall(text))


def triwulan(label: str) -> int | None:
    """The quarter a label names (``TW II``, ``Triwulan 3``), or None."""
    match = _TRIWULAN.search(label)
    if not match:
        return None
    mark = match.group(1)
    return _ROMAN.get(mark) or int(mark)


def _kode(label: str, words: set[str]) -> int:
    if words & {"indikator", "sasaran"}:
        return 0
    if label.startswith("kode") or label in {"rekening", "no rekening", "nomor rekening"}:
        return 3
    return 0


def _uraian(label: str, words: set[str]) -> int:
    if words & {"indikator", "kode", "sumber", "satuan", "target"}:
        return 0
    if "uraian" in words:
        return 3
    return 2 if "nama" in words or label.startswith("program") else 0


def _pagu(label: str, words: set[str]) -> int:
    if not words & {"pagu", "anggaran", "dpa", "apbd", "alokasi"}:
        return 0
    if words & {"realisasi", "sisa", "persen", "sumber", "fisik", "selisih", "indikator"}:
        return 0
    if words & {"perubahan", "setelah"} and "sebelum" not in words:
        return 4
    return 1 if words & {"sebelum", "murni", "awal", "induk"} else 3


def _realisasi_anggaran(label: str, words: set[str]) -> int:
    if "realisasi" not in words or words & {"persen", "fisik", "sisa", "target", "kinerja"}:
        return 0
    if words & {"sd", "sampai", "jumlah", "total", "kumulatif", "rp", "keuangan", "anggaran"}:
        return 4
    return 3


def _exact(*labels: str) -> Scorer:
    return lambda label, words: 3 if label in labels else 0


def _starts(prefix: str) -> Scorer:
    return lambda label, words: 3 if label.startswith(prefix) else 0


def _plain(word: str, *, excluded: frozenset[str] = frozenset()) -> Scorer:
    """A label with ``word`` that names no quarter and none of the ``excluded`` words."""

    def score(label: str, words: set[str]) -> int:
        if word not in words or triwulan(label) or words & excluded:
            return 0
        return 3

    return score


def _quarter(k: int, *, target: bool) -> Scorer:
    def score(label: str, words: set[str]) -> int:
        return 3 if triwulan(label) == k and ("target" in words) == target else 0

    return score


@dataclass(frozen=True)
class Spec:
    """The fields of one kind of sheet, the labels that name them, and what a header needs."""

    fields: dict[str, Scorer]
    names: tuple[str, ...]
    values: tuple[str, ...]

    def assign(self, labels: dict[int, str]) -> dict[str, int]:
        """Field → column for ``labels`` (column → raw label); each column serves one field."""
        scored = []
        for column, raw in labels.items():
            label = normalize(raw)
            words = set(label.split())
            for name, scorer in self.fields.items():
                score = scorer(label, words)
                if score:
                    scored.append((-score, column, name))
        result: dict[str, int] = {}
        for _, column, name in sorted(scored):
            if name not in result and column not in result.values():
                result[name] = column
        return result

    def is_header(self, found: dict[str, int]) -> bool:
        """A row names a header when it names a row (kode/uraian) and at least one value."""
        return any(n in found for n in self.names) and any(v in found for v in self.values)


ANGGARAN = Spec(
    fields={
        "kode": _kode,
        "no": _exact("no", "nomor", "no urut"),
        "uraian": _uraian,
        "pagu": _pagu,
        "realisasi": _realisasi_anggaran,
        "sumber_dana": _starts("sumber"),
        "tingkat": _exact("tingkat", "level", "jenis baris"),
    },
    names=("kode", "uraian"),
    values=("pagu", "realisasi"),
)

KINERJA = Spec(
    fields={
        "id": _exact("id", "id indikator", "kode indikator", "kode"),
        "indikator": lambda label, words: (
            (3 if "indikator" in words and not words & {"kode", "id"} else 0)
            or (2 if words & {"uraian", "nama"} else 0)
        ),
        "satuan": _starts("satuan"),
        "target": _plain("target"),
        "realisasi": _plain("realisasi", excluded=frozenset({"anggaran", "keuangan", "rp"})),
        "pembilang": _starts("pembilang"),
        "penyebut": _starts("penyebut"),
        **{f"tw{k}": _quarter(k, target=False) for k in range(1, 5)},
        **{f"target_tw{k}": _quarter(k, target=True) for k in range(1, 5)},
    },
    names=("id", "indikator"),
    values=(
        "target",
        "realisasi",
        "pembilang",
        "penyebut",
        *(f"tw{k}" for k in range(1, 5)),
        *(f"target_tw{k}" for k in range(1, 5)),
    ),
)
