"""Every SMTP status code, as data you can use: the reply codes of RFC 5321 and its
extensions, the IANA enhanced status codes (RFC 3463), what providers mean by their own
codes, a reply parser and writer, and a classifier that says what a reply means for the
sender.

>>> ReplyCode.MAILBOX_UNAVAILABLE, ReplyCode(550).text
(<ReplyCode.MAILBOX_UNAVAILABLE: 550>, 'Requested action not taken: mailbox unavailable')
>>> code = EnhancedCode.parse("5.7.26")
>>> code.info.sample_text
'Multiple authentication checks failed'
>>> c = Reply.parse("550 5.1.1 <bob@example.com> User unknown").classify()
>>> c.reason, c.bounce
(<Reason.UNKNOWN_USER: 'unknown_user'>, <Bounce.HARD: 'hard'>)
"""

from __future__ import annotations

from ._codes import (
    EnhancedCode,
    EnhancedCodeError,
    ReplyCodeError,
    parse_reply_code,
)
from ._command import UnknownCommandError
from ._info import (
    ClassInfo,
    EnhancedInfo,
    Lifecycle,
    Meaning,
    Reference,
    ReplyInfo,
    ReplyStatus,
    SubjectInfo,
    Troubleshooting,
)
from ._reason import Bounce, Side
from ._tables import IANA_UPDATED, REGISTRY_VERSION, SITE_URL, __version__
from ._tables.classifier import Reason
from ._tables.codes import REPLIES, TROUBLESHOOTING, ReplyCode
from ._tables.commands import Command
from .buffer import ReplyBuffer
from .classify import (
    Classification,
    Classifier,
    Context,
    ContextRule,
    DecidedBy,
    Outcome,
    PolicySource,
    Retry,
    RetryAdvice,
    RetryPolicy,
    Rule,
    classify,
)
from .reply import (
    EnhancedState,
    Line,
    Mode,
    Reply,
    ReplyError,
    ReplyErrorKind,
    Separator,
    Terminator,
)
from .writer import ReplyContext, ReplyWriter, WriteError

__all__ = [
    "IANA_UPDATED",
    "REGISTRY_VERSION",
    "SITE_URL",
    "Bounce",
    "ClassInfo",
    "Classification",
    "Classifier",
    "Command",
    "Context",
    "ContextRule",
    "DecidedBy",
    "EnhancedCode",
    "EnhancedCodeError",
    "EnhancedInfo",
    "EnhancedState",
    "Lifecycle",
    "Line",
    "Meaning",
    "Mode",
    "Outcome",
    "PolicySource",
    "Reason",
    "Reference",
    "Reply",
    "ReplyBuffer",
    "ReplyCode",
    "ReplyCodeError",
    "ReplyContext",
    "ReplyError",
    "ReplyErrorKind",
    "ReplyInfo",
    "ReplyStatus",
    "ReplyWriter",
    "Retry",
    "RetryAdvice",
    "RetryPolicy",
    "Rule",
    "Separator",
    "Side",
    "SubjectInfo",
    "Terminator",
    "Troubleshooting",
    "UnknownCommandError",
    "WriteError",
    "__version__",
    "classify",
    "enhanced_info",
    "parse_reply_code",
    "reply_info",
    "troubleshooting",
]


def reply_info(code: int) -> ReplyInfo | None:
    """What the registry says about a 3-digit code: standard, historic or non-standard
    (including numbers no server sends, such as ``101``); ``None`` when nobody documents it.

    >>> reply_info(550).status, reply_info(101).status, reply_info(299)
    (<ReplyStatus.STANDARD: 'standard'>, <ReplyStatus.NONSTANDARD: 'nonstandard'>, None)
    """
    return REPLIES.get(code)


def enhanced_info(code: EnhancedCode | str) -> EnhancedInfo | None:
    """What the IANA registry says about an enhanced code: ``"5.1.1"``, ``"X.1.1"`` or an
    ``EnhancedCode``; ``None`` when it does not define the subject and detail.

    >>> enhanced_info("X.1.1").sample_text
    'Bad destination mailbox address'
    """
    if isinstance(code, str):
        if code[:2] in ("X.", "x."):
            code = EnhancedCode.parse("5" + code[1:])
        else:
            code = EnhancedCode.parse(code)
    return code.info


def troubleshooting(code: int | str) -> Troubleshooting | None:
    """Causes and fixes for a reply code (``550``) or an enhanced code (``"5.1.1"`` or
    ``"X.1.1"``), for the codes people meet most."""
    if isinstance(code, int):
        return TROUBLESHOOTING.get(str(code))
    if code.isdigit():
        return TROUBLESHOOTING.get(code)
    info = enhanced_info(code)
    return None if info is None else info.troubleshooting
