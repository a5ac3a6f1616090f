"""``CommandBase``: what every SMTP command can tell about itself (the members of ``Command``
are generated into ``_tables/commands.py``)."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

_C = TypeVar("_C", bound="CommandBase")


class UnknownCommandError(ValueError):
    """The text is not a command the registry knows."""

    __module__ = "smtp_codes"

    def __init__(self, text: str) -> None:
        super().__init__("not an SMTP command the registry knows")
        self.text = text


class CommandBase(Enum):
    """An SMTP command by its name (``RCPT``; ``CONNECT`` for the greeting)."""

    @classmethod
    def parse(cls: type[_C], text: str) -> _C:
        """The command with this name, ignoring ASCII case (``"rcpt"`` is ``RCPT``); raises
        ``UnknownCommandError``."""
        if text.isascii():
            name = text.upper()
            for command in cls:
                if command.value == name:
                    return command
        raise UnknownCommandError(text)

    def __str__(self) -> str:
        return str(self.value)
