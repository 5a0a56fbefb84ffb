"""recconv's CSL 1.0.2 processor: formatted bibliographies and citations, as citeproc-js
(the reference processor) prints them."""

from .processor import Entry, Processor
from .style import StyleError, load

__all__ = ["Entry", "Processor", "StyleError", "load"]
