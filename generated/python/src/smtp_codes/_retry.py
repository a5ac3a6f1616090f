"""``RetryPolicy``: what to do next time, the type the generated policies are written in.

How a classification's policy is resolved is in ``smtp_codes.classify`` (``retry_policy``
on a ``Classification``); the policies themselves are data (``retry_defaults``, each
reason's and each vendor entry's ``retry_policy`` in ``data/``), generated into the tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from ._vendor_types import VendorRetry

Retry = VendorRetry
"""Whether to retry: ``LATER`` (as it is), ``AFTER_FIX`` (only once something is changed),
``NEVER``. The same words as a vendor entry's ``retry``."""


class PolicySource(Enum):
    """Which level of the data decided a ``RetryPolicy``."""

    USER_RULE = "user_rule"
    """The caller's rule that decided the reason."""
    VENDOR = "vendor"
    """The vendor entry that decided the reason."""
    REASON = "reason"
    """The reason's policy in ``data/classifier.yaml``."""
    DEFAULT = "default"
    """``retry_defaults`` in ``data/classifier.yaml`` (RFC 5321)."""

    def as_str(self) -> str:
        """``"user_rule"``, ``"vendor"``, ``"reason"`` or ``"default"``."""
        return str(self.value)


@dataclass(frozen=True)
class RetryPolicy:
    """What to do next time: whether and when to retry, how, when to give up, and whether to
    stop mailing the address.

    >>> from datetime import timedelta
    >>> p = RetryPolicy(Retry.LATER, give_up_attempts=3)
    >>> p.retry, p.first_after, p.source
    (<VendorRetry.LATER: 'later'>, None, <PolicySource.DEFAULT: 'default'>)
    >>> duration_str(timedelta(hours=4)), duration_str(timedelta(minutes=90))
    ('4h', '90m')
    """

    retry: VendorRetry
    """Whether to retry."""
    first_after: timedelta | None = None
    """The least delay before the next attempt."""
    backoff: str | None = None
    """How the delay grows between attempts (words for people)."""
    how: str | None = None
    """How to send when retrying: fewer connections, a slower rate (words for people)."""
    give_up_after: timedelta | None = None
    """Give up once this long has passed since the first attempt."""
    give_up_attempts: int | None = None
    """Give up after this many attempts."""
    suppress_address: bool = False
    """Stop sending to the address (put it on a suppression list)."""
    source: PolicySource = PolicySource.DEFAULT
    """Which level of the data decided ``retry``. A caller's ``Rule`` may leave it: the
    classifier sets ``USER_RULE`` on the policy it returns."""

    def completed(self, defaults: RetryPolicy, permanent: bool) -> RetryPolicy:
        """This policy with the timing it leaves out taken from ``defaults`` (the transient
        defaults) when it says later, and ``suppress_address`` dropped unless the reply is
        ``permanent``."""
        first_after = self.first_after
        backoff = self.backoff
        give_up_after = self.give_up_after
        give_up_attempts = self.give_up_attempts
        if self.retry is VendorRetry.LATER:
            if first_after is None:
                first_after = defaults.first_after
            if backoff is None:
                backoff = defaults.backoff
            if give_up_after is None:
                give_up_after = defaults.give_up_after
            if give_up_attempts is None:
                give_up_attempts = defaults.give_up_attempts
        return RetryPolicy(
            self.retry,
            first_after,
            backoff,
            self.how,
            give_up_after,
            give_up_attempts,
            self.suppress_address and permanent,
            self.source,
        )


def seconds(d: timedelta) -> int:
    """Whole seconds in a duration (rounded down)."""
    return d.days * 86_400 + d.seconds


def duration_str(d: timedelta) -> str:
    """A duration the way the data writes it: whole days (``5d``), else whole hours
    (``4h``), else minutes (``30m``, rounded down)."""
    s = seconds(d)
    if s != 0 and s % 86_400 == 0:
        return f"{s // 86_400}d"
    if s != 0 and s % 3_600 == 0:
        return f"{s // 3_600}h"
    return f"{s // 60}m"
