"""``python -m lkjip_gen`` runs the ``lkjip`` command."""

from .cli import main

main()
