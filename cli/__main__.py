"""``python -m recconv.cli``."""

from . import main

main()
