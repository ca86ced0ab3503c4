"""Cross-checks JSON Schema cannot express; ``check(doc)`` runs them all."""

from lkjip_gen.checks.plan import check

__all__ = ["check"]
