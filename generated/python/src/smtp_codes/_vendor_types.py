"""The records of the vendor tables: who a vendor is and what it means by a code."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from ._codes import EnhancedCode

if TYPE_CHECKING:
    from ._tables.classifier import Reason


class VendorKind(Enum):
    """What kind of vendor this is."""

    PROVIDER = "provider"
    """A mailbox or sending provider (Gmail, Microsoft 365, Yahoo)."""
    MTA = "mta"
    """Mail server software (Postfix, Exim, Sendmail)."""


class VendorRetry(Enum):
    """The vendor's advice about retrying."""

    NEVER = "never"
    LATER = "later"
    AFTER_FIX = "after_fix"


@dataclass(frozen=True)
class Vendor:
    """A provider or mail server."""

    slug: str
    name: str
    kind: VendorKind
    description: str


@dataclass(frozen=True)
class VendorEntry:
    """One meaning a vendor gives a code or a wording."""

    vendor: Vendor
    basic: int | None
    """The reply code, when the vendor gives one."""
    enhanced: EnhancedCode | None
    """The enhanced code, with its class, when the vendor gives one."""
    token: str | None
    """The vendor's own tag in the reply text (``TSS04``), if any."""
    pattern: str | None
    """A fragment of the reply text that selects this meaning (case-insensitive)."""
    refines: str
    """The standard code this entry specialises (``"550"`` or ``"X.7.1"``)."""
    meaning: str
    cause: str
    sender_action: str
    admin_action: str
    retry: VendorRetry
    reason: Reason | None
    """The classifier reason this entry implies, if any."""
    source_title: str
    source_url: str
    read: str
    """When the page was read (``YYYY-MM-DD``)."""
    specificity: int = field(init=False, repr=False, compare=False)
    """The length in bytes of the evidence that selects the entry."""

    def __post_init__(self) -> None:
        size = len((self.pattern or "").encode("utf-8")) + len((self.token or "").encode("utf-8"))
        object.__setattr__(self, "specificity", size)
