#!/usr/bin/env python3
"""Capture a SECOND round of kinds the corpus lacks (issue #11, round 2): linter/type-checker reporters in
unusual layouts (shellcheck json1/checkstyle/gcc, gcc JSON diagnostics, ruff json/grouped/sarif, pylint
json), test runners' failure reports (parametrized pytest, `-vv` diffs, unittest subTest, Go subtests,
node's TAP reporter), logs (JSON lines with stack traces inside, klog-style, java.util.logging with
multi-line stack traces), listings (`find -ls`, `ls -li --full-time`, `du -k --max-depth`, `tree -J`,
`lsof -p`, `ps -eo`), git (`show` of a merge, `range-diff`, `blame -p`, `log --name-status`), package
managers (`pip check`, `npm audit` where the registry serves it, `npm outdated` long and JSON) and `sqlite3 -json`.

Same method and helpers as capture_more.py / capture_wide.py: every item's text is the stdout+stderr of a
program REALLY run here on throwaway projects written below (in /tmp/hm-corpus-wide2); needles follow
scripts/corpus/NEEDLES.md, each kind's extractor docstring states its rule (first line = needle_rule),
extractors read the CLEANED lines, every needle is a substring of one cleaned line of at most 200 chars.

Usage:   .venv/bin/python scripts/corpus/capture_wide2.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide2.json  as {"version": 2, "items": [...]}, ids prefixed "wide2-".
Tools:   PyPI (ruff, pylint, mypy, pytest) and npm (registry metadata for `npm audit`) as found; shellcheck,
         gcc, go, node, javac, git, sqlite3, lsof, tree as found. A missing tool skips its kinds.
"""

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
from capture_data import json_records_needles, rule4, stop, ws_rows  # noqa: E402
from capture_diagnostics import needles_go_test, needles_pytest  # noqa: E402
from capture_more import add_or_skip as add, n_blame_p, groups, have, kind, mask, next_match, note, run, start  # noqa: E402

cm.PREFIX = "wide2-"
DEFAULT_OUT = HERE / "data" / "wide2.json"
TMP = Path("/tmp/hm-corpus-wide2")



# ================================================================== lint reporters

SH_SNIPPETS = [
    'for f in $(ls {d}/*.txt); do\n  cat $f | grep foo > /tmp/out_{i}\ndone\n',
    'if [ $1 == "yes" ]; then\n  echo "ok"\nfi\n',
    'read name\ncd {d}\nrm -rf $name/*\n',
    'VAR_{i}=`date`\necho $VAR_{i}\n',
    'function helper_{i} {{\n  local x=$(pwd)\n  echo ${{x}}\n}}\n',
    'arr=(a b c)\necho $arr\n[[ -n $undefined_{i} ]] && echo set\n',
    'case "$1" in\n  start) echo go ;;\n  stop) echo halt\nesac\n',
    'echo "unterminated ${{name_{i}\n',
    'x_{i}=1\nif [ $x_{i} -eq 1 ] then echo one; fi\n',
    'grep -c foo file_{i} | wc -l\nexpr 1 + 2\n',
]


def make_shell_project(root: Path, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    names = []
    for k in range(n):
        body = "#!/bin/bash\n" + "".join(rng.choice(SH_SNIPPETS).format(i=k * 10 + j, d=f"/srv/d{j}")
                                        for j in range(rng.randint(3, 7)))
        name = f"scripts/task_{k:02d}.sh"
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(body)
        names.append(name)
    return names


@kind("shellcheck-json1", "lint")
def n_shellcheck_json1(lines):
    """Rule 1 on a one-line JSON reporter: each error-level finding's record; one {"any"} of the records per (code, file) for the rest."""
    doc = json.loads("\n".join(lines))
    recs = doc["comments"]
    needles = json_records_needles("\n".join(lines), recs, "file", pretty=False)
    flat = "\n".join(lines)
    out, pairs = [], []
    for r in recs:
        s = json.dumps(r, ensure_ascii=False, separators=(",", ":"))[:200]
        if s not in flat:
            s = json.dumps(r, ensure_ascii=False)[:200]
        if r["level"] == "error":
            out.append(s)
        else:
            pairs.append(((r["code"], r["file"]), s))
    return needles + out + groups(pairs)


@kind("shellcheck-checkstyle", "lint")
def n_checkstyle(lines):
    """Rule 1 on checkstyle XML: every severity="error" <error> line; one {"any"} per (source, file) of the others."""
    out, pairs, fname = [], [], None
    for ln in lines:
        m = re.search(r"<file name='([^']+)'|<file name=\"([^\"]+)\"", ln)
        if m:
            fname = m.group(1) or m.group(2)
        if "<error " in ln:
            sev = re.search(r"severity=['\"](\w+)", ln).group(1)
            src = re.search(r"source=['\"]([^'\"]+)", ln).group(1)
            if sev == "error":
                out.append(ln)
            else:
                pairs.append(((src, fname), ln))
    return out + groups(pairs)


@kind("shellcheck-gcc", "lint")
def n_shellcheck_gcc(lines):
    """Rule 1 on gcc-style findings 'file:line:col: level: msg [SCnnnn]': every error line; one {"any"} per (code, file) of the rest."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:\d+: (\w+): .*\[(SC\d+)\]$", ln)
        if m:
            if m.group(2) == "error":
                out.append(ln)
            else:
                pairs.append(((m.group(3), m.group(1)), ln))
    return out + groups(pairs)


C_BUGGY = [
    "int f_{i}(int x) {{ int unused_{i}; if (x = 3) return 1; }}\n",
    "#include <stdio.h>\nvoid p_{i}(long v) {{ printf(\"%d\\n\", v); }}\n",
    "int g_{i}(void) {{ char buf[4]; return sizeof(buf) / sizeof(int *); }}\n",
    "void h_{i}(int *p) {{ int a[3]; a[3] = *p; }}\n",
    "int k_{i}(unsigned u) {{ return u < 0; }}\n",
    "int m_{i}(void) {{ return undeclared_{i} + 1; }}\n",
    "struct s_{i} {{ int a; }};\nint n_{i}(struct s_{i} *s) {{ return s->b; }}\n",
]


@kind("gcc-json", "build")
def n_gcc_json(lines):
    """Rule 1 on gcc -fdiagnostics-format=json: every error's "message" substring; one {"any"} per (option or message shape, file) of the warnings."""
    doc = json.loads("\n".join(lines))
    flat = "\n".join(lines)
    out, pairs = [], []
    for d in doc:
        msg = json.dumps(d["message"], ensure_ascii=False)[:190]
        needle = f'"message": {msg}' if f'"message": {msg}' in flat else msg
        fname = d["locations"][0]["caret"]["file"] if d.get("locations") else "?"
        if d["kind"] == "error":
            out.append(needle)
        elif d["kind"] == "warning":
            pairs.append(((d.get("option") or mask(d["message"]), fname), needle))
    return out + groups(pairs)


PY_LINT = [
    "import os\nimport sys\nimport json\n\n\ndef load_{i}(path):\n    f = open(path)\n    return json.load(f)\n",
    "def compare_{i}(a, b):\n    if a == None:\n        return b\n    l = lambda: a\n    return l()\n",
    "def loop_{i}(items):\n    for i in range(len(items)):\n        print(items[i])\n    try:\n        pass\n    except:\n        pass\n",
    "class Thing_{i}:\n    def method(self, x=[]):\n        x.append(1)\n        return undefined_name_{i}\n",
    "def fmt_{i}(v):\n    return '%s' % (v,) + \"{{}}\".format(v)\n\n\ndef dup_{i}():\n    pass\n\n\ndef dup_{i}():\n    pass\n",
    "from typing import List\n\n\ndef total_{i}(xs: List[int]) -> int:\n    s = 0\n    for x in xs: s += x\n    return s\n",
]


def make_py_project(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    (root / "pkg").mkdir(parents=True, exist_ok=True)
    (root / "pkg" / "__init__.py").write_text("")
    for k in range(n):
        body = "".join(rng.choice(PY_LINT).format(i=k * 10 + j) + "\n\n" for j in range(rng.randint(2, 5)))
        (root / f"pkg/mod_{k:02d}.py").write_text(body)


@kind("ruff-json", "lint")
def n_ruff_json(lines):
    """Rule 1 on ruff's JSON reporter: one {"any"} of the "message" lines per (code, filename)."""
    recs = json.loads("\n".join(lines))
    msg_lines = [ln for ln in lines if re.match(r'^    "message": ', ln)]
    assert len(msg_lines) == len(recs), "message lines do not pair with records"
    return groups(((r["code"], r["filename"]), ml) for r, ml in zip(recs, msg_lines))


@kind("ruff-grouped", "lint")
def n_ruff_grouped(lines):
    """Rule 1 on findings grouped under a file header: one {"any"} of the '  line:col CODE msg' lines per (code, file); the 'Found N errors' summary."""
    pairs, fname = [], None
    for ln in lines:
        if ln and not ln.startswith(" ") and ln.endswith(":"):
            fname = ln[:-1]
        m = re.match(r"^\s+\d+:\d+ (\S+) ", ln)
        if m and fname:
            pairs.append(((m.group(1), fname), ln))
    return groups(pairs) + [ln for ln in lines if re.match(r"^Found \d+ errors?", ln)]


@kind("ruff-sarif", "lint")
def n_ruff_sarif(lines):
    """Rule 1 on SARIF: one {"any"} of the result "text" lines per (ruleId, uri)."""
    doc = json.loads("\n".join(lines))
    results = doc["runs"][0]["results"]
    text_lines = [ln for ln in lines if re.match(r'^\s+"text": ', ln)]
    out, pairs = [], []
    for r in results:
        t = json.dumps(r["message"]["text"], ensure_ascii=False)
        cands = [ln for ln in text_lines if t in ln]
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if cands:
            pairs.append(((r.get("ruleId"), uri), cands[0]))
    return out + groups(pairs)


@kind("pylint-json", "lint")
def n_pylint_json(lines):
    """Rule 1 on pylint's JSON reporter: every error/fatal record's "message" line; one {"any"} of them per (message-id, path) for the rest."""
    recs = json.loads("\n".join(lines))
    msg_lines = [ln for ln in lines if re.match(r'^\s+"message": ', ln)]
    assert len(msg_lines) == len(recs), "message lines do not pair with records"
    out, pairs = [], []
    for r, ml in zip(recs, msg_lines):
        if r["type"] in ("error", "fatal"):
            out.append(ml)
        else:
            pairs.append(((r["message-id"], r["path"]), ml))
    return out + groups(pairs)


MYPY_SNIPPETS = [
    "def area_{i}(w: int, h: int) -> int:\n    return w * h / 2\n",
    "def name_{i}(d: dict[str, int]) -> str:\n    return d.get('name')\n",
    "from typing import Optional\n\n\ndef first_{i}(xs: list[str]) -> Optional[str]:\n    return xs[0] if xs else None\n\n\n"
    "def shout_{i}(xs: list[str]) -> str:\n    return first_{i}(xs).upper()\n",
    "def total_{i}(prices: list[float]) -> float:\n    return sum(prices) + '0'\n",
    "class Box_{i}:\n    def __init__(self, v: int) -> None:\n        self.v = v\n\n\n"
    "def open_{i}(b: Box_{i}) -> int:\n    return b.value\n",
    "def ok_{i}(a: int, b: int) -> int:\n    return a + b\n",
    "def ok2_{i}(s: str) -> list[str]:\n    return s.split()\n",
    "def call_{i}() -> None:\n    ok_{i}('1', 2)\n\n\ndef ok_{i}(a: int, b: int) -> int:\n    return a - b\n",
]


def make_mypy_project(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    (root / "app").mkdir(parents=True, exist_ok=True)
    (root / "app" / "__init__.py").write_text("")
    for k in range(n):
        (root / f"app/m{k:02d}.py").write_text("\n\n".join(rng.choice(MYPY_SNIPPETS).format(i=k * 10 + j)
                                                          for j in range(rng.randint(2, 6))))


@kind("mypy-json", "lint")
def n_mypy_json(lines):
    """Rule 1 on mypy -O json (one JSON record per line): every severity "error" record's line (first 200 chars); notes grouped per (code, file)."""
    out, pairs = [], []
    for ln in lines:
        if not ln.startswith("{"):
            continue
        r = json.loads(ln)
        if r.get("severity") == "error":
            out.append(ln[:200])
        else:
            pairs.append(((r.get("code"), r.get("file")), ln[:200]))
    return out + groups(pairs)


@kind("mypy-pretty", "lint")
def n_mypy_pretty(lines):
    """Rule 1 on mypy --pretty: every 'file:line: error:' line; the 'Found N errors' summary."""
    return [ln for ln in lines if re.match(r"^\S+:\d+(:\d+)?: error:", ln) or re.match(r"^Found \d+ errors?", ln)]


def py_venv() -> Path | None:
    for cand in (Path("/tmp/hm-w2cache/venv"), TMP / "venv"):
        if (cand / "bin" / "ruff").exists():
            return cand
    v = TMP / "venv"
    run(f"python3 -m venv {v} && {v}/bin/pip install -q ruff pylint pytest mypy", timeout=600)
    return v if (v / "bin" / "ruff").exists() else None


def cap_lint(tmp: Path) -> None:
    if have("shellcheck", "shellcheck reporters"):
        for seed, n in ((1, 14), (2, 30)):
            root = tmp / f"sh{seed}"
            names = make_shell_project(root, n, seed)
            files = " ".join(names)
            add(f"shellcheck-json1-{seed}", f"shellcheck -f json1 {files}",
                run(f"shellcheck -f json1 {files}", cwd=root), n_shellcheck_json1)
            add(f"shellcheck-checkstyle-{seed}", f"shellcheck -f checkstyle {files}",
                run(f"shellcheck -f checkstyle {files}", cwd=root), n_checkstyle)
        root = tmp / "sh3"
        names = make_shell_project(root, 20, 3)
        add("shellcheck-gcc", "shellcheck -f gcc scripts/*.sh",
            run("shellcheck -f gcc " + " ".join(names), cwd=root), n_shellcheck_gcc)
    if have("gcc", "gcc-json"):
        for seed, n in ((1, 8), (2, 18)):
            root = tmp / f"c{seed}"
            root.mkdir(parents=True)
            rng = random.Random(seed)
            srcs = []
            for k in range(n):
                (root / f"m{k}.c").write_text("".join(rng.choice(C_BUGGY).format(i=k * 10 + j) for j in range(3)))
                srcs.append(f"m{k}.c")
            cmd = "gcc -Wall -Wextra -fsyntax-only -fdiagnostics-format=json " + " ".join(srcs)
            out = run(cmd, cwd=root)
            # one JSON array per translation unit, each on its own line: keep the biggest as the item
            arrays = [ln for ln in out.splitlines() if ln.startswith("[")]
            text = "[" + ",".join(a[1:-1] for a in arrays if a != "[]") + "]" if arrays else out
            if seed == 1 and arrays:
                text = max(arrays, key=len)
                cmd = f"gcc -Wall -Wextra -fsyntax-only -fdiagnostics-format=json {max(srcs)}"
            add(f"gcc-json-{seed}", cmd, text, n_gcc_json)
    v = py_venv()
    if v is None:
        note("skip ruff/pylint: no venv")
        return
    if (v / "bin" / "mypy").exists():
        root = tmp / "mypy1"
        make_mypy_project(root, 14, 1)
        add("mypy-json", "mypy -O json app", run(f"{v}/bin/mypy --no-incremental --cache-dir=/dev/null -O json app", cwd=root, timeout=300), n_mypy_json)
        root = tmp / "mypy2"
        make_mypy_project(root, 18, 2)
        add("mypy-pretty", "mypy --pretty app", run(f"{v}/bin/mypy --no-incremental --cache-dir=/dev/null --pretty app", cwd=root, timeout=300), n_mypy_pretty)
    for seed, n in ((1, 12), (2, 25)):
        root = tmp / f"py{seed}"
        make_py_project(root, n, seed)
        if seed == 1:
            add("ruff-json", "ruff check --output-format json --select ALL pkg",
                run(f"{v}/bin/ruff check --no-cache --output-format json --select E,F,W,B,UP,SIM,N pkg", cwd=root),
                n_ruff_json)
            add("ruff-sarif", "ruff check --output-format sarif pkg",
                run(f"{v}/bin/ruff check --no-cache --output-format sarif --select E,F,W,B,UP,SIM,N pkg", cwd=root),
                n_ruff_sarif)
            add("pylint-json", "pylint --output-format=json pkg",
                run(f"{v}/bin/pylint --output-format=json pkg", cwd=root, timeout=300), n_pylint_json)
        add(f"ruff-grouped-{seed}", "ruff check --output-format grouped pkg",
            run(f"{v}/bin/ruff check --no-cache --output-format grouped --select E,F,W,B,UP,SIM,N,ANN,D pkg",
                cwd=root), n_ruff_grouped)


# ================================================================== tests

PARAM_TESTS = '''
import pytest
from calc import parse_size, slugify


@pytest.mark.parametrize("text,expected", [{cases}])
def test_parse_size(text, expected):
    assert parse_size(text) == expected


@pytest.mark.parametrize("title,slug", [{slugs}])
def test_slugify(title, slug):
    assert slugify(title) == slug
'''

CALC = '''
import re

UNITS = {"k": 1000, "m": 1000 ** 2, "g": 1000 ** 3, "ki": 1024, "mi": 1024 ** 2}


def parse_size(text):
    m = re.fullmatch(r"(\\d+(?:\\.\\d+)?)\\s*([a-z]*)b?", text.strip().lower())
    if not m:
        raise ValueError(f"not a size: {text!r}")
    return int(float(m.group(1)) * UNITS.get(m.group(2), 1))


def slugify(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
'''

DIFF_TEST = '''
def build_config(n):
    return {{"name": "svc-%d" % n, "replicas": n % 4 + 1, "ports": list(range(8000, 8000 + n % 5)),
            "env": {{"MODE": "prod", "LEVEL": str(n % 3)}}, "tags": ["a", "b", "c"][: n % 3 + 1]}}


{tests}
'''


@kind("pytest-parametrize", "test")
def n_pytest_param(lines):
    """Rule 2 (pytest): each FAILED id (with its [params]), the first E line and last location line of each failure, the final summary."""
    return needles_pytest(lines)


@kind("pytest-vv-diff", "test")
def n_pytest_diff(lines):
    """Rule 2 (pytest -vv): each FAILED id, the first E line of each failure, the final summary."""
    return needles_pytest(lines)


UNITTEST_SUBTEST = '''
import unittest


def checksum(data):
    return sum(data) % 251


class ChecksumTest(unittest.TestCase):
{methods}

if __name__ == "__main__":
    unittest.main(verbosity=2)
'''


@kind("unittest-subtest", "test")
def n_unittest_sub(lines):
    """Rule 2 (unittest subTest): every 'FAIL:'/'ERROR:' header line, the first AssertionError/Error line after each, the 'Ran N tests' and 'FAILED (...)' lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(FAIL|ERROR): ", ln):
            out.append(ln)
            nxt = next_match(lines, i, r"^\w*(Error|Exception)\b", 30)
            if nxt:
                out.append(nxt)
        elif re.match(r"^(Ran \d+ tests? in|FAILED \(|OK$)", ln):
            out.append(ln)
    return out


GO_SUBTEST = '''package text

import (
	"strings"
	"testing"
)

func Wrap(s string, width int) []string {{
	var out []string
	for len(s) > width {{
		cut := strings.LastIndex(s[:width], " ")
		if cut <= 0 {{
			cut = width
		}}
		out = append(out, s[:cut])
		s = strings.TrimLeft(s[cut:], " ")
	}}
	return append(out, s)
}}

func TestWrap(t *testing.T) {{
	groups := map[string][]struct{{ in string; w, want int }}{{
{groups}
	}}
	for g, cases := range groups {{
		t.Run(g, func(t *testing.T) {{
			for i, c := range cases {{
				c := c
				t.Run(strings.ReplaceAll(c.in, " ", "_")[:6]+"_"+string(rune('a'+i)), func(t *testing.T) {{
					if got := len(Wrap(c.in, c.w)); got != c.want {{
						t.Errorf("Wrap(%q, %d) gave %d lines, want %d", c.in, c.w, got, c.want)
					}}
				}})
			}}
		}})
	}}
}}
'''


@kind("go-test-subtests", "test")
def n_go_sub(lines):
    """Rule 2 (go test -v, nested subtests): each '--- FAIL:' line, the first '_test.go:N:' message of each failing leaf, the FAIL/ok package lines."""
    return needles_go_test(lines)


NODE_TAP = '''
const test = require('node:test');
const assert = require('node:assert');

function median(xs) {{
  const s = [...xs].sort();
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}}

{tests}
'''


@kind("node-test-tap", "test")
def n_node_tap(lines):
    """Rule 2 (TAP): every 'not ok N - name' line, the first 'error:' or 'expected:' line of its YAML block, the '# pass'/'# fail' summary lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*not ok \d+ - ", ln):
            out.append(ln)
            nxt = next_match(lines, i, r"^\s+(error|expected):", 12)
            if nxt:
                out.append(nxt)
        elif re.match(r"^# (pass|fail|tests) \d+", ln):
            out.append(ln)
    return out


def cap_tests(tmp: Path) -> None:
    v = py_venv()
    if v is not None:
        for seed, n in ((1, 40), (2, 90)):
            rng = random.Random(seed)
            root = tmp / f"pp{seed}"
            root.mkdir(parents=True)
            (root / "calc.py").write_text(CALC)
            cases, slugs = [], []
            for _ in range(n):
                val, unit = rng.randint(1, 900), rng.choice(["", "k", "m", "g", "ki", "mi", "kib", "MB", " k"])
                mult = {"": 1, "k": 1000, "m": 10 ** 6, "g": 10 ** 9, "ki": 1024, "mi": 1024 ** 2, "kib": 1024,
                        "MB": 10 ** 6, " k": 1000}[unit]
                cases.append(f"({f'{val}{unit}'!r}, {val * mult})")
            for _ in range(n // 3):
                w = rng.choice(["Hello World", "  Café au lait ", "C++ & Rust", "a--b", "Ünïcode Names", "x.y.z"])
                slugs.append(f"({w!r}, {re.sub(r'[^a-z0-9]+', '-', w.lower()).strip('-')!r})")
            (root / "test_calc.py").write_text(PARAM_TESTS.format(cases=", ".join(cases), slugs=", ".join(slugs)))
            add(f"pytest-parametrize-{seed}", "pytest -q",
                run(f"{v}/bin/python -m pytest -q -p no:cacheprovider", cwd=root), n_pytest_param)
        root = tmp / "ppdiff"
        root.mkdir(parents=True)
        rng = random.Random(7)
        tests = ""
        for k in range(14):
            want = {"name": f"svc-{k}", "replicas": k % 4 + 1, "ports": list(range(8000, 8000 + k % 5)),
                    "env": {"MODE": "prod", "LEVEL": str(k % 3)}, "tags": ["a", "b", "c"][: k % 3 + 1]}
            if rng.random() < 0.4:
                want["replicas"] += 1
            if rng.random() < 0.3:
                want["env"]["MODE"] = "staging"
            tests += f"def test_config_{k}():\n    assert build_config({k}) == {want!r}\n\n\n"
        for k in range(3):
            tests += (f"def test_report_{k}():\n    lines = ['row %d ok' % i for i in range(30)]\n"
                      f"    expected = list(lines)\n    expected[{7 + k * 5}] = 'row {7 + k * 5} FAILED'\n"
                      "    assert '\\n'.join(lines) == '\\n'.join(expected)\n\n\n")
        (root / "test_cfg.py").write_text(DIFF_TEST.format(tests=tests))
        add("pytest-vv-diff", "pytest -vv", run(f"{v}/bin/python -m pytest -vv -p no:cacheprovider", cwd=root),
            n_pytest_diff)
    root = tmp / "ut"
    root.mkdir(parents=True)
    rng = random.Random(3)
    methods = ""
    for k in range(12):
        rows = [[rng.randint(0, 255) for _ in range(rng.randint(2, 6))] for _ in range(8)]
        exp = [sum(r) % 251 + (1 if rng.random() < 0.15 else 0) for r in rows]
        methods += (f"    def test_block_{k}(self):\n        for data, want in zip({rows!r}, {exp!r}):\n"
                    "            with self.subTest(data=data):\n                self.assertEqual(checksum(data), want)\n\n")
    methods += "    def test_empty(self):\n        self.assertEqual(checksum(None), 0)\n\n"
    (root / "test_sum.py").write_text(UNITTEST_SUBTEST.format(methods=methods))
    add("unittest-subtest", "python -m unittest -v test_sum", run("python3 -m unittest -v test_sum", cwd=root),
        n_unittest_sub)
    if have("go", "go-test-subtests"):
        for seed, n in ((1, 4), (2, 9)):
            rng = random.Random(seed)
            root = tmp / f"gosub{seed}"
            root.mkdir(parents=True)
            words = "the quick brown fox jumps over the lazy dog again and again until night".split()
            gs = []
            for g in range(n):
                cs = []
                for _ in range(rng.randint(4, 8)):
                    s = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
                    w = rng.choice([8, 10, 15, 20])
                    want = len(s) // w + 1 + (1 if rng.random() < 0.2 else 0)
                    cs.append(f'\t\t\t{{"{s}", {w}, {want}}},')
                gs.append(f'\t\t"group{g}": {{\n' + "\n".join(cs) + "\n\t\t},")
            (root / "go.mod").write_text("module example.com/text\n\ngo 1.19\n")
            (root / "wrap_test.go").write_text(GO_SUBTEST.format(groups="\n".join(gs)))
            add(f"go-test-subtests-{seed}", "go test -v ./...", run("go test -v -count=1 ./...", cwd=root,
                                                                    env={"GOFLAGS": ""}), n_go_sub)
    if have("node", "node-test-tap"):
        rng = random.Random(5)
        tests = ""
        for k in range(30):
            xs = [rng.randint(1, 120) for _ in range(rng.randint(3, 8))]
            s = sorted(xs)
            m = len(s) // 2
            want = s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2
            tests += f"test('median of set {k}', () => {{ assert.strictEqual(median({xs}), {want}); }});\n"
        root = tmp / "nodetap"
        root.mkdir(parents=True)
        (root / "median.test.js").write_text(NODE_TAP.format(tests=tests))
        add("node-test-tap", "node --test --test-reporter=tap",
            run("node --test --test-reporter=tap median.test.js", cwd=root), n_node_tap)


# ================================================================== logs

JSON_LOG_APP = '''
import json, logging, random, sys, traceback, time

class JsonFormatter(logging.Formatter):
    def format(self, r):
        d = {"ts": "2026-11-30T10:%%02d:%%02d.%%03dZ" %% (r.relativeCreated // 60000 %% 60, r.relativeCreated // 1000 %% 60, r.msecs),
             "level": r.levelname.lower(), "logger": r.name, "msg": r.getMessage(), "service": "%(svc)s"}
        d.update(getattr(r, "ctx", {}))
        if r.exc_info:
            d["exc"] = "".join(traceback.format_exception(*r.exc_info))
        return json.dumps(d)

h = logging.StreamHandler(sys.stdout)
h.setFormatter(JsonFormatter())
logging.basicConfig(level=logging.DEBUG, handlers=[h])
log = logging.getLogger("%(svc)s.worker")
rng = random.Random(%(seed)d)

def charge(order, amount):
    if amount > 9000:
        raise ValueError("amount %%d over limit for order %%s" %% (amount, order))
    if order.endswith("7") and rng.random() < 0.3:
        raise TimeoutError("payment gateway timed out after 30s")
    return amount

for i in range(%(n)d):
    order = "ord-%%05d" %% (1000 + i)
    amount = rng.choice([120, 450, 80, 9999, 300, 60, 2500])
    log.debug("picked job", extra={"ctx": {"order": order, "queue": "payments"}})
    try:
        charge(order, amount)
        log.info("charged", extra={"ctx": {"order": order, "amount": amount, "latency_ms": rng.randint(20, 90)}})
    except ValueError:
        log.exception("charge rejected", extra={"ctx": {"order": order}})
    except TimeoutError:
        log.warning("retry scheduled", extra={"ctx": {"order": order, "attempt": 2}})
    if i %% 97 == 50:
        log.error("queue lag above threshold", extra={"ctx": {"lag_s": 42 + i // 50}})
'''


@kind("json-log", "log")
def n_json_log(lines):
    """Rule 1 on JSON-lines logs: every error/critical record's line (first 200 chars); one {"any"} per (message, logger) of the warning records."""
    out, pairs = [], []
    for ln in lines:
        if not ln.startswith("{"):
            continue
        try:
            r = json.loads(ln)
        except ValueError:
            continue
        if r.get("level") in ("error", "critical", "fatal"):
            out.append(ln[:200])
        elif r.get("level") in ("warning", "warn"):
            pairs.append(((r.get("msg"), r.get("logger")), ln[:200]))
    return out + groups(pairs)


KLOG_APP = '''package main

import (
	"fmt"
	"math/rand"
	"os"
	"time"
)

var t0 = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

func logf(sev byte, file string, line int, format string, a ...interface{{}}) {{
	ts := t0.Add(time.Duration(counter) * 137 * time.Millisecond)
	counter++
	fmt.Fprintf(os.Stderr, "%c%s %7d %s:%d] %s\\n", sev, ts.Format("0102 15:04:05.000000"), 4242, file, line, fmt.Sprintf(format, a...))
}}

var counter int

func main() {{
	r := rand.New(rand.NewSource({seed}))
	pods := []string{{"web-7c9f", "web-2b1a", "api-5d6e", "worker-9f0c", "db-0"}}
	for i := 0; i < {n}; i++ {{
		p := pods[r.Intn(len(pods))]
		switch x := r.Intn(100); {{
		case x < 70:
			logf('I', "reconciler.go", 211, "Reconciled pod=%q revision=%d duration=%dms", p, 1000+i, 3+r.Intn(40))
		case x < 88:
			logf('I', "cache.go", 94, "Cache sync for %q: %d objects", p, r.Intn(500))
		case x < 96:
			logf('W', "client.go", 330, "Throttling request took %dms, request: GET:/api/v1/namespaces/default/pods/%s", 1000+r.Intn(900), p)
		case x < 99:
			logf('E', "reconciler.go", 260, "Reconcile failed pod=%q err=\\"context deadline exceeded\\" retry=%d", p, r.Intn(5))
		default:
			logf('E', "volume.go", 77, "MountVolume.SetUp failed for volume %q: secret %q not found", "cfg-"+p, "tls-"+p)
		}}
	}}
}}
'''


@kind("klog", "log")
def n_klog(lines):
    """Rule 1 on klog-style lines ('Lmmdd hh:mm:ss.us pid file:line] msg'): every E/F line; one {"any"} per (file:line, message shape) of the W lines."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^([IWEF])\d{4} [\d:.]+\s+\d+ (\S+:\d+)\] (.*)$", ln)
        if not m:
            continue
        if m.group(1) in "EF":
            out.append(ln)
        elif m.group(1) == "W":
            pairs.append(((m.group(2), mask(m.group(3))), ln))
    return out + groups(pairs)


JAVA_LOG = '''
import java.util.*;
import java.util.logging.*;

public class Jobs {{
    static final Logger LOG = Logger.getLogger("com.example.jobs.Runner");

    static int parse(String raw) {{ return Integer.parseInt(raw.trim()); }}

    static int load(String key, Map<String, String> cfg) {{
        try {{
            return parse(cfg.get(key));
        }} catch (NullPointerException | NumberFormatException e) {{
            throw new IllegalStateException("bad config key " + key, e);
        }}
    }}

    public static void main(String[] args) {{
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %2$s - %5$s%6$s%n");
        Random r = new Random({seed});
        Map<String, String> cfg = new HashMap<>();
        cfg.put("threads", "8"); cfg.put("retries", " 3 "); cfg.put("timeout", "30s");
        String[] keys = {{"threads", "retries", "threads", "retries", "timeout", "batch"}};
        for (int i = 0; i < {n}; i++) {{
            String k = keys[r.nextInt(keys.length)];
            try {{
                int v = load(k, cfg);
                LOG.info("job " + i + " loaded " + k + "=" + v);
            }} catch (IllegalStateException e) {{
                if (i % 3 == 0) LOG.log(Level.SEVERE, "job " + i + " aborted", e);
                else LOG.warning("job " + i + " using default for " + k);
            }}
        }}
    }}
}}
'''


@kind("java-util-logging", "log")
def n_java_log(lines):
    """Rule 1 on java.util.logging with stack traces: every SEVERE line, each distinct exception line ('X: msg' and 'Caused by:') with the first 'at ' frame after it; one {"any"} per message shape of the WARNING lines."""
    out, pairs, seen = [], [], set()
    for i, ln in enumerate(lines):
        if " SEVERE " in ln:
            out.append(ln)
        elif " WARNING " in ln:
            pairs.append((mask(ln.split(" - ", 1)[-1]), ln))
        elif re.match(r"^(Caused by: )?[a-z]+(\.[a-zA-Z_$]+)+(Exception|Error)(: .*)?$", ln) and ln not in seen:
            seen.add(ln)
            out.append(ln)
            at = next_match(lines, i, r"^\s+at ", 3)
            if at:
                out.append(at)
    return out + groups(pairs)


def cap_logs(tmp: Path) -> None:
    for seed, n, svc in ((1, 260, "billing"), (2, 700, "checkout")):
        root = tmp / f"jl{seed}"
        root.mkdir(parents=True)
        (root / "app.py").write_text(JSON_LOG_APP % {"svc": svc, "seed": seed, "n": n})
        add(f"json-log-{seed}", "python app.py", run("python3 app.py", cwd=root), n_json_log)
    if have("go", "klog"):
        for seed, n in ((1, 300), (2, 900)):
            root = tmp / f"klog{seed}"
            root.mkdir(parents=True)
            (root / "main.go").write_text(KLOG_APP.format(seed=seed, n=n))
            add(f"klog-{seed}", "kubectl logs deploy/controller (klog format)",
                run("go run main.go", cwd=root, env={"GOFLAGS": "", "GO111MODULE": "off"}), n_klog)
    if have("javac", "java-util-logging"):
        root = tmp / "jul"
        root.mkdir(parents=True)
        (root / "Jobs.java").write_text(JAVA_LOG.format(seed=11, n=60))
        add("java-util-logging", "java Jobs", run("javac Jobs.java && java Jobs", cwd=root, timeout=200), n_java_log)


# ================================================================== listings

LS_I = ["inode", "perms", "links", "owner", "group", "size", "date", "time", "tz", "name"]
FIND_LS = ["inode", "blocks", "perms", "links", "owner", "group", "size", "mon", "day", "time", "path"]


@kind("find-ls", "listing")
def n_find_ls(lines):
    """Rule 4 on find -ls: rows with a rare perms/owner/group value; min/max size rows."""
    rows = [r for r in ws_rows(lines, FIND_LS) if r[1].get("path")]
    return rule4(rows, cat=("perms", "owner", "group"), nums=("size",))


@kind("ls-li-full-time", "listing")
def n_ls_li(lines):
    """Rule 4 on ls -li --full-time: the 'total' line; rows with a rare perms/owner/group value; min/max size and links rows."""
    rows = [r for r in ws_rows([ln for ln in lines if re.match(r"^\s*\d+ [-dl]", ln)], LS_I) if r[1].get("name")]
    return rule4(rows, cat=("perms", "owner", "group"), nums=("size", "links"),
                 header=[ln for ln in lines if ln.startswith("total ")][:1])


@kind("du-k-depth", "listing")
def n_du_k(lines):
    """Rules 4+5 on du -k --max-depth (unsorted): min/max size rows; the last line (the total)."""
    ls = [ln for ln in lines if ln.strip()]
    return rule4(ws_rows(ls, ["size", "path"]), nums=("size",)) + ls[-1:]


@kind("tree-json", "listing")
def n_tree_json(lines):
    """Rules 4+5 on tree -J -s: the report record; over file records: min/max size lines; every directory's name line."""
    doc = json.loads("\n".join(lines))
    rows, out, dirs = [], [], []

    def walk(node):
        for c in node.get("contents", []):
            if c["type"] == "directory":
                dirs.append(c["name"])
                walk(c)
            elif c["type"] == "file":
                rows.append(c)
    for top in doc:
        if top["type"] == "report":
            s = json.dumps(top, separators=(",", ":"))
            out.append(next((ln.strip().rstrip(",")[:200] for ln in lines if '"type":"report"' in ln), s))
        else:
            walk(top)
    flat = [ln for ln in lines if '"type":"file"' in ln]
    sized = [(ln, {"size": json.loads(ln.strip().rstrip(",").rstrip("]"))["size"]}) for ln in flat
             if ln.strip().startswith("{") and ln.strip().rstrip(",").endswith("}")]
    out += [n if isinstance(n, dict) else n for n in rule4(sized, nums=("size",))]
    out += [next(ln for ln in lines if f'"name":"{d}"' in ln).strip()[:120] for d in dirs[:40]]
    return out


@kind("lsof-p", "listing")
def n_lsof_p(lines):
    """Rule 4 on lsof -p: the header; rows with a rare FD-kind or TYPE value; min/max SIZE/OFF rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["COMMAND", "PID", "USER", "FD", "TYPE", "DEVICE", "SIZE", "NODE", "NAME"])
    for _, r in rows:
        r["FDK"] = re.sub(r"\d+", "N", r.get("FD", ""))
    return rule4(rows, cat=("FDK", "TYPE"), nums=("SIZE",), header=ls[:1])


@kind("ps-eo", "listing")
def n_ps_eo(lines):
    """Rule 4 on ps -eo pid,ppid,user,stat,pcpu,rss,etime,comm: header; rare user/stat rows; min/max pid, pcpu, rss rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["PID", "PPID", "USER", "STAT", "CPU", "RSS", "ELAPSED", "COMMAND"])
    return rule4(rows, cat=("USER", "STAT"), nums=("PID", "CPU", "RSS"), header=ls[:1])


@kind("sqlite-json", "table")
def n_sqlite_json(lines):
    """Rule 4 on sqlite3 -json: rows with a rare status/region value; min/max amount_cents and qty rows."""
    text = "\n".join(lines)
    recs = json.loads(text)
    return json_records_needles(text, recs, "id", pretty=False, cat=("status", "region"), nums=("amount_cents", "qty"))


def cap_listings(tmp: Path) -> None:
    add("find-ls-1", "find /usr/share/doc/git -ls", run("find /usr/share/doc/git -ls"), n_find_ls)
    add("find-ls-2", "find /etc -maxdepth 2 -ls", run("find /etc -maxdepth 2 -ls 2>/dev/null"), n_find_ls)
    add("ls-li-full-time", "ls -li --full-time /usr/bin | head -400",
        run("ls -li --full-time /usr/bin | head -400"), n_ls_li)
    add("du-k-depth", "du -k --max-depth=2 /usr/share | head -600",
        run("du -k --max-depth=2 /usr/share 2>/dev/null | head -600"), n_du_k)
    if have("tree", "tree-json"):
        add("tree-json", "tree -J -s /usr/share/doc/python3*", run("tree -J -s /usr/share/doc/python3* /usr/share/doc/git | head -c 150000"),
            n_tree_json)
    if have("lsof", "lsof-p"):
        root = tmp / "lsof"
        root.mkdir(parents=True)
        (root / "hold.py").write_text(
            "import socket, time, os, tempfile\nfs=[open(f'/tmp/hm-corpus-wide2/lsof/f{i}.dat','w') for i in range(40)]\n"
            "[f.write('x'*(i*997)) or f.flush() for i,f in enumerate(fs)]\n"
            "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen()\nr,w=os.pipe()\nprint('ready', flush=True)\n"
            "time.sleep(60)\n")
        log = open(root / "out.txt", "w")
        p = start(["python3", str(root / "hold.py")], log=log)
        import time as _t
        for _ in range(50):
            if (root / "out.txt").read_text().startswith("ready"):
                break
            _t.sleep(0.1)
        add("lsof-p", "lsof -p <pid>", run(f"lsof -p {p.pid}"), n_lsof_p)
        stop(p)
    add("ps-eo", "ps -eo pid,ppid,user,stat,pcpu,rss,etime,comm", run("ps -eo pid,ppid,user,stat,pcpu,rss,etime,comm"),
        n_ps_eo)
    if have("sqlite3", "sqlite-json"):
        rng = random.Random(4)
        db = tmp / "shop.db"
        sql = "create table orders(id integer primary key, customer text, region text, status text, qty int, amount_cents int);\n"
        for i in range(400):
            st = "shipped" if rng.random() < 0.9 else rng.choice(["refunded", "lost", "pending"])
            sql += (f"insert into orders values({i + 1}, 'cust{rng.randint(1, 90)}', "
                    f"'{rng.choice(['eu', 'eu', 'us', 'us', 'us', 'apac'])}', '{st}', {rng.randint(1, 9)}, "
                    f"{rng.randint(500, 20000)});\n")
        (tmp / "shop.sql").write_text(sql)
        run(f"sqlite3 {db} < {tmp / 'shop.sql'}")
        add("sqlite-json", "sqlite3 -json shop.db 'select * from orders'",
            run(f"sqlite3 -json {db} 'select * from orders'"), n_sqlite_json)


# ================================================================== git

@kind("git-show-merge", "git")
def n_git_show_merge(lines):
    """Rule 5 on git show of a merge: the commit hash, the 'Merge:' and 'Author:' lines, the subject, every path of the --stat, the stat summary."""
    out = [ln.split()[1] for ln in lines if ln.startswith("commit ")]
    out += [ln for ln in lines if ln.startswith(("Merge:", "Author:"))]
    text = "\n".join(lines)
    out += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", text, re.M)]
    for ln in lines:
        m = re.match(r"^ (\S.*?) +\| +(?:\d+|Bin)", ln)
        if m:
            out.append(m.group(1))
        if re.match(r"\s*\d+ files? changed", ln):
            out.append(ln)
    return out


@kind("git-range-diff", "git")
def n_range_diff(lines):
    """Rule 5 on git range-diff: every commit-pair header line ('N: hash = / ! / < / > N: hash subject')."""
    return [ln for ln in lines if re.match(r"^\s*(\d+|-):\s+([0-9a-f]{7,}|-+) [=!<>] +(\d+|-):", ln)]


@kind("git-log-name-status", "git")
def n_log_name_status(lines):
    """Rule 5 + 4 on git log --name-status: every commit hash and subject; path rows whose status letter is rare while M dominates."""
    text = "\n".join(lines)
    out = re.findall(r"^commit ([0-9a-f]{40})", text, re.M)
    out += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", text, re.M)]
    rows = [(ln, {"st": ln.split("\t")[0][:1]}) for ln in lines if re.match(r"^[AMDRCT]\d*\t", ln)]
    return out + rule4(rows, cat=("st",))


def make_repo(root: Path) -> None:
    rng = random.Random(9)
    env = {"GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada",
           "GIT_COMMITTER_EMAIL": "ada@example.com"}
    run(f"git init -q -b main {root}")
    people = [("Ada", "ada@example.com"), ("Bo", "bo@example.com"), ("Cy", "cy@example.com")]
    files = [f"src/mod{i}.py" for i in range(12)]

    def commit(msg, k, who=None):
        name, mail = who or rng.choice(people)
        e = dict(env, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=mail,
                 GIT_AUTHOR_DATE=f"2026-0{1 + k // 30}-{1 + k % 28:02d}T10:00:00", GIT_COMMITTER_DATE=f"2026-0{1 + k // 30}-{1 + k % 28:02d}T10:00:00")
        run(f"git add -A && git commit -q -m {json.dumps(msg)}", cwd=root, env=e)

    for k in range(60):
        f = root / rng.choice(files)
        f.parent.mkdir(parents=True, exist_ok=True)
        lines = f.read_text().splitlines() if f.exists() else []
        for _ in range(rng.randint(1, 6)):
            lines.insert(rng.randint(0, len(lines)), f"value_{k}_{rng.randint(0, 999)} = {rng.randint(0, 99)}")
        f.write_text("\n".join(lines) + "\n")
        if k % 13 == 5:
            (root / f"docs/note{k}.md").parent.mkdir(exist_ok=True)
            (root / f"docs/note{k}.md").write_text(f"# note {k}\n")
        if k == 40:
            run("git mv src/mod3.py src/core.py", cwd=root)
        if k == 47:
            run("git rm -q docs/note5.md", cwd=root)
        commit(rng.choice(["Fix rounding in", "Refactor", "Add option to", "Speed up", "Document"])
               + f" {f.stem} (#{100 + k})", k)
    # topic branch of 12 commits (some also touching main's files); v2 = v1 replayed on main with three
    # commits amended, one dropped and one added -> range-diff with =, !, <, > pairs; v2 merged -> merge commit
    run("git checkout -q -b topic HEAD~6", cwd=root)
    shas = []
    for k in range(12):
        (root / f"src/topic{k}.py").write_text("\n".join(f"t{k}_{j} = {j}" for j in range(20 + k)) + "\n")
        g = root / files[k]
        g.write_text((g.read_text() if g.exists() else "") + f"from .topic{k} import *\n")
        commit(f"topic: step {k} wires topic{k} into {files[k]}", 70 + k, people[k % 3])
        shas.append(run("git rev-parse HEAD", cwd=root).strip())
    run("git branch topic-v1", cwd=root)
    run("git checkout -q -b topic-v2 main", cwd=root)
    for k, sha in enumerate(shas):
        if k == 9:
            continue
        out = run(f"git cherry-pick {sha}", cwd=root, env=env)
        if "CONFLICT" in out or "error" in out:
            run("git checkout --theirs . && git add -A && git -c core.editor=true cherry-pick --continue", cwd=root, env=env)
        if k in (2, 5, 8):
            (root / f"src/topic{k}.py").write_text("\n".join(f"t{k}_{j} = {j * 2}" for j in range(20 + k)) + "\n")
            run("git commit -q -a --amend --no-edit", cwd=root, env=env)
    (root / "src/topic_extra.py").write_text("extra = True\n")
    commit("topic: add extra switch", 90, people[0])
    run("git checkout -q main", cwd=root)
    run("git merge -q --no-ff -X theirs -m 'Merge branch topic-v2 into main' topic-v2", cwd=root, env=env)


def cap_git(tmp: Path) -> None:
    root = tmp / "repo"
    make_repo(root)
    add("git-show-merge", "git show --stat HEAD", run("git show --stat --summary -m --first-parent HEAD~0 && git show --stat HEAD^2", cwd=root),
        n_git_show_merge)
    add("git-range-diff", "git range-diff main~1...topic-v1 topic-v2 (rebased)",
        run("git range-diff --no-color topic-v1~12..topic-v1 main~1..topic-v2", cwd=root), n_range_diff)
    big = max(root.glob("src/mod*.py"), key=lambda p: p.stat().st_size).relative_to(root)
    add("git-blame-porcelain", f"git blame -p {big}", run(f"git blame -p {big}", cwd=root), n_blame_p)
    add("git-log-name-status", "git log --name-status -40", run("git log --name-status -40", cwd=root),
        n_log_name_status)


# ================================================================== package managers

@kind("pip-check", "pkg")
def n_pip_check(lines):
    """Rule 1: every problem line pip check prints (requirement not installed / wrong version)."""
    return [ln for ln in lines if re.search(r" (requires|has requirement) ", ln)]


@kind("npm-audit", "pkg")
def n_npm_audit_text(lines):
    """Rules 1+3 on npm audit (text): every 'Severity:' line with the package line above it, every advisory title line ('- https' lines' text), the final 'N vulnerabilities' summary."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Severity: "):
            out.append(ln)
            if i and lines[i - 1].strip():
                out.append(lines[i - 1])
        elif re.search(r"\d+ (\w+ severity )?vulnerabilit(y|ies) \(", ln):
            out.append(ln)
    return out


@kind("npm-outdated-long", "pkg")
def n_npm_outdated_long(lines):
    """Rules 4+5 on npm outdated --long: the header and every package row (each is a value a question asks for)."""
    return [ln for ln in lines if ln.strip()][:60]


@kind("npm-outdated-json", "pkg")
def n_npm_outdated_json(lines):
    """Rule 5 on npm outdated --json: every package's name line and its "current" and "latest" lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r'^  "[^"]+": \{$', ln):
            out.append(ln)
            for key in ("current", "latest"):
                v = next_match(lines, i, rf'^    "{key}": ', 8)
                if v:
                    out.append(v)
    return out


def cap_pkg(tmp: Path) -> None:
    v = tmp / "pcv"
    run(f"python3 -m venv {v}")
    pkgs = "flask requests sphinx jinja2 rich httpx black mkdocs twine"
    run(f"{v}/bin/pip install -q --no-deps {pkgs} markupsafe==2.0.1 click==7.1.2", timeout=300)
    add("pip-check", "pip check", run(f"{v}/bin/pip check"), n_pip_check)
    if have("npm", "npm-audit"):
        root = tmp / "npmaud"
        root.mkdir(parents=True)
        (root / "package.json").write_text(json.dumps({"name": "legacy-app", "version": "1.0.0", "dependencies": {
            "lodash": "4.17.4", "minimist": "0.0.8", "express": "4.16.0", "moment": "2.19.1", "axios": "0.18.0",
            "handlebars": "4.0.11", "node-fetch": "2.6.0", "jquery": "3.3.1"}}, indent=2))
        out = run("npm install --package-lock-only --ignore-scripts --no-audit", cwd=root, timeout=300,
                  env={"CARGO_NET_OFFLINE": None})
        if not (root / "package-lock.json").exists():
            note(f"skip npm audit: {out[-300:]}")
            return
        add("npm-audit", "npm audit", run("npm audit", cwd=root, timeout=200), n_npm_audit_text)
        out = run("npm install --ignore-scripts --no-audit", cwd=root, timeout=300)
        add("npm-outdated-long", "npm outdated --long", run("npm outdated --long", cwd=root, timeout=200), n_npm_outdated_long)
        add("npm-outdated-json", "npm outdated --json", run("npm outdated --json", cwd=root, timeout=200), n_npm_outdated_json)


# ================================================================== main

STEPS = [cap_lint, cap_tests, cap_logs, cap_listings, cap_git, cap_pkg]


def main() -> None:
    cm.capture_main(__doc__, STEPS, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
