"""The ``geoconflict`` command line.

Subcommands: ``geocode`` (names → places), ``extract`` (reports → events),
``map`` (reports and tables → one HTML map). Run ``geoconflict --help``.
"""

from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geoconflict")
def main() -> None:
    """Accurate, sourced, layered maps from conflict reporting."""
