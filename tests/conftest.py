"""Shared fixtures and the hypothesis profiles.

HYPOTHESIS_PROFILE=ci (the default) keeps the suite fast; HYPOTHESIS_PROFILE=thorough runs many
more examples, to be run by hand before a release or after a change to the text layer.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from coder import Coder, load_ruleset

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def ruleset():
    return load_ruleset()


@pytest.fixture(scope="session")
def coder(ruleset):
    return Coder(ruleset)


def write_rules(tmp_path: Path, name: str, text: str) -> Path:
    """Write a YAML rule file under tmp_path and return its path."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def coder_for(tmp_path: Path, text: str) -> Coder:
    """A coder with only the rules of `text` (written to r.yaml under tmp_path), uncached."""
    return Coder(load_ruleset([write_rules(tmp_path, "r.yaml", text)], use_cache=False))


MINI_ACTORS = """
actors:
  - code: USA
    names: [الولايات المتحدة]
    adjectives: [أمريكي, أميركي]
    metonyms: [واشنطن]
  - code: SYR
    names: [سوريا]
    adjectives: [سوري]
    metonyms: [دمشق]
  - code: IRQ
    names: [العراق]
    adjectives: [عراقي]
  - code: IMGMIL
    names: [التحالف الدولي]
  - code: IMGSYRREB
    names: [داعش, تنظيم داعش]
  - names: [بشار الأسد]
    codes:
      - {code: SYRGOV, from: 2000-07-17, until: 2024-12-08}
      - {code: SYRELI, from: 2024-12-08}
agents:
  - code: MIL
    names: [جيش, قوات, جنود]
  - code: COP
    names: [شرطة, قوات الأمن]
  - code: REB
    names: [مسلح]
  - code: CVL
    names: [مدني, متظاهر]
  - code: GOV
    names: [حكومة]
"""


@pytest.fixture(scope="session")
def mini_dir(tmp_path_factory):
    """A small, self-contained rule set (rules, a set, actors) for engine tests."""
    d = tmp_path_factory.mktemp("mini")
    write_rules(d, "actors.yaml", MINI_ACTORS)
    write_rules(d, "sets.yaml", """
        sets:
          aircraft: [طائرة, مروحية, "طائرة حربية"]
    """)
    write_rules(d, "events.yaml", """
        rules:
          - id: arrest
            code: "173"
            patterns: ["اعتقل~", "(اعتقال | احتجاز)", "القبض على {target}?"]
          - id: kill
            code: "190"
            patterns: ["مقتل", "قتل~"]
          - id: airstrike
            code: "195"
            patterns: ["(غارة | غارات)", "&aircraft .. قصف~", "قصف~ &aircraft"]
          - id: exchange_fire
            code: "193"
            patterns: ["إطلاق النار"]
          - id: ceasefire
            code: "0871"
            patterns: ["وقف إطلاق النار"]
          - id: attack_slots
            code: "180"
            patterns: ["{source} هاجم~ {target}"]
          - id: airdrop
            code: "190"
            patterns: ["إنزال جوي"]
          - id: say
            code: "010"
            patterns: ["=صرح"]
          - id: protest
            code: "141"
            patterns: ["(مظاهرة | تجمع~)"]
          - id: background_killing
            code: "---"
            patterns: ["(إثر | منذ) مقتل"]
    """)
    return d


@pytest.fixture(scope="session")
def mini(mini_dir):
    return Coder(load_ruleset([mini_dir]))


def codes(coder: Coder, text: str) -> list[str]:
    return [e.code for e in coder.code_text(text)]
