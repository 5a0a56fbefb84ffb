"""Free-text references — a reference list copied from a paper, a thesis or a journal's "cite
this article" box — parsed into records.

`parse` runs every style's grammar (one module each, or a family's shared readers and one
module per style) on the shared pieces of `common`, and keeps the reading that explains the
most. The package itself loads nothing, so that `common` and `related` (the record page's
related items) come without the grammars.
"""
