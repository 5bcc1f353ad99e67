#!/usr/bin/env python3
"""Capture WIDER kinds for the compression corpus, ones the other capture scripts lack: pytest --tb=long -x,
chained Python tracebacks, uncaught Node errors, Java "Caused by" chains, Rust backtraces, minitest,
perl prove, go test -race, valgrind, gdb backtraces, strace, ldd, nm, cProfile tables, codespell, vulture,
sqlfluff, npm ERESOLVE, pip resolver conflicts, cargo tree, git merge/rebase conflicts, git diff --stat,
redis and postgres server logs, redis INFO, psql and sqlite box tables, curl -v, openssl s_client.

Same method and helpers as capture_more.py (this script imports them): every item's text is the
stdout+stderr of a program REALLY run here on throwaway projects written below, in /tmp/hm-corpus-wide;
needles follow scripts/corpus/NEEDLES.md, each kind's extractor docstring states its rule (first line =
the item's needle_rule), extractors read the CLEANED lines, and every needle is asserted to be a
substring of one cleaned line of at most 200 characters.

Usage:   /work/main/.venv/bin/python scripts/corpus/capture_wide.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide.json  as {"version": 2, "items": [...]}, ids prefixed "wide-".
Tools:   PyPI (codespell, vulture, sqlfluff, pytest) into a temp venv; Debian packages where present
         (apt-get install -y ruby valgrind gdb strace redis-server postgresql sqlite3); go, cargo, javac,
         gcc, node, perl, openssl, curl as found. A missing tool skips its kinds with a note on stderr.
         Every process started is killed; network use is the registries and 127.0.0.1.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402  (its add/run/kind machinery, with our id prefix)
from capture_data import free_port, rule4, stop, wait_port  # noqa: E402
from capture_more import groups, have, kind, mask, next_match, note, run, start, write_tree  # noqa: E402
from capture_diagnostics import needles_pytest, needles_pytraceback  # noqa: E402

cm.PREFIX = "wide-"
DEFAULT_OUT = HERE / "data" / "wide.json"
TMP = Path("/tmp/hm-corpus-wide")
add = cm.add



def summary_lines(lines, pat: str) -> list[str]:
    return [ln for ln in lines if re.search(pat, ln)]


# ================================================================== Python

def py_deep_project(root: Path, n_mod: int, seed: int) -> None:
    """Tests whose failures sit under 3-5 frames of helpers (long tracebacks); most tests pass."""
    rng = random.Random(seed)
    (root / "shop").mkdir(parents=True, exist_ok=True)
    (root / "shop" / "__init__.py").write_text("")
    (root / "shop" / "pricing.py").write_text(
        "def _round(v, places):\n    return round(v, places)\n\n\n"
        "def _apply(rate, amount):\n    if rate < 0:\n        raise ValueError(f'negative rate {rate}')\n"
        "    return _round(amount * (1 - rate), 2)\n\n\n"
        "def discount(amount, rate):\n    return _apply(rate, amount)\n\n\n"
        "def tax(amount, region):\n    table = {'eu': 0.2, 'us': 0.07}\n    return _round(amount * table[region], 2)\n\n\n"
        "def total(lines, region):\n    sub = sum(q * p for q, p in lines)\n    return _round(sub + tax(sub, region), 2)\n")
    for m in range(n_mod):
        body = "import pytest\nfrom shop.pricing import discount, tax, total\n\n\n"
        for t in range(rng.randint(8, 14)):
            amt = rng.randint(1, 500)
            r = rng.choice(["pass", "pass", "pass", "pass", "pass", "wrong", "neg", "key"])
            if r == "pass":
                body += f"def test_discount_{m}_{t}():\n    assert discount({amt}, 0.1) == round({amt} * 0.9, 2)\n\n\n"
            elif r == "wrong":
                body += (f"def test_total_{m}_{t}():\n    lines = [(2, {amt}), (1, 3.5)]\n"
                         f"    assert total(lines, 'eu') == {round((2 * amt + 3.5) * 1.1, 2)}\n\n\n")
            elif r == "neg":
                body += f"def test_negative_{m}_{t}():\n    assert discount({amt}, -0.{t + 1}) > 0\n\n\n"
            else:
                body += f"def test_tax_region_{m}_{t}():\n    assert tax({amt}, 'apac') >= 0\n\n\n"
        (root / f"tests/test_orders_{m:02d}.py").parent.mkdir(exist_ok=True)
        (root / f"tests/test_orders_{m:02d}.py").write_text(body)


@kind("pytest-tb-long", "test")
def n_pytest_long(lines):
    """Rule 2 (pytest): each FAILED id, the first E line and last location line of each failure section, the final summary."""
    return needles_pytest(lines)


CHAINED = '''
import json, sys

class ConfigError(Exception):
    pass

def parse(text, name):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ConfigError(f"{name}: invalid JSON") from e

def walk(depth, payload):
    if depth == 0:
        return parse(payload, "settings.json")
    return walk(depth - 1, payload)

def load_all(n):
    out = []
    for i in range(n):
        try:
            out.append(walk(i % 7, '{"ok": %d}' % i if i %% 9 else '{"broken": ' ))
        except ConfigError as e:
            if i > 40:
                raise RuntimeError(f"giving up after {i} files") from e
            print(f"skip item {i}: {e}", file=sys.stderr)
    return out

def main():
    try:
        load_all(60)
    except RuntimeError:
        try:
            {}["retry_policy"]
        except KeyError:
            raise
main()
'''.replace("%%", "%")

RECURSE = '''
import sys
sys.setrecursionlimit(400)

def render(node, depth=0):
    print("  " * min(depth, 3) + f"node {node['id']} at depth {depth}")
    return render(node["child"], depth + 1)

tree = {"id": 0}
cur = tree
for i in range(1, 30):
    cur["child"] = {"id": i}
    cur = cur["child"]
cur["child"] = cur   # a cycle: the walk never ends
try:
    render(tree)
except RecursionError as e:
    raise SystemError("render failed on a cyclic tree") from e
'''


@kind("python-chained-traceback", "log")
def n_chained(lines):
    """Rule 1: every exception line ending a traceback (chained ones too) with its innermost 'File' location; each distinct 'skip ...' warning shape."""
    out = needles_pytraceback(lines)
    out += groups((mask(ln), ln) for ln in lines if ln.startswith("skip item"))
    return out


@kind("cprofile", "table")
def n_cprofile(lines):
    """Rules 3+4: the 'N function calls' summary, the column header, rows with the min and max of ncalls/tottime/cumtime."""
    out = summary_lines(lines, r"function calls .* in [\d.]+ seconds")
    hdr = next((i for i, ln in enumerate(lines) if ln.strip().startswith("ncalls")), None)
    if hdr is None:
        return out
    out.append(lines[hdr])
    rows = []
    for ln in lines[hdr + 1:]:
        p = ln.split(None, 5)
        if len(p) < 6:
            continue
        rows.append((ln, {"ncalls": p[0].split("/")[0], "tottime": p[1], "cumtime": p[3]}))
    return out + rule4(rows, nums=["ncalls", "tottime", "cumtime"])


CPROFILE_SRC = '''
import json, re, collections
def tokenize(s):
    return re.findall(r"[a-z]+", s.lower())
def count(docs):
    c = collections.Counter()
    for d in docs:
        c.update(tokenize(d))
    return c
def encode(c):
    return json.dumps(sorted(c.items()))
docs = [" ".join("word%d lorem ipsum dolor" % (i * j % 97) for j in range(40)) for i in range(3000)]
for _ in range(3):
    encode(count(docs))
'''


@kind("codespell", "lint")
def n_codespell(lines):
    """Rule 1 (findings without level): one {"any"} per (misspelled word, file)."""
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: (\S+) ==>", ln)
        if m:
            pairs.append(((m.group(2).lower(), m.group(1)), ln))
    return groups(pairs)


@kind("vulture", "lint")
def n_vulture(lines):
    """Rule 1 (findings without level): one {"any"} per (message shape, file) of 'file:line: unused ...' lines."""
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: (.*?)\(\d+% confidence", ln)
        if m:
            pairs.append(((re.sub(r"'[^']*'", "<q>", m.group(2)), m.group(1)), ln))
    return groups(pairs)


@kind("sqlfluff", "lint")
def n_sqlfluff(lines):
    """Rules 1+3: one {"any"} per (rule code, file) of 'L: n | P: n | CODE | msg' rows; the '== [file] FAIL' headers; 'All Finished'."""
    pairs, out, cur = [], [], None
    for ln in lines:
        m = re.match(r"^== \[(.+?)\] FAIL", ln)
        if m:
            cur = m.group(1)
            out.append(ln)
            continue
        m = re.match(r"^L:\s*\d+ \| P:\s*\d+ \| (\w+) \|", ln)
        if m and cur:
            pairs.append(((m.group(1), cur), ln))
    out += groups(pairs)
    return out + summary_lines(lines, r"^All Finished")


SQL_FILES = {
    "select_orders.sql": "select a.id,b.name, SUM(a.total) from orders a join customers b on a.cid=b.id\n"
                          "where a.status='open' group by 1,2\n",
    "report.sql": "SELECT  *\nFROM sales s\nLEFT JOIN regions r ON s.region_id = r.id\nWHERE s.amount>100 and r.name <> 'x'\n"
                  "order by s.amount desc ,  r.name\n",
    "views.sql": "create view v_top as select customer_id, count(*) as n from orders group by customer_id having count(*)>5;\n"
                 "CREATE VIEW v_late AS SELECT * FROM shipments WHERE delivered_at > promised_at + interval '2 day';\n",
}


@kind("pip-resolver-conflict", "pkg")
def n_pip_conflict(lines):
    """Rules 1+3: every 'ERROR:' line, every 'The conflict is caused by' requirement line and the '×'/ResolutionImpossible line."""
    out, in_c = [], False
    for ln in lines:
        if ln.startswith(("ERROR:", "error:", "×")):
            out.append(ln)
        if "The conflict is caused by" in ln:
            in_c = True
            out.append(ln)
            continue
        if in_c:
            if ln.startswith("    ") and ln.strip():
                out.append(ln)
            elif ln.strip():
                in_c = False
    return out


def cap_python(tmp: Path) -> None:
    venv = tmp / "venv"
    run(f"{sys.executable} -m venv {venv}", tmp)
    pip = venv / "bin" / "pip"
    log = run(f"{pip} install -q pytest codespell vulture sqlfluff", tmp, timeout=300)
    if not (venv / "bin" / "pytest").exists():
        note("skip python kinds: pip install failed: " + log[-300:])
        return
    cm.PATH_PREFIX.insert(0, str(venv / "bin"))
    p1 = tmp / "deep1"
    py_deep_project(p1, 6, 11)
    add("pytest-tb-long-x", "pytest -x --tb=long", run("pytest -x --tb=long -p no:cacheprovider", p1), n_pytest_long)
    p2 = tmp / "deep2"
    py_deep_project(p2, 14, 23)
    add("pytest-tb-long-all", "pytest --tb=long", run("pytest --tb=long -p no:cacheprovider", p2), n_pytest_long)
    add("pytest-tb-long-v", "pytest -v --tb=long -x", run("pytest -v --tb=long -x -p no:cacheprovider", p2),
        n_pytest_long)
    (tmp / "chain.py").write_text(CHAINED)
    add("py-chained-config", "python chain.py", run("python chain.py", tmp), n_chained)
    (tmp / "recurse.py").write_text(RECURSE)
    add("py-chained-recursion", "python recurse.py", run("python recurse.py", tmp), n_chained)
    (tmp / "prof.py").write_text(CPROFILE_SRC)
    add("cprofile-cumulative", "python -m cProfile -s cumulative prof.py",
        run("python -m cProfile -s cumulative prof.py", tmp), n_cprofile)
    add("cprofile-tottime", "python -m cProfile -s tottime prof.py",
        run("python -m cProfile -s tottime prof.py", tmp), n_cprofile)
    # codespell / vulture on a copy of real, widely used sources with typos put in on purpose
    src = tmp / "spell"
    rng = random.Random(5)
    typos = {"receive": "recieve", "separate": "seperate", "occurred": "occured", "length": "lenght",
             "necessary": "neccessary", "existent": "existant", "whether": "wether", "definitely": "definately"}
    import email, http, json as _json  # noqa: E401  stdlib packages whose sources we copy
    for pkg in (email, http, _json):
        for f in sorted(Path(pkg.__file__).parent.glob("*.py")):
            text = f.read_text(errors="replace")
            lines = text.split("\n")
            for _ in range(rng.randint(1, 6)):
                i = rng.randrange(len(lines))
                good, bad = rng.choice(sorted(typos.items()))
                lines[i] = lines[i] + f"  # {good} -> {bad}" if lines[i].strip().startswith("#") else lines[i]
                lines.insert(i, f"# the {bad} value is checked here")
            (src / pkg.__name__).mkdir(parents=True, exist_ok=True)
            (src / pkg.__name__ / f.name).write_text("\n".join(lines))
    add("codespell-stdlib", "codespell .", run("codespell .", src), n_codespell)
    add("vulture-stdlib", "vulture . --min-confidence 60", run("vulture . --min-confidence 60", src), n_vulture)
    add("vulture-email", "vulture email", run("vulture email", src), n_vulture)
    sq = tmp / "sql"
    write_tree(sq, SQL_FILES)
    add("sqlfluff-lint", "sqlfluff lint --dialect ansi .", run("sqlfluff lint --dialect ansi .", sq, timeout=200),
        n_sqlfluff)
    cmd = f"{pip} install --dry-run --no-cache-dir 'flask==3.0.0' 'werkzeug==2.0.3'"
    add("pip-conflict-flask", "pip install --dry-run flask==3.0.0 werkzeug==2.0.3", run(cmd, tmp, timeout=200),
        n_pip_conflict)
    cmd = f"{pip} install --dry-run --no-cache-dir 'requests==2.31.0' 'urllib3<1.21' 'idna==2.0'"
    add("pip-conflict-requests", "pip install --dry-run requests==2.31.0 'urllib3<1.21' idna==2.0",
        run(cmd, tmp, timeout=200), n_pip_conflict)


# ================================================================== Node, Java, Rust, Go, Ruby, Perl

NODE_UNCAUGHT = '''
class HttpError extends Error {
  constructor(status, msg, opts) { super(msg, opts); this.name = "HttpError"; this.status = status; }
}
function parseRow(row, i) {
  if (!row.includes(",")) throw new TypeError(`row ${i}: expected a comma in ${JSON.stringify(row)}`);
  return row.split(",");
}
function loadCsv(text) { return text.split("\\n").map(parseRow); }
function handler(req) {
  try { return loadCsv(req.body); }
  catch (e) { throw new HttpError(400, `bad upload from ${req.user}`, { cause: e }); }
}
for (let i = 0; i < 25; i++) {
  console.log(`request ${i} from user${i % 4} ok (${12 + i * 3} ms)`);
}
handler({ body: "a,b\\nc,d\\nbroken line\\ne,f", user: "user7" });
'''

NODE_REJECT = '''
const fs = require("fs/promises");
async function readConfig(p) { return JSON.parse(await fs.readFile(p, "utf8")); }
async function boot(n) {
  for (let i = 0; i < n; i++) console.log(`[boot] step ${i}: loaded module mod_${i}.js`);
  const cfg = await readConfig("/nonexistent/app/config.json");
  return cfg;
}
boot(30);
'''


@kind("node-uncaught", "log")
def n_node_uncaught(lines):
    """Rule 1: every thrown error line ('XError: msg', '[cause]: ...', 'Error: ENOENT ...') and the first 'at ...(file:line:col)' frame under it; the 'Node.js vN' line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(\[cause\]: )?(Uncaught )?([A-Z]\w*)?(Error|Exception)\b", s) or s.startswith("[Error: "):
            out.append(ln)
            loc = next_match(lines, i, r"^\s+at .*:\d+:\d+\)?$")
            if loc:
                out.append(loc)
        elif re.match(r"^Node\.js v\d", s):
            out.append(ln)
    return out


JAVA_SRC = '''
import java.util.*;

public class Billing {
    static class LedgerException extends RuntimeException {
        LedgerException(String m, Throwable c) { super(m, c); }
    }
    static int parseAmount(String s) { return Integer.parseInt(s.trim()); }
    static int sum(List<String> rows) {
        int t = 0;
        for (String r : rows) t += parseAmount(r.split(";")[1]);
        return t;
    }
    static int close(String account, List<String> rows) {
        try { return sum(rows); }
        catch (NumberFormatException e) { throw new LedgerException("cannot close " + account, e); }
    }
    static void batch(int n) {
        for (int i = 0; i < n; i++) {
            List<String> rows = new ArrayList<>();
            for (int j = 0; j < 5; j++) rows.add("r" + j + ";" + (i % 6 == 5 && j == 3 ? "12x" : String.valueOf(j * 10)));
            try {
                System.out.println("INFO account acct-" + i + " closed with total " + close("acct-" + i, rows));
            } catch (LedgerException e) {
                System.out.println("ERROR account acct-" + i + " failed");
                e.printStackTrace(System.out);
            }
        }
    }
    public static void main(String[] a) {
        batch(Integer.parseInt(a[0]));
        if (a.length > 1) {
            Map<String, Integer> m = new HashMap<>();
            int v = m.get("missing");
        }
    }
}
'''


@kind("java-stacktrace", "log")
def n_java(lines):
    """Rule 1: every exception line ('x.y.ZException: msg', 'Exception in thread', 'Caused by:') with the first 'at ...(File.java:N)' frame under it; each distinct ERROR line shape."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(Exception in thread \"\w+\" |Caused by: )?[\w.$]+(Exception|Error)\b", s):
            out.append(ln)
            loc = next_match(lines, i, r"^\s+at .*\(\w+\.java:\d+\)")
            if loc:
                out.append(loc)
    out += groups((mask(ln), ln) for ln in lines if ln.startswith("ERROR "))
    return out


RUST_MAIN = '''
use std::collections::HashMap;

#[derive(Debug)]
struct Order { id: u32, qty: u32, price: u32 }

fn parse(line: &str) -> Order {
    let f: Vec<&str> = line.split(',').collect();
    Order { id: f[0].parse().unwrap(), qty: f[1].parse().expect("qty must be a number"), price: f[2].parse().unwrap() }
}

fn totals(lines: &[&str]) -> HashMap<u32, u32> {
    let mut m = HashMap::new();
    for l in lines {
        let o = parse(l);
        *m.entry(o.id).or_insert(0) += o.qty * o.price;
    }
    m
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    for i in 0..20 { println!("loaded batch {} ({} rows)", i, 100 + i * 7); }
    if mode == "index" {
        let v: Vec<u32> = vec![1, 2, 3];
        let i = v.len() + 4;
        println!("{}", v[i]);
    }
    let lines = ["1,2,300", "2,5,120", "3,four,99"];
    println!("{:?}", totals(&lines));
}
'''


@kind("rust-backtrace", "log")
def n_rust_bt(lines):
    """Rule 1: every "thread '..' panicked at file:line:col:" line, the message line under it, and the first backtrace frame of the user's crate (a 'at [path/]src/x.rs:N' frame outside /rustc/ and ~/.cargo/)."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"thread '.*'( \(\d+\))? panicked at ", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
            for k in range(i + 1, len(lines)):
                if re.search(r"^\s+at (\./|/\S+/)?src/\S+\.rs:\d+", lines[k]) and "/rustc/" not in lines[k] \
                        and "/.cargo/" not in lines[k]:
                    out.append(lines[k])
                    break
        elif re.match(r"^error: process didn't exit successfully", ln):
            out.append(ln)
    return out


@kind("cargo-tree", "pkg")
def n_cargo_tree(lines):
    """Rule 5: the root line and every direct dependency (depth-1 line) with its version; every '(*)'-free duplicate-version line of -d."""
    out = []
    for ln in lines:
        if ln and not ln[0].isspace() and re.match(r"^[\w-]+ v\d", ln):
            out.append(ln)
        elif re.match(r"^[├└]── [\w-]+ v\d", ln):
            out.append(ln)
    return out


def rust_workspace(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    names = [f"part_{chr(97 + i)}{i}" for i in range(n)]
    members = ", ".join(f'"crates/{x}"' for x in names + ["app"])
    write_tree(root, {"Cargo.toml": f"[workspace]\nmembers = [{members}]\nresolver = \"2\"\n"})
    for i, x in enumerate(names):
        deps = rng.sample(names[:i], k=min(i, rng.randint(0, 3)))
        dl = "".join(f'{d} = {{ path = "../{d}" }}\n' for d in deps)
        write_tree(root / "crates" / x, {"Cargo.toml": f'[package]\nname = "{x}"\nversion = "0.{i}.{rng.randint(0, 9)}"\n'
                                                        f'edition = "2021"\n\n[dependencies]\n{dl}',
                                         "src/lib.rs": f"pub fn v() -> u32 {{ {i} }}\n"})
    app_deps = "".join(f'{d} = {{ path = "../{d}" }}\n' for d in rng.sample(names, k=min(6, n)))
    write_tree(root / "crates" / "app", {"Cargo.toml": f'[package]\nname = "app"\nversion = "1.0.0"\nedition = "2021"\n\n'
                                                      f'[dependencies]\n{app_deps}', "src/main.rs": "fn main() {}\n"})


@kind("go-race", "test")
def n_go_race(lines):
    """Rules 1+2: every 'WARNING: DATA RACE' line and the first 'file.go:N' location after each access line; every '--- FAIL:' line, 'testing.go: race detected' and the FAIL/ok summary lines."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("WARNING: DATA RACE"):
            out.append(ln)
        if re.match(r"^(Write|Read|Previous write|Previous read) at ", ln):
            out.append(ln)
            loc = next_match(lines, i, r"^\s+/\S+\.go:\d+", 3)
            if loc:
                out.append(loc)
        if re.match(r"^\s*--- FAIL: ", ln) or "race detected during execution" in ln \
                or re.match(r"^(FAIL|ok)\s+\S+", ln) or ln == "FAIL":
            out.append(ln)
    return out


GO_RACE = {
    "go.mod": "module example.com/counter\n\ngo 1.20\n",
    "counter.go": '''package counter

import "sync"

type Stats struct {
	mu    sync.Mutex
	hits  int
	bytes map[string]int
}

func New() *Stats { return &Stats{bytes: map[string]int{}} }

func (s *Stats) Hit() { s.hits++ }

func (s *Stats) Add(path string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bytes[path] += n
}

func (s *Stats) Hits() int { return s.hits }
''',
    "counter_test.go": '''package counter

import (
	"fmt"
	"sync"
	"testing"
)

func TestHitsConcurrent(t *testing.T) {
	s := New()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); s.Hit() }()
	}
	wg.Wait()
	if s.Hits() != 8 {
		t.Errorf("hits = %d, want 8", s.Hits())
	}
}

func TestAdd(t *testing.T) {
	s := New()
	for i := 0; i < 20; i++ {
		s.Add(fmt.Sprintf("/p/%d", i%3), i)
	}
	if s.bytes["/p/0"] != 63 {
		t.Errorf("bytes = %d", s.bytes["/p/0"])
	}
}

func TestSubtests(t *testing.T) {
	for i := 0; i < 12; i++ {
		i := i
		t.Run(fmt.Sprintf("case_%02d", i), func(t *testing.T) {
			if i == 7 {
				t.Fatalf("case %d: got %d want %d", i, i*2, i*3)
			}
		})
	}
}
''',
}


@kind("minitest", "test")
def n_minitest(lines):
    """Rule 2: every '  N) Failure:'/'Error:' header, the 'Class#test [file:line]' line under it, its first message line; the 'N runs, ...' summary."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*\d+\) (Failure|Error):", ln):
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
            if i + 2 < len(lines) and lines[i + 2].strip():
                out.append(lines[i + 2])
        elif re.match(r"^\d+ runs, \d+ assertions", ln):
            out.append(ln)
    return out


def ruby_tests(n: int, seed: int) -> str:
    rng = random.Random(seed)
    src = 'require "minitest/autorun"\n\nclass Cart\n  def initialize; @items = []; end\n' \
          '  def add(p, q); raise ArgumentError, "qty must be positive" if q <= 0; @items << [p, q]; self; end\n' \
          '  def total; @items.sum { |p, q| p * q }; end\nend\n\n'
    for c in range(n):
        src += f"class TestCart{c} < Minitest::Test\n"
        for t in range(rng.randint(5, 9)):
            kind_ = rng.choice(["ok"] * 6 + ["bad", "raise", "nil"])
            a, b = rng.randint(1, 50), rng.randint(1, 5)
            if kind_ == "ok":
                src += f"  def test_total_{t}\n    assert_equal {a * b}, Cart.new.add({a}, {b}).total\n  end\n"
            elif kind_ == "bad":
                src += f"  def test_total_{t}\n    assert_equal {a * b + 1}, Cart.new.add({a}, {b}).total\n  end\n"
            elif kind_ == "raise":
                src += f"  def test_zero_qty_{t}\n    Cart.new.add({a}, 0)\n  end\n"
            else:
                src += f"  def test_nil_{t}\n    assert_nil Cart.new.add({a}, {b}).total\n  end\n"
        src += "end\n\n"
    return src


@kind("perl-prove", "test")
def n_prove(lines):
    """Rule 2: every 'not ok N - name' line and the '#   at FILE line N.' location after it; 'Failed test' lines; the Result: and 'Files=' summary lines and each failing file's row of the summary report."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*not ok \d+", ln):
            out.append(ln)
            loc = next_match(lines, i, r"#\s+at \S+ line \d+", 3)
            if loc:
                out.append(loc)
        elif re.match(r"^Result: ", ln) or ln.startswith("Files="):
            out.append(ln)
        elif re.match(r"^\S+\.t\s+\(Wstat: ", ln):
            out.append(ln)
    return out


def perl_tests(n: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    files = {}
    for f in range(n):
        body = "use strict; use warnings;\nuse Test::More;\n\nsub slug { my $s = lc shift; $s =~ s/[^a-z0-9]+/-/g; return $s }\n\n"
        cnt = rng.randint(6, 14)
        for t in range(cnt):
            w = f"Hello World {f} {t}"
            exp = f"hello-world-{f}-{t}" if rng.random() < 0.85 else f"hello_world_{f}_{t}"
            body += f'is(slug("{w}"), "{exp}", "slug of case {t}");\n'
        body += "done_testing();\n"
        files[f"t/{f:02d}-slug.t"] = body
    return files


def cap_langs(tmp: Path) -> None:
    if have("node", "node-uncaught"):
        (tmp / "up.js").write_text(NODE_UNCAUGHT)
        add("node-uncaught-cause", "node up.js", run("node up.js", tmp), n_node_uncaught)
        (tmp / "boot.js").write_text(NODE_REJECT)
        add("node-unhandled-rejection", "node boot.js", run("node boot.js", tmp), n_node_uncaught)
    if have("javac", "java-stacktrace"):
        jd = tmp / "java"
        jd.mkdir()
        (jd / "Billing.java").write_text(JAVA_SRC)
        run("javac Billing.java", jd)
        add("java-caused-by-batch", "java Billing 40", run("java Billing 40", jd), n_java)
        add("java-npe-main", "java Billing 8 npe", run("java Billing 8 npe", jd), n_java)
    if have("cargo", "rust-backtrace"):
        rd = tmp / "rs"
        write_tree(rd, {"Cargo.toml": '[package]\nname = "orders"\nversion = "0.1.0"\nedition = "2021"\n',
                        "src/main.rs": RUST_MAIN})
        run("cargo build -q", rd, timeout=300)
        add("rust-backtrace-expect", "RUST_BACKTRACE=1 cargo run -q",
            run("cargo run -q", rd, {"RUST_BACKTRACE": "1"}, timeout=300), n_rust_bt)
        add("rust-backtrace-full-index", "RUST_BACKTRACE=full cargo run -q -- index",
            run("cargo run -q -- index", rd, {"RUST_BACKTRACE": "full"}, timeout=300), n_rust_bt)
        wd = tmp / "rsws"
        rust_workspace(wd, 14, 3)
        add("cargo-tree-workspace", "cargo tree -p app", run("cargo tree -p app --offline", wd, timeout=300),
            n_cargo_tree)
        add("cargo-tree-all", "cargo tree --workspace -e normal",
            run("cargo tree --workspace -e normal --offline", wd, timeout=300), n_cargo_tree)
    if have("go", "go-race"):
        gd = tmp / "gorace"
        write_tree(gd, GO_RACE)
        add("go-test-race", "go test -race -count=1 ./...", run("go test -race -count=1 ./...", gd, timeout=300),
            n_go_race)
        add("go-test-race-v", "go test -race -v -count=1 ./...", run("go test -race -v -count=1 ./...", gd, timeout=300),
            n_go_race)
    if have("ruby", "minitest"):
        (tmp / "cart_test.rb").write_text(ruby_tests(12, 4))
        add("minitest-cart", "ruby cart_test.rb --seed 1", run("ruby cart_test.rb --seed 1", tmp), n_minitest)
        add("minitest-cart-verbose", "ruby cart_test.rb -v --seed 2", run("ruby cart_test.rb -v --seed 2", tmp),
            n_minitest)
    if have("prove", "perl-prove"):
        pd = tmp / "perl"
        write_tree(pd, perl_tests(12, 9))
        add("prove-slug", "prove t/", run("prove t/", pd), n_prove)
        add("prove-slug-verbose", "prove -v t/", run("prove -v t/", pd), n_prove)


# ================================================================== native tools: valgrind, gdb, strace, ldd, nm

C_BUGGY = r'''
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

typedef struct { char *name; int *scores; int n; } Player;

static Player *mk(const char *name, int n) {
    Player *p = malloc(sizeof *p);
    p->name = strdup(name);
    p->scores = malloc(n * sizeof(int));
    for (int i = 0; i < n; i++) p->scores[i] = i * 3;
    p->n = n;
    return p;
}
static int best(const Player *p) {
    int b = 0;
    for (int i = 0; i <= p->n; i++) if (p->scores[i] > b) b = p->scores[i];   /* reads one past the end */
    return b;
}
static void *worker(void *arg) {
    long id = (long)arg;
    if (id == 3) { Player *q = NULL; printf("%d\n", q->n); }                  /* crashes in thread 3 */
    return NULL;
}
int main(int argc, char **argv) {
    int mode = argc > 1 ? atoi(argv[1]) : 0;
    for (int i = 0; i < 12; i++) {
        Player *p = mk("player", 5 + i);
        printf("player %d best %d\n", i, best(p));
        if (i % 3) { free(p->scores); free(p); }                             /* leaks name always */
    }
    if (mode == 1) {
        pthread_t t[4];
        for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)i);
        for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    }
    return 0;
}
'''


@kind("valgrind-memcheck", "log")
def n_valgrind(lines):
    """Rules 1+3: every '==pid== Invalid .../Conditional jump...' error line and the first 'by/at 0x..: fn (file.c:N)' frame under it; 'definitely lost' record lines; the LEAK SUMMARY and ERROR SUMMARY lines."""
    out = []
    for i, ln in enumerate(lines):
        body = re.sub(r"^==\d+== ", "", ln)
        if re.match(r"^(Invalid (read|write|free)|Conditional jump|Use of uninitialised|Mismatched free|Process terminating)", body) \
                or re.search(r"are definitely lost in loss record", body):
            out.append(ln)
            loc = next_match(lines, i, r"(at|by) 0x[0-9A-F]+: \w+ \(\w+\.c:\d+\)", 6)
            if loc:
                out.append(loc)
        elif re.match(r"^(ERROR SUMMARY|\s+definitely lost:|\s+indirectly lost:|LEAK SUMMARY)", body):
            out.append(ln)
    return out


@kind("gdb-bt", "log")
def n_gdb(lines):
    """Rule 1: the 'received signal' line, the 'in fn (...) at file:N' frame line after it, and every '#0' frame of each thread's backtrace plus every frame naming a .c file of the program."""
    out = []
    for i, ln in enumerate(lines):
        if "received signal" in ln:
            out.append(ln)
            loc = next_match(lines, i, r" at \S+:\d+$", 3)
            if loc:
                out.append(loc)
        elif re.match(r"^#\d+\s.* at \w+\.c:\d+", ln) or re.match(r"^#0\s", ln):
            out.append(ln)
    return out


@kind("strace", "log")
def n_strace(lines):
    """Rule 1+3: one {"any"} per (syscall, errno) of failed calls ('= -1 ENOENT (...)'); the '+++ exited with N +++' / killed line; every execve line."""
    pairs, out = [], []
    for ln in lines:
        m = re.search(r"(\w+)\(.*\)\s+= -1 (E[A-Z]+)", ln)
        if m:
            pairs.append(((m.group(1), m.group(2)), ln))
        if re.search(r"\+\+\+ (exited with \d+|killed by)", ln) or re.search(r"\bexecve\(", ln):
            out.append(ln)
    return out + groups(pairs)


@kind("ldd", "listing")
def n_ldd(lines):
    """Rules 4+5: every 'not found' / 'not a dynamic executable' line and every line of a library resolved outside /lib and /usr/lib (rare paths); the first line (vdso)."""
    out = [ln for ln in lines if "not found" in ln or "not a dynamic executable" in ln]
    for ln in lines:
        m = re.search(r"=> (/\S+)", ln)
        if m and not re.match(r"^/(usr/)?lib", m.group(1)):
            out.append(ln)
    return out + lines[:1]


@kind("nm", "listing")
def n_nm(lines):
    """Rule 4 on the type column: the rows whose symbol type occurs in at most 2 rows while the commonest type covers half the rows; every 'U' (undefined) symbol of the program's own names (prefix 'ledger_')."""
    rows = []
    for ln in lines:
        m = re.match(r"^\s*(?:[0-9a-f]{8,}\s+){0,2}([A-Za-z]) (\S+)$", ln)
        if m:
            rows.append((ln, {"t": m.group(1)}))
    out = rule4(rows, cat=["t"])
    out += [ln for ln, r in rows if r["t"] == "U" and "ledger_" in ln]
    return out


def c_many_symbols(n: int) -> str:
    src = "#include <string.h>\nextern int ledger_external_hook(int);\nextern const char *ledger_tag;\n"
    for i in range(n):
        scope = "static " if i % 4 == 0 else ""
        src += f"{scope}int ledger_fn_{i:03d}(int x) {{ return x * {i} + (int)strlen(ledger_tag); }}\n"
        if i % 9 == 0:
            src += f"int ledger_counter_{i} = {i};\nconst char ledger_name_{i}[] = \"n{i}\";\n"
    src += "static int ledger_bss_area[1024];\nint ledger_main(void) { return ledger_external_hook(ledger_bss_area[0]); }\n"
    return src


def cap_native(tmp: Path) -> None:
    cd = tmp / "c"
    cd.mkdir()
    (cd / "players.c").write_text(C_BUGGY)
    run("gcc -g -O0 -pthread -o players players.c", cd)
    if have("valgrind", "valgrind-memcheck"):
        add("valgrind-leaks", "valgrind --leak-check=full ./players",
            run("valgrind --leak-check=full ./players", cd, timeout=200), n_valgrind)
        add("valgrind-threads-crash", "valgrind ./players 1", run("valgrind ./players 1", cd, timeout=200), n_valgrind)
    if have("gdb", "gdb-bt"):
        cmd = "gdb -q -batch -ex run -ex bt -ex 'thread apply all bt' --args ./players 1"
        add("gdb-thread-segv", cmd, run(cmd, cd, timeout=200), n_gdb)
    if have("strace", "strace"):
        cmd = "strace -f -e trace=openat,execve,newfstatat python3 -c \"import json, sqlite3, missing_module_xyz\""
        add("strace-python-import", cmd, run(cmd, cd, timeout=120), n_strace)
        cmd = "strace -f -e trace=file,process sh -c 'cat /etc/hostname /nope/x; ls /root/none; exit 3'"
        add("strace-file-process", cmd, run(cmd, cd, timeout=120), n_strace)
    if have("ldd", "ldd"):
        (cd / "libdemo.c").write_text("int demo(int x) { return x * 2; }\n")
        run("gcc -shared -fPIC -o libdemo.so libdemo.c && gcc -o usesdemo players.c -pthread -Wl,--no-as-needed -L. -ldemo -Wl,-rpath,$PWD "
            "&& gcc -o usesgone players.c -pthread -Wl,--no-as-needed -L. -ldemo", cd)
        pyso = sorted(Path(sys.base_prefix).glob("lib/python3*/lib-dynload/_ssl*.so"))
        target = " ".join(str(p) for p in pyso[:1])
        cmd = f"ldd ./usesdemo ./usesgone /usr/bin/git {target} $(command -v psql) $(command -v redis-server)"
        add("ldd-mixed", "ldd ./usesdemo ./usesgone /usr/bin/git _ssl.so psql redis-server", run(cmd, cd), n_ldd)
    if have("nm", "nm"):
        (cd / "ledger.c").write_text(c_many_symbols(160))
        run("gcc -c -O0 -o ledger.o ledger.c", cd)
        add("nm-object", "nm ledger.o", run("nm ledger.o", cd), n_nm)
        add("nm-sorted-size", "nm -S --size-sort ledger.o", run("nm -S --size-sort ledger.o", cd), n_nm)


# ================================================================== git conflicts and stats

def git(cwd: Path, cmd: str) -> str:
    return run(cmd, cwd, {"GIT_AUTHOR_NAME": "Ana Lima", "GIT_AUTHOR_EMAIL": "ana@example.com",
                          "GIT_COMMITTER_NAME": "Ana Lima", "GIT_COMMITTER_EMAIL": "ana@example.com",
                          "GIT_AUTHOR_DATE": "2024-03-01T10:00:00Z", "GIT_COMMITTER_DATE": "2024-03-01T10:00:00Z"})


@kind("git-merge-conflict", "git")
def n_git_conflict(lines):
    """Rules 1+3: every 'CONFLICT (...)' line, the 'Automatic merge failed'/'error:'/'hint:'-free failure lines, every 'both modified:'/'deleted by' status row, every conflict marker line of a diff ('<<<<<<<', '>>>>>>>') and its 'diff --cc' path line."""
    out = []
    for ln in lines:
        if re.match(r"^CONFLICT \(", ln) or ln.startswith(("Automatic merge failed", "error:", "fatal:")) \
                or re.match(r"^\s+(both modified|both added|deleted by \w+|added by \w+):", ln) \
                or re.match(r"^[+ -]{0,2}(<{7}|>{7}) ", ln) or re.match(r"^Could not apply ", ln) \
                or ln.startswith("diff --cc "):
            out.append(ln)
    return out


@kind("git-diff-stat", "git")
def n_diff_stat(lines):
    """Rules 3+4: the 'N files changed' summary; the rows with the min and max change count; rows of binary files and renames ('=>')."""
    rows = []
    out = summary_lines(lines, r"\d+ files? changed")
    for ln in lines:
        m = re.match(r"^ (\S.*?) +\| +(\d+|Bin)", ln)
        if m:
            rows.append((ln, {"n": m.group(2) if m.group(2) != "Bin" else None}))
            if m.group(2) == "Bin" or "=>" in m.group(1):
                out.append(ln)
    return out + rule4(rows, nums=["n"])


def cap_git(tmp: Path) -> None:
    rng = random.Random(8)
    g = tmp / "repo"
    g.mkdir()
    git(g, "git init -q -b main")
    files = {}
    for i in range(40):
        body = "\n".join(f"value_{i}_{k} = {rng.randint(0, 999)}  # setting {k}" for k in range(30)) + "\n"
        files[f"conf/mod_{i:02d}.py"] = body
    files["README.md"] = "# Settings\n\nSee conf/.\n"
    write_tree(g, files)
    git(g, "git add -A && git commit -q -m 'settings: initial'")
    git(g, "git checkout -q -b feature")
    for i in range(0, 40, 3):
        p = g / f"conf/mod_{i:02d}.py"
        ls = p.read_text().split("\n")
        for k in rng.sample(range(30), 4):
            ls[k] = ls[k].replace("# setting", "# feature")
        p.write_text("\n".join(ls))
    (g / "conf/mod_05.py").unlink()
    (g / "logo.bin").write_bytes(bytes(range(256)) * 8)
    git(g, "git mv conf/mod_07.py conf/renamed_07.py")
    git(g, "git add -A && git commit -q -m 'feature: retune settings'")
    git(g, "git checkout -q main")
    for i in range(0, 40, 2):
        p = g / f"conf/mod_{i:02d}.py"
        ls = p.read_text().split("\n")
        for k in rng.sample(range(30), 3):
            ls[k] = ls[k].replace("# setting", "# main")
        p.write_text("\n".join(ls))
    (g / "conf/mod_05.py").write_text((g / "conf/mod_05.py").read_text() + "extra = 1\n")
    git(g, "git add -A && git commit -q -m 'main: hotfix settings'")
    add("git-diff-stat-branches", "git diff --stat main feature", git(g, "git diff --stat main feature"), n_diff_stat)
    add("git-diff-stat-wide", "git diff --stat=160 main~1 feature", git(g, "git diff --stat=160 HEAD~1 feature"),
        n_diff_stat)
    out = git(g, "git merge feature")
    out += git(g, "git status")
    add("git-merge-conflict-status", "git merge feature; git status", out, n_git_conflict)
    add("git-merge-conflict-diff", "git diff", git(g, "git diff"), n_git_conflict)
    git(g, "git merge --abort")
    git(g, "git checkout -q feature")
    out = git(g, "git rebase main")
    out += git(g, "git status")
    add("git-rebase-conflict", "git rebase main; git status", out, n_git_conflict)
    git(g, "git rebase --abort")


# ================================================================== servers: redis, postgres, curl, openssl

@kind("redis-log", "log")
def n_redis_log(lines):
    """Rule 1 + rule 3: every line logged at '#' (warning) level, grouped by message shape; every line with error/failed/refused; the 'Ready to accept connections' and shutdown ('Redis is now ready to exit') lines."""
    out = []
    pairs = []
    for ln in lines:
        m = re.match(r"^\d+:[A-Z] .*? # (.*)$", ln)
        if m:
            pairs.append((mask(m.group(1)), ln))
        if re.search(r"(?i)\b(error|failed|refused|denied)\b", ln):
            out.append(ln)
        if "Ready to accept connections" in ln or "ready to exit" in ln:
            out.append(ln)
    return out + groups(pairs)


@kind("redis-info", "listing")
def n_redis_info(lines):
    """Rule 5: the '# Section' headers and the values a question would ask: redis_version, used_memory_human, connected_clients, keyspace rows (db*:), role, rejected_connections, expired_keys."""
    keys = ("redis_version:", "used_memory_human:", "connected_clients:", "role:", "rejected_connections:",
            "expired_keys:", "total_commands_processed:")
    return [ln for ln in lines if ln.startswith("# ") or ln.startswith(keys) or re.match(r"^db\d+:keys=", ln)]


@kind("postgres-log", "log")
def n_pg_log(lines):
    """Rule 1: every ERROR/FATAL/PANIC line with the STATEMENT line after it (within 6); WARNING lines grouped by message shape; the 'database system is ready' line."""
    out = []
    pairs = []
    for i, ln in enumerate(lines):
        if re.search(r"\b(ERROR|FATAL|PANIC):", ln):
            out.append(ln)
            st = next_match(lines, i, r"\bSTATEMENT:", 3)
            if st:
                out.append(st)
        elif re.search(r"\bWARNING:", ln):
            pairs.append((mask(ln.split("WARNING:", 1)[1]), ln))
        elif "database system is ready to accept connections" in ln:
            out.append(ln)
    return out + groups(pairs)


@kind("psql-table", "table")
def n_psql(lines):
    """Rule 4: the header row; rows with rare status values; rows with the min and max of each numeric column; the '(N rows)' footer."""
    hdr = next((i for i, ln in enumerate(lines) if re.match(r"^-+\+-", lines[i + 1] if i + 1 < len(lines) else "")), None)
    if hdr is None:
        return summary_lines(lines, r"^\(\d+ rows?\)")
    names = [c.strip() for c in lines[hdr].split("|")]
    rows = []
    for ln in lines[hdr + 2:]:
        if re.match(r"^\(\d+ rows?\)", ln) or not ln.strip():
            break
        cells = [c.strip() for c in ln.split("|")]
        rows.append((ln, dict(zip(names, cells))))
    nums = [c for c in names if all(re.match(r"^-?\d+(\.\d+)?$", r.get(c, "")) for _, r in rows)]
    cats = [c for c in names if c not in nums and len({r.get(c) for _, r in rows}) <= max(12, len(rows) // 10)]
    return rule4(rows, cat=cats, nums=nums, header=[lines[hdr]]) + summary_lines(lines, r"^\(\d+ rows?\)")


@kind("sqlite-box", "table")
def n_sqlite_box(lines):
    """Rule 4 on a box-drawn table: the header row; rows with rare categorical values; rows with each numeric column's min and max."""
    hdr = next((i for i, ln in enumerate(lines) if ln.startswith("│")), None)
    if hdr is None:
        return []
    names = [c.strip() for c in lines[hdr].strip("│").split("│")]
    rows = []
    for ln in lines[hdr + 1:]:
        if ln.startswith("│"):
            rows.append((ln, dict(zip(names, [c.strip() for c in ln.strip("│").split("│")]))))
    nums = [c for c in names if all(re.match(r"^-?\d+(\.\d+)?$", r.get(c, "")) for _, r in rows)]
    cats = [c for c in names if c not in nums and len({r.get(c) for _, r in rows}) <= max(12, len(rows) // 10)]
    return rule4(rows, cat=cats, nums=nums, header=[lines[hdr]])


@kind("curl-verbose", "log")
def n_curl(lines):
    """Rules 1+5: every response status line ('< HTTP/1.x NNN'), the request lines ('> GET ...'), 'Connected to' lines, and every curl error line ('curl: (N) ...')."""
    return [ln for ln in lines if re.match(r"^< HTTP/\S+ \d{3}", ln) or re.match(r"^> [A-Z]+ \S+ HTTP", ln)
            or re.match(r"^\* (Connected to|Failed|Closing)", ln) or ln.startswith("curl: (")]


@kind("openssl-s-client", "log")
def n_openssl(lines):
    """Rule 5 (+1): the certificate subject and issuer lines, 'Verify return code', the protocol and cipher lines, 'Server certificate' and every error/verify-error line."""
    return [ln for ln in lines if re.match(r"^\s*(subject=|issuer=|Verify return code|verify error|New, |Protocol\s*:|"
                                           r"Cipher\s*:|Server public key|depth=|\d+:error:)", ln)]


def cap_servers(tmp: Path) -> None:
    if have("redis-server", "redis-log"):
        port = free_port()
        rlog = tmp / "redis.log"
        p = start(f"redis-server --port {port} --bind 127.0.0.1 --save '' --appendonly no --loglevel verbose "
                  f"--logfile {rlog} --maxmemory 2mb --maxmemory-policy noeviction --dir {tmp}", cwd=tmp)
        if wait_port(port):
            cli = f"redis-cli -h 127.0.0.1 -p {port}"
            run(f"for i in $(seq 1 300); do echo \"SET key:$i $(head -c 400 /dev/zero | tr '\\0' x)\"; done | {cli} "
                f"> /dev/null; {cli} CONFIG SET requirepass '' >/dev/null; {cli} DEBUG SLEEP 0; "
                f"for i in $(seq 1 8); do {cli} CLIENT LIST >/dev/null; done; {cli} EXPIRE key:1 1; "
                f"{cli} SET big $(head -c 3000000 /dev/zero | tr '\\0' y) 2>&1 | head -c 300; {cli} BGSAVE; sleep 1", tmp)
            add("redis-info-all", "redis-cli INFO", run(f"{cli} INFO", tmp), n_redis_info)
            run(f"{cli} SHUTDOWN NOSAVE", tmp)
        stop(p)
        time.sleep(0.5)
        if rlog.exists():
            add("redis-server-log", f"cat {rlog.name}", rlog.read_text(errors="replace"), n_redis_log)
    pgbin = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)
    if pgbin and have("psql", "psql-table"):
        data = tmp / "pg"
        data.mkdir()
        shutil.chown(data, "postgres")
        su = "runuser -u postgres -- "
        run(f"{su}{pgbin}/initdb -D {data} -A trust -U postgres", tmp, timeout=120)
        port = free_port()
        plog = tmp / "pg.log"
        run(f"touch {plog} && chown postgres {plog}", tmp)
        run(f"{su}{pgbin}/pg_ctl -D {data} -l {plog} -o '-p {port} -k {data} -c listen_addresses=127.0.0.1 "
            f"-c log_min_duration_statement=0 -c log_line_prefix=\"%m [%p] %u@%d \"' start", tmp, timeout=60)
        if wait_port(port):
            ps = f"psql -h 127.0.0.1 -p {port} -U postgres -X"
            sql = ("CREATE TABLE jobs(id serial primary key, name text, state text, attempts int, runtime_ms int);"
                   "INSERT INTO jobs(name,state,attempts,runtime_ms) SELECT 'job_'||g, CASE WHEN g=137 THEN 'failed' "
                   "WHEN g=42 THEN 'cancelled' ELSE 'done' END, 1+(g*7)%3, 100+(g*7919)%5000 FROM generate_series(1,260) g;")
            run(f"{ps} -c \"{sql}\"", tmp)
            add("psql-jobs-table", "psql -c 'SELECT * FROM jobs ORDER BY id'",
                run(f"{ps} -c 'SELECT * FROM jobs ORDER BY id'", tmp), n_psql)
            add("psql-stat-activity", "psql -c 'SELECT relname, seq_scan, n_live_tup ... FROM pg_stat_all_tables'",
                run(f"{ps} -c 'SELECT relname, schemaname, seq_scan, n_live_tup, n_dead_tup FROM pg_stat_all_tables "
                    f"ORDER BY relname'", tmp), n_psql)
            bad = ["SELECT * FROM job;", "INSERT INTO jobs(id) VALUES (1);", "SELECT 1/0;", "SELEC 1;",
                   "SELECT count(*) FROM jobs WHERE state = 'done';", "UPDATE jobs SET attempts = attempts + 1 WHERE id < 50;"]
            for q in bad * 3:
                run(f"{ps} -c \"{q}\"", tmp)
            run(f"psql -h 127.0.0.1 -p {port} -U nobody -X -c 'select 1'", tmp)
        run(f"{su}{pgbin}/pg_ctl -D {data} -m fast stop", tmp, timeout=60)
        if plog.exists():
            add("postgres-server-log", f"cat {plog.name}", plog.read_text(errors="replace"), n_pg_log)
    if have("sqlite3", "sqlite-box"):
        db = tmp / "shop.db"
        rng = random.Random(12)
        rows = []
        for i in range(1, 221):
            st = "refunded" if i == 77 else "chargeback" if i == 150 else rng.choice(["paid", "paid", "paid", "shipped"])
            rows.append(f"({i},'cust_{rng.randint(1, 60):03d}','{st}',{rng.randint(1, 9)},{rng.randint(5, 900)}.{rng.randint(0, 99):02d})")
        run(f"sqlite3 {db} \"CREATE TABLE orders(id INTEGER, customer TEXT, status TEXT, items INTEGER, amount REAL);"
            f"INSERT INTO orders VALUES {','.join(rows)};\"", tmp)
        add("sqlite-box-orders", "sqlite3 -box shop.db 'SELECT * FROM orders'",
            run(f"sqlite3 -box {db} 'SELECT * FROM orders'", tmp), n_sqlite_box)
        add("sqlite-box-group", "sqlite3 -box shop.db 'SELECT customer, count(*), sum(amount) ... GROUP BY customer'",
            run(f"sqlite3 -box {db} 'SELECT customer, count(*) AS n, round(sum(amount),2) AS total, max(status) AS "
                f"last_status FROM orders GROUP BY customer'", tmp), n_sqlite_box)
    if have("curl", "curl-verbose"):
        www = tmp / "www"
        www.mkdir()
        (www / "index.html").write_text("<html><body>" + "<p>hello</p>" * 50 + "</body></html>")
        port = free_port()
        p = start([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"], cwd=www)
        if wait_port(port):
            cmd = (f"curl -v http://127.0.0.1:{port}/index.html -o /dev/null; curl -v http://127.0.0.1:{port}/missing.json; "
                   f"curl -v -X POST -d 'a=1' http://127.0.0.1:{port}/api; curl -v http://127.0.0.1:1/")
            add("curl-verbose-local", "curl -v (several requests)", run(cmd, tmp), n_curl)
        stop(p)
    if have("openssl", "openssl-s-client"):
        run("openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 2 -subj '/CN=localhost/O=Hm Test'",
            tmp)
        port = free_port()
        p = start(f"openssl s_server -accept 127.0.0.1:{port} -cert c.pem -key k.pem -www", cwd=tmp)
        if wait_port(port):
            cmd = f"openssl s_client -connect 127.0.0.1:{port} -servername localhost -showcerts </dev/null"
            add("openssl-s-client-self-signed", "openssl s_client -connect 127.0.0.1:PORT -showcerts", run(cmd, tmp),
                n_openssl)
        stop(p)


# ================================================================== npm

@kind("npm-eresolve", "pkg")
def n_npm_eresolve(lines):
    """Rules 1+3: every 'npm error'/'npm ERR!' line that names the code, the conflicting packages ('Found:', 'Could not resolve dependency:', 'peer ...' / 'Conflicting peer dependency:') and the 'A complete log' line."""
    out = []
    for ln in lines:
        body = re.sub(r"^npm (ERR!|error) ?", "", ln)
        if body != ln and re.match(r"^(code |ERESOLVE|While resolving|Found: |Could not resolve dependency:|peer |"
                                   r"Conflicting peer dependency:|Fix the upstream|A complete log)", body):
            out.append(ln)
    return out


def cap_npm(tmp: Path) -> None:
    if not have("npm", "npm-eresolve"):
        return
    a = tmp / "npm1"
    write_tree(a, {"package.json": json.dumps({"name": "app", "version": "1.0.0", "dependencies": {
        "react": "17.0.2", "react-dom": "18.2.0"}})})
    add("npm-eresolve-react", "npm install", run("npm install --no-audit", a, timeout=240), n_npm_eresolve)
    b = tmp / "npm2"
    write_tree(b, {"package.json": json.dumps({"name": "lint", "version": "1.0.0", "devDependencies": {
        "eslint": "9.0.0", "eslint-config-airbnb-base": "15.0.0"}})})
    add("npm-eresolve-eslint", "npm install", run("npm install --no-audit", b, timeout=240), n_npm_eresolve)


# ================================================================== main

STEPS = [cap_python, cap_langs, cap_native, cap_git, cap_servers, cap_npm]


def main() -> None:
    cm.capture_main(__doc__, STEPS, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    main()
