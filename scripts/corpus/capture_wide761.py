"""Capture round 761 of the compression corpus: Python test, type and quality tools in output formats the corpus
lacked (flake8 --show-source and --statistics, pycodestyle --show-source and --statistics, radon cc/mi JSON, vulture
--make-whitelist, coverage lcov and markdown report, pytest-benchmark's JSON, deptry's JSON, mypy's line-precision
and line-count reports, interrogate -vv) on a whiting works' Python package written here (`whiting`: chalk pits, wash
mills, settling backs, drying sheds, kilns; seed 76110) with faults put in. Needle rules: NEEDLES.md's "Round 761"
section; every kind is new, its extractor below.

Usage:   .venv/bin/python scripts/corpus/capture_wide761.py
Writes:  scripts/corpus/data/wide761.json, ids prefixed "wide761-".
Tools:   /dev/shm/hm-corpus-wide761/venv (pinned, PyPI): flake8, pycodestyle, radon, vulture, coverage, pytest,
         pytest-benchmark, deptry, mypy, interrogate."""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture_more as cm  # noqa: E402
from capture_more import groups, kind  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide761-"
DEFAULT_OUT = HERE / "data" / "wide761.json"
TOOLS = Path("/dev/shm/hm-corpus-wide761")
VENV = TOOLS / "venv"
TMP = Path("/dev/shm/hm-corpus-wide761-run")
SEED = 76110
PY_TOOLS = ["flake8==7.1.1", "radon==6.0.1", "vulture==2.14", "deptry==0.23.0", "coverage==7.6.10", "pytest==8.3.4",
            "pytest-benchmark==5.1.0", "interrogate==1.7.0", "mypy==1.14.1", "pycodestyle==2.12.1"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

FINDING = re.compile(r"^(\S+?):(\d+):(\d+): ([A-Z]+\d+) (.*)$")
ERROR_CODE = re.compile(r"^(E9\d\d|F63\d|F7\d\d|F82\d)$")
STAT = re.compile(r"^(\d+)\s+([A-Z]+\d+) \S.*$")


def _findings(lines):
    out, pairs = [], []
    for ln in lines:
        m = FINDING.match(ln)
        if not m:
            continue
        if ERROR_CODE.match(m.group(4)):
            out.append(ln)
        else:
            pairs.append(((m.group(4), m.group(1)), ln))
    return out + groups(pairs)


def _count_line(lines):
    for ln in reversed(lines):
        if re.fullmatch(r"\d+", ln.strip()):
            return [ln]
        if ln.strip():
            return []
    return []


@kind("flake8-show-source", "lint")
def n_flake8_show_source(lines):
    """error-code findings (E9xx, F63x, F7xx, F82x) each; other findings one any per (code, file); a closing count line"""
    return _findings(lines) + _count_line(lines)


@kind("flake8-statistics", "lint")
def n_flake8_statistics(lines):
    """the findings as flake8-show-source; every statistics line (count, code, message) and the final count line"""
    return _findings(lines) + [ln for ln in lines if STAT.match(ln)] + _count_line(lines)


@kind("pycodestyle-show-source", "lint")
def n_pycodestyle_show_source(lines):
    """flake8-show-source's rule: E9xx findings each; others one any per (code, file); a closing count line"""
    return _findings(lines) + _count_line(lines)


@kind("pycodestyle-statistics", "lint")
def n_pycodestyle_statistics(lines):
    """every statistics line (count, code, message) and the count line"""
    return [ln for ln in lines if STAT.match(ln)] + _count_line(lines)


def _json(lines):
    return json.loads("\n".join(lines))


BAD_RANK = {"C", "D", "E", "F"}


@kind("radon-cc-json", "json")
def n_radon_cc_json(lines):
    """the key line of every file holding a block ranked C or worse; the "name" line of every such block; the "complexity" line of the most complex block"""
    doc = _json(lines)
    out, top = [], None
    for path, blocks in doc.items():
        if not isinstance(blocks, list):
            continue
        flat = []
        for b in blocks:
            flat.append(b)
            flat.extend(b.get("methods", []) or [])
            flat.extend(b.get("closures", []) or [])
        bad = [b for b in flat if b.get("rank") in BAD_RANK]
        if bad:
            out.append(f'{json.dumps(path)}: [')
            out.extend(f'"name": {json.dumps(b["name"])}' for b in bad)
        for b in flat:
            if top is None or b["complexity"] > top:
                top = b["complexity"]
    if top is not None:
        out.append(f'"complexity": {top},')
    return out


@kind("radon-mi-json", "json")
def n_radon_mi_json(lines):
    """the key line of the files with the lowest and highest "mi", and of every file ranked B or C"""
    doc = {k: v for k, v in _json(lines).items() if isinstance(v, dict) and "mi" in v}
    if not doc:
        return []
    keys = list(doc)
    lo = min(keys, key=lambda k: doc[k]["mi"])
    hi = max(keys, key=lambda k: doc[k]["mi"])
    pick = [lo, hi] + [k for k in keys if doc[k].get("rank") in ("B", "C")]
    return [f"{json.dumps(k)}: {{" for k in pick]


WL = re.compile(r"#\s*unused ([\w ]+?) \((.+?):\d+\)")


@kind("vulture-whitelist", "code")
def n_vulture_whitelist(lines):
    """one any per (what is unused, file) over the whitelist lines; a syntax-error line is a needle"""
    out, pairs = [], []
    for ln in lines:
        m = WL.search(ln)
        if m:
            pairs.append(((m.group(1), m.group(2)), ln))
        elif "syntax" in ln.lower():
            out.append(ln)
    return out + groups(pairs)


@kind("coverage-lcov", "table")
def n_coverage_lcov(lines):
    """the SF: line of every file with a DA:n,0 line, and one any per such file over its DA:n,0 lines"""
    out, sf, zero = [], None, []

    def flush():
        if sf is not None and zero:
            out.append(sf)
            out.append({"any": list(zero)})
    for ln in lines:
        if ln.startswith("SF:"):
            flush()
            sf, zero = ln, []
        elif re.match(r"^DA:\d+,0(,|$)", ln):
            zero.append(ln)
        elif ln.startswith("end_of_record"):
            flush()
            sf, zero = None, []
    flush()
    return out


def _cells(ln):
    return [c.strip() for c in ln.strip().strip("|").split("|")]


@kind("coverage-report-markdown", "table")
def n_coverage_md(lines):
    """the header row, the TOTAL row, the rows with the lowest and highest Cover, every row with a Missing entry"""
    rows = [ln for ln in lines if ln.startswith("|")]
    if not rows:
        return []
    head = _cells(rows[0])
    out = [rows[0]]
    ci = head.index("Cover") if "Cover" in head else 3
    mi = head.index("Missing") if "Missing" in head else None
    body = []
    for ln in rows[1:]:
        c = _cells(ln)
        if set(ln) <= set("|-: "):
            continue
        if "TOTAL" in c[0]:
            out.append(ln)
            continue
        body.append((ln, c))
    def cov(c):
        return float(c[ci].strip("*%"))
    if body:
        out.append(min(body, key=lambda r: cov(r[1]))[0])
        out.append(max(body, key=lambda r: cov(r[1]))[0])
        if mi is not None:
            out.extend(ln for ln, c in body if len(c) > mi and c[mi])
    return out


@kind("pytest-benchmark-json", "json")
def n_pytest_benchmark_json(lines):
    """every benchmark's "fullname" line; the "mean" lines of the slowest and fastest benchmark"""
    doc = _json(lines)
    bs = doc.get("benchmarks", [])
    out = [f'"fullname": {json.dumps(b["fullname"])}' for b in bs]
    if bs:
        for b in (max(bs, key=lambda b: b["stats"]["mean"]), min(bs, key=lambda b: b["stats"]["mean"])):
            out.append(f'"mean": {json.dumps(b["stats"]["mean"])}')
    return out


@kind("deptry-json", "pkg")
def n_deptry_json(lines):
    """every distinct "message" line and every distinct "code" line"""
    return [ln for ln in lines if ln.strip().startswith('"message":') or ln.strip().startswith('"code":')]


def _minmax_rows(rows, ncols_from, ncols_to):
    out = []
    if not rows:
        return out
    for j in range(ncols_from, ncols_to):
        vals = [(int(f[j]), ln) for ln, f in rows if len(f) > j and re.fullmatch(r"-?\d+", f[j])]
        if vals:
            lo = min(v for v, _ in vals)
            hi = max(v for v, _ in vals)
            out.append(next(ln for v, ln in vals if v == lo))
            out.append(next(ln for v, ln in vals if v == hi))
    return out


@kind("mypy-lineprecision", "table")
def n_mypy_lineprecision(lines):
    """the header row and the rows holding each numeric column's minimum and maximum (first on ties)"""
    head = next((ln for ln in lines if ln.split() and ln.split()[0] == "Name"), None)
    rows = []
    for ln in lines:
        f = ln.split()
        if len(f) >= 7 and all(re.fullmatch(r"\d+", x) for x in f[1:7]):
            rows.append((ln, f))
    return ([head] if head else []) + _minmax_rows(rows, 1, 7)


@kind("mypy-linecount", "table")
def n_mypy_linecount(lines):
    """the total line, and the rows holding each numeric column's minimum and maximum (first on ties)"""
    out, rows = [], []
    for ln in lines:
        f = ln.split()
        if len(f) == 5 and all(re.fullmatch(r"\d+", x) for x in f[:4]):
            if f[4] == "total":
                out.append(ln)
            else:
                rows.append((ln, f))
    return out + _minmax_rows(rows, 0, 4)


@kind("interrogate-vv", "lint")
def n_interrogate_vv(lines):
    """one any per file over its MISSED rows; the summary's header, TOTAL and lowest/highest cover rows; the RESULT line"""
    out, pairs = [], []
    summary_at = next((i for i, ln in enumerate(lines) if "Summary" in ln and ln.lstrip().startswith("-")), None)
    detail = lines if summary_at is None else lines[:summary_at]
    cur = None
    for ln in detail:
        if not ln.startswith("|") or set(ln) <= set("|-: "):
            continue
        c = ln.strip("|").split("|")
        name = c[0]
        if name.strip() == "Name":
            continue
        if "(module)" in name or cur is None:  # interrogate 1.7 indents no row: a file is its "(module)" row
            cur = name.strip().split(" (")[0]
        if "MISSED" in ln:
            pairs.append((cur, ln))
    out.extend(groups(pairs))
    if summary_at is not None:
        rows = [ln for ln in lines[summary_at:] if ln.startswith("|") and not set(ln) <= set("|-: ")]
        body = []
        for ln in rows:
            c = _cells(ln)
            if c[0] == "Name":
                out.append(ln)
            elif c[0].startswith("TOTAL"):
                out.append(ln)
            elif c[-1].endswith("%"):
                body.append((ln, float(c[-1].rstrip("%"))))
        if body:
            out.append(min(body, key=lambda r: r[1])[0])
            out.append(max(body, key=lambda r: r[1])[0])
    out.extend(ln for ln in lines if "RESULT:" in ln)
    return out


# ------------------------------------------------------------------ material: the whiting works (seed 76110)

WORDS = ["chalk", "pit", "washmill", "backs", "settling", "slurry", "sieve", "kiln", "drying", "shed", "putty",
         "whiting", "flint", "harrow", "trough", "launder", "cake", "lump", "powder", "barrel", "cooper", "wharf",
         "barge", "quarry", "face", "tunnel", "tramway", "wagon", "hopper", "grinder", "millstone", "paddle",
         "sluice", "rake", "spade", "crusher", "tally", "ledger", "gauge", "moisture"]
UNDECLARED = ["requests", "yaml", "toml", "attr", "dateutil", "lxml", "chardet"]
DECLARED_USED = ["click", "numpy"]
DECLARED_UNUSED = ["pandas", "rich", "tabulate"]


def func(name: str, rng: random.Random, doc: bool, depth: int) -> str:
    lines = [f"def {name}(x, y=0, mode='{rng.choice(WORDS)}'):"]
    if doc:
        lines.append(f'    """Return the {rng.choice(WORDS)} {rng.choice(WORDS)} of x."""')
    lines.append("    total = 0")
    for k in range(depth):
        kw = "if" if k == 0 else "elif"
        lines.append(f"    {kw} x > {k * 3} and y != {k}:")
        if rng.random() < 0.4:
            lines.append(f"        for i in range(x % {k + 2}):")
            lines.append(f"            if i % 2 == 0 or mode == '{rng.choice(WORDS)}':")
            lines.append(f"                total += i * {k + 1}")
        else:
            lines.append(f"        total += x * {k + 1} - y")
    if depth:
        lines.append("    else:")
        lines.append("        total = -1")
    fault = rng.choice(["e225", "e711", "f841", "long", "w291", "e722", "e731", "none", "none", "e231"])
    if fault == "e225":
        lines.append("    total=total+1")
    elif fault == "e711":
        lines.append("    if mode == None:")
        lines.append("        return None")
    elif fault == "f841":
        lines.append(f"    unused_{rng.choice(WORDS)} = total * 2")
    elif fault == "long":
        lines.append(f"    note = 'the {rng.choice(WORDS)} at the {rng.choice(WORDS)} is weighed at the "
                     f"{rng.choice(WORDS)} and the {rng.choice(WORDS)} before it goes to the {rng.choice(WORDS)}'")
    elif fault == "w291":
        lines.append("    total += 0   ")
    elif fault == "e722":
        lines.append("    try:")
        lines.append("        total = total // y")
        lines.append("    except:")
        lines.append("        pass")
    elif fault == "e731":
        lines.append("    f = lambda v: v + 1")
        lines.append("    total = f(total)")
    elif fault == "e231":
        lines.append("    pair = [total,y]")
    lines.append("    return total")
    return "\n".join(lines) + "\n"


def module(i: int, name: str, rng: random.Random) -> tuple[str, list[str]]:
    out = [f'"""The {name} of the whiting works."""' if rng.random() < 0.6 else "# no module docstring"]
    out.append("import os, sys" if rng.random() < 0.5 else "import os")
    out.append("import json")
    out.append("from typing import Any")
    if rng.random() < 0.5:
        pkg = rng.choice(UNDECLARED)
        out.append(f"try:\n    import {pkg}\nexcept ImportError:\n    {pkg} = None")
    if rng.random() < 0.35:
        pkg = rng.choice(DECLARED_USED)
        out.append(f"try:\n    import {pkg}\nexcept ImportError:\n    {pkg} = None")
    if rng.random() < 0.15:
        out.append("try:\n    import pytest\nexcept ImportError:\n    pytest = None")
    out.append("")
    names = []
    for j in range(rng.randint(4, 9)):
        fname = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}_{j}"
        names.append(fname)
        sep = "\n" if rng.random() < 0.2 else "\n\n"
        depth = rng.choice([0, 0, 1, 2, 3, 5, 8, 12]) if rng.random() < 0.9 else rng.randint(14, 22)
        out.append(sep + func(fname, rng, rng.random() < 0.5, depth))
    if rng.random() < 0.5:
        cname = rng.choice(WORDS).title() + rng.choice(WORDS).title()
        out.append(f"\n\nclass {cname}:")
        if rng.random() < 0.5:
            out.append(f'    """A {rng.choice(WORDS)} record."""')
        out.append("    def __init__(self, weight: Any):\n        self.weight = weight\n")
        out.append("    def heavy(self):\n        return self.weight > 10\n")
        out.append(f"    def unused_{rng.choice(WORDS)}(self):\n        return self.weight * 2\n")
    if rng.random() < 0.3:
        out.append(f"\n\ndef report_{i}(x):\n    return {rng.choice(WORDS)}_missing(x) + x\n")
    if rng.random() < 0.25:
        out.append(f"\n\ndef compare_{i}(x):\n    if x is 'chalk':\n        return 1\n    return 0\n")
    if rng.random() < 0.3:
        out.append(f"\n\ndef as_any_{i}(x: Any) -> Any:\n    return x.weight + json.loads('1')\n")
    return "\n".join(out) + "\n", names


def make_pkg(root: Path, n_mod: int, seed: int) -> dict:
    rng = random.Random(seed)
    pkg = root / "whiting"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text('"""The whiting works."""\n')
    mods, tests, bench = [], [], []
    used = set()
    for i in range(n_mod):
        while True:
            name = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}"
            if name not in used:
                used.add(name)
                break
        src, names = module(i, name, rng)
        (pkg / f"{name}.py").write_text(src)
        mods.append(f"whiting/{name}.py")
        if rng.random() < 0.7:
            t = [f"from whiting import {name}\n"]
            for fn in names[: rng.randint(1, len(names))]:
                x = rng.randint(0, 40)
                want = rng.randint(-1, 200)
                t.append(f"\ndef test_{fn}():\n    assert {name}.{fn}({x}, 1) >= {want % 7 - 1}\n")
            (root / "tests").mkdir(exist_ok=True)
            (root / "tests" / f"test_{name}.py").write_text("".join(t))
        bench.append((name, names[0]))
    (root / "tests" / "__init__.py").write_text("")
    scraps = root / "scraps"
    scraps.mkdir(exist_ok=True)
    (scraps / "old_kiln.py").write_text("def fire(x)\n    return x * 2\n")
    (scraps / "old_ledger.py").write_text("print 'ledger'\nx = [1, 2\n")
    (scraps / "old_sieve.py").write_text("def sieve(a):\n  return a\n\tpass\n")
    deps = ", ".join(f'"{d}"' for d in DECLARED_USED + DECLARED_UNUSED)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "whiting"\nversion = "0.7.6"\nrequires-python = ">=3.9"\n'
        f"dependencies = [{deps}]\n\n[project.optional-dependencies]\ndev = [\"pytest\"]\n")
    return {"mods": mods, "bench": bench}


def make_bench(root: Path, bench: list, seed: int, n: int) -> None:
    rng = random.Random(seed)
    t = ["import pytest\n"]
    for k, (mod, fn) in enumerate(bench[:n]):
        t.append(f"from whiting import {mod} as m{k}\n")
    for k, (mod, fn) in enumerate(bench[:n]):
        x = rng.randint(1, 400)
        t.append(f"\n\ndef test_bench_{mod}_{k}(benchmark):\n    r = benchmark(m{k}.{fn}, {x}, 1)\n"
                 f"    assert r is not None\n")
    (root / "benchmarks").mkdir(exist_ok=True)
    (root / "benchmarks" / "test_bench.py").write_text("".join(t))


def ensure_tools() -> None:
    cm.install_venv(VENV, "interrogate", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_PKGS: dict = {}


def pkg(tmp: Path, n: int = 48) -> tuple[Path, dict]:
    root = tmp / "whiting-works"
    if not _PKGS:
        _PKGS.update(make_pkg(root, n, SEED))
    return root, _PKGS


# ------------------------------------------------------------------ steps

SLICES = [("two", 0, 2), ("five", 2, 7), ("nine", 7, 16), ("fifteen", 16, 31)]


def flake8(tmp: Path) -> None:
    root, n = pkg(tmp)
    m = n["mods"]
    for tag, a, b in [("three", 0, 3), ("eight", 3, 11), ("sixteen", 11, 27), ("twenty", 28, 48)]:
        cap(f"flake8-show-source-{tag}", "flake8 --show-source " + " ".join(m[a:b]), root, n_flake8_show_source)
    cap("flake8-show-source-scraps", "flake8 --show-source --count scraps " + " ".join(m[27:29]), root,
        n_flake8_show_source)
    for tag, a, b in [("two", 29, 31), ("ten", 31, 41), ("all", 0, 48)]:
        cmd = "flake8 --statistics --count " + (" ".join(m[a:b]) if tag != "all" else "whiting scraps")
        cap(f"flake8-statistics-{tag}", cmd, root, n_flake8_statistics)


def pycodestyle(tmp: Path) -> None:
    root, n = pkg(tmp)
    m = n["mods"]
    for tag, a, b in [("four", 5, 9), ("twelve", 20, 32), ("scraps", 40, 42), ("sixteen", 32, 48)]:
        cmd = "pycodestyle --show-source " + " ".join(m[a:b]) + (" scraps" if tag == "scraps" else "")
        cap(f"pycodestyle-show-source-{tag}", cmd, root, n_pycodestyle_show_source)
    for tag, cmd in [("pkg", "pycodestyle --statistics --count -qq whiting"),
                     ("scraps", "pycodestyle --statistics --count -qq whiting scraps tests")]:
        cap(f"pycodestyle-statistics-{tag}", cmd, root, n_pycodestyle_statistics)


def radon(tmp: Path) -> None:
    root, n = pkg(tmp)
    m = n["mods"]
    for tag, a, b in [("four", 0, 4), ("ten", 10, 20), ("twenty", 20, 40), ("six", 40, 46)]:
        cap(f"radon-cc-json-{tag}", "radon cc -j " + " ".join(m[a:b]) + " | python3 -m json.tool", root,
            n_radon_cc_json)
    for tag, cmd in [("pkg", "radon mi -j whiting | python3 -m json.tool"),
                     ("show", "radon mi -j -s whiting tests | python3 -m json.tool")]:
        cap(f"radon-mi-json-{tag}", cmd, root, n_radon_mi_json)


def vulture(tmp: Path) -> None:
    root, n = pkg(tmp)
    m = n["mods"]
    for tag, cmd in [("five", "vulture --make-whitelist " + " ".join(m[0:5])),
                     ("twenty", "vulture --make-whitelist " + " ".join(m[5:25])),
                     ("all", "vulture --make-whitelist whiting scraps"), ("tests", "vulture --make-whitelist tests " + " ".join(m[30:40]))]:
        cap(f"vulture-whitelist-{tag}", cmd, root, n_vulture_whitelist)


def coverage(tmp: Path) -> None:
    root, n = pkg(tmp)
    cm.run("coverage run --branch -m pytest -q -p no:cacheprovider tests >/dev/null 2>&1", cwd=root, timeout=600)
    m = n["mods"]
    for tag, inc in [("eight", ",".join(m[0:8])), ("twenty", ",".join(m[8:28])), ("four", ",".join(m[40:44]))]:
        cap(f"coverage-lcov-{tag}", f"coverage lcov -q --include='{inc}' -o cov-{tag}.lcov && cat cov-{tag}.lcov",
            root, n_coverage_lcov)
    for tag, extra in [("all", ""), ("skip", " --skip-covered"), ("ten", " --include='" + ",".join(m[30:40]) + "'")]:
        cap(f"coverage-report-markdown-{tag}", "coverage report --format=markdown -m" + extra, root, n_coverage_md)


def benchmark(tmp: Path) -> None:
    root, n = pkg(tmp)
    for tag, k, seed in [("six", 6, SEED + 1), ("sixteen", 16, SEED + 2), ("thirty", 30, SEED + 3)]:
        make_bench(root, n["bench"], seed, k)
        cm.run(f"rm -f bench-{tag}.json; python -m pytest -q -p no:cacheprovider benchmarks --benchmark-min-rounds=5 "
               f"--benchmark-max-time=0.00001 --benchmark-warmup=off --benchmark-json=bench-{tag}.json >/dev/null 2>&1", cwd=root, timeout=600)
        cap(f"pytest-benchmark-json-{tag}", f"python3 -m json.tool bench-{tag}.json", root, n_pytest_benchmark_json,
            typed=f"python -m pytest benchmarks --benchmark-json=bench-{tag}.json >/dev/null; python3 -m json.tool bench-{tag}.json")


def deptry(tmp: Path) -> None:
    root, n = pkg(tmp)
    for tag, cmd in [("pkg", "deptry . --json-output deptry-pkg.json --exclude scraps --exclude tests --ignore DEP001"),
                     ("tests", "deptry . --json-output deptry-tests.json --exclude scraps"),
                     ("ignore", "deptry . --json-output deptry-ignore.json --exclude scraps --per-rule-ignores 'DEP002=pandas|rich'")]:
        cm.run(f"{cmd} >/dev/null 2>&1", cwd=root, timeout=600)
        out = cmd.split("--json-output ")[1].split()[0]
        cap(f"deptry-json-{tag}", f"python3 -m json.tool {out}", root, n_deptry_json,
            typed=f"{cmd} >/dev/null; python3 -m json.tool {out}")


def mypy(tmp: Path) -> None:
    root, n = pkg(tmp)
    m = n["mods"]
    for tag, sel in [("pkg", "whiting"), ("twelve", " ".join(m[0:12]))]:
        cm.run(f"mypy --ignore-missing-imports --lineprecision-report lp-{tag} --linecount-report lc-{tag} "
               f"{sel} >/dev/null 2>&1", cwd=root, timeout=900)
        cap(f"mypy-lineprecision-{tag}", f"cat lp-{tag}/lineprecision.txt", root, n_mypy_lineprecision,
            typed=f"mypy --lineprecision-report lp-{tag} {sel} >/dev/null; cat lp-{tag}/lineprecision.txt")
        cap(f"mypy-linecount-{tag}", f"cat lc-{tag}/linecount.txt", root, n_mypy_linecount,
            typed=f"mypy --linecount-report lc-{tag} {sel} >/dev/null; cat lc-{tag}/linecount.txt")


def interrogate(tmp: Path) -> None:
    root, n = pkg(tmp)
    m = n["mods"]
    for tag, sel in [("five", " ".join(m[0:5])), ("fifteen", " ".join(m[5:20])), ("pkg", "whiting")]:
        cap(f"interrogate-vv-{tag}", f"interrogate -vv --fail-under 80 {sel}", root, n_interrogate_vv)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [flake8, pycodestyle, radon, vulture, coverage, benchmark,
                                                     deptry, mypy, interrogate],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide761", sys.modules["__main__"])
    main()
