"""The terminal face of the coder: parses flags, shows progress, calls the layers below.

    coder code INPUT... [-o OUT]         code datasets (JSONL, CSV, TSV, text; - for stdin)
    coder explain "SENTENCE"             why a sentence was (or was not) coded
    coder codes [QUERY]                  browse the CAMEO codebook
    coder rules check [PATHS]            validate rule files
    coder rules test [PATHS]             run the rules' examples and counterexamples

Exit status: 0 success, 1 rule-file or input errors (or failing rule tests), 2 usage errors.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

from . import __version__, cameo
from .authoring import coverage, lint, run_examples, scaffold, stats
from .batch import GC_THRESHOLDS, Summary, code_rendered, default_workers
from .errors import RuleSetError
from .io import INPUT_FORMATS, OUTPUT_FORMATS, BadRecord, Fields, InputError, Writer, read_records
from .pipeline import Coder
from .ruleset import RuleSet, default_rules_dir, load_ruleset, rule_files

MAX_REPORTED_BAD = 50


def _err(message: str) -> None:
    print(f"coder: {message}", file=sys.stderr)


def _ruleset_paths(args) -> list[Path]:
    """`--rules` replaces the shipped rules; `--add-rules` adds to them.

    Both may also stand before the command (`coder --rules mine/ code ...`), which lets tools
    that call `coder code IN -o OUT` (such as gsr_eval.py's --coder) use other rules.
    """
    replace = args.top_rules + args.rules
    base = [Path(p) for p in replace] if replace else [default_rules_dir()]
    return base + [Path(p) for p in args.top_add_rules + args.add_rules]


def _load(paths) -> RuleSet:
    ruleset = load_ruleset(paths)
    # The compiled rule set lives as long as the process: take its objects out of the garbage
    # collector's generations, so that collections during coding do not walk them again and again.
    gc.freeze()
    return ruleset


def _add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", default=[], metavar="PATH",
                   help="code with these rule files or directories INSTEAD of the shipped rules (repeatable)")
    p.add_argument("--add-rules", action="append", default=[], metavar="PATH",
                   help="code with the shipped rules PLUS these files or directories (repeatable)")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="coder", description="Arabic news text in, CAMEO events out.")
    ap.add_argument("--version", action="version", version=f"coder {__version__}")
    ap.add_argument("--rules", dest="top_rules", action="append", default=[], metavar="PATH",
                    help="as the commands' --rules, for every command")
    ap.add_argument("--add-rules", dest="top_add_rules", action="append", default=[], metavar="PATH",
                    help="as the commands' --add-rules, for every command")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("code", help="code datasets into event records",
                       description="Code records into CAMEO events, one output row per event.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files (.jsonl .csv .tsv .txt, .gz), - for stdin")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="output file (default: - for stdout)")
    p.add_argument("--input-format", choices=INPUT_FORMATS, help="input format (default: from the file name)")
    p.add_argument("--output-format", choices=OUTPUT_FORMATS, help="output format (default: from OUT, else jsonl)")
    p.add_argument("--id-field", default="id", metavar="NAME", help="field or column with the record id (default: id)")
    p.add_argument("--text-field", default="text", metavar="NAME", help="field or column with the text (default: text)")
    p.add_argument("--date-field", default="date", metavar="NAME", help="field or column with the date (default: date)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("-w", "--workers", type=int, default=1, metavar="N",
                   help="processes to code with (default 1; 0 = one per core); output is identical")
    _add_rule_options(p)

    p = sub.add_parser("explain", help="show why a sentence was or was not coded")
    p.add_argument("text", nargs="?", default="-", help="the text (default: - to read stdin)")
    p.add_argument("--date", help="the text's date (YYYY-MM-DD), for actors with date ranges")
    _add_rule_options(p)

    p = sub.add_parser("codes", help="browse the CAMEO event codebook")
    p.add_argument("query", nargs="?", default="", help="a code prefix (19, 173) or words of a name")

    p = sub.add_parser("eval", help="precision, recall and F1 against a gold file",
                       description="Score the coder against a gold file: JSONL (id, text, events: "
                                   "[{code, source, target}]) or the arabic_event_gsr CSV (scored by PLOVER category).")
    p.add_argument("gold", nargs="+", metavar="GOLD",
                   help="gold files (.jsonl, or .csv in the arabic_event_gsr format)")
    p.add_argument("--show", type=int, default=0, metavar="N", help="list N misses and N false alarms per file")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    _add_rule_options(p)

    rules = sub.add_parser("rules", help="tools for rule authors").add_subparsers(dest="rules_command",
                                                                                  required=True, metavar="TOOL")
    for name, text in (("check", "validate rule, set and actor files"),
                       ("test", "run every rule's examples and counterexamples")):
        p = rules.add_parser(name, help=text,
                             description=f"{text[0].upper()}{text[1:]}. PATHS are checked together with the "
                                         "shipped rules (a shipped file of the same name is replaced); "
                                         "with --alone, on their own.")
        p.add_argument("paths", nargs="*", metavar="PATH",
                       help="rule files or directories (default: the shipped rules)")
        p.add_argument("--alone", action="store_true", help="do not add the shipped rules")
    p = rules.add_parser("stats", help="rules, patterns and codes covered per root; codes with no rule")
    p.add_argument("--json", action="store_true", help="print as JSON")
    _add_rule_options(p)
    p = rules.add_parser("coverage", help="code a corpus: how often each rule fires, codes, uncoded trigger words")
    p.add_argument("corpus", nargs="+", metavar="CORPUS", help="input files, as for `coder code`")
    p.add_argument("--input-format", choices=INPUT_FORMATS, help="input format (default: from the file name)")
    p.add_argument("--text-field", default="text", metavar="NAME", help="field or column with the text")
    p.add_argument("--top", type=int, default=50, metavar="N", help="how many uncoded words and rules to list")
    p.add_argument("--json", action="store_true", help="print as JSON")
    _add_rule_options(p)
    p = rules.add_parser("new", help="scaffold a rule in the file of its root")
    p.add_argument("id", help="the new rule's id (e.g. 14_sit_in)")
    p.add_argument("--code", required=True, help="its CAMEO code")
    p.add_argument("--dir", default=None, metavar="DIR",
                   help="rule directory (default: ./rules if it exists, else the shipped rules)")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "code":
            return _code(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "codes":
            return _codes(args)
        if args.command == "eval":
            return _eval(args)
        if args.command == "rules":
            if args.rules_command == "stats":
                return _stats(args)
            if args.rules_command == "coverage":
                return _coverage(args)
            if args.rules_command == "new":
                return _new(args)
            return _rules(args)
    except RuleSetError as e:
        print(e.format(), file=sys.stderr)
        _err(str(e))
        return 1
    except InputError as e:
        _err(str(e))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # `coder code ... | head`: the reader went away; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 2


# -- code ------------------------------------------------------------------------------------------

def _code(args) -> int:
    paths = _ruleset_paths(args)
    ruleset = _load(paths)
    gc.set_threshold(*GC_THRESHOLDS)  # see batch.GC_THRESHOLDS
    coder = Coder(ruleset)
    workers = default_workers() if args.workers == 0 else args.workers
    if workers < 0:
        raise InputError("--workers must be 0 (all cores) or more")
    fields = Fields(args.id_field, args.text_field, args.date_field)
    for path in args.inputs:
        if path != "-" and not os.path.isfile(path):
            raise InputError(f"no such input file: {path}")
    summary = Summary()
    started = time.perf_counter()
    show = not args.quiet and sys.stderr.isatty()
    bad_shown = 0
    with Writer(args.output, args.output_format) as writer, _progress(args.inputs, show) as advance:
        for path in args.inputs:
            records = read_records(path, args.input_format, fields, advance)
            for rec, text in code_rendered(coder, paths, records, summary, workers, writer.fmt):
                if isinstance(rec, BadRecord):
                    if bad_shown < MAX_REPORTED_BAD:
                        _err(f"{rec.source or path}:{rec.line}: {rec.reason}" if not rec.source
                             else rec.message())
                    bad_shown += 1
                elif text:
                    writer.write_text(text)
    if bad_shown > MAX_REPORTED_BAD:
        _err(f"... and {bad_shown - MAX_REPORTED_BAD} more bad records")
    if not args.quiet:
        _err(summary.line(time.perf_counter() - started))
    return 0


class _progress:
    """A rich progress bar over the bytes of the inputs, on stderr, only when it is a terminal."""

    def __init__(self, inputs: list[str], show: bool):
        self.show = show and "-" not in inputs
        self.total = sum(os.path.getsize(p) for p in inputs if p != "-" and os.path.isfile(p))

    def __enter__(self):
        if not self.show:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        self._bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                             TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._bar.__enter__()
        task = self._bar.add_task("coding", total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc):
        if self.show:
            self._bar.__exit__(*exc)


# -- explain -------------------------------------------------------------------------------------

def _explain(args) -> int:
    from rich.console import Console
    from rich.table import Table

    text = sys.stdin.read() if args.text == "-" else args.text
    ruleset = _load(_ruleset_paths(args))
    coder = Coder(ruleset)
    lex = ruleset.lexicon
    con = Console(soft_wrap=True)
    analyses = coder.explain(text, args.date)
    if not analyses:
        con.print("No sentence with words in the input.")
    for n, a in enumerate(analyses, 1):
        s = a.sentence
        con.rule(f"sentence {n}")
        con.print(text[s.start:s.end])
        t = Table("#", "token", "normalised", "rule words", "actor", show_lines=False)
        in_mention = {i: m for m in a.mentions for i in range(m.start, m.end)}
        for i, (norm, lids) in enumerate(zip(s.norms, a.analyses, strict=True)):
            words = ", ".join(sorted(lex.describe(x) for x in lids if x in ruleset.index)) or ""
            m = in_mention.get(i)
            t.add_row(str(i), s.span_text(i, i), norm, words,
                      f"{m.code}" if m and m.start == i else ("…" if m else ""))
        con.print(t)
        if a.mentions:
            con.print("actors: " + "; ".join(
                f"{s.span_text(m.start, m.end - 1)} → {m.code} ({m.kind})" for m in a.mentions))
        if not a.matches:
            con.print("[yellow]no rule matched[/]: no token is a form of any rule's anchor word, "
                      "or the rest of the pattern did not fit")
        kept = {id(m) for m in a.kept}
        negated = {id(m): w for m, w in a.negated}
        for m in a.matches:
            trig = s.span_text(m.trigger_start, m.trigger_end - 1)
            if id(m) in negated:
                state = f"[red]negated by '{negated[id(m)]}'[/]"
            elif id(m) in kept and m.rule.code == "---":
                state = "[magenta]kept: a blocking rule, no event[/]"
            elif id(m) in kept and m.rule.fallback and not any(e.rule == m.rule.id for e in a.events):
                state = "[yellow]kept, but a fallback: the sentence has another event[/]"
            elif id(m) in kept:
                state = "[green]kept[/]"
            else:
                state = "[dim]overlapped by a better match[/]"
            con.print(f"match {m.rule.code} rule [bold]{m.rule.id}[/] pattern \"{m.pattern.text}\" "
                      f"trigger \"{trig}\" ({m.words} words): {state}")
        for e in a.events:
            con.print(f"[bold green]event[/] {e.code} {cameo.lookup(e.code).name}: trigger \"{e.trigger}\" "
                      f"[{e.start}:{e.end}] source {e.source} ({e.source_text or '-'}; {e.why_source or 'none found'}) "
                      f"target {e.target} ({e.target_text or '-'}; {e.why_target or 'none found'})")
    return 0


# -- codes -------------------------------------------------------------------------------------------

def _codes(args) -> int:
    from rich.console import Console
    from rich.table import Table

    q = args.query.strip().lower()
    rows = [c for c in cameo.codebook().values()
            if not q or c.code.startswith(q) or all(w in c.name.lower() for w in q.split())]
    t = Table("code", "name", "goldstein", "quad", "PLOVER")
    for c in rows:
        t.add_row(c.code, c.name, f"{c.goldstein:+.1f}", str(c.quad_class), c.plover)
    Console().print(t)
    return 0 if rows else 1


# -- rules ---------------------------------------------------------------------------------------------

def _authoring_files(args) -> tuple[list[Path], set[Path]]:
    given = rule_files(args.paths) if args.paths else []
    for p in args.paths:
        if not Path(p).exists():
            raise InputError(f"no such rule file or directory: {p}")
    chosen = {p.resolve() for p in given}
    if args.alone and given:
        return given, chosen
    shipped = rule_files([default_rules_dir()])
    # a file named like a shipped one takes its place in the order (rules that tie on a match are
    # broken by file order, so an edited copy must code as the shipped file would); others follow
    by_name = {p.name: p for p in given}
    files = [by_name.get(p.name, p) for p in shipped]
    files += [p for p in given if p not in files]
    return files, (chosen or {p.resolve() for p in shipped})


def _rules(args) -> int:
    files, focus = _authoring_files(args)
    ruleset = load_ruleset(files)
    coder = Coder(ruleset)
    if args.rules_command == "check":
        def in_focus(path: str) -> bool:
            return Path(path).resolve() in focus

        found = [w for w in ruleset.warnings if in_focus(w.path)] + lint(coder, in_focus)
        found.sort(key=lambda f: (f.path, f.line, f.column))
        for f in found:
            print(f.format())
        errors = sum(f.severity == "error" for f in found)
        patterns = sum(len(r.patterns) for r in ruleset.rules)
        print(f"{len(files)} files, {len(ruleset.rules)} rules, {patterns} patterns, "
              f"{ruleset.actors.size} actor names: {errors} errors, {len(found) - errors} warnings")
        return 1 if errors else 0
    rules = [r for r in ruleset.rules if Path(r.path).resolve() in focus]
    results = run_examples(coder, rules)
    failed = [r for r in results if not r.passed]
    for r in failed:
        print(r.describe())
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def _stats(args) -> int:
    from rich.console import Console
    from rich.table import Table

    st = stats(_load(_ruleset_paths(args)))
    if args.json:
        print(json.dumps(st, ensure_ascii=False, indent=2))
        return 0
    t = Table("root", "name", "rules", "patterns", "codes covered")
    for root, r in st["roots"].items():
        t.add_row(root, r["name"], str(r["rules"]), str(r["patterns"]), " ".join(r["codes"]))
    con = Console()
    con.print(t)
    con.print(f"{st['rules']} rules ({st['blocking_rules']} blocking), {st['patterns']} patterns, "
              f"{st['sets']} word sets, "
              f"{st['actor_names']} actor names; three-digit codes covered: "
              f"{st['three_digit_codes_covered']} of {st['three_digit_codes']}")
    con.print("codes with no rule: " + " ".join(st["codes_without_rule"]))
    return 0


def _coverage(args) -> int:
    from rich.console import Console
    from rich.table import Table

    ruleset = _load(_ruleset_paths(args))
    coder = Coder(ruleset)
    fields = Fields(text=args.text_field)
    bad = 0

    def texts():
        nonlocal bad
        for path in args.corpus:
            for rec in read_records(path, args.input_format, fields):
                if isinstance(rec, BadRecord):
                    bad += 1
                else:
                    yield rec.text

    cov = coverage(coder, texts())
    report = cov.as_dict(ruleset, args.top)
    report["records_failed"] = bad
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    con = Console()
    con.print(f"{cov.sentences} sentences, {cov.coded_sentences} with events ({report['share_with_events']:.1%}); "
              f"{bad} records failed")
    t = Table("code", "name", "events")
    for code, n in cov.code_counts.most_common(args.top):
        t.add_row(code, cameo.lookup(code).name, str(n))
    con.print(t)
    t = Table("rule", "fired")
    for rid, n in cov.rule_counts.most_common(args.top):
        t.add_row(rid, str(n))
    con.print(t)
    never = report["rules_never_fired"]
    more = " ..." if len(never) > args.top else ""
    con.print(f"{len(never)} rules never fired: " + " ".join(never[: args.top]) + more)
    t = Table("uncoded word near an actor", "count")
    for word, n in report["uncoded_trigger_like_words"]:
        t.add_row(word, str(n))
    con.print(t)
    return 0


def _new(args) -> int:
    directory = Path(args.dir) if args.dir else (Path("rules") if Path("rules").is_dir() else default_rules_dir())
    try:
        path = scaffold(directory, args.id, args.code)
    except ValueError as e:
        raise InputError(str(e)) from None
    print(f"added rule {args.id} ({args.code}) to {path}; fill in its patterns and examples, then run "
          f"`coder rules test {path}`")
    return 0


def _eval(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from .evaluate import evaluate

    coder = Coder(_load(_ruleset_paths(args)))
    con = Console(soft_wrap=True)
    out = {}
    for path in args.gold:
        if not os.path.isfile(path):
            raise InputError(f"no such gold file: {path}")
        try:
            report = evaluate(coder, path)
        except (ValueError, KeyError) as e:
            raise InputError(f"{path}: {e}") from None
        out[path] = report.as_dict()
        if args.json:
            continue
        t = Table("group" if report.kind == "gsr" else "root", "tp", "fp", "fn", "P", "R", "F1", title=path)
        for name, s in [*sorted(report.by_group.items()), ("overall", report.overall)]:
            t.add_row(name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
        con.print(t)
        for k, v in report.notes.items():
            con.print(f"{k.replace('_', ' ')}: {v}")
        for title, items in (("missed", report.misses), ("false alarm", report.false_alarms)):
            for rid, text, gold, coded in items[: args.show]:
                con.print(f"  {title} {rid} gold {gold} coded {coded}: {text[:200]}")
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
