"""Round 7, third part: lint/test/build on real sources (ruff, mypy, pylint, eslint, tsc, shellcheck, gcc,
clippy, go vet; pytest, jest, go test, cargo test with a few failures among many passes) and tables/JSON
(sqlite, CSV, an issues API served on loopback, npm view). The kinds and their rules are declared in
capture_wide7_more.py. Run through capture_wide7.py."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import capture_more as cm
from capture_more import add_or_skip as add, have, n_go_vet, run, write_tree
from capture_wide import n_sqlite_box
from capture_wide6 import VENV, js_proj
from capture_wide7_more import (NM, TOOLS7_VENV, SITE, n_cargo_test, n_clippy, n_csv, n_eslint, n_gcc, n_go_test,
                                n_issues, n_jest, n_mypy, n_npm_view, n_pylint, n_pytest, n_ruff, n_shellcheck,
                                n_sqlite_col, n_tsc, n_vitest)

ESLINT_CONFIG = """
const js = require("@eslint/js");
const globals = require("globals");
module.exports = [
  js.configs.recommended,
  { languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "no-var": "warn", "eqeqeq": "error", "prefer-const": "warn", "no-shadow": "warn", "complexity": ["warn", 12],
             "no-unused-vars": "error", "prefer-arrow-callback": "warn", "no-plusplus": "warn" } },
];
"""


def cap_lint(tmp: Path) -> None:
    src = tmp / "pysrc"
    for pkg in ("nox", "pipdeptree", "identify"):
        if (SITE / pkg).exists():
            shutil.copytree(SITE / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    add("ruff-nox-pipdeptree", "ruff check --select E,F,W,B,UP,SIM,PL,PT,RUF --output-format concise nox pipdeptree",
        run(f"{VENV}/bin/ruff check --no-cache --select E,F,W,B,UP,SIM,PL,PT,RUF --output-format concise nox pipdeptree",
            cwd=src), n_ruff)
    if (SITE / "virtualenv").exists():
        shutil.copytree(SITE / "virtualenv", src / "virtualenv", ignore=shutil.ignore_patterns("__pycache__"))
    add("mypy-strict-virtualenv", "mypy --strict virtualenv",
        run(f"{VENV}/bin/mypy --strict --no-incremental --cache-dir=/dev/null --ignore-missing-imports virtualenv",
            cwd=src, timeout=400), n_mypy)
    if (TOOLS7_VENV / "bin" / "pylint").exists():
        add("pylint-identify-pipdeptree", "pylint identify pipdeptree",
            run(f"{TOOLS7_VENV}/bin/pylint --persistent=n identify pipdeptree", cwd=src, timeout=400), n_pylint)
    if (NM / "c8" / "lib").exists() and have("node", "eslint"):
        d = js_proj(tmp / "eslint-c8", {"eslint.config.js": ESLINT_CONFIG})
        shutil.copytree(NM / "c8" / "lib", d / "lib")
        shutil.copytree(NM / "js-yaml" / "lib", d / "js-yaml-lib")
        add("eslint-c8-jsyaml-lib", "npx eslint lib js-yaml-lib", run("npx eslint lib js-yaml-lib", cwd=d, timeout=200), n_eslint)
    if (NM / "semver" / "semver.js").exists():
        (tmp / "tsc-semver").mkdir()
        shutil.copy(NM / "semver" / "semver.js", tmp / "tsc-semver" / "semver.js")
        d = js_proj(tmp / "tsc-semver", {})
        cmd = "npx tsc --noEmit --allowJs --checkJs --strict --target es2020 --module commonjs semver.js"
        add("tsc-checkjs-semver", cmd, run(cmd, cwd=d, timeout=200), n_tsc)
    if have("shellcheck", "shellcheck"):
        d = tmp / "gitsh"
        d.mkdir()
        for f in ("git-sh-setup", "git-mergetool", "git-submodule", "git-quiltimport", "git-web--browse",
                  "git-request-pull", "git-filter-branch"):
            if Path("/usr/lib/git-core", f).exists():
                shutil.copy(Path("/usr/lib/git-core", f), d / f"{f}.sh")
        add("shellcheck-git-core-scripts", "shellcheck -s sh *.sh", run("shellcheck -s sh *.sh", cwd=d), n_shellcheck)
    if have("gcc", "gcc"):
        c = tmp / "csrc"
        c.mkdir()
        for f in ("/usr/share/go-1.19/src/regexp/testdata/testregex.c", "/usr/share/doc/libpng-dev/examples/pngtest.c"):
            if Path(f).exists():
                shutil.copy(f, c)
        add("gcc-wall-wextra-testregex-pngtest", "gcc -c -Wall -Wextra -Wshadow -Wformat=2 testregex.c pngtest.c",
            run("gcc -c -Wall -Wextra -Wshadow -Wformat=2 -std=gnu11 testregex.c pngtest.c", cwd=c), n_gcc)


CRATE_LIB = r'''
pub struct Histogram { pub buckets: Vec<u64>, pub width: u64 }

impl Histogram {
    pub fn new(n: usize, width: u64) -> Histogram { return Histogram { buckets: vec![0; n], width: width }; }
    pub fn add(&mut self, v: u64) {
        let i = (v / self.width) as usize;
        if (i < self.buckets.len()) == true { self.buckets[i] = self.buckets[i] + 1; }
    }
    pub fn total(&self) -> u64 { let mut t = 0; for i in 0..self.buckets.len() { t += self.buckets[i]; } t }
    pub fn mean_bucket(&self) -> f64 { let s: u64 = self.buckets.iter().map(|x| *x).sum(); s as f64 / self.buckets.len() as f64 }
    pub fn is_empty(&self) -> bool { self.buckets.len() == 0 }
    pub fn label(&self, i: usize) -> String { format!("{}", format!("{}-{}", i as u64 * self.width, (i as u64 + 1) * self.width)) }
    pub fn clone_buckets(&self) -> Vec<u64> { self.buckets.iter().map(|b| b.clone()).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
'''


def cap_tests(tmp: Path) -> None:
    p = tmp / "slugs"
    files = {"slugs/__init__.py": "", "slugs/core.py": SLUG_PY, "tests/__init__.py": ""}
    for k in range(12):
        files[f"tests/test_slug_{k:02d}.py"] = "from slugs.core import slugify\n\n" + "".join(
            f"def test_slug_{k}_{j}():\n    assert slugify('Item {k} {j}') == 'item-{k}-{j}'\n\n" for j in range(24))
    files["tests/test_slug_07.py"] += ("def test_slug_ampersand():\n    assert slugify('Crème brûlée & Co.') == 'creme-brulee-and-co'\n\n")
    write_tree(p, files)
    add("pytest-v-slugs-one-failure", "pytest -v", run(f"{VENV}/bin/python -m pytest -v -p no:cacheprovider", cwd=p), n_pytest)
    q = tmp / "sync"
    files = {"sync/__init__.py": "", "sync/job.py": SYNC_PY, "tests/__init__.py": ""}
    for k in range(6):
        files[f"tests/test_sync_{k}.py"] = "from sync.job import sync_batch\n\n" + "".join(
            f"def test_batch_{k}_{j}():\n    assert sync_batch({k * 10 + j}, {j + 3}) == {j + 3}\n\n" for j in range(12))
    files["tests/test_sync_4.py"] += "def test_batch_rejects_empty():\n    assert sync_batch(99, 0) == 0\n"
    write_tree(q, files)
    add("pytest-log-cli-sync-one-failure", "pytest -v --log-cli-level=INFO",
        run(f"{VENV}/bin/python -m pytest -v -p no:cacheprovider --log-cli-level=INFO", cwd=q), n_pytest)
    if have("node", "jest"):
        files = {"src/money.js": "function add(a, b) { return Math.round((a + b) * 100) / 100; }\n"
                                 "function split(total, n) { const s = Math.floor(total * 100 / n) / 100; return Array(n).fill(s); }\n"
                                 "module.exports = { add, split };\n"}
        for k in range(20):
            body = "".join(f"  test('adds {j} + {k}', () => {{ expect(add({j}, {k})).toBe({j + k}); }});\n" for j in range(10))
            if k == 13:
                body += "  test('splits 100 three ways without losing a cent', () => {\n" \
                        "    expect(split(100, 3).reduce((s, x) => s + x, 0)).toBeCloseTo(100, 2);\n  });\n"
            files[f"__tests__/money{k:02d}.test.js"] = f"const {{ add, split }} = require('../src/money');\ndescribe('money {k}', () => {{\n{body}}});\n"
        d = js_proj(tmp / "jest-money", files)
        add("jest-verbose-money-one-failure", "npx jest --ci --verbose", run("npx jest --ci --verbose", cwd=d, timeout=300), n_jest)
        vfiles = {"src/money.js": files["src/money.js"]}
        for k in range(16):
            body = "".join(f"  it('splits {10 * (j + 1)} into {k + 1}', () => {{ expect(split({10 * (j + 1)}, {k + 1})).toHaveLength({k + 1}); }});\n"
                           for j in range(8))
            if k in (5, 11):
                body += f"  it('loses no cent splitting {k + 95}', () => {{ expect(split({k + 95}, 3).reduce((s, x) => s + x, 0)).toBe({k + 95}); }});\n"
            vfiles[f"test/split{k:02d}.test.mjs"] = ("import { describe, it, expect } from 'vitest';\nimport m from '../src/money.js';\n"
                                                     f"const {{ add, split }} = m;\ndescribe('split {k}', () => {{\n{body}}});\n")
        d = js_proj(tmp / "vitest-money", vfiles)
        add("vitest-run-verbose-money-two-failures", "npx vitest run --reporter=verbose",
            run("npx vitest run --reporter=verbose", cwd=d, timeout=300), n_vitest)
    if have("go", "go-test"):
        g = tmp / "semver"
        tests = "package semver\n\nimport \"testing\"\n\n" + "".join(
            f"func TestParse{k}(t *testing.T) {{\n\tif v := Parse(\"1.{k}.3\"); v.Minor != {k} {{\n\t\tt.Fatalf(\"minor = %d\", v.Minor)\n\t}}\n}}\n\n"
            for k in range(60))
        tests += ("func TestParsePrerelease(t *testing.T) {\n\tv := Parse(\"2.0.0-rc.1\")\n\tif v.Patch != 0 {\n"
                  "\t\tt.Errorf(\"Parse(2.0.0-rc.1).Patch = %d, want 0\", v.Patch)\n\t}\n}\n")
        write_tree(g, {"go.mod": "module example.org/semver\n\ngo 1.19\n", "semver.go": SEMVER_GO, "semver_test.go": tests})
        add("go-test-v-semver-one-failure", "go test -v ./...", run("go test -v ./... 2>&1", cwd=g, timeout=300), n_go_test)
        vet = tmp / "vetme"
        vfiles = {"go.mod": "module example.org/vetme\n\ngo 1.19\n", "main.go": VET_GO}
        for name in ("store", "cache", "queue", "session"):  # the same mistakes in four packages
            vfiles[f"{name}/{name}.go"] = VET_STORE.replace("package store", f"package {name}")
        write_tree(vet, vfiles)
        add("go-vet-vetme", "go vet ./...", run("go vet ./... 2>&1", cwd=vet, timeout=300), n_go_vet)
    if have("cargo", "cargo-test"):
        r = tmp / "histo"
        tests = "".join(f"    #[test] fn add_{k}() {{ let mut h = Histogram::new(10, 10); h.add({k}); assert_eq!(h.total(), 1); }}\n"
                        for k in range(80))
        tests += "    #[test] fn label_last() { let h = Histogram::new(3, 5); assert_eq!(h.label(2), \"10-14\"); }\n"
        write_tree(r, {"Cargo.toml": "[package]\nname = \"histo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                       "src/lib.rs": CRATE_LIB + tests + "}\n"})
        add("cargo-test-histo-one-failure", "cargo test", run("cargo test --offline 2>&1", cwd=r, timeout=400), n_cargo_test)
        add("cargo-clippy-histo", "cargo clippy --all-targets", run("cargo clippy --offline --all-targets 2>&1", cwd=r, timeout=400),
            n_clippy)


SLUG_PY = '''
import re
import unicodedata


def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
'''

SYNC_PY = '''
import logging

log = logging.getLogger("sync.job")


def sync_batch(batch_id, n):
    log.info("batch %d: fetching %d records", batch_id, n)
    done = 0
    for k in range(n):
        log.debug("batch %d: record %d", batch_id, k)
        done += 1
    log.info("batch %d: upserted %d records", batch_id, done)
    return done / n * n
'''

SEMVER_GO = '''package semver

import (
\t"strconv"
\t"strings"
)

type Version struct{ Major, Minor, Patch int }

func Parse(s string) Version {
\tp := strings.SplitN(s, ".", 3)
\tmaj, _ := strconv.Atoi(p[0])
\tmin, _ := strconv.Atoi(p[1])
\tpat, _ := strconv.Atoi(p[2])
\tif strings.Contains(p[2], "-") {
\t\tpat = -1
\t}
\treturn Version{maj, min, pat}
}
'''

VET_GO = '''package main

import (
\t"fmt"
\t"sync"

\t"example.org/vetme/store"
)

func main() {
\tvar mu sync.Mutex
\tcopyLock(mu)
\tn := 3
\tfmt.Printf("%s items\\n", n)
\tfmt.Println("done %d", n)
\ts := store.New()
\ts.Put("a", 1)
\tfor i := 0; i < 3; i++ {
\t\tdefer func() { fmt.Println(i) }()
\t}
}

func copyLock(m sync.Mutex) { m.Lock() }
'''

VET_STORE = '''package store

import "fmt"

type Store struct {
\tdata map[string]int `json:data`
}

func New() *Store { return &Store{data: map[string]int{}} }

func (s *Store) Put(k string, v int) {
\ts.data[k] = v
\tfmt.Sprintf("put %s", k)
}
'''


# ================================================================== tables and JSON

def cap_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    rnd = random.Random(70)
    regions = ["eu-west", "eu-west", "eu-west", "us-east", "us-east", "ap-south"]
    rows = [f"{k},{rnd.choice(regions)},{rnd.choice(['paid'] * 9 + ['refunded'])},{rnd.randint(5, 400)}.{rnd.randint(0, 99):02d},"
            f"{rnd.randint(1, 6)}" for k in range(1, 700)]
    rows[411] = "412,eu-west,chargeback,98213.40,1"
    (d / "orders.csv").write_text("id,region,status,amount,items\n" + "\n".join(rows) + "\n")
    if have("sqlite3", "sqlite-*"):
        run("sqlite3 shop.db '.mode csv' '.import orders.csv orders'", cwd=d)
        q = ("SELECT region, status, items, count(*) AS n, round(sum(amount), 2) AS revenue, max(amount) AS biggest "
             "FROM orders GROUP BY region, status, items ORDER BY region, status, items")
        add("sqlite-column-orders-by-region", f"sqlite3 -column -header shop.db \"{q}\"",
            run(f"sqlite3 -column -header shop.db \"{q}\"", cwd=d), n_sqlite_col)
        q2 = "SELECT id, region, status, amount, items FROM orders WHERE id % 4 = 0 ORDER BY id"
        add("sqlite-box-orders-sample", f"sqlite3 -box shop.db \"{q2}\"", run(f"sqlite3 -box shop.db \"{q2}\"", cwd=d), n_sqlite_box)
    temps = []
    for k in range(500):
        v = round(20 + 3 * rnd.random(), 2) if k != 318 else 87.5
        temps.append(f"2025-11-{1 + k // 48:02d}T{(k % 48) // 2:02d}:{30 * (k % 2):02d}:00Z,{['s-01', 's-02', 's-03'][k % 3] if k != 199 else 's-99'},"
                     f"{v},{rnd.randint(35, 55)},{'ok' if k not in (318, 319) else 'alarm'}")
    (d / "readings.csv").write_text("ts,sensor,temp_c,humidity,status\n" + "\n".join(temps) + "\n")
    add("csv-sensor-readings-outlier", "cat readings.csv", run("cat readings.csv", cwd=d), n_csv)
    issues = []
    for k in range(60):
        issues.append({"url": f"http://127.0.0.1/repos/acme/widgets/issues/{900 - k}", "number": 900 - k,
                       "title": f"Widget {k}: {rnd.choice(['crash on resize', 'typo in docs', 'slow render', 'flaky test'])} ({k})",
                       "user": {"login": rnd.choice(["ada", "bo", "cy"]), "id": 1000 + k % 3, "type": "User"},
                       "labels": [{"name": rnd.choice(["bug", "docs", "perf"]), "color": "d73a4a"}],
                       "state": "open" if k != 41 else "closed", "locked": k == 17, "assignee": None,
                       "comments": rnd.randint(0, 9) if k != 23 else 212,
                       "created_at": f"2025-{1 + k % 11:02d}-{1 + k % 28:02d}T10:00:00Z", "updated_at": "2025-11-29T08:00:00Z",
                       "body": "Steps to reproduce:\n1. open the widget\n2. resize\n\nExpected no crash."})
    (d / "api").mkdir()
    (d / "api" / "issues.json").write_text(json.dumps({"total_count": 60, "incomplete_results": False, "items": issues}, indent=2))
    srv = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "41187"], cwd=d / "api",
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    cm.PROCS.append(srv)
    time.sleep(1.5)
    add("curl-issues-api-json", "curl -s 'http://127.0.0.1:41187/repos/acme/widgets/issues?state=all&per_page=60'",
        run("curl -s http://127.0.0.1:41187/issues.json"), n_issues)
    if have("npm", "npm-view-json"):
        for pkg in ("yargs", "semver"):
            add(f"npm-view-{pkg}", f"npm view {pkg} --json", run(f"npm view {pkg} --json", cwd=tmp, timeout=120), n_npm_view)


STEPS = [cap_lint, cap_tests, cap_tables]
