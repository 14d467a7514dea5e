"""Errors in rule files, located and printable the way compilers print them.

    rules/events/17_coerce.yaml:12:19: error: unexpected ')'
      - "(اعتقال | احتجاز) توقيف)"
                          ^
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One problem in one rule file, with a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"  # or "warning"

    def format(self) -> str:
        """`file:line:col: severity: message`, then the source line and a caret under the column."""
        head = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        source = _source_line(self.path, self.line)
        if source is None:
            return head
        # Expand tabs so the caret lines up; keep the line as the author wrote it.
        source = source.expandtabs(1)
        return f"{head}\n  {source}\n  {' ' * max(self.column - 1, 0)}^"


def _source_line(path: str, line: int) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, text in enumerate(f, 1):
                if i == line:
                    return text.rstrip("\r\n")
    except OSError:
        return None
    return None


class RuleSetError(Exception):
    """Raised when rule files have errors; carries every finding so they can all be shown at once."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        errors = [f for f in findings if f.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in rule files")

    def format(self) -> str:
        return "\n".join(f.format() for f in self.findings)
