"""``python -m geoconflict`` runs the command line."""

from geoconflict.cli import main

main()
