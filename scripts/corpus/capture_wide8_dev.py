"""Round 8, Python and Node tools an agent runs now and then: pstats callers, trace --count, pydoc -k, pip debug,
sysconfig, pytest --setup-plan, coverage json, radon cc/mi, interrogate, pylint --reports=y; npm query, npm fund,
npm config ls -l, npm audit, tsc --showConfig, tsc --traceResolution, eslint --print-config.
Each extractor's docstring is its rule. Run through capture_wide8.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from capture_data import rule4
from capture_more import add_or_skip as add, have, kind, run, write_tree
from capture_wide6 import JS, VENV, js_proj
from capture_wide8 import table

TOOLS = Path("/tmp/hm-corpus-wide8-tools")  # radon and interrogate, which the earlier tool installs lack
PYLINT = Path("/tmp/hm-corpus-wide7-tools/venv/bin/pylint")
SITE = VENV / "lib" / "python3.11" / "site-packages"
NM = JS / "node_modules"


@kind("python-pstats-callers", "table")
def n_pstats(lines):
    """Rules 3+4 on pstats print_stats+print_callers: the 'function calls … in N seconds' totals line; the header; the print_stats rows of max tottime and max ncalls."""
    out = [ln for ln in lines if re.search(r"function calls .* in [\d.]+ seconds", ln)]
    end = next((i for i, ln in enumerate(lines) if "was called by" in ln), len(lines))
    rows = [(ln, {"ncalls": ln.split()[0].split("/")[0], "tottime": ln.split()[1]}) for ln in lines[:end]
            if re.match(r"^\s+[\d/]+\s+\d+\.\d+\s+\d+\.\d+", ln)]
    hdr = [ln for ln in lines if re.match(r"^\s+ncalls\s+tottime", ln)][:1]
    return out + hdr + rule4(rows, nums=("ncalls", "tottime"))[1::2]


@kind("python-trace-count", "test")
def n_trace(lines):
    """Rules 3+4 on python -m trace --count --summary: the header; the module rows of min and max coverage percent."""
    return table(lines, r"^lines\s+cov%\s+module", ["lines", "cov", "module", "path"], nums=("cov",))


@kind("pydoc-k", "search")
def n_pydoc_k(lines):
    """Rule 5 on pydoc -k WORD: the first hit of every top-level package, and every line with an error/exception (a module that failed to import)."""
    seen: dict[str, str] = {}
    for ln in lines:
        seen.setdefault(ln.split(" - ")[0].split(".")[0], ln)
    return list(seen.values()) + [ln for ln in lines if re.search(r"(?i)error|exception|warning", ln)]


@kind("pip-debug-verbose", "pkg")
def n_pip_debug(lines):
    """Rule 5 on pip debug --verbose: the pip version, sys.version, sys.platform and implementation lines, the 'Compatible tags: N' line and its first tag."""
    out = [ln for ln in lines if re.match(r"^(pip version|sys\.version|sys\.executable|sys\.platform|sys\.implementation|Compatible tags)", ln)]
    i = next((i for i, ln in enumerate(lines) if ln.startswith("Compatible tags")), None)
    return out + ([lines[i + 1]] if i is not None and i + 1 < len(lines) else [])


@kind("python-sysconfig", "doc")
def n_sysconfig(lines):
    """Rule 5 on python -m sysconfig: the Platform, Python version and scheme lines, and the CC, CFLAGS, LDSHARED, EXT_SUFFIX, SOABI and prefix variables."""
    return [ln for ln in lines if re.match(r'^(Platform|Python version|Current installation scheme):', ln)
            or re.match(r'^\s+(CC|CFLAGS|LDSHARED|EXT_SUFFIX|SOABI|prefix|LIBDIR|Py_DEBUG) = ', ln)]


@kind("pytest-setup-plan", "test")
def n_setup_plan(lines):
    """Rules 3+5 on pytest --setup-plan: every SETUP line of a session- or module-scoped fixture (S/M) and the closing summary line."""
    return [ln for ln in lines if re.match(r"^\s*SETUP\s+[SM] ", ln)] + [ln for ln in lines if re.search(r"=+ .*(in \d|no tests ran)", ln)]


@kind("coverage-json", "json")
def n_coverage_json(lines):
    """Rules 3+4 on coverage json -o - (pretty): the "percent_covered_display" totals line; the files of min and max percent_covered (their "percent_covered" lines' file keys)."""
    doc = json.loads("\n".join(lines))
    files = doc["files"]
    pcts = {f: v["summary"]["percent_covered"] for f, v in files.items()}
    lo, hi = min(pcts.values()), max(pcts.values())
    out = [next((ln for ln in lines if ln.strip().startswith(json.dumps(f) + ": {")), None) for f, p in pcts.items() if p in (lo, hi)]
    return out + [ln for ln in lines if re.match(r'^\s{8}"percent_covered_display": ', ln)][-1:]


@kind("radon-cc", "lint")
def n_radon_cc(lines):
    """Rule 4 on radon cc -s (grade per block): every block graded C or worse (rare while A covers half) with its file line; the closing 'Average complexity' line."""
    out, cur = [], None
    for ln in lines:
        if not ln.startswith(" "):
            cur = ln
        elif re.search(r" - [C-F] \(\d+\)$", ln):
            out += [ln, cur]
    return out + [ln for ln in lines if ln.startswith("Average complexity")]


@kind("radon-mi", "lint")
def n_radon_mi(lines):
    """Rule 4 on radon mi -s: every file graded B or C (rare while A covers half); the rows of min and max index."""
    rows = [(ln, {"g": m.group(1), "mi": m.group(2)}) for ln in lines for m in [re.search(r" - ([A-C]) \(([\d.]+)\)$", ln)] if m]
    return rule4(rows, cat=("g",), nums=("mi",))


@kind("interrogate-v", "lint")
def n_interrogate(lines):
    """Rules 3+4 on interrogate -vv: the header row; the files of min and max Cover%; the 'RESULT: FAILED/PASSED' line."""
    rows = [(ln, {"cov": m.group(1)}) for ln in lines for m in [re.search(r"\|\s+([\d.]+)%\s*\|$", ln)] if m and "TOTAL" not in ln]
    hdr = [ln for ln in lines if re.search(r"\|\s+Name\s+\|", ln)][:1]
    return hdr + rule4(rows, nums=("cov",)) + [ln for ln in lines if "RESULT:" in ln or "TOTAL" in ln]


@kind("pylint-reports", "lint")
def n_pylint_reports(lines):
    """Rules 1+3+5 on pylint --reports=y: every E/F message line; one {"any"} per message id; every report table title and the 'Your code has been rated' line."""
    out = [ln for ln in lines if re.match(r"^\S+:\d+:\d+: [EF]\d{4}", ln)]
    ids: dict[str, list[str]] = {}
    for ln in lines:
        m = re.match(r"^\S+:\d+:\d+: ([CRW]\d{4})", ln)
        if m:
            ids.setdefault(m.group(1), []).append(ln)
    out += [{"any": v} if len(v) > 1 else v[0] for v in ids.values()]
    return out + [ln for ln in lines if re.match(r"^(Raw metrics|Duplication|Messages by category|Statistics by type|% errors / warnings by module|Messages|External dependencies)$", ln)
                  or "Your code has been rated" in ln]


@kind("npm-query", "json")
def n_npm_query(lines):
    """Rule 5 on npm query (JSON array): the "name" line and "version" line of every queried node's top-level entry (4 spaces), the first 80 such lines."""
    return [ln for ln in lines if re.match(r'^    "(name|version)": ', ln)][:80]


@kind("npm-fund", "pkg")
def n_npm_fund(lines):
    """Rule 5 on npm fund: the root line and every funding URL line (the first 60; what a question asks for)."""
    return lines[:1] + [ln for ln in lines if "http" in ln][:60]


@kind("npm-config-ls-l", "doc")
def n_npm_config(lines):
    """Rule 5 on npm config ls -l: every line overridden from its default (the ';'-commented default lines' settings above them) and the registry, cache, prefix and userconfig lines."""
    return [ln for ln in lines if re.match(r"^; (\w+) = .* ; overridden by", ln)] + \
        [ln for ln in lines if re.match(r"^(registry|cache|prefix|userconfig|globalconfig|node-version|npm-version) = ", ln)]


@kind("tsc-showconfig", "json")
def n_showconfig(lines):
    """Rule 5 on tsc --showConfig: every compilerOptions line (the effective settings) and the "files"/"include"/"exclude" keys."""
    return [ln for ln in lines if re.match(r'^\s{8}"\w+": ', ln) or re.match(r'^\s{4}"(files|include|exclude)": ', ln)]


@kind("tsc-trace-resolution", "log")
def n_trace_resolution(lines):
    """Rules 1+5 on tsc --traceResolution: every '======== Module name … was not resolved' line and every error line; the first 'successfully resolved' line of each module name (the first 40 names)."""
    out = [ln for ln in lines if re.search(r"was not resolved|error TS", ln)]
    seen: dict[str, str] = {}
    for ln in lines:
        m = re.match(r"^======== Module name '([^']+)' was successfully resolved", ln)
        if m:
            seen.setdefault(m.group(1), ln)
    return out + list(seen.values())[:40]


@kind("eslint-print-config", "json")
def n_eslint_config(lines):
    """Rule 5 on eslint --print-config (JSON): the name line of every rule whose severity is 0 or 1 (off or warn: what a question on 'is X enforced' needs) and the languageOptions ecmaVersion/sourceType/parser lines."""
    out = [lines[i - 1] for i, ln in enumerate(lines) if i and re.match(r"^\s+[01],?$", ln) and lines[i - 1].rstrip().endswith("[")]
    return out + [ln for ln in lines if re.match(r'^\s{4}"(ecmaVersion|sourceType|parser)": ', ln)]


def cap_python(tmp: Path) -> None:
    py = f"{VENV}/bin/python"
    d = tmp / "py"
    d.mkdir()
    (d / "work.py").write_text("import json, re, textwrap, difflib\n"
                               "def parse(s): return json.loads(s)\n"
                               "def words(s): return re.findall(r'\\w+', s)\n"
                               "def wrap(s): return textwrap.fill(s, 40)\n"
                               "def diff(a, b): return list(difflib.unified_diff(a, b))\n"
                               "def main():\n    doc = json.dumps({'k%d' % i: list(range(20)) for i in range(200)})\n"
                               "    for _ in range(30):\n        parse(doc); words(doc); wrap(doc[:4000])\n"
                               "    diff(doc.splitlines(), doc.replace('1', '2').splitlines())\n"
                               "if __name__ == '__main__':\n    main()\n")
    run(f"{py} -m cProfile -o prof.out work.py", cwd=d, timeout=200)
    add("pstats-callers-work", "python -c 'import pstats; s = pstats.Stats(\"prof.out\"); s.sort_stats(\"tottime\").print_stats(25); s.print_callers(12)'",
        run(f"{py} -c 'import pstats; s = pstats.Stats(\"prof.out\"); s.sort_stats(\"tottime\").print_stats(25); s.print_callers(12)'", cwd=d),
        n_pstats)
    add("python-trace-count-summary", "python -m trace --count --summary --missing work.py",
        run(f"{py} -m trace --count --summary --missing -C cov work.py", cwd=d, timeout=300), n_trace)
    add("pydoc-k-parse", "python -m pydoc -k parse", run(f"{py} -m pydoc -k parse 2>&1 | head -600", cwd=d, timeout=200), n_pydoc_k)
    add("pip-debug-verbose", "pip debug --verbose", run(f"{py} -m pip debug --verbose"), n_pip_debug)
    add("python-m-sysconfig", "python -m sysconfig", run(f"{py} -m sysconfig | head -700"), n_sysconfig)
    t = tmp / "fx"
    files = {"conftest.py": "import pytest\n@pytest.fixture(scope='session')\ndef db():\n    yield {}\n"
                            "@pytest.fixture(scope='module')\ndef client(db):\n    yield db\n@pytest.fixture\ndef user(client):\n    return 'u'\n"
                            "@pytest.fixture(params=['eu', 'us', 'ap'])\ndef region(request):\n    return request.param\n"}
    for k in range(8):
        files[f"test_api_{k}.py"] = "".join(f"def test_{k}_{j}(user{', region' if j % 3 == 0 else ''}):\n    pass\n\n" for j in range(6))
    write_tree(t, files)
    add("pytest-setup-plan-fixtures", "pytest --setup-plan", run(f"{py} -m pytest --setup-plan -p no:cacheprovider", cwd=t), n_setup_plan)
    c = tmp / "cov"
    if (SITE / "pipdeptree").exists():
        shutil.copytree(SITE / "pipdeptree", c / "pipdeptree", ignore=shutil.ignore_patterns("__pycache__"))
        run(f"{py} -m coverage run --branch -m pipdeptree --python {py} -w silence", cwd=c, timeout=200)
        add("coverage-json-pipdeptree", "coverage json --pretty-print -o -",
            run(f"{py} -m coverage json --pretty-print -o - 2>/dev/null || (coverage json --pretty-print -o cov.json && cat cov.json)", cwd=c),
            n_coverage_json)
    if not (TOOLS / "venv" / "bin" / "radon").exists():
        run(f"python3 -m venv {TOOLS}/venv && {TOOLS}/venv/bin/pip install -q radon interrogate", timeout=600)
    src = tmp / "src"
    for pkg in ("nox", "pipdeptree", "virtualenv"):
        if (SITE / pkg).exists():
            shutil.copytree(SITE / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    if (TOOLS / "venv" / "bin" / "radon").exists():
        add("radon-cc-s-nox-virtualenv", "radon cc -s nox virtualenv", run(f"{TOOLS}/venv/bin/radon cc -s nox virtualenv", cwd=src), n_radon_cc)
        add("radon-mi-s-virtualenv", "radon mi -s virtualenv nox", run(f"{TOOLS}/venv/bin/radon mi -s virtualenv nox", cwd=src), n_radon_mi)
        add("interrogate-vv-nox", "interrogate -vv nox pipdeptree", run(f"{TOOLS}/venv/bin/interrogate -vv --fail-under 80 nox pipdeptree",
                                                                        cwd=src, env={"COLUMNS": "140"}), n_interrogate)
    if PYLINT.exists():
        add("pylint-reports-y-pipdeptree", "pylint --reports=y pipdeptree",
            run(f"{PYLINT} --persistent=n --reports=y pipdeptree", cwd=src, timeout=400), n_pylint_reports)


def cap_node(tmp: Path) -> None:
    if not have("npm", "npm-*"):
        return
    d = tmp / "npmproj"
    d.mkdir()
    (d / "package.json").write_text(json.dumps({"name": "legacy-report", "version": "0.3.0", "private": True,
                                                "dependencies": {"lodash": "4.17.15", "minimist": "1.2.0", "yargs": "17.7.2",
                                                                 "chalk": "4.1.2", "debug": "2.6.8", "ms": "2.0.0"}}, indent=2))
    run("npm install --no-audit --no-fund --loglevel=error", cwd=d, timeout=400)
    add("npm-query-deps", "npm query ':root > .prod'", run("npm query ':root > .prod'", cwd=d), n_npm_query)
    add("npm-fund-eslint-tools", "npm fund (tool install)", run("npm fund", cwd=JS), n_npm_fund)
    add("npm-config-ls-l", "npm config ls -l", run("npm config ls -l", cwd=d, env={"npm_config_loglevel": "warn", "npm_config_save_exact": "true"}),
        n_npm_config)
    if (NM / "typescript").exists():
        tsfiles = {"tsconfig.json": json.dumps({"extends": "./tsconfig.base.json", "compilerOptions": {"outDir": "dist", "noEmit": True,
                                                "paths": {"@app/*": ["src/*"]}, "baseUrl": "."}, "include": ["src"]}),
                   "tsconfig.base.json": json.dumps({"compilerOptions": {"strict": True, "target": "es2020", "module": "commonjs",
                                                     "moduleResolution": "node", "esModuleInterop": True, "skipLibCheck": True,
                                                     "lib": ["es2020", "dom"], "declaration": True, "sourceMap": True, "noImplicitReturns": True,
                                                     "noUnusedLocals": True, "resolveJsonModule": True, "forceConsistentCasingInFileNames": True}}),
                   "src/index.ts": "import { helper } from '@app/util';\nimport * as path from 'path';\nimport yargs from 'yargs';\n"
                                   "import missing from 'not-installed-pkg';\nimport sem from 'semver';\nexport const x = helper(path.sep);\n",
                   "src/util.ts": "export function helper(s: string): string { return s; }\n"}
        t = js_proj(tmp / "tsproj", tsfiles)
        add("tsc-showconfig", "npx tsc --showConfig", run("npx tsc --showConfig", cwd=t, timeout=120), n_showconfig)
        add("tsc-trace-resolution", "npx tsc --traceResolution --noEmit", run("npx tsc --traceResolution --noEmit | head -700", cwd=t, timeout=200),
            n_trace_resolution)
    if (NM / "eslint").exists():
        e = js_proj(tmp / "eslintproj", {"eslint.config.js": "const js = require('@eslint/js');\nmodule.exports = [js.configs.recommended, "
                                         "{ languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs' }, rules: { 'no-var': 'error', eqeqeq: ['error', 'smart'], 'no-console': 'warn', "
                                         "complexity: ['warn', 10], 'no-undef': 'off', 'no-empty': ['warn', { allowEmptyCatch: true }] } }];\n",
                                         "index.js": "var x = 1;\n"})
        add("eslint-print-config", "npx eslint --print-config index.js", run("npx eslint --print-config index.js", cwd=e, timeout=120),
            n_eslint_config)


STEPS = [cap_python, cap_node]
