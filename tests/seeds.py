"""The audited values of the seed reports (shared/seeds/expected.json) for the fidelity tests."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _expected_file() -> Path | None:
    candidates = []
    if os.environ.get("LKJIP_SEEDS"):
        candidates.append(Path(os.environ["LKJIP_SEEDS"]) / "expected.json")
    candidates.append(ROOT.parent / "shared" / "seeds" / "expected.json")
    return next((p for p in candidates if p.is_file()), None)


EXPECTED_FILE = _expected_file()

needs_expected = pytest.mark.skipif(
    EXPECTED_FILE is None,
    reason="shared/seeds/expected.json not found (set LKJIP_SEEDS to its folder)",
)


def seed(code: str) -> dict[str, Any]:
    """The audit entry of one seed; empty lists when the shared folder is absent."""
    if EXPECTED_FILE is None:
        return {"indicators": [], "budget": [], "totals": []}
    entries = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    return next(e for e in entries if e["seed"] == code)


def norm(name: str) -> str:
    """Names compared the way a reader compares them: case and spacing do not matter."""
    return re.sub(r"\s+", " ", name).strip().casefold()
