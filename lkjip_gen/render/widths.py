"""Column widths that keep every word whole: no "Perusaha/an" broken inside a narrow column.

A word longer than its column is broken between letters by Word and LibreOffice alike. The
width a word needs is estimated from Arial's character widths (the default font; other fonts
of the same size differ by a few percent, which the margin absorbs), and a column narrower than
its longest word takes width from columns that have some to spare.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from docx.oxml.ns import qn

# Character widths of Arial in thousandths of an em (its AFM metrics), for the characters
# tables hold; any other character counts as the widest lower-case letter.
_NARROW = dict.fromkeys("ijlI.,:;'!|", 278) | dict.fromkeys("ftr()-/", 333)
_WIDE = dict.fromkeys("mwMW%", 889) | dict.fromkeys("ABCDEHKNPRSUVXYZ&", 722)
_EM = {**_NARROW, **_WIDE, **dict.fromkeys("GOQ", 778), **dict.fromkeys("FTJL", 611)}
_DEFAULT_EM = 556
# Table text is 9 pt (8 pt bold in headers, about as wide); a twip is 1/20 pt.
_SIZE_PT = 9
# Cell margins (57 twips each side in "Tabel LKjIP") and a little slack for bold and rounding.
_PADDING = 114 + 60
_P, _T = qn("w:p"), qn("w:t")


@lru_cache(maxsize=8192)
def word_width(word: str) -> int:
    """The width in twips that ``word`` needs on one line of table text (kept per process:
    numbers, units and common words repeat in every table)."""
    ems = sum(_EM.get(ch, _DEFAULT_EM) for ch in word)
    return ems * _SIZE_PT * 20 // 1000 + _PADDING


def needed(rows: Iterable[tuple[Sequence[Any], Sequence[int]]], columns: int) -> list[int]:
    """Per grid column, the width of the longest word of its single-column cells.

    ``rows`` gives each row's cells with their spans (``gridSpan``, 1 when absent).
    """
    need = [0] * columns
    for cells, spans in rows:
        column = 0
        for cell, n in zip(cells, spans, strict=True):
            if n == 1 and column < columns:
                widest = max(map(word_width, _words(cell)), default=0)
                if widest > need[column]:
                    need[column] = widest
            column += n
    return need


def _words(cell: Any) -> list[str]:
    """The words of a cell's text; a hyphen ends a word, where Word may break the line."""
    words: list[str] = []
    for p in cell.iter(_P):
        text = "".join(p.itertext(_T, with_tail=False))
        words += text.replace("-", "- ").split()
    return words


def respect(widths: list[int], need: list[int]) -> list[int]:
    """``widths`` with every column at least as wide as its longest word, the total kept.

    The width given to narrow columns is taken from those with the most to spare. When the
    words cannot all fit, the columns share the width in proportion to what they need.
    """
    total = sum(widths)
    if sum(need) >= total:
        scaled = [n * total // sum(need) for n in need]
        scaled[scaled.index(max(scaled))] += total - sum(scaled)
        return scaled
    wanted = [max(w, n) for w, n in zip(widths, need, strict=True)]
    if sum(wanted) == total:
        return wanted
    spare = [w - n for w, n in zip(wanted, need, strict=True)]
    return [n + s for n, s in zip(need, shrink(spare, total - sum(need)), strict=True)]


def shrink(widths: list[int], target: int) -> list[int]:
    """Narrow the widest columns first, down to a common width, until the table fits.

    Text columns wrap gracefully; the narrow number and unit columns keep their width as long as
    any wide column can still give some.
    """
    excess = sum(widths) - target
    ordered = sorted(widths, reverse=True)
    cap, taken = ordered[0], 0
    for i, width in enumerate(ordered):
        following = ordered[i + 1] if i + 1 < len(ordered) else 0
        # Lowering the i+1 widest columns from ``width`` to ``following`` frees this much:
        step = (width - following) * (i + 1)
        if taken + step >= excess:
            cap = width - (excess - taken + i) // (i + 1)
            break
        taken += step
    else:
        cap = 0
    narrowed = [min(w, cap) for w in widths]
    # Integer division can leave a few twips over; take them from the widest column.
    narrowed[narrowed.index(max(narrowed))] -= sum(narrowed) - target
    return narrowed
