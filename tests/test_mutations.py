"""Mutation test: slips injected into copies of every example are flagged, at the line to fix.

Each kind in tests/mutations.py is applied to every example where it makes sense; the copy is
validated (load and check only, nothing is rendered). A mutation is *flagged* when the copy gets
a problem the office has not answered, and flagged *at the line* when one of them points at the
line the mutation changed (or the line where the missing key belongs). Every kind must be
flagged wherever it applies; overall at least 95 % flagged and 90 % at the line. The rates and
each kind's codes are printed by ``pytest -p no:xdist -s tests/test_mutations.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from mutate import Example, Mutation
from mutations import KINDS

from lkjip_gen.build import check_file
from lkjip_gen.data import source
from lkjip_gen.errors import Problem, ValidationFailed

# One worker computes the outcomes once for every test of this module (pytest-xdist).
pytestmark = pytest.mark.xdist_group("mutasi")
ROOT = Path(__file__).resolve().parent.parent
YEAR_FILES = sorted((ROOT / "examples").glob("*/lkjip-*.yaml"))
MIN_KINDS = 40
MIN_FLAGGED = 0.95
MIN_AT_LINE = 0.90


@dataclass
class Outcome:
    example: str
    mutation: Mutation
    problems: list[Problem]

    @property
    def flagged(self) -> bool:
        return bool(self.problems)

    @property
    def at_line(self) -> bool:
        file, line = self.mutation.expected
        return any(Path(p.file).name == file and p.line == line for p in self.problems)


def _problems(path: Path) -> list[Problem]:
    try:
        problems = check_file(path).problems
    except ValidationFailed as exc:
        problems = exc.problems
    return [p for p in problems if not p.dijawab]


def _run(example: Example, mutation: Mutation, folder: Path) -> Outcome:
    folder.mkdir(parents=True)
    for name, lines in example.lines.items():
        text = mutation.files.get(name, "".join(lines))
        (folder / name).write_text(text, encoding="utf-8")
    for name, text in mutation.extra.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Outcome(example.name, mutation, _problems(folder / example.year))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Outcome]]:
    root = tmp_path_factory.mktemp("mutasi")
    results = []
    # Speed only: YAML composition is nine tenths of a check, and each mutation changes one of
    # the two files; the unchanged one is composed once (the result depends on the text alone).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "compose", _composed)
        for year_file in YEAR_FILES:
            example = Example.load(year_file)
            for name, make in KINDS.items():
                for n, mutation in enumerate(make(example)):
                    results.append(_run(example, mutation, root / example.name / f"{name}-{n}"))
    yield results


_COMPOSE = source.compose


@functools.lru_cache(maxsize=16)
def _composed_text(text: str) -> Any:
    return _COMPOSE(text, "")


def _composed(text: str, file: str) -> Any:
    node, problems = _composed_text(text)
    return (node, problems) if not problems else _COMPOSE(text, file)


def _short(problem: Problem) -> str:
    return f"{problem.line} {problem.code}"


def test_examples_are_clean_before_mutation() -> None:
    for year_file in YEAR_FILES:
        assert _problems(year_file) == [], year_file


def test_every_kind_applies_somewhere(outcomes: list[Outcome]) -> None:
    applied = {o.mutation.kind for o in outcomes}
    assert sorted(set(KINDS) - applied) == []
    assert len(applied) >= MIN_KINDS


def test_every_kind_is_flagged_wherever_it_applies(outcomes: list[Outcome]) -> None:
    missed = [f"{o.mutation.kind} in {o.example}" for o in outcomes if not o.flagged]
    assert missed == []


def test_catch_rates(outcomes: list[Outcome]) -> None:
    flagged = sum(o.flagged for o in outcomes) / len(outcomes)
    at_line = sum(o.at_line for o in outcomes) / len(outcomes)
    not_at_line = sorted(
        f"{o.mutation.kind} in {o.example} (expected {o.mutation.expected[0]}:"
        f"{o.mutation.expected[1]}; got {', '.join(sorted({_short(p) for p in o.problems}))})"
        for o in outcomes
        if o.flagged and not o.at_line
    )
    print(
        f"\nmutasi: {len(outcomes)} berkas, {len({o.mutation.kind for o in outcomes})} jenis; "
        f"ditandai {flagged:.1%}, di baris yang tepat {at_line:.1%}"
    )
    for line in not_at_line:
        print(f"  tidak di baris yang tepat: {line}")
    codes: dict[str, set[str]] = {}
    for o in outcomes:
        file, line = o.mutation.expected
        at = {p.code for p in o.problems if Path(p.file).name == file and p.line == line}
        codes.setdefault(o.mutation.kind, set()).update(at or {p.code for p in o.problems})
    for name in sorted(codes):
        print(f"  {name}: {', '.join(sorted(codes[name]))}")
    rates = f"ditandai {flagged:.1%}, di baris yang tepat {at_line:.1%}"
    assert flagged >= MIN_FLAGGED, rates
    assert at_line >= MIN_AT_LINE, rates
