#!/usr/bin/env python3
"""Capture round 827 of the compression corpus: Ruby, Perl, PHP and Lua tools in outputs the corpus lacks, on a basket
weaver's workshop written here (`withy`: rods, stakes, slews, waling, borders, basketmakers; sources in
capture_wide827_src.py) with faults put in: gemspecs missing fields, naming absent files, with a bad version, a syntax
error and open-ended dependencies; Ruby files with syntax errors; a slow slewing routine among fast ones; stake labels
a regex rejects; Test2::V0 tests whose deep checks fail (a rod count off by one, a missing waling key, an extra border
row, a die); PHP scripts raising deprecations, warnings, a TypeError and an uncaught exception; Lua code that warns
(also from a __gc metamethod) and errors; badly documented Lua modules with unused, global and misspelt variables.

Kinds (rules in NEEDLES.md's "Round 827" section), all NEW: gem-build, ruby-yydebug, perl-benchmark-cmpthese,
perl-re-debug, perl-test2-v0, php-error-log, php-opcache-dump, lua-warnings, ldoc, luacheck-plain, luacheck-junit,
luacheck-tap. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide827.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide827.json  as {"version": 2, "items": [...]}, ids prefixed "wide827-".
Tools:   Debian bookworm's ruby 3.1.2 (gem 3.3.15), perl 5.36.0, libtest2-suite-perl 0.000145, php8.2-cli 8.2.36
         (opcache), lua5.4 5.4.4, lua-ldoc 1.4.6, lua-check 1.1.0 (apt-get install, run as root).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
import capture_wide827_src as src  # noqa: E402

ID_PREFIX = "wide827-"
DEFAULT_OUT = HERE / "data" / "wide827.json"
TMP = Path("/dev/shm/hm-corpus-wide827-run")
TOOLS = Path("/dev/shm/hm-corpus-wide827")
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
BINS = ["ruby", "gem", "perl", "prove", "php", "lua5.4", "ldoc", "luacheck"]


def ensure_tools() -> None:
    TOOLS.mkdir(parents=True, exist_ok=True)
    if not all(shutil.which(b) for b in BINS) or cm.run("perl -MTest2::V0 -e1").strip():
        cm.run("apt-get install -y --no-install-recommends ruby php-cli lua5.4 libtest2-suite-perl lua-ldoc "
               "lua-check", timeout=600)
    assert all(shutil.which(b) for b in BINS), "a tool is missing"


# ================================================================== extractors (NEEDLES.md, round 827)

EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


@cm.kind("gem-build", "pkg")
def n_gem_build(lines):
    """every ERROR: line and the message line after it; WARNING: lines one {"any"} per (message shape, gemspec); the Successfully built line with Name/Version/File"""
    out, warns, spec = [], [], ""
    for i, ln in enumerate(lines):
        m = re.search(r"(\S+\.gemspec)", ln)
        if m and not ln.startswith("WARNING"):
            spec = m.group(1)
        if ln.startswith("ERROR:") or re.match(r"^Invalid gemspec", ln):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s+\S", 1))
        elif ln.startswith("WARNING:"):
            if "See https://" in ln or "See http://" in ln:
                continue
            warns.append(((cm.mask(ln), spec), ln))
        elif re.match(r"^\s*Successfully built RubyGem", ln) or re.match(r"^\s*(Name|Version|File): ", ln):
            out.append(ln)
    return out + cm.groups(warns) + _exit(lines)


@cm.kind("ruby-yydebug", "build")
def n_ruby_yydebug(lines):
    """every line naming a source location (syntax errors; warnings one {"any"} per (shape, file)), the first Starting parse line, the last non-blank line"""
    out, warns = [], []
    for ln in lines:
        m = re.match(r"^([\w./-]+\.rb):(\d+): (warning: )?", ln)
        if m and m.group(3):
            warns.append(((cm.mask(ln[m.end():]), m.group(1)), ln))
        elif m or re.search(r"\.rb:\d+: .*(syntax error|error)", ln):
            out.append(ln)
    out.append(next((ln for ln in lines if ln.startswith("Starting parse")), None))
    last = [ln for ln in lines if ln.strip() and not EXIT.match(ln)]
    if last:
        out.append(last[-1])
    return out + cm.groups(warns) + _exit(lines)


@cm.kind("perl-benchmark-cmpthese", "table")
def n_cmpthese(lines):
    """Benchmark: lines, every contender timing line, the chart header and every chart row; too-few-iterations warnings one {"any"}"""
    out, warns = [], []
    in_chart = False
    for ln in lines:
        if ln.startswith("Benchmark:"):
            out.append(ln)
        elif re.match(r"^\s*[\w-]+:\s+-?\d+ wallclock secs", ln) or re.match(r"^\s*[\w-]+:\s+.*@ .*/s \(n=", ln):
            if "too few iterations" in ln:
                warns.append(("few", ln))
            else:
                out.append(ln)
        elif "too few iterations" in ln:
            warns.append(("few", ln))
        elif re.match(r"^\s+(Rate|s/iter)\s", ln):
            out.append(ln)
            in_chart = True
        elif in_chart and re.match(r"^[\w-]+\s+[\d.]+/?s?", ln):
            out.append(ln)
        elif in_chart and not ln.strip():
            in_chart = False
        elif re.search(r" at \S+ line \d+", ln):
            out.append(ln)
    return out + cm.groups(warns) + _exit(lines)


RE_VERDICT = re.compile(r"^\s*(Match successful!|Match failed|Match possible, but length=|Did not find (floating|anchored) "
                        r"substr)")
RE_TRACE = re.compile(r"^(\s|Compiling|Matching|Final|Freeing|Enabling|Guessing|Found|Match|Did not|Contradicts|"
                      r"Starting|Whole|String|Intuit|minlen|anchored|floating|stclass|synthetic|rarest|first|"
                      r"Peep|~|<|>|\d|\[|\{|Regexp|Restoring|checking|No|Setting|Substrs|\(|EXACT|BOUND|Anchor|"
                      r"program|Optimizing|Moving|This|Checking|Not|By|  |regmatch|start|\$|-|re_|pos|Can't trie)")


@cm.kind("perl-re-debug", "log")
def n_re_debug(lines):
    """every Compiling REx and Matching REx line, every verdict line (Match successful!/failed/possible, Did not find), the program's own output lines, rule 1 lines"""
    out = []
    for ln in lines:
        if ln.startswith("Compiling REx") or ln.startswith("Matching REx") or RE_VERDICT.match(ln):
            out.append(ln)
        elif re.search(r" at \S+ line \d+\.?$", ln) and re.search(r"(?i)error|died|can't|not |uninitialized", ln):
            out.append(ln)
        elif ln.strip() and not RE_TRACE.match(ln) and not EXIT.match(ln):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("perl-test2-v0", "test")
def n_test2(lines):
    """not ok lines, the first # Failed test line and its # at line (where no not ok line shows: every # Failed test line and its # at line, and the (Wstat: lines), table header (first of each) and every table data row, seed line, closing lines, rule 1 lines"""
    out, headers = [], set()
    quiet = not any(re.match(r"^\s*not ok \d+", ln) for ln in lines)  # prove without -v shows no test lines
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^not ok \d+", s):
            out.append(ln)
            f = cm.next_match(lines, i, r"#\s+Failed test", 6)
            out.append(f)
            if f:
                j = lines.index(f, i)
                out.append(cm.next_match(lines, j - 1, r"#\s+at \S+ line \d+", 6))
        elif re.match(r"^#\s*\|.*\|\s*$", s):
            cells = [c.strip() for c in s.lstrip("#").strip().strip("|").split("|")]
            if all(re.fullmatch(r"[A-Z]+", c or "X") for c in cells) and "GOT" in cells:
                key = tuple(cells)
                if key not in headers:
                    headers.add(key)
                    out.append(ln)
            else:
                out.append(ln)
        elif quiet and re.match(r"^#\s+Failed test", s):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"#\s+at \S+ line \d+", 2))
        elif re.search(r"\(Wstat: \d+", s):
            out.append(ln)
        elif re.match(r"^# Seeded srand with seed", s):
            out.append(ln)
        elif re.match(r"^(1\.\.\d+|# Looks like you failed|# Looks like your test exited|Failed \d+/\d+ subtests|"
                      r"Result: |Files=\d+|Failed Test|Dubious, test returned)", s):
            out.append(ln)
        elif re.search(r"(died|Can't locate|no rods to slew)", s) and "Failed test" not in s:
            out.append(ln)
    return out + _exit(lines)


@cm.kind("php-error-log", "log")
def n_php_error_log(lines):
    """every PHP Fatal/Parse error line with the first #0 frame and the thrown in line after it; Warning/Deprecated/Notice one {"any"} per (level, shape, file)"""
    out, warns = [], []
    for i, ln in enumerate(lines):
        m = re.search(r"PHP (Fatal error|Parse error|Warning|Deprecated|Notice):\s+(.*)", ln)
        if not m:
            continue
        if m.group(1) in ("Fatal error", "Parse error"):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^#0 ", 6))
            out.append(cm.next_match(lines, i, r"thrown in ", 8))
        else:
            f = re.search(r" in (\S+) on line \d+", m.group(2))
            msg = re.sub(r" in \S+ on line \d+$", "", m.group(2))
            warns.append(((m.group(1), cm.mask(msg), f.group(1) if f else ""), ln))
    return out + cm.groups(warns) + _exit(lines)


@cm.kind("php-opcache-dump", "code")
def n_opcache(lines):
    """every function header line and the first ; (lines=N, args=N ...) line after it; rule 1 lines of the run"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(\$_main|[\w\\]+(::[\w]+)?|\{closure\}|[\w\\]+::\{closure\}):\s*(; .*)?$", ln):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^; \(lines=\d+", 3))
        elif re.search(r"(Fatal error|Warning|Deprecated|Parse error):", ln):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("lua-warnings", "log")
def n_lua_warn(lines):
    """Lua warning lines one {"any"} per message shape; a runtime error line and the first frame under stack traceback; the script's summary line"""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if ln.startswith("Lua warning: "):
            warns.append((cm.mask(ln), ln))
        elif re.match(r"^lua(5\.4)?: ", ln):
            out.append(ln)
            tb = cm.next_match(lines, i, r"^stack traceback:", 6)
            if tb:
                out.append(cm.next_match(lines, lines.index(tb, i), r"^\s+\S+\.lua:\d+:", 4))
        elif re.match(r"^(total|woven) ", ln):
            out.append(ln)
    return out + cm.groups(warns) + _exit(lines)


@cm.kind("ldoc", "doc")
def n_ldoc(lines):
    """every error line; F:N: warnings one {"any"} per (message shape, file); the output written to line"""
    out, warns = [], []
    for ln in lines:
        m = re.match(r"^([\w./-]+\.lua):(\d+):\s*(\S*?):?\s(.*)$", ln)
        if re.search(r"(?i)\berror\b|^ldoc: |^lua5?\.?\d?: ", ln):
            out.append(ln)
        elif m:
            warns.append(((cm.mask(m.group(4)), m.group(1)), ln))
        elif re.match(r"^output written to ", ln):
            out.append(ln)
    return out + cm.groups(warns) + _exit(lines)


LC_LINE = re.compile(r"([\w./-]+\.lua):(\d+):(\d+)(?:-\d+)?:? \(([EW])(\d+)\)")


@cm.kind("luacheck-plain", "lint")
def n_lc_plain(lines):
    """every error line (E codes, syntax errors); one {"any"} per (warning code, file)"""
    out, warns = [], []
    for ln in lines:
        m = LC_LINE.search(ln)
        if m and m.group(4) == "E":
            out.append(ln)
        elif m:
            warns.append(((m.group(5), m.group(1)), ln))
        elif re.search(r"(?i)error|Critical", ln):
            out.append(ln)
    return out + cm.groups(warns) + _exit(lines)


@cm.kind("luacheck-junit", "lint")
def n_lc_junit(lines):
    """the <testsuite line; every <error line; <failure lines one {"any"} per (code, file)"""
    out, warns = [], []
    for ln in lines:
        if re.match(r"^\s*<testsuite ", ln):
            out.append(ln)
        elif re.match(r"^\s*<error", ln):
            out.append(ln)
        elif re.match(r"^\s*<failure", ln):
            t = re.search(r'type="([EW])(\d+)"', ln)
            code = t.group(1) + t.group(2) if t else cm.mask(ln)
            if t and t.group(1) == "E":
                out.append(ln)
            else:
                f = re.search(r'([\w./-]+\.lua)', ln)
                warns.append(((code, f.group(1) if f else ""), ln))
    return out + cm.groups(warns) + _exit(lines)


@cm.kind("luacheck-tap", "lint")
def n_lc_tap(lines):
    """the 1..N plan line; every not ok line that is an error; warnings one {"any"} per (code, file)"""
    out, warns = [], []
    for ln in lines:
        if re.match(r"^1\.\.\d+", ln):
            out.append(ln)
        elif ln.startswith("not ok"):
            m = LC_LINE.search(ln)
            if not m or m.group(4) == "E":
                out.append(ln)
            else:
                warns.append(((m.group(5), m.group(1)), ln))
    return out + cm.groups(warns) + _exit(lines)


# ================================================================== steps

def _tree(tmp: Path, name: str, files: dict) -> Path:
    d = tmp / name
    cm.write_tree(d, files)
    return d


def step_gem(tmp: Path) -> None:
    d = _tree(tmp, "withy-gem", {**src.ruby_lib(6), "withy.gemspec": src.GEMSPEC_WARN,
                                 "withy-slew.gemspec": src.GEMSPEC_MISSING_FILE,
                                 "withy-border.gemspec": src.GEMSPEC_NO_SUMMARY,
                                 "withy-waling.gemspec": src.GEMSPEC_BAD_VERSION,
                                 "withy-stake.gemspec": src.GEMSPEC_SYNTAX, "withy-rods.gemspec": src.GEMSPEC_OK})
    big = _tree(tmp, "withy-gem-big", {**src.ruby_lib(60), "withy.gemspec": src.GEMSPEC_WARN,
                                       "withy-rods.gemspec": src.GEMSPEC_OK})
    cap("gem-build-warn", "gem build withy.gemspec; echo EXIT=$?", d, n_gem_build)
    cap("gem-build-missing-file", "gem build withy-slew.gemspec 2>&1; gem build withy-border.gemspec 2>&1; "
        "gem build withy-waling.gemspec; echo EXIT=$?", d, n_gem_build)
    cap("gem-build-all", "for g in *.gemspec; do echo \"== $g\"; gem build \"$g\" 2>&1; done; echo EXIT=$?", d,
        n_gem_build)
    cap("gem-build-strict", "gem build --strict withy.gemspec 2>&1; gem build --strict withy-rods.gemspec 2>&1; "
        "echo EXIT=$?", big, n_gem_build)


def step_yydebug(tmp: Path) -> None:
    d = _tree(tmp, "withy-rb", {"border.rb": src.RB_MISSING_END, "rods.rb": src.RB_BAD_TOKEN,
                                "waling.rb": src.RB_WARN_OK, "lib/weave_s.rb": src.rb_weave(4, True),
                                "lib/weave_m.rb": src.rb_weave(14, True), "lib/weave_ok.rb": src.rb_weave(6, False)})
    cap("ruby-y-bad-token", "ruby -y rods.rb 2>&1; echo EXIT=$?", d, n_ruby_yydebug)
    cap("ruby-y-missing-end", "ruby -y border.rb 2>&1 | tail -n 300; echo EXIT=$?", d, n_ruby_yydebug)
    cap("ruby-y-warn", "ruby -wy waling.rb 2>&1; echo EXIT=$?", d, n_ruby_yydebug)
    cap("ruby-y-weave-s", "ruby -y -c lib/weave_s.rb 2>&1 | tail -n 1200", d, n_ruby_yydebug)
    cap("ruby-y-weave-m-tail", "ruby -y -c lib/weave_m.rb 2>&1 | tail -n 150", d, n_ruby_yydebug)
    cap("ruby-y-weave-ok", "ruby --yydebug -c lib/weave_ok.rb 2>&1 | tail -n 1200; echo EXIT=$?", d, n_ruby_yydebug)


def step_bench(tmp: Path) -> None:
    d = _tree(tmp, "withy-bench", {"bench8.pl": src.perl_bench(8, "-0.2"), "bench12.pl": src.perl_bench(12, "-0.1"),
                                   "bench20.pl": src.perl_bench(20, "-0.1"),
                                   "bench_all.pl": src.perl_bench(5, "-0.2", "all"),
                                   "timethese.pl": src.PERL_TIMETHESE})
    cap("cmpthese-8", "nice perl bench8.pl; echo EXIT=$?", d, n_cmpthese, timeout=120)
    cap("cmpthese-12", "nice perl bench12.pl 2>&1 | grep -v 'too few iterations'", d, n_cmpthese, timeout=120)
    cap("cmpthese-20", "nice perl bench20.pl 2>&1", d, n_cmpthese, timeout=120)
    cap("cmpthese-all", "nice perl bench_all.pl 2>&1", d, n_cmpthese, timeout=120)
    cap("timethese-few", "nice perl timethese.pl 2>&1; echo EXIT=$?", d, n_cmpthese, timeout=120)


def step_re(tmp: Path) -> None:
    d = _tree(tmp, "withy-re", {"labels.pl": src.PERL_RE_SMALL, "labels8.pl": src.perl_re(8),
                                "labels30.pl": src.perl_re(30)})
    cap("re-debug-small", "perl labels.pl 2>&1", d, n_re_debug)
    cap("re-debug-execute-8", "perl labels8.pl 2>&1; echo EXIT=$?", d, n_re_debug)
    cap("re-debug-execute-30", "perl labels30.pl 2>&1 | head -n 1500", d, n_re_debug)
    cap("re-debug-cmdline", "perl -Mre=debug -e '\"slew-3x waling-12\" =~ /(\\w+)-(\\d+)\\b/ and print \"$1 $2\\n\"' "
        "2>&1", d, n_re_debug)


def step_test2(tmp: Path) -> None:
    d = _tree(tmp, "withy-t2", {"lib/Withy/Basket.pm": src.PERL_LIB, "t/01-basket.t": src.PERL_T2_SMALL,
                                "t/02-subtests.t": src.perl_t2(8), "t/03-many.t": src.perl_t2(40),
                                "t/04-seeded.t": "use Test2::V0;\nuse Test2::Plugin::SRand;\n"
                                + src.perl_t2(5).split("\n", 1)[1]})
    cap("test2-small", "perl -Ilib t/01-basket.t 2>&1; echo EXIT=$?", d, n_test2)
    cap("test2-subtests", "perl -Ilib t/02-subtests.t 2>&1", d, n_test2)
    cap("test2-many", "perl -Ilib t/03-many.t 2>&1; echo EXIT=$?", d, n_test2)
    cap("test2-prove-v", "prove -lv t/01-basket.t t/04-seeded.t 2>&1; echo EXIT=$?", d, n_test2)
    cap("test2-prove", "prove -l t 2>&1", d, n_test2)


def step_php_log(tmp: Path) -> None:
    d = _tree(tmp, "withy-php", {"deprecated.php": src.PHP_DEPRECATED, "slew.php": src.PHP_FATAL,
                                 "border.php": src.PHP_TYPE_ERROR, "bolts.php": src.php_rows(40),
                                 "bolts_big.php": src.php_rows(400, zero=True)})
    opts = "-d log_errors=1 -d display_errors=0 -d error_reporting=E_ALL -d html_errors=0"
    cap("php-log-deprecated", f"php {opts} -d error_log=dep.log deprecated.php; cat dep.log", d, n_php_error_log)
    cap("php-log-three", f"for f in deprecated.php slew.php border.php; do php {opts} -d error_log=three.log $f; "
        "done; echo EXIT=$?; cat three.log", d, n_php_error_log)
    cap("php-log-bolts", f"php {opts} -d error_log=bolts.log bolts.php; cat bolts.log", d, n_php_error_log)
    cap("php-log-bolts-big", f"php {opts} -d error_log=big.log bolts_big.php; echo EXIT=$?; cat big.log", d,
        n_php_error_log)
    cap("php-log-tail", f"php {opts} -d error_log=mix.log bolts_big.php; php {opts} -d error_log=mix.log slew.php; "
        "tail -n 40 mix.log", d, n_php_error_log)


def step_opcache(tmp: Path) -> None:
    d = _tree(tmp, "withy-opc", {"slew.php": src.PHP_FATAL, "border.php": src.PHP_TYPE_ERROR,
                                 "classes4.php": src.php_classes(4), "classes30.php": src.php_classes(30)})
    oc = "php -d opcache.enable_cli=1 -d opcache.file_update_protection=0"
    cap("opcache-dump-slew", f"{oc} -d opcache.opt_debug_level=0x20000 slew.php 2>&1; echo EXIT=$?", d, n_opcache)
    cap("opcache-dump-border-pre", f"{oc} -d opcache.opt_debug_level=0x10000 border.php 2>&1", d, n_opcache)
    cap("opcache-dump-classes4", f"{oc} -d opcache.opt_debug_level=0x20000 classes4.php 2>&1 | head -n 200", d,
        n_opcache)
    cap("opcache-dump-classes30", f"{oc} -d opcache.opt_debug_level=0x20000 classes30.php 2>&1; echo EXIT=$?", d,
        n_opcache)


def _lua_tree(tmp: Path, name: str, n: int) -> Path:
    files = {f"withy/{src.ident(src.NAMES[i % len(src.NAMES)])}{i}.lua": src.lua_module(i, True) for i in range(n)}
    files["config.ld"] = 'project = "withy"\ntitle = "Withy: a basket weaver\'s library"\nfile = "withy"\n'
    return _tree(tmp, name, files)


def step_lua_warn(tmp: Path) -> None:
    d = _tree(tmp, "withy-luaw", {"rods.lua": src.LUA_WARN_SMALL, "baskets.lua": src.lua_warn(12, False),
                                  "baskets_fail.lua": src.lua_warn(30, True), "big.lua": src.lua_warn(300, False)})
    cap("lua-warn-rods", "for f in rods.lua baskets.lua; do echo \"== $f\"; lua5.4 -W $f 2>&1; done; "
        "lua5.4 -W -e 'warn(\"stake count unknown\")' rods.lua 2>&1; echo EXIT=$?", d, n_lua_warn)
    cap("lua-warn-fail", "lua5.4 baskets_fail.lua 2>&1; echo EXIT=$?", d, n_lua_warn)
    cap("lua-warn-big", "lua5.4 big.lua 2>&1", d, n_lua_warn)


def step_ldoc(tmp: Path) -> None:
    s, m, b = _lua_tree(tmp, "withy-ldoc-s", 4), _lua_tree(tmp, "withy-ldoc-m", 24), _lua_tree(tmp, "withy-ldoc-b", 160)
    cap("ldoc-s", "ldoc -d /dev/shm/hm-corpus-wide827-run/doc-s . 2>&1; echo EXIT=$?", s, n_ldoc)
    cap("ldoc-m", "ldoc -d /dev/shm/hm-corpus-wide827-run/doc-m . 2>&1", m, n_ldoc)
    cap("ldoc-b", "ldoc -d /dev/shm/hm-corpus-wide827-run/doc-b . 2>&1", b, n_ldoc)


def step_luacheck(tmp: Path) -> None:
    s, m, b = _lua_tree(tmp, "withy-lc-s", 5), _lua_tree(tmp, "withy-lc-m", 30), _lua_tree(tmp, "withy-lc-b", 200)
    lc = "luacheck --no-color --codes"
    cap("luacheck-plain-s", f"{lc} --formatter plain withy; echo EXIT=$?", s, n_lc_plain)
    cap("luacheck-plain-m", f"{lc} --formatter plain withy", m, n_lc_plain)
    cap("luacheck-plain-b-ranges", f"{lc} --ranges --formatter plain withy 2>&1", b, n_lc_plain)
    cap("luacheck-junit-m", f"{lc} --formatter JUnit withy; echo EXIT=$?", m, n_lc_junit)
    cap("luacheck-junit-b", f"{lc} --formatter JUnit withy", b, n_lc_junit)
    cap("luacheck-tap-s", f"{lc} --formatter TAP withy; echo EXIT=$?", s, n_lc_tap)
    cap("luacheck-tap-b-std", f"{lc} --std lua54 --formatter TAP withy 2>&1", b, n_lc_tap)


STEPS = [step_gem, step_yydebug, step_bench, step_re, step_test2, step_php_log, step_opcache, step_lua_warn,
         step_ldoc, step_luacheck]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide827", sys.modules["__main__"])
    main()
