"""Parse and classification throughput on the dev corpus, as the Rust crate's
``cargo bench -p smtp-codes-bench --bench classify`` measures it: every reply (with CRLF
appended) parsed, then parsed and classified, then classified from replies parsed once.

    PYTHONPATH=src python bench/classify.py [ROUNDS]

Prints the best of ``ROUNDS`` (default 20) rounds, in replies per second of CPU time (the
process's own, so that other load on a shared machine counts less). Measured by hand;
no test asserts a time.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from smtp_codes import Reply, classify

CORPUS = Path(__file__).resolve().parents[2] / "rust/tests/corpus/replies-dev.jsonl"


def corpus() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["reply"] + "\r\n" for line in lines if line.strip()]


def best(rounds: int, body: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        body()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    replies = corpus()
    parsed = [Reply.parse(r) for r in replies]

    def parse_only() -> None:
        for r in replies:
            Reply.parse(r)

    def parse_and_classify() -> None:
        for r in replies:
            classify(Reply.parse(r))

    def classify_only() -> None:
        for reply in parsed:
            classify(reply)

    n = len(replies)
    print(f"corpus: {n} replies, {sum(len(r.encode()) for r in replies)} bytes")
    for name, body in [
        ("parse", parse_only),
        ("parse_and_classify", parse_and_classify),
        ("classify_only", classify_only),
    ]:
        seconds = best(rounds, body)
        print(f"{name:20} {seconds / n * 1e6:8.2f} us/reply {n / seconds:10.0f} replies/s")


if __name__ == "__main__":
    main()
