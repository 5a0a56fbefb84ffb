"""Where converted text goes: stdout as it comes, or a file replaced only when the run succeeds."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from typing import TextIO


class Output:
    """A text sink that either streams (stdout) or holds everything until `commit`.

    A file output is written to a temporary file beside it and moved into place by `commit`,
    so a failed or interrupted run never leaves it half-written; `discard` leaves any existing
    file untouched. With `hold`, stdout output is buffered too, so nothing is printed unless
    the run is committed (``--strict``).
    """

    def __init__(self, path: str | None, hold: bool = False) -> None:
        self.path = path if path not in (None, "-") else None
        self._temp_name = ""
        if self.path:
            directory = os.path.dirname(os.path.abspath(self.path))
            handle, self._temp_name = tempfile.mkstemp(
                prefix=".recconv-", suffix=".tmp", dir=directory)
            self._stream: TextIO = open(handle, "w", encoding="utf-8", newline="\n")
        elif hold:
            self._stream = io.StringIO()
        else:
            self._stream = sys.stdout

    def write(self, text: str) -> None:
        self._stream.write(text)

    def commit(self) -> None:
        """Make what was written visible: move the file into place, or print what was held."""
        if self.path:
            self._stream.close()
            os.chmod(self._temp_name, _mode_for(self.path))
            os.replace(self._temp_name, self.path)
        elif isinstance(self._stream, io.StringIO):
            sys.stdout.write(self._stream.getvalue())
            sys.stdout.flush()
        else:
            sys.stdout.flush()

    def discard(self) -> None:
        """Drop what was written: a file output keeps its earlier content, if any."""
        if self.path:
            self._stream.close()
            if os.path.exists(self._temp_name):
                os.unlink(self._temp_name)
        elif isinstance(self._stream, io.StringIO):
            self._stream = io.StringIO()


def _mode_for(path: str) -> int:
    """The replaced file's own permissions, or what a new file gets under the umask."""
    if os.path.exists(path):
        return os.stat(path).st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
