"""The rules' prefilter never changes an answer: ``RuleSet.first_match`` equals trying every
rule in turn, on texts built around every built-in phrase."""

from __future__ import annotations

import itertools

from smtp_codes import EnhancedCode
from smtp_codes._match import fold
from smtp_codes._rule import Rule, RuleSet
from smtp_codes._tables.classifier import RULES, Reason


def naive(rules: tuple[Rule, ...], code: int, enhanced: EnhancedCode | None, text: bytes) -> object:
    for rule in rules:
        phrase = rule.match_folded(code, enhanced, text, True)
        if phrase is not None:
            return rule.id, phrase
    return None


def texts() -> list[bytes]:
    out = []
    wrappers = [b"%s", b"x%s", b"%sx", b"(%s)", b"a %s b", b"%s-ing", b"\xc3\xa9%s", b"%s\xc3\xa9"]
    for rule in RULES:
        for phrase in itertools.chain(rule.any, rule.all, rule.none):
            core = phrase.strip("*").encode("utf-8")
            for w in wrappers:
                out.append(w.replace(b"%s", core))
                out.append(w.replace(b"%s", core.upper()) + b" sending")
    return out


def test_prefilter_agrees_with_trying_every_rule() -> None:
    rules = RuleSet(RULES)
    checked = 0
    for raw in texts():
        text = fold([raw])
        for code, enhanced in [
            (550, None),
            (421, EnhancedCode(4, 7, 0)),
            (554, EnhancedCode(5, 1, 1)),
        ]:
            got = rules.first_match(code, enhanced, text, True)
            want = naive(rules.rules, code, enhanced, text)
            assert (None if got is None else (got[0].id, got[1])) == want, raw
            checked += 1
    assert checked > 5000


def test_user_rules_with_every_kind_of_phrase() -> None:
    mine = RuleSet(
        [
            Rule("open-end", Reason.RATE_LIMITED, any=("slow*", "slower")),
            Rule("open-start", Reason.SPAM_DETECTED, any=("*spam",)),
            Rule("punctuation", Reason.BLOCKED, any=("[rbl]", "-")),
        ]
    )
    for raw, want in [
        (b"slowdown please", ("open-end", "slow*")),
        (b"go slower", ("open-end", "slow*")),
        (b"antispam", ("open-start", "*spam")),
        (b"listed [RBL] here", ("punctuation", "[rbl]")),
        (b"a - b", ("punctuation", "-")),
        (b"nothing", None),
    ]:
        got = mine.first_match(550, None, fold([raw]), True)
        assert (None if got is None else (got[0].id, got[1])) == want
