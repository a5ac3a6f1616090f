"""What the registry says about each code: the frozen records the lookups return."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ReplyStatus(Enum):
    """Whether an RFC defines a reply code."""

    STANDARD = "standard"
    """Defined or used by a current RFC."""
    HISTORIC = "historic"
    """Defined by an RFC that keeps it for historical reasons only."""
    NONSTANDARD = "nonstandard"
    """Defined by no RFC: a vendor's code, a client's error number, and the like."""


class Lifecycle(Enum):
    """Whether an enhanced code is still to be used."""

    CURRENT = "current"
    DEPRECATED = "deprecated"


@dataclass(frozen=True)
class Reference:
    """A document (``RFC 5321`` or a draft's name), a section of it when known, and where to
    read it."""

    document: str
    section: str | None
    url: str

    def __str__(self) -> str:
        if self.section is None:
            return self.document
        if self.section.startswith("Appendix"):
            return f"{self.document}, {self.section}"
        return f"{self.document}, section {self.section}"


@dataclass(frozen=True)
class Meaning:
    """One meaning of a reply code: an RFC's, or a vendor's."""

    text: str
    summary: str | None
    reference: Reference | None
    vendor: str | None
    sources: tuple[str, ...]
    standard: bool
    commands: tuple[str, ...]


@dataclass(frozen=True)
class Troubleshooting:
    """Causes and fixes for a code people meet often (``"550"`` or ``"X.1.1"``)."""

    code: str
    summary: str
    causes: tuple[str, ...]
    sender_fixes: tuple[str, ...]
    admin_fixes: tuple[str, ...]
    references: tuple[Reference, ...]


@dataclass(frozen=True)
class ReplyInfo:
    """Everything the registry says about a 3-digit reply code."""

    code: int
    name: str
    text: str
    text_note: str | None
    description: str
    status: ReplyStatus
    nonstandard_kind: str | None
    confidence: str | None
    meanings: tuple[Meaning, ...]
    commands: tuple[str, ...]
    references: tuple[Reference, ...]
    associated_enhanced: tuple[str, ...]
    notes: str | None
    troubleshooting: Troubleshooting | None

    @property
    def is_standard(self) -> bool:
        """Whether an RFC defines the code (standard or historic)."""
        return self.status is not ReplyStatus.NONSTANDARD


@dataclass(frozen=True)
class EnhancedInfo:
    """Everything the registry says about a registered enhanced code (class-independent,
    ``X.1.1``)."""

    subject: int
    detail: int
    name: str
    sample_text: str
    description: str
    basic_codes: tuple[int, ...]
    basic_codes_text: str
    basic_code_classes: tuple[int, ...]
    any_basic_code: bool
    status: Lifecycle
    replaced_by: str | None
    references: tuple[Reference, ...]
    notes: str | None
    troubleshooting: Troubleshooting | None

    @property
    def code(self) -> str:
        """The class-independent form, ``"X.1.1"``."""
        return f"X.{self.subject}.{self.detail}"

    @property
    def is_deprecated(self) -> bool:
        """Whether the registry has retired the code (see ``replaced_by``)."""
        return self.status is Lifecycle.DEPRECATED

    def allows(self, reply: int) -> bool:
        """Whether IANA's associated basic codes admit ``reply`` (the class digit aside)."""
        if self.any_basic_code or (not self.basic_codes and not self.basic_code_classes):
            return True
        return reply in self.basic_codes or reply // 100 in self.basic_code_classes


@dataclass(frozen=True)
class ClassInfo:
    """An enhanced code's class: 2, 4 or 5."""

    digit: int
    name: str
    title: str
    description: str


@dataclass(frozen=True)
class SubjectInfo:
    """An enhanced code's registered subject: 0 to 7."""

    number: int
    name: str
    title: str
    description: str
