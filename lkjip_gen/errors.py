"""Exceptions for problems a user can fix; ``str(e)`` is the finished message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "peringatan"]
"""An error stops the build; a warning (peringatan) is printed, and stops it under --strict."""


class LkjipError(Exception):
    """A problem the user can fix (bad input, missing tool); the CLI exits 1 with ``str(self)``."""


class ToolMissingError(LkjipError):
    """An external program we need (LibreOffice) is not installed."""


class OutputError(LkjipError):
    """An output file could not be written (folder read-only, disk full, file open in Word)."""


class TemplateError(LkjipError):
    """A template is broken or tried something the sandbox forbids."""


@dataclass(frozen=True)
class Problem:
    """One finding about an input file, located at ``file:line:col``.

    ``path`` is the data path in dotted form (``sasaran[1].indikator[0].target``); ``code`` is a
    stable identifier documented in the user guide so that every message can be looked up. A
    problem in a Word template has no line (``line`` 0): its ``path`` says where in the part it
    is (heading, table, row, paragraph). ``catatan`` is the office's answer to a warning (written
    beside the data it concerns): an answered warning is still listed, but no longer counts
    against ``--strict``.
    """

    file: str
    line: int
    col: int
    path: str
    message: str
    code: str
    severity: Severity = "error"
    catatan: str | None = None

    @property
    def order(self) -> tuple[str, int, int, str, str, str]:
        """Problems sort by place, and those at one place by code and message: the same file
        lists them in the same order every run (sets of problems iterate in hash order)."""
        return (self.file, self.line, self.col, self.path, self.code, self.message)

    @property
    def dijawab(self) -> bool:
        """A warning the office has answered with a reason in its data."""
        return self.catatan is not None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        if self.severity == "error":
            label = ""
        else:
            label = "peringatan dijawab: " if self.dijawab else "peringatan: "
        path = f"{self.path}: " if self.path else ""
        answer = f" — catatan: {' '.join(str(self.catatan).split())}" if self.dijawab else ""
        return f"{where}: {label}{path}{self.message} [{self.code}]{answer}"


@dataclass
class ValidationFailed(LkjipError):
    """Raised when the input has errors (or warnings under ``--strict``); holds every problem."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(summary(self.problems) + ".")
        return "\n".join(lines)


def warning_lines(problems: list[Problem]) -> str:
    """Unanswered warnings, one per line, then the count; empty when there is no warning."""
    shown = [str(p) for p in problems if not p.dijawab]
    return "\n".join([*shown, f"{summary(problems)}."]) if problems else ""


def summary(problems: list[Problem]) -> str:
    """``2 kesalahan, 1 peringatan`` (and ``, 3 dijawab`` when warnings were answered)."""
    errors = sum(1 for p in problems if p.severity == "error")
    answered = sum(1 for p in problems if p.dijawab)
    text = f"{errors} kesalahan, {len(problems) - errors - answered} peringatan"
    return f"{text}, {answered} dijawab" if answered else text


class TemplateFailed(ValidationFailed, TemplateError):
    """A template pack has problems: each names the part and where in it, like data problems."""
