"""Row shaping shared by the table builders: merges, column numbers, printed indicator fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

Row = dict[str, Any]


def table(rows: list[Row], **extra: Any) -> dict[str, Any] | None:
    """A table for the template, or None when it has no rows (the template then leaves it out)."""
    return {"baris": rows, **extra} if rows else None


def numbers(count: int) -> list[str]:
    """The column-number row of a table with ``count`` columns: "1" … "count"."""
    return [str(n) for n in range(1, count + 1)]


def merge_states(keys: list[Any]) -> list[str | None]:
    """Vertical merge states of a column whose cells merge while ``keys`` stay equal."""
    states: list[str | None] = []
    for i, key in enumerate(keys):
        same_as_above = i > 0 and key == keys[i - 1]
        same_as_below = i + 1 < len(keys) and key == keys[i + 1]
        states.append("continue" if same_as_above else "restart" if same_as_below else None)
    return states


def apply_merge(
    rows: list[Row], key: Callable[[Row], Any], state: str, fields: Iterable[str]
) -> None:
    """Set ``row[state]`` and blank ``fields`` in continued cells (Word shows the first only)."""
    fields = tuple(fields)
    for row, merge in zip(rows, merge_states([key(r) for r in rows]), strict=True):
        row[state] = merge
        if merge == "continue":
            for name in fields:
                row[name] = ""


def indicator(i: Mapping[str, Any]) -> Row:
    """The printed fields of an indicator, as the model rounded them."""
    return {
        "nama": i["nama"],
        "satuan": i["satuan"],
        "target": i["target"],
        "realisasi": i["realisasi"],
        "capaian": i["capaian"],
        "kategori": i["kategori"],
        "warna": fill(i.get("warna")),
    }


def fill(colour: str | None) -> str:
    """A cell shading value for docxtpl's cellbg: "00B050" from "#00B050", else no fill."""
    return colour.lstrip("#") if colour else "auto"


def funds(names: Iterable[str]) -> str:
    """A row's sumber dana in one cell: "APBD & DAK"."""
    return " & ".join(names)
