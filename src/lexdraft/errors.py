"""One error type for bad input, so every command can print one clear line and exit non-zero."""

from __future__ import annotations


class LexdraftError(Exception):
    """A problem with an input, reported as ``file:line: message`` (line omitted when unknown)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        # Always one line: messages from libxml2 sometimes carry newlines.
        return where + " ".join(self.message.split())
