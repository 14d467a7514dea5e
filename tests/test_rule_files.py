"""A broken rule file fails fast with file:line:col, the line, and a caret; never a traceback."""

import subprocess
import sys

import pytest

from coder import load_ruleset
from coder.errors import RuleSetError
from tests.conftest import coder_for, write_rules


def findings(tmp_path, text, name="bad.yaml"):
    path = write_rules(tmp_path, name, text)
    with pytest.raises(RuleSetError) as e:
        load_ruleset([path])
    return path, [f for f in e.value.findings if f.severity == "error"]


def test_yaml_error_has_position(tmp_path):
    path, fs = findings(tmp_path, """
        rules:
          - id: x
            code: "173"
            patterns: ["اعتقال"
    """)
    assert fs[0].path == str(path) and fs[0].line == 5 and "YAML" in fs[0].message


def test_a_key_given_twice_is_an_error(tmp_path):
    # a rule that lost its "- id:" line: its keys would silently replace the rule's before it
    path, fs = findings(tmp_path, """
        rules:
          - id: arrest
            code: "173"
            patterns: ["اعتقال"]
            code: "190"
            patterns: ["مقتل"]
    """)
    assert (fs[0].line, fs[0].column) == (5, 5) and "duplicate key 'code' (first at line 3)" in fs[0].message


def test_pattern_error_points_into_the_file(tmp_path):
    path, fs = findings(tmp_path, """
        rules:
          - id: x
            code: "173"
            patterns:
              - "(اعتقال | احتجاز"
    """)
    f = fs[0]
    assert (f.line, f.column) == (5, 26)
    text = f.format()
    assert text.startswith(f"{path}:5:26: error:")
    lines = text.splitlines()
    assert lines[1] == '        - "(اعتقال | احتجاز"'
    assert lines[2] == "  " + " " * 25 + "^"


def test_unknown_code_and_duplicate_id(tmp_path):
    _, fs = findings(tmp_path, """
        rules:
          - id: x
            code: "999"
            patterns: ["اعتقال"]
          - id: y
            code: "173"
            patterns: ["اعتقال"]
          - id: y
            code: "173"
            patterns: ["احتجاز"]
    """)
    messages = [(f.line, f.message) for f in fs if f.severity == "error"]
    assert any(line == 3 and m.startswith("unknown CAMEO event code '999'") for line, m in messages)
    assert any(line == 8 and "duplicate rule id 'y'" in m for line, m in messages)


def test_unquoted_code_is_explained(tmp_path):
    _, fs = findings(tmp_path, """
        rules:
          - id: x
            code: 0431
            patterns: ["زار~"]
    """)
    assert "quoted string" in fs[0].message


def test_unknown_and_cyclic_sets(tmp_path):
    _, fs = findings(tmp_path, """
        sets:
          a: ["&b"]
          b: ["&a"]
        rules:
          - id: x
            code: "173"
            patterns: ["&nothing اعتقال", "&a اعتقال"]
    """)
    msgs = " | ".join(f.message for f in fs)
    assert "unknown word set '&nothing'" in msgs
    assert "refers to itself" in msgs


def test_pattern_without_anchor(tmp_path):
    _, fs = findings(tmp_path, """
        rules:
          - id: x
            code: "173"
            patterns: ["{source}? .. {target}"]
    """)
    assert "always present" in fs[0].message


def test_actor_errors(tmp_path):
    _, fs = findings(tmp_path, """
        actors:
          - code: SYR
            names: [سوريا]
          - code: IRQ
            names: [سوريا]
          - code: syr
            names: [شيء]
          - names: [فلان الفلاني]
            codes:
              - {code: SYRGOV, from: 2000-01-01, until: 2010-01-01}
              - {code: SYRELI, from: 2005-01-01}
    """)
    msgs = " | ".join(f.message for f in fs)
    assert "one name, one code" in msgs
    assert "not an actor code" in msgs
    assert "date ranges overlap" in msgs


def test_unknown_keys(tmp_path):
    _, fs = findings(tmp_path, """
        rulez: []
    """)
    assert "unknown top-level key 'rulez'" in fs[0].message


def test_cli_prints_findings_without_traceback(tmp_path):
    path = write_rules(tmp_path, "bad.yaml", """
        rules:
          - id: x
            code: "173"
            patterns: ["اعتقال)"]
    """)
    p = subprocess.run([sys.executable, "-m", "coder", "explain", "--rules", str(path), "اعتقال"],
                       capture_output=True, text=True)
    assert p.returncode == 1
    assert f"{path}:4:23: error: unexpected ')'" in p.stderr
    assert "^" in p.stderr
    assert "Traceback" not in p.stderr


def test_a_fallback_rule_speaks_only_for_an_otherwise_empty_sentence(tmp_path):
    c = coder_for(tmp_path, """
        rules:
          - id: say
            code: "010"
            fallback: true
            patterns: ["أكد~ ..6 أن"]
          - id: kill
            code: "190"
            patterns: ["قتل~"]
    """)
    assert [e.code for e in c.code_text("أكد الوزير أن الوضع هادئ")] == ["010"]
    assert [e.code for e in c.code_text("أكد الوزير أن الجنود قتلوا رجلا")] == ["190"]


def test_fallback_must_be_a_boolean(tmp_path):
    text = 'rules:\n  - id: say\n    code: "010"\n    fallback: maybe\n    patterns: ["أكد~"]\n'
    path, errors = findings(tmp_path, text)
    assert [(f.line, f.message) for f in errors] == [(4, "'fallback' must be true or false")]


def test_the_built_in_number_set(tmp_path):
    from coder import Coder

    write_rules(tmp_path, "r.yaml", """
        rules:
          - id: kill
            code: "190"
            patterns: ["قتل~ &number"]
    """)
    c = Coder(load_ruleset([tmp_path], use_cache=False))
    for text in ["قتل 230 شخصا", "وقتل ٢٣٠ شخصا", "قتل 1,500 شخص", "قتلت 3.5 ألف"]:
        assert [e.code for e in c.code_text(text)] == ["190"], text
    assert c.code_text("قتل رجل") == []


def test_number_is_a_reserved_set_name(tmp_path):
    path, errors = findings(tmp_path, "sets:\n  number: [ثلاثة]\n")
    assert [f.message for f in errors] == ["'number' is the built-in set of numbers in digits; choose another name"]
