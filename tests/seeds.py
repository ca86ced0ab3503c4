"""The audited values of the seed reports, for the fidelity tests.

``tests/fixtures/seed-audit.json`` is the project's own copy of the parts of the independent
audit (``shared/seeds/expected.json``) that the tests read: every indicator, budget row and total
of the three seeds. ``test_seed_fixture_is_the_audit`` proves the copy exact whenever the shared
folder is present.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seed-audit.json"
KEYS = ("seed", "file", "report", "indicators", "budget", "totals")


@cache
def _entries() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return entries


def seed(code: str) -> dict[str, Any]:
    """The audit entry of one seed ("000", "001" or "002")."""
    return next(e for e in _entries() if e["seed"] == code)


def norm(name: str) -> str:
    """Names compared the way a reader compares them: case and spacing do not matter."""
    return re.sub(r"\s+", " ", name).strip().casefold()
