"""Progress for humans on a terminal, plain lines for CI and logs."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """Rewrites one status line on a TTY; prints one line per step otherwise."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty()
        self._open = False

    def step(self, message: str) -> None:
        if self.quiet:
            return
        if self.tty:
            self.stream.write("\r\033[K" + message)
            self._open = True
        else:
            self.stream.write(message + "\n")
        self.stream.flush()

    def done(self, message: str) -> None:
        if self.quiet:
            return
        if self._open:
            self.stream.write("\r\033[K")
            self._open = False
        self.stream.write(message + "\n")
        self.stream.flush()
