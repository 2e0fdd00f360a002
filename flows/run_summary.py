"""What an operator reads the next morning, kept as the run goes: counts by outcome, failures
by reason, what was published. It goes into `runs.counts`, the command's last lines and the
flow run's artifact, so all three say the same.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunSummary:
    """What an operator reads the next morning: counts, failures by reason, what was published."""

    run_id: str
    status: str = "running"
    message: str | None = None
    documents: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    failed_items: list[tuple[str, str]] = field(default_factory=list)
    source_errors: dict[str, str] = field(default_factory=dict)
    requests: int = 0
    not_modified: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    retracted: int = 0
    quality: list[str] = field(default_factory=list)
    published: dict[str, int] = field(default_factory=dict)
    # documents read only in part (a page too long, too many facts): (doc_id, reason)
    limited: list[tuple[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        return {
            "documents": dict(sorted(self.documents.items())),
            "failures": dict(sorted(self.failures.items())),
            "source_errors": self.source_errors,
            "requests": self.requests,
            "not_modified": self.not_modified,
            "facts": self.facts,
            "retracted": self.retracted,
            "published": self.published,
            "extraction_limited": dict(self.limited),
        }

    def lines(self) -> list[str]:
        docs = ", ".join(f"{k} {v}" for k, v in sorted(self.documents.items())) or "none"
        out = [f"run {self.run_id}: {self.status}", f"documents: {docs}"]
        if self.failures:
            out.append(
                "failures by reason: "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.failures.items()))
            )
        for url, reason in self.failed_items[:20]:
            out.append(f"  failed: {url} ({reason})")
        for source_id, error in sorted(self.source_errors.items()):
            out.append(f"source {source_id} failed: {error}")
        out.append(f"requests: {self.requests} ({self.not_modified} answered 304 Not Modified)")
        if self.facts:
            out.append("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())))
        if self.retracted:
            out.append(f"retracted facts: {self.retracted}")
        for doc_id, reason in self.limited[:20]:
            out.append(f"  read in part: {doc_id} ({reason})")
        out += [f"quality: {q}" for q in self.quality]
        if self.published:
            out.append(
                "published rows: " + ", ".join(f"{k} {v}" for k, v in self.published.items() if v)
            )
        if self.message:
            out.append(self.message)
        return out

    def markdown(self) -> str:
        return "\n".join(["# chinasci nightly run", ""] + [f"- {line}" for line in self.lines()])


def summary_json(summary: RunSummary) -> str:
    return json.dumps({"run_id": summary.run_id, "status": summary.status, **summary.counts()})
