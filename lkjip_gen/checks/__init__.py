"""Cross-checks JSON Schema cannot express; ``check(doc)`` runs them all.

Each check module has one subject and a ``run(checker)``; it runs on the parts of the data that
passed the schema (data/partial.py), once the top-level sections it reads are present.
"""

from __future__ import annotations

from collections.abc import Callable

from lkjip_gen.checks import (
    answers,
    budget,
    dokumen,
    files,
    gaps,
    laporan,
    names,
    pejabat,
    plan,
    plausible,
    rencana,
    riwayat,
    rows,
    sasaran_budget,
    tables,
    values,
    years,
)
from lkjip_gen.checks.checker import Checker, Earlier
from lkjip_gen.data.load import Document
from lkjip_gen.data.partial import Partial
from lkjip_gen.errors import Problem

# (sections a check reads, the check), in order: plan.ids collects the indicators others use.
CHECKS: list[tuple[tuple[str, ...], Callable[[Checker], None]]] = [
    (("renstra",), plan.ids),
    (("renstra",), plan.references),
    (("renstra", "laporan"), values.run),
    (("renstra", "laporan"), gaps.run),
    ((), budget.run),
    ((), rows.run),
    ((), plausible.run),
    ((), names.run),
    ((), tables.run),
    (("laporan",), laporan.run),
    (("laporan",), years.run),
    (("renstra", "laporan"), rencana.run),
    ((), riwayat.run),
    ((), pejabat.run),
    ((), files.run),
    (("instansi",), dokumen.run),
    (("renstra",), sasaran_budget.run),
]


def check(
    doc: Document,
    partial: Partial | None = None,
    previous: Document | None = None,
    earlier: Earlier | None = None,
) -> list[Problem]:
    """Every cross-check problem of ``doc`` (of its schema-valid parts), sorted by position.

    ``previous`` is last year's file (``tahun_lalu``) as loaded, when there is one, and
    ``earlier`` the values of every earlier year from the chain of such files. Answered
    warnings are included, carrying the office's reason (``Problem.catatan``).
    """
    checker = Checker(doc, partial, previous, earlier)
    for sections, run in CHECKS:
        if all(isinstance(checker.data.get(s), dict) for s in sections):
            run(checker)
    problems = answers.apply(checker)
    return sorted(set(problems), key=lambda p: p.order)
