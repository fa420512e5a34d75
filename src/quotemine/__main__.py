"""Run the command line: ``python -m quotemine``."""

from quotemine.cli import main

main()
