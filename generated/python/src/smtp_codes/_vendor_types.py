"""The records of the vendor tables: who a vendor is and what it means by a code."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import TYPE_CHECKING

from ._codes import EnhancedCode

if TYPE_CHECKING:
    from ._retry import RetryPolicy
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


class MatchKind(IntEnum):
    """How strongly an entry matches a reply, weakest first."""

    CODE = 0
    """The entry has no pattern or token; its codes alone equal the reply's."""
    PATTERN = 1
    """The entry's pattern (and no token) is in the reply text, and its codes (if it names
    any) equal the reply's."""
    TOKEN = 2
    """The entry's token (the vendor's own tag, ``TSS04``, ``AS(2001)``) is in the reply
    text, with its pattern if it has one, and its codes (if it names any) equal the reply's."""

    @property
    def is_text(self) -> bool:
        """Whether the text selected the entry (a token or a pattern)."""
        return self is not MatchKind.CODE


def host_in(host: str, suffix: str) -> bool:
    """Whether ``host`` (any case, a final ``.`` ignored) is ``suffix`` or ends in ``.`` and
    ``suffix``."""
    h = host.encode("utf-8")
    if h.endswith(b"."):
        h = h[:-1]
    s = suffix.encode("utf-8")
    n = len(s)
    return (
        len(h) >= n
        and h[len(h) - n :].lower() == s.lower()
        and (len(h) == n or h[len(h) - n - 1] == 0x2E)
    )


@dataclass(frozen=True)
class Vendor:
    """A provider or mail server."""

    slug: str
    """Short identifier, such as ``"google-gmail"``."""
    name: str
    """Display name, such as ``"Google Gmail"``."""
    kind: VendorKind
    description: str
    hosts: tuple[str, ...] = ()
    """Suffixes of the host names of the vendor's receiving servers (``google.com``): a reply
    from such a host is the vendor's (see ``Context.remote_host``)."""
    markers: tuple[str, ...] = ()
    """Fragments of reply text only this vendor sends (Gmail's ``gsmtp``), matched on word
    boundaries ignoring ASCII case: a reply holding one is the vendor's."""

    def serves_host(self, host: str) -> bool:
        """Whether ``host`` (a remote server's name, any case, a final ``.`` ignored) is one
        of the vendor's: it equals one of ``hosts`` or ends in ``.`` and one.

        >>> from smtp_codes.vendor import vendor
        >>> gmail = vendor("google-gmail")
        >>> gmail.serves_host("gmail-smtp-in.l.google.com"), gmail.serves_host("notgoogle.com")
        (True, False)
        """
        return any(host_in(host, suffix) for suffix in self.hosts)


@dataclass(frozen=True)
class VendorEntry:
    """One meaning a vendor gives a code or a wording."""

    vendor: Vendor
    basic: int | None
    """The reply code, when the vendor gives one."""
    enhanced: EnhancedCode | None
    """The enhanced code, with its class, when the vendor gives one; the first code of the
    range when ``enhanced_to`` is set."""
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
    enhanced_to: EnhancedCode | None = None
    """The last code of the documented range the entry stands for (``4.7.500`` to
    ``4.7.699``), in the same class and subject as ``enhanced``."""
    retry_policy: RetryPolicy | None = None
    """What to do next time, where the vendor says more than the reason's policy."""
    specificity: int = field(init=False, repr=False, compare=False)
    """The length in bytes of the evidence that selects the entry."""
    code_precision: int = field(init=False, repr=False, compare=False)
    """2 for an exact enhanced code, 1 for a range, 0 for none."""

    def __post_init__(self) -> None:
        size = len((self.pattern or "").encode("utf-8")) + len((self.token or "").encode("utf-8"))
        object.__setattr__(self, "specificity", size)
        precision = 0 if self.enhanced is None else 1 if self.enhanced_to is not None else 2
        object.__setattr__(self, "code_precision", precision)

    def codes_match(self, code: int, enhanced: EnhancedCode | None) -> bool:
        """Whether the entry's codes (those it names) equal the reply's; a range entry takes
        any enhanced code from ``enhanced`` to ``enhanced_to``."""
        if self.basic is not None and self.basic != code:
            return False
        first = self.enhanced
        if first is None:
            return True
        last = self.enhanced_to
        if last is None:
            return enhanced == first
        return (
            enhanced is not None
            and enhanced.class_ == first.class_
            and enhanced.subject == first.subject
            and first.detail <= enhanced.detail <= last.detail
        )
