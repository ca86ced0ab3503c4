"""Row shaping shared by the table builders: merges, column numbers, printed indicator fields."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any, cast

from lkjip_gen.compute.types import Indikator
from lkjip_gen.render.planning_types import VMerge
from lkjip_gen.render.result_types import SelIndikator


def numbers(count: int) -> list[str]:
    """The column-number row of a table with ``count`` columns: "1" … "count"."""
    return [str(n) for n in range(1, count + 1)]


def merge_states(keys: Sequence[Hashable]) -> list[VMerge]:
    """Vertical merge states of a column whose cells merge while ``keys`` stay equal."""
    states: list[VMerge] = []
    for i, key in enumerate(keys):
        same_as_above = i > 0 and key == keys[i - 1]
        same_as_below = i + 1 < len(keys) and key == keys[i + 1]
        states.append("continue" if same_as_above else "restart" if same_as_below else None)
    return states


def apply_merge(
    rows: Sequence[Any], keys: Sequence[Hashable], state: str, fields: Iterable[str]
) -> None:
    """Set ``row[state]`` and blank ``fields`` in continued cells (Word shows the first only).

    ``keys[i]`` is the merge key of ``rows[i]``: cells merge down while it stays the same.
    """
    fields = tuple(fields)
    for row, merge in zip(rows, merge_states(keys), strict=True):
        # The rows are TypedDicts with these keys; at run time they are plain dicts.
        cells = cast(dict[str, object], row)
        cells[state] = merge
        if merge == "continue":
            for name in fields:
                cells[name] = ""


# What the kategori cell of an indicator shown but not scored says.
TIDAK_DINILAI = "Tidak dinilai"


def chain(rows: Sequence[Any], keys: Sequence[Hashable]) -> None:
    """Set ``row["terus"]``: the row keeps with the next one on a page while ``keys`` stay
    equal, so that a merged block (a sasaran with its indicators and programs) never parts."""
    for i, row in enumerate(rows):
        cast(dict[str, object], row)["terus"] = i + 1 < len(keys) and keys[i] == keys[i + 1]


def indicator(i: Indikator) -> SelIndikator:
    """The printed fields of an indicator, as the model rounded them."""
    unscored = i["status"] == "tidak_dinilai"
    return {
        "nama": i["nama"],
        "satuan": i["satuan"],
        "target": i["target"],
        "realisasi": i["realisasi"],
        "capaian": i["capaian"],
        "kategori": TIDAK_DINILAI if unscored else i["kategori"],
        "warna": fill(i["warna"]),
    }


def fill(colour: str | None) -> str:
    """A cell shading value for docxtpl's cellbg: "00B050" from "#00B050", else no fill."""
    return colour.lstrip("#") if colour else "auto"


def funds(names: Iterable[str]) -> str:
    """A row's sumber dana in one cell: "APBD & DAK"."""
    return " & ".join(names)
