"""Coded errors and warnings. Stages raise these; the pipeline catches them once per stage."""

from __future__ import annotations


class CollationError(Exception):
    """Base class: ``code`` is stable and documented in docs/errors.md."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:  # one line a user can act on
        return f"[{self.code}] {self.message}"


class InputError(CollationError):
    """An input could not be read as a document (skipped, run continues)."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class TooLarge(InputError):
    code = "E103"


class UndecodableInput(InputError):
    code = "E104"


class MalformedInput(InputError):
    code = "E105"


class MissingField(InputError):
    code = "E106"


class UnsupportedInput(InputError):
    code = "E107"


class FetchError(InputError):
    code = "E110"


class PrivateAddress(FetchError):
    code = "E111"


class StageError(CollationError):
    """A stage failed on one document; that document's result from the stage is dropped."""

    code = "E200"


class StoreError(CollationError):
    code = "E300"


class EvalError(CollationError):
    """Bad evaluation data or task name."""

    code = "E400"


class StrictModeError(CollationError):
    """Raised by ``--strict`` when any input was skipped."""

    code = "E500"
