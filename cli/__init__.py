"""recconv's command line: ``recconv [INPUT]... --to FORMAT``."""

from .command import main, recconv

__all__ = ["main", "recconv"]
