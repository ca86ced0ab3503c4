"""The project's copy of the seed audit is the audit itself, whenever the shared folder is there."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from seeds import FIXTURE, KEYS

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LKJIP_SEEDS", ROOT.parent / "shared" / "seeds")) / "expected.json"


@pytest.mark.skipif(not SHARED.is_file(), reason=f"{SHARED} absent: the copy cannot be compared")
def test_seed_fixture_is_the_audit() -> None:
    audit = json.loads(SHARED.read_text(encoding="utf-8"))
    copy = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert copy == [{key: entry[key] for key in KEYS} for entry in audit]


def test_seed_fixture_holds_every_seed() -> None:
    copy = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert [(e["seed"], len(e["indicators"]), len(e["budget"])) for e in copy] == [
        ("000", 34, 78),
        ("001", 56, 54),
        ("002", 15, 112),
    ]
