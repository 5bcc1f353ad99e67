"""Round 194: austin's collapsed stacks and slipcover's coverage over a Python ledger package of the round's own (a hot
loop, branches no input reaches, a traceback), clang's source-based coverage (`llvm-profdata show`, `llvm-cov
export`) and lcov / genhtml over gcc's `--coverage` data of a C meter-reading project, with the extractors of
NEEDLES.md's "Round 194" rules. Run through capture_wide194.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, run, write_tree
from capture_wide194 import OWN_WORDS, VENV, cap, exit_lines

# ------------------------------------------------------------------ the Python ledger package

RATES_PY = '''"""Interest accrual, the slow way (a hot loop put in on purpose)."""


def accrue(balance_cents, rate_bp, days):
    total = balance_cents
    for _ in range(days):
        for _ in range(24):                      # hourly compounding, recomputed from scratch
            total = total + total * rate_bp / 10000 / 365 / 24
    return round(total)


def tier(balance_cents):
    if balance_cents < 0:
        return "overdrawn"
    if balance_cents < 100_000:
        return "basic"
    if balance_cents < 10_000_000:
        return "plus"
    return "private"                             # no account in the sample reaches this


def fee(balance_cents, kind):
    if kind == "wire":
        return 2500
    elif kind == "ach":
        return 0 if balance_cents > 50_000 else 150
    elif kind == "check":
        return 200
    raise ValueError(f"unknown transfer kind {kind!r}")
'''

PARSE_PY = '''"""Parsing of the ledger's CSV export."""
import csv
import io


def parse_rows(text):
    rows = []
    for rec in csv.DictReader(io.StringIO(text)):
        if not rec.get("account"):
            continue                             # blank lines never occur in the sample
        cents = int(rec["amount"].replace(".", ""))
        if rec.get("currency", "EUR") != "EUR":
            cents = convert(cents, rec["currency"])
        rows.append((rec["account"], cents, rec["kind"]))
    return rows


def convert(cents, currency):
    table = {"USD": 0.92, "GBP": 1.17, "CHF": 1.04}
    return round(cents * table[currency])
'''

MAIN_PY = '''"""Run the nightly ledger job: parse, accrue, classify, report."""
import random
import sys

from ledgerpy import parse, rates
from ledgerpy.rules import RULES


def sample_csv(n, seed, currencies=("EUR",)):
    rnd = random.Random(seed)
    lines = ["account,amount,kind,currency"]
    for i in range(n):
        lines.append(f"ACC{i:04d},{rnd.randint(-5000, 90000)}.{rnd.randint(10, 99)},"
                     f"{rnd.choice(['ach', 'wire', 'check'])},{rnd.choice(currencies)}")
    return "\\n".join(lines) + "\\n"


def main(argv):
    mode = argv[1] if len(argv) > 1 else "run"
    n = int(argv[2]) if len(argv) > 2 else 400
    currencies = ("EUR", "USD", "JPY") if mode == "fail" else ("EUR", "USD")
    rows = parse.parse_rows(sample_csv(n, 194, currencies))
    flagged = 0
    total = 0
    for account, cents, kind in rows:
        total += rates.accrue(cents, 325, 30 if mode != "hot" else 120) - rates.fee(cents, kind)
        for rule in RULES:
            if rule(cents, kind):
                flagged += 1
    tiers = {}
    for _, cents, _ in rows:
        tiers[rates.tier(cents)] = tiers.get(rates.tier(cents), 0) + 1
    print(f"rows={len(rows)} flagged={flagged} total={total} tiers={sorted(tiers.items())}")


if __name__ == "__main__":
    main(sys.argv)
'''


def rule_module(i: int, rnd: random.Random) -> str:
    """One of the generated compliance rules: a few thresholds, some branches no sample row reaches."""
    lo, hi = rnd.randint(-400000, 0), rnd.randint(2000000, 9000000)
    kind = rnd.choice(["ach", "wire", "check"])
    body = [f'"""Compliance rule {i:02d}."""', "", "", f"def rule_{i:02d}(cents, kind):"]
    body.append(f"    if cents < {lo}:")
    body.append(f"        return True")
    body.append(f"    if kind == {kind!r} and cents > {hi}:")
    body.append(f"        return True")
    for k in range(rnd.randint(1, 4)):
        t = rnd.randint(-10**6, 10**8)
        body.append(f"    if cents == {t}:")
        body.append(f"        return {rnd.choice(['True', 'False'])}")
    body.append(f"    return cents % {rnd.randint(50, 400)} == {rnd.randint(0, 9)}")
    return "\n".join(body) + "\n"


def stage_py(tmp: Path, n_rules: int = 36) -> Path:
    d = tmp / "pyledger"
    if (d / "ledgerpy" / "main.py").exists():
        return d
    rnd = random.Random(194)
    files = {"ledgerpy/__init__.py": "", "ledgerpy/rates.py": RATES_PY, "ledgerpy/parse.py": PARSE_PY,
             "ledgerpy/main.py": MAIN_PY}
    names = []
    for i in range(n_rules):
        files[f"ledgerpy/rules/rule_{i:02d}.py"] = rule_module(i, rnd)
        names.append(f"rule_{i:02d}")
    files["ledgerpy/rules/__init__.py"] = "".join(f"from .{n} import {n}\n" for n in names) + \
        "RULES = [" + ", ".join(names) + "]\n"
    write_tree(d, files)
    return d


# ------------------------------------------------------------------ the C meter project

def meter_sources(rnd: random.Random, n_files: int = 12) -> dict[str, str]:
    """n_files units of 4-7 functions with branches; main calls some of them, a few never."""
    files: dict[str, str] = {}
    calls: list[str] = []
    protos: list[str] = []
    units = ["tariff", "reading", "billing", "meter", "region", "audit", "export", "alarm", "solar", "peak",
             "rollover", "calendar", "ledger", "unit"]
    for u in units[:n_files]:
        fns = []
        for k in range(rnd.randint(4, 7)):
            name = f"{u}_{['scale', 'clamp', 'bucket', 'check', 'merge', 'round', 'shift'][k]}"
            a, b = rnd.randint(5, 60), rnd.randint(70, 400)
            fns.append(f"int {name}(int x)\n{{\n    if (x < {a})\n        return x * 2;\n"
                       f"    else if (x > {b})\n        return x - {b};\n    for (int i = 0; i < 3; i++)\n"
                       f"        x += (x % {rnd.randint(2, 9)} == 0) ? i : -i;\n    return x;\n}}\n")
            protos.append(f"int {name}(int x);")
            if rnd.random() < 0.7:
                calls.append(name)
        files[f"src/{u}.c"] = "\n".join(fns)
    main = ["#include <stdio.h>", "#include <stdlib.h>", *protos, "",
            "int main(int argc, char **argv)", "{", "    int n = argc > 1 ? atoi(argv[1]) : 500;",
            "    long acc = 0;", "    for (int i = 0; i < n; i++) {"]
    for c in calls:
        main.append(f"        acc += {c}((i * 7 + {rnd.randint(0, 90)}) % {rnd.randint(100, 600)});")
    main += ["    }", "    if (argc > 2)", "        puts(\"verbose\");", '    printf("meter total %ld\\n", acc);',
             "    return 0;", "}"]
    files["src/main.c"] = "\n".join(main) + "\n"
    return files


def stage_c(tmp: Path) -> Path:
    d = tmp / "meter"
    if (d / "meter").exists():
        return d
    write_tree(d, meter_sources(random.Random(1940)))
    srcs = " ".join(sorted(str(p.relative_to(d)) for p in (d / "src").glob("*.c")))
    run(f"clang -g -O0 -fprofile-instr-generate -fcoverage-mapping -o meter {srcs} && "
        "LLVM_PROFILE_FILE=run1.profraw ./meter 400 && LLVM_PROFILE_FILE=run2.profraw ./meter 37 v && "
        "llvm-profdata merge -o meter.profdata run1.profraw run2.profraw && "
        "llvm-profdata merge -o run1.profdata run1.profraw", cwd=d)
    run("mkdir -p gcov && cd gcov && for f in ../src/*.c; do gcc --coverage -O0 -c $f; done && "
        "gcc --coverage -o meter *.o && ./meter 400 > /dev/null", cwd=d)
    return d


# ------------------------------------------------------------------ extractors

AUSTIN_META = re.compile(r"^# (austin|interval|mode|duration|samples|errors|saturation|memory|multiprocess|"
                         r"python|gc|sampling):")
OWN_FILE_SKIP = re.compile(r"<frozen|site-packages|/usr/lib/python|/lib/python3\.\d+/|<string>|<module>:0")


@cm.kind("austin-collapsed", "log")
def n_austin(lines):
    """Header and closing metadata lines; per own leaf frame (at most 15) and overall, the tail after the last ; of its heaviest sample; stats lines; traceback lines."""
    out = [ln for ln in lines if AUSTIN_META.match(ln)]
    best: dict[str, tuple[int, str]] = {}
    top = None
    for ln in lines:
        m = re.match(r"^P\d+;.*;([^;]+) (-?\d+)(,-?\d+)*$", ln)  # full mode: time,idle,memory (time ranks)
        if not m:
            continue
        leaf, metric = m.group(1), int(m.group(2))
        tail = ln[ln.rfind(";") + 1:]
        if top is None or metric > top[0]:
            top = (metric, tail)
        if OWN_FILE_SKIP.search(leaf):
            continue
        key = leaf.rsplit(":", 1)[0]
        if key not in best or metric > best[key][0]:
            best[key] = (metric, tail)
    out += [t for _, t in sorted(best.values(), reverse=True)[:15]]
    if top:
        out.append(top[1])
    out += [ln for ln in lines if re.search(r"Sampling duration|Long sampling rate|Error rate", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception)(: .*)?$", ln):
            out.append(ln)
            up = cm.prev_match(lines, i, r'^\s+File ".*", line \d+', back=8)
            if up:
                out.append(up)
    return out + exit_lines(lines)


def py_traceback(lines):
    """Rule 1 on a Python traceback: each exception line and the innermost File line above it."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception)(: .*)?$", ln):
            out.append(ln)
            up = cm.prev_match(lines, i, r'^\s+File ".*", line \d+', back=8)
            if up:
                out.append(up)
    return out


@cm.kind("slipcover-report", "test")
def n_slipcover(lines):
    """Header row, file rows below 100 (at most the 15 lowest), the (summary) row, program error lines and traceback, EXIT."""
    out = [ln for ln in lines if re.match(r"^File\s+#lines", ln)]
    rows = []
    for ln in lines:
        cells = ln.split()
        if len(cells) >= 4 and re.match(r"^\S+\.py$", cells[0]):
            nums = [c for c in cells[1:] if re.fullmatch(r"\d+", c)]
            if len(nums) >= 3:
                hdr = out[0].split() if out else []
                cov_i = hdr.index("totCov%") if "totCov%" in hdr else hdr.index("Cover%") if "Cover%" in hdr else 3
                try:
                    cov = int(cells[cov_i])
                except (ValueError, IndexError):
                    continue
                if cov < 100:
                    rows.append((cov, ln))
    out += [ln for _, ln in sorted(rows, key=lambda r: r[0])[:15]]
    out += [ln for ln in lines if ln.startswith("(summary)")]
    out += py_traceback(lines)
    out += [ln for ln in lines if OWN_WORDS.search(ln) and not re.match(r"^\s+(File|\S+\.py\s)", ln)
            and not re.match(r"^\S+\.py\s", ln) and ln not in out]
    return out + exit_lines(lines)


@cm.kind("slipcover-json", "json")
def n_slipcover_json(lines):
    """The percent_covered_display line, the key of every file with missing lines (at most 15, lowest first), pretty-printed summary missing_lines/missing_branches lines."""
    text = "\n".join(lines)
    start = text.index("{")
    data = json.JSONDecoder().raw_decode(text[start:])[0]
    out = [ln for ln in lines if '"percent_covered_display"' in ln]
    if len(out) == 1 and len(out[0]) > 200:  # one line: the needle is the value as printed
        m = re.search(r'"percent_covered_display": "[^"]*"', out[0])
        out = [m.group(0)]
    files = sorted(((f["summary"]["percent_covered"], name) for name, f in data["files"].items()
                    if f["summary"]["missing_lines"]), key=lambda x: x[0])[:15]
    out += [f'"{name}": {{' for _, name in files]
    summ = False
    for ln in lines:
        if re.match(r'^ {0,2}"summary": \{', ln):
            summ = True
        elif summ and re.match(r'^\s+"missing_(lines|branches)": \d+', ln):
            out.append(ln)
    return out


def make_profdata_show(n_shown_cap: int = 40):
    def n_show(lines):
        out = [ln for ln in lines if re.match(r"^(Instrumentation level|Functions shown|Total functions|Maximum function "
                                              r"count|Maximum internal block count):", ln)]
        heads = []
        cur = None
        for ln in lines:
            m = re.match(r"^  (\S+):$", ln)
            if m:
                cur = [ln, None]
                heads.append(cur)
            elif cur and (m2 := re.match(r"^\s+Function count: (\d+)", ln)):
                cur[1] = int(m2.group(1))
        if len(heads) <= n_shown_cap:
            out += [h for h, _ in heads]
        else:
            counted = [h for h in heads if h[1] is not None]
            if counted:
                mx = max(c for _, c in counted)
                out += [h for h, c in counted if c == mx]
                out += [h for h, c in counted if c == 0][:15]
        topn = False
        for ln in lines:
            if re.match(r"^Top \d+ functions with the largest internal block counts", ln):
                topn = True
                out.append(ln)
            elif topn and re.match(r"^\s+\S+, max count = \d+", ln):
                out.append(ln)
            elif topn:
                topn = False
        out += [ln for ln in lines if re.search(r"\berror:|\bwarning:", ln)]
        return out + exit_lines(lines)
    return cm.named("llvm-profdata-show", "table", "The closing Instrumentation level / Functions shown / Total functions / Maximum lines, function headers (<=40, else the hottest and the never-called), --topn lines, error:/warning: lines, EXIT.", n_show)


@cm.kind("llvm-cov-export-json", "json")
def n_llvm_cov_export(lines):
    """Every "filename" line (<=40, else the 15 lowest by lines percent), the totals block's percent lines and lines/branches count/covered lines, error lines."""
    fn_lines = [ln for ln in lines if re.match(r'^\s*"filename":', ln)]
    if len(fn_lines) <= 40:
        out = list(fn_lines)
    else:
        out = fn_lines[:15]
    in_tot, sub = False, None
    depth = 0
    for ln in lines:
        if re.match(r'^\s*"totals": \{', ln):
            in_tot, depth, sub = True, 0, None
        if not in_tot:
            continue
        depth += ln.count("{") - ln.count("}")
        m = re.match(r'^\s*"(\w+)": \{', ln)
        if m:
            sub = m.group(1)
        if re.match(r'^\s*"percent":', ln):
            out.append(ln)
        if sub in ("lines", "branches") and re.match(r'^\s*"(count|covered)":', ln):
            out.append(ln)
        if depth <= 0 and not re.match(r'^\s*"totals": \{', ln):
            in_tot = False
    out += [ln for ln in lines if re.search(r"\berror:|\bwarning:", ln)]
    return out + exit_lines(lines)


@cm.kind("lcov-tracefile", "table")
def n_lcov_tracefile(lines):
    """Every SF: line (<=40), every FNDA:0, line, per file one {any} of its DA:N,0 lines and one of its untaken BRDA: lines."""
    sf = [ln for ln in lines if ln.startswith("SF:")]
    out = sf[:40]
    out += [ln for ln in lines if ln.startswith("FNDA:0,")]
    cur = None
    pairs_da, pairs_br = [], []
    for ln in lines:
        if ln.startswith("SF:"):
            cur = ln
        elif re.match(r"^DA:\d+,0$", ln):
            pairs_da.append((cur, ln))
        elif re.match(r"^BRDA:\d+,\d+,\d+,(0|-)$", ln):
            pairs_br.append((cur, ln))
    return out + groups(pairs_da) + groups(pairs_br) + exit_lines(lines)


RATE_LINES = re.compile(r"^\s+(lines|functions|branches)\.+: ")


def rate_block(lines):
    """The Summary / Overall coverage rate: line and its lines/functions/branches lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Summary|Overall) coverage rate:", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 4)):
                if RATE_LINES.match(lines[k]):
                    out.append(lines[k])
    return out


@cm.kind("lcov-summary", "table")
def n_lcov_summary(lines):
    """Reading tracefile lines, Summary coverage rate and its lines/functions/branches lines, lcov ERROR/WARNING lines, EXIT."""
    out = [ln for ln in lines if ln.startswith("Reading tracefile")] + rate_block(lines)
    out += [ln for ln in lines if re.search(r"\b(ERROR|WARNING):", ln)]
    return out + exit_lines(lines)


@cm.kind("lcov-capture", "build")
def n_lcov_capture(lines):
    """Found gcov version, Found N data files, geninfo WARNING/ERROR one {any} per shape, Finished .info-file creation, coverage-rate block, Subroutine redefined as one {any}, EXIT."""
    out = [ln for ln in lines if ln.startswith("Found gcov version:") or re.match(r"^Found \d+ data files in", ln)
           or ln.startswith("Finished .info-file creation")]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\b(WARNING|ERROR):", ln))
    out += rate_block(lines)
    sub = [ln for ln in lines if re.match(r"^Subroutine \S+ redefined", ln)]
    if sub:
        out.append({"any": sub})
    return out + exit_lines(lines)


@cm.kind("genhtml-run", "build")
def n_genhtml(lines):
    """Found N entries, Found common filename prefix, Overall coverage rate block, genhtml WARNING/ERROR one {any} per shape, EXIT."""
    out = [ln for ln in lines if re.match(r"^Found \d+ entries\.", ln) or ln.startswith("Found common filename prefix")]
    out += rate_block(lines)
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\b(WARNING|ERROR):", ln))
    return out + exit_lines(lines)


# ------------------------------------------------------------------ steps

PY = str(VENV / "bin" / "python")
AUSTIN = str(VENV / "bin" / "austin")


def cap_austin(tmp: Path) -> None:
    d = stage_py(tmp)
    cap("austin-wall-ledger-tail", f"{AUSTIN} -i 2ms {PY} -m ledgerpy.main run 300 2>&1 | tail -n 60", d, n_austin,
        timeout=300, typed="austin -i 2ms python -m ledgerpy.main run 300 2>&1 | tail -n 60")
    cap("austin-wall-ledger-hot", f"{AUSTIN} -i 20ms {PY} -m ledgerpy.main hot 250", d, n_austin, timeout=300,
        typed="austin -i 20ms python -m ledgerpy.main hot 250")
    cap("austin-memory-ledger", f"{AUSTIN} -m -i 10ms {PY} -m ledgerpy.main run 300 2>&1 | head -n 120", d, n_austin,
        timeout=300, typed="austin -m -i 10ms python -m ledgerpy.main run 300 2>&1 | head -n 120")
    cap("austin-full-traceback", f"{AUSTIN} -f -i 25ms {PY} -m ledgerpy.main fail 300; echo EXIT=$?", d, n_austin,
        timeout=300, typed="austin -f -i 25ms python -m ledgerpy.main fail 300; echo EXIT=$?")


def cap_slipcover(tmp: Path) -> None:
    d = stage_py(tmp)
    sc = f"{PY} -m slipcover"
    cap("slipcover-branch-ledger", f"{sc} --branch -m ledgerpy.main run 200", d, n_slipcover, timeout=300,
        typed="python -m slipcover --branch -m ledgerpy.main run 200")
    cap("slipcover-fail-traceback", f"{sc} -m ledgerpy.main fail 120; echo EXIT=$?", d, n_slipcover, timeout=300,
        typed="python -m slipcover -m ledgerpy.main fail 120; echo EXIT=$?")
    cap("slipcover-missing-width-tail", f"{sc} --branch --missing-width 40 -m ledgerpy.main run 50 | tail -n 30", d,
        n_slipcover, timeout=300, typed="python -m slipcover --branch --missing-width 40 -m ledgerpy.main run 50 | "
        "tail -n 30")
    cap("slipcover-json-one-line", f"{sc} --json -m ledgerpy.main run 150", d, n_slipcover_json, timeout=300,
        typed="python -m slipcover --json -m ledgerpy.main run 150")
    cap("slipcover-json-pretty-branch", f"{sc} --json --pretty-print --branch -m ledgerpy.main run 150", d,
        n_slipcover_json, timeout=300, typed="python -m slipcover --json --pretty-print --branch -m ledgerpy.main "
        "run 150")


def cap_llvm(tmp: Path) -> None:
    d = stage_c(tmp)
    show = make_profdata_show()
    cap("llvm-profdata-show-all-counts", "llvm-profdata show --all-functions --counts meter.profdata", d, show)
    cap("llvm-profdata-show-topn-function", "llvm-profdata show --topn=8 meter.profdata; llvm-profdata show "
        "--function=tariff --counts run1.profdata; llvm-profdata show --detailed-summary run1.profdata; "
        "llvm-profdata show meter.prof; echo EXIT=$?", d, show)
    cap("llvm-profdata-show-all-head", "llvm-profdata show --all-functions --counts --value-cutoff=1 run1.profdata "
        "| head -n 150", d, show)
    cap("llvm-cov-export-summary-json-tool", "llvm-cov export -summary-only ./meter -instr-profile=meter.profdata | "
        "python3 -m json.tool", d, n_llvm_cov_export)
    cap("llvm-cov-export-jq-files", "llvm-cov export -summary-only ./meter -instr-profile=run1.profdata | jq "
        "'.data[0] | {files: [.files[] | {filename, lines: .summary.lines, branches: .summary.branches}], "
        "totals: .totals}'", d, n_llvm_cov_export)
    cap("llvm-cov-export-lcov-head", "llvm-cov export -format=lcov ./meter -instr-profile=meter.profdata | "
        "head -n 400", d, n_lcov_tracefile)


def cap_lcov(tmp: Path) -> None:
    d = stage_c(tmp) / "gcov"
    cap("lcov-capture-branch", "lcov -c -d . -o meter.info --rc lcov_branch_coverage=1; echo EXIT=$?", d,
        n_lcov_capture)
    cap("lcov-tracefile-cat", "cat meter.info", d, n_lcov_tracefile)
    run("llvm-cov export -format=lcov ../meter -instr-profile=../meter.profdata > ../llvm.info", cwd=d)
    cap("lcov-summary-three", "lcov --summary meter.info --rc lcov_branch_coverage=1; lcov --summary ../llvm.info; "
        "lcov --summary coverage.info; echo EXIT=$?", d, n_lcov_summary)
    cap("genhtml-branch", "genhtml meter.info -o html --branch-coverage --rc lcov_branch_coverage=1", d, n_genhtml)
    # one unit rebuilt after the run: its .gcno no longer matches the .gcda left behind
    run("sleep 1; sed -i 's/return x \\* 2;/return x * 3;/' ../src/peak.c && gcc --coverage -O0 -c ../src/peak.c && "
        "rm -f alarm.gcda", cwd=d)
    cap("lcov-capture-stale-tail", "lcov -c -d . -o stale.info 2>&1 | tail -n 40; echo EXIT=$?", d, n_lcov_capture)
    cap("genhtml-two-tracefiles-grep", "genhtml meter.info ../llvm.info -o html2 --branch-coverage 2>&1 | "
        "grep -E 'WARNING|ERROR|Found|Overall|lines|functions|branches'; echo EXIT=$?", d, n_genhtml)


STEPS = [cap_austin, cap_slipcover, cap_llvm, cap_lcov]
