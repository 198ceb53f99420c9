"""Why a file could not be read: one exception type, one clear sentence per kind."""


class UnreadableDocument(Exception):
    """The file is not a PDF we can read (not a PDF, empty, truncated, encrypted, no pages)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message
