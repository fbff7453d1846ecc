"""``python -m geoconflict`` runs the command line."""

from .cli import main

main()
