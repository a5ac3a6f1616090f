"""Reasons: ``ReasonBase`` (the base of the generated ``Reason`` enum), whose side a problem
is on, and the bounce type."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._retry import RetryPolicy


class Side(Enum):
    """Whose side a problem is on."""

    RECIPIENT = "recipient"
    """The recipient's address or mailbox."""
    SENDER = "sender"
    """The sender: the address, the message, the account or its domain's records."""
    SENDING_SERVER = "sending_server"
    """The sending server: its IP, DNS, TLS, volume or protocol behaviour."""
    RECEIVING_SERVER = "receiving_server"
    """The receiving server: its faults, load or policies."""
    NETWORK = "network"
    """The network between them: connections, DNS, routing, time."""
    NONE = "none"
    """No problem, or nothing known."""


class Bounce(Enum):
    """Bounce type, as mailing-list software uses it."""

    NONE = "none"
    """Not a failure."""
    SOFT = "soft"
    """The message failed, but the address may still receive mail."""
    HARD = "hard"
    """The address itself cannot receive mail: remove or correct it."""


@dataclass(frozen=True)
class ReasonInfo:
    """What the taxonomy says about a reason."""

    title: str
    advice: str
    side: Side
    permanent_bounce: Bounce
    sisimai: str | None
    retry_policy: RetryPolicy | None = None
    """The reason's own retry policy, as the data gives it (``None``: the defaults apply);
    a classification's ``retry_policy`` is this one resolved for the reply."""


# The taxonomy, read from the generated table on first use (the table imports this module).
_REASONS: dict[str, ReasonInfo] = {}


class ReasonBase(Enum):
    """What every reason can tell about itself (the members are generated)."""

    @property
    def id(self) -> str:
        """The identifier, such as ``"unknown_user"``."""
        return str(self.value)

    @property
    def details(self) -> ReasonInfo:
        """The taxonomy's entry."""
        if not _REASONS:
            from ._tables.classifier import REASONS

            _REASONS.update(REASONS)
        return _REASONS[self.value]

    @property
    def title(self) -> str:
        """A short title, such as ``"Recipient does not exist"``."""
        return self.details.title

    @property
    def advice(self) -> str:
        """What to do about it, in plain words (CommonMark)."""
        return self.details.advice

    @property
    def side(self) -> Side:
        """Whose side the problem usually is on."""
        return self.details.side

    @property
    def permanent_bounce(self) -> Bounce:
        """The bounce type when the reply is a permanent failure."""
        return self.details.permanent_bounce

    def __str__(self) -> str:
        return self.id
