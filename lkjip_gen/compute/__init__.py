"""Validated data → the report model; ``compute(doc, previous)`` builds it."""

from lkjip_gen.compute.model import compute

__all__ = ["compute"]
