#!/usr/bin/env python3
"""Capture the compression benchmark's corpus: REAL tool outputs from real programs run here.

Every item is the stdout+stderr of a command actually executed by this script (a pytest run with
failures, pip installs, grep/rg over mitmproxy's source, git log/diff, JSON from pip and npm,
directory listings, HTML shipped inside installed packages). Nothing is typed by hand except the
small throwaway project whose tests fail on purpose.

Each item carries "needles": substrings of the captured output that a model must still SEE after
compression (retrievability through headroom_retrieve does not count). They are computed from the
real output by the rule named in the item's "needle_rule":

  pytest   every failing/erroring test id (from the short summary), the first "E   " line of each
           failure, and the final summary line
  pip      the "Successfully installed ..." line and every "ERROR:"/"error:" line
  npm      the "added N packages" line and every "npm error" line
  grep     every distinct matched file path (queries are chosen to hit <= 80 files)
  git-log  every commit hash and every commit subject line
  git-diff every changed file path (from "diff --git" headers) and the --stat summary line
  json     every package name (pip list) / name, latest version, license, tarball (npm view) /
           every top-level dependency name (npm ls)
  ls       every directory header of ls -R, or every entry name of a flat ls -la, or every path of find
  html     the <title> text and every <h1>/<h2>/<h3> heading text (plain-text ones)

Usage:  .venv/bin/python scripts/build_corpus.py [--out scripts/corpus/data/corpus.json]
        .venv/bin/python scripts/build_corpus.py --long [--out scripts/corpus/data/long.json]
        (--long: outputs longer than OpenCode's cut, for bench_truncation.py; rules further down)
Items whose source is missing on this machine are skipped with a note on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
SITE = VENV / "lib" / "python3.11" / "site-packages"
RG = VENV / "bin" / "rg"
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus" / "data" / "corpus.json"
MAX_ITEM_CHARS = 400_000

items: list[dict] = []


def run(cmd: str, cwd: str | Path | None = None, env: dict | None = None, timeout: int = 300) -> str:
    e = dict(os.environ)
    e.update({"PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "120"})
    if env:
        e.update(env)
    p = subprocess.run(
        cmd, shell=True, cwd=cwd, env=e, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout
    )
    return p.stdout.decode("utf-8", "replace")


def add(item_id: str, category: str, tool: str, command: str, text: str, needles: list[str], rule: str,
        shown_command: str | None = None) -> None:
    if not text.strip():
        print(f"skip {item_id}: empty output", file=sys.stderr)
        return
    if len(text) > MAX_ITEM_CHARS:
        print(f"skip {item_id}: {len(text)} chars > {MAX_ITEM_CHARS}", file=sys.stderr)
        return
    seen: set[str] = set()
    clean: list[str] = []
    for n in needles:
        n = n.strip()
        if n and n not in seen:
            seen.add(n)
            clean.append(n)
    missing = [n for n in clean if n not in text]
    if missing:
        raise SystemExit(f"{item_id}: needles not in output: {missing[:3]}")
    if not clean:
        print(f"warning {item_id}: no needles", file=sys.stderr)
    items.append({
        "id": item_id, "category": category, "tool": tool,
        "command": shown_command or command, "text": text, "needles": clean, "needle_rule": rule,
    })
    print(f"  {item_id:28} {category:10} {len(text):>8,} chars {len(clean):>4} needles", file=sys.stderr)


# ------------------------------------------------------------------ needle rules


def needles_pytest(out: str) -> list[str]:
    n: list[str] = []
    for line in out.splitlines():
        m = re.match(r"(FAILED|ERROR) (.+?)(?: - .*)?$", line)
        if m:
            n.append(m.group(2))
    # first E line of each failure section
    for sec in re.split(r"\n_{5,} .* _{5,}\n", out)[1:]:
        for line in sec.splitlines():
            if line.startswith("E   ") and line[4:].strip():
                n.append(line.rstrip())
                break
    summ = [ln for ln in out.splitlines() if re.match(r"=+ .*(passed|failed|error).* =+$", ln)]
    if summ:
        n.append(summ[-1].strip("= ").rstrip())
    return n


def needles_pip(out: str) -> list[str]:
    return [ln.strip() for ln in out.splitlines()
            if ln.strip().startswith(("Successfully installed", "ERROR:", "error:"))]


def json_of(out: str):
    """The JSON document in a CLI's output (npm prints warnings before it)."""
    starts = [i for i in (out.find("{"), out.find("[")) if i >= 0]
    return json.JSONDecoder().raw_decode(out[min(starts):])[0]


def needles_html(out: str) -> list[str]:
    n = []
    for tag in ("title", "h1", "h2", "h3"):
        for inner in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", out, re.S):
            if "<" not in inner and inner.strip() and "\n" not in inner.strip():
                n.append(inner.strip())
    return n


def needles_grep_paths(out: str, sep: str = ":") -> list[str]:
    paths = []
    for line in out.splitlines():
        p = line.split(sep, 1)[0]
        if p and "/" in p and p not in paths:
            paths.append(p)
    return paths


# ------------------------------------------------------------------ categories


PROJECT_SRC = {
    "shop/__init__.py": "",
    "shop/cart.py": '''
        from dataclasses import dataclass, field

        class OutOfStock(Exception):
            pass

        @dataclass
        class Cart:
            items: dict = field(default_factory=dict)
            stock: dict = field(default_factory=dict)

            def add(self, sku, qty=1):
                if self.stock.get(sku, 0) < qty:
                    raise OutOfStock(f"sku {sku!r} has only {self.stock.get(sku, 0)} left, wanted {qty}")
                self.stock[sku] -= qty
                self.items[sku] = self.items.get(sku, 0) + qty

            def total(self, prices, discount=0.0):
                gross = sum(prices[s] * q for s, q in self.items.items())
                return round(gross * (1 - discount), 2)

            def summary(self):
                return {"lines": len(self.items), "units": sum(self.items.values())}
    ''',
    "tests/test_cart.py": '''
        import pytest
        from shop.cart import Cart, OutOfStock

        PRICES = {f"sku{i}": 1.25 * i for i in range(1, 60)}

        @pytest.fixture
        def cart():
            return Cart(stock={k: 10 for k in PRICES})

        @pytest.mark.parametrize("sku", sorted(PRICES))
        def test_add_each_sku(cart, sku):
            cart.add(sku, 2)
            assert cart.items[sku] == 2

        @pytest.mark.parametrize("qty,expected", [(1, 1.25), (2, 2.5), (4, 5.0), (8, 10.0)])
        def test_total_single(cart, qty, expected):
            cart.add("sku1", qty)
            assert cart.total(PRICES) == expected

        def test_total_with_discount(cart):
            cart.add("sku3", 3)
            assert cart.total(PRICES, discount=0.1) == 10.13

        def test_out_of_stock(cart):
            with pytest.raises(OutOfStock):
                cart.add("sku2", 11)

        def test_restock_after_sale(cart):
            cart.add("sku5", 10)
            cart.add("sku5", 1)

        def test_summary(cart):
            cart.add("sku1"); cart.add("sku2", 3)
            assert cart.summary() == {"lines": 2, "units": 3, "currency": "EUR"}
    ''',
    "tests/test_report.py": '''
        import json
        from shop.cart import Cart

        def test_report_roundtrip(tmp_path):
            c = Cart(stock={"a": 5})
            c.add("a", 2)
            p = tmp_path / "r.json"
            p.write_text(json.dumps(c.summary()))
            assert json.loads(p.read_text())["units"] == 2

        def test_report_loads_config():
            cfg = json.loads(open("shop/config.json").read())
            assert cfg["currency"] == "EUR"
    ''',
}


REPO_TEST_FILES = ("test_compress_engine.py", "test_compress_transforms.py", "test_routing.py",
                   "test_usage.py", "test_redact.py", "test_policy.py")


def cat_pytest(tmp: Path) -> None:
    proj = tmp / "shopproj"
    for rel, src in PROJECT_SRC.items():
        p = proj / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(src).lstrip())
    cmd = f"{PY} -m pytest -v -p no:cacheprovider tests"
    out = run(cmd, cwd=proj)
    add("pytest-throwaway-v", "test", "bash", cmd, out, needles_pytest(out), "pytest",
        shown_command="python -m pytest -v tests")
    # collection error: a test module that does not import
    (proj / "tests" / "test_broken.py").write_text("from shop.cart import Basket\n\ndef test_x():\n    pass\n")
    cmd = f"{PY} -m pytest -p no:cacheprovider tests"
    out = run(cmd, cwd=proj)
    n = needles_pytest(out)
    n += [ln.strip() for ln in out.splitlines() if ln.startswith("E   ImportError")]
    add("pytest-collection-error", "test", "bash", cmd, out, n, "pytest",
        shown_command="python -m pytest tests")
    # the project's own unit tests, with one failure injected by a plugin (repo tests untouched)
    plug = tmp / "plug"
    plug.mkdir()
    (plug / "injectfail.py").write_text(textwrap.dedent('''
        import pytest
        _done = []
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_call(item):
            if not _done and "test_" in item.name and item.fspath.basename.endswith(".py"):
                _done.append(item.nodeid)
                assert item.name == "injected", f"injected failure in {item.nodeid}: expected 'injected'"
    '''))
    files = " ".join(f"tests/unit/{f}" for f in REPO_TEST_FILES if (ROOT / "tests" / "unit" / f).exists())
    cmd = f"{PY} -m pytest -v -p no:cacheprovider -p injectfail {files}"
    out = run(cmd, cwd=ROOT, env={"PYTHONPATH": str(plug)}, timeout=600)
    add("pytest-repo-unit-v", "test", "bash", cmd, out, needles_pytest(out), "pytest",
        shown_command=f"python -m pytest -v {files}")


def cat_install(tmp: Path) -> None:
    venv = tmp / "iv"
    run(f"python3 -m venv {venv}")
    pip = venv / "bin" / "pip"
    # build and install this project from a copy of its source (offline, verbose)
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", ".tools", "__pycache__",
                                                               "*.egg-info", "build", "node_modules"))
    cmd = f"{pip} install -v --no-index --no-deps --no-build-isolation {src}"
    out = run(cmd, env={"PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    add("pip-install-local-v-fail", "install", "bash", cmd, out, needles_pip(out), "pip",
        shown_command="pip install -v --no-index --no-deps --no-build-isolation ./headroom-mitm")
    # the same with the project's own pip (setuptools + wheel present): a successful build
    cmd = f"{PY} -m pip install -v --no-index --no-deps --no-build-isolation --target {tmp / 'tgt'} {src}"
    out = run(cmd, env={"PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    add("pip-install-local-v-ok", "install", "bash", cmd, out, needles_pip(out), "pip",
        shown_command="pip install -v --no-index --no-deps --no-build-isolation --target ./tgt ./headroom-mitm")
    # offline install from pip's wheel cache, then one that cannot resolve
    wheels = sorted(Path.home().glob(".cache/pip/wheels/**/*.whl"))
    if wheels:
        links = " ".join(f"--find-links {w.parent}" for w in wheels)
        cmd = f"{pip} install --no-index {links} {wheels[0].name.split('-')[0]} mitmproxy==11.0.2"
        out = run(cmd, env={"PIP_DISABLE_PIP_VERSION_CHECK": "1"})
        n = needles_pip(out)
        add("pip-install-offline-fail", "install", "bash", cmd, out, n, "pip",
            shown_command=f"pip install --no-index --find-links ~/.cache/pip/wheels/... "
                          f"{wheels[0].name.split('-')[0]} mitmproxy==11.0.2")
    # npm install (registry reachable) with verbose logging
    if shutil.which("npm"):
        d = tmp / "npmproj"
        d.mkdir()
        run("npm init -y", cwd=d)
        cmd = "npm install --verbose --no-audit --no-fund express@4"
        out = run(cmd, cwd=d, timeout=300)
        n = [ln.strip() for ln in out.splitlines() if re.match(r"\s*added \d+ packages", ln)]
        n += [ln.strip() for ln in out.splitlines() if ln.startswith("npm error")]
        add("npm-install-verbose", "install", "bash", cmd, out, n, "npm")


def cat_grep() -> None:
    mp = SITE / "mitmproxy"
    if not mp.is_dir():
        print("skip grep: mitmproxy not installed", file=sys.stderr)
        return
    cwd = SITE
    for item_id, cmd in [
        ("grep-rn-def-request", "grep -rn 'def request' mitmproxy"),
        ("grep-rn-raise-valueerror", "grep -rn 'raise ValueError' mitmproxy"),
        ("rg-n-flow-response", f"{RG} -n --sort path 'flow\\.response' mitmproxy/addons mitmproxy/tools"),
        ("rg-n-import-typing", f"{RG} -n --sort path '^from typing import' mitmproxy"),
    ]:
        out = run(cmd, cwd=cwd)
        shown = cmd.replace(str(RG), "rg")
        add(item_id, "search", "bash", cmd, out, needles_grep_paths(out), "grep", shown_command=shown)
    # OpenCode's grep tool: rg under the hood, rendered as "Found N matches" + per-file "Line N:" lines,
    # capped at 100 matches
    for item_id, pattern, path in [
        ("octool-grep-logging", r"logging\.", mp),
        ("octool-grep-def-init", r"def __init__", mp / "proxy"),
    ]:
        raw = run(f"{RG} -nH --sort path --field-match-separator='|' --regexp '{pattern}' {path}")
        rows = []
        for line in raw.splitlines():
            parts = line.split("|", 2)
            if len(parts) == 3:
                rows.append(parts)
        total = len(rows)
        truncated = total > 100
        rows = rows[:100]
        outl = [f"Found {len(rows)} matches"]
        cur = None
        for f, ln, txt in rows:
            if f != cur:
                if cur is not None:
                    outl.append("")
                cur = f
                outl.append(f"{f}:")
            outl.append(f"  Line {ln}: {txt}")
        if truncated:
            outl += ["", "(Results are truncated. Consider using a more specific path or pattern.)"]
        out = "\n".join(outl)
        paths = [ln[:-1] for ln in outl if ln.endswith(":") and ln.startswith("/")]
        add(item_id, "search", "grep", f"grep pattern={pattern!r} path={path}", out, paths, "grep")


def cat_git(tmp: Path) -> None:
    if (ROOT / ".git").exists():
        cmd = "git log --stat"
        out = run("git -c color.ui=never log --stat", cwd=ROOT)
        n = re.findall(r"^commit ([0-9a-f]{40})", out, re.M)
        n += [ln.strip() for ln in re.findall(r"^Date:.*\n\n    (.+)$", out, re.M)]
        add("git-log-stat-self", "git", "bash", cmd, out, n, "git-log")
        revs = re.findall(r"^commit ([0-9a-f]{40})", out, re.M)
        if len(revs) >= 3:
            cmd = f"git diff --stat {revs[2][:10]} {revs[0][:10]} && git diff {revs[1][:10]} {revs[0][:10]}"
            out = run(f"git -c color.ui=never diff --stat {revs[2]} {revs[0]} && "
                      f"git -c color.ui=never diff {revs[1]} {revs[0]}", cwd=ROOT)
            n = re.findall(r"^diff --git a/(\S+)", out, re.M)
            n += [ln.strip() for ln in out.splitlines() if re.match(r"\s*\d+ files? changed", ln)]
            add("git-diff-self", "git", "bash", cmd, out, n, "git-diff")
    # a repository made from an installed package's source, with a real edit across many files
    src = SITE / "mitmproxy" / "addons"
    if src.is_dir():
        repo = tmp / "gitpkg"
        shutil.copytree(src, repo / "addons", ignore=shutil.ignore_patterns("__pycache__"))
        g = "git -c user.name=bench -c user.email=bench@example.invalid -c color.ui=never"
        run(f"git init -q && {g} add -A && {g} commit -qm 'import mitmproxy addons'", cwd=repo)
        for f in sorted((repo / "addons").glob("*.py")):
            t = f.read_text()
            t2 = t.replace("ctx.log.warn(", "logging.warning(").replace("ctx.log.info(", "logging.info(")
            t2 = re.sub(r"\bflow\.response\b", "flow.resp", t2)
            if t2 != t:
                f.write_text(t2)
        cmd = "git diff --stat && git diff"
        out = run(f"{g} diff --stat && {g} diff", cwd=repo)
        n = re.findall(r"^diff --git a/(\S+)", out, re.M)
        n += [ln.strip() for ln in out.splitlines() if re.match(r"\s*\d+ files? changed", ln)]
        add("git-diff-pkg-edit", "git", "bash", cmd, out, n, "git-diff")


def cat_json() -> None:
    cmd = f"{PY} -m pip list --format=json"
    out = run(cmd, env={"PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    try:
        names = [p["name"] for p in json.loads(out)]
    except ValueError:
        names = []
    add("pip-list-json", "json", "bash", cmd, out, names, "json", shown_command="pip list --format=json")
    if shutil.which("npm"):
        for pkg in ("react", "typescript"):
            cmd = f"npm view {pkg} --json"
            out = run(cmd, timeout=120)
            try:
                d = json_of(out)
                n = [d["name"], d["dist-tags"]["latest"], d.get("license", ""), d["dist"]["tarball"]]
            except (ValueError, KeyError, TypeError):
                print(f"skip npm view {pkg}: {out[:200]}", file=sys.stderr)
                continue
            add(f"npm-view-{pkg}-json", "json", "bash", cmd, out, n, "json")
        tools = ROOT / ".tools"
        if tools.is_dir():
            cmd = "npm ls --json --all"
            out = run(cmd, cwd=tools, timeout=120)
            try:
                n = list(json_of(out).get("dependencies", {}))
            except ValueError:
                n = []
            add("npm-ls-json", "json", "bash", cmd, out, n, "json")


def cat_ls() -> None:
    mp = SITE / "mitmproxy"
    if mp.is_dir():
        cmd = "ls -laR mitmproxy/tools mitmproxy/addons"
        out = run(cmd, cwd=SITE, env={"LC_ALL": "C"})
        n = [ln for ln in out.splitlines() if ln.endswith(":") and not ln.startswith(" ")]
        add("ls-laR-mitmproxy", "listing", "bash", cmd, out, n, "ls")
        cmd = "ls -la"
        out = run(cmd, cwd=SITE, env={"LC_ALL": "C"})
        n = [ln.split()[-1] for ln in out.splitlines()[1:] if len(ln.split()) >= 9 and ln.split()[-1] not in (".", "..")]
        add("ls-la-site-packages", "listing", "bash", "ls -la site-packages", out, n, "ls",
            shown_command="ls -la .venv/lib/python3.11/site-packages")
        cmd = "find mitmproxy/proxy -name '*.py' | sort"
        out = run(cmd, cwd=SITE)
        add("find-py-proxy", "listing", "bash", cmd, out, out.split(), "ls")


def cat_html() -> None:
    files = [
        SITE / "mitmproxy" / "addons" / "onboardingapp" / "templates" / "index.html",
        Path("/usr/lib/node_modules/npm/docs/output/configuring-npm/package-json.html"),
        Path("/usr/lib/node_modules/npm/docs/output/using-npm/scripts.html"),
        Path("/usr/lib/node_modules/npm/docs/output/commands/npm-install.html"),
    ]
    for f in files:
        if not f.is_file():
            print(f"skip html {f}: missing", file=sys.stderr)
            continue
        out = run(f"cat {f}")
        n = needles_html(out)
        rel = str(f).replace(str(SITE) + "/", "site-packages/")
        item_id = "html-" + f.stem + ("-npm" if "node_modules" in str(f) else "-mitmproxy")
        add(item_id, "html", "bash", f"cat {rel}", out, n, "html")


# ------------------------------------------------------------------ long outputs (--long)
#
# Outputs longer than OpenCode's cut (> 2,000 lines or > 51,200 bytes) for bench_truncation.py,
# written to corpus/data/long.json so that the compression benchmark's corpus stays as it is.
# Needle rules (the item's "needle_rule"):
#
#   pytest     as above (every FAILED/ERROR id, first "E   " line of each failure, final summary)
#   app-log    every line logged at ERROR/CRITICAL, the exception line that ends each traceback,
#              every access-log line with a 5xx status
#   make       every compiler diagnostic with "error:" or "warning:", every "make: ***" line and
#              make's final "not remade because of errors" line
#   compileall every line compileall starts with "***" (the failing file, or "*** Sorry: <error>")
#              and every exception line (SyntaxError, IndentationError, TabError)
#   git-log    every commit hash and every commit subject line
#   ls         every directory header of ls -R
#   html       the <title> text and every plain-text <h1>/<h2>/<h3> heading (as above)
#   pyflakes   every "undefined name" report and every syntax error (the reports that are bugs,
#              not style: unused imports and variables are not needles)

LONG_OUT = DEFAULT_OUT.with_name("long.json")
LONG_MAX_ITEM_CHARS = 450_000

BIG_SUITE_SRC = {
    "inv/__init__.py": "",
    "inv/pricing.py": '''
        from decimal import ROUND_HALF_UP, Decimal

        RATES = {"EUR": Decimal("1"), "USD": Decimal("1.08"), "GBP": Decimal("0.86"), "CHF": Decimal("0.95")}

        def convert(amount, currency):
            return (Decimal(str(amount)) * RATES[currency]).quantize(Decimal("0.01"), ROUND_HALF_UP)

        def line_total(qty, unit, currency="EUR", discount=0):
            gross = convert(unit, currency) * qty
            if discount:
                gross -= gross * Decimal(discount) / 100
            return gross.quantize(Decimal("0.01"), ROUND_HALF_UP)

        def parse_sku(sku):
            family, _, number = sku.partition("-")
            return family.upper(), int(number)
    ''',
    "inv/stock.py": '''
        class Warehouse:
            def __init__(self, levels):
                self.levels = dict(levels)

            def take(self, sku, qty):
                have = self.levels[sku]
                if have < qty:
                    raise ValueError(f"not enough {sku}: have {have}, want {qty}")
                self.levels[sku] = have - qty
                return self.levels[sku]

            def restock(self, sku, qty):
                self.levels[sku] = self.levels.get(sku, 0) + qty
                return self.levels[sku]
    ''',
}

# 12 modules x 200 tests; the failures sit in modules 1, 4, 7 and 10, spread through the run.
BIG_SUITE_TEST = '''
    import pytest
    from decimal import Decimal
    from inv.pricing import convert, line_total, parse_sku
    from inv.stock import Warehouse

    MOD = {mod}
    CURRENCIES = ["EUR", "USD", "GBP", "CHF"]

    @pytest.mark.parametrize("n", range(80))
    def test_convert(n):
        cur = CURRENCIES[n % 4]
        assert convert(n, cur) >= 0

    @pytest.mark.parametrize("n", range(60))
    def test_line_total(n):
        expected = (Decimal(n) * 3).quantize(Decimal("0.01"))
        if MOD in (1, 7) and n == 41:
            expected += Decimal("0.01")  # the regression this module's fixture data carries
        assert line_total(3, n) == expected

    @pytest.mark.parametrize("n", range(40))
    def test_parse_sku(n):
        sku = f"ab-{{n}}" if not (MOD == 4 and n == 17) else f"ab-{{n}}x"
        assert parse_sku(sku) == ("AB", n)

    @pytest.mark.parametrize("n", range(20))
    def test_stock(n):
        w = Warehouse({{"A": 10 + n}})
        want = 11 + n if (MOD == 10 and n == 5) else 5
        assert w.take("A", want) == 10 + n - want
'''

MANY_FAIL_TEST = '''
    import pytest
    from decimal import Decimal
    from inv.pricing import line_total

    def check_invoice(lines, currency, expected):
        total = sum(line_total(q, u, currency) for q, u in lines)
        assert total == expected, f"invoice total {{total}} != {{expected}} ({{currency}}, {{len(lines)}} lines)"

    def build_lines(n):
        return [(1 + (k % 3), Decimal(n + k + 37 * {mod}) / 4) for k in range(1 + n % 5)]

    @pytest.mark.parametrize("n", range({count}))
    def test_invoice_{mod:02d}(n):
        lines = build_lines(n)
        currency = ["EUR", "USD", "GBP"][n % 3]
        expected = sum(line_total(q, u, currency) for q, u in lines)
        if currency == "GBP" and n % 7 == 0:
            expected = expected.quantize(Decimal("1"))  # rounding rule under test
        check_invoice(lines, currency, expected)
'''


def _write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, src in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(src).lstrip())


def long_pytest(tmp: Path) -> None:
    proj = tmp / "bigsuite"
    files = dict(BIG_SUITE_SRC)
    for mod in range(12):
        files[f"tests/test_batch_{mod:02d}.py"] = BIG_SUITE_TEST.format(mod=mod)
    _write_tree(proj, files)
    cmd = f"{PY} -m pytest -v -p no:cacheprovider tests"
    out = run(cmd, cwd=proj, timeout=600)
    add("long-pytest-v-2400", "test", "bash", cmd, out, needles_pytest(out), "pytest",
        shown_command="python -m pytest -v tests")
    # many failures with full tracebacks: the failure section alone is longer than OpenCode's cut
    proj = tmp / "invoices"
    files = dict(BIG_SUITE_SRC)
    for mod in range(8):
        files[f"tests/test_invoice_{mod:02d}.py"] = MANY_FAIL_TEST.format(mod=mod, count=150)
    _write_tree(proj, files)
    cmd = f"{PY} -m pytest -v -p no:cacheprovider tests"
    out = run(cmd, cwd=proj, timeout=600)
    add("long-pytest-v-many-failures", "test", "bash", cmd, out, needles_pytest(out), "pytest",
        shown_command="python -m pytest -v tests")


APP_SRC = '''
    import logging
    import time

    from flask import Flask, jsonify, request

    app = Flask(__name__)
    app.logger.setLevel(logging.INFO)
    ORDERS = {oid: {"id": oid, "total": 12.5 + oid % 40, "currency": "EUR"} for oid in range(88000, 88400)}
    ORDERS[88231] = {"id": 88231, "total": 99.0}  # imported from the legacy shop: no currency

    @app.get("/api/items/<int:i>")
    def item(i):
        return jsonify(id=i, name=f"item-{i}", stock=i % 17)

    @app.get("/api/orders/<int:oid>")
    def order(oid):
        o = ORDERS.get(oid)
        if o is None:
            app.logger.warning("order %s not found (client %s)", oid, request.remote_addr)
            return jsonify(error="not found"), 404
        return jsonify(id=o["id"], total=f"{o['total']:.2f} {o['currency']}")

    @app.post("/api/cart")
    def cart():
        body = request.get_json(silent=True) or {}
        if len(body.get("items", [])) > 40:
            app.logger.info("large cart: %d items", len(body["items"]))
        return jsonify(ok=True, items=len(body.get("items", [])))
'''


def long_app_log(tmp: Path) -> None:
    """A Flask service's own log (werkzeug access lines + app logger) under 2,600 requests; one
    order at 60% of the run hits a KeyError and is logged with its traceback."""
    import http.client
    import signal
    import socket
    import time

    d = tmp / "shopapp"
    _write_tree(d, {"app.py": APP_SRC})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1")
    cmd = [str(PY), "-m", "flask", "--app", "app", "run", "--port", str(port), "--no-reload"]
    logf = d / "server.log"
    with open(logf, "wb") as lf:
        proc = subprocess.Popen(cmd, cwd=d, env=env, stdout=lf, stderr=subprocess.STDOUT)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            total = 2600
            for i in range(total):
                if i == int(total * 0.6):
                    path, body = "/api/orders/88231", None
                elif i % 9 == 4:
                    path, body = f"/api/orders/{88000 + (i * 7) % 420}", None
                elif i % 13 == 6:
                    path, body = "/api/cart", json.dumps({"items": list(range(i % 50))})
                else:
                    path, body = f"/api/items/{i}", None
                conn.request("POST" if body else "GET", path, body=body,
                             headers={"Content-Type": "application/json"} if body else {})
                conn.getresponse().read()
            conn.close()
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    out = logf.read_text("utf-8", "replace")
    lines = out.splitlines()
    n = [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b", ln)]
    for i, ln in enumerate(lines):
        if ln.startswith("Traceback (most recent call last):"):
            k = i + 1
            while k < len(lines) and lines[k][:1] in (" ", "\t"):
                k += 1
            if k < len(lines):
                n.append(lines[k])
    n += [ln for ln in lines if re.search(r'" 5\d\d ', ln)]
    add("long-flask-app-log", "log", "bash", " ".join(cmd), out, n, "app-log",
        shown_command="flask --app app run  # log of 2,600 requests")


C_HEADER = """
#ifndef MODS_H
#define MODS_H
#include <stddef.h>
#include <stdint.h>
struct rec { int id; double weight; const char *name; };
int sum_ids(const struct rec *r, size_t n);
#endif
"""


def _c_module(i: int) -> str:
    body = ['#include "mods.h"', "", f"static int scale_{i}(int v) {{ return v * {i % 7 + 1}; }}", "",
            f"int mod_{i}_total(const struct rec *r, size_t n) {{", "    int acc = 0;",
            "    for (size_t k = 0; k < n; k++) {", f"        acc += scale_{i}(r[k].id);", "    }"]
    # the problems sit at about 20%, 35%, 50%, 62%, 73% and 80% of the build
    if i == 120:
        body += ["    int unused_total = acc * 2;"]  # warning: unused variable
    if i == 210:
        body += ["    return acc + missing_offset;", "}"]  # error: undeclared
    elif i == 372:
        body += ["    return acc + (int)r[0].weight_kg;", "}"]  # error: no such member
    elif i == 440:
        body += ["    const char *label = acc;", "    return label != 0;", "}"]  # warning: int -> pointer
    elif i == 300:
        body += ["    unsigned u = acc; if (u < 0) return -1;", "    return acc;", "}"]  # warning: always false
    elif i == 480:
        body += ["    return acc;", "}", "", "int mod_480_extra(int x) { if (x) return 1; }"]  # warning: no return
    else:
        body += ["    return acc;", "}"]
    return "\n".join(body) + "\n"


def long_make(tmp: Path) -> None:
    if not (shutil.which("make") and shutil.which("cc")):
        print("skip make: no make/cc", file=sys.stderr)
        return
    d = tmp / "cbuild"
    (d / "src").mkdir(parents=True)
    (d / "include").mkdir()
    (d / "include" / "mods.h").write_text(C_HEADER.lstrip())
    count = 600
    for i in range(count):
        (d / "src" / f"mod_{i:03d}.c").write_text(_c_module(i))
    (d / "Makefile").write_text(textwrap.dedent("""\
        CC = cc
        CFLAGS = -std=c11 -O2 -g -Wall -Wextra -fPIC -Iinclude -DNDEBUG -D_FORTIFY_SOURCE=2 -MMD -MP
        SRCS = $(sort $(wildcard src/*.c))
        OBJS = $(patsubst src/%.c,build/%.o,$(SRCS))

        all: libmods.so

        libmods.so: $(OBJS)
        \t$(CC) -shared -o $@ $^

        build/%.o: src/%.c | build
        \t$(CC) $(CFLAGS) -c $< -o $@

        build:
        \tmkdir -p build
        """))
    cmd = "make -k -j1"
    out = run(cmd, cwd=d, env={"LC_ALL": "C"}, timeout=900)
    n = [ln for ln in out.splitlines() if re.search(r":\d+:\d+: (error|warning):", ln)]
    n += [ln for ln in out.splitlines() if ln.startswith("make: ***") or "not remade because of errors" in ln]
    add("long-make-k-c-build", "build", "bash", cmd, out, n, "make")


def long_compileall(tmp: Path) -> None:
    """compileall over a vendored tree (real packages copied from site-packages) that holds two
    leftover modules that no longer compile."""
    d = tmp / "vendored"
    for pkg in ("flask", "mitmproxy", "pip", "pkg_resources", "setuptools", "werkzeug"):
        if (SITE / pkg).is_dir():
            shutil.copytree(SITE / pkg, d / "vendor" / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    if not (d / "vendor" / "pip").is_dir():
        print("skip compileall: pip not in site-packages", file=sys.stderr)
        return
    broken = {
        "vendor/pip/_internal/utils/legacy_compat.py": "import sys\n\ndef warn(msg):\n    print >>sys.stderr, msg\n    print \"deprecated:\", msg\n",
        "vendor/mitmproxy/contrib/old_console.py": "def render(frame):\n    if frame:\n        return frame.code\n      return None\n",
    }
    _write_tree(d, broken)
    cmd = f"{PY} -m compileall -f vendor"
    out = run(cmd, cwd=d, env={"PYTHONPYCACHEPREFIX": str(tmp / "pycache")}, timeout=600)
    n = [ln for ln in out.splitlines()
         if ln.startswith("***") or re.match(r"(SyntaxError|IndentationError|TabError): ", ln)]
    add("long-compileall-vendor", "build", "bash", cmd, out, n, "compileall",
        shown_command="python -m compileall -f vendor")


def long_git_log_p(tmp: Path) -> None:
    src = SITE / "mitmproxy" / "addons"
    if not src.is_dir():
        print("skip git log -p: mitmproxy not installed", file=sys.stderr)
        return
    repo = tmp / "gitlogp"
    shutil.copytree(src, repo / "addons", ignore=shutil.ignore_patterns("__pycache__"))
    g = "git -c user.name=bench -c user.email=bench@example.invalid -c color.ui=never"
    run(f"git init -q && {g} add -A && {g} commit -qm 'import mitmproxy addons'", cwd=repo)
    edits = [
        (r"\bctx\.log\.warn\(", "logging.warning(", "use logging.warning instead of ctx.log.warn"),
        (r"\bctx\.log\.info\(", "logging.info(", "use logging.info instead of ctx.log.info"),
        (r"\bflow\.response\b", "flow.resp", "rename flow.response to flow.resp"),
        (r"\bflow\.request\b", "flow.req", "rename flow.request to flow.req"),
        (r"\bOptional\[(\w+)\]", r"\1 | None", "PEP 604 optionals"),
        (r"\bdef load\(self, loader\)", "def load(self, loader) -> None", "annotate load()"),
    ]
    files = sorted((repo / "addons").glob("*.py"))
    made = 0
    for pat, rep, subject in edits:
        for f in files:
            t = f.read_text()
            t2 = re.sub(pat, rep, t)
            if t2 == t:
                continue
            f.write_text(t2)
            run(f"{g} commit -qam 'addons/{f.name}: {subject}'", cwd=repo)
            made += 1
            if made >= 60:
                break
        if made >= 60:
            break
    cmd = "git log -p -60"
    out = run(f"{g} log -p -{min(made, 60)}", cwd=repo)
    n = re.findall(r"^commit ([0-9a-f]{40})", out, re.M)
    n += [ln.strip() for ln in re.findall(r"^Date:.*\n\n    (.+)$", out, re.M)]
    add("long-git-log-p", "git", "bash", cmd, out, n, "git-log")


def long_ls() -> None:
    for item_id, pkgs in (("long-ls-laR-pip", ["pip"]),
                          ("long-ls-laR-6pkgs", ["pip", "setuptools", "pkg_resources", "_pytest", "hypothesis",
                                                 "pygments"])):
        if not all((SITE / p).is_dir() for p in pkgs):
            print(f"skip {item_id}: not all of {pkgs} installed", file=sys.stderr)
            continue
        cmd = "ls -laR " + " ".join(pkgs)
        out = run(cmd, cwd=SITE, env={"LC_ALL": "C"})
        n = [ln for ln in out.splitlines() if ln.endswith(":") and not ln.startswith(" ")]
        add(item_id, "listing", "bash", cmd, out, n, "ls", shown_command=f"{cmd}  # in site-packages")


def long_html() -> None:
    f = Path("/usr/lib/node_modules/npm/docs/output/using-npm/config.html")
    if not f.is_file():
        print(f"skip html {f}: missing", file=sys.stderr)
        return
    out = run(f"cat {f}")
    add("long-html-config-npm", "html", "bash", f"cat {f}", out, needles_html(out), "html")


def long_pyflakes() -> None:
    pf = VENV / "bin" / "pyflakes"
    pkgs = [p for p in ("pyparsing", "passlib", "httpx") if (SITE / p).is_dir()]
    if not pf.exists() or not pkgs:
        print("skip pyflakes: not installed", file=sys.stderr)
        return
    cmd = f"{pf} {' '.join(pkgs)}"
    out = run(cmd, cwd=SITE)
    n = [ln for ln in out.splitlines()
         if re.search(r": undefined name |: (?:invalid syntax|unexpected indent|syntax error)", ln)]
    add("long-pyflakes", "lint", "bash", cmd, out, n, "pyflakes",
        shown_command=f"pyflakes {' '.join(pkgs)}  # in site-packages")


def capture_long(tmp: Path) -> None:
    global MAX_ITEM_CHARS
    MAX_ITEM_CHARS = LONG_MAX_ITEM_CHARS
    long_pytest(tmp)
    long_app_log(tmp)
    long_make(tmp)
    long_compileall(tmp)
    long_git_log_p(tmp)
    long_ls()
    long_html()
    long_pyflakes()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=None,
                    help=f"default {DEFAULT_OUT.name}, or {LONG_OUT.name} with --long (both in {DEFAULT_OUT.parent})")
    ap.add_argument("--long", action="store_true",
                    help="capture the long outputs for bench_truncation.py instead of the compression corpus")
    args = ap.parse_args()
    out_path = args.out or (LONG_OUT if args.long else DEFAULT_OUT)
    with tempfile.TemporaryDirectory(prefix="hm-corpus-") as t:
        tmp = Path(t)
        if args.long:
            print("capturing long outputs ...", file=sys.stderr)
            capture_long(tmp)
        else:
            print("capturing corpus ...", file=sys.stderr)
            cat_pytest(tmp)
            cat_install(tmp)
            cat_grep()
            cat_git(tmp)
            cat_json()
            cat_ls()
            cat_html()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": 1, "items": items}
    out_path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    size = out_path.stat().st_size
    print(f"wrote {len(items)} items, {size:,} bytes -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
