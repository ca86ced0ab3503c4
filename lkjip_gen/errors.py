"""Exceptions for problems a user can fix; ``str(e)`` is the finished message."""

from __future__ import annotations

from dataclasses import dataclass, field


class LkjipError(Exception):
    """A problem the user can fix (bad input, missing tool); the CLI exits 1 with ``str(self)``."""


class ToolMissingError(LkjipError):
    """An external program we need (LibreOffice) is not installed."""


class TemplateError(LkjipError):
    """A template is broken or tried something the sandbox forbids."""


@dataclass(frozen=True)
class Problem:
    """One finding about an input file, located at ``file:line:col``.

    ``path`` is the data path in dotted form (``sasaran[1].indikator[0].target``); ``code`` is a
    stable identifier documented in the user guide so that every message can be looked up. A
    problem in a Word template has no line (``line`` 0): its ``path`` says where in the part it
    is (heading, table, row, paragraph).
    """

    file: str
    line: int
    col: int
    path: str
    message: str
    code: str
    severity: str = "error"  # "error" or "peringatan"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        label = "" if self.severity == "error" else "peringatan: "
        path = f"{self.path}: " if self.path else ""
        return f"{where}: {label}{path}{self.message} [{self.code}]"


@dataclass
class ValidationFailed(LkjipError):
    """Raised when the input has errors (or warnings under ``--strict``); holds every problem."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        errors = sum(1 for p in self.problems if p.severity == "error")
        warnings = len(self.problems) - errors
        lines = [str(p) for p in self.problems]
        lines.append(f"{errors} kesalahan, {warnings} peringatan.")
        return "\n".join(lines)


class TemplateFailed(ValidationFailed, TemplateError):
    """A template pack has problems: each names the part and where in it, like data problems."""
