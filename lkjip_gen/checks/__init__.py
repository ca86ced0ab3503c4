"""Cross-checks JSON Schema cannot express; ``check(doc)`` runs them all.

Each check module has one subject and a ``run(checker)``; it runs on the parts of the data that
passed the schema (data/partial.py), once the top-level sections it reads are present.
"""

from __future__ import annotations

from collections.abc import Callable

from lkjip_gen.checks import (
    answers,
    budget,
    files,
    gaps,
    laporan,
    names,
    pejabat,
    plan,
    plausible,
    rows,
    tables,
    values,
    years,
)
from lkjip_gen.checks.checker import Checker
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
    ((), pejabat.run),
    ((), files.run),
]


def check(
    doc: Document, partial: Partial | None = None, previous: Document | None = None
) -> list[Problem]:
    """Every cross-check problem of ``doc`` (of its schema-valid parts), sorted by position.

    ``previous`` is last year's file (``tahun_lalu``) as loaded, when there is one. Answered
    warnings are included, carrying the office's reason (``Problem.catatan``).
    """
    checker = Checker(doc, partial, previous)
    for sections, run in CHECKS:
        if all(isinstance(checker.data.get(s), dict) for s in sections):
            run(checker)
    problems = answers.apply(checker)
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.col, p.path))
