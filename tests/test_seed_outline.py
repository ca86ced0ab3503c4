"""Each seed's chapter and section headings, word for word, and its list of tables.

``tests/fixtures/seed-outline.json`` holds, per seed, its headings as it prints them (level and
text), the captions of its tables (a table not reproduced yet says why: ``belum``) and the
tables our document prints that the seed does not (``tambahan``, with the reason). The
examples' ``dokumen`` settings word and order the document so that it reproduces them.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from examples import ROOT, rendered
from tests.seeds import norm

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seed-outline.json"
SEEDS: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))
HEADINGS = {"Heading1": 1, "Heading2": 2, "Heading3": 3}


def outline(path: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """The built document's headings (level, text as printed) and table captions (unnumbered)."""
    document = docx.Document(io.BytesIO(rendered(path)))
    headings, captions = [], []
    for p in document.paragraphs:
        style = p.style.style_id
        if style in HEADINGS:
            headings.append((HEADINGS[style], p.text.replace("\t", " ")))
        elif style == "JudulTabel":
            captions.append(re.sub(r"^Tabel [\d.]+ ", "", p.text))
    return headings, captions


@pytest.mark.parametrize("seed", SEEDS, ids=[s["seed"] for s in SEEDS])
def test_the_example_prints_its_seeds_headings_word_for_word(seed: dict[str, Any]) -> None:
    headings, _ = outline(ROOT / "examples" / seed["contoh"])
    deepest = max(level for level, _ in seed["judul"])
    assert [h for h in headings if h[0] <= deepest] == [tuple(h) for h in seed["judul"]]


@pytest.mark.parametrize("seed", SEEDS, ids=[s["seed"] for s in SEEDS])
def test_the_example_prints_its_seeds_tables(seed: dict[str, Any]) -> None:
    _, captions = outline(ROOT / "examples" / seed["contoh"])
    extra = {norm(t["judul"]) for t in seed["tambahan"]}
    assert extra <= {norm(c) for c in captions}, "every table we add is named in the fixture"
    expected = [norm(t["judul"]) for t in seed["tabel"] if "belum" not in t]
    assert [norm(c) for c in captions if norm(c) not in extra] == expected


def test_every_gap_says_why() -> None:
    for seed in SEEDS:
        for table in seed["tabel"]:
            assert set(table) <= {"judul", "belum"} and table.get("belum", "x").strip()
        assert all(t["alasan"].strip() for t in seed["tambahan"])
