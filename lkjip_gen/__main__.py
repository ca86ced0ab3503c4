"""``python -m lkjip_gen`` runs the ``lkjip`` command."""

from lkjip_gen.cli import run

run()
