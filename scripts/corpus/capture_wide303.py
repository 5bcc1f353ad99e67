#!/usr/bin/env python3
"""Capture round 303 of the compression corpus: toolchains of Perl, PHP, Ruby, Lua, Erlang, Hy and Fortran beyond the
kinds the corpus sampled (perl -Mdiagnostics, B::Lint, perltidy, phploc, phpcpd, rdoc -C, gem build, luac -p / -l,
typer, PropEr, hy / hy2py, fprettify, fortran-linter). Small projects of the round's own in each language, made by a
seeded generator, with faults put in: runtime warnings and a fatal die, lint-worthy Perl, unbalanced Perl, duplicated
PHP, undocumented Ruby, gemspecs with missing files and fields, Lua files with syntax errors, properties that do not
hold, broken Hy programs, badly formatted Fortran.

Every kind is new; the extractors are this round's (NEEDLES.md, "Round 303"), written before capture. Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide303.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide303.json  as {"version": 2, "items": [...]}, ids prefixed "wide303-".
Needs:   Debian's perl, perltidy, libb-lint-perl, php-cli, phploc, phpcpd, ruby, lua5.4, erlang-base, erlang-dialyzer,
         erlang-proper(-dev); a venv at /dev/shm/hm-corpus-wide303-tools/venv with hy, fprettify, fortran-linter
         (made here when missing); typer's PLT (erts + stdlib) built there once.
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind, mask, write_tree  # noqa: E402

ID_PREFIX = "wide303-"
DEFAULT_OUT = HERE / "data" / "wide303.json"
TMP = Path("/dev/shm/hm-corpus-wide303/run")
TOOLS = Path("/dev/shm/hm-corpus-wide303-tools")
VENV = TOOLS / "venv"
PLT = TOOLS / "r303.plt"
ERL_BIN = "/usr/lib/erlang/bin"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, timeout=300, typed=None):
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, typed=typed)


def has(line: str, *words: str) -> bool:
    low = line.lower()
    return any(w in low for w in words)


# ------------------------------------------------------------------ the new extractors (NEEDLES.md, "Round 303")

PERL_AT = re.compile(r" at (\S+) line \d+")


@kind("perl-diagnostics", "log")
def n_perl_diagnostics(lines):
    """warning lines ending (#N) one {any} per (shape, file); Uncaught exception line + next non-blank; died/error lines"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if not ln.strip() or ln[0].isspace():
            continue
        if re.search(r"\(#\d+\)$", ln):
            m = PERL_AT.search(ln)
            pairs.append(((mask(re.sub(r"\(#\d+\)$", "", ln)), m.group(1) if m else ""), ln))
        elif "Uncaught exception from user code" in ln:
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if lines[k].strip():
                    out.append(lines[k])
                    break
        elif re.search(r"died|Died|error|Error", ln):
            out.append(ln)
    return out + groups(pairs)


LINT_HARD = ("syntax error", "Global symbol", "had compilation errors", "BEGIN failed")


@kind("perl-b-lint", "lint")
def n_perl_b_lint(lines):
    """findings one {any} per (message shape, file of 'at F line N'); syntax error/Global symbol/compilation lines"""
    out, pairs = [], []
    for ln in lines:
        if any(h in ln for h in LINT_HARD):
            out.append(ln)
            continue
        m = PERL_AT.search(ln)
        if m:
            pairs.append(((mask(ln[: m.start()]), m.group(1)), ln))
    return out + groups(pairs)


TIDY_WORDS = ("error", "missing", "unmatched", "un-matched", "unbalanced", "unexpected", "mismatch",
              "final nesting depth", "syntax")


@kind("perltidy-errors", "lint")
def n_perltidy(lines):
    """lines with error/missing/un-matched/unbalanced/unexpected/mismatch/final nesting depth/syntax + next 'N:' line; warnings {any} per (shape, file)"""
    out, pairs = [], []
    cur_file = ""
    for i, ln in enumerate(lines):
        m = re.match(r"^(\S+?): Begin Error Output Stream", ln) or re.match(r"^Perltidy error messages for file '(.*)'", ln)
        if m:
            cur_file = m.group(1)
        if has(ln, *TIDY_WORDS):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.match(r"^\d+:", lines[k]):
                    out.append(lines[k])
                    break
        elif has(ln, "warning"):
            fm = re.match(r"^(\S+?):", ln)
            pairs.append(((mask(ln), fm.group(1) if fm else cur_file), ln))
    return out + groups(pairs)


PHPLOC_LABELS = ("Lines of Code", "Maximum", "Average Complexity", "Classes", "Methods", "Functions")


@kind("phploc", "table")
def n_phploc(lines):
    """Directories/Files lines; every heading (unindented, no digit); lines labelled Lines of Code/Maximum/Average Complexity/Classes/Methods/Functions; error lines"""
    out = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if re.match(r"^\s*(Directories|Files)\b", ln):
            out.append(ln)
        elif not ln[0].isspace() and not re.search(r"\d", ln):
            out.append(ln)
        elif any(lbl in ln for lbl in PHPLOC_LABELS):
            out.append(ln)
        elif re.search(r"error|Error", ln):
            out.append(ln)
    return out


@kind("phpcpd", "lint")
def n_phpcpd(lines):
    """every clone location line (path:START-END, with or without '-'); the Found N clones line; the % duplicated line; error lines"""
    out = []
    for ln in lines:
        if re.match(r"^\s*(-\s+)?\S+:\d+-\d+", ln):
            out.append(ln)
        elif ln.startswith("Found ") and "clone" in ln:
            out.append(ln)
        elif "duplicated lines out of" in ln:
            out.append(ln)
        elif re.search(r"error|Error", ln):
            out.append(ln)
    return out


RDOC_COUNTS = re.compile(r"^\s*(Files|Classes|Modules|Constants|Attributes|Methods|Total):")
RDOC_ITEM = re.compile(r"^\s*(class |module |def |attr_\w+ |[A-Z]\w*(::\w+)* = )")


@kind("rdoc-coverage", "lint")
def n_rdoc_coverage(lines):
    """counts lines (Files:/Classes:/.../Total:), the N% documented line; the 'not documented' header and every item line after it; error/warning lines"""
    out = []
    listing = False
    for ln in lines:
        if RDOC_COUNTS.match(ln) or re.search(r"\d+(\.\d+)?% documented", ln):
            out.append(ln)
        elif "The following items are not documented" in ln:
            out.append(ln)
            listing = True
        elif listing and RDOC_ITEM.match(ln):
            out.append(ln)
        elif has(ln, "error", "warning"):
            out.append(ln)
    return out


@kind("gem-build", "build")
def n_gem_build(lines):
    """every ERROR: line + next non-blank; WARNING: lines one {any} per shape; Successfully built + Name:/Version:/File: lines"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("ERROR:"):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if lines[k].strip():
                    out.append(lines[k])
                    break
        elif s.startswith("WARNING:"):
            pairs.append((mask(s), ln))
        elif "Successfully built RubyGem" in s:
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 4)):
                if re.match(r"^\s*(Name|Version|File):", lines[k]):
                    out.append(lines[k])
    return out + groups(pairs)


@kind("luac-syntax", "build")
def n_luac_syntax(lines):
    """every line starting 'luac' (file:line: and the error)"""
    return [ln for ln in lines if ln.startswith("luac")]


@kind("luac-listing", "code")
def n_luac_listing(lines):
    """every function header line (main <...> / function <...>); every line starting 'luac'"""
    return [ln for ln in lines if re.match(r"^(main|function) <", ln) or ln.startswith("luac")]


@kind("erlang-typer", "code")
def n_erlang_typer(lines):
    """every '%% File:' line and every -spec line; error/failed lines with their FILE:N: line within six"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("%% File:") or ln.lstrip().startswith("-spec"):
            out.append(ln)
        elif has(ln, "error", "failed"):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.search(r"\S+\.erl:\d+", lines[k]):
                    out.append(lines[k])
                    break
    return out


@kind("erlang-proper", "test")
def n_erlang_proper(lines):
    """Testing lines of failed properties; Failed:/Error: lines; first line after each Failed: and Shrinking; last non-blank line"""
    out = []
    testing = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Testing "):
            testing = ln
        elif s.startswith("Failed:") or s.startswith("Error:") or re.match(r"^\.*(Failed|Error):", s):
            if testing:
                out.append(testing)
                testing = None
            out.append(ln)
            if "Failed:" in s:
                for k in range(i + 1, len(lines)):
                    if lines[k].strip():
                        out.append(lines[k])
                        break
        if "Shrinking" in s:
            for k in range(i + 1, len(lines)):
                if lines[k].strip():
                    out.append(lines[k])
                    break
    tail = [ln for ln in lines if ln.strip()]
    if tail:
        out.append(tail[-1])
    return out


@kind("hy-error", "log")
def n_hy_error(lines):
    """the last exception line, the innermost File line, every hy.errors./Error: line outside frames"""
    out = []
    exc = [i for i, ln in enumerate(lines) if re.match(r"^[\w.]+(Error|Exception|Exit)\b", ln)]
    if exc:
        out.append(lines[exc[-1]])
        files = [ln for ln in lines[: exc[-1]] if re.match(r'^\s*File "', ln)]
        if files:
            out.append(files[-1])
    for ln in lines:
        if ln.startswith("hy.errors.") or ("Error:" in ln and not re.match(r"^\s*File ", ln) and not ln.startswith(" ")):
            out.append(ln)
    return out


@kind("hy2py", "code")
def n_hy2py(lines):
    """first line of every def / async def / class; every line holding Error"""
    return [ln for ln in lines if re.match(r"^\s*(async def|def|class)\s", ln) or "Error" in ln]


@kind("fprettify", "lint")
def n_fprettify(lines):
    """---/+++ file headers and @@ hunk headers; WARNING lines {any} per (shape, file); ERROR: line + next"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if ln.startswith("--- ") or ln.startswith("+++ ") or ln.startswith("@@"):
            out.append(ln)
        elif "WARNING:" in ln:
            fm = re.search(r"File (\S+?),", ln)
            msg = ln
            if re.match(r"^\s*WARNING:\s*File \S+, line \d+\s*$", ln) and i + 1 < len(lines):
                msg = lines[i + 1]
            pairs.append(((mask(msg), fm.group(1) if fm else ""), ln))
        elif "ERROR:" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out + groups(pairs)


@kind("fortran-linter", "lint")
def n_fortran_linter(lines):
    """findings one {any} per (message shape, file); every error/Error line; closing count line"""
    out, pairs = [], []
    cur = ""
    for ln in lines:
        m = re.match(r"^(\S+?\.f\w*):\d+(:\d+)?:", ln)
        if m:
            cur = m.group(1)
            if not re.search(r"error", ln, re.I) and ln.rstrip().endswith(":"):
                continue
        if re.search(r"error", ln, re.I):
            out.append(ln)
        elif re.match(r"^\s*Warning:", ln) or (m and ln[m.end():].strip()):
            pairs.append(((mask(ln.split("Warning:")[-1] if "Warning:" in ln else ln[m.end():]), cur), ln))
        elif re.match(r"^\s*(Found|Total|\d+ (errors?|warnings?))", ln):
            out.append(ln)
    return out + groups(pairs)


# ------------------------------------------------------------------ material: Perl (a market stall's ledger)

ITEMS_W = ["apples", "pears", "quince", "plums", "cider", "honey", "eggs", "cheese", "bread", "jam", "leeks", "kale"]


def gen_perl_ledger(rng: random.Random, n_rows: int, n_subs: int) -> str:
    """A ledger script that warns at run time in several ways and dies at the end."""
    subs, calls = [], []
    kinds = ["uninit_concat", "numeric", "uninit_add", "substr", "sprintf", "splice", "closed", "odd_hash",
             "uninit_cmp", "reverse", "join_undef", "hex"]
    for k in range(n_subs):
        what = kinds[k % len(kinds)]
        name = f"{what}_{rng.choice(ITEMS_W)}_{k}"
        body = {
            "uninit_concat": 'my ($r) = @_; my $note = $r->{note}; return "row $r->{id}: " . $note;',
            "numeric": 'my ($r) = @_; my $q = $r->{qty_text}; return $q * 2;',
            "uninit_add": 'my ($r) = @_; return $r->{price} + $r->{missing_discount};',
            "substr": 'my ($r) = @_; my $s = substr($r->{code}, 40, 2); return defined $s ? $s : "";',
            "sprintf": 'my ($r) = @_; return sprintf("%s %d %s", $r->{id});',
            "splice": 'my ($r) = @_; my @a = (1, 2); splice(@a, 5, 1); return scalar @a;',
            "closed": 'my ($r) = @_; open(my $fh, "<", "/dev/null"); close $fh; my $l = <$fh>; return 0;',
            "odd_hash": 'my ($r) = @_; my %h = (a => 1, "b"); return scalar keys %h;',
            "uninit_cmp": 'my ($r) = @_; return ($r->{unset} == 3) ? 1 : 0;',
            "reverse": 'my ($r) = @_; my $x = reverse undef; return 0;',
            "join_undef": 'my ($r) = @_; return join(",", $r->{id}, undef, $r->{qty});',
            "hex": 'my ($r) = @_; return hex("zz$r->{id}");',
        }[what]
        subs.append(f"sub {name} {{\n    {body}\n}}\n")
        calls.append(name)
    rows = []
    for i in range(n_rows):
        rows.append(f'    {{ id => {i + 1}, qty => {rng.randint(1, 40)}, qty_text => "{rng.choice(["3 boxes", "dozen", "12", "x4"])}", '
                    f'price => {rng.randint(1, 900) / 100:.2f}, code => "{rng.choice(ITEMS_W)[:3].upper()}{i}", '
                    f'{"note => " + repr("paid cash") + ", " if rng.random() < 0.5 else ""}}},')
    return ("use strict;\nuse warnings;\n\n" + "".join(subs) + "\nmy @rows = (\n" + "\n".join(rows) + "\n);\n"
            + "my $total = 0;\nfor my $r (@rows) {\n"
            + "".join(f"    $total += ({c}($r) =~ /(\\d+)/ ? $1 : 0) if $r->{{id}} % {1 + j % 4} == 0;\n"
                      for j, c in enumerate(calls))
            + "}\nprint \"ledger total: $total over \", scalar(@rows), \" rows\\n\";\n"
            + 'die "ledger does not balance: till short by " . ($total % 97) . " pence\\n" if $total % 97;\n')


def gen_perl_lintable(rng: random.Random, pkg: str, n: int) -> str:
    parts = [f"package {pkg};\nuse strict;\nuse warnings;\n\nsub new {{ my $c = shift; return bless {{ rows => [] }}, $c }}\n"
             "sub _internal_sum { my $s = shift; my $t = 0; $t += $_ for @{ $s->{rows} }; return $t }\n"]
    for k in range(n):
        w = rng.choice(ITEMS_W)
        style = k % 7
        if style == 0:
            parts.append(f"sub count_{w}_{k} {{ my @list = @_; my $n = @list; return $n }}\n")
        elif style == 1:
            parts.append(f"sub print_{w}_{k} {{ for (@_) {{ print; print \"\\n\" }} }}\n")
        elif style == 2:
            parts.append(f"sub peek_{w}_{k} {{ my $o = Stall::Till->new; return $o->_drawer_total + 1 }}\n")
        elif style == 3:
            parts.append(f"sub match_{w}_{k} {{ my $s = shift; return $& if $s =~ /{w[:3]}/; return '' }}\n")
        elif style == 4:
            parts.append(f"sub call_{w}_{k} {{ return restock_{w}(shift) }}\n")
        elif style == 5:
            parts.append(f"sub chomp_{w}_{k} {{ while (<STDIN>) {{ chomp; return $_ }} }}\n")
        else:
            parts.append(f"sub size_{w}_{k} {{ my @a = @_; if (@a > {k}) {{ return 1 }} my $l = length @a; return $l }}\n")
    return "".join(parts) + "\n1;\n"


def gen_perl_broken(rng: random.Random, i: int) -> str:
    good = [f"sub fine_{i}_{k} {{\n    my ($x) = @_;\n    return $x * {k + 1};\n}}\n" for k in range(rng.randint(3, 12))]
    fault = [
        "sub unclosed {\n    my ($x) = @_;\n    if ($x) {\n        return 1;\n    \n}\n",
        "sub paren {\n    my $t = (1 + (2 * 3);\n    return $t;\n}\n",
        "sub bracket {\n    my @a = [1, 2, 3;\n    return @a;\n}\n",
        "sub extra {\n    return 1;\n}\n}\n",
        "sub quote {\n    my $s = \"unterminated;\n    return $s;\n}\n",
        "sub mixed {\n    my %h = (a => [1, 2);\n    return %h;\n}\n",
    ][i % 6]
    pos = rng.randint(0, len(good))
    return "use strict;\nuse warnings;\n\n" + "".join(good[:pos]) + fault + "".join(good[pos:])


def step_perl(tmp: Path) -> None:
    rng = random.Random(30301)
    d = tmp / "stall"
    write_tree(d, {"ledger.pl": gen_perl_ledger(rng, 60, 12), "ledger_big.pl": gen_perl_ledger(rng, 400, 24),
                   "weekly.pl": gen_perl_ledger(rng, 25, 7)})
    cap("perl-diagnostics-ledger", "perl -Mdiagnostics ledger.pl", d, n_perl_diagnostics)
    cap("perl-diagnostics-big", "perl -Mdiagnostics ledger_big.pl 2>&1", d, n_perl_diagnostics)
    cap("perl-diagnostics-weekly-tail", "perl -Mdiagnostics weekly.pl 2>&1 | tail -n 60", d, n_perl_diagnostics)
    lint = tmp / "stall-lint"
    files = {f"lib/Stall/{name}.pm": gen_perl_lintable(rng, f"Stall::{name}", n)
             for name, n in [("Till", 14), ("Shelf", 30), ("Crate", 9), ("Ledger", 45)]}
    files["bin/close_day.pl"] = ("use strict;\nuse warnings;\nuse lib 'lib';\nuse Stall::Till;\n"
                                 "my @days = (1 .. 7);\nmy $n = @days;\nprint $total_takings, \"\\n\";\n"
                                 "for (@days) { print }\n")
    write_tree(lint, files)
    opts = "Lint,context,implicit-read,implicit-write,dollar-underscore,private-names,undefined-subs,regexp-variables"
    cap("perl-b-lint-shelf", f"perl -MO={opts} lib/Stall/Shelf.pm", lint, n_perl_b_lint)
    cap("perl-b-lint-all", f"for f in lib/Stall/*.pm bin/close_day.pl; do perl -Ilib -MO={opts} $f; done 2>&1", lint,
        n_perl_b_lint)
    cap("perl-b-lint-ledger-all", "perl -MO=Lint,all lib/Stall/Ledger.pm", lint, n_perl_b_lint)
    tidy = tmp / "stall-tidy"
    write_tree(tidy, {f"lib/part{i:02d}.pl": gen_perl_broken(rng, i) for i in range(12)})
    cap("perltidy-se-loop", "for f in lib/*.pl; do perltidy -se -st \"$f\" >/dev/null; done 2>&1", tidy, n_perltidy)
    cap("perltidy-err-files", "perltidy lib/part0[0-5].pl; cat lib/*.ERR", tidy, n_perltidy)


# ------------------------------------------------------------------ material: PHP (a parcel locker service)

def gen_php_class(rng: random.Random, ns: str, name: str, n_methods: int, shared: list[str]) -> str:
    meths = []
    for k in range(n_methods):
        if shared and rng.random() < 0.35:
            meths.append(rng.choice(shared).replace("METHOD", f"m{k}{rng.choice(ITEMS_W)}"))
            continue
        branches = "".join(f"        if ($v > {rng.randint(1, 99)}) {{ $acc += {rng.randint(1, 9)}; }}\n"
                           for _ in range(rng.randint(0, 6)))
        meths.append(f"    /** Step {k}. */\n    public function step{k}(int $v): int\n    {{\n        $acc = {k};\n"
                     f"{branches}        return $acc;\n    }}\n")
    props = "".join(f"    private int ${rng.choice(ITEMS_W)}{j} = {j};\n" for j in range(rng.randint(0, 4)))
    return f"<?php\n\nnamespace {ns};\n\nfinal class {name}\n{{\n{props}\n" + "\n".join(meths) + "}\n"


def shared_php_blocks(rng: random.Random, n: int) -> list[str]:
    out = []
    for b in range(n):
        lines = "".join(f"            $slot['{rng.choice(ITEMS_W)}'] = ($row[{j}] ?? 0) * {rng.randint(2, 9)} + {j};\n"
                        for j in range(rng.randint(8, 16)))
        out.append(f"    public function METHOD(array $rows): array\n    {{\n        $out = [];\n"
                   f"        foreach ($rows as $row) {{\n            $slot = [];\n{lines}"
                   f"            $out[] = $slot;\n        }}\n        return $out;\n    }}\n")
    return out


def step_php(tmp: Path) -> None:
    rng = random.Random(30302)
    d = tmp / "locker"
    shared = shared_php_blocks(rng, 5)
    files = {}
    for mod, n_cls in [("Dispatch", 9), ("Billing", 6), ("Lockers", 14)]:
        for c in range(n_cls):
            files[f"src/{mod}/{mod}{c}.php"] = gen_php_class(rng, f"Locker\\{mod}", f"{mod}{c}", rng.randint(3, 14),
                                                             shared if mod != "Billing" else [])
    files["src/Lockers/Broken.php"] = "<?php\nnamespace Locker\\Lockers;\nclass Broken {\n    public function open( {\n}\n"
    files["tests/LockerTest.php"] = gen_php_class(rng, "Locker\\Tests", "LockerTest", 6, [])
    write_tree(d, files)
    cap("phploc-src", "phploc src", d, n_phploc)
    cap("phploc-tests-count", "phploc --count-tests src tests", d, n_phploc)
    cap("phploc-billing", "phploc src/Billing", d, n_phploc)
    cap("phpcpd-src", "phpcpd src", d, n_phpcpd)
    cap("phpcpd-fuzzy", "phpcpd --fuzzy --min-lines 8 src/Dispatch src/Lockers", d, n_phpcpd)


# ------------------------------------------------------------------ material: Ruby (a greenhouse controller gem)

def gen_ruby_lib(rng: random.Random, mod: str, n_classes: int) -> str:
    out = [f"# The {mod.lower()} part of the greenhouse controller.\nmodule {mod}\n"]
    for c in range(rng.randint(1, 4)):
        out.append(f"  LIMIT_{c} = {rng.randint(1, 90)}\n")
    for c in range(n_classes):
        cname = f"{rng.choice(['Vent', 'Heater', 'Mister', 'Sensor', 'Shade', 'Valve', 'Fan', 'Lamp'])}{c}"
        if rng.random() < 0.5:
            out.append(f"  # Drives one {cname.lower()}.\n")
        out.append(f"  class {cname}\n")
        for a in range(rng.randint(0, 3)):
            out.append(f"    attr_{rng.choice(['reader', 'accessor', 'writer'])} :{rng.choice(ITEMS_W)}_{a}\n")
        for m in range(rng.randint(1, 7)):
            if rng.random() < 0.45:
                out.append(f"    # Step {m} of the cycle.\n")
            out.append(f"    def step_{m}(level, margin = {m})\n      level * {rng.randint(2, 9)} - margin\n    end\n")
        out.append("  end\n")
    out.append("end\n")
    return "".join(out)


GEMSPECS = {
    "missing_files": '''Gem::Specification.new do |s|
  s.name = "greenhouse-ctl"
  s.version = "0.4.2"
  s.authors = ["Greenhouse Team"]
  s.summary = "Controls vents, heaters and misters"
  s.license = "MIT"
  s.homepage = "https://example.invalid/greenhouse"
  s.files = Dir["lib/**/*.rb"] + ["README.md", "CHANGELOG.md", "bin/greenhouse"]
end
''',
    "warnings": '''Gem::Specification.new do |s|
  s.name = "greenhouse-sensors"
  s.version = "1.0.0.pre"
  s.authors = ["Greenhouse Team"]
  s.summary = "greenhouse-sensors"
  s.description = "greenhouse-sensors"
  s.files = Dir["lib/**/*.rb"]
  s.add_dependency "json"
  s.add_development_dependency "rake"
  s.add_runtime_dependency "nokogiri", ">= 1.0"
end
''',
    "bad_version": '''Gem::Specification.new do |s|
  s.name = "greenhouse-shade"
  s.version = "2.1.x-beta"
  s.authors = ["Greenhouse Team"]
  s.summary = "Shade motors"
  s.files = Dir["lib/**/*.rb"]
end
''',
    "no_summary": '''Gem::Specification.new do |s|
  s.name = "greenhouse-valves"
  s.version = "0.9.0"
  s.authors = []
  s.files = Dir["lib/**/*.rb"]
  s.required_ruby_version = ">= 2.0"
  s.metadata = { "homepage_uri" => "not a uri", "source_code_uri" => "ftp://x" }
end
''',
}


def step_ruby(tmp: Path) -> None:
    rng = random.Random(30303)
    d = tmp / "greenhouse"
    files = {f"lib/greenhouse/{m.lower()}.rb": gen_ruby_lib(rng, m, n)
             for m, n in [("Climate", 6), ("Irrigation", 9), ("Lighting", 4), ("Alarms", 12), ("Schedule", 7)]}
    files["lib/greenhouse/broken.rb"] = "module Broken\n  class Relay\n    def toggle(\n  end\nend\n"
    for name, body in GEMSPECS.items():
        files[f"{name}.gemspec"] = body
    write_tree(d, files)
    cap("rdoc-coverage-lib", "rdoc -C --quiet -o /dev/shm/hm-corpus-wide303/run/rdoc-out lib", d, n_rdoc_coverage,
        typed="rdoc -C lib")
    cap("rdoc-coverage-climate", "rdoc -C -o /dev/shm/hm-corpus-wide303/run/rdoc-out2 lib/greenhouse/climate.rb "
        "lib/greenhouse/lighting.rb", d, n_rdoc_coverage, typed="rdoc -C lib/greenhouse/climate.rb lib/greenhouse/lighting.rb")
    cap("rdoc-coverage-tail", "rdoc -C -o /dev/shm/hm-corpus-wide303/run/rdoc-out3 lib 2>&1 | tail -n 45", d,
        n_rdoc_coverage, typed="rdoc -C lib 2>&1 | tail -n 45")
    cap("gem-build-warnings", "gem build warnings.gemspec", d, n_gem_build)
    cap("gem-build-each", "for g in *.gemspec; do echo \"== $g\"; gem build \"$g\"; done 2>&1", d, n_gem_build)
    cap("gem-build-strict-each", "for g in no_summary warnings missing_files; do gem build --strict $g.gemspec; "
        "echo \"exit=$?\"; done 2>&1", d, n_gem_build)


# ------------------------------------------------------------------ material: Lua (a tram timetable tool)

def gen_lua_module(rng: random.Random, name: str, n_funcs: int) -> str:
    out = [f"-- {name}: part of the tram timetable tool\nlocal M = {{}}\n\nlocal STOPS = {{"
           + ", ".join(f'"{rng.choice(ITEMS_W)}{k}"' for k in range(rng.randint(3, 9))) + "}\n\n"]
    for k in range(n_funcs):
        style = k % 4
        if style == 0:
            out.append(f"function M.headway_{k}(times)\n  local gaps = {{}}\n  for i = 2, #times do\n"
                       f"    gaps[#gaps + 1] = times[i] - times[i - 1]\n  end\n  return gaps\nend\n\n")
        elif style == 1:
            out.append(f"local function fmt_{k}(mins)\n  return string.format(\"%02d:%02d\", mins // 60, mins % 60)\nend\n"
                       f"M.fmt_{k} = fmt_{k}\n\n")
        elif style == 2:
            out.append(f"function M.next_after_{k}(times, now)\n  for _, t in ipairs(times) do\n"
                       f"    if t > now + {rng.randint(0, 9)} then return t end\n  end\n  return nil\nend\n\n")
        else:
            out.append(f"M.route_{k} = setmetatable({{}}, {{ __index = function(t, key)\n"
                       f"  return function(...) return key, select('#', ...) end\nend }})\n\n")
    out.append("return M\n")
    return "".join(out)


LUA_FAULTS = [
    ("function M.broken(x)\n  return x +\nend\n", "dangling operator"),
    ("function M.broken(x)\n  if x then\n    return 1\nend\n", "missing end"),
    ("local t = { 1, 2, 3\nfunction M.broken() end\n", "unclosed table"),
    ("function M.broken(x)\n  x = = 3\nend\n", "double equals"),
    ("function M.broken()\n  local s = \"unterminated\nend\n", "unterminated string"),
    ("function M.broken()\n  goto nowhere\nend\n", "goto without label"),
    ("function M.broken()\n  for i = 1 do end\nend\n", "bad for"),
    ("function M.broken()\n  local 3x = 1\nend\n", "bad name"),
    ("function M.broken()\n  return 1 end end\n", "extra end"),
    ("function M.broken()\n  local x <close> = nil\n  local y <wrong> = 2\nend\n", "bad attribute"),
]


def step_lua(tmp: Path) -> None:
    rng = random.Random(30304)
    d = tmp / "tram"
    files = {}
    for i in range(90):
        body = gen_lua_module(rng, f"line{i:02d}", rng.randint(3, 14))
        if i % 3 == 1:
            fault = LUA_FAULTS[(i // 3) % len(LUA_FAULTS)][0]
            body = body.replace("return M\n", fault + "return M\n")
        files[f"src/line{i:02d}.lua"] = body
    files["src/network.lua"] = gen_lua_module(rng, "network", 60)
    files["src/depot.lua"] = gen_lua_module(rng, "depot", 160)
    write_tree(d, files)
    cap("luac-syntax-all", "for f in src/*.lua; do luac5.4 -p \"$f\"; done 2>&1", d, n_luac_syntax)
    cap("luac-syntax-find", "find src -name 'line[4-8]*.lua' -exec luac5.4 -p {} \\; 2>&1; echo EXIT=$?", d,
        n_luac_syntax)
    cap("luac-listing-network", "luac5.4 -l -p src/network.lua", d, n_luac_listing)
    cap("luac-listing-depot-head", "luac5.4 -l -p src/depot.lua | head -n 900", d, n_luac_listing)
    cap("luac-listing-line03", "luac5.4 -l -l -p src/line03.lua", d, n_luac_listing)


# ------------------------------------------------------------------ material: Erlang (a cold-store inventory)

def gen_erl_module(rng: random.Random, name: str, n: int) -> str:
    exports, funs = [], []
    for k in range(n):
        style = k % 6
        f = f"{['count', 'weigh', 'label', 'pick', 'age', 'route'][style]}_{k}"
        if style == 0:
            exports.append(f"{f}/1")
            funs.append(f"{f}(Items) -> lists:foldl(fun({{_, Q}}, A) -> A + Q end, 0, Items).\n")
        elif style == 1:
            exports.append(f"{f}/2")
            funs.append(f"{f}(Kg, Crates) when Crates > 0 -> Kg / Crates;\n{f}(_, _) -> undefined.\n")
        elif style == 2:
            exports.append(f"{f}/1")
            funs.append(f"{f}(N) when is_integer(N), N > {k} -> {{big, integer_to_list(N)}};\n"
                        f"{f}(A) when is_atom(A) -> atom_to_binary(A, utf8);\n{f}(_) -> <<\"none\">>.\n")
        elif style == 3:
            exports.append(f"{f}/2")
            funs.append(f"{f}(Key, Map) -> maps:get(Key, Map, {rng.randint(0, 9)}).\n")
        elif style == 4:
            exports.append(f"{f}/1")
            funs.append(f"{f}(Days) -> case Days of\n    D when D > {rng.randint(5, 30)} -> expired;\n"
                        f"    D -> {{ok, D}}\nend.\n")
        else:
            exports.append(f"{f}/1")
            funs.append(f"{f}(Bays) -> [{{B, length(atom_to_list(B))}} || B <- Bays, is_atom(B)].\n")
    return f"-module({name}).\n-export([{', '.join(exports)}]).\n\n" + "\n".join(funs)


PROPS_ERL = '''-module(store_props).
-include_lib("proper/include/proper.hrl").
-export([prop_reverse_twice/0, prop_sort_idempotent/0, prop_sort_is_identity/0, prop_crate_split/0,
         prop_bin_roundtrip/0, prop_weigh_positive/0, prop_dedupe/0, prop_map_merge/0, prop_age_bound/0,
         prop_label_length/0]).

prop_reverse_twice() -> ?FORALL(L, list(integer()), lists:reverse(lists:reverse(L)) =:= L).
prop_sort_idempotent() -> ?FORALL(L, list(integer()), lists:sort(lists:sort(L)) =:= lists:sort(L)).
prop_sort_is_identity() -> ?FORALL(L, list(integer()), lists:sort(L) =:= L).
prop_crate_split() -> ?FORALL({Kg, N}, {pos_integer(), pos_integer()}, Kg div N * N =< Kg - N).
prop_bin_roundtrip() -> ?FORALL(B, binary(), binary_to_list(list_to_binary(binary_to_list(B))) =:= binary_to_list(B)).
prop_weigh_positive() -> ?FORALL(L, list(integer()), lists:sum(L) >= 0).
prop_dedupe() -> ?FORALL(L, list(range(0, 5)), length(lists:usort(L)) =:= length(L)).
prop_map_merge() -> ?FORALL({A, B}, {map(atom(), integer()), map(atom(), integer())},
                            maps:size(maps:merge(A, B)) =< maps:size(A) + maps:size(B)).
prop_age_bound() -> ?FORALL(D, integer(0, 400), D < 365).
prop_label_length() -> ?FORALL(S, list(range($a, $z)), length(S) < 12).
'''


def step_erlang(tmp: Path) -> None:
    rng = random.Random(30305)
    d = tmp / "coldstore"
    files = {f"src/{m}.erl": gen_erl_module(rng, m, n) for m, n in
             [("bays", 18), ("crates", 30), ("dispatch", 12), ("intake", 42)]}
    files["src/broken_cold.erl"] = ("-module(broken_cold).\n-export([temp/1]).\n\ntemp(C) ->\n"
                                    "    case C of\n        low -> 2\n        high -> 8\n    end.\n")
    files["test/store_props.erl"] = PROPS_ERL
    write_tree(d, files)
    env_path = f"PATH={ERL_BIN}:$PATH"
    if PLT.exists():
        cap("erlang-typer-crates", f"{env_path} typer --plt {PLT} src/crates.erl", d, n_erlang_typer,
            typed="typer src/crates.erl")
        cap("erlang-typer-all", f"{env_path} typer --plt {PLT} src/bays.erl src/dispatch.erl src/intake.erl", d,
            n_erlang_typer, typed="typer src/bays.erl src/dispatch.erl src/intake.erl")
        cap("erlang-typer-show-exported", f"{env_path} typer --plt {PLT} --show-exported src/intake.erl src/bays.erl", d,
            n_erlang_typer, typed="typer --show-exported src/intake.erl src/bays.erl")
    else:
        cm.note("skip erlang-typer: no PLT")
    cm.run("mkdir -p ebin && erlc -o ebin test/store_props.erl", cwd=d)
    run_props = ("erl -noshell -pa ebin -eval 'R = proper:module(store_props, [{numtests, N}]), "
                 "io:format(\"~p~n\", [R]), halt().'")
    cap("erlang-proper-module", run_props.replace("N}", "200}"), d, n_erlang_proper)
    cap("erlang-proper-quiet-tail", run_props.replace("N}", "500}") + " 2>&1 | tail -n 40", d, n_erlang_proper)


# ------------------------------------------------------------------ material: Hy (a bakery order queue)

def gen_hy_program(rng: random.Random, n_defs: int, fault: str) -> str:
    out = ["(import json math)\n\n"]
    for k in range(n_defs):
        style = k % 4
        if style == 0:
            out.append(f"(defn price-{k} [qty unit]\n  \"Price of {k}.\"\n  (* qty unit {rng.randint(1, 9)}))\n\n")
        elif style == 1:
            out.append(f"(defclass Oven{k} [object]\n  (defn __init__ [self temp]\n    (setv self.temp temp))\n"
                       f"  (defn hot? [self]\n    (> self.temp {rng.randint(150, 250)})))\n\n")
        elif style == 2:
            out.append(f"(defn :async fetch-{k} [queue]\n  (await (queue.get)))\n\n")
        else:
            out.append(f"(defn batch-{k} [orders]\n  (lfor o orders :if (> (get o \"qty\") {rng.randint(0, 5)}) "
                       f"(get o \"name\")))\n\n")
    out.append(fault)
    return "".join(out)


def hy_chain(depth: int) -> str:
    """Stages that hand a call down `depth` frames, so a fault raised at the bottom has a real traceback."""
    out = [f"(defn stage-{k} [f #* args]\n  (stage-{k + 1} f #* args))\n\n" for k in range(depth)]
    out.append(f"(defn stage-{depth} [f #* args]\n  (f #* args))\n\n")
    return "".join(out)


HY_FAULTS = {
    "name": "(defn run []\n  (setv total (price-0 3 2))\n  (print (tally-orders total)))\n\n" + hy_chain(7)
            + "(defn main []\n  (stage-0 run))\n\n(main)\n",
    "type": "(defn run [orders]\n  (sum (lfor o orders (* (get o \"qty\") (get o \"unit\")))))\n\n" + hy_chain(5)
            + "(print (stage-0 run [{\"qty\" 2 \"unit\" 3} {\"qty\" \"two\" \"unit\" 3} {\"qty\" 1 \"unit\" None}]))\n",
    "key": "(defn lookup [book name]\n  (get book name))\n\n(defn run []\n  (lookup {\"rye\" 3 \"spelt\" 4} \"sourdough\"))\n\n"
           + hy_chain(9) + "(stage-0 run)\n",
}


def step_hy(tmp: Path) -> None:
    rng = random.Random(30306)
    d = tmp / "bakery"
    files = {f"{name}.hy": gen_hy_program(rng, rng.randint(4, 12), body) for name, body in HY_FAULTS.items()}
    files["orders.hy"] = gen_hy_program(rng, 90, "(print (price-0 2 3))\n")
    files["ovens.hy"] = gen_hy_program(rng, 26, "")
    write_tree(d, files)
    hy, hy2py = VENV / "bin" / "hy", VENV / "bin" / "hy2py"
    for name in HY_FAULTS:
        cap(f"hy-error-{name}", f"{hy} {name}.hy; echo EXIT=$?", d, n_hy_error, typed=f"hy {name}.hy; echo EXIT=$?")
    cap("hy2py-orders", f"{hy2py} orders.hy", d, n_hy2py, typed="hy2py orders.hy")
    cap("hy2py-ovens", f"{hy2py} ovens.hy", d, n_hy2py, typed="hy2py ovens.hy")
    cap("hy2py-type", f"{hy2py} type.hy", d, n_hy2py, typed="hy2py type.hy")


# ------------------------------------------------------------------ material: Fortran (a heat-diffusion solver)

def gen_fortran(rng: random.Random, name: str, n_procs: int) -> str:
    out = [f"module {name}\nimplicit none\ninteger,parameter::dp=kind(1.0d0)\ncontains\n"]
    for k in range(n_procs):
        ind = " " * rng.choice([0, 1, 2, 5])
        if k % 3 == 0:
            out.append(f"{ind}subroutine step{k}(u,n,dt)\n{ind}integer,intent(in)::n\nreal(dp),intent(inout)::u(n)\n"
                       f"real(dp),intent(in)::dt\n   integer::i\n do i=2,n-1\n      u(i)=u(i)+dt*(u(i-1)-2.0_dp*u(i)+u(i+1))\n"
                       f"  end do\n{ind}end subroutine step{k}\n")
        elif k % 3 == 1:
            out.append(f"real(dp) function energy{k}(u)\nreal(dp),intent(in)::u(:)\n   energy{k}=sum(u**2)*{rng.randint(1, 9)}.0_dp\n"
                       f"if(energy{k}>1.0e{rng.randint(2, 9)}_dp)then\nprint*,'energy blow-up',energy{k}\n"
                       f"      else if (energy{k}<0) then\n  stop 'negative energy'\nendif\nend function\n")
        else:
            out.append(f"  subroutine report{k}(u)\n real(dp),intent(in)::u(:)\n\tinteger :: j\n"
                       f"  write(*,'(a,i0,a,es12.4)')'cell ',size(u),' max ',maxval(u)\n"
                       f"  do j=1,size(u),{rng.randint(2, 8)}\n   if(u(j).gt.{rng.randint(1, 9)}.0_dp) print*,j,u(j)\n  enddo\n"
                       f"  end subroutine\n")
    out.append(f"end module {name}\n")
    return "".join(out)


def step_fortran(tmp: Path) -> None:
    rng = random.Random(30307)
    d = tmp / "heat"
    files = {f"src/{m}.f90": gen_fortran(rng, m, n) for m, n in
             [("diffuse", 5), ("boundary", 9), ("solver", 24), ("io_utils", 3)]}
    files["src/main.f90"] = ("program heat\nuse diffuse\nuse solver\nimplicit none\nreal(dp)::u(100)\ninteger::t\n"
                             "u=0.0_dp;u(50)=1.0_dp\ndo t=1,100\ncall step0(u,100,0.1_dp)\nend do\n"
                             "print*,'done', sum(u\nend program heat\n")
    write_tree(d, files)
    fp, fl = VENV / "bin" / "fprettify", VENV / "bin" / "fortran-linter"
    cap("fprettify-diff-solver", f"{fp} --diff src/solver.f90", d, n_fprettify, typed="fprettify --diff src/solver.f90")
    cap("fprettify-diff-all", f"{fp} --diff src/*.f90 2>&1", d, n_fprettify, typed="fprettify --diff src/*.f90 2>&1")
    cap("fprettify-diff-boundary-i2", f"{fp} --diff -i 2 --case 1 1 1 1 src/boundary.f90 src/main.f90 2>&1", d,
        n_fprettify, typed="fprettify --diff -i 2 --case 1 1 1 1 src/boundary.f90 src/main.f90 2>&1")
    cap("fortran-linter-diffuse", f"{fl} --syntax-only src/diffuse.f90", d, n_fortran_linter,
        typed="fortran-linter --syntax-only src/diffuse.f90")
    cap("fortran-linter-src-head", f"{fl} --syntax-only --linelength 72 src 2>&1 | head -n 3000", d, n_fortran_linter,
        typed="fortran-linter --syntax-only --linelength 72 src 2>&1 | head -n 3000")
    cap("fortran-linter-main-boundary", f"{fl} --syntax-only src/main.f90 src/boundary.f90 2>&1 | head -n 150", d,
        n_fortran_linter, typed="fortran-linter --syntax-only src/main.f90 src/boundary.f90 2>&1 | head -n 150")


# ------------------------------------------------------------------ the round

def ensure_tools() -> None:
    cm.install_venv(VENV, "fortran-linter", ["hy", "fprettify", "fortran-linter"])
    if not PLT.exists():
        cm.run(f"PATH={ERL_BIN}:$PATH dialyzer --build_plt --output_plt {PLT} --apps erts stdlib", timeout=1200)


def steps() -> list:
    return [step_perl, step_php, step_ruby, step_lua, step_erlang, step_hy, step_fortran]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(2_000, 10_000, 50_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
