"""The compiled-rule cache: a hit gives the same rule set; a changed file is a miss."""

import os
import time

from coder import Coder, load_ruleset
from coder.cache import cache_dir
from tests.conftest import write_rules

RULE = """
rules:
  - id: arrest
    code: "173"
    patterns: ["اعتقل~"]
"""


def test_hit_and_invalidation(tmp_path, monkeypatch):
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path / "cache"))
    path = write_rules(tmp_path, "r.yaml", RULE)
    first = load_ruleset([path])
    assert list((tmp_path / "cache").glob("*.pickle"))
    second = load_ruleset([path])
    assert second is not first and [r.id for r in second.rules] == ["arrest"]
    assert [e.code for e in Coder(second).code_text("اعتقلوا رجلا")] == ["173"]
    path.write_text(RULE.replace('"173"', '"1711"'), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    assert load_ruleset([path]).rules[0].code == "1711"


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CODER_CACHE_DIR", "")
    assert cache_dir() is None
    path = write_rules(tmp_path, "r.yaml", RULE)
    assert load_ruleset([path]).rules[0].id == "arrest"


def test_unreadable_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("CODER_CACHE_DIR", str(tmp_path / "cache"))
    path = write_rules(tmp_path, "r.yaml", RULE)
    load_ruleset([path])
    for f in (tmp_path / "cache").glob("*.pickle"):
        f.write_bytes(b"not a pickle")
    assert load_ruleset([path]).rules[0].id == "arrest"
